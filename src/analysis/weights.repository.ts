/**
 * SQL for the weights: counts per cross-classified cell of a set of groupings, never rows. A
 * cell is a unit's category under every grouping at once ("0|3|1|2"); the registry's units per
 * cell give the margins, the respondents per cell the raking, and a question's answers per
 * (cell, group, item, code) the weighted shares and their variance. Same SQL on SQLite and
 * PostgreSQL; categories are text ("-1" for a unit without the attribute, county numbers for the
 * county grouping), as in analysis.repository.ts.
 */
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { categoryCase } from '../registry/grouping.sql.ts';
import type { Database } from '../store/schema.ts';
import type { GroupBy, UnitKind } from './analysis.repository.ts';
import { activeRecode, recodedCode } from './recode.sql.ts';

type Db = Kysely<Database>;

/** One grouping of the cells: the units' category under it. */
export type CellGrouping = Exclude<GroupBy, null>;

/** The category expression of grouping `i` (joined as unit_attribute `c{i}`), as text. */
function category(by: CellGrouping, alias: string): RawBuilder<string> {
  if (by.kind === 'county') return sql<string>`u.county_number`;
  return sql<string>`cast(${categoryCase(by.sql, sql.ref(`${alias}.value`))} as text)`;
}

/** LEFT JOINs of the attributes of the groupings, aliased c0, c1, … (and `extra` for a breakdown). */
function attributeJoins(groupings: readonly (CellGrouping | null)[], aliases: readonly string[], registryYear: number, unit: string) {
  // The county grouping is a column of the unit; only attribute groupings need a join.
  const joins = groupings.flatMap((g, i) => {
    if (g?.kind !== 'category') return [];
    const alias = aliases[i] as string;
    return [
      sql`left join unit_attribute ${sql.id(alias)} on ${sql.ref(`${alias}.number`)} = ${sql.ref(unit)} and ${sql.ref(`${alias}.year`)} = ${registryYear} and ${sql.ref(`${alias}.attribute`)} = ${g.sql.attribute}`,
    ];
  });
  return joins.length === 0 ? sql`` : sql.join(joins, sql` `);
}

const aliasesOf = (n: number) => Array.from({ length: n }, (_, i) => `c${i}`);

/** Positions 1..n for GROUP BY. */
const positions = (from: number, n: number) =>
  sql.join(
    Array.from({ length: n }, (_, i) => sql.lit(from + i)),
    sql`, `,
  );

const cellOf = (row: Record<string, unknown>, n: number) => Array.from({ length: n }, (_, i) => String(row[`g${i}`]));

/** The cell columns g0, g1, … of a select list. */
function cellColumns(groupings: readonly CellGrouping[], aliases: readonly string[]) {
  return sql.join(
    groupings.map((g, i) => sql`${category(g, aliases[i] as string)} as ${sql.id(`g${i}`)}`),
    sql`, `,
  );
}

/** Units of the round asked in each role, per cell (the registry side: the raking's margins). */
export async function populationCells(
  db: Db,
  year: number,
  registryYear: number,
  kind: UnitKind,
  groupings: readonly CellGrouping[],
): Promise<{ role: string; cell: string[]; n: number }[]> {
  const aliases = aliasesOf(groupings.length);
  const r = await sql<Record<string, unknown>>`
    select ru.role as role, ${cellColumns(groupings, aliases)}, count(*) as n
    from round_unit ru
    join unit u on u.number = ru.unit_number and u.year = ${registryYear}
    ${attributeJoins(groupings, aliases, registryYear, 'ru.unit_number')}
    where ru.round_year = ${year} and u.kind = ${kind}
    group by ${positions(1, groupings.length + 1)}`.execute(db);
  return r.rows.map((row) => ({ role: String(row.role), cell: cellOf(row, groupings.length), n: Number(row.n) }));
}

/** Respondents (submitted) per role and cell, and per category of `by` ("" without one). */
export async function respondentCells(
  db: Db,
  year: number,
  registryYear: number,
  kind: UnitKind,
  groupings: readonly CellGrouping[],
  by: GroupBy = null,
): Promise<{ role: string; cell: string[]; grp: string; n: number }[]> {
  const aliases = [...aliasesOf(groupings.length), 'cb'];
  const grp = by === null ? sql<string>`''` : category(by, 'cb');
  const r = await sql<Record<string, unknown>>`
    select r.role as role, ${cellColumns(groupings, aliases)}, ${grp} as grp, count(*) as n
    from response r
    join unit u on u.number = r.unit_number and u.year = ${registryYear}
    ${attributeJoins([...groupings, by], aliases, registryYear, 'r.unit_number')}
    where r.round_year = ${year} and r.status = 'submitted' and u.kind = ${kind}
    group by ${positions(1, groupings.length + 2)}`.execute(db);
  return r.rows.map((row) => ({ role: String(row.role), cell: cellOf(row, groupings.length), grp: String(row.grp), n: Number(row.n) }));
}

export interface CellCountRow {
  readonly cell: string[];
  /** The breakdown's category ("" without one). */
  readonly grp: string;
  readonly item: string;
  /** The (recoded) code chosen, or null for the row of respondents who answered the item at all. */
  readonly code: number | null;
  readonly n: number;
}

/**
 * One question of one role per cell, breakdown category and matrix item: respondents who chose
 * each (recoded) code, and (code null) respondents who answered at all, the N of the shares.
 */
export async function questionCells(
  db: Db,
  year: number,
  registryYear: number,
  role: string,
  question: string,
  kind: UnitKind,
  groupings: readonly CellGrouping[],
  by: GroupBy,
): Promise<CellCountRow[]> {
  const k = groupings.length;
  const aliases = [...aliasesOf(k), 'cb'];
  const grp = by === null ? sql<string>`''` : category(by, 'cb');
  const from = sql`
    from response r
    join unit u on u.number = r.unit_number and u.year = ${registryYear}
    ${attributeJoins([...groupings, by], aliases, registryYear, 'r.unit_number')}
    join answer a on a.response_id = r.id`;
  const where = sql`where r.round_year = ${year} and r.status = 'submitted' and u.kind = ${kind} and r.role = ${role} and a.question_key = ${question}`;
  const head = sql`${cellColumns(groupings, aliases)}, ${grp} as grp, a.item_key as item_key`;
  const chosen = await sql<Record<string, unknown>>`
    select ${head}, ${recodedCode('rc', 'a')} as code, count(distinct r.id) as n
    ${from}
    left join answer_recode rc on ${activeRecode('rc', 'a')}
    ${where} and a.code is not null
    group by ${positions(1, k + 3)}`.execute(db);
  const answered = await sql<Record<string, unknown>>`
    select ${head}, count(distinct r.id) as n
    ${from}
    ${where}
    group by ${positions(1, k + 2)}`.execute(db);
  const row = (r: Record<string, unknown>, code: number | null): CellCountRow => ({
    cell: cellOf(r, k),
    grp: String(r.grp),
    item: String(r.item_key),
    code,
    n: Number(r.n),
  });
  return [...chosen.rows.map((r) => row(r, Number(r.code))), ...answered.rows.map((r) => row(r, null))];
}
