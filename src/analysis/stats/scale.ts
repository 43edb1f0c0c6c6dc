/**
 * Summaries of a rating scale (by default 1–5) from answer counts: mean, standard deviation and
 * the shares of the top two and bottom two points, leaving out codes that are not on the scale
 * such as 8 "don't know" and 9 "not relevant".
 */
import type { ValueCount } from './ranks.ts';
import { assertCount } from './validate.ts';

export interface ScaleOptions {
  /** Codes to leave out (e.g. [8, 9]); default none. */
  readonly exclude?: readonly number[];
  /** Lowest point of the scale; default 1. */
  readonly min?: number;
  /** Highest point of the scale; default 5. */
  readonly max?: number;
}

export interface ScaleMean {
  /** Number of answers on the scale (excluded codes left out). */
  readonly n: number;
  /** Number of answers with an excluded code. */
  readonly excluded: number;
  /** Arithmetic mean of the scale values; null when n = 0. */
  readonly mean: number | null;
  /** Sample standard deviation (denominator n − 1, as R's sd()); null when n < 2. */
  readonly sd: number | null;
}

export interface ScaleTopBottom {
  readonly n: number;
  readonly excluded: number;
  /** Share of answers in the top two points (4–5 on a 1–5 scale); null when n = 0. */
  readonly top: number | null;
  /** Share of answers in the bottom two points (1–2 on a 1–5 scale); null when n = 0. */
  readonly bottom: number | null;
}

export type ScaleSummary = ScaleMean & ScaleTopBottom;

/**
 * Mean and standard deviation of the answers on the scale. Every value must be a whole number on
 * the scale or one of the excluded codes; anything else throws RangeError (a code the caller did
 * not expect should not silently shift a mean).
 */
export function mean(counts: readonly ValueCount[], options: ScaleOptions = {}): ScaleMean {
  const { onScale, n, excluded } = collect(counts, options);
  if (n === 0) return { n, excluded, mean: null, sd: null };
  let sum = 0;
  for (const [value, count] of onScale) sum += value * count;
  const m = sum / n;
  let squares = 0;
  for (const [value, count] of onScale) squares += count * (value - m) * (value - m);
  return { n, excluded, mean: m, sd: n < 2 ? null : Math.sqrt(squares / (n - 1)) };
}

/** Shares of the top two and bottom two scale points among the answers on the scale. */
export function topBottom(counts: readonly ValueCount[], options: ScaleOptions = {}): ScaleTopBottom {
  const { onScale, n, excluded, min, max } = collect(counts, options);
  if (n === 0) return { n, excluded, top: null, bottom: null };
  let top = 0;
  let bottom = 0;
  for (const [value, count] of onScale) {
    if (value >= max - 1) top += count;
    if (value <= min + 1) bottom += count;
  }
  return { n, excluded, top: top / n, bottom: bottom / n };
}

/** `mean` and `topBottom` together. */
export function scaleSummary(counts: readonly ValueCount[], options: ScaleOptions = {}): ScaleSummary {
  return { ...mean(counts, options), ...topBottom(counts, options) };
}

function collect(counts: readonly ValueCount[], options: ScaleOptions) {
  const min = options.min ?? 1;
  const max = options.max ?? 5;
  if (!Number.isInteger(min) || !Number.isInteger(max) || max - min < 3) {
    throw new RangeError(`a scale needs whole-number ends at least 3 apart (so top two and bottom two do not overlap), got ${min}–${max}`);
  }
  const exclude = new Set(options.exclude ?? []);
  const onScale = new Map<number, number>();
  let n = 0;
  let excluded = 0;
  counts.forEach(({ value, count }, i) => {
    assertCount(count, `counts[${i}].count`);
    if (exclude.has(value)) {
      excluded += count;
      return;
    }
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new RangeError(`counts[${i}].value ${value} is neither on the scale ${min}–${max} nor excluded`);
    }
    onScale.set(value, (onScale.get(value) ?? 0) + count);
    n += count;
  });
  return { onScale, n, excluded, min, max };
}
