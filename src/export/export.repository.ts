/**
 * SQL for researcher exports: the responses of one round and role (with their unit), and their
 * answers in batches of responses, ordered by response so a writer can build one row at a time.
 * Analysts' active recodes replace the stored code, as in the analysis. The contact table is
 * never read here: an export holds no names, e-mail addresses or phone numbers.
 */
import type { Kysely } from 'kysely';
import { activeRecode, recodedCode } from '../analysis/recode.sql.ts';
import type { Database } from '../store/schema.ts';

type Db = Kysely<Database>;

export interface ExportResponseRow {
  readonly id: number;
  readonly unitNumber: string;
  readonly unitName: string;
  readonly countyNumber: string;
  readonly status: 'in_progress' | 'submitted';
}

export interface ExportAnswerRow {
  readonly responseId: number;
  readonly questionKey: string;
  readonly itemKey: string;
  /** The stored code, or the analyst's recode of it. */
  readonly code: number | null;
  readonly num: number | null;
  readonly text: string | null;
}

/** Responses (submitted, optionally also in progress) of units of one kind, ordered by unit number. */
export async function exportResponses(
  db: Db,
  year: number,
  registryYear: number,
  role: string,
  kind: 'kommune' | 'bydel',
  includeInProgress: boolean,
): Promise<ExportResponseRow[]> {
  const rows = await db
    .selectFrom('response as r')
    .innerJoin('unit as u', (j) => j.onRef('u.number', '=', 'r.unit_number').on('u.year', '=', registryYear))
    .select(['r.id', 'r.unit_number', 'u.name', 'u.county_number', 'r.status'])
    .where('r.round_year', '=', year)
    .where('r.role', '=', role)
    .where('u.kind', '=', kind)
    .where('r.status', 'in', includeInProgress ? ['submitted', 'in_progress'] : ['submitted'])
    .orderBy('r.unit_number')
    .orderBy('r.id')
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    unitNumber: r.unit_number,
    unitName: r.name,
    countyNumber: r.county_number,
    status: r.status === 'submitted' ? 'submitted' : 'in_progress',
  }));
}

/** The answers of some responses, ordered by response, with active recodes applied. */
export async function answersOf(db: Db, responseIds: readonly number[]): Promise<ExportAnswerRow[]> {
  if (responseIds.length === 0) return [];
  const rows = await db
    .selectFrom('answer as a')
    .leftJoin('answer_recode as rc', (j) => j.on(activeRecode('rc', 'a')))
    .where('a.response_id', 'in', [...responseIds])
    .select(['a.response_id', 'a.question_key', 'a.item_key', recodedCode('rc', 'a').as('code'), 'a.num', 'a.text'])
    .orderBy('a.response_id')
    .orderBy('a.question_key')
    .orderBy('a.item_key')
    .execute();
  return rows.map((r) => ({
    responseId: Number(r.response_id),
    questionKey: r.question_key,
    itemKey: r.item_key,
    code: r.code === null ? null : Number(r.code),
    num: r.num === null ? null : Number(r.num),
    text: r.text,
  }));
}
