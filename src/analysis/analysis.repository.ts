/**
 * SQL for the analysis: every figure starts as a GROUP BY count in the database (units by
 * category; respondents by category, item and option), the same on SQLite and PostgreSQL. No raw
 * answer rows leave the database.
 *
 * A "group" is a unit's category under a grouping: the category index of a cuts/values grouping,
 * or the county number for the county grouping; "" when no grouping is asked for, and "-1" for a
 * unit that lacks the grouping's attribute.
 */
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { type CategorySql, categoryCase } from '../registry/grouping.sql.ts';
import type { Database } from '../store/schema.ts';
import { activeRecode, recodedCode } from './recode.sql.ts';

type Db = Kysely<Database>;
export type UnitKind = 'kommune' | 'bydel';

/** How to group units: by a grouping's attribute, by county, or not at all. */
export type GroupBy = { readonly kind: 'category'; readonly sql: CategorySql } | { readonly kind: 'county' } | null;

function groupExpression(by: GroupBy): RawBuilder<string> {
  if (by === null) return sql<string>`''`;
  if (by.kind === 'county') return sql<string>`u.county_number`;
  return sql<string>`cast(${categoryCase(by.sql, sql`cat.value`)} as text)`;
}

/** Units of the round of a kind (any role) per group. */
export async function unitsByGroup(
  db: Db,
  year: number,
  registryYear: number,
  kind: UnitKind,
  by: GroupBy,
): Promise<{ grp: string; n: number }[]> {
  const grp = groupExpression(by);
  const attribute = by?.kind === 'category' ? by.sql.attribute : '-';
  const rows = await db
    .selectFrom((eb) => eb.selectFrom('round_unit').select('unit_number').distinct().where('round_year', '=', year).as('ru'))
    .innerJoin('unit as u', (j) => j.onRef('u.number', '=', 'ru.unit_number').on('u.year', '=', registryYear))
    .leftJoin('unit_attribute as cat', (j) =>
      j.onRef('cat.number', '=', 'ru.unit_number').on('cat.year', '=', registryYear).on('cat.attribute', '=', attribute),
    )
    .where('u.kind', '=', kind)
    .select([grp.as('grp'), sql<number>`count(*)`.as('n')])
    .groupBy(sql`1`)
    .execute();
  return rows.map((r) => ({ grp: String(r.grp), n: Number(r.n) }));
}

function submitted(db: Db, year: number, registryYear: number, kind: UnitKind, by: GroupBy) {
  const attribute = by?.kind === 'category' ? by.sql.attribute : '-';
  return db
    .selectFrom('response as r')
    .innerJoin('unit as u', (j) => j.onRef('u.number', '=', 'r.unit_number').on('u.year', '=', registryYear))
    .leftJoin('unit_attribute as cat', (j) =>
      j.onRef('cat.number', '=', 'r.unit_number').on('cat.year', '=', registryYear).on('cat.attribute', '=', attribute),
    )
    .where('r.round_year', '=', year)
    .where('r.status', '=', 'submitted')
    .where('u.kind', '=', kind);
}

/** Respondents (submitted) per role and group. */
export async function respondentsByGroup(
  db: Db,
  year: number,
  registryYear: number,
  kind: UnitKind,
  by: GroupBy,
): Promise<{ role: string; grp: string; n: number }[]> {
  const grp = groupExpression(by);
  const rows = await submitted(db, year, registryYear, kind, by)
    .select(['r.role as role', grp.as('grp'), sql<number>`count(*)`.as('n')])
    .groupBy([sql`1`, sql`2`])
    .execute();
  return rows.map((r) => ({ role: r.role, grp: String(r.grp), n: Number(r.n) }));
}

export interface OptionCountRow {
  grp: string;
  item_key: string;
  code: number;
  n: number;
}

/** Respondents per group, matrix item and chosen code of one question (submitted responses). */
export async function optionCounts(
  db: Db,
  year: number,
  registryYear: number,
  role: string,
  question: string,
  kind: UnitKind,
  by: GroupBy,
): Promise<OptionCountRow[]> {
  const grp = groupExpression(by);
  const rows = await submitted(db, year, registryYear, kind, by)
    .innerJoin('answer as a', 'a.response_id', 'r.id')
    .leftJoin('answer_recode as rc', (j) => j.on(activeRecode('rc', 'a')))
    .where('r.role', '=', role)
    .where('a.question_key', '=', question)
    .where('a.code', 'is not', null)
    // An analyst's recode replaces the chosen code ("annet" → an existing option).
    .select([grp.as('grp'), 'a.item_key as item_key', recodedCode('rc', 'a').as('code'), sql<number>`count(distinct r.id)`.as('n')])
    .groupBy([sql`1`, 'a.item_key', sql`3`])
    .execute();
  return rows.map((r) => ({ grp: String(r.grp), item_key: r.item_key, code: Number(r.code), n: Number(r.n) }));
}

/** Respondents per value of a number question ("skriv inn antall"): the distribution, not the rows. */
export async function numberCounts(
  db: Db,
  year: number,
  registryYear: number,
  role: string,
  question: string,
  kind: UnitKind,
): Promise<{ value: number; n: number }[]> {
  const rows = await submitted(db, year, registryYear, kind, null)
    .innerJoin('answer as a', 'a.response_id', 'r.id')
    .where('r.role', '=', role)
    .where('a.question_key', '=', question)
    .where('a.num', 'is not', null)
    .select([sql<number>`a.num`.as('value'), sql<number>`count(distinct r.id)`.as('n')])
    .groupBy('a.num')
    .orderBy('a.num')
    .execute();
  return rows.map((r) => ({ value: Number(r.value), n: Number(r.n) }));
}

/** Respondents who answered the question (per group and matrix item): the N of a frequency table. */
export async function answeredCounts(
  db: Db,
  year: number,
  registryYear: number,
  role: string,
  question: string,
  kind: UnitKind,
  by: GroupBy,
): Promise<{ grp: string; item_key: string; n: number }[]> {
  const grp = groupExpression(by);
  const rows = await submitted(db, year, registryYear, kind, by)
    .innerJoin('answer as a', 'a.response_id', 'r.id')
    .where('r.role', '=', role)
    .where('a.question_key', '=', question)
    .select([grp.as('grp'), 'a.item_key as item_key', sql<number>`count(distinct r.id)`.as('n')])
    .groupBy([sql`1`, 'a.item_key'])
    .execute();
  return rows.map((r) => ({ grp: String(r.grp), item_key: r.item_key, n: Number(r.n) }));
}

/** County names of a registry year, by number. */
export async function countyNames(db: Db, registryYear: number): Promise<{ county_number: string; county_name: string }[]> {
  return db
    .selectFrom('unit')
    .select(['county_number', 'county_name'])
    .distinct()
    .where('year', '=', registryYear)
    .orderBy('county_number')
    .execute();
}

/** Numbers of the units of a kind in a registry year. */
export async function unitsOfKind(db: Db, registryYear: number, kind: UnitKind): Promise<string[]> {
  return (await db.selectFrom('unit').select('number').where('year', '=', registryYear).where('kind', '=', kind).execute()).map(
    (r) => r.number,
  );
}

/** Respondents per pair of codes of two questions (or matrix items) of the same role: an association's cross-table. */
export async function pairCounts(
  db: Db,
  year: number,
  registryYear: number,
  role: string,
  first: { question: string; item: string },
  second: { question: string; item: string },
  kind: UnitKind,
): Promise<{ x: number; y: number; n: number }[]> {
  const rows = await submitted(db, year, registryYear, kind, null)
    .innerJoin('answer as a1', (j) =>
      j.onRef('a1.response_id', '=', 'r.id').on('a1.question_key', '=', first.question).on('a1.item_key', '=', first.item),
    )
    .innerJoin('answer as a2', (j) =>
      j.onRef('a2.response_id', '=', 'r.id').on('a2.question_key', '=', second.question).on('a2.item_key', '=', second.item),
    )
    .leftJoin('answer_recode as rc1', (j) => j.on(activeRecode('rc1', 'a1')))
    .leftJoin('answer_recode as rc2', (j) => j.on(activeRecode('rc2', 'a2')))
    .where('r.role', '=', role)
    .where('a1.code', 'is not', null)
    .where('a2.code', 'is not', null)
    .select([recodedCode('rc1', 'a1').as('x'), recodedCode('rc2', 'a2').as('y'), sql<number>`count(distinct r.id)`.as('n')])
    .groupBy([sql`1`, sql`2`])
    .execute();
  return rows.map((r) => ({ x: Number(r.x), y: Number(r.y), n: Number(r.n) }));
}

export interface TextAnswerRow {
  response_id: number;
  unit_number: string;
  unit_name: string;
  question_key: string;
  item_key: string;
  code: number | null;
  text: string;
  recode_id: number | null;
  to_code: number | null;
  recoded_by: string | null;
  recoded_at: string | null;
}

/** Free-text answers ("annet, spesifiser" and text questions) of submitted responses, with any active recode. */
export async function textAnswers(db: Db, year: number, registryYear: number, role: string, question?: string): Promise<TextAnswerRow[]> {
  let q = db
    .selectFrom('response as r')
    .innerJoin('unit as u', (j) => j.onRef('u.number', '=', 'r.unit_number').on('u.year', '=', registryYear))
    .innerJoin('answer as a', 'a.response_id', 'r.id')
    .leftJoin('answer_recode as rc', (j) => j.on(activeRecode('rc', 'a')))
    .where('r.round_year', '=', year)
    .where('r.role', '=', role)
    .where('r.status', '=', 'submitted')
    .where('a.text', 'is not', null);
  if (question) q = q.where('a.question_key', '=', question);
  return q
    .select([
      'r.id as response_id',
      'r.unit_number as unit_number',
      'u.name as unit_name',
      'a.question_key as question_key',
      'a.item_key as item_key',
      'a.code as code',
      sql<string>`a.text`.as('text'),
      'rc.id as recode_id',
      'rc.to_code as to_code',
      'rc.by_user as recoded_by',
      'rc.at as recoded_at',
    ])
    .orderBy('a.question_key')
    .orderBy('r.unit_number')
    .execute();
}

export async function findResponseId(db: Db, year: number, role: string, unitNumber: string): Promise<number | undefined> {
  return (
    await db
      .selectFrom('response')
      .select('id')
      .where('round_year', '=', year)
      .where('role', '=', role)
      .where('unit_number', '=', unitNumber)
      .executeTakeFirst()
  )?.id;
}

/** The answer row carrying a text, of one question (and item) of a response. */
export async function answerWithText(
  db: Db,
  responseId: number,
  question: string,
  item: string,
): Promise<{ code: number | null; text: string } | undefined> {
  const row = await db
    .selectFrom('answer')
    .select(['code', 'text'])
    .where('response_id', '=', responseId)
    .where('question_key', '=', question)
    .where('item_key', '=', item)
    .where('text', 'is not', null)
    .executeTakeFirst();
  return row ? { code: row.code, text: row.text as string } : undefined;
}

export async function revertRecodes(
  db: Db,
  where: { responseId?: number; question?: string; item?: string; id?: number },
  at: string,
  by: string,
): Promise<number> {
  let q = db.updateTable('answer_recode').set({ reverted_at: at, reverted_by: by }).where('reverted_at', 'is', null);
  if (where.id !== undefined) q = q.where('id', '=', where.id);
  if (where.responseId !== undefined) q = q.where('response_id', '=', where.responseId);
  if (where.question !== undefined) q = q.where('question_key', '=', where.question);
  if (where.item !== undefined) q = q.where('item_key', '=', where.item);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function insertRecode(
  db: Db,
  row: {
    response_id: number;
    question_key: string;
    item_key: string;
    from_code: number;
    to_code: number;
    text: string;
    by_user: string;
    at: string;
  },
): Promise<number> {
  return (
    await db
      .insertInto('answer_recode')
      .values({ ...row, reverted_at: null, reverted_by: null })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

export interface RecodeLogRow {
  id: number;
  unit_number: string;
  question_key: string;
  item_key: string;
  from_code: number;
  to_code: number;
  text: string;
  by_user: string;
  at: string;
  reverted_at: string | null;
  reverted_by: string | null;
}

export async function recodeLog(db: Db, year: number, role: string): Promise<RecodeLogRow[]> {
  return db
    .selectFrom('answer_recode as rc')
    .innerJoin('response as r', 'r.id', 'rc.response_id')
    .where('r.round_year', '=', year)
    .where('r.role', '=', role)
    .select([
      'rc.id as id',
      'r.unit_number as unit_number',
      'rc.question_key as question_key',
      'rc.item_key as item_key',
      'rc.from_code as from_code',
      'rc.to_code as to_code',
      'rc.text as text',
      'rc.by_user as by_user',
      'rc.at as at',
      'rc.reverted_at as reverted_at',
      'rc.reverted_by as reverted_by',
    ])
    .orderBy('rc.id')
    .execute();
}

/** Respondents (submitted) who chose any of `codes` for a question, and respondents who chose any of `base` codes. */
export async function respondentsWithCodes(
  db: Db,
  year: number,
  registryYear: number,
  role: string,
  question: string,
  codes: readonly number[],
  kind: UnitKind,
): Promise<number> {
  if (codes.length === 0) return 0;
  const row = await submitted(db, year, registryYear, kind, null)
    .innerJoin('answer as a', 'a.response_id', 'r.id')
    .leftJoin('answer_recode as rc', (j) => j.on(activeRecode('rc', 'a')))
    .where('r.role', '=', role)
    .where('a.question_key', '=', question)
    .where(sql<boolean>`${recodedCode('rc', 'a')} in (${sql.join(codes.map((c) => sql.lit(c)))})`)
    .select(sql<number>`count(distinct r.id)`.as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Per responding unit: whether it chose any of `codes`, and whether its answer is in `base` (a trend's base). */
export async function unitChoices(
  db: Db,
  year: number,
  registryYear: number,
  role: string,
  question: string,
  codes: readonly number[],
  base: readonly number[] | null,
  kind: UnitKind,
): Promise<{ unit_number: string; chose: number; in_base: number }[]> {
  const code = recodedCode('rc', 'a');
  const inList = (list: readonly number[]) => (list.length === 0 ? sql`1 = 0` : sql`${code} in (${sql.join(list.map((c) => sql.lit(c)))})`);
  const rows = await submitted(db, year, registryYear, kind, null)
    .innerJoin('answer as a', 'a.response_id', 'r.id')
    .leftJoin('answer_recode as rc', (j) => j.on(activeRecode('rc', 'a')))
    .where('r.role', '=', role)
    .where('a.question_key', '=', question)
    .select([
      'r.unit_number as unit_number',
      sql<number>`max(case when ${inList(codes)} then 1 else 0 end)`.as('chose'),
      sql<number>`max(case when ${base === null ? sql`1 = 1` : inList(base)} then 1 else 0 end)`.as('in_base'),
    ])
    .groupBy('r.unit_number')
    .execute();
  return rows.map((r) => ({ unit_number: r.unit_number, chose: Number(r.chose), in_base: Number(r.in_base) }));
}
