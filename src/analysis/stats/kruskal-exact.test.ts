import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { kruskalWallisPermutation, tableCountBound } from './kruskal-exact.ts';
import { kruskalWallis, type ValueCount } from './ranks.ts';
import { assertClose } from './testing.ts';

// Exact references: R 4.2.2, by complete enumeration of every groups × values table with the
// observed margins, weighted by its multiple hypergeometric probability, with kruskal.test's H as the
// statistic (exact_kw_p in references.R). The Monte Carlo reference is coin 1.4-2's
// kruskal_test(distribution = approximate(nresample = 1e7)), set.seed(2).

const units = (...values: number[]): ValueCount[] => values.map((value) => ({ value, count: 1 }));

/** Every assignment of the pooled units to groups of the observed sizes, each equally likely. */
function bruteForceP(groups: readonly number[][]): number {
  const pooled = groups.flat();
  const sizes = groups.map((g) => g.length);
  const h = (gs: readonly number[][]) => kruskalWallis(gs.map((g) => units(...g))).statistic ?? 0;
  const observed = h(groups);
  let hits = 0;
  let total = 0;
  const assign = (i: number, gs: number[][]): void => {
    if (i === pooled.length) {
      total++;
      if (h(gs) >= observed * (1 - 1e-7)) hits++;
      return;
    }
    gs.forEach((g, k) => {
      if (g.length === sizes[k]) return;
      g.push(pooled[i] as number);
      assign(i + 1, gs);
      g.pop();
    });
  };
  assign(
    0,
    sizes.map(() => []),
  );
  return hits / total;
}

describe('kruskalWallisPermutation', () => {
  it('gives 2/3 for one unit against two, as counting the three assignments by hand does', () => {
    // Values 1 | 2, 3: the lone unit gets 1, 2 or 3 with probability 1/3 each; H = 1.5 for 1 or 3
    // and 0 for 2, so P(H ≥ 1.5) = 2/3 (R's enumeration: 0.66666666666666674; χ² approximation 0.2207).
    const r = kruskalWallisPermutation([units(1), units(2, 3)]);
    assert.equal(r.method, 'exact');
    assert.equal(r.tables, 3);
    assertClose(r.p, 2 / 3, 1e-14);
  });

  it('matches the R enumeration of small groups of tied 1–5 answers, far from the χ² approximation', () => {
    // [p exact (R), tables, χ² approximation kruskal.test(g)$p.value]
    const cases: [ValueCount[][], number, number, number][] = [
      [[units(1, 2, 2), units(3, 4, 5, 5), units(2, 3)], 0.014285714285714304, 169, 0.042453041272724472],
      [[units(1, 1, 2), units(2, 3, 3, 4), units(4, 5, 5, 5, 4)], 0.00064935064935064989, 851, 0.010526774307535614],
      [[units(5), units(1, 2), units(2, 3, 3), units(1, 2, 2, 3, 4, 4)], 0.21035353535353554, 1081, 0.21303480720127496],
    ];
    for (const [groups, p, tables, asymptotic] of cases) {
      const r = kruskalWallisPermutation(groups);
      assert.equal(r.method, 'exact');
      assert.equal(r.tables, tables);
      assertClose(r.p, p, 1e-12);
      assertClose(kruskalWallis(groups).p, asymptotic, 1e-12);
    }
  });

  it('agrees with a brute-force enumeration of every assignment of the units', () => {
    const groups = [
      [1, 3, 3],
      [2, 2, 5],
      [4, 5],
    ];
    const r = kruskalWallisPermutation(groups.map((g) => units(...g)));
    assert.equal(r.method, 'exact');
    assertClose(r.p, bruteForceP(groups), 1e-12);
  });

  it('uses Monte Carlo when there are too many tables, within its standard error of coin', () => {
    // 7 groups of 1–8 units: the bound on the tables is 12 862 500 > 200 000. coin approximate
    // (1e7 resamples): p = 0.0474869 (standard error 6.7e-5); the χ² approximation says 0.0825.
    const groups = [
      units(4, 5),
      units(1, 2, 2),
      units(3, 3, 4, 5),
      units(1, 1, 2, 3),
      units(2, 4, 5, 5),
      units(3),
      units(1, 2, 3, 4, 4, 5, 5, 5),
    ];
    for (const sampler of ['shuffle', 'patefield'] as const) {
      const r = kruskalWallisPermutation(groups, { seed: 7, sampler });
      assert.equal(r.method, 'monte-carlo');
      assert.equal(r.tables, 100_000);
      assert.ok(r.p !== null && r.standardError !== null);
      const se = Math.sqrt(r.standardError ** 2 + 6.7e-5 ** 2);
      assert.ok(Math.abs(r.p - 0.0474869) <= 4 * se, `${sampler}: p ${r.p} is ${Math.abs(r.p - 0.0474869) / se} SE from coin`);
      assert.ok(Math.abs(r.p - 0.082489318287163715) > 20 * r.standardError, 'the χ² approximation is far off');
    }
    const r = kruskalWallisPermutation(groups, { seed: 7 });
    assert.equal(kruskalWallisPermutation(groups, { seed: 7 }).p, r.p, 'the same seed gives the same p');
    assert.notEqual(kruskalWallisPermutation(groups, { seed: 8 }).p, r.p, 'another table gets another stream');
  });

  it('bounds the number of tables by the compositions of every group but the largest', () => {
    // C(1 + 4, 4) · C(2 + 4, 4) = 5 · 15 for groups of 1, 2 and 9 over 5 values.
    assert.equal(tableCountBound([1, 2, 9], 5), 75);
  });

  it('makes no test for a single group or a single value', () => {
    assert.deepEqual(kruskalWallisPermutation([units(1, 2, 3), []]), { p: null, method: 'none', standardError: null, tables: 0 });
    assert.equal(kruskalWallisPermutation([units(3, 3), units(3)]).p, null);
  });
});
