/**
 * SQL for the registry: units, their attributes and the mappings between divisions.
 */
import { type Kysely, sql } from 'kysely';
import { insertChunked } from '../store/batch.ts';
import type { Database } from '../store/schema.ts';
import type { Dialect } from '../store/store.ts';
import type { MappingEntry, Unit } from './registry.types.ts';

type Db = Kysely<Database>;

/** Replaces every unit and attribute of `year`; call inside a transaction. */
export async function replaceYear(db: Db, year: number, units: readonly Unit[]): Promise<void> {
  await db.deleteFrom('unit_attribute').where('year', '=', year).execute();
  await db.deleteFrom('unit').where('year', '=', year).execute();
  await insertChunked(
    db,
    'unit',
    units.map((u) => ({
      year,
      number: u.number,
      name: u.name,
      county_number: u.countyNumber,
      county_name: u.countyName,
      kind: u.kind,
      parent_number: u.parentNumber,
    })),
  );
  await insertChunked(
    db,
    'unit_attribute',
    units.flatMap((u) => Object.entries(u.attributes).map(([attribute, value]) => ({ year, number: u.number, attribute, value }))),
  );
}

export async function listUnits(db: Db, year: number): Promise<Unit[]> {
  const rows = await db.selectFrom('unit').selectAll().where('year', '=', year).orderBy('number').execute();
  const attrs = await db
    .selectFrom('unit_attribute')
    .select(['number', 'attribute', 'value'])
    .where('year', '=', year)
    .orderBy('number')
    .orderBy('attribute')
    .execute();
  const byUnit = new Map<string, Record<string, number>>();
  for (const a of attrs) {
    const rec = byUnit.get(a.number) ?? {};
    rec[a.attribute] = a.value;
    byUnit.set(a.number, rec);
  }
  return rows.map((r) => ({
    number: r.number,
    name: r.name,
    countyNumber: r.county_number,
    countyName: r.county_name,
    kind: r.kind,
    parentNumber: r.parent_number,
    attributes: byUnit.get(r.number) ?? {},
  }));
}

export async function findUnit(db: Db, year: number, number: string): Promise<Unit | undefined> {
  const r = await db.selectFrom('unit').selectAll().where('year', '=', year).where('number', '=', number).executeTakeFirst();
  if (!r) return undefined;
  const attrs = await db
    .selectFrom('unit_attribute')
    .select(['attribute', 'value'])
    .where('year', '=', year)
    .where('number', '=', number)
    .execute();
  return {
    number: r.number,
    name: r.name,
    countyNumber: r.county_number,
    countyName: r.county_name,
    kind: r.kind,
    parentNumber: r.parent_number,
    attributes: Object.fromEntries(attrs.map((a) => [a.attribute, a.value])),
  };
}

export async function listYears(db: Db): Promise<{ year: number; units: number }[]> {
  const rows = await db
    .selectFrom('unit')
    .select((eb) => ['year', eb.fn.countAll<number>().as('units')])
    .groupBy('year')
    .orderBy('year')
    .execute();
  return rows.map((r) => ({ year: r.year, units: Number(r.units) }));
}

export async function unitNumbers(db: Db, year: number): Promise<Set<string>> {
  const rows = await db.selectFrom('unit').select('number').where('year', '=', year).execute();
  return new Set(rows.map((r) => r.number));
}

export async function replaceMapping(db: Db, fromYear: number, toYear: number, entries: readonly MappingEntry[]): Promise<void> {
  await db.deleteFrom('division_mapping').where('from_year', '=', fromYear).where('to_year', '=', toYear).execute();
  await insertChunked(
    db,
    'division_mapping',
    entries.map((e) => ({ from_year: fromYear, to_year: toYear, from_number: e.fromNumber, to_number: e.toNumber, share: e.share })),
  );
}

export async function listMapping(db: Db, fromYear: number, toYear: number): Promise<MappingEntry[]> {
  const rows = await db
    .selectFrom('division_mapping')
    .select(['from_number', 'to_number', 'share'])
    .where('from_year', '=', fromYear)
    .where('to_year', '=', toYear)
    .orderBy('from_number')
    .orderBy('to_number')
    .execute();
  return rows.map((r) => ({ fromNumber: r.from_number, toNumber: r.to_number, share: r.share }));
}

// ---------------------------------------------------------------------------------------------
// Re-imports of a year that rounds use (see registry.diff.ts)

/** Rounds on a registry year, with the roles they have questionnaires for. */
/**
 * Holds off new responses and links until the import's transaction ends, so none can appear for
 * a unit between the check that it has nothing and its removal. PostgreSQL: a table lock that
 * lets readers through and makes writers (form saves, new links) wait; it conflicts with itself,
 * so two imports queue instead of deadlocking. SQLite: the transaction's write lock does it.
 */
export async function lockRoundRecords(db: Db, dialect: Dialect): Promise<void> {
  if (dialect === 'postgres') await sql`lock table response, access_token in share row exclusive mode`.execute(db);
}

export async function roundsOnRegistryYear(db: Db, year: number): Promise<{ year: number; roles: string[] }[]> {
  const rows = await db
    .selectFrom('round as r')
    .leftJoin('questionnaire as q', 'q.round_year', 'r.year')
    .select(['r.year as year', 'q.role as role'])
    .where('r.registry_year', '=', year)
    .orderBy('r.year')
    .orderBy('q.role')
    .execute();
  const out = new Map<number, string[]>();
  for (const r of rows) {
    const roles = out.get(r.year) ?? [];
    if (r.role !== null) roles.push(r.role);
    out.set(r.year, roles);
  }
  return [...out].map(([y, roles]) => ({ year: y, roles }));
}

export async function roundUnitRows(db: Db, rounds: readonly number[]): Promise<{ round: number; role: string; unit: string }[]> {
  if (rounds.length === 0) return [];
  const rows = await db
    .selectFrom('round_unit')
    .select(['round_year', 'role', 'unit_number'])
    .where('round_year', 'in', rounds)
    .orderBy('round_year')
    .orderBy('role')
    .orderBy('unit_number')
    .execute();
  return rows.map((r) => ({ round: r.round_year, role: r.role, unit: r.unit_number }));
}

/** The tables that keep rows per round, role and unit number. */
const roundTables = { links: 'access_token', responses: 'response', outbox: 'outbox', followups: 'followup' } as const;

/**
 * What the rounds keep per role and unit, counted: links, responses, mail and follow-ups, and the
 * current contacts of the units that take part in that role.
 */
export async function attachedRows(
  db: Db,
  rounds: readonly number[],
): Promise<
  { round: number; role: string; unit: string; kind: 'links' | 'responses' | 'contacts' | 'outbox' | 'followups'; count: number }[]
> {
  if (rounds.length === 0) return [];
  const out = [];
  for (const [kind, table] of Object.entries(roundTables) as [keyof typeof roundTables, (typeof roundTables)[keyof typeof roundTables]][]) {
    const rows = await db
      .selectFrom(table)
      .select((eb) => ['round_year', 'role', 'unit_number', eb.fn.countAll<number>().as('n')])
      .where('round_year', 'in', rounds)
      .groupBy(['round_year', 'role', 'unit_number'])
      .execute();
    for (const r of rows) out.push({ round: r.round_year, role: r.role, unit: r.unit_number, kind, count: Number(r.n) });
  }
  const contacts = await db
    .selectFrom('contact as c')
    .innerJoin('round_unit as ru', (j) => j.onRef('ru.unit_number', '=', 'c.unit_number').onRef('ru.role', '=', 'c.role'))
    .select((eb) => ['ru.round_year', 'ru.role', 'ru.unit_number', eb.fn.countAll<number>().as('n')])
    .where('ru.round_year', 'in', rounds)
    .where('c.superseded_at', 'is', null)
    .groupBy(['ru.round_year', 'ru.role', 'ru.unit_number'])
    .execute();
  for (const r of contacts)
    out.push({ round: r.round_year, role: r.role, unit: r.unit_number, kind: 'contacts' as const, count: Number(r.n) });
  return out;
}

/** Current contacts by unit and role. */
export async function currentContactPairs(db: Db): Promise<{ unit: string; role: string }[]> {
  const rows = await db.selectFrom('contact').select(['unit_number', 'role']).distinct().where('superseded_at', 'is', null).execute();
  return rows.map((r) => ({ unit: r.unit_number, role: r.role }));
}

/** Moves a unit's links, responses (with their answers), mail and follow-ups in these rounds to another number. */
export async function moveRoundRecords(db: Db, rounds: readonly number[], from: string, to: string): Promise<void> {
  if (rounds.length === 0) return;
  for (const table of [...Object.values(roundTables), 'form_event'] as const) {
    await db.updateTable(table).set({ unit_number: to }).where('round_year', 'in', rounds).where('unit_number', '=', from).execute();
  }
}

export async function changeRoundUnits(
  db: Db,
  round: number,
  role: string,
  change: { added: readonly string[]; removed: readonly string[]; renumbered: readonly { from: string; to: string; merge: boolean }[] },
): Promise<void> {
  const rows = db.deleteFrom('round_unit').where('round_year', '=', round).where('role', '=', role);
  const gone = [...change.removed, ...change.renumbered.filter((r) => r.merge).map((r) => r.from)];
  for (let i = 0; i < gone.length; i += 1000) await rows.where('unit_number', 'in', gone.slice(i, i + 1000)).execute();
  for (const r of change.renumbered.filter((x) => !x.merge)) {
    await db
      .updateTable('round_unit')
      .set({ unit_number: r.to })
      .where('round_year', '=', round)
      .where('role', '=', role)
      .where('unit_number', '=', r.from)
      .execute();
  }
  await insertChunked(
    db,
    'round_unit',
    change.added.map((n) => ({ round_year: round, role, unit_number: n })),
  );
}

/** The numbers among `numbers` that take part in a round on another registry year. */
export async function numbersInOtherRounds(db: Db, year: number, numbers: readonly string[]): Promise<Set<string>> {
  if (numbers.length === 0) return new Set();
  const rows = await db
    .selectFrom('round_unit as ru')
    .innerJoin('round as r', 'r.year', 'ru.round_year')
    .select('ru.unit_number')
    .distinct()
    .where('r.registry_year', '!=', year)
    .where('ru.unit_number', 'in', numbers)
    .execute();
  return new Set(rows.map((r) => r.unit_number));
}

/**
 * Gives a unit's contacts (history too) to another number. Where the target has a current contact
 * of its own for a role, that one stays current and the moved one becomes history.
 */
export async function moveContacts(db: Db, from: string, to: string, at: string): Promise<void> {
  const targetRoles = (
    await db.selectFrom('contact').select('role').where('unit_number', '=', to).where('superseded_at', 'is', null).execute()
  ).map((r) => r.role);
  if (targetRoles.length > 0) {
    await db
      .updateTable('contact')
      .set({ superseded_at: at })
      .where('unit_number', '=', from)
      .where('role', 'in', targetRoles)
      .where('superseded_at', 'is', null)
      .execute();
  }
  await db.updateTable('contact').set({ unit_number: to }).where('unit_number', '=', from).execute();
}

/** Copies a unit's current contacts to another number, for the roles where it has none. */
export async function copyCurrentContacts(db: Db, from: string, to: string, at: string, by: string): Promise<void> {
  const current = await db
    .selectFrom('contact')
    .selectAll()
    .where('unit_number', 'in', [from, to])
    .where('superseded_at', 'is', null)
    .execute();
  const taken = new Set(current.filter((c) => c.unit_number === to).map((c) => c.role));
  const copies = current
    .filter((c) => c.unit_number === from && !taken.has(c.role))
    .map((c) => ({
      unit_number: to,
      role: c.role,
      name: c.name,
      email: c.email,
      phone: c.phone,
      created_at: at,
      created_by: by,
      superseded_at: null,
    }));
  await insertChunked(db, 'contact', copies);
}

/** Renumbers a unit in the mappings to and from `year`; a row that would then exist twice is dropped. */
export async function renumberInMappings(db: Db, year: number, from: string, to: string): Promise<void> {
  const rows = await db
    .selectFrom('division_mapping')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb.and([eb('from_year', '=', year), eb('from_number', '=', from)]),
        eb.and([eb('to_year', '=', year), eb('to_number', '=', from)]),
      ]),
    )
    .execute();
  for (const r of rows) {
    const fromNumber = r.from_year === year && r.from_number === from ? to : r.from_number;
    const toNumber = r.to_year === year && r.to_number === from ? to : r.to_number;
    const taken = await db
      .selectFrom('division_mapping')
      .select('share')
      .where('from_year', '=', r.from_year)
      .where('to_year', '=', r.to_year)
      .where('from_number', '=', fromNumber)
      .where('to_number', '=', toNumber)
      .executeTakeFirst();
    const same = { from_year: r.from_year, to_year: r.to_year, from_number: r.from_number, to_number: r.to_number };
    if (taken)
      await db
        .deleteFrom('division_mapping')
        .where((eb) => eb.and(same))
        .execute();
    else
      await db
        .updateTable('division_mapping')
        .set({ from_number: fromNumber, to_number: toNumber })
        .where((eb) => eb.and(same))
        .execute();
  }
}

/** Removes the mapping rows to and from `year` that name units which are gone. */
export async function deleteFromMappings(db: Db, year: number, numbers: readonly string[]): Promise<number> {
  let n = 0;
  for (let i = 0; i < numbers.length; i += 1000) {
    const part = numbers.slice(i, i + 1000);
    const r = await db
      .deleteFrom('division_mapping')
      .where((eb) =>
        eb.or([
          eb.and([eb('from_year', '=', year), eb('from_number', 'in', part)]),
          eb.and([eb('to_year', '=', year), eb('to_number', 'in', part)]),
        ]),
      )
      .executeTakeFirst();
    n += Number(r.numDeletedRows);
  }
  return n;
}

// Uploads waiting for "Bruk endringene" on the web, in the setting table (key prefix below).

const pendingPrefix = 'registry_upload:';

export async function savePendingUpload(db: Db, id: string, value: string): Promise<void> {
  await db
    .deleteFrom('setting')
    .where('key', '=', pendingPrefix + id)
    .execute();
  await db
    .insertInto('setting')
    .values({ key: pendingPrefix + id, value })
    .execute();
}

export async function findPendingUpload(db: Db, id: string): Promise<string | undefined> {
  return (
    await db
      .selectFrom('setting')
      .select('value')
      .where('key', '=', pendingPrefix + id)
      .executeTakeFirst()
  )?.value;
}

export async function deletePendingUpload(db: Db, id: string): Promise<void> {
  await db
    .deleteFrom('setting')
    .where('key', '=', pendingPrefix + id)
    .execute();
}

export async function listPendingUploads(db: Db): Promise<{ id: string; value: string }[]> {
  const rows = await db.selectFrom('setting').select(['key', 'value']).where('key', 'like', `${pendingPrefix}%`).execute();
  return rows.map((r) => ({ id: r.key.slice(pendingPrefix.length), value: r.value }));
}
