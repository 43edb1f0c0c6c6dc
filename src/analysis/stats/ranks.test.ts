import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { kruskalWallis, spearman, type ValueCount } from './ranks.ts';
import { assertClose } from './testing.ts';

// References: R 4.2.2, printed with sprintf("%.17g").

/** Counts of the answers 1, 2, 3, … as ValueCount entries. */
const likert = (counts: number[]): ValueCount[] => counts.map((count, i) => ({ value: i + 1, count }));

describe('kruskalWallis', () => {
  it('matches kruskal.test on 1–5 answers with many ties', () => {
    // R: g1 <- rep(1:5, c(2, 5, 8, 6, 4)); g2 <- rep(1:5, c(5, 7, 6, 3, 1)); g3 <- rep(1:5, c(1, 2, 5, 9, 8))
    //    kruskal.test(list(g1, g2, g3)): statistic = 14.280789786551617, df = 2, p.value = 0.0007924391057972138
    const r = kruskalWallis([likert([2, 5, 8, 6, 4]), likert([5, 7, 6, 3, 1]), likert([1, 2, 5, 9, 8])]);
    assertClose(r.statistic, 14.280789786551617, 1e-12);
    assert.equal(r.df, 2);
    assertClose(r.p, 0.0007924391057972138);
    assert.equal(r.n, 72);
  });

  it("reproduces the Hollander & Wolfe example of kruskal.test's help page (no ties)", () => {
    // Hollander & Wolfe (1973), p. 116, mucociliary efficiency; R's ?kruskal.test prints
    // "Kruskal-Wallis chi-squared = 0.77143, df = 2, p-value = 0.68". Full precision, R:
    // kruskal.test(list(c(2.9, 3.0, 2.5, 2.6, 3.2), c(3.8, 2.7, 4.0, 2.4), c(2.8, 3.4, 3.7, 2.2, 2.0)))
    // statistic = 0.77142857142857224, p.value = 0.67996477357889362
    const one = (xs: number[]): ValueCount[] => xs.map((value) => ({ value, count: 1 }));
    const r = kruskalWallis([one([2.9, 3.0, 2.5, 2.6, 3.2]), one([3.8, 2.7, 4.0, 2.4]), one([2.8, 3.4, 3.7, 2.2, 2.0])]);
    assertClose(r.statistic, 0.77142857142857224, 1e-12);
    assertClose(r.p, 0.67996477357889362);
  });

  it('adds up repeated values in a group and ignores empty groups', () => {
    // R: kruskal.test(list(rep(1:2, c(3, 5)), rep(2:3, c(2, 4))))
    //    statistic = 7.1106060606060595, p.value = 0.0076629197767356999
    const r = kruskalWallis([
      [
        { value: 1, count: 3 },
        { value: 2, count: 2 },
        { value: 2, count: 3 },
      ],
      [],
      [{ value: 5, count: 0 }],
      [
        { value: 2, count: 2 },
        { value: 3, count: 4 },
      ],
    ]);
    assertClose(r.statistic, 7.1106060606060595, 1e-12);
    assert.equal(r.df, 1);
    assertClose(r.p, 0.0076629197767356999);
  });

  it('gives no statistic with fewer than two non-empty groups, or when every answer is the same', () => {
    assert.deepEqual(kruskalWallis([likert([2, 3, 4])]), { statistic: null, df: 0, p: null, n: 9 });
    assert.deepEqual(kruskalWallis([likert([2, 3, 4]), []]), { statistic: null, df: 0, p: null, n: 9 });
    assert.deepEqual(kruskalWallis([]), { statistic: null, df: 0, p: null, n: 0 });
    assert.deepEqual(kruskalWallis([likert([0, 4]), likert([0, 6])]), { statistic: null, df: 1, p: null, n: 10 });
  });

  it('rejects negative or fractional counts and non-finite values', () => {
    assert.throws(() => kruskalWallis([[{ value: 1, count: -1 }], likert([1])]), RangeError);
    assert.throws(() => kruskalWallis([[{ value: 1, count: 0.5 }], likert([1])]), RangeError);
    assert.throws(() => kruskalWallis([[{ value: Number.NaN, count: 1 }], likert([1])]), RangeError);
  });
});

describe('spearman', () => {
  /** A 5×5 table of counts as (x, y, count) with codes 1..5. */
  const cells = (rows: number[][]) => rows.flatMap((row, i) => row.map((count, j) => ({ x: i + 1, y: j + 1, count })));

  it('matches cor.test(method = "spearman", exact = FALSE) on a table of 1–5 answers with ties', () => {
    // R: tab <- matrix(c(8, 5, 2, 1, 0,  4, 9, 6, 3, 1,  2, 5, 11, 7, 3,  1, 2, 6, 10, 6,  0, 1, 2, 5, 9), 5, byrow = TRUE)
    //    x <- rep(row(tab), tab); y <- rep(col(tab), tab)
    //    cor.test(x, y, method = "spearman", exact = FALSE): rho = 0.62427887809761606, p.value = 4.0782454672138263e-13
    const r = spearman(
      cells([
        [8, 5, 2, 1, 0],
        [4, 9, 6, 3, 1],
        [2, 5, 11, 7, 3],
        [1, 2, 6, 10, 6],
        [0, 1, 2, 5, 9],
      ]),
    );
    assertClose(r.rho, 0.62427887809761606, 1e-12);
    assert.equal(r.n, 109);
    assert.equal(r.df, 107);
    // The t tail comes from the incomplete beta function directly (jstat's, used before, was only
    // good to ~1e-7 relative here); the rho of 1e-12 carries into p at about 1e-10.
    assertClose(r.p, 4.0782454672138263e-13, 1e-9);
  });

  it('matches cor.test on a small table with heavy ties and a moderate p', () => {
    // R: x <- rep(c(1, 1, 2, 2, 3, 3), c(3, 1, 2, 2, 1, 3)); y <- rep(c(1, 2, 1, 2, 1, 2), c(3, 1, 2, 2, 1, 3))
    //    cor.test(x, y, method = "spearman", exact = FALSE): rho = 0.40824829046386296, p.value = 0.18766987086960316
    const r = spearman([
      { x: 1, y: 1, count: 3 },
      { x: 1, y: 2, count: 1 },
      { x: 2, y: 1, count: 2 },
      { x: 2, y: 2, count: 2 },
      { x: 3, y: 1, count: 1 },
      { x: 3, y: 2, count: 3 },
    ]);
    assertClose(r.rho, 0.40824829046386296, 1e-12);
    assertClose(r.p, 0.18766987086960316);
  });

  it('gives rho = 1 and p = 0 for a perfectly monotone table', () => {
    // R: cor.test(c(1, 2, 2, 3), c(1, 2, 2, 3), method = "spearman", exact = FALSE): rho = 1, p.value = 0
    const r = spearman([
      { x: 1, y: 1, count: 1 },
      { x: 2, y: 2, count: 2 },
      { x: 3, y: 3, count: 1 },
    ]);
    assertClose(r.rho, 1, 1e-15);
    assert.equal(r.p, 0);
    assert.equal(r.t, Number.POSITIVE_INFINITY);
  });

  it('gives no rho when one variable has a single value, and no p below three units', () => {
    assert.deepEqual(
      spearman([
        { x: 1, y: 1, count: 3 },
        { x: 1, y: 2, count: 4 },
      ]),
      { rho: null, p: null, t: null, df: 5, n: 7 },
    );
    assert.deepEqual(spearman([]), { rho: null, p: null, t: null, df: 0, n: 0 });
    const two = spearman([
      { x: 1, y: 2, count: 1 },
      { x: 2, y: 1, count: 1 },
    ]);
    assert.equal(two.rho, -1);
    assert.equal(two.p, null);
  });

  it('rejects fractional counts and non-finite codes', () => {
    assert.throws(() => spearman([{ x: 1, y: 1, count: 1.5 }]), RangeError);
    assert.throws(() => spearman([{ x: Number.POSITIVE_INFINITY, y: 1, count: 1 }]), RangeError);
  });
});
