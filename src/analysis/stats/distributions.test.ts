import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chiSquareUpperTail, hypergeometricPmf, studentTTwoSided } from './distributions.ts';
import { assertClose } from './testing.ts';

// These pin down the accuracy of the jstat functions behind the tests (references: R 4.2.2,
// printed with sprintf("%.17g")). If a jstat upgrade changes them, these fail first.

describe('distribution functions from jstat', () => {
  it('give chi-square upper tails to 1e-9 relative', () => {
    // R: pchisq(x, df, lower.tail = FALSE)
    const cases: [number, number, number][] = [
      [0.5, 1, 0.47950012218695348],
      [3.84, 1, 0.050043521248705224],
      [10.2, 3, 0.016940373522533882],
      [25, 4, 5.0309817823062081e-5],
      [50, 12, 1.3971121075428599e-6],
      [200, 150, 0.0039731859708216086],
      [7.7, 5, 0.17356267022817301],
    ];
    for (const [x, df, p] of cases) assertClose(chiSquareUpperTail(x, df), p, 1e-9, 0, `pchisq(${x}, ${df})`);
    assert.equal(chiSquareUpperTail(0, 3), 1);
    assert.equal(chiSquareUpperTail(Number.POSITIVE_INFINITY, 3), 0);
    assert.throws(() => chiSquareUpperTail(1, 0), RangeError);
  });

  it('give two-sided Student t p-values to 2e-7 relative (jstat stops its continued fraction at 3e-7)', () => {
    // R: 2 * pt(-t, df)
    const cases: [number, number, number][] = [
      [2.1, 10, 0.062077244202218468],
      [0.3, 5, 0.77624904226327451],
      [4.5, 30, 9.5193593921124569e-5],
      [1.96, 500, 0.050550789819765893],
      [0.8, 100, 0.42560716056945558],
      [2.5, 1000, 0.012578567801090797],
      [3, 2, 0.095465966266709126],
    ];
    for (const [t, df, p] of cases) {
      assertClose(studentTTwoSided(t, df), p, 2e-7, 0, `2 * pt(-${t}, ${df})`);
      assertClose(studentTTwoSided(-t, df), p, 2e-7, 0, `2 * pt(-${t}, ${df})`);
    }
    assert.equal(studentTTwoSided(Number.NEGATIVE_INFINITY, 5), 0);
  });

  it('give hypergeometric probabilities to 1e-13 relative', () => {
    // R: dhyper(k, m, N - m, n)
    const cases: [number, number, number, number, number][] = [
      [3, 8, 4, 4, 0.22857142857142862],
      [10, 100, 30, 40, 0.12097303615119702],
      [150, 1000, 300, 400, 8.161634153222256e-6],
      [400, 3000, 1200, 900, 0.00016761260935497754],
    ];
    for (const [k, N, m, n, p] of cases) assertClose(hypergeometricPmf(k, N, m, n), p, 1e-13, 0, `dhyper(${k}, ${m}, ${N - m}, ${n})`);
  });
});
