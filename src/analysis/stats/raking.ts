/**
 * Raking (iterative proportional fitting) of respondents to known population margins, and the
 * design-based variance of a weighted share under it, all from counts per cell.
 *
 * Setting. A population of N units (the municipalities asked in a role) is cross-classified by M
 * groupings; respondents are the n units that answered. A *cell* is one combination of
 * categories (one per grouping). Every respondent starts with the design weight N/n (a census
 * with nonresponse treated as a simple random sample) and raking multiplies the weights of a
 * margin category by target/current, margin after margin, until every margin is met. Weights are
 * then a function of the cell alone, so the respondents per cell are all the raking needs.
 * Post-stratification is the case M = 1 (one pass, exact).
 *
 * Convergence: the largest |weighted total − target| over every category of every margin is at
 * most `tolerance` × N (default 1e-11), checked after each full pass; at most `maxIterations`
 * passes (default 1000). Trimming: after each pass a weight above `cap` × the mean weight N/n is
 * set to the cap and raking continues, so the result meets the margins *and* the cap when both
 * can be met ("trimming within raking", Izrael, Battaglia & Frankel 2009, SAS Global Forum
 * 302-2009); when they cannot, `converged` is false and the margins are off by `maxMarginError`.
 * Kish's design effect of unequal weights is 1 + CV² = n·Σw² / (Σw)², the effective n is n / deff.
 *
 * Variance of a weighted share (Taylor linearisation, as R's survey package computes it for a
 * calibrated design; Deville & Särndal 1992, JASA 87:376–382). The share of a domain D (those
 * who answered the question, in a breakdown also of one group) is p̂ = Σ_D w·y / Σ_D w with y the
 * 0/1 indicator of the option. Its influence values are u_i = d_i (y_i − p̂) / Ŵ_D (d: in D,
 * Ŵ_D = Σ_D w), zero outside D. Calibration replaces u by its residual from the regression on the
 * margins' category indicators x (intercept plus, per grouping, its categories but one), fitted
 * with the design weights — equal here, so ordinary least squares:
 *
 *   B = (Σ_i x_i x_iᵀ)⁻¹ Σ_i x_i u_i,   e_i = w_i (u_i − x_iᵀB),
 *   V(p̂) = (1 − n/N) · n/(n − 1) · Σ_i (e_i − ē)²                           (FPC; without: 1 for 1 − n/N)
 *
 * Per-cell sufficient statistics. x and w are constant within a cell c, and u takes only three
 * values there: (1 − p̂)/Ŵ_D for the h_c respondents in D who chose the option, −p̂/Ŵ_D for the
 * b_c − h_c others in D, and 0 for the n_c − b_c outside D. So with U_c = Σ_{i∈c} u_i =
 * (h_c − p̂ b_c)/Ŵ_D and Q_c = Σ_{i∈c} u_i² = (h_c(1 − p̂)² + (b_c − h_c) p̂²)/Ŵ_D², the normal
 * equations are Σ_c n_c x_c x_cᵀ B = Σ_c x_c U_c, the fitted value f_c = x_cᵀB, and
 *
 *   Σ_{i∈c} e_i  = w_c (U_c − n_c f_c),   Σ_{i∈c} e_i² = w_c² (Q_c − 2 f_c U_c + n_c f_c²),
 *
 * from which Σ(e − ē)² = Σ e² − (Σ e)²/n. Nothing but (n_c, b_c, h_c) per cell is needed, so the
 * database only ever returns counts. Under post-stratification f_c is the cell mean of u and the
 * formula is the textbook post-stratified variance.
 *
 * The 95 % interval is the Wilson interval at the effective sample size n* = p̂(1 − p̂)/V(p̂)
 * (Korn & Graubard 1998, Survey Methodology 24:193–201: the same idea as the unweighted Wilson
 * interval with FPC in proportion.ts). At p̂ = 0 or 1 the variance is 0, so n* is taken as
 * Kish's effective size of the domain divided by (1 − n/N); a census gives [p̂, p̂].
 */
import { type Interval, Z95 } from './proportion.ts';

/** One cell: its category (an index into each margin's targets) per grouping, and its respondents. */
export interface RakingCell {
  readonly categories: readonly number[];
  readonly n: number;
}

export interface RakingOptions {
  /** Converged when every margin is met within tolerance × N (default 1e-11). */
  readonly tolerance?: number;
  /** Full passes over the margins at most (default 1000). */
  readonly maxIterations?: number;
  /** Cap on a weight as a multiple of the mean weight N/n; null for none (default). */
  readonly cap?: number | null;
}

export interface RakingResult {
  /** The weight of each respondent of each cell (cells in input order). */
  readonly weights: readonly number[];
  /** Full passes done. */
  readonly iterations: number;
  readonly converged: boolean;
  /** Largest |weighted total − target| / N over all categories after the last pass. */
  readonly maxMarginError: number;
  /** Respondents whose weight is at the cap. */
  readonly trimmed: number;
  /** Kish's design effect 1 + CV² of the weights. */
  readonly deff: number;
  /** n / deff. */
  readonly nEffective: number;
}

export const DEFAULT_TOLERANCE = 1e-11;
export const DEFAULT_MAX_ITERATIONS = 1000;

function checkInput(cells: readonly RakingCell[], margins: readonly (readonly number[])[]): { n: number; N: number } {
  if (margins.length === 0) throw new RangeError('raking needs at least one margin');
  const N = margins[0]?.reduce((s, x) => s + x, 0) ?? 0;
  for (const [m, t] of margins.entries()) {
    const total = t.reduce((s, x) => s + x, 0);
    if (t.some((x) => !Number.isFinite(x) || x < 0)) throw new RangeError(`margin ${m} has a negative or non-finite target`);
    if (Math.abs(total - N) > 1e-9 * Math.max(1, N)) throw new RangeError(`margin ${m} totals ${total}, margin 0 totals ${N}`);
  }
  let n = 0;
  const seen = margins.map((t) => t.map(() => 0));
  for (const c of cells) {
    if (c.categories.length !== margins.length) throw new RangeError('a cell needs one category per margin');
    if (!Number.isInteger(c.n) || c.n < 0) throw new RangeError(`cell size must be a non-negative integer, got ${c.n}`);
    c.categories.forEach((k, m) => {
      const row = seen[m] as number[];
      if (!Number.isInteger(k) || k < 0 || k >= row.length) throw new RangeError(`category ${k} is not in margin ${m}`);
      row[k] = (row[k] as number) + c.n;
    });
    n += c.n;
  }
  if (n === 0) throw new RangeError('no respondents to weight');
  for (const [m, t] of margins.entries()) {
    for (const [k, target] of t.entries()) {
      const r = seen[m]?.[k] ?? 0;
      if (target > 0 && r === 0) throw new RangeError(`margin ${m} category ${k} has units but no respondents`);
      if (target === 0 && r > 0) throw new RangeError(`margin ${m} category ${k} has respondents but no units`);
    }
  }
  return { n, N };
}

/** Rakes the respondents of `cells` to the `margins` (targets per category of each grouping). */
export function rake(cells: readonly RakingCell[], margins: readonly (readonly number[])[], options: RakingOptions = {}): RakingResult {
  const { n, N } = checkInput(cells, margins);
  const tolerance = options.tolerance ?? DEFAULT_TOLERANCE;
  const maxIterations = options.maxIterations ?? DEFAULT_MAX_ITERATIONS;
  const cap = options.cap == null ? Number.POSITIVE_INFINITY : (options.cap * N) / n;
  const w = cells.map(() => N / n);
  const totals = (m: number) => {
    const t = (margins[m] as readonly number[]).map(() => 0);
    cells.forEach((c, i) => {
      const k = c.categories[m] as number;
      t[k] = (t[k] as number) + (w[i] as number) * c.n;
    });
    return t;
  };
  const marginError = () => {
    let worst = 0;
    for (const [m, target] of margins.entries()) {
      for (const [k, t] of totals(m).entries()) worst = Math.max(worst, Math.abs(t - (target[k] as number)));
    }
    return worst / N;
  };
  let iterations = 0;
  let error = marginError();
  while (iterations < maxIterations && (iterations === 0 || error > tolerance)) {
    iterations++;
    margins.forEach((target, m) => {
      const t = totals(m);
      cells.forEach((c, i) => {
        const k = c.categories[m] as number;
        const now = t[k] as number;
        if (now > 0) w[i] = ((w[i] as number) * (target[k] as number)) / now;
      });
    });
    for (let i = 0; i < w.length; i++) if ((w[i] as number) > cap) w[i] = cap;
    error = marginError();
  }
  let sw = 0;
  let sw2 = 0;
  let trimmed = 0;
  cells.forEach((c, i) => {
    const wi = w[i] as number;
    sw += wi * c.n;
    sw2 += wi * wi * c.n;
    if (Number.isFinite(cap) && wi >= cap * (1 - 1e-8)) trimmed += c.n;
  });
  const deff = (n * sw2) / (sw * sw);
  return { weights: w, iterations, converged: error <= tolerance, maxMarginError: error, trimmed, deff, nEffective: n / deff };
}

/** A cell's respondents in the domain (`base`) and, of those, the ones who chose the option (`hits`). */
export interface ShareCell {
  readonly base: number;
  readonly hits: number;
}

export interface WeightedShare {
  /** Σ_D w·y / Σ_D w; null when nobody is in the domain. */
  readonly share: number | null;
  /** Standard error of the share (linearisation, calibration residuals, FPC when asked). */
  readonly se: number | null;
  /** Wilson 95 % interval at the effective sample size. */
  readonly ci95: Interval | null;
  /** Σ_D w: the units of the population the domain stands for. */
  readonly weightedBase: number;
}

export interface ShareOptions {
  /** The population N for the finite-population correction 1 − n/N; omit for none. */
  readonly population?: number;
  /** The normal quantile (default qnorm(0.975)). */
  readonly z?: number;
}

/**
 * The columns of the calibration model of each cell: intercept, then per margin one indicator per
 * category except the first (reference coding).
 */
function modelRow(categories: readonly number[], sizes: readonly number[]): number[] {
  const x = [1];
  sizes.forEach((size, m) => {
    for (let k = 1; k < size; k++) x.push(categories[m] === k ? 1 : 0);
  });
  return x;
}

/** The least-squares fit on the margins' indicators, factored once for many shares. */
export interface CalibrationModel {
  /** Fitted value per cell of the regression of u on x, given U_c = Σ_{i∈c} u_i. */
  fitted(U: readonly number[]): number[];
}

/**
 * The model of `cells` (categories per margin, `sizes` categories per margin): X'X = Σ_c n_c x_c x_cᵀ
 * eliminated once (Gaussian elimination without reordering; X'X is positive semi-definite, and a
 * pivot below 1e-12 × the largest diagonal drops its column, which leaves the fitted values of a
 * rank-deficient model unique).
 */
export function calibrationModel(cells: readonly RakingCell[], sizes: readonly number[]): CalibrationModel {
  const X = cells.map((c) => modelRow(c.categories, sizes));
  const p = X[0]?.length ?? 1;
  const m = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  cells.forEach((c, i) => {
    const x = X[i] as number[];
    for (let a = 0; a < p; a++) {
      if (x[a] === 0) continue;
      const row = m[a] as number[];
      for (let b = 0; b < p; b++) if (x[b] !== 0) row[b] = (row[b] as number) + c.n;
    }
  });
  const scale = Math.max(1, ...m.map((row, i) => Math.abs(row[i] as number)));
  const dropped = new Array<boolean>(p).fill(false);
  // Multipliers of the elimination, kept to apply to each right-hand side.
  const factors: [number, number, number][] = [];
  for (let j = 0; j < p; j++) {
    const pivot = (m[j] as number[])[j] as number;
    if (Math.abs(pivot) <= 1e-12 * scale) {
      dropped[j] = true;
      continue;
    }
    for (let i = j + 1; i < p; i++) {
      const f = ((m[i] as number[])[j] as number) / pivot;
      if (f === 0) continue;
      for (let k = j; k < p; k++) (m[i] as number[])[k] = ((m[i] as number[])[k] as number) - f * ((m[j] as number[])[k] as number);
      factors.push([i, j, f]);
    }
  }
  return {
    fitted(U) {
      const y = new Array<number>(p).fill(0);
      cells.forEach((_, i) => {
        const x = X[i] as number[];
        for (let a = 0; a < p; a++) if (x[a] !== 0) y[a] = (y[a] as number) + (U[i] as number);
      });
      for (const [i, j, f] of factors) y[i] = (y[i] as number) - f * (y[j] as number);
      const b = new Array<number>(p).fill(0);
      for (let j = p - 1; j >= 0; j--) {
        if (dropped[j]) continue;
        let s = y[j] as number;
        for (let k = j + 1; k < p; k++) s -= ((m[j] as number[])[k] as number) * (b[k] as number);
        b[j] = s / ((m[j] as number[])[j] as number);
      }
      return X.map((x) => x.reduce((s, xa, a) => s + xa * (b[a] as number), 0));
    },
  };
}

/**
 * The weighted share of a domain and its design-based standard error and interval, from the
 * raking `cells` (with their `margins`: targets per category of each grouping), the `weights` per
 * cell from `rake`, and per cell the respondents in the domain and those who chose the option.
 * `model` (from calibrationModel) may be passed to reuse its factorisation across shares.
 */
export function weightedShare(
  cells: readonly RakingCell[],
  margins: readonly (readonly number[])[],
  weights: readonly number[],
  shares: readonly ShareCell[],
  options: ShareOptions = {},
  model: CalibrationModel = calibrationModel(
    cells,
    margins.map((t) => t.length),
  ),
): WeightedShare {
  if (shares.length !== cells.length || weights.length !== cells.length) throw new RangeError('one weight and one share cell per cell');
  let wBase = 0;
  let wHits = 0;
  let wBase2 = 0;
  let n = 0;
  cells.forEach((c, i) => {
    const s = shares[i] as ShareCell;
    if (!(s.hits >= 0 && s.hits <= s.base && s.base <= c.n)) throw new RangeError(`cell ${i}: need 0 ≤ hits ≤ base ≤ n`);
    const w = weights[i] as number;
    wBase += w * s.base;
    wBase2 += w * w * s.base;
    wHits += w * s.hits;
    n += c.n;
  });
  if (wBase === 0) return { share: null, se: null, ci95: null, weightedBase: 0 };
  const p = wHits / wBase;
  // U_c and Q_c per cell (see the header), then the least-squares fit of u on the margins.
  const U = shares.map((s) => (s.hits - p * s.base) / wBase);
  const Q = shares.map((s) => (s.hits * (1 - p) ** 2 + (s.base - s.hits) * p * p) / (wBase * wBase));
  const f = model.fitted(U);
  let sum = 0;
  let sumSq = 0;
  cells.forEach((c, i) => {
    const w = weights[i] as number;
    const u = U[i] as number;
    const fc = f[i] as number;
    sum += w * (u - c.n * fc);
    sumSq += w * w * ((Q[i] as number) - 2 * fc * u + c.n * fc * fc);
  });
  const N = options.population;
  if (N !== undefined && n > N) throw new RangeError(`respondents ${n} exceed the population ${N}`);
  const fpc = N === undefined ? 1 : 1 - n / N;
  const ss = Math.max(0, sumSq - (sum * sum) / n);
  const variance = n > 1 ? (fpc * n * ss) / (n - 1) : 0;
  const se = Math.sqrt(variance);
  const kish = (wBase * wBase) / wBase2;
  const nStar = p > 0 && p < 1 && variance > 0 ? (p * (1 - p)) / variance : fpc > 0 ? kish / fpc : Number.POSITIVE_INFINITY;
  return { share: p, se, ci95: wilsonAt(p, nStar, options.z ?? Z95), weightedBase: wBase };
}

/** The Wilson interval of a share p at an effective sample size (infinite: [p, p]). */
export function wilsonAt(p: number, nStar: number, z = Z95): Interval {
  if (!Number.isFinite(nStar)) return [p, p];
  const z2 = z * z;
  const denom = 1 + z2 / nStar;
  const centre = (p + z2 / (2 * nStar)) / denom;
  const half = (z / denom) * Math.sqrt((p * (1 - p)) / nStar + z2 / (4 * nStar * nStar));
  return [p === 0 ? 0 : Math.max(0, centre - half), p === 1 ? 1 : Math.min(1, centre + half)];
}
