/**
 * SQL for shapes per registry year and level, and the registry's codes they are checked against.
 */
import type { Kysely } from 'kysely';
import { insertChunked } from '../store/batch.ts';
import type { Database } from '../store/schema.ts';
import type { GeometryLevel } from './geometry.ts';

type Db = Kysely<Database>;

export interface GeometryRow {
  readonly code: string;
  readonly name: string | null;
  /** The geometry as GeoJSON text. */
  readonly geojson: string;
  /** Where the shape comes from, for the credit line under a map. */
  readonly credit: string | null;
}

/** Replaces every shape of (year, level); returns how many there were. Call inside a transaction. */
export async function replaceGeometry(db: Db, year: number, level: GeometryLevel, rows: readonly GeometryRow[]): Promise<number> {
  const deleted = await db.deleteFrom('geometry').where('registry_year', '=', year).where('level', '=', level).executeTakeFirst();
  await insertChunked(
    db,
    'geometry',
    rows.map((r) => ({ registry_year: year, level, code: r.code, name: r.name, geojson: r.geojson, credit: r.credit })),
  );
  return Number(deleted.numDeletedRows);
}

export async function listGeometry(db: Db, year: number, level: GeometryLevel): Promise<GeometryRow[]> {
  return db
    .selectFrom('geometry')
    .select(['code', 'name', 'geojson', 'credit'])
    .where('registry_year', '=', year)
    .where('level', '=', level)
    .orderBy('code')
    .execute();
}

/**
 * The places of a registry year at a level, code → name: municipalities or city districts by
 * their kind, counties as the distinct county numbers of the year's units.
 */
/** The distinct credit lines given for a level's shapes (without reading the shapes). */
export async function geometryCredits(db: Db, year: number, level: GeometryLevel): Promise<string[]> {
  const rows = await db
    .selectFrom('geometry')
    .select('credit')
    .distinct()
    .where('registry_year', '=', year)
    .where('level', '=', level)
    .where('credit', 'is not', null)
    .orderBy('credit')
    .execute();
  return rows.map((r) => r.credit as string);
}

export async function registryPlaces(db: Db, year: number, level: GeometryLevel): Promise<Map<string, string>> {
  if (level === 'fylke') {
    const rows = await db
      .selectFrom('unit')
      .select((eb) => ['county_number', eb.fn.min('county_name').as('county_name')])
      .where('year', '=', year)
      .groupBy('county_number')
      .orderBy('county_number')
      .execute();
    return new Map(rows.map((r) => [r.county_number, r.county_name]));
  }
  const rows = await db
    .selectFrom('unit')
    .select(['number', 'name'])
    .where('year', '=', year)
    .where('kind', '=', level)
    .orderBy('number')
    .execute();
  return new Map(rows.map((r) => [r.number, r.name]));
}

export async function hasRegistry(db: Db, year: number): Promise<boolean> {
  const row = await db.selectFrom('unit').select('year').where('year', '=', year).limit(1).executeTakeFirst();
  return row !== undefined;
}
