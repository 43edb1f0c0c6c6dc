/**
 * SQL for the registry: units, their attributes and the mappings between divisions.
 */
import type { Kysely } from 'kysely';
import { insertChunked } from '../store/batch.ts';
import type { Database } from '../store/schema.ts';
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
