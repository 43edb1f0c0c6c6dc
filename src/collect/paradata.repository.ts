/**
 * SQL for paradata: page events written by the form, and the counts the dashboard reads from
 * them (GROUP BY per page; durations as whole seconds with their counts, so the median is
 * computed from counts, never from the rows).
 */
import { type Kysely, sql } from 'kysely';
import type { Database, FormEventTable } from '../store/schema.ts';
import type { Dialect } from '../store/store.ts';

type Db = Kysely<Database>;

export async function addEvent(
  db: Db,
  e: { year: number; role: string; unitNumber: string; section: string; kind: FormEventTable['kind']; at: string },
): Promise<void> {
  await db
    .insertInto('form_event')
    .values({ round_year: e.year, role: e.role, unit_number: e.unitNumber, section_key: e.section, kind: e.kind, at: e.at })
    .execute();
}

/** Units shown each page (distinct), and saves per page, up to `asOf`. */
export async function pageCounts(
  db: Db,
  year: number,
  role: string,
  asOf: string,
): Promise<{ section_key: string; shown: number; saves: number }[]> {
  const rows = await db
    .selectFrom('form_event')
    .select((eb) => [
      'section_key',
      eb.fn
        .count<number>(eb.case().when('kind', '=', 'shown').then(eb.ref('unit_number')).end())
        .distinct()
        .as('shown'),
      eb.fn.sum<number>(eb.case().when('kind', '=', 'saved').then(1).else(0).end()).as('saves'),
    ])
    .where('round_year', '=', year)
    .where('role', '=', role)
    .where('at', '<=', asOf)
    .where('section_key', '!=', '')
    .groupBy('section_key')
    .execute();
  return rows.map((r) => ({ section_key: r.section_key, shown: Number(r.shown), saves: Number(r.saves ?? 0) }));
}

/**
 * Units whose last event up to `asOf` is on a page and that had not submitted by then: where
 * respondents stopped (breakoff), per page.
 */
export async function lastPages(db: Db, year: number, role: string, asOf: string): Promise<{ section_key: string; n: number }[]> {
  const rows = await sql<{ section_key: string; n: number }>`
    select e.section_key, count(*) as n
    from form_event e
    join (
      select unit_number, max(id) as last_id from form_event
      where round_year = ${year} and role = ${role} and at <= ${asOf}
      group by unit_number
    ) l on l.last_id = e.id
    where e.section_key <> ''
      and not exists (
        select 1 from response r
        where r.round_year = ${year} and r.role = ${role} and r.unit_number = e.unit_number
          and r.status = 'submitted' and r.submitted_at <= ${asOf}
      )
    group by e.section_key`.execute(db);
  return rows.rows.map((r) => ({ section_key: r.section_key, n: Number(r.n) }));
}

/**
 * Seconds from a page being shown to its next save (valid or not) by the same unit, as whole
 * seconds with how often each occurred, per page; visits longer than `maxSeconds` (the tab left
 * open overnight) are left out.
 */
export async function pageDurations(
  db: Db,
  dialect: Dialect,
  year: number,
  role: string,
  asOf: string,
  maxSeconds: number,
): Promise<{ section_key: string; seconds: number; n: number }[]> {
  const seconds =
    dialect === 'postgres'
      ? sql`round(extract(epoch from (at::timestamptz - prev_at::timestamptz)))`
      : sql`cast(round((julianday(at) - julianday(prev_at)) * 86400) as integer)`;
  const rows = await sql<{ section_key: string; seconds: number; n: number }>`
    select section_key, ${seconds} as seconds, count(*) as n
    from (
      select section_key, kind, at,
        lag(kind) over (partition by unit_number order by id) as prev_kind,
        lag(at) over (partition by unit_number order by id) as prev_at,
        lag(section_key) over (partition by unit_number order by id) as prev_section
      from form_event
      where round_year = ${year} and role = ${role} and at <= ${asOf}
    ) visits
    where kind in ('saved', 'invalid') and prev_kind = 'shown' and prev_section = section_key
    group by section_key, ${seconds}`.execute(db);
  return rows.rows
    .map((r) => ({ section_key: r.section_key, seconds: Number(r.seconds), n: Number(r.n) }))
    .filter((r) => r.seconds <= maxSeconds);
}
