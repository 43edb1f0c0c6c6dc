/**
 * Raking, trimming and the variance of a weighted share, on the data set of references.R
 * ("Weights"): six cells, size (A, B, C) × central (1, 2), N = 60 units and n = 30 respondents,
 * svydesign(ids = ~1, fpc = ~N) in R's survey package. references.R is the script that reproduces
 * the values with R's survey package; R is not installed where these tests run, so every value
 * below was also recomputed independently at unit level (numpy, 30 rows: iterative proportional
 * fitting to 1e-15; influence values u, their least-squares residual on the margins' indicators,
 * (1 − n/N)·n/(n − 1)·Σ(e − ē)²; bounded calibration g = min(exp(xᵀλ), 1.25) solved with scipy's
 * fsolve) and agrees to 1e-14 relative. The 2×2 case at the end is derived by hand.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { calibrationModel, type RakingCell, rake, weightedShare, wilsonAt } from './raking.ts';
import { assertClose, assertInterval } from './testing.ts';

// Cells in the order of references.R: A1, A2, B1, B2, C1, C2 (size index, central index, respondents).
const cells: RakingCell[] = [
  { categories: [0, 0], n: 8 },
  { categories: [0, 1], n: 3 },
  { categories: [1, 0], n: 5 },
  { categories: [1, 1], n: 6 },
  { categories: [2, 0], n: 2 },
  { categories: [2, 1], n: 6 },
];
const margins = [
  [20, 20, 20],
  [28, 32],
];
// Per cell: respondents who answered the question (the domain) and who chose the option.
const answered = [7, 3, 5, 5, 2, 6];
const chose = [5, 1, 2, 3, 2, 1];
const shares = answered.map((base, i) => ({ base, hits: chose[i] as number }));

const weightsOf = (r: { weights: readonly number[] }) => [...r.weights];
function assertAll(actual: readonly number[], expected: readonly number[], rel = 1e-9) {
  assert.equal(actual.length, expected.length);
  actual.forEach((x, i) => {
    assertClose(x, expected[i] as number, rel, 1e-15, `[${i}]`);
  });
}

describe('raking', () => {
  it('rakes the respondents to both margins with the weights of survey::rake', () => {
    const r = rake(cells, margins);
    // R: tapply(weights(rake(...)), cell, mean), maxit = 1000, epsilon = 1e-15.
    assertAll(
      weightsOf(r),
      [1.7929759415863342, 1.8853974891031073, 1.7684593787111786, 1.8596171844073517, 2.406947786876716, 2.5310174043744289],
    );
    assert.ok(r.converged);
    assert.ok(r.maxMarginError <= 1e-11);
    // Every margin met: size A = 8w1 + 3w2 = 20, central 2 = 3w2 + 6w4 + 6w6 = 32.
    const w = r.weights as number[];
    assertClose(8 * (w[0] as number) + 3 * (w[1] as number), 20, 1e-10);
    assertClose(3 * (w[1] as number) + 6 * (w[3] as number) + 6 * (w[5] as number), 32, 1e-10);
    // R: nrow(d) * sum(w^2) / sum(w)^2.
    assertClose(r.deff, 1.0232638508633629, 1e-9);
    assertClose(r.nEffective, 30 / 1.0232638508633629, 1e-9);
    assert.equal(r.trimmed, 0);
  });

  it('post-stratifies in one pass when there is one margin, as survey::postStratify', () => {
    const one = cells.map((c) => ({ categories: [c.categories[0] as number], n: c.n }));
    const r = rake(one, [[20, 20, 20]]);
    assert.equal(r.iterations, 1);
    assertAll(weightsOf(r), [20 / 11, 20 / 11, 20 / 11, 20 / 11, 2.5, 2.5]);
    const s = weightedShare(one, [[20, 20, 20]], r.weights, shares, { population: 60 });
    assertClose(s.share, 0.48790322580645162); // R: svymean(~y, subset(ps, answered == 1))
    assertClose(s.se, 0.067465183351789401);
  });

  it('gives the weighted share and the linearisation standard error of survey::calibrate(calfun = "raking") + svymean', () => {
    const r = rake(cells, margins);
    const s = weightedShare(cells, margins, r.weights, shares, { population: 60 });
    assertClose(s.share, 0.48468886149232715);
    // With fpc = ~N, i.e. the factor 1 − n/N = 1/2; calibrate's exact residuals (rake's 10 sweeps: 0.064095159618728234).
    assertClose(s.se, 0.064095159613991939);
    // The Wilson interval at the effective n p(1 − p)/SE², computed in R from the same SE.
    assertInterval(s.ci95, [0.36376129167818311, 0.60743631114765118]);
    const noFpc = weightedShare(cells, margins, r.weights, shares);
    assertClose(noFpc.se, 0.090644244008575653); // R: svydesign(ids = ~1, weights = ~I(60/30))
    // Σ w over those who answered: the units they stand for.
    assertClose(
      s.weightedBase,
      answered.reduce((acc, a, i) => acc + a * (r.weights[i] as number), 0),
    );
  });

  it('gives a domain (a breakdown category) its share and standard error, as svymean on a subset', () => {
    const r = rake(cells, margins);
    const central2 = shares.map((s, i) => (cells[i]?.categories[1] === 1 ? s : { base: 0, hits: 0 }));
    const s = weightedShare(cells, margins, r.weights, central2, { population: 60 });
    assertClose(s.share, 0.33162373908299192); // R: subset(cal, answered == 1 & central == "2")
    assertClose(s.se, 0.085291481030926111);
  });

  it('caps the weights at a multiple of the mean and rakes on, as bounded raking (calibrate bounds) does', () => {
    const r = rake(cells, margins, { cap: 1.25 });
    assert.ok(r.converged);
    // R: calibrate(..., calfun = "raking", bounds = c(0, 1.25)): cells C1 and C2 at 1.25 × 60/30.
    assertAll(weightsOf(r), [1.7824455863408886, 1.9134784364242969, 1.7480870618545783, 1.8765941151211849, 2.5, 2.5]);
    assert.equal(r.trimmed, 8, 'the 2 + 6 respondents of size C are at the cap');
    assert.ok(Math.max(...r.weights) <= 2.5);
  });

  it('says so when the cap and the margins cannot both be met (R: "Calibration failed")', () => {
    const r = rake(cells, margins, { cap: 1.2, maxIterations: 200 });
    assert.equal(r.converged, false);
    assert.equal(r.iterations, 200);
    // Size C needs 20 units from 8 respondents, at most 8 × 2.4 = 19.2: 0.8 of 60 short.
    assertClose(r.maxMarginError, 0.8 / 60, 1e-9);
    assert.ok(Math.max(...r.weights) <= 2.4 + 1e-12);
  });

  it('refuses a category with units but no respondents, and respondents without units', () => {
    const noC = cells.filter((c) => c.categories[0] !== 2);
    assert.throws(() => rake(noC, margins), /margin 0 category 2 has units but no respondents/);
    assert.throws(() => rake(cells, [[20, 40, 0], margins[1] as number[]]), /has respondents but no units/);
    assert.throws(
      () =>
        rake(cells, [
          [20, 20, 20],
          [28, 30],
        ]),
      /totals 58/,
    );
    assert.throws(() => rake([], margins), /no respondents/);
  });

  it('gives a census a zero-width interval and no standard error', () => {
    const census = cells.map((c, i) => ({ ...c, n: [12, 8, 10, 10, 6, 14][i] as number }));
    const r = rake(census, margins);
    assertAll(weightsOf(r), [1, 1, 1, 1, 1, 1]);
    const s = weightedShare(census, margins, r.weights, [{ base: 10, hits: 4 }, ...census.slice(1).map(() => ({ base: 0, hits: 0 }))], {
      population: 60,
    });
    assertClose(s.se, 0);
    assert.deepEqual(s.ci95, [0.4, 0.4]);
  });

  it('gives a share of 0 a Wilson interval at the Kish size of the domain, not a zero-width one', () => {
    const r = rake(cells, margins);
    const none = answered.map((base) => ({ base, hits: 0 }));
    const s = weightedShare(cells, margins, r.weights, none, { population: 60 });
    assert.equal(s.share, 0);
    assert.equal(s.se, 0);
    const w = r.weights as number[];
    const sw = answered.reduce((acc, a, i) => acc + a * (w[i] as number), 0);
    const sw2 = answered.reduce((acc, a, i) => acc + a * (w[i] as number) ** 2, 0);
    assertInterval(s.ci95, wilsonAt(0, (sw * sw) / sw2 / 0.5));
    assert.ok((s.ci95?.[1] ?? 0) > 0.05);
  });

  it('fits the same residuals when a margin repeats another (an aliased column is dropped)', () => {
    const r = rake(cells, margins);
    const twice = cells.map((c) => ({ categories: [...c.categories, c.categories[0] as number], n: c.n }));
    const m3 = [...margins, margins[0] as number[]];
    const a = weightedShare(cells, margins, r.weights, shares, { population: 60 });
    const b = weightedShare(twice, m3, r.weights, shares, { population: 60 }, calibrationModel(twice, [3, 2, 3]));
    assertClose(b.se, a.se as number, 1e-12);
  });

  it('refuses shares that do not fit their cells', () => {
    const r = rake(cells, margins);
    assert.throws(() => weightedShare(cells, margins, r.weights, shares.slice(1)), /one weight and one share cell per cell/);
    assert.throws(
      () =>
        weightedShare(
          cells,
          margins,
          r.weights,
          shares.map((s) => ({ ...s, hits: s.base + 1 })),
        ),
      /hits ≤ base ≤ n/,
    );
  });
});

describe('raking a 2×2 table (derived by hand)', () => {
  // Rows r (margin 0: 30, 50) × columns c (margin 1: 40, 40), N = 80, respondents n = 10, 10, 5, 15
  // (n = 40, so every weight starts at 2). Raking keeps the cross-ratio of the respondents, so its
  // limit is the table T with T's margins and T11·T22 / (T12·T21) = (10·15)/(10·5) = 3. With
  // T11 = x: x(50 − 40 + x) = 3(30 − x)(40 − x), i.e. x² − 110x + 1800 = 0, x = 20 (the root below
  // 30). T = [[20, 10], [20, 30]], weights T/n = [[2, 1], [4, 2]] (= a_r·b_c with b_1/b_2 = 2).
  const two: RakingCell[] = [
    { categories: [0, 0], n: 10 },
    { categories: [0, 1], n: 10 },
    { categories: [1, 0], n: 5 },
    { categories: [1, 1], n: 15 },
  ];
  const twoMargins = [
    [30, 50],
    [40, 40],
  ];

  it('converges to the closed form of iterative proportional fitting, with Kish deff 1.1875', () => {
    const r = rake(two, twoMargins);
    assert.ok(r.converged);
    assertAll(weightsOf(r), [2, 1, 4, 2], 1e-10);
    // deff = n·Σw² / (Σw)² = 40·(10·4 + 10·1 + 5·16 + 15·4) / 80² = 7600/6400.
    assertClose(r.deff, 1.1875, 1e-10);
    assertClose(r.nEffective, 40 / 1.1875, 1e-10);
  });

  it('gives the weighted share and its linearised variance as computed by hand in fractions', () => {
    // Chose the option: 5, 2, 1, 9 of 10, 10, 5, 15 (all answered). p = (2·5 + 1·2 + 4·1 + 2·9)/80 = 17/40.
    // U_c = (h_c − p·n_c)/80 = (0.75, −2.25, −1.125, 2.625)/80. Least squares of u on (1, row 2,
    // column 2) over the 40 units: B = (−3/3200, 3/1600, 0), fitted f = −3/3200 in row 1 and
    // 3/3200 in row 2. With e = w(u − f): Σe = −3/160, Σe² − (Σe)²/n = 7627/1024000, so
    // V = (1 − 40/80) · 40/39 · 7627/1024000 = 7627/1996800 and without FPC 7627/998400.
    const r = rake(two, twoMargins);
    const hits = [5, 2, 1, 9];
    const s = weightedShare(
      two,
      twoMargins,
      r.weights,
      two.map((c, i) => ({ base: c.n, hits: hits[i] as number })),
      { population: 80 },
    );
    assertClose(s.share, 17 / 40, 1e-10);
    assertClose(s.se, Math.sqrt(7627 / 1996800), 1e-9);
    assertClose(s.weightedBase, 80, 1e-10);
    const noFpc = weightedShare(
      two,
      twoMargins,
      r.weights,
      two.map((c, i) => ({ base: c.n, hits: hits[i] as number })),
    );
    assertClose(noFpc.se, Math.sqrt(7627 / 998400), 1e-9);
  });
});
