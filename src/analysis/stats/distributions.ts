/**
 * The distribution functions the tests need, in one place so that the tests do not depend on how
 * they are computed.
 *
 * - chi-square and Student t: tails computed directly from the regularized incomplete gamma and
 *   beta functions (special.ts, Numerical Recipes methods), never as 1 − CDF: relative error below
 *   1e-13 against R 4.2.2 from p near 1 down to p = 1e-300 (3e-12 for t at df = 50 000; see
 *   distributions.test.ts). Earlier versions used jstat's 1 − CDF, which gave p = 0 for every p
 *   below ~1e-16 and was off by up to 13 % between 1e-16 and 1e-12.
 * - hypergeometric probabilities: jstat 1.9.6, relative error ~1e-15 (a product algorithm, no
 *   log-gamma; see distributions.test.ts).
 */
import jStat from 'jstat';
import { regularizedBeta, regularizedGammaQ } from './special.ts';

/** P(X ≥ x) for X ~ χ²(df), df > 0. */
export function chiSquareUpperTail(x: number, df: number): number {
  if (!(df > 0)) throw new RangeError(`chi-square df must be > 0, got ${df}`);
  if (Number.isNaN(x)) return Number.NaN;
  if (x <= 0) return 1;
  if (x === Number.POSITIVE_INFINITY) return 0;
  return clamp01(regularizedGammaQ(df / 2, x / 2));
}

/** P(|T| ≥ |t|) for T ~ Student t with df > 0 degrees of freedom. */
export function studentTTwoSided(t: number, df: number): number {
  if (!(df > 0)) throw new RangeError(`t df must be > 0, got ${df}`);
  if (Number.isNaN(t)) return Number.NaN;
  if (!Number.isFinite(t)) return 0;
  // P(|T| ≥ |t|) = I_{df/(df+t²)}(df/2, 1/2), with 1 − x = t²/(df + t²) formed without cancellation.
  const t2 = t * t;
  return clamp01(regularizedBeta(df / (df + t2), df / 2, 0.5, t2 / (df + t2)));
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
