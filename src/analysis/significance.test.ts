import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { adjustFamily, independenceTest, kruskalWallisTest, noTestReason } from './significance.ts';
import { exactP, tableSeed } from './stats/index.ts';
import { assertClose } from './stats/testing.ts';

const values = (...xs: number[]) => xs.map((value) => ({ value, count: 1 }));

describe('tests of a breakdown', () => {
  it('gives the reason when no test is possible', () => {
    assert.equal(noTestReason([]), 'no_answers');
    assert.equal(
      noTestReason([
        [0, 0],
        [0, 0],
      ]),
      'no_answers',
    );
    // Every group gave the same answer (one non-empty column): "ingen test: alle svarte det samme".
    assert.equal(
      noTestReason([
        [4, 0, 0],
        [7, 0, 0],
      ]),
      'all_same',
    );
    // Only one group answered (one non-empty row).
    assert.equal(
      noTestReason([
        [0, 0],
        [3, 5],
      ]),
      'one_group',
    );
    assert.deepEqual(
      independenceTest([
        [4, 0],
        [7, 0],
      ]),
      { test: null, reason: 'all_same' },
    );
    assert.equal(kruskalWallisTest([values(3, 3), values(3)]).reason, 'all_same');
    assert.equal(kruskalWallisTest([values(1, 3), []]).reason, 'one_group');
  });

  it('seeds the Monte Carlo p by the table, so two tables of a family use different streams', () => {
    const table = [
      [3, 0, 1],
      [0, 2, 1],
      [1, 1, 3],
    ];
    const a = independenceTest(table, [2019, 'skolesjef', 'q', 'a', 'fylke']).test;
    const b = independenceTest(table, [2019, 'skolesjef', 'q', 'b', 'fylke']).test;
    assert.equal(a?.exactMethod, 'monte-carlo');
    const seed = tableSeed(2019, 'skolesjef', 'q', 'a', 'fylke', 'chi-square');
    assert.equal(a?.seed, seed);
    assert.equal(a?.pExact, exactP(table, { seed }).p);
    assert.notEqual(a?.pExact, b?.pExact, 'same table, other item: another stream');
  });

  it('adjusts a family with Holm and decides significance on the adjusted p, as R p.adjust does', () => {
    // R: p <- sapply(list(matrix(c(30, 45, 70, 55), 2), matrix(c(40, 54, 60, 46), 2), matrix(c(50, 52, 50, 48), 2)),
    //   function(t) chisq.test(t, correct = FALSE)$p.value) = 0.028459736916310541, 0.047314680690315046, 0.7772540327312345;
    //   p.adjust(p, "holm") = 0.085379210748931622, 0.094629361380630092, 0.7772540327312345
    const tables = [
      [
        [30, 70],
        [45, 55],
      ],
      [
        [40, 60],
        [54, 46],
      ],
      [
        [50, 50],
        [52, 48],
      ],
    ];
    const raw = tables.map((t) => independenceTest(t).test);
    assertClose(raw[0]?.p, 0.028459736916310541, 1e-12);
    assert.equal(raw[0]?.significant, true, 'alone, the first table is significant');
    const family = adjustFamily([...raw, null]);
    assert.deepEqual(
      family.map((t) => t?.familySize),
      [3, 3, 3, undefined],
      'an untested member does not count',
    );
    const expected = [0.085379210748931622, 0.094629361380630092, 0.7772540327312345];
    expected.forEach((p, i) => {
      assertClose(family[i]?.pAdjusted, p, 1e-12);
      assert.equal(family[i]?.significant, false);
      assert.equal(family[i]?.p, raw[i]?.p, 'the raw p is kept');
    });
  });

  it('takes the permutation p of Kruskal–Wallis when a group has fewer than 5 units', () => {
    // R enumeration (references.R): exact p 0.014285714285714304, χ² approximation 0.042453041272724472.
    const k = kruskalWallisTest([values(1, 2, 2), values(3, 4, 5, 5), values(2, 3)]);
    assert.equal(k.exactMethod, 'exact');
    assertClose(k.pExact, 0.014285714285714304, 1e-12);
    assertClose(k.p, 0.042453041272724472, 1e-12);
    const large = kruskalWallisTest([values(1, 2, 2, 3, 3), values(3, 4, 5, 5, 4)]);
    assert.equal(large.exactMethod, null, 'groups of 5 or more keep the χ² approximation');
    assert.equal(large.pExact, null);
  });
});
