/**
 * The numbers behind one figure of a report, from the analysis engine (GROUP BY counts in the
 * store, statistics in TypeScript). The result is chart-agnostic data: `render.figures.ts` turns it
 * into an SVG chart and a table with the same numbers.
 */

import type { FeatureCollection, Geometry } from 'geojson';
import { countyMeans } from '../analysis/association.ts';
import { wilsonInterval } from '../analysis/breakdown.ts';
import { DEFAULT_MIN_N, type FpcStatus, type Frequencies, type FrequencyTable, frequencies } from '../analysis/frequencies.ts';
import { numberSummary } from '../analysis/numbers.ts';
import { trend } from '../analysis/trend.ts';
import type { Weighting } from '../analysis/weights.ts';
import type { Role } from '../questionnaire/model.ts';
import { textIn } from '../questionnaire/model.ts';
import { geometryCredit, loadGeometry } from '../registry/geometry.service.ts';
import { getRound } from '../round/round.service.ts';
import { invalid } from '../shared/errors.ts';
import { type Message, msg } from '../shared/i18n/message.ts';
import type { Store } from '../store/store.ts';
import type { MapProperties } from './charts/choropleth.ts';
import type { FigureSpec, QuestionRef } from './definition.ts';
import { trendYears } from './definition.years.ts';
import { type BreakdownSeries, breakdownFigure, type FigureTest } from './figures.breakdown.ts';

export type { FigureTest } from './figures.breakdown.ts';

/** Plural role names for captions ("Integreringsansvarlige, N=230"). */
export const rolePlural: Record<Role, string> = {
  kommunedirektor: 'Kommunedirektører',
  integreringsansvarlig: 'Integreringsansvarlige',
  skolesjef: 'Skolesjefer',
};

export interface Share {
  readonly label: string;
  readonly count: number;
  /** Null when nobody answered (shown as "–", never 0 %). */
  readonly share: number | null;
  readonly ci95?: readonly [number, number] | null;
}

/** The N of one question of one role: a number, or a range over a matrix's items. */
export interface RoleN {
  readonly role: Role;
  readonly label: string;
  readonly n: readonly [number, number];
}

/** Sentences under the chart that the data calls for (e.g. intervals without the FPC, and why). */
interface Remarks {
  readonly remarks?: readonly Message[];
}

export type FigureData = Remarks &
  (
    | { readonly kind: 'bars'; readonly multi: boolean; readonly bars: readonly Share[] }
    | {
        readonly kind: 'stacked';
        /** An ordered 1–5 scale (colours from a ramp), or unordered options. */
        readonly scale: boolean;
        /** Options in order; `extra` marks "Vet ikke"/"Ikke relevant" outside a scale. */
        readonly legend: readonly { readonly label: string; readonly extra: boolean }[];
        /** Shares per legend entry; null where the row has no answers. */
        readonly rows: readonly { readonly label: string; readonly n: number; readonly shares: readonly (number | null)[] }[];
      }
    | {
        /** Series side by side per category (roles, or a grouping's categories). */
        readonly kind: 'grouped';
        readonly categories: readonly string[];
        /** Shares per category; null for "–" (no answers) or, with `tooFew`, "for få svar". */
        readonly series: readonly {
          readonly label: string;
          readonly n: readonly [number, number];
          readonly shares: readonly (number | null)[];
          readonly tooFew?: boolean;
        }[];
        /** Breakdowns: the tests per grouping, Holm-adjusted over the figure. */
        readonly tests?: readonly FigureTest[];
        /** Breakdowns: the minimum N per category. */
        readonly minN?: number;
      }
    | {
        readonly kind: 'trend';
        readonly series: readonly {
          readonly label: string;
          readonly points: readonly {
            readonly year: number;
            readonly n: number;
            readonly share: number | null;
            readonly ci95: readonly [number, number] | null;
          }[];
        }[];
        readonly missingYears: readonly number[];
      }
    | {
        readonly kind: 'map';
        /** Null when the registry year has no county shapes. */
        readonly geometry: FeatureCollection<Geometry, MapProperties> | null;
        /** Where the shapes come from, for the line under the maps. */
        readonly credit: string | null;
        /** Counties with fewer answers than this are hatched "for få svar" and their mean withheld (null). */
        readonly minN: number;
        readonly maps: readonly {
          readonly label: string;
          readonly counties: readonly { code: string; name: string; n: number; mean: number | null; tooFew: boolean }[];
        }[];
      }
    | {
        readonly kind: 'integer';
        readonly classes: readonly Share[];
        readonly mean: number | null;
        readonly median: number | null;
      }
  );

export interface ComputedFigure {
  readonly data: FigureData;
  /** Question text of the first question (the default caption). */
  readonly questionText: string;
  /** N per question, for the caption. */
  readonly ns: readonly RoleN[];
  /** Whose answers: "Integreringsansvarlige" or "Kommunedirektører og skolesjefer". */
  readonly who: string;
}

const single = (n: number): readonly [number, number] => [n, n];

function rowLabel(ref: QuestionRef, refs: readonly QuestionRef[], f: Frequencies): string {
  if (ref.label) return ref.label;
  const roles = new Set(refs.map((r) => r.role));
  if (roles.size > 1) return rolePlural[ref.role];
  return f.question.shortLabel ?? textIn(f.question.text, 'nb');
}

function nOf(f: Frequencies): readonly [number, number] {
  return f.nRange ?? single(f.n);
}

function whoOf(refs: readonly QuestionRef[]): string {
  const roles = [...new Set(refs.map((r) => r.role))].map((r) => rolePlural[r]);
  if (roles.length === 1) return roles[0] as string;
  return `${roles.slice(0, -1).join(', ')} og ${(roles[roles.length - 1] as string).toLowerCase()}`;
}

/**
 * Remarks for intervals without the finite-population correction although the report asks for it
 * (population unknown, or more answers than it counts): the reader must not take them for FPC ones.
 */
function remarksOf(fs: readonly { readonly fpc: FpcStatus }[]): { remarks?: readonly Message[] } {
  const remarks = fs.flatMap((f) =>
    f.fpc.reason === 'no_population' || f.fpc.reason === 'exceeds_population'
      ? [msg('stats.fpc_not_applied', { reason: f.fpc.reason, population: f.fpc.population })]
      : [],
  );
  const unique = [...new Map(remarks.map((m) => [JSON.stringify(m), m])).values()];
  return unique.length > 0 ? { remarks: unique } : {};
}

/** Options of a table except the excluded ones. */
function kept(t: FrequencyTable, exclude: readonly number[]) {
  return t.options.filter((o) => !exclude.includes(o.code));
}

export async function computeFigure(store: Store, year: number, spec: FigureSpec, weighting?: Weighting): Promise<ComputedFigure> {
  const refs = spec.questions;
  const first = refs[0] as QuestionRef;
  const exclude = spec.exclude ?? [];
  // Weighted (a report's Weighting): shares and intervals of bars, stacked, roles and breakdowns; trends, maps and numbers are counted.
  const options = { excludeExtras: spec.excludeExtras ?? false, fpc: true, weighted: weighting ?? false } as const;
  const who = spec.who ?? whoOf(refs);

  if (spec.kind === 'trend') {
    const [from, to] = trendYears(spec.years as [number, number], year);
    const t = await trend(store, first.role, first.question, spec.codes ?? [], from, to, { fpc: true });
    return {
      questionText: t.text,
      ns: [],
      who,
      data: {
        kind: 'trend',
        series: [{ label: t.labels.join(' / '), points: t.years.map((y) => ({ year: y.year, n: y.n, share: y.share, ci95: y.ci95 })) }],
        missingYears: t.missingYears,
        ...remarksOf(t.years),
      },
    };
  }

  if (spec.kind === 'integer') {
    const s = await numberSummary(store, year, first.role, first.question, spec.classes ?? [0, 2, 5, 10]);
    return {
      questionText: textIn(s.question.text, 'nb'),
      ns: [{ role: first.role, label: rolePlural[first.role], n: single(s.n) }],
      who,
      data: {
        kind: 'integer',
        classes: s.classes.map((c) => ({ label: c.label, count: c.count, share: c.share })),
        mean: s.mean,
        median: s.median,
      },
    };
  }

  if (spec.kind === 'map') {
    const round = await getRound(store, year);
    const maps = [];
    const ns: RoleN[] = [];
    let text = '';
    const minN = spec.minN ?? DEFAULT_MIN_N;
    for (const ref of refs) {
      const m = await countyMeans(store, year, ref.role, ref.question, 'kommune', minN);
      if (text === '') text = m.text;
      // N: the municipalities that answered on the scale ("Vet ikke" left out), over all counties.
      ns.push({ role: ref.role, label: ref.label ?? rolePlural[ref.role], n: single(m.counties.reduce((s, c) => s + c.n, 0)) });
      maps.push({
        label: ref.label ?? rolePlural[ref.role],
        counties: m.counties.map((c) => ({ code: c.countyNumber, name: c.county, n: c.n, mean: c.mean, tooFew: c.tooFew })),
      });
    }
    const geometry = await loadGeometry(store, round.registryYear, 'fylke');
    const credit = await geometryCredit(store, round.registryYear, 'fylke');
    return {
      questionText: text,
      ns,
      who,
      data: { kind: 'map', geometry: geometry.features.length > 0 ? geometry : null, credit, minN, maps },
    };
  }

  if (spec.kind === 'breakdown') {
    const b = await breakdownFigure(store, year, spec, options);
    const f = b.frequencies;
    return {
      questionText: textIn(f.question.text, 'nb'),
      ns: [{ role: first.role, label: rolePlural[first.role], n: single(f.n) }],
      who,
      data: {
        kind: 'grouped',
        categories: b.categories,
        series: b.series.map((g: BreakdownSeries) => ({ label: g.label, n: single(g.n), shares: g.shares, tooFew: g.tooFew })),
        tests: b.tests,
        minN: b.minN,
        ...remarksOf([f]),
      },
    };
  }

  const freqs: Frequencies[] = [];
  for (const ref of refs) freqs.push(await frequencies(store, year, ref.role, ref.question, wilsonInterval, options));
  const f0 = freqs[0] as Frequencies;
  const questionText = textIn(f0.question.text, 'nb');
  const ns = refs.map((ref, i) => ({ role: ref.role, label: ref.label ?? rolePlural[ref.role], n: nOf(freqs[i] as Frequencies) }));

  if (spec.kind === 'bars') {
    if (f0.items) throw invalid(msg('report.bars_matrix', { question: first.question }));
    return {
      questionText,
      ns,
      who,
      data: {
        kind: 'bars',
        multi: f0.question.type === 'multi',
        bars: [...kept(f0, exclude), ...f0.apart.filter((o) => !exclude.includes(o.code))].map((o) => ({
          label: o.label,
          count: o.count,
          share: o.share,
          ci95: o.ci95,
        })),
        ...remarksOf([f0]),
      },
    };
  }

  if (spec.kind === 'stacked') {
    // A matrix has its options per item; the first item (or the question) gives the legend.
    const t0: FrequencyTable = f0.items?.[0] ?? f0;
    const legendCodes = [...kept(t0, exclude), ...t0.apart.filter((o) => !exclude.includes(o.code))];
    const extras = new Set(t0.apart.map((o) => o.code));
    const rows: { label: string; n: number; shares: (number | null)[] }[] = [];
    refs.forEach((ref, i) => {
      const f = freqs[i] as Frequencies;
      const tables: { label: string; t: FrequencyTable }[] = f.items
        ? f.items.map((it) => ({ label: refs.length > 1 ? `${rowLabel(ref, refs, f)}: ${it.label}` : it.label, t: it }))
        : [{ label: rowLabel(ref, refs, f), t: f }];
      for (const { label, t } of tables) {
        const all = [...t.options, ...t.apart];
        // An option the table lacks counts 0 % of its answers; a table without answers has no shares.
        rows.push({ label, n: t.n, shares: legendCodes.map((o) => (t.n > 0 ? (all.find((x) => x.code === o.code)?.share ?? 0) : null)) });
      }
    });
    return {
      questionText,
      ns,
      who,
      data: {
        kind: 'stacked',
        scale: f0.question.type === 'scale' || (f0.question.type === 'matrix' && f0.question.scale !== undefined),
        legend: legendCodes.map((o) => ({ label: o.label, extra: extras.has(o.code) })),
        rows,
        ...remarksOf(freqs),
      },
    };
  }

  // roles: the same question of several roles side by side.
  const codes = spec.codes;
  if (f0.items) {
    if (!codes) throw invalid(msg('report.roles_matrix_codes', { question: first.question }));
    const categories = f0.items.map((it) => it.label);
    return {
      questionText,
      ns,
      who,
      data: {
        kind: 'grouped',
        categories,
        series: refs.map((ref, i) => {
          const f = freqs[i] as Frequencies;
          return {
            label: ref.label ?? rolePlural[ref.role],
            n: nOf(f),
            shares: (f0.items ?? []).map((item) => {
              const it = f.items?.find((x) => x.key === item.key);
              if (!it || it.n === 0) return null;
              return it.options.filter((o) => codes.includes(o.code)).reduce((s, o) => s + (o.share ?? 0), 0);
            }),
          };
        }),
        ...remarksOf(freqs),
      },
    };
  }
  const shown = [...kept(f0, exclude), ...f0.apart.filter((o) => !exclude.includes(o.code))];
  return {
    questionText,
    ns,
    who,
    data: {
      kind: 'grouped',
      categories: shown.map((o) => o.label),
      series: refs.map((ref, i) => {
        const f = freqs[i] as Frequencies;
        const all = [...f.options, ...f.apart];
        return {
          label: ref.label ?? rolePlural[ref.role],
          n: nOf(f),
          shares: shown.map((o) => (f.n > 0 ? (all.find((x) => x.code === o.code)?.share ?? 0) : null)),
        };
      }),
      ...remarksOf(freqs),
    },
  };
}
