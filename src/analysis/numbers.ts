/**
 * A number question ("skriv inn antall elever"): its distribution in classes, with mean and
 * median, computed from the counts per value that SQL returns (no answer rows in Node).
 */
import type { Question, Role } from '../questionnaire/model.ts';
import { getRound, roundQuestionnaire } from '../round/round.service.ts';
import { invalid, notFound } from '../shared/errors.ts';
import { msg } from '../shared/i18n/message.ts';
import type { Store } from '../store/store.ts';
import * as repo from './analysis.repository.ts';

export interface NumberClass {
  readonly label: string;
  readonly count: number;
  readonly share: number;
}

export interface NumberSummary {
  readonly n: number;
  readonly mean: number | null;
  readonly median: number | null;
  /** Lower and upper quartile (R's default quantile, type 7), null without answers. */
  readonly quartiles: readonly [number, number] | null;
  readonly min: number | null;
  readonly max: number | null;
  readonly sum: number;
  readonly classes: readonly NumberClass[];
}

/**
 * The p-quantile of a distribution given as sorted (value, count) pairs, as R's default
 * `quantile(x, p)` (type 7): between the k-th and (k+1)-th smallest of N values at h = (N − 1)p.
 */
export function quantileOf(counts: readonly { value: number; n: number }[], p: number): number | null {
  const total = counts.reduce((s, c) => s + c.n, 0);
  if (total === 0) return null;
  const at = (k: number) => {
    let seen = 0;
    for (const c of counts) {
      seen += c.n;
      if (seen > k) return c.value;
    }
    return counts[counts.length - 1]?.value ?? 0;
  };
  const h = (total - 1) * p;
  const lo = Math.floor(h);
  const x = at(lo);
  return h === lo ? x : x + (h - lo) * (at(lo + 1) - x);
}

/** Median of a distribution given as sorted (value, count) pairs. */
export function medianOf(counts: readonly { value: number; n: number }[]): number | null {
  return quantileOf(counts, 0.5);
}

/**
 * Classes from upper bounds: [0, 2, 5, 10] → "0", "1–2", "3–5", "6–10", "Over 10" (whole numbers).
 */
export function summariseNumbers(counts: readonly { value: number; n: number }[], bounds: readonly number[]): NumberSummary {
  const sorted = [...counts].sort((a, b) => a.value - b.value);
  const n = sorted.reduce((s, c) => s + c.n, 0);
  const sum = sorted.reduce((s, c) => s + c.value * c.n, 0);
  const ups = [...bounds].sort((a, b) => a - b);
  const classes: NumberClass[] = [];
  let lower = Number.NEGATIVE_INFINITY;
  for (const up of ups) {
    const lo = lower === Number.NEGATIVE_INFINITY ? null : lower + 1;
    const count = sorted.filter((c) => c.value > lower && c.value <= up).reduce((s, c) => s + c.n, 0);
    const label = lo === null || lo >= up ? String(up) : `${lo}–${up}`;
    classes.push({ label, count, share: n > 0 ? count / n : 0 });
    lower = up;
  }
  const over = sorted.filter((c) => c.value > lower).reduce((s, c) => s + c.n, 0);
  classes.push({ label: `Over ${lower}`, count: over, share: n > 0 ? over / n : 0 });
  return {
    n,
    mean: n > 0 ? sum / n : null,
    median: medianOf(sorted),
    quartiles: n > 0 ? [quantileOf(sorted, 0.25) as number, quantileOf(sorted, 0.75) as number] : null,
    min: sorted[0]?.value ?? null,
    max: sorted[sorted.length - 1]?.value ?? null,
    sum,
    classes,
  };
}

export async function numberSummary(
  store: Store,
  year: number,
  role: Role,
  key: string,
  bounds: readonly number[],
  kind: repo.UnitKind = 'kommune',
): Promise<NumberSummary & { readonly question: Question }> {
  const q = (await roundQuestionnaire(store, year, role)).questions.find((x) => x.key === key);
  if (!q) throw notFound(msg('analysis.no_question', { year, role, question: key }));
  if (q.type !== 'integer') throw invalid(msg('analysis.not_number_question', { role, question: key }));
  const round = await getRound(store, year);
  return { question: q, ...summariseNumbers(await repo.numberCounts(store.db, year, round.registryYear, role, key, kind), bounds) };
}
