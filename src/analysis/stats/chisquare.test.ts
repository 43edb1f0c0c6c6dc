import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pearsonChiSquare } from './chisquare.ts';
import { assertClose } from './testing.ts';

// References: R 4.2.2, printed with sprintf("%.17g").

describe('pearsonChiSquare', () => {
  it('matches chisq.test without continuity correction on a 2×2 table', () => {
    // R: r <- chisq.test(matrix(c(12, 7, 5, 9), 2), correct = FALSE)
    // r$statistic = 2.4305755196815575, r$p.value = 0.1189892055321448
    // r$expected = 9.7878787878787872, 9.2121212121212128, 7.2121212121212119, 6.7878787878787881 (column-major)
    const r = pearsonChiSquare([
      [12, 5],
      [7, 9],
    ]);
    assertClose(r.statistic, 2.4305755196815575, 1e-12);
    assert.equal(r.df, 1);
    assertClose(r.p, 0.1189892055321448);
    assertClose(r.expected[0]?.[0], 9.7878787878787872, 1e-12);
    assertClose(r.expected[1]?.[0], 9.2121212121212128, 1e-12);
    assertClose(r.expected[0]?.[1], 7.2121212121212119, 1e-12);
    assertClose(r.expected[1]?.[1], 6.7878787878787881, 1e-12);
    assert.equal(r.lowExpectedShare, 0);
    assert.equal(r.n, 33);
  });

  it("matches Agresti's party identification by gender example (r×c)", () => {
    // Agresti (2007), An Introduction to Categorical Data Analysis, 2nd ed., Table 2.5:
    // X² = 30.1, df = 2, P < 0.0001. Full precision from R:
    // chisq.test(matrix(c(762, 484, 327, 239, 468, 477), 2), correct = FALSE)
    // statistic = 30.070149095754672, p.value = 2.9535891832117569e-07
    const r = pearsonChiSquare([
      [762, 327, 468],
      [484, 239, 477],
    ]);
    assertClose(r.statistic, 30.070149095754672, 1e-12);
    assert.equal(r.df, 2);
    assertClose(r.p, 2.9535891832117569e-7);
  });

  it('drops all-zero rows and columns before testing and reports what it kept', () => {
    // Reduced table [[3, 1, 2], [5, 2, 9]]. R:
    // r <- chisq.test(matrix(c(3, 5, 1, 2, 2, 9), 2), correct = FALSE)
    // statistic = 0.93576388888888895, p.value = 0.6263274607294651, mean(r$expected < 5) = 0.66666666666666663
    const r = pearsonChiSquare([
      [3, 1, 0, 2],
      [0, 0, 0, 0],
      [5, 2, 0, 9],
    ]);
    assertClose(r.statistic, 0.93576388888888895, 1e-12);
    assert.equal(r.df, 2);
    assertClose(r.p, 0.6263274607294651);
    assertClose(r.lowExpectedShare, 0.66666666666666663, 1e-15);
    assert.deepEqual(r.keptRows, [0, 2]);
    assert.deepEqual(r.keptCols, [0, 1, 3]);
    assert.equal(r.expected.length, 2);
    assert.equal(r.expected[0]?.length, 3);
  });

  it('gives df 0 and p null for a 1×k table, which has nothing to test', () => {
    for (const table of [
      [[3, 4, 5]],
      [
        [3, 4, 5],
        [0, 0, 0],
      ],
      [[3], [4], [5]],
    ]) {
      const r = pearsonChiSquare(table);
      assert.equal(r.df, 0);
      assert.equal(r.p, null);
      assert.equal(r.statistic, 0);
      assert.equal(r.n, 12);
    }
  });

  it('gives df 0, p null and no low-expected share for an empty table (n = 0)', () => {
    for (const table of [
      [],
      [[0, 0]],
      [
        [0, 0],
        [0, 0],
      ],
    ]) {
      const r = pearsonChiSquare(table);
      assert.deepEqual([r.statistic, r.df, r.p, r.lowExpectedShare, r.n], [0, 0, null, null, 0]);
    }
  });

  it('accepts non-integral (weighted) counts but rejects negative ones and ragged tables', () => {
    assert.equal(
      pearsonChiSquare([
        [1.5, 2.5],
        [3, 4],
      ]).df,
      1,
    );
    assert.throws(
      () =>
        pearsonChiSquare([
          [1, -1],
          [3, 4],
        ]),
      RangeError,
    );
    assert.throws(() => pearsonChiSquare([[1, 2], [3]]), RangeError);
    assert.throws(
      () =>
        pearsonChiSquare([
          [1, Number.NaN],
          [3, 4],
        ]),
      RangeError,
    );
  });
});
