/** Fisher's exact test for a 2×2 table. */
import { hypergeometricPmf } from './distributions.ts';
import { assertTable, type Table } from './validate.ts';

/** Relative tolerance for "as or less probable than observed", as in R's fisher.test. */
const REL_ERR = 1 + 1e-7;

/**
 * Two-sided p-value of Fisher's exact test for a 2×2 table of counts, as R's
 * `fisher.test(table)$p.value`: conditional on all margins, the top-left cell is hypergeometric;
 * p is the total probability of the tables whose probability is ≤ the observed table's
 * probability × (1 + 1e-7) (the tolerance keeps tables of equal probability from being lost to
 * rounding).
 *
 * A table with an empty row or column has a single possible table given its margins, so p = 1
 * (as in R). Throws RangeError unless `table` is 2×2 with whole non-negative counts.
 */
export function fisherExact2x2(table: Table): number {
  if (table.length !== 2 || assertTable(table, true) !== 2) throw new RangeError('Fisher exact test needs a 2×2 table');
  const [[a, b], [c, d]] = table as readonly [readonly [number, number], readonly [number, number]];
  const row1 = a + b;
  const col1 = a + c;
  const n = a + b + c + d;
  const lo = Math.max(0, row1 + col1 - n);
  const hi = Math.min(row1, col1);
  const probs: number[] = [];
  for (let x = lo; x <= hi; x++) probs.push(hypergeometricPmf(x, n, col1, row1));
  const observed = (probs[a - lo] ?? 0) * REL_ERR;
  let total = 0;
  let extreme = 0;
  for (const d of probs) {
    total += d;
    if (d <= observed) extreme += d;
  }
  // Normalising by the sum (≈ 1) as R does keeps rounding from pushing p above 1.
  return Math.min(1, extreme / total);
}
