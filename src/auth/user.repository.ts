/**
 * SQL for the survey team's users and their login sessions.
 */
import type { Kysely, Selectable } from 'kysely';
import type { AppUserTable, Database } from '../store/schema.ts';

type Db = Kysely<Database>;
export type UserRow = Selectable<AppUserTable>;

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('app_user').selectAll().where('email', '=', email).executeTakeFirst();
}

export async function insertUser(db: Db, row: Omit<UserRow, 'id'>): Promise<number> {
  return (await db.insertInto('app_user').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateUser(
  db: Db,
  id: number,
  patch: Partial<Pick<UserRow, 'name' | 'role' | 'password_hash' | 'disabled_at'>>,
): Promise<void> {
  await db.updateTable('app_user').set(patch).where('id', '=', id).execute();
}

export async function listUsers(db: Db): Promise<UserRow[]> {
  return db.selectFrom('app_user').selectAll().orderBy('email').execute();
}

export async function insertSession(
  db: Db,
  row: { id_hash: string; user_id: number; created_at: string; expires_at: string },
): Promise<void> {
  await db.insertInto('app_session').values(row).execute();
}

export async function findSessionUser(db: Db, idHash: string, now: string): Promise<UserRow | undefined> {
  return db
    .selectFrom('app_session')
    .innerJoin('app_user', 'app_user.id', 'app_session.user_id')
    .selectAll('app_user')
    .where('app_session.id_hash', '=', idHash)
    .where('app_session.expires_at', '>', now)
    .where('app_user.disabled_at', 'is', null)
    .executeTakeFirst();
}

export async function deleteSession(db: Db, idHash: string): Promise<void> {
  await db.deleteFrom('app_session').where('id_hash', '=', idHash).execute();
}

export async function deleteSessionsOf(db: Db, userId: number): Promise<void> {
  await db.deleteFrom('app_session').where('user_id', '=', userId).execute();
}

export async function deleteExpiredSessions(db: Db, now: string): Promise<void> {
  await db.deleteFrom('app_session').where('expires_at', '<=', now).execute();
}
