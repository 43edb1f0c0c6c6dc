/**
 * Confidence intervals for a proportion `count / n`, optionally with a finite population
 * correction (FPC) for a simple random sample drawn without replacement from `population` units.
 *
 * The FPC factor is f = (N − n) / (N − 1): the variance of a sample proportion under sampling
 * without replacement is P(1 − P)/n · (N − n)/(N − 1) (Cochran, Sampling Techniques, 3rd ed.
 * 1977, §3.2, eq. 3.6). A census (n = N) has f = 0 and an interval of zero width.
 */
import { assertCount } from './validate.ts';

/** qnorm(0.975): the two-sided 95 % normal quantile. */
export const Z95 = 1.959963984540054;

/** A closed interval [lower, upper] within [0, 1]. */
export type Interval = readonly [number, number];

export interface ProportionOptions {
  /** Normal quantile; default qnorm(0.975) for a 95 % interval. */
  readonly z?: number;
  /** Apply the finite population correction for a sample of n out of `population` units. */
  readonly fpc?: { readonly population: number };
}

/**
 * Wilson score interval for count/n.
 *
 * Without FPC this is the interval of Wilson (1927), identical to R's
 * `prop.test(count, n, correct = FALSE)$conf.int`. With FPC, the score test is inverted with the
 * without-replacement variance, i.e. the interval is the set of P with
 *
 *   (p̂ − P)² ≤ z² · f · P(1 − P) / n,   p̂ = count/n,  f = (N − n)/(N − 1),
 *
 * whose solution, writing z*² = z²·f, is
 *
 *   centre = (p̂ + z*²/(2n)) / (1 + z*²/n)
 *   half   = z* / (1 + z*²/n) · √( p̂(1 − p̂)/n + z*²/(4n²) ).
 *
 * This equals the Wilson interval with Kish's effective sample size n_eff = n / f (design effect
 * f), the form used for survey data by Korn & Graubard (1998, Survey Methodology 24:193–201) and
 * compared by Franco, Little, Louis & Slud (2019, J. Survey Stat. Methodol. 7:334–364).
 *
 * Returns null when n = 0 (no interval). Throws RangeError when count > n, n > population or the
 * counts are not whole non-negative numbers.
 */
export function wilson(count: number, n: number, options: ProportionOptions = {}): Interval | null {
  const { p, z2 } = prepare(count, n, options);
  if (p === null) return null;
  if (z2 === 0) return [p, p];
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (Math.sqrt(z2) / denom) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // At p̂ = 0 (or 1) the bound is exactly 0 (or 1); the formula leaves a rounding residue.
  return [count === 0 ? 0 : Math.max(0, centre - half), count === n ? 1 : Math.min(1, centre + half)];
}

/**
 * Normal-approximation (Wald) interval p̂ ± z·√(f · p̂(1 − p̂)/n), with f = 1 without FPC and
 * f = (N − n)/(N − 1) with it; truncated to [0, 1]. Meant for comparison with `wilson`: it has
 * zero width at p̂ = 0 or 1 and under-covers for small n.
 *
 * Note: R's survey package (svymean with fpc) uses Cochran's unbiased estimate
 * (1 − n/N)·p̂(1 − p̂)/(n − 1) instead of the plug-in above; the two differ by the factor
 * N(n − 1)/((N − 1)n), which is close to 1 unless n is small.
 *
 * Returns null when n = 0.
 */
export function proportionCI(count: number, n: number, options: ProportionOptions = {}): Interval | null {
  const { p, z2 } = prepare(count, n, options);
  if (p === null) return null;
  const half = Math.sqrt((z2 * p * (1 - p)) / n);
  return [Math.max(0, p - half), Math.min(1, p + half)];
}

/** Validates the input; returns p̂ (null for n = 0) and z²·f. */
function prepare(count: number, n: number, options: ProportionOptions): { p: number | null; z2: number } {
  assertCount(count, 'count');
  assertCount(n, 'n');
  if (count > n) throw new RangeError(`count ${count} exceeds n ${n}`);
  const z = options.z ?? Z95;
  if (!Number.isFinite(z) || z <= 0) throw new RangeError(`z must be a positive number, got ${z}`);
  let f = 1;
  if (options.fpc) {
    const N = options.fpc.population;
    assertCount(N, 'population');
    if (n > N) throw new RangeError(`sample size ${n} exceeds population ${N}`);
    f = n === N ? 0 : (N - n) / (N - 1);
  }
  return { p: n === 0 ? null : count / n, z2: z * z * f };
}
