/**
 * A breakdown figure: the shares of one question's options by the categories of one or more
 * groupings (grouped bars), with the tests of independence. The tests drawn for one figure are one
 * family and are Holm-adjusted together: one test per grouping, or for a multiple-choice question
 * one per option and grouping (analysis/significance.ts). A category with fewer answers than the
 * minimum N shows "for få svar" instead of its shares.
 */
import { breakdown, type NoTestReason, type TestResult, wilsonInterval } from '../analysis/breakdown.ts';
import { DEFAULT_MIN_N, type Frequencies, type FrequencyOptions, frequencies } from '../analysis/frequencies.ts';
import { adjustFamily } from '../analysis/significance.ts';
import { invalid } from '../shared/errors.ts';
import { msg } from '../shared/i18n/message.ts';
import type { Store } from '../store/store.ts';
import type { FigureSpec, QuestionRef } from './definition.ts';

/** What the reader is told about the tests of a breakdown figure, per grouping. */
export type FigureTest =
  | {
      readonly kind: 'test';
      /** The grouping's label when the figure tests several, else null. */
      readonly by: string | null;
      /** The p the decision uses (exact when reported), before and after Holm's adjustment. */
      readonly p: number;
      readonly pAdjusted: number;
      readonly familySize: number;
      readonly significant: boolean;
      readonly method: 'chi-square' | 'fisher' | 'monte-carlo';
    }
  | { readonly kind: 'none'; readonly by: string | null; readonly reason: NoTestReason }
  | {
      /** Multiple choice: one test per option; the options that differ significantly after adjustment. */
      readonly kind: 'options';
      readonly by: string | null;
      readonly familySize: number;
      readonly significant: readonly { readonly label: string; readonly p: number; readonly pAdjusted: number }[];
    };

export interface BreakdownSeries {
  readonly label: string;
  readonly n: number;
  /** Shares per kept option; null for a category with too few answers (or none). */
  readonly shares: readonly (number | null)[];
  readonly tooFew: boolean;
}

export interface BreakdownFigure {
  readonly frequencies: Frequencies;
  readonly categories: readonly string[];
  readonly series: readonly BreakdownSeries[];
  readonly tests: readonly FigureTest[];
  readonly minN: number;
}

const methodOf = (t: TestResult): 'chi-square' | 'fisher' | 'monte-carlo' => t.exactMethod ?? 'chi-square';

export async function breakdownFigure(store: Store, year: number, spec: FigureSpec, options: FrequencyOptions): Promise<BreakdownFigure> {
  const first = spec.questions[0] as QuestionRef;
  const exclude = spec.exclude ?? [];
  const minN = spec.minN ?? DEFAULT_MIN_N;
  const f = await frequencies(store, year, first.role, first.question, wilsonInterval, options);
  if (f.items) throw invalid(msg('report.breakdown_not_matrix', { question: first.question }));
  const bys = Array.isArray(spec.by) ? spec.by : [spec.by as string];
  const kept = f.options.filter((o) => !exclude.includes(o.code));
  const breakdowns = [];
  for (const by of bys) breakdowns.push(await breakdown(store, year, first.role, first.question, by, wilsonInterval, { ...options, minN }));
  const several = breakdowns.length > 1;
  const series = breakdowns.flatMap((b) =>
    b.groups.map((g) => ({
      label: several ? `${b.by.label}: ${g.label}` : g.label,
      n: g.n,
      shares: kept.map((o) => g.options.find((x) => x.code === o.code)?.share ?? null),
      tooFew: g.tooFew === true,
    })),
  );
  // One family over everything the figure tests.
  const raw = breakdowns.flatMap((b) => (b.optionTests ? b.optionTests.map((o) => o.test) : [b.test ?? null]));
  const adjusted = adjustFamily(raw);
  let at = 0;
  const tests: FigureTest[] = breakdowns.map((b) => {
    const by = several ? b.by.label.toLowerCase() : null;
    if (b.optionTests) {
      const mine = b.optionTests.map((o) => ({ code: o.code, test: adjusted[at++] ?? null }));
      const significant = mine.flatMap(({ code, test }) =>
        test?.significant
          ? [{ label: f.options.find((o) => o.code === code)?.label ?? String(code), p: test.pExact ?? test.p, pAdjusted: test.pAdjusted }]
          : [],
      );
      return { kind: 'options', by, familySize: adjusted.filter((t) => t !== null).length, significant };
    }
    const t = adjusted[at++] ?? null;
    if (!t) return { kind: 'none', by, reason: b.noTest ?? 'all_same' };
    return {
      kind: 'test',
      by,
      p: t.pExact ?? t.p,
      pAdjusted: t.pAdjusted,
      familySize: t.familySize,
      significant: t.significant,
      method: methodOf(t),
    };
  });
  return { frequencies: f, categories: kept.map((o) => o.label), series, tests, minN };
}
