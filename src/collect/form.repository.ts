/**
 * SQL for the web form: one response row per unit and role, its answers replaced a page at a
 * time, drafts of pages that did not validate. A save first takes the response row with
 * `lockResponse` (creating it if needed) inside a write transaction, so concurrent saves of one
 * response run one after the other and each sees what the one before it wrote.
 */
import type { Kysely, Selectable } from 'kysely';
import type { AnswerRow } from '../questionnaire/answer.ts';
import { insertChunked } from '../store/batch.ts';
import type { Database, ResponseTable } from '../store/schema.ts';
import type { Dialect } from '../store/store.ts';

type Db = Kysely<Database>;
export type ResponseRow = Selectable<ResponseTable>;

export async function findResponse(db: Db, year: number, role: string, unitNumber: string): Promise<ResponseRow | undefined> {
  return db
    .selectFrom('response')
    .selectAll()
    .where('round_year', '=', year)
    .where('role', '=', role)
    .where('unit_number', '=', unitNumber)
    .executeTakeFirst();
}

/**
 * The unit's response row, locked for the rest of the transaction (PostgreSQL: `for update`;
 * SQLite: the transaction holds the write lock already), created first if the unit has none.
 * The insert does nothing when a concurrent save created the row meanwhile (it waits for that
 * transaction on PostgreSQL), so two first saves never collide on the unique key.
 */
export async function lockResponse(
  db: Db,
  dialect: Dialect,
  year: number,
  role: string,
  unitNumber: string,
  now: string,
): Promise<ResponseRow> {
  const find = () =>
    db
      .selectFrom('response')
      .selectAll()
      .where('round_year', '=', year)
      .where('role', '=', role)
      .where('unit_number', '=', unitNumber)
      .$if(dialect === 'postgres', (q) => q.forUpdate())
      .executeTakeFirst();
  // Three tries: the row could be deleted between the insert and the select (a response import replacing it).
  for (let attempt = 0; attempt < 3; attempt++) {
    const row = await find();
    if (row) return row;
    await db
      .insertInto('response')
      .values({
        round_year: year,
        role,
        unit_number: unitNumber,
        status: 'in_progress',
        source: 'web',
        started_at: now,
        submitted_at: null,
        updated_at: now,
        current_section: null,
      })
      .onConflict((oc) => oc.columns(['round_year', 'role', 'unit_number']).doNothing())
      .execute();
  }
  throw new Error(`response ${year}/${role}/${unitNumber} vanished three times while being locked`);
}

export async function updateResponse(
  db: Db,
  id: number,
  patch: Partial<Pick<ResponseRow, 'status' | 'submitted_at' | 'updated_at' | 'current_section'>>,
): Promise<void> {
  await db.updateTable('response').set(patch).where('id', '=', id).execute();
}

export async function answerRows(db: Db, responseId: number): Promise<AnswerRow[]> {
  return db
    .selectFrom('answer')
    .select(['question_key', 'item_key', 'code', 'num', 'text', 'slot'])
    .where('response_id', '=', responseId)
    .execute();
}

/** Replaces the answers to `questionKeys` with `rows`. */
export async function replaceAnswers(
  db: Db,
  responseId: number,
  questionKeys: readonly string[],
  rows: readonly AnswerRow[],
): Promise<void> {
  if (questionKeys.length > 0) {
    await db.deleteFrom('answer').where('response_id', '=', responseId).where('question_key', 'in', questionKeys).execute();
  }
  await insertChunked(
    db,
    'answer',
    rows.map((r) => ({ ...r, response_id: responseId })),
  );
}

export async function deleteAnswers(db: Db, responseId: number, questionKeys: readonly string[]): Promise<void> {
  if (questionKeys.length === 0) return;
  await db.deleteFrom('answer').where('response_id', '=', responseId).where('question_key', 'in', questionKeys).execute();
}

export async function drafts(db: Db, responseId: number): Promise<{ section_key: string; data: string }[]> {
  return db.selectFrom('form_draft').select(['section_key', 'data']).where('response_id', '=', responseId).execute();
}

export async function saveDraft(db: Db, responseId: number, section: string, data: string, now: string): Promise<void> {
  await db
    .insertInto('form_draft')
    .values({ response_id: responseId, section_key: section, data, updated_at: now })
    .onConflict((oc) => oc.columns(['response_id', 'section_key']).doUpdateSet({ data, updated_at: now }))
    .execute();
}

export async function deleteDraft(db: Db, responseId: number, section: string): Promise<void> {
  await db.deleteFrom('form_draft').where('response_id', '=', responseId).where('section_key', '=', section).execute();
}
