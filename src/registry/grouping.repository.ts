/**
 * SQL for groupings loaded from files (the built-in ones live in code as data).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.ts';

export async function listStoredGroupings(db: Kysely<Database>): Promise<{ key: string; definition: string }[]> {
  return db.selectFrom('grouping').select(['key', 'definition']).orderBy('created_at').orderBy('key').execute();
}

export async function upsertGrouping(db: Kysely<Database>, key: string, definition: string, now: string): Promise<void> {
  await db.deleteFrom('grouping').where('key', '=', key).execute();
  await db.insertInto('grouping').values({ key, definition, created_at: now }).execute();
}
