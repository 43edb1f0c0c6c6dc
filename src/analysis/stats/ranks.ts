/**
 * Rank tests on ordinal answers given as counts: Kruskal–Wallis for k groups and Spearman's rank
 * correlation for a two-way table of codes. Ties are ranked by their average rank (midranks).
 */
import { chiSquareUpperTail, studentTTwoSided } from './distributions.ts';
import { assertCount } from './validate.ts';

/** How many respondents gave `value`. */
export interface ValueCount {
  readonly value: number;
  readonly count: number;
}

/** Midrank of each distinct value among all units, and Σ (t³ − t) over the tie groups. */
interface Midranks {
  readonly rank: Map<number, number>;
  readonly n: number;
  readonly tieSum: number;
}

/** Midranks of values with multiplicities: a value held by t units at positions k+1..k+t gets k + (t + 1)/2. */
function midranks(counts: ReadonlyMap<number, number>): Midranks {
  const rank = new Map<number, number>();
  let before = 0;
  let tieSum = 0;
  for (const value of [...counts.keys()].sort((a, b) => a - b)) {
    const t = counts.get(value) ?? 0;
    if (t === 0) continue;
    rank.set(value, before + (t + 1) / 2);
    tieSum += t * t * t - t;
    before += t;
  }
  return { rank, n: before, tieSum };
}

function addCount(map: Map<number, number>, value: number, count: number): void {
  map.set(value, (map.get(value) ?? 0) + count);
}

function checkValue(value: number, what: string): void {
  if (!Number.isFinite(value)) throw new RangeError(`${what} must be a finite number, got ${value}`);
}

export interface KruskalWallisResult {
  /** H corrected for ties; null when it is undefined (fewer than two non-empty groups, or all values tied). */
  readonly statistic: number | null;
  /** Number of non-empty groups − 1. */
  readonly df: number;
  /** P(χ²_df ≥ H); null when H is null. */
  readonly p: number | null;
  /** Number of units in all groups. */
  readonly n: number;
}

/**
 * Kruskal–Wallis rank-sum test, as R's `kruskal.test(x, g)`: with midranks over all groups,
 * N units, n_i units and rank mean R̄_i in group i, and t_j units in tie group j,
 *
 *   H = [12 / (N(N + 1)) · Σ n_i (R̄_i − (N + 1)/2)²] / [1 − Σ (t_j³ − t_j) / (N³ − N)]
 *
 * (the numerator is the usual 12/(N(N+1)) Σ R_i²/n_i − 3(N + 1), written so that it does not
 * cancel), with df = k − 1 for the k non-empty groups and p from χ²_{k−1}.
 *
 * Each group lists its answer values with their counts (a value may repeat; counts add up).
 * Empty groups are ignored, as R drops unused factor levels. With fewer than two non-empty groups
 * df is 0; when every unit has the same value the tie correction is 0 — in both cases the statistic
 * and p are null (R stops with an error or gives NaN). p is the χ² approximation; for groups
 * smaller than 5 see kruskal-exact.ts.
 */
export function kruskalWallis(groups: readonly (readonly ValueCount[])[]): KruskalWallisResult {
  const pooled = new Map<number, number>();
  groups.forEach((group, g) => {
    group.forEach(({ value, count }, i) => {
      checkValue(value, `groups[${g}][${i}].value`);
      assertCount(count, `groups[${g}][${i}].count`);
      addCount(pooled, value, count);
    });
  });
  const { rank, n, tieSum } = midranks(pooled);
  const sizes: number[] = [];
  const rankSums: number[] = [];
  for (const group of groups) {
    let size = 0;
    let sum = 0;
    for (const { value, count } of group) {
      if (count === 0) continue;
      size += count;
      sum += count * (rank.get(value) ?? 0);
    }
    if (size > 0) {
      sizes.push(size);
      rankSums.push(sum);
    }
  }
  const df = sizes.length - 1;
  const correction = n > 1 ? 1 - tieSum / (n * n * n - n) : 0;
  if (df < 1 || correction <= 0) return { statistic: null, df: Math.max(0, df), p: null, n };
  const centre = (n + 1) / 2;
  let between = 0;
  sizes.forEach((size, i) => {
    const d = (rankSums[i] ?? 0) / size - centre;
    between += size * d * d;
  });
  const statistic = ((12 / (n * (n + 1))) * between) / correction;
  return { statistic, df, p: chiSquareUpperTail(statistic, df), n };
}

/** How many respondents answered `x` to one question and `y` to the other. */
export interface PairCount {
  readonly x: number;
  readonly y: number;
  readonly count: number;
}

export interface SpearmanResult {
  /** Spearman's ρ: Pearson's correlation of the midranks; null when x or y has no spread. */
  readonly rho: number | null;
  /** Two-sided p from the t approximation; null when rho is null or n < 3. */
  readonly p: number | null;
  /** t = ρ √((n − 2)/(1 − ρ²)) (±Infinity for ρ = ±1); null with p. */
  readonly t: number | null;
  /** n − 2. */
  readonly df: number;
  /** Number of units. */
  readonly n: number;
}

/**
 * Spearman's rank correlation of two ordinal answers given as a table of (x, y, count), as R's
 * `cor.test(x, y, method = "spearman", exact = FALSE)`: ρ is Pearson's correlation of the
 * midranks of x and of y (ties averaged), and the two-sided p-value is P(|T| ≥ |t|) with
 * t = ρ √((n − 2)/(1 − ρ²)) and T ~ Student t with n − 2 df (R's asymptotic branch of
 * pspearman). |ρ| = 1 gives p = 0.
 *
 * The p-value comes from the t tail of distributions.ts (incomplete beta, relative error below
 * 1e-12).
 */
export function spearman(table: readonly PairCount[]): SpearmanResult {
  const xs = new Map<number, number>();
  const ys = new Map<number, number>();
  table.forEach(({ x, y, count }, i) => {
    checkValue(x, `table[${i}].x`);
    checkValue(y, `table[${i}].y`);
    assertCount(count, `table[${i}].count`);
    addCount(xs, x, count);
    addCount(ys, y, count);
  });
  const rx = midranks(xs);
  const ry = midranks(ys);
  const n = rx.n;
  const df = Math.max(0, n - 2);
  // Both rank sets have mean (n + 1)/2 whatever the ties.
  const centre = (n + 1) / 2;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (const { x, y, count } of table) {
    if (count === 0) continue;
    const dx = (rx.rank.get(x) ?? 0) - centre;
    const dy = (ry.rank.get(y) ?? 0) - centre;
    sxy += count * dx * dy;
    sxx += count * dx * dx;
    syy += count * dy * dy;
  }
  if (!(sxx > 0 && syy > 0)) return { rho: null, p: null, t: null, df, n };
  const rho = Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
  if (n < 3) return { rho, p: null, t: null, df, n };
  const t = Math.abs(rho) === 1 ? Math.sign(rho) * Number.POSITIVE_INFINITY : rho * Math.sqrt(df / (1 - rho * rho));
  return { rho, p: studentTTwoSided(t, df), t, df, n };
}
