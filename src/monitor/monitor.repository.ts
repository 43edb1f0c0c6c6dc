/**
 * SQL for monitoring a round while it is collected: counts grouped in the database (GROUP BY), so
 * the figures cost the same whether the store holds one round or twenty. Given `asOf` (an ISO
 * instant, the app's clock), the counts are as they stood then: a response submitted later counts
 * as started, one started later not at all, and a mail sent later as not sent.
 */
import { type Expression, type Kysely, type SqlBool, sql } from 'kysely';
import { type CategorySql, categoryCase } from '../registry/grouping.sql.ts';
import type { Database } from '../store/schema.ts';

export type { CategorySql };

type Db = Kysely<Database>;

/** Timestamps are stored as ISO 8601 UTC text, so comparing the text compares the instants. */
function submittedBy(asOf: string | undefined) {
  return asOf === undefined
    ? sql<SqlBool>`r.status = 'submitted'`
    : sql<SqlBool>`r.status = 'submitted' and coalesce(r.submitted_at, r.updated_at) <= ${asOf}`;
}

function startedBy(asOf: string | undefined) {
  return asOf === undefined
    ? sql<SqlBool>`r.status in ('in_progress', 'submitted')`
    : sql<SqlBool>`r.status in ('in_progress', 'submitted') and coalesce(r.started_at, r.updated_at) <= ${asOf}`;
}

export interface StatusCountRow {
  role: string;
  kind: 'kommune' | 'bydel';
  county_number: string;
  county_name: string;
  /** Category index of the grouping asked for (-1: none, or the unit lacks the attribute). */
  category: number;
  status: 'in_progress' | 'submitted' | null;
  invited: number;
  units: number;
  population: number | null;
  immigrants: number | null;
}

/**
 * Units of a round counted by role, kind, county, response status, whether invited, and
 * optionally a grouping's category; with the population and immigrants they stand for.
 */
export async function statusCounts(
  db: Db,
  year: number,
  registryYear: number,
  grouping?: CategorySql,
  asOf?: string,
): Promise<StatusCountRow[]> {
  const attr = <A extends string>(alias: A, name: string) =>
    db.selectFrom('unit_attribute').select(['number', 'value']).where('year', '=', registryYear).where('attribute', '=', name).as(alias);
  const invited = db
    .selectFrom('outbox')
    .select(['unit_number', 'role'])
    .where('round_year', '=', year)
    // A mail sent by hand carries the link too, and the schedule sends no invitation after it.
    .where('kind', 'in', ['invitation', 'manual'])
    .where('status', '=', 'sent')
    .$if(asOf !== undefined, (q) => q.where('sent_at', '<=', asOf as string))
    .groupBy(['unit_number', 'role'])
    .as('inv');
  const category = categoryCase(grouping, sql.ref('cat.value'));
  const rows = await db
    .selectFrom('round_unit as ru')
    .innerJoin('unit as u', (j) => j.onRef('u.number', '=', 'ru.unit_number').on('u.year', '=', registryYear))
    .leftJoin('response as r', (j) =>
      j.onRef('r.unit_number', '=', 'ru.unit_number').onRef('r.role', '=', 'ru.role').on('r.round_year', '=', year),
    )
    .leftJoin(invited, (j) => j.onRef('inv.unit_number', '=', 'ru.unit_number').onRef('inv.role', '=', 'ru.role'))
    .leftJoin(attr('pop', 'folketall'), 'pop.number', 'ru.unit_number')
    .leftJoin(attr('imm', 'innvandrere'), 'imm.number', 'ru.unit_number')
    .leftJoin(attr('cat', grouping?.attribute ?? '-'), 'cat.number', 'ru.unit_number')
    .where('ru.round_year', '=', year)
    .select([
      'ru.role as role',
      'u.kind as kind',
      'u.county_number as county_number',
      'u.county_name as county_name',
      category.as('category'),
      sql<
        'in_progress' | 'submitted' | null
      >`case when ${submittedBy(asOf)} then 'submitted' when ${startedBy(asOf)} then 'in_progress' else null end`.as('status'),
      sql<number>`case when inv.unit_number is null then 0 else 1 end`.as('invited'),
      sql<number>`count(*)`.as('units'),
      sql<number | null>`sum(pop.value)`.as('population'),
      sql<number | null>`sum(imm.value)`.as('immigrants'),
    ])
    .groupBy([
      'ru.role',
      'u.kind',
      'u.county_number',
      'u.county_name',
      // category, status and invited by position in the select list (both dialects allow it)
      sql`5`,
      sql`6`,
      sql`7`,
    ])
    .execute();
  return rows.map((r) => ({ ...r, units: Number(r.units), invited: Number(r.invited), category: Number(r.category) }));
}

/** Municipalities (or districts) that took part, and those that submitted at least one questionnaire. */
export async function unitsAnyRole(
  db: Db,
  year: number,
  registryYear: number,
  kind: 'kommune' | 'bydel',
  asOf?: string,
): Promise<{ units: number; submitted: number }> {
  const isKind = (ref: Expression<string>): Expression<SqlBool> => sql<SqlBool>`${ref} = ${kind}`;
  const units = await db
    .selectFrom('round_unit as ru')
    .innerJoin('unit as u', (j) => j.onRef('u.number', '=', 'ru.unit_number').on('u.year', '=', registryYear))
    .where('ru.round_year', '=', year)
    .where(isKind(sql.ref('u.kind')))
    .select(sql<number>`count(distinct ru.unit_number)`.as('n'))
    .executeTakeFirstOrThrow();
  const submitted = await db
    .selectFrom('response as r')
    .innerJoin('unit as u', (j) => j.onRef('u.number', '=', 'r.unit_number').on('u.year', '=', registryYear))
    .innerJoin('round_unit as ru', (j) =>
      j.onRef('ru.unit_number', '=', 'r.unit_number').onRef('ru.role', '=', 'r.role').onRef('ru.round_year', '=', 'r.round_year'),
    )
    .where('r.round_year', '=', year)
    .where(submittedBy(asOf))
    .where(isKind(sql.ref('u.kind')))
    .select(sql<number>`count(distinct r.unit_number)`.as('n'))
    .executeTakeFirstOrThrow();
  return { units: Number(units.n), submitted: Number(submitted.n) };
}

/** Submissions per role and UTC hour (the service folds hours into Oslo days), up to `asOf` when given. */
export async function submissionsByHour(db: Db, year: number, asOf?: string): Promise<{ role: string; hour: string; n: number }[]> {
  const hour = sql<string>`substr(submitted_at, 1, 13)`;
  const rows = await db
    .selectFrom('response')
    .where('round_year', '=', year)
    .where('status', '=', 'submitted')
    .where('submitted_at', 'is not', null)
    .$if(asOf !== undefined, (q) => q.where('submitted_at', '<=', asOf as string))
    .select(['role', hour.as('hour'), sql<number>`count(*)`.as('n')])
    .groupBy(['role', hour])
    .orderBy(hour)
    .execute();
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}

export interface ChaseRow {
  role: string;
  unit_number: string;
  name: string;
  county_name: string;
  kind: 'kommune' | 'bydel';
  population: number | null;
  status: 'in_progress' | null;
  updated_at: string | null;
  mails_sent: number;
  last_mail_at: string | null;
  last_contact_at: string | null;
  last_outcome: string | null;
  phone: string | null;
}

/**
 * Units and roles that had not submitted at `asOf` (everything stored when not given), with what
 * had been done to reach them by then.
 */
export async function chaseRows(db: Db, year: number, registryYear: number, asOf?: string): Promise<ChaseRow[]> {
  const mails = db
    .selectFrom('outbox')
    .where('round_year', '=', year)
    .where('status', '=', 'sent')
    .$if(asOf !== undefined, (q) => q.where('sent_at', '<=', asOf as string))
    .select(['unit_number', 'role', sql<number>`count(*)`.as('n'), sql<string>`max(sent_at)`.as('last_at')])
    .groupBy(['unit_number', 'role'])
    .as('m');
  const lastFollowup = db
    .selectFrom('followup')
    .where('round_year', '=', year)
    .$if(asOf !== undefined, (q) => q.where('at', '<=', asOf as string))
    .select(['unit_number', 'role', sql<string>`max(at)`.as('last_at')])
    .groupBy(['unit_number', 'role'])
    .as('lf');
  const rows = await db
    .selectFrom('round_unit as ru')
    .innerJoin('unit as u', (j) => j.onRef('u.number', '=', 'ru.unit_number').on('u.year', '=', registryYear))
    .leftJoin('response as r', (j) =>
      j.onRef('r.unit_number', '=', 'ru.unit_number').onRef('r.role', '=', 'ru.role').on('r.round_year', '=', year),
    )
    .leftJoin(mails, (j) => j.onRef('m.unit_number', '=', 'ru.unit_number').onRef('m.role', '=', 'ru.role'))
    .leftJoin(lastFollowup, (j) => j.onRef('lf.unit_number', '=', 'ru.unit_number').onRef('lf.role', '=', 'ru.role'))
    .leftJoin('followup as f', (j) =>
      j
        .onRef('f.unit_number', '=', 'ru.unit_number')
        .onRef('f.role', '=', 'ru.role')
        .on('f.round_year', '=', year)
        .onRef('f.at', '=', 'lf.last_at'),
    )
    .leftJoin('contact as c', (j) =>
      j.onRef('c.unit_number', '=', 'ru.unit_number').onRef('c.role', '=', 'ru.role').on('c.superseded_at', 'is', null),
    )
    .leftJoin('unit_attribute as pop', (j) =>
      j.onRef('pop.number', '=', 'ru.unit_number').on('pop.year', '=', registryYear).on('pop.attribute', '=', 'folketall'),
    )
    .where('ru.round_year', '=', year)
    // Not submitted by then: no response, one in progress, or one submitted later.
    .where(sql<SqlBool>`(case when ${submittedBy(asOf)} then 1 else 0 end) = 0`)
    .select([
      'ru.role as role',
      'ru.unit_number as unit_number',
      'u.name as name',
      'u.county_name as county_name',
      'u.kind as kind',
      sql<number | null>`pop.value`.as('population'),
      sql<'in_progress' | null>`case when ${startedBy(asOf)} then 'in_progress' else null end`.as('status'),
      // The last save we know of by then: a later save hides earlier ones, so the start stands in.
      (asOf === undefined
        ? sql<string | null>`r.updated_at`
        : sql<string | null>`case when r.updated_at <= ${asOf} then r.updated_at else r.started_at end`
      ).as('updated_at'),
      sql<number>`coalesce(m.n, 0)`.as('mails_sent'),
      'm.last_at as last_mail_at',
      'lf.last_at as last_contact_at',
      'f.outcome as last_outcome',
      'c.phone as phone',
    ])
    .orderBy('ru.role')
    .orderBy('ru.unit_number')
    .execute();
  return rows.map((r) => ({ ...r, mails_sent: Number(r.mails_sent), population: r.population === null ? null : Number(r.population) }));
}

/** The round's units (of both kinds, any role) with their category under a grouping (-1: none). */
export async function unitCategories(
  db: Db,
  year: number,
  registryYear: number,
  grouping: CategorySql,
): Promise<{ unit_number: string; kind: 'kommune' | 'bydel'; category: number }[]> {
  const rows = await roundUnitsWith(db, year, registryYear, grouping)
    .select(['ru.unit_number as unit_number', 'u.kind as kind', categoryCase(grouping, sql.ref('cat.value')).as('category')])
    .execute();
  return rows.map((r) => ({ ...r, category: Number(r.category) }));
}

/** The round's units (any role) per kind and category of a grouping: Table 1's population column. */
export async function unitsPerCategory(
  db: Db,
  year: number,
  registryYear: number,
  grouping: CategorySql,
): Promise<{ kind: 'kommune' | 'bydel'; category: number; units: number }[]> {
  const rows = await roundUnitsWith(db, year, registryYear, grouping)
    .select(['u.kind as kind', categoryCase(grouping, sql.ref('cat.value')).as('category'), sql<number>`count(*)`.as('units')])
    .groupBy(['u.kind', sql`2`])
    .execute();
  return rows.map((r) => ({ kind: r.kind, category: Number(r.category), units: Number(r.units) }));
}

/** Each unit of the round once (whatever its roles), with its registry row and the grouping's attribute. */
function roundUnitsWith(db: Db, year: number, registryYear: number, grouping: CategorySql) {
  return db
    .selectFrom((eb) => eb.selectFrom('round_unit').select('unit_number').distinct().where('round_year', '=', year).as('ru'))
    .innerJoin('unit as u', (j) => j.onRef('u.number', '=', 'ru.unit_number').on('u.year', '=', registryYear))
    .leftJoin('unit_attribute as cat', (j) =>
      j.onRef('cat.number', '=', 'ru.unit_number').on('cat.year', '=', registryYear).on('cat.attribute', '=', grouping.attribute),
    );
}
