/**
 * SQL for responses and their answers. A response is one unit's questionnaire in a round; its
 * answers are long rows (see AnswerTable) so analysis can count them with GROUP BY.
 */
import type { Kysely } from 'kysely';
import type { AnswerRow } from '../questionnaire/answer.ts';
import { insertChunked } from '../store/batch.ts';
import type { Database, ResponseTable } from '../store/schema.ts';

type Db = Kysely<Database>;

export interface NewResponse {
  readonly unitNumber: string;
  readonly status: ResponseTable['status'];
  readonly source: ResponseTable['source'];
  readonly startedAt: string | null;
  readonly submittedAt: string | null;
  readonly answers: readonly AnswerRow[];
}

const chunk = 500;

/**
 * Replaces the responses of the given units (answers included) with new ones; call inside a
 * transaction. Returns how many responses existed before.
 */
export async function replaceResponses(
  db: Db,
  year: number,
  role: string,
  responses: readonly NewResponse[],
  now: string,
): Promise<number> {
  let replaced = 0;
  for (let i = 0; i < responses.length; i += chunk) {
    const part = responses.slice(i, i + chunk);
    const numbers = part.map((r) => r.unitNumber);
    const old = await db
      .selectFrom('response')
      .select('id')
      .where('round_year', '=', year)
      .where('role', '=', role)
      .where('unit_number', 'in', numbers)
      .execute();
    if (old.length > 0) {
      const ids = old.map((o) => o.id);
      await db.deleteFrom('answer').where('response_id', 'in', ids).execute();
      await db.deleteFrom('response').where('id', 'in', ids).execute();
      replaced += old.length;
    }
    const inserted = await db
      .insertInto('response')
      .values(
        part.map((r) => ({
          round_year: year,
          role,
          unit_number: r.unitNumber,
          status: r.status,
          source: r.source,
          started_at: r.startedAt,
          submitted_at: r.submittedAt,
          updated_at: now,
        })),
      )
      .returning(['id', 'unit_number'])
      .execute();
    const idOf = new Map(inserted.map((r) => [r.unit_number, r.id]));
    await insertChunked(
      db,
      'answer',
      part.flatMap((r) => r.answers.map((a) => ({ ...a, response_id: idOf.get(r.unitNumber) as number }))),
    );
  }
  return replaced;
}

export interface ResponseSummary {
  readonly unitNumber: string;
  readonly status: ResponseTable['status'];
  readonly source: ResponseTable['source'];
  readonly startedAt: string | null;
  readonly submittedAt: string | null;
  readonly updatedAt: string;
}

export async function listResponses(db: Db, year: number, role: string): Promise<ResponseSummary[]> {
  const rows = await db
    .selectFrom('response')
    .select(['unit_number', 'status', 'source', 'started_at', 'submitted_at', 'updated_at'])
    .where('round_year', '=', year)
    .where('role', '=', role)
    .orderBy('unit_number')
    .execute();
  return rows.map((r) => ({
    unitNumber: r.unit_number,
    status: r.status,
    source: r.source,
    startedAt: r.started_at,
    submittedAt: r.submitted_at,
    updatedAt: r.updated_at,
  }));
}

export async function answerRowsOf(db: Db, year: number, role: string, unitNumber: string): Promise<AnswerRow[]> {
  return db
    .selectFrom('answer')
    .innerJoin('response', 'response.id', 'answer.response_id')
    .select(['answer.question_key', 'answer.item_key', 'answer.code', 'answer.num', 'answer.text', 'answer.slot'])
    .where('response.round_year', '=', year)
    .where('response.role', '=', role)
    .where('response.unit_number', '=', unitNumber)
    .execute();
}

/** Response counts per role and status (GROUP BY, for monitoring and the CLI). */
export async function countByStatus(db: Db, year: number): Promise<{ role: string; status: string; n: number }[]> {
  const rows = await db
    .selectFrom('response')
    .select((eb) => ['role', 'status', eb.fn.countAll<number>().as('n')])
    .where('round_year', '=', year)
    .groupBy(['role', 'status'])
    .execute();
  return rows.map((r) => ({ role: r.role, status: r.status, n: Number(r.n) }));
}
