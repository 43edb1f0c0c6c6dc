/**
 * SQL for a round's own mail templates (one per role and kind; the built-in text applies where
 * there is none).
 */
import type { Kysely, Selectable } from 'kysely';
import type { Database, MailTemplateTable } from '../store/schema.ts';

type Db = Kysely<Database>;
export type MailTemplateRow = Selectable<MailTemplateTable>;

export async function listTemplates(db: Db, year: number): Promise<MailTemplateRow[]> {
  return db.selectFrom('mail_template').selectAll().where('round_year', '=', year).orderBy('role').orderBy('kind').execute();
}

export async function findTemplate(db: Db, year: number, role: string, kind: string): Promise<MailTemplateRow | undefined> {
  return db
    .selectFrom('mail_template')
    .selectAll()
    .where('round_year', '=', year)
    .where('role', '=', role)
    .where('kind', '=', kind as MailTemplateRow['kind'])
    .executeTakeFirst();
}

export async function saveTemplate(db: Db, row: MailTemplateRow): Promise<void> {
  await db
    .insertInto('mail_template')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['round_year', 'role', 'kind']).doUpdateSet({ subject: row.subject, body: row.body, updated_at: row.updated_at }),
    )
    .execute();
}

export async function deleteTemplate(db: Db, year: number, role: string, kind: string): Promise<number> {
  const r = await db
    .deleteFrom('mail_template')
    .where('round_year', '=', year)
    .where('role', '=', role)
    .where('kind', '=', kind as MailTemplateRow['kind'])
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
