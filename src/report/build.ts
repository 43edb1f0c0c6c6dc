/**
 * Building a report: walks a definition, numbers its figures and tables in order, fills the
 * placeholders of its text and computes every figure from the store. The result (`Report`) is
 * data; `render.ts` writes it as one HTML page and `pdf.ts` prints that page.
 */
import { type Representativeness, representativeness } from '../analysis/representativeness.ts';
import { type WeightedTable1, weightedTable1 } from '../analysis/weights.table.ts';
import { Weighting } from '../analysis/weights.ts';
import { type RoundStatus, roundStatus } from '../monitor/monitor.service.ts';
import { getRound } from '../round/round.service.ts';
import { AppError, invalid } from '../shared/errors.ts';
import { msg } from '../shared/i18n/message.ts';
import { formatNumber } from '../shared/numbers.ts';
import type { Store } from '../store/store.ts';
import { questionnaireAppendix, type ReportAppendix } from './appendix.ts';
import type { FigureSpec, ReportDefinition, TableSpec } from './definition.ts';
import { type ComputedFigure, computeFigure, type FigureData, type RoleN } from './figures.ts';
import { fillPlaceholders, type PlaceholderContext } from './placeholders.ts';
import { weightedTableNote } from './report.weights.ts';

export type ReportBlock =
  | { readonly kind: 'text'; readonly markdown: string }
  | {
      readonly kind: 'figure';
      readonly id: string;
      readonly number: number;
      readonly caption: string;
      readonly title: string;
      readonly data: FigureData;
      readonly note?: string;
    }
  | {
      readonly kind: 'table';
      readonly id: string;
      readonly number: number;
      readonly caption: string;
      readonly table: ReportTable;
      readonly note?: string;
    };

export type ReportTable =
  | { readonly kind: 'representativeness'; readonly data: Representativeness; readonly weighted?: WeightedTable1 }
  | { readonly kind: 'response-rates'; readonly status: RoundStatus };

export interface Report {
  readonly year: number;
  readonly title: string;
  readonly subtitle: string;
  readonly publisher: string;
  readonly builtAt: Date;
  readonly chapters: readonly {
    readonly id: string;
    readonly number: number;
    readonly title: string;
    readonly blocks: readonly ReportBlock[];
  }[];
  readonly figureCount: number;
  readonly tableCount: number;
  /** The round's questionnaires after the chapters (`appendix: questionnaires`). */
  readonly appendix?: ReportAppendix;
}

export type Progress = (done: number, total: number, what: string) => void;

/** Blocks computed side by side (a PostgreSQL pool has 10 connections; SQLite runs them in turn). */
const buildConcurrency = 4;

/** An N or the range of N over a matrix's items: "162", "160–162". */
export const nRange = ([lo, hi]: readonly [number, number]): string =>
  lo === hi ? formatNumber(lo) : `${formatNumber(lo)}–${formatNumber(hi)}`;

/** "N=162", "N=160–162", or "N=163 for kommunedirektører og 160 for skolesjefer". */
export function nText(ns: readonly RoleN[]): string {
  if (ns.length === 0) return '';
  const labels = new Set(ns.map((n) => n.label));
  if (ns.length === 1 || labels.size === 1 || new Set(ns.map((n) => n.role)).size === 1) {
    const lo = Math.min(...ns.map((n) => n.n[0]));
    const hi = Math.max(...ns.map((n) => n.n[1]));
    return `N=${nRange([lo, hi])}`;
  }
  const parts = ns.map((n) => `${nRange(n.n)} for ${n.label.toLowerCase()}`);
  return `N=${parts.slice(0, -1).join(', ')} og ${parts[parts.length - 1]}`;
}

/** The caption of a figure in the report's form: `Figur 4: <question> (<who>, N=162)`. */
export function figureCaption(number: number, title: string, fig: Pick<ComputedFigure, 'who' | 'ns'>): string {
  const n = nText(fig.ns);
  const paren = n === '' ? fig.who : `${fig.who}, ${n}`;
  return `Figur ${number}: ${title} (${paren})`;
}

/** The report's Weighting when a block is weighted (its own `weighted`, else the report's), or none. */
type WeightingOf = (asked: boolean | undefined) => Weighting | undefined;

interface Numbered {
  readonly chapter: number;
  readonly block: number;
  readonly kind: 'figure' | 'table';
  readonly number: number;
  readonly id: string;
}

function numberBlocks(def: ReportDefinition): Numbered[] {
  const out: Numbered[] = [];
  let figures = 0;
  let tables = 0;
  def.chapters.forEach((c, ci) => {
    c.blocks.forEach((b, bi) => {
      if ('figure' in b) {
        figures++;
        out.push({ chapter: ci, block: bi, kind: 'figure', number: figures, id: b.figure.id ?? `figur-${figures}` });
      } else if ('table' in b) {
        tables++;
        out.push({ chapter: ci, block: bi, kind: 'table', number: tables, id: b.table.id ?? `tabell-${tables}` });
      }
    });
  });
  return out;
}

async function buildFigure(
  store: Store,
  year: number,
  spec: FigureSpec,
  ctx: PlaceholderContext,
  where: string,
  n: Numbered,
  weighting: WeightingOf,
): Promise<ReportBlock> {
  let fig: ComputedFigure;
  try {
    fig = await computeFigure(store, year, spec, weighting(spec.weighted));
  } catch (e) {
    if (e instanceof AppError) throw new AppError(e.code, msg('common.at', { where, what: e.problem }), e.more);
    throw e;
  }
  const title = await fillPlaceholders(spec.title ?? fig.questionText, ctx, `${where}.title`);
  const note = spec.note ? await fillPlaceholders(spec.note, ctx, `${where}.note`) : undefined;
  return {
    kind: 'figure',
    id: n.id,
    number: n.number,
    title,
    caption: figureCaption(n.number, title, fig),
    data: fig.data,
    ...(note ? { note } : {}),
  };
}

async function buildTable(
  store: Store,
  year: number,
  spec: TableSpec,
  ctx: PlaceholderContext,
  where: string,
  n: Numbered,
  weighting: WeightingOf,
): Promise<ReportBlock> {
  const title = await fillPlaceholders(spec.title, ctx, `${where}.title`);
  let note = spec.note ? await fillPlaceholders(spec.note, ctx, `${where}.note`) : undefined;
  let table: ReportTable = { kind: 'response-rates', status: ctx.status };
  if (spec.kind === 'representativeness') {
    const data = await representativeness(store, year, spec.groupings);
    const w = weighting(spec.weighted);
    const weighted = w ? await weightedTable1(store, data, w) : undefined;
    table = { kind: 'representativeness', data, ...(weighted ? { weighted } : {}) };
    // Table 1 after weighting says how it was weighted, under the table's own note.
    if (w && weighted) note = [note, weightedTableNote(weighted)].filter((x) => x !== undefined).join(' ');
  }
  return { kind: 'table', id: n.id, number: n.number, caption: `Tabell ${n.number}: ${title}`, table, ...(note ? { note } : {}) };
}

/**
 * Part of a build, for the definition editor: only one chapter (numbered as in the whole report),
 * and/or each block's problem collected (the block left empty) instead of the first one thrown.
 */
export interface BuildScope {
  readonly chapter?: number;
  readonly problems?: AppError[];
}

export async function buildReport(
  store: Store,
  year: number,
  def: ReportDefinition,
  progress: Progress = () => undefined,
  now = new Date(),
  scope: BuildScope = {},
): Promise<Report> {
  const collect = <T>(p: Promise<T>, instead: T): Promise<T> =>
    p.catch((e: unknown) => {
      if (!scope.problems || !(e instanceof AppError)) throw e;
      scope.problems.push(e);
      return instead;
    });
  const inScope = (ci: number) => scope.chapter === undefined || scope.chapter === ci;
  await getRound(store, year);
  const numbered = numberBlocks(def);
  const refs = new Map(numbered.map((n) => [n.id, `${n.kind === 'figure' ? 'figur' : 'tabell'} ${n.number}`]));
  const status = await roundStatus(store, year);
  // The weights (weights.ts), computed once per role on first use and shared by every block.
  const reportWeighted = def.weighted !== undefined && def.weighted !== false;
  const settings = typeof def.weighted === 'object' ? def.weighted : {};
  const weights = new Weighting(store, year, 'kommune', {
    ...(settings.groupings ? { groupings: settings.groupings } : {}),
    ...(settings.cap !== undefined ? { cap: settings.cap } : {}),
  });
  const weighting: WeightingOf = (asked) => ((asked ?? reportWeighted) ? weights : undefined);
  const ctx: PlaceholderContext = { store, year, status, refs, frequencies: new Map(), ...(reportWeighted ? { weighting: weights } : {}) };
  // Blocks are computed a few at a time (on PostgreSQL each figure is a handful of round trips,
  // so running them side by side hides the latency); the report keeps the definition's order.
  const jobs = def.chapters.flatMap((c, ci) =>
    (inScope(ci) ? c.blocks : []).flatMap((b, bi) => {
      // Text for a weighted (or an unweighted) report only.
      if ('text' in b && b.when !== undefined && (b.when === 'weighted') !== reportWeighted) return [];
      const where = `chapters[${ci}].blocks[${bi}]`;
      const n = numbered.find((x) => x.chapter === ci && x.block === bi);
      const label = n ? `${n.kind === 'figure' ? 'Figur' : 'Tabell'} ${n.number}` : c.title;
      const run = async (): Promise<ReportBlock> => {
        if ('text' in b) return { kind: 'text', markdown: await fillPlaceholders(b.text, ctx, `${where}.text`) };
        if ('figure' in b && n) return buildFigure(store, year, { minN: def.minN, ...b.figure }, ctx, `${where}.figure`, n, weighting);
        if ('table' in b && n) return buildTable(store, year, b.table, ctx, `${where}.table`, n, weighting);
        throw invalid(msg('common.at', { where, what: msg('report.block_needs_content') }));
      };
      return [{ ci, label, run }];
    }),
  );
  const total = jobs.length;
  const results: ReportBlock[] = new Array(total);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < total) {
      const i = next++;
      const job = jobs[i] as (typeof jobs)[number];
      progress(done, total, job.label);
      results[i] = await collect(job.run(), { kind: 'text', markdown: '' });
      done++;
    }
  };
  await Promise.all(Array.from({ length: Math.min(buildConcurrency, total) }, worker));
  const chapters = [];
  for (const [ci, c] of def.chapters.entries()) {
    if (!inScope(ci)) continue;
    chapters.push({
      id: c.id ?? `kapittel-${ci + 1}`,
      number: ci + 1,
      title: await collect(fillPlaceholders(c.title, ctx, `chapters[${ci}].title`), c.title),
      blocks: results.filter((_, i) => jobs[i]?.ci === ci),
    });
  }
  progress(total, total, 'Ferdig');
  if (chapters.length === 0) throw invalid(msg('report.no_chapters'));
  return {
    year,
    title: await collect(fillPlaceholders(def.title, ctx, 'title'), def.title),
    subtitle: def.subtitle ? await collect(fillPlaceholders(def.subtitle, ctx, 'subtitle'), def.subtitle) : '',
    publisher: def.publisher ?? 'Kommunepuls',
    builtAt: now,
    chapters,
    figureCount: numbered.filter((n) => n.kind === 'figure').length,
    tableCount: numbered.filter((n) => n.kind === 'table').length,
    ...(def.appendix === 'questionnaires' && scope.chapter === undefined
      ? { appendix: await questionnaireAppendix(store, year, status) }
      : {}),
  };
}
