/**
 * Building a round's report on demand: the HTML page (always) and the PDF (when a Chromium is
 * there), recorded as a build with its progress so the admin web can show it while it runs and
 * serve the newest documents afterwards. One build per round at a time.
 */
import { getRound } from '../round/round.service.ts';
import { AppError, conflict } from '../shared/errors.ts';
import { type Message, msg, say } from '../shared/i18n/message.ts';
import type { Store } from '../store/store.ts';
import { buildReport, type Progress, type Report } from './build.ts';
import { defaultDefinitionFor, loadReportDefinition } from './definition.ts';
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
  readonly timings: { readonly computeMs: number; readonly htmlMs: number; readonly pdfMs: number };
}

export interface BuildOptions {
  /** A built-in definition's name or a file; defaults to the one for the round's template. */
  readonly definition?: string;
  readonly pdf: boolean;
  readonly chromium: string;
  readonly progress?: Progress;
}

export async function definitionFor(store: Store, year: number, definition?: string): Promise<string> {
  return definition ?? defaultDefinitionFor((await getRound(store, year)).template);
}

/** Computes the report and writes it as HTML and (optionally) PDF, in memory. */
export async function makeReportFiles(store: Store, year: number, options: BuildOptions): Promise<ReportFiles> {
  const def = loadReportDefinition(await definitionFor(store, year, options.definition));
  const progress = options.progress ?? (() => undefined);
  const t0 = performance.now();
  const report = await buildReport(store, year, def, (done, total, what) => progress(done, total * 2, what));
  const t1 = performance.now();
  const html = renderReportHtml(report);
  const t2 = performance.now();
  let pdf: Buffer | null = null;
  let pdfProblem: AppError | null = null;
  if (options.pdf) {
    const total = def.chapters.reduce((s, c) => s + c.blocks.length, 0);
    try {
      pdf = await reportPdf(report, options.chromium, (done, all, what) =>
        progress(total + Math.round((done / all) * total), total * 2, what),
      );
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      pdfProblem = e;
    }
  }
  const t3 = performance.now();
  const pdfError = pdfProblem?.message ?? null;
  return {
    report,
    html,
    pdf,
    pdfError,
    pdfProblem: pdfProblem?.problem ?? null,
    timings: { computeMs: t1 - t0, htmlMs: t2 - t1, pdfMs: t3 - t2 },
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
  loadReportDefinition(definition);
  const stale = new Date(now().getTime() - staleAfterMs).toISOString();
  await repo.failStale(store.db, stale, now().toISOString(), say(msg('report.build_stale'), 'nb'));
  const running = (await repo.listBuilds(store.db, year, 1)).find((b) => b.status === 'running');
  if (running) throw conflict(msg('report.build_running', { year, id: running.id }));
  const id = await repo.insertBuild(store.db, year, definition, options.byUser, now().toISOString());
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
        { status: 'done', html: files.html, pdf: files.pdf, pdfError: files.pdfProblem && say(files.pdfProblem, 'nb') },
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
