/**
 * The tests behind a breakdown and what a reader may conclude from them.
 *
 * - Independence: Pearson's chi-square without continuity correction; when more than 20 % of the
 *   expected counts are below 5, an exact p beside it (Fisher for 2×2, Monte Carlo otherwise).
 * - Scales also get Kruskal–Wallis on the scale values; when a group has fewer than 5 units its
 *   p is the permutation p (exact by enumeration, or Monte Carlo: stats/kruskal-exact.ts).
 * - No test is made, and the reason is kept, when nobody answered, when only one group answered,
 *   or when every answer is the same ("ingen test: alle svarte det samme").
 * - Multiple comparisons: within a family (the options of one multiple-choice question, the items
 *   of one matrix, the groupings tested for one figure) the p-values are Holm-adjusted
 *   (stats/multiplicity.ts explains the choice), and `significant` means adjusted p < 0.05. The
 *   adjusted p is that of the exact p when one is reported, else of the asymptotic p.
 * - Monte Carlo seeds: one per table, from what names it (year, role, question, item, grouping,
 *   option, test), so tests of a family do not share their simulation errors (stats/random.ts).
 */
import {
  exactP,
  familySize,
  holm,
  type KruskalWallisResult,
  kruskalWallis,
  kruskalWallisPermutation,
  pearsonChiSquare,
  SMALL_GROUP,
  smallestGroup,
  type Table,
  tableSeed,
  type ValueCount,
} from './stats/index.ts';

export const significanceLevel = 0.05;

/** Why a table was not tested. */
export type NoTestReason = 'no_answers' | 'one_group' | 'all_same';

export interface KruskalWallisTest {
  readonly statistic: number | null;
  readonly df: number;
  /** χ² approximation. */
  readonly p: number | null;
  /** Permutation p when a group is smaller than 5 (null otherwise). */
  readonly pExact: number | null;
  readonly exactMethod: 'exact' | 'monte-carlo' | null;
  /** Seed of the Monte Carlo stream (null unless exactMethod is monte-carlo). */
  readonly seed: number | null;
  /** Holm-adjusted (pExact ?? p) within the family; null without a test. */
  readonly pAdjusted: number | null;
  readonly significant: boolean;
  readonly reason: NoTestReason | null;
}

export interface TestResult {
  readonly method: 'pearson-chi-square';
  readonly statistic: number;
  readonly df: number;
  /** Asymptotic p, P(χ²_df ≥ statistic). */
  readonly p: number;
  /** Share of expected counts below 5. */
  readonly lowExpectedShare: number | null;
  /** Exact p (Fisher 2×2, else Monte Carlo) when more than 20 % of expected counts are below 5. */
  readonly pExact: number | null;
  readonly exactMethod: 'fisher' | 'monte-carlo' | null;
  /** Seed of the Monte Carlo stream (null unless exactMethod is monte-carlo). */
  readonly seed: number | null;
  /** Holm-adjusted (pExact ?? p) within the family of `familySize` tests. */
  readonly pAdjusted: number;
  readonly familySize: number;
  /** pAdjusted < 0.05. */
  readonly significant: boolean;
  /** Scales: Kruskal–Wallis on the scale values across the groups. */
  readonly kruskalWallis?: KruskalWallisTest;
}

/** A test or why there is none. */
export type Tested = { readonly test: TestResult; readonly reason: null } | { readonly test: null; readonly reason: NoTestReason };

/** Why a groups × answers table cannot be tested (null when it can). */
export function noTestReason(table: Table): NoTestReason | null {
  const rows = table.filter((r) => r.some((x) => x > 0)).length;
  const cols = (table[0] ?? []).filter((_, j) => table.some((r) => (r[j] ?? 0) > 0)).length;
  if (rows === 0) return 'no_answers';
  if (cols < 2) return 'all_same';
  if (rows < 2) return 'one_group';
  return null;
}

/**
 * Pearson chi-square on a groups × answers table, with the exact p when expected counts are small
 * (Monte Carlo seeded by `seedParts`). Adjusted p and significance are those of a family of one;
 * `adjustFamily` sets them for a larger family.
 */
export function independenceTest(table: number[][], seedParts: readonly (string | number)[] = []): Tested {
  const reason = noTestReason(table);
  if (reason !== null) return { test: null, reason };
  const chi = pearsonChiSquare(table);
  if (chi.p === null) return { test: null, reason: 'all_same' };
  const small = (chi.lowExpectedShare ?? 0) > 0.2;
  const seed = tableSeed(...seedParts, 'chi-square');
  const exact = small ? exactP(table, { seed }) : null;
  const exactMethod = exact && exact.method !== 'none' ? exact.method : null;
  const p = exact?.p ?? chi.p;
  return {
    reason: null,
    test: {
      method: 'pearson-chi-square',
      statistic: chi.statistic,
      df: chi.df,
      p: chi.p,
      lowExpectedShare: chi.lowExpectedShare,
      pExact: exact?.p ?? null,
      exactMethod,
      seed: exactMethod === 'monte-carlo' ? seed : null,
      pAdjusted: p,
      familySize: 1,
      significant: p < significanceLevel,
    },
  };
}

/** Kruskal–Wallis across groups of scale values, with the permutation p for small groups. */
export function kruskalWallisTest(
  groups: readonly (readonly ValueCount[])[],
  seedParts: readonly (string | number)[] = [],
): KruskalWallisTest {
  const r: KruskalWallisResult = kruskalWallis(groups);
  if (r.statistic === null || r.p === null) {
    const values = new Set(groups.flatMap((g) => g.filter((v) => v.count > 0).map((v) => v.value)));
    const reason: NoTestReason = r.n === 0 ? 'no_answers' : values.size < 2 ? 'all_same' : 'one_group';
    return { ...r, pExact: null, exactMethod: null, seed: null, pAdjusted: null, significant: false, reason };
  }
  const seed = tableSeed(...seedParts, 'kruskal-wallis');
  const perm = smallestGroup(groups) < SMALL_GROUP ? kruskalWallisPermutation(groups, { seed }) : null;
  const exactMethod = perm && perm.method !== 'none' ? perm.method : null;
  const p = perm?.p ?? r.p;
  return {
    statistic: r.statistic,
    df: r.df,
    p: r.p,
    pExact: perm?.p ?? null,
    exactMethod,
    seed: exactMethod === 'monte-carlo' ? seed : null,
    pAdjusted: p,
    significant: p < significanceLevel,
    reason: null,
  };
}

/**
 * Holm's adjustment over a family of tests (nulls are untested members and do not count):
 * chi-square/exact p-values together, Kruskal–Wallis p-values together. Returns new results.
 */
export function adjustFamily(tests: readonly (TestResult | null)[]): (TestResult | null)[] {
  const adjusted = holm(tests.map((t) => (t ? (t.pExact ?? t.p) : null)));
  const kwTests = tests.map((t) => t?.kruskalWallis ?? null);
  const kwAdjusted = holm(kwTests.map((k) => (k && k.reason === null ? (k.pExact ?? k.p) : null)));
  const m = familySize(adjusted);
  return tests.map((t, i) => {
    if (!t) return null;
    const pAdjusted = adjusted[i] as number;
    const kw = kwTests[i];
    const kwP = kwAdjusted[i] ?? null;
    return {
      ...t,
      pAdjusted,
      familySize: m,
      significant: pAdjusted < significanceLevel,
      ...(kw ? { kruskalWallis: { ...kw, pAdjusted: kwP, significant: kwP !== null && kwP < significanceLevel } } : {}),
    };
  });
}
