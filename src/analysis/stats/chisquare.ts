/** Pearson's chi-square test of independence for a two-way table of counts. */
import { chiSquareUpperTail } from './distributions.ts';
import { assertTable, dropEmpty, margins, type Table } from './validate.ts';

export interface ChiSquareResult {
  /** Σ (O − E)² / E over the reduced table; 0 when df = 0 (observed equals expected). */
  readonly statistic: number;
  /** (r − 1)(c − 1) of the reduced table. */
  readonly df: number;
  /** Asymptotic p-value P(χ²_df ≥ statistic); null when df = 0 (nothing to test). */
  readonly p: number | null;
  /** Expected counts row total × column total / n, for the reduced table. */
  readonly expected: number[][];
  /** Share of the reduced table's cells with expected count < 5; null when it has no cells. */
  readonly lowExpectedShare: number | null;
  /** Indices (into the input) of the rows and columns kept after dropping all-zero ones. */
  readonly keptRows: number[];
  readonly keptCols: number[];
  /** Grand total. */
  readonly n: number;
}

/**
 * Pearson's chi-square test of independence, without continuity correction: the same statistic,
 * df and p as R's `chisq.test(table, correct = FALSE)` for a table with at least two non-empty
 * rows and columns.
 *
 * Rows and columns whose total is 0 are dropped first (their expected counts are 0, so they add
 * nothing to the statistic but would inflate df); `expected`, `lowExpectedShare` and df refer to
 * the reduced table. When fewer than two rows or columns remain (e.g. a 1×k table, or an empty
 * one), df is 0 and p is null. Unlike R, a 1×k table is not treated as a goodness-of-fit test.
 *
 * Counts may be non-integral (e.g. weighted), but must be finite and ≥ 0.
 */
export function pearsonChiSquare(table: Table): ChiSquareResult {
  assertTable(table, false);
  const reduced = dropEmpty(table);
  const t = reduced.table;
  const { rows, cols, total } = margins(t);
  const expected = rows.map((r) => cols.map((c) => (r * c) / total));
  let statistic = 0;
  let low = 0;
  t.forEach((row, i) => {
    row.forEach((o, j) => {
      const e = expected[i]?.[j] ?? 0;
      statistic += ((o - e) * (o - e)) / e;
      if (e < 5) low++;
    });
  });
  const cells = rows.length * cols.length;
  const df = rows.length >= 2 && cols.length >= 2 ? (rows.length - 1) * (cols.length - 1) : 0;
  if (df === 0) statistic = 0;
  return {
    statistic,
    df,
    p: df === 0 ? null : chiSquareUpperTail(statistic, df),
    expected,
    lowExpectedShare: cells === 0 ? null : low / cells,
    keptRows: reduced.rows,
    keptCols: reduced.cols,
    n: total,
  };
}

/** Pearson's statistic of `table` against fixed expected counts (no validation; used by the Monte Carlo test). */
export function pearsonStatistic(table: Table, expected: Table): number {
  let s = 0;
  table.forEach((row, i) => {
    row.forEach((o, j) => {
      const e = expected[i]?.[j] ?? 0;
      s += ((o - e) * (o - e)) / e;
    });
  });
  return s;
}
