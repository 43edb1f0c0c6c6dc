/**
 * SQL for personal links (access tokens).
 */
import type { Kysely } from 'kysely';
import { insertChunked } from '../store/batch.ts';
import type { AccessTokenTable, Database } from '../store/schema.ts';

type Db = Kysely<Database>;

export async function findActiveToken(db: Db, token: string): Promise<AccessTokenTable | undefined> {
  return db.selectFrom('access_token').selectAll().where('token', '=', token).where('revoked_at', 'is', null).executeTakeFirst();
}

export async function activeTokens(db: Db, year: number, role?: string): Promise<AccessTokenTable[]> {
  let q = db.selectFrom('access_token').selectAll().where('round_year', '=', year).where('revoked_at', 'is', null);
  if (role !== undefined) q = q.where('role', '=', role);
  return q.orderBy('role').orderBy('unit_number').execute();
}

export async function insertTokens(db: Db, rows: readonly AccessTokenTable[]): Promise<void> {
  await insertChunked(db, 'access_token', rows);
}

export async function revokeTokens(db: Db, year: number, role: string, unitNumber: string, at: string): Promise<number> {
  const r = await db
    .updateTable('access_token')
    .set({ revoked_at: at })
    .where('round_year', '=', year)
    .where('role', '=', role)
    .where('unit_number', '=', unitNumber)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
