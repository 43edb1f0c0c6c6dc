/**
 * SQL of a round's report definition versions: one row per save, never changed afterwards. A
 * version's number is its place among the round's rows (1, 2, 3 … by id), so two saves at the same
 * moment both get a number without a counter to race on.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.ts';

type Db = Kysely<Database>;

export interface DefinitionVersionRow {
  readonly id: number;
  readonly version: number;
  readonly round_year: number;
  readonly by_user: string;
  readonly at: string;
  readonly note: string | null;
  readonly bytes: number;
}

export interface NewDefinitionVersion {
  readonly round_year: number;
  readonly definition: string;
  readonly by_user: string;
  readonly at: string;
  readonly note: string | null;
}

export async function insertVersion(db: Db, row: NewDefinitionVersion): Promise<void> {
  await db.insertInto('report_definition').values(row).execute();
}

/** The versions of a round, oldest first, without their definitions. */
export async function listVersions(db: Db, year: number): Promise<DefinitionVersionRow[]> {
  const rows = await db
    .selectFrom('report_definition')
    .select(['id', 'round_year', 'by_user', 'at', 'note'])
    .select((eb) => eb.fn<number>('length', ['definition']).as('bytes'))
    .where('round_year', '=', year)
    .orderBy('id')
    .execute();
  return rows.map((r, i) => ({ ...r, id: Number(r.id), version: i + 1, bytes: Number(r.bytes) }));
}

/** One version's definition (JSON), by its number; the newest when `version` is omitted. */
export async function findDefinition(
  db: Db,
  year: number,
  version?: number,
): Promise<{ row: DefinitionVersionRow; definition: string } | undefined> {
  const all = await listVersions(db, year);
  const row = version === undefined ? all.at(-1) : all.find((v) => v.version === version);
  if (!row) return undefined;
  const r = await db.selectFrom('report_definition').select('definition').where('id', '=', row.id).executeTakeFirstOrThrow();
  return { row, definition: r.definition };
}
