/**
 * Building a round's report on demand: the HTML page (always), the PDF (when a Chromium is
 * there) and the Word document (when asked for), recorded as a build with its progress so the
 * admin web can show it while it runs and serve the newest documents afterwards. One build per
 * round at a time.
 */
import { getRound } from '../round/round.service.ts';
import { AppError, conflict, notFound } from '../shared/errors.ts';
import { type Message, msg, say } from '../shared/i18n/message.ts';
import type { Store } from '../store/store.ts';
import { buildReport, type Progress, type Report } from './build.ts';
import { definitionLabel, roundDefinition } from './definition.service.ts';
import { loadReportDefinition, type ReportDefinition } from './definition.ts';
import { reportDocx } from './docx.ts';
import { reportPdf } from './pdf.ts';
import { renderReportHtml } from './render.ts';
import * as repo from './report.repository.ts';

export interface ReportFiles {
  readonly report: Report;
  readonly html: string;
  readonly pdf: Buffer | null;
  /** Why there is no PDF, when there is none (English, as the CLI prints it). */
  readonly pdfError: string | null;
  /** The same as a message, for the report page to word in Norwegian. */
  readonly pdfProblem: Message | null;
  /** The Word document, when asked for and it could be made. */
  readonly docx: Buffer | null;
  readonly docxError: string | null;
  readonly docxProblem: Message | null;
  readonly timings: { readonly computeMs: number; readonly htmlMs: number; readonly pdfMs: number; readonly docxMs: number };
}

export interface BuildOptions {
  /** A built-in definition's name or a file (or one already read); defaults to the round's own. */
  readonly definition?: string | BuildDefinition;
  readonly pdf: boolean;
  /** Also the Word document (DOCX). */
  readonly docx?: boolean;
  readonly chromium: string;
  readonly progress?: Progress;
}

/** A definition to build from, and how the build names it. */
export interface BuildDefinition {
  readonly label: string;
  readonly definition: ReportDefinition;
}

/** The definition a build uses: a built-in one or a file when named, else the round's own (its newest version). */
export async function definitionFor(store: Store, year: number, definition?: string | BuildDefinition): Promise<BuildDefinition> {
  await getRound(store, year);
  if (typeof definition === 'object') return definition;
  if (definition !== undefined) return { label: definition, definition: loadReportDefinition(definition) };
  const own = await roundDefinition(store, year);
  return { label: definitionLabel(own), definition: own.definition };
}

/**
 * One chapter of a report as the definition editor previews it, in seconds: only its blocks are
 * built (numbered as in the whole report), each block's problem is collected rather than thrown,
 * and the chapter comes back as HTML to show inside a page.
 */
export async function buildChapter(
  store: Store,
  year: number,
  chapter: number,
  definition?: ReportDefinition,
): Promise<{ html: string; problems: AppError[]; ms: number }> {
  const def = definition ?? (await definitionFor(store, year)).definition;
  if (!def.chapters[chapter]) throw notFound(msg('reportdef.no_chapter', { year, chapter: chapter + 1 }));
  const t0 = performance.now();
  const problems: AppError[] = [];
  const report = await buildReport(store, year, def, undefined, new Date(), { chapter, problems });
  const page = renderReportHtml(report, { only: report.chapters[0]?.id ?? '' });
  const html = page.slice(page.indexOf('<main>') + '<main>'.length, page.lastIndexOf('</main>')).trim();
  return { html, problems, ms: performance.now() - t0 };
}

/** Every problem a build of the definition would meet, each with the path of its field. */
export async function definitionProblems(store: Store, year: number, definition: ReportDefinition): Promise<AppError[]> {
  const problems: AppError[] = [];
  await buildReport(store, year, definition, undefined, new Date(), { problems });
  return problems;
}

/** Computes the report and writes it as HTML and (optionally) PDF and DOCX, in memory. */
export async function makeReportFiles(store: Store, year: number, options: BuildOptions): Promise<ReportFiles> {
  const def = (await definitionFor(store, year, options.definition)).definition;
  const progress = options.progress ?? (() => undefined);
  const t0 = performance.now();
  // Progress in equal parts: computing, then the PDF and the Word document when asked for.
  const steps = 1 + (options.pdf ? 1 : 0) + (options.docx ? 1 : 0);
  const total = Math.max(
    1,
    def.chapters.reduce((s, c) => s + c.blocks.length, 0),
  );
  const part = (step: number) => (done: number, all: number, what: string) =>
    progress(step * total + Math.round((done / Math.max(1, all)) * total), total * steps, what);
  const report = await buildReport(store, year, def, part(0));
  const t1 = performance.now();
  const html = renderReportHtml(report);
  const t2 = performance.now();
  let pdf: Buffer | null = null;
  let pdfProblem: AppError | null = null;
  if (options.pdf) {
    try {
      pdf = await reportPdf(report, options.chromium, part(1));
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      pdfProblem = e;
    }
  }
  const t3 = performance.now();
  let docx: Buffer | null = null;
  let docxProblem: AppError | null = null;
  if (options.docx) {
    try {
      docx = await reportDocx(report, part(steps - 1));
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      docxProblem = e;
    }
  }
  const t4 = performance.now();
  return {
    report,
    html,
    pdf,
    pdfError: pdfProblem?.message ?? null,
    pdfProblem: pdfProblem?.problem ?? null,
    docx,
    docxError: docxProblem?.message ?? null,
    docxProblem: docxProblem?.problem ?? null,
    timings: { computeMs: t1 - t0, htmlMs: t2 - t1, pdfMs: t3 - t2, docxMs: t4 - t3 },
  };
}

const staleAfterMs = 5 * 60_000;

/**
 * Starts a build in the background and returns its id at once; the build records its progress
 * and, at the end, its documents or its error. A build already running for the round is
 * refused (its id is in the message).
 */
export async function startBuild(
  store: Store,
  year: number,
  options: BuildOptions & { byUser: string; now?: () => Date },
): Promise<{ id: number; done: Promise<void> }> {
  const now = options.now ?? (() => new Date());
  const definition = await definitionFor(store, year, options.definition);
  const stale = new Date(now().getTime() - staleAfterMs).toISOString();
  await repo.failStale(store.db, stale, now().toISOString(), say(msg('report.build_stale'), 'nb'));
  const running = (await repo.listBuilds(store.db, year, 1)).find((b) => b.status === 'running');
  if (running) throw conflict(msg('report.build_running', { year, id: running.id }));
  const id = await repo.insertBuild(store.db, year, definition.label, options.byUser, now().toISOString());
  let last = 0;
  const progress: Progress = (done, total, what) => {
    options.progress?.(done, total, what);
    const t = Date.now();
    if (t - last < 200 && done < total) return;
    last = t;
    void repo.updateProgress(store.db, id, done, total, what, now().toISOString()).catch(() => undefined);
  };
  const done = (async () => {
    try {
      const files = await makeReportFiles(store, year, { ...options, definition, progress });
      await repo.finishBuild(
        store.db,
        id,
        // The build's problems are stored as the report page (bokmål) shows them.
        {
          status: 'done',
          html: files.html,
          pdf: files.pdf,
          pdfError: files.pdfProblem && say(files.pdfProblem, 'nb'),
          docx: files.docx,
          docxError: files.docxProblem && say(files.docxProblem, 'nb'),
        },
        now().toISOString(),
      );
    } catch (e) {
      // A bug (not an AppError) is logged; the page says only that, so nothing internal shows.
      const message = e instanceof AppError ? e.text('nb') : say(msg('report.build_crashed'), 'nb');
      if (!(e instanceof AppError)) console.error(e);
      await repo.finishBuild(store.db, id, { status: 'failed', error: message }, now().toISOString()).catch(() => undefined);
    }
  })();
  return { id, done };
}

export const listBuilds = (store: Store, year: number) => repo.listBuilds(store.db, year);
export const findBuild = (store: Store, year: number, id: number) => repo.findBuild(store.db, year, id);
export const latestDocuments = (store: Store, year: number) => repo.latestDocuments(store.db, year);
