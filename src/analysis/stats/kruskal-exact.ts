/**
 * Kruskal–Wallis for small groups: the permutation p-value of H instead of the χ² approximation,
 * which is poor when groups are small (a county with one or two answering municipalities). The
 * rule of thumb of Kruskal & Wallis (1952, JASA 47:583–621) and of Hollander & Wolfe
 * (Nonparametric Statistical Methods, 2nd ed. 1999, §6.1) is to trust χ²_{k−1} only when every
 * group has at least 5 units; below that this module gives
 *
 *   p = P(H* ≥ H_obs)
 *
 * where H* is H after a random reassignment of the N answers to the groups (sizes kept), i.e. the
 * exact conditional distribution of H given the group sizes and the tied values, as coin's
 * `kruskal_test(distribution = "exact" | approximate())`. With answers as counts, a reassignment is
 * a groups × values table with the observed margins, of multiple hypergeometric probability
 * Π n_i! Π c_j! / (N! Π n_ij!); H depends on the table only through the rank sums, so
 *
 * - exact: every table with the margins is enumerated (row by row, each row's counts given the
 *   rows before it) when their number is at most EXACT_LIMIT (a bound: the product over all groups
 *   but the largest of the compositions of n_i into the c values, C(n_i + c − 1, c − 1));
 * - Monte Carlo otherwise: B random reassignments, each a partial Fisher–Yates shuffle of the
 *   units' midranks when the groups besides the largest are small, else a table drawn by
 *   Patefield's algorithm (montecarlo.ts); p = (1 + #{H*_b ≥ H_obs}) / (B + 1), never 0, with a
 *   seed per table (random.ts `tableSeed`).
 *
 * "≥" allows a relative rounding tolerance of 1e-7 (as R's fisher.test): equal statistics computed
 * in a different order must count as equal. H here is the statistic of ranks.ts (ties corrected);
 * the correction and N are fixed given the margins, so the comparison uses
 * S = Σ_i (R_i − n_i (N + 1)/2)² / n_i, which H is proportional to.
 */
import { logFactorials, randomTable } from './montecarlo.ts';
import { seededUniform } from './random.ts';
import type { ValueCount } from './ranks.ts';

/** At most this many tables are enumerated for an exact p; beyond, Monte Carlo. */
export const EXACT_LIMIT = 200_000;
/** Below this size of the smallest group, the χ² approximation is replaced. */
export const SMALL_GROUP = 5;
const TOLERANCE = 1e-7;

export interface KruskalExactOptions {
  /** Number of simulated tables when Monte Carlo is used; default 100 000. */
  readonly iterations?: number;
  /** Seed of the Monte Carlo stream (see random.ts `tableSeed`); default 20 190 101. */
  readonly seed?: number;
  /** Largest number of tables to enumerate; default EXACT_LIMIT. */
  readonly exactLimit?: number;
  /**
   * How Monte Carlo draws a reassignment (both uniform over the permutations): a partial shuffle of
   * the units' ranks, or Patefield's random table; default the cheaper for the table.
   */
  readonly sampler?: 'shuffle' | 'patefield';
}

export interface KruskalExactResult {
  /** The permutation p; null when no test is possible (fewer than two groups, or one value). */
  readonly p: number | null;
  readonly method: 'exact' | 'monte-carlo' | 'none';
  /** Monte Carlo standard error √(p(1 − p)/B); 0 for an exact p; null with p. */
  readonly standardError: number | null;
  /** B, or the number of tables enumerated. */
  readonly tables: number;
}

interface Layout {
  /** Group sizes, largest last. */
  readonly sizes: number[];
  /** Counts per group (same order as sizes) and value. */
  readonly table: number[][];
  readonly colTotals: number[];
  /** Midrank of each value column. */
  readonly ranks: number[];
  readonly n: number;
}

function layout(groups: readonly (readonly ValueCount[])[]): Layout {
  const values = [...new Set(groups.flatMap((g) => g.filter((v) => v.count > 0).map((v) => v.value)))].sort((a, b) => a - b);
  const col = new Map(values.map((v, j) => [v, j]));
  const rows = groups
    .map((g) => {
      const row = values.map(() => 0);
      for (const { value, count } of g) {
        const j = col.get(value);
        if (count > 0 && j !== undefined) row[j] = (row[j] ?? 0) + count;
      }
      return row;
    })
    .filter((row) => row.some((x) => x > 0))
    .sort((a, b) => sum(a) - sum(b));
  const colTotals = values.map((_, j) => rows.reduce((s, r) => s + (r[j] ?? 0), 0));
  const ranks: number[] = [];
  let before = 0;
  for (const c of colTotals) {
    ranks.push(before + (c + 1) / 2);
    before += c;
  }
  return { sizes: rows.map(sum), table: rows, colTotals, ranks, n: before };
}

function sum(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}

/** S of one row: (R_i − n_i (N + 1)/2)² / n_i. */
function rowTerm(row: readonly number[], ranks: readonly number[], centre: number): number {
  let size = 0;
  let r = 0;
  row.forEach((x, j) => {
    size += x;
    r += x * (ranks[j] ?? 0);
  });
  const d = r - size * centre;
  return size > 0 ? (d * d) / size : 0;
}

function statistic(table: readonly (readonly number[])[], ranks: readonly number[], centre: number): number {
  return table.reduce((s, row) => s + rowTerm(row, ranks, centre), 0);
}

/** log C(n, k). */
const logChoose = (lf: Float64Array, n: number, k: number) => (lf[n] ?? 0) - (lf[k] ?? 0) - (lf[n - k] ?? 0);

/** Upper bound of the number of tables: compositions of every group but the last (the largest). */
export function tableCountBound(sizes: readonly number[], values: number): number {
  let bound = 1;
  const lf = logFactorials(Math.max(0, ...sizes) + values);
  for (const size of sizes.slice(0, -1)) bound *= Math.round(Math.exp(logChoose(lf, size + values - 1, values - 1)));
  return bound;
}

/** The exact permutation p by enumeration of all tables with the margins. */
function enumerate(l: Layout, threshold: number, centre: number): { p: number; tables: number } {
  const lf = logFactorials(l.n);
  const nc = l.colTotals.length;
  const colLeft = l.colTotals.slice();
  // One buffer per group: a row's counts must survive the enumeration of the rows after it.
  const buffers = l.sizes.map(() => new Array<number>(nc).fill(0));
  let mass = 0;
  let tail = 0;
  let tables = 0;
  const last = l.sizes.length - 1;
  // Row i takes l.sizes[i] of the units left; its probability given the rows before it is
  // Π_j C(colLeft_j, x_j) / C(unitsLeft, size) (multivariate hypergeometric).
  const rows = (i: number, unitsLeft: number, s: number, logp: number): void => {
    if (i === last) {
      const p = Math.exp(logp);
      tables++;
      mass += p;
      if (s + rowTerm(colLeft, l.ranks, centre) >= threshold) tail += p;
      return;
    }
    const size = l.sizes[i] as number;
    const row = buffers[i] as number[];
    const base = logp - logChoose(lf, unitsLeft, size);
    const cells = (j: number, left: number, logc: number): void => {
      if (j === nc - 1) {
        if (left > (colLeft[j] as number)) return;
        row[j] = left;
        const lc = logc + logChoose(lf, colLeft[j] as number, left);
        const term = rowTerm(row, l.ranks, centre);
        for (let k = 0; k < nc; k++) colLeft[k] = (colLeft[k] as number) - (row[k] as number);
        rows(i + 1, unitsLeft - size, s + term, base + lc);
        for (let k = 0; k < nc; k++) colLeft[k] = (colLeft[k] as number) + (row[k] as number);
        return;
      }
      const most = Math.min(left, colLeft[j] as number);
      for (let x = 0; x <= most; x++) {
        row[j] = x;
        cells(j + 1, left - x, logc + logChoose(lf, colLeft[j] as number, x));
      }
    };
    cells(0, size, 0);
  };
  rows(0, l.n, 0, 0);
  // The probabilities add up to 1 up to rounding; dividing by their sum keeps p within [0, 1].
  return { p: Math.min(1, tail / mass), tables };
}

/**
 * The permutation p-value of the Kruskal–Wallis H for answers given as counts per group (empty
 * groups ignored): exact when the tables can be enumerated, Monte Carlo otherwise.
 */
export function kruskalWallisPermutation(
  groups: readonly (readonly ValueCount[])[],
  options: KruskalExactOptions = {},
): KruskalExactResult {
  const l = layout(groups);
  if (l.sizes.length < 2 || l.colTotals.length < 2) return { p: null, method: 'none', standardError: null, tables: 0 };
  const centre = (l.n + 1) / 2;
  const observed = statistic(l.table, l.ranks, centre);
  const threshold = observed - TOLERANCE * Math.max(observed, 1e-300);
  if (tableCountBound(l.sizes, l.colTotals.length) <= (options.exactLimit ?? EXACT_LIMIT)) {
    const { p, tables } = enumerate(l, threshold, centre);
    return { p, method: 'exact', standardError: 0, tables };
  }
  const B = options.iterations ?? 100_000;
  if (!Number.isInteger(B) || B < 1) throw new RangeError(`iterations must be a positive integer, got ${B}`);
  const uniform = seededUniform(options.seed ?? 20_190_101);
  const moved = l.n - (l.sizes.at(-1) ?? 0);
  const shuffle = (options.sampler ?? (moved <= 8 * l.sizes.length * l.colTotals.length ? 'shuffle' : 'patefield')) === 'shuffle';
  const draw = shuffle ? shuffler(l, centre, uniform) : patefield(l, centre, uniform);
  let exceed = 0;
  for (let b = 0; b < B; b++) if (draw() >= threshold) exceed++;
  const p = (1 + exceed) / (B + 1);
  return { p, method: 'monte-carlo', standardError: Math.sqrt((p * (1 - p)) / B), tables: B };
}

/** S of a random reassignment by Patefield's algorithm: cost per draw grows with groups × values. */
function patefield(l: Layout, centre: number, uniform: () => number): () => number {
  const lf = logFactorials(l.n);
  return () => statistic(randomTable(l.sizes, l.colTotals, uniform, lf), l.ranks, centre);
}

/**
 * S of a random reassignment by a partial Fisher–Yates shuffle of the units' ranks: only the
 * units of the groups before the largest are drawn (its rank sum is the rest), so the cost per draw
 * grows with N minus the largest group. Cheaper than Patefield when the groups are small.
 */
function shuffler(l: Layout, centre: number, uniform: () => number): () => number {
  const ranks = new Float64Array(l.n);
  let k = 0;
  l.colTotals.forEach((c, j) => {
    for (let i = 0; i < c; i++) ranks[k++] = l.ranks[j] ?? 0;
  });
  const total = (l.n * (l.n + 1)) / 2;
  const groups = l.sizes.length;
  const last = l.sizes[groups - 1] ?? 0;
  return () => {
    let s = 0;
    let at = 0;
    let drawn = 0;
    for (let g = 0; g < groups - 1; g++) {
      const size = l.sizes[g] ?? 0;
      let r = 0;
      for (let i = 0; i < size; i++, at++) {
        const j = at + Math.floor(uniform() * (l.n - at));
        const x = ranks[j] ?? 0;
        ranks[j] = ranks[at] ?? 0;
        ranks[at] = x;
        r += x;
      }
      drawn += r;
      const d = r - size * centre;
      s += (d * d) / size;
    }
    const d = total - drawn - last * centre;
    return s + (d * d) / last;
  };
}

/** The size of the smallest non-empty group (0 when there is none). */
export function smallestGroup(groups: readonly (readonly ValueCount[])[]): number {
  const sizes = groups.map((g) => g.reduce((s, v) => s + v.count, 0)).filter((s) => s > 0);
  return sizes.length > 0 ? Math.min(...sizes) : 0;
}
