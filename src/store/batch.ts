/**
 * Inserting many rows in chunks: both SQLite and PostgreSQL cap the number of bound parameters
 * per statement (32 766 and 65 535), so a large import is split into statements that stay under.
 */
import type { Insertable, Kysely } from 'kysely';
import type { Database } from './schema.ts';

const maxParams = 30_000;

export async function insertChunked<T extends keyof Database & string>(
  db: Kysely<Database>,
  table: T,
  rows: readonly Insertable<Database[T]>[],
): Promise<void> {
  const first = rows[0];
  if (first === undefined) return;
  const columns = Object.keys(first).length;
  const size = Math.max(1, Math.floor(maxParams / columns));
  for (let i = 0; i < rows.length; i += size) {
    // Kysely cannot relate a generic table name to its row type, hence the cast.
    await db
      .insertInto(table)
      .values(rows.slice(i, i + size) as never)
      .execute();
  }
}
