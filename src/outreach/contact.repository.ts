/**
 * SQL for contacts. A contact row is never changed in place except to close it: a change sets
 * `superseded_at` on the current row and inserts the new one, so the history stays.
 */
import type { Kysely, Selectable } from 'kysely';
import type { ContactTable, Database } from '../store/schema.ts';

type Db = Kysely<Database>;
export type ContactRow = Selectable<ContactTable>;
export type NewContactRow = Omit<ContactRow, 'id'>;

const chunk = 500;

/** Current contacts (not superseded), optionally of one role or one unit. */
export async function currentContacts(db: Db, filter: { role?: string; unitNumber?: string } = {}): Promise<ContactRow[]> {
  let q = db.selectFrom('contact').selectAll().where('superseded_at', 'is', null);
  if (filter.role !== undefined) q = q.where('role', '=', filter.role);
  if (filter.unitNumber !== undefined) q = q.where('unit_number', '=', filter.unitNumber);
  return q.orderBy('role').orderBy('unit_number').execute();
}

export interface ContactInRoundRow extends ContactRow {
  unit_name: string;
  unit_kind: 'kommune' | 'bydel';
}

/** Current contacts of the units that take part in a round (per role), with the unit's name. */
export async function currentContactsInRound(db: Db, year: number, registryYear: number, role?: string): Promise<ContactInRoundRow[]> {
  let q = db
    .selectFrom('contact as c')
    .innerJoin('round_unit as ru', (j) =>
      j.onRef('ru.unit_number', '=', 'c.unit_number').onRef('ru.role', '=', 'c.role').on('ru.round_year', '=', year),
    )
    .innerJoin('unit as u', (j) => j.onRef('u.number', '=', 'c.unit_number').on('u.year', '=', registryYear))
    .selectAll('c')
    .select(['u.name as unit_name', 'u.kind as unit_kind'])
    .where('c.superseded_at', 'is', null);
  if (role !== undefined) q = q.where('c.role', '=', role);
  return q.orderBy('c.role').orderBy('c.unit_number').execute();
}

export async function contactHistory(db: Db, unitNumber: string, role: string): Promise<ContactRow[]> {
  return db
    .selectFrom('contact')
    .selectAll()
    .where('unit_number', '=', unitNumber)
    .where('role', '=', role)
    .orderBy('id', 'desc')
    .execute();
}

export async function supersede(db: Db, ids: readonly number[], at: string): Promise<void> {
  for (let i = 0; i < ids.length; i += chunk) {
    await db
      .updateTable('contact')
      .set({ superseded_at: at })
      .where('id', 'in', ids.slice(i, i + chunk))
      .where('superseded_at', 'is', null)
      .execute();
  }
}

export async function insertContacts(db: Db, rows: readonly NewContactRow[]): Promise<ContactRow[]> {
  const out: ContactRow[] = [];
  for (let i = 0; i < rows.length; i += chunk) {
    out.push(
      ...(await db
        .insertInto('contact')
        .values(rows.slice(i, i + chunk))
        .returningAll()
        .execute()),
    );
  }
  return out;
}

/** Whether a unit number exists in any registry year (editing a contact outside a round). */
export async function unitExists(db: Db, number: string): Promise<boolean> {
  return (await db.selectFrom('unit').select('number').where('number', '=', number).limit(1).executeTakeFirst()) !== undefined;
}
