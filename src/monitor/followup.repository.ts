/**
 * SQL for the follow-up log: calls and e-mails staff record per unit and role.
 */
import type { Kysely, Selectable } from 'kysely';
import type { Database, FollowupTable } from '../store/schema.ts';

type Db = Kysely<Database>;
export type FollowupRow = Selectable<FollowupTable>;

export async function insertFollowup(db: Db, row: Omit<FollowupRow, 'id'>): Promise<number> {
  return (await db.insertInto('followup').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function followupsOf(db: Db, year: number, unitNumber: string): Promise<FollowupRow[]> {
  return db
    .selectFrom('followup')
    .selectAll()
    .where('round_year', '=', year)
    .where('unit_number', '=', unitNumber)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}
