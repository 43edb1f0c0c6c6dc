/**
 * The distribution functions the tests need, taken from jstat (1.9.6) and wrapped in one place so
 * that the library can be swapped without touching the tests themselves.
 *
 * Accuracy of jstat, measured against R 4.2.2 (see distributions.test.ts):
 * - chi-square upper tail: relative error below 1e-9 for p ≥ 1e-8; computed as 1 − CDF, so the
 *   absolute error is about 1e-16 and p-values below ~1e-12 are only right in order of magnitude
 *   (they are reported as "p < 0.001" anyway);
 * - Student t: jstat's incomplete beta stops its continued fraction at a relative step of 3e-7,
 *   which leaves relative errors up to ~1e-7 in two-sided p-values (worse for large df);
 * - hypergeometric probabilities: relative error ~1e-15 (a product algorithm, no log-gamma).
 */
import jStat from 'jstat';

/** P(X ≥ x) for X ~ χ²(df), df > 0. */
export function chiSquareUpperTail(x: number, df: number): number {
  if (!(df > 0)) throw new RangeError(`chi-square df must be > 0, got ${df}`);
  if (Number.isNaN(x)) return Number.NaN;
  if (x <= 0) return 1;
  if (x === Number.POSITIVE_INFINITY) return 0;
  return clamp01(1 - jStat.chisquare.cdf(x, df));
}

/** P(|T| ≥ |t|) for T ~ Student t with df > 0 degrees of freedom. */
export function studentTTwoSided(t: number, df: number): number {
  if (!(df > 0)) throw new RangeError(`t df must be > 0, got ${df}`);
  if (Number.isNaN(t)) return Number.NaN;
  if (!Number.isFinite(t)) return 0;
  // The lower tail at −|t| avoids the cancellation of 1 − CDF(|t|).
  return clamp01(2 * jStat.studentt.cdf(-Math.abs(t), df));
}

/**
 * P(X = k) for the hypergeometric distribution: `draws` items taken without replacement from
 * `population` items of which `marked` are marked; X counts the marked items drawn.
 */
export function hypergeometricPmf(k: number, population: number, marked: number, draws: number): number {
  return jStat.hypgeom.pdf(k, population, marked, draws);
}

function clamp01(p: number): number {
  return Math.min(1, Math.max(0, p));
}
