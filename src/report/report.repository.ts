/**
 * SQL of report builds: one row per build with its progress, then its HTML, PDF and Word document.
 */
import type { ExpressionBuilder, Kysely } from 'kysely';
import type { Database } from '../store/schema.ts';

type Db = Kysely<Database>;

export interface BuildRow {
  readonly id: number;
  readonly round_year: number;
  readonly definition: string;
  readonly status: 'running' | 'done' | 'failed';
  readonly progress_done: number;
  readonly progress_total: number;
  readonly progress_label: string;
  readonly by_user: string;
  readonly started_at: string;
  readonly updated_at: string;
  readonly finished_at: string | null;
  readonly error: string | null;
  readonly pdf_error: string | null;
  readonly docx_error: string | null;
  readonly html_bytes: number | null;
  readonly pdf_bytes: number | null;
  readonly docx_bytes: number | null;
}

export async function insertBuild(db: Db, year: number, definition: string, byUser: string, at: string): Promise<number> {
  const row = await db
    .insertInto('report_build')
    .values({ round_year: year, definition, status: 'running', by_user: byUser, started_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

export async function updateProgress(db: Db, id: number, done: number, total: number, label: string, at: string): Promise<void> {
  await db
    .updateTable('report_build')
    .set({ progress_done: done, progress_total: total, progress_label: label, updated_at: at })
    .where('id', '=', id)
    .execute();
}

export async function finishBuild(
  db: Db,
  id: number,
  result: {
    status: 'done' | 'failed';
    html?: string | null;
    pdf?: Buffer | null;
    docx?: Buffer | null;
    error?: string | null;
    pdfError?: string | null;
    docxError?: string | null;
  },
  at: string,
): Promise<void> {
  await db
    .updateTable('report_build')
    .set({
      status: result.status,
      html: result.html ?? null,
      pdf: result.pdf ?? null,
      error: result.error ?? null,
      pdf_error: result.pdfError ?? null,
      docx: result.docx ?? null,
      docx_error: result.docxError ?? null,
      finished_at: at,
      updated_at: at,
    })
    .where('id', '=', id)
    .execute();
}

const summary = [
  'id',
  'round_year',
  'definition',
  'status',
  'progress_done',
  'progress_total',
  'progress_label',
  'by_user',
  'started_at',
  'updated_at',
  'finished_at',
  'error',
  'pdf_error',
  'docx_error',
] as const;

const sizes = (eb: ExpressionBuilder<Database, 'report_build'>) => [
  eb.fn<number | null>('length', ['html']).as('html_bytes'),
  eb.fn<number | null>('length', ['pdf']).as('pdf_bytes'),
  eb.fn<number | null>('length', ['docx']).as('docx_bytes'),
];

function toRow(r: Record<string, unknown>): BuildRow {
  return {
    ...(r as unknown as BuildRow),
    id: Number(r.id),
    progress_done: Number(r.progress_done),
    progress_total: Number(r.progress_total),
    html_bytes: r.html_bytes === null ? null : Number(r.html_bytes),
    pdf_bytes: r.pdf_bytes === null ? null : Number(r.pdf_bytes),
    docx_bytes: r.docx_bytes === null ? null : Number(r.docx_bytes),
  };
}

/** Builds of a round, newest first (without their documents). */
export async function listBuilds(db: Db, year: number, limit = 10): Promise<BuildRow[]> {
  const rows = await db
    .selectFrom('report_build')
    .select(summary)
    .select(sizes)
    .where('round_year', '=', year)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => toRow(r));
}

export async function findBuild(db: Db, year: number, id: number): Promise<BuildRow | undefined> {
  const r = await db
    .selectFrom('report_build')
    .select(summary)
    .select(sizes)
    .where('round_year', '=', year)
    .where('id', '=', id)
    .executeTakeFirst();
  return r ? toRow(r) : undefined;
}

/** The newest finished build's documents. */
export async function latestDocuments(
  db: Db,
  year: number,
): Promise<{ id: number; html: string | null; pdf: Buffer | null; docx: Buffer | null; finished_at: string | null } | undefined> {
  const r = await db
    .selectFrom('report_build')
    .select(['id', 'html', 'pdf', 'docx', 'finished_at'])
    .where('round_year', '=', year)
    .where('status', '=', 'done')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return r
    ? {
        id: Number(r.id),
        html: r.html,
        pdf: r.pdf === null ? null : Buffer.from(r.pdf),
        docx: r.docx === null ? null : Buffer.from(r.docx),
        finished_at: r.finished_at,
      }
    : undefined;
}

/** Marks builds that stopped reporting progress (a server that died mid-build) as failed, saying why. */
export async function failStale(db: Db, before: string, at: string, error: string): Promise<void> {
  await db
    .updateTable('report_build')
    .set({ status: 'failed', error, finished_at: at })
    .where('status', '=', 'running')
    .where('updated_at', '<', before)
    .execute();
}
