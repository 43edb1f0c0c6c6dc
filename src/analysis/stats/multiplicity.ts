/**
 * Multiple comparisons: Holm's step-down adjustment of the p-values of one family of tests.
 *
 * Why Holm and not Benjamini–Hochberg. A breakdown family in this survey is small (the options of
 * one multiple-choice question, the items of one matrix, the groupings tested for one figure:
 * 2–15 tests) and the report reads each "statistically significant" as a statement about that
 * option or item on its own. Holm (1979, Scand. J. Statist. 6:65–70) keeps the family-wise error
 * rate: the chance that even one difference in the family is called significant when there is
 * none is at most 5 %. It holds whatever the dependence between the tests — and the tests of a
 * family are dependent (the same respondents answer every option and item). Benjamini–Hochberg
 * controls the false discovery rate instead (the expected share of false alarms among the
 * differences called significant), which is the better bargain when hundreds of tests are screened,
 * but it is proven only for independent or positively dependent tests, and "at most 5 % of these
 * findings are expected to be wrong" is a statement about the list, not about any one line of the
 * report. In families this small Holm loses little power against it.
 *
 * Holm's adjusted p-values, as R's `p.adjust(p, "holm")`: with the m p-values of the family sorted
 * ascending, p_(1) ≤ … ≤ p_(m),
 *
 *   p̃_(i) = min(1, max_{j ≤ i} (m − j + 1) p_(j)),
 *
 * and a test is significant at level α when p̃ < α (equivalent to Holm's step-down procedure).
 * Tests without a p-value (null: no test possible) are left out of m and stay null, as R does
 * with NA.
 */

/** Holm-adjusted p-values, in the order given; null stays null and does not count in the family size. */
export function holm(ps: readonly (number | null)[]): (number | null)[] {
  ps.forEach((p, i) => {
    if (p !== null && !(p >= 0 && p <= 1)) throw new RangeError(`p-value ${i} must lie in [0, 1], got ${p}`);
  });
  const order = ps.flatMap((p, i) => (p === null ? [] : [i])).sort((a, b) => (ps[a] as number) - (ps[b] as number) || a - b);
  const m = order.length;
  const out: (number | null)[] = ps.map(() => null);
  let running = 0;
  order.forEach((index, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * (ps[index] as number)));
    out[index] = running;
  });
  return out;
}

/** How many tests of a family have a p-value (the m of the adjustment). */
export function familySize(ps: readonly (number | null)[]): number {
  return ps.filter((p) => p !== null).length;
}
