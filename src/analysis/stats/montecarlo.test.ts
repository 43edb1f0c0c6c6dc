import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { exactChiSquareMonteCarlo, exactP, logFactorials, randomTable } from './montecarlo.ts';
import { seededUniform } from './random.ts';
import { assertClose } from './testing.ts';

// Exact references: R 4.2.2. "Exact conditional p" means the probability, under the multiple
// hypergeometric distribution given both margins, of the tables whose Pearson X² is ≥ the observed
// one, computed in R by enumerating every table with the observed margins
// (log-probability sum(lfactorial(rs)) + sum(lfactorial(cs)) - lfactorial(N) - sum(lfactorial(t))).
// R's own simulation, chisq.test(t, simulate.p.value = TRUE, B = 1e6) with set.seed(1), agrees
// with each of them within its standard error (quoted below).

/** |estimate − reference| must be within 4 Monte Carlo standard errors (seeded, so deterministic). */
function assertWithinSE(p: number | null, se: number | null, reference: number): void {
  assert.ok(p !== null && se !== null);
  assert.ok(Math.abs(p - reference) <= 4 * se, `p ${p} is ${Math.abs(p - reference) / se} SE from ${reference}`);
}

describe('exactChiSquareMonteCarlo', () => {
  it("estimates Fisher's exact p for the tea tasting table within its standard error", () => {
    // Symmetric margins make X² ≥ observed the same event as "probability ≤ observed", so the exact
    // conditional p of X² is Fisher's: R fisher.test(matrix(c(3, 1, 1, 3), 2))$p.value = 0.48571428571428582
    const r = exactChiSquareMonteCarlo([
      [3, 1],
      [1, 3],
    ]);
    assert.equal(r.iterations, 100_000);
    assertClose(r.statistic, 2, 1e-12);
    assertWithinSE(r.p, r.standardError, 0.48571428571428582);
  });

  it('estimates the exact conditional p of a sparse 2×3 table, which differs from the asymptotic one', () => {
    // t <- matrix(c(5, 1, 1, 4, 2, 6), 2): exact conditional p = 0.063136725675425928 (enumeration);
    // asymptotic chisq.test(t, correct = FALSE)$p.value = 0.04627719163203408;
    // R simulation (B = 1e6, set.seed(1)) = 0.063068936931063066
    const r = exactChiSquareMonteCarlo(
      [
        [5, 1, 2],
        [1, 4, 6],
      ],
      { seed: 1 },
    );
    assertWithinSE(r.p, r.standardError, 0.063136725675425928);
    assert.ok(Math.abs((r.p ?? 0) - 0.04627719163203408) > 10 * (r.standardError ?? 0));
  });

  it('estimates the exact conditional p of a sparse 3×3 table', () => {
    // t <- matrix(c(4, 1, 0, 0, 3, 2, 1, 0, 5), 3): exact conditional p = 0.004467754467754448
    // (enumeration); R simulation (B = 1e6, set.seed(1)) = 0.00446999553000447
    const r = exactChiSquareMonteCarlo(
      [
        [4, 0, 1],
        [1, 3, 0],
        [0, 2, 5],
      ],
      { seed: 2 },
    );
    assertWithinSE(r.p, r.standardError, 0.004467754467754448);
  });

  it('agrees with the asymptotic p when the counts are large', () => {
    // t <- matrix(c(50, 55, 70, 62, 45, 58, 48, 60, 52), 3)
    // chisq.test(t, correct = FALSE): statistic = 6.4837361712361714, p.value = 0.16581802494979184;
    // R simulation (B = 1e7, set.seed(2)) = 0.1665274833
    const r = exactChiSquareMonteCarlo([
      [50, 62, 48],
      [55, 45, 60],
      [70, 58, 52],
    ]);
    assertClose(r.statistic, 6.4837361712361714, 1e-12);
    assert.equal(r.df, 4);
    assertWithinSE(r.p, r.standardError, 0.16581802494979184);
    assertWithinSE(r.p, r.standardError, 0.1665274833);
  });

  it('is deterministic for a seed and reports p = (1 + exceedances)/(B + 1)', () => {
    const table = [
      [5, 1, 2],
      [1, 4, 6],
    ];
    const a = exactChiSquareMonteCarlo(table, { seed: 42, iterations: 2000 });
    const b = exactChiSquareMonteCarlo(table, { seed: 42, iterations: 2000 });
    assert.deepEqual(a, b);
    const exceed = (a.p ?? 0) * 2001 - 1;
    assertClose(exceed, Math.round(exceed), 0, 1e-9);
    assert.notEqual(exactChiSquareMonteCarlo(table, { seed: 43, iterations: 2000 }).p, a.p);
  });

  it('never gives p = 0', () => {
    // A perfectly associated table: no simulated table is as extreme, so p = 1/(B + 1).
    const r = exactChiSquareMonteCarlo(
      [
        [30, 0],
        [0, 30],
      ],
      { iterations: 999 },
    );
    assert.equal(r.p, 1 / 1000);
  });

  it('drops empty rows and columns, and gives p null when fewer than two of either remain', () => {
    const withZeros = exactChiSquareMonteCarlo(
      [
        [5, 0, 1, 2],
        [0, 0, 0, 0],
        [1, 0, 4, 6],
      ],
      { seed: 1 },
    );
    const plain = exactChiSquareMonteCarlo(
      [
        [5, 1, 2],
        [1, 4, 6],
      ],
      { seed: 1 },
    );
    assert.deepEqual(withZeros, plain);
    assert.deepEqual(exactChiSquareMonteCarlo([[3, 4, 5]]), { p: null, standardError: null, statistic: 0, df: 0, iterations: 0 });
    assert.equal(exactChiSquareMonteCarlo([]).p, null);
  });

  it('rejects non-integral counts and a bad number of iterations', () => {
    assert.throws(
      () =>
        exactChiSquareMonteCarlo([
          [1.5, 2],
          [3, 4],
        ]),
      RangeError,
    );
    assert.throws(
      () =>
        exactChiSquareMonteCarlo(
          [
            [1, 2],
            [3, 4],
          ],
          { iterations: 0 },
        ),
      RangeError,
    );
    assert.throws(
      () =>
        exactChiSquareMonteCarlo(
          [
            [1, 2],
            [3, 4],
          ],
          { seed: 0.5 },
        ),
      RangeError,
    );
  });
});

describe('randomTable (Patefield)', () => {
  it('keeps the row and column totals, also with zero totals', () => {
    const rows = [7, 0, 12, 5];
    const cols = [3, 9, 0, 8, 4];
    const lf = logFactorials(24);
    const uniform = seededUniform(5);
    for (let b = 0; b < 500; b++) {
      const t = randomTable(rows, cols, uniform, lf);
      assert.deepEqual(
        t.map((row) => row.reduce((a, x) => a + x, 0)),
        rows,
      );
      assert.deepEqual(
        cols.map((_, j) => t.reduce((a, row) => a + (row[j] ?? 0), 0)),
        cols,
      );
      assert.ok(t.every((row) => row.every((x) => Number.isInteger(x) && x >= 0)));
    }
  });

  it("draws the tea tasting table's cell with the hypergeometric probabilities 1, 16, 36, 16, 1 (/70)", () => {
    const lf = logFactorials(8);
    const uniform = seededUniform(7);
    const B = 200_000;
    const seen = [0, 0, 0, 0, 0];
    for (let b = 0; b < B; b++) {
      const x = randomTable([4, 4], [4, 4], uniform, lf)[0]?.[0] ?? -1;
      seen[x] = (seen[x] ?? 0) + 1;
    }
    // Pearson goodness of fit on 4 df: 18.47 is the 0.999 quantile (R: qchisq(0.999, 4)).
    const expected = [1, 16, 36, 16, 1].map((w) => (w / 70) * B);
    const x2 = expected.reduce((a, e, i) => a + ((seen[i] ?? 0) - e) ** 2 / e, 0);
    assert.ok(x2 < 18.47, `goodness of fit X² = ${x2}`);
  });
});

describe('exactP', () => {
  it("uses Fisher's exact test for a 2×2 table", () => {
    // R: fisher.test(matrix(c(2, 10, 15, 3), nrow = 2))$p.value = 0.00053672411914343636
    const r = exactP([
      [2, 15],
      [10, 3],
    ]);
    assert.equal(r.method, 'fisher');
    assert.equal(r.standardError, 0);
    assertClose(r.p, 0.00053672411914343636);
  });

  it('uses Fisher for a table that is 2×2 once empty rows are dropped', () => {
    const r = exactP([
      [2, 15],
      [0, 0],
      [10, 3],
    ]);
    assert.equal(r.method, 'fisher');
    assertClose(r.p, 0.00053672411914343636);
  });

  it('uses the Monte Carlo test for larger tables', () => {
    const table = [
      [5, 1, 2],
      [1, 4, 6],
    ];
    const r = exactP(table, { seed: 1 });
    assert.equal(r.method, 'monte-carlo');
    assert.equal(r.p, exactChiSquareMonteCarlo(table, { seed: 1 }).p);
  });

  it('gives no p for a table with a single non-empty row or column', () => {
    assert.deepEqual(exactP([[3, 4, 5]]), { p: null, method: 'none', standardError: null });
    assert.deepEqual(
      exactP([
        [3, 0],
        [4, 0],
      ]),
      { p: null, method: 'none', standardError: null },
    );
  });
});
