/**
 * Monte Carlo "exact" test of independence for r×c tables, and `exactP`, which picks the exact
 * test to report next to the asymptotic chi-square p.
 */
import { pearsonStatistic } from './chisquare.ts';
import { fisherExact2x2 } from './fisher.ts';
import { seededUniform, type Uniform } from './random.ts';
import { assertTable, dropEmpty, margins, type Table } from './validate.ts';

/** Default number of simulated tables. */
export const DEFAULT_ITERATIONS = 100_000;
/** Default seed, so that a report shows the same p-value every time it is built. */
export const DEFAULT_SEED = 20_190_101;

export interface MonteCarloOptions {
  /** Number B of simulated tables; default 100 000. */
  readonly iterations?: number;
  /** Seed of the generator (any integer); default DEFAULT_SEED. */
  readonly seed?: number;
}

export interface MonteCarloResult {
  /** (1 + #{simulated X² ≥ observed X²}) / (B + 1); null when df = 0. */
  readonly p: number | null;
  /** Monte Carlo standard error √(p(1 − p)/B); null when p is null. */
  readonly standardError: number | null;
  /** Observed Pearson X² of the reduced table (0 when df = 0). */
  readonly statistic: number;
  /** (r − 1)(c − 1) of the reduced table, for reference (the simulation does not use it). */
  readonly df: number;
  /** B, the number of simulated tables (0 when nothing was simulated). */
  readonly iterations: number;
}

/**
 * Monte Carlo p-value for Pearson's X² conditional on both margins, as R's
 * `chisq.test(table, simulate.p.value = TRUE, B)`: B tables with the observed row and column
 * totals are drawn from the multiple hypergeometric distribution by Patefield's algorithm
 * (AS 159, Applied Statistics 30:91–97, 1981; R's r2dtable), and
 *
 *   p = (1 + #{b : X²_b ≥ X²_obs · (1 − 64ε)}) / (B + 1)
 *
 * where ε is the double-precision machine epsilon (R's tolerance for ties of the statistic).
 * The p-value estimates the exact conditional p of the chi-square statistic; it is never 0.
 *
 * All-zero rows and columns are dropped first; when fewer than two rows or columns remain,
 * p is null and nothing is simulated. The generator is xoshiro128** (see random.ts), so the result
 * is deterministic for a given seed but does not reproduce R's random stream.
 */
export function exactChiSquareMonteCarlo(table: Table, options: MonteCarloOptions = {}): MonteCarloResult {
  const B = options.iterations ?? DEFAULT_ITERATIONS;
  if (!Number.isInteger(B) || B < 1) throw new RangeError(`iterations must be a positive integer, got ${B}`);
  assertTable(table, true);
  const t = dropEmpty(table).table;
  const { rows, cols, total } = margins(t);
  if (rows.length < 2 || cols.length < 2) return { p: null, standardError: null, statistic: 0, df: 0, iterations: 0 };
  const expected = rows.map((r) => cols.map((c) => (r * c) / total));
  const observed = pearsonStatistic(t, expected);
  const threshold = observed * (1 - 64 * Number.EPSILON);
  const uniform = seededUniform(options.seed ?? DEFAULT_SEED);
  const lf = logFactorials(total);
  let exceed = 0;
  for (let b = 0; b < B; b++) {
    if (pearsonStatistic(randomTable(rows, cols, uniform, lf), expected) >= threshold) exceed++;
  }
  const p = (1 + exceed) / (B + 1);
  return {
    p,
    standardError: Math.sqrt((p * (1 - p)) / B),
    statistic: observed,
    df: (rows.length - 1) * (cols.length - 1),
    iterations: B,
  };
}

export interface ExactPResult {
  /** The exact (Fisher) or simulated p-value; null when the reduced table has df = 0. */
  readonly p: number | null;
  /** Which test gave p. */
  readonly method: 'fisher' | 'monte-carlo' | 'none';
  /** Monte Carlo standard error; 0 for Fisher's exact p, null when p is null. */
  readonly standardError: number | null;
}

/**
 * The exact-test p-value to show for a table: after dropping all-zero rows and columns, Fisher's
 * exact test for a 2×2 table and the Monte Carlo chi-square test for anything larger.
 */
export function exactP(table: Table, options: MonteCarloOptions = {}): ExactPResult {
  assertTable(table, true);
  const t = dropEmpty(table).table;
  if (t.length === 2 && t[0]?.length === 2) return { p: fisherExact2x2(t), method: 'fisher', standardError: 0 };
  const mc = exactChiSquareMonteCarlo(t, options);
  return mc.p === null
    ? { p: null, method: 'none', standardError: null }
    : { p: mc.p, method: 'monte-carlo', standardError: mc.standardError };
}

/** log(k!) for k = 0..n, by summing logarithms (as AS 159 does). */
export function logFactorials(n: number): Float64Array {
  const lf = new Float64Array(n + 1);
  for (let k = 2; k <= n; k++) lf[k] = (lf[k - 1] ?? 0) + Math.log(k);
  return lf;
}

/**
 * One random r×c table with the given row and column totals (which must have the same sum),
 * uniformly among the arrangements of the individual units, i.e. with the multiple hypergeometric
 * probability Π r_i! Π c_j! / (n! Π n_ij!). Patefield's algorithm: the cells are filled row by
 * row, each drawn from its hypergeometric distribution given the cells before it; the last column
 * and the last row follow from the totals. `lf` must hold log(k!) for k up to the grand total.
 */
export function randomTable(rowTotals: readonly number[], colTotals: readonly number[], uniform: Uniform, lf: Float64Array): number[][] {
  const nr = rowTotals.length;
  const nc = colTotals.length;
  const out = rowTotals.map(() => new Array<number>(nc).fill(0));
  const colLeft = colTotals.slice();
  let rowsLeftTotal = colTotals.reduce((a, b) => a + b, 0);
  for (let l = 0; l < nr - 1; l++) {
    const row = out[l] as number[];
    let ia = rowTotals[l] ?? 0; // still to place in this row
    let ie = rowsLeftTotal; // total of rows l.., columns m..
    rowsLeftTotal -= ia;
    for (let m = 0; m < nc - 1; m++) {
      const id = colLeft[m] ?? 0; // still to place in this column
      const x = ia === 0 ? 0 : hypergeometricDraw(ia, id, ie, uniform, lf);
      row[m] = x;
      ia -= x;
      colLeft[m] = id - x;
      ie -= id;
    }
    row[nc - 1] = ia;
    colLeft[nc - 1] = (colLeft[nc - 1] ?? 0) - ia;
  }
  out[nr - 1] = colLeft;
  return out;
}

/**
 * Draws X, the number of marked items when `ia` items are drawn without replacement from `ie` of
 * which `id` are marked, by inversion starting at the mean and moving outwards alternately up
 * and down (Patefield's search order), with exact probability ratios between neighbours.
 */
function hypergeometricDraw(ia: number, id: number, ie: number, uniform: Uniform, lf: Float64Array): number {
  const ib = ie - ia;
  const ic = ie - id;
  const ii = ib - id;
  const lo = Math.max(0, -ii);
  const hi = Math.min(ia, id);
  if (lo === hi) return lo;
  const start = Math.min(hi, Math.max(lo, Math.floor((ia * id) / ie + 0.5)));
  const p0 = Math.exp(
    at(lf, ia) +
      at(lf, ib) +
      at(lf, ic) +
      at(lf, id) -
      at(lf, ie) -
      at(lf, start) -
      at(lf, id - start) -
      at(lf, ia - start) -
      at(lf, ii + start),
  );
  let u = uniform();
  for (;;) {
    let sum = p0;
    if (sum >= u) return start;
    let up = start;
    let pUp = p0;
    let down = start;
    let pDown = p0;
    while (up < hi || down > lo) {
      if (up < hi) {
        pUp *= ((id - up) * (ia - up)) / ((up + 1) * (ii + up + 1));
        up++;
        sum += pUp;
        if (sum >= u) return up;
      }
      if (down > lo) {
        pDown *= (down * (ii + down)) / ((id - down + 1) * (ia - down + 1));
        down--;
        sum += pDown;
        if (sum >= u) return down;
      }
    }
    if (!(sum > 0)) throw new Error(`hypergeometric draw failed (ia=${ia}, id=${id}, ie=${ie})`);
    // Rounding left the total mass a hair below u: draw again within the mass accumulated.
    u = uniform() * sum;
  }
}

function at(a: Float64Array, i: number): number {
  return a[i] ?? Number.NaN;
}
