import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chiSquareUpperTail, hypergeometricPmf, studentTTwoSided } from './distributions.ts';
import { assertClose } from './testing.ts';

// Reference values: R 4.2.2, printed with sprintf("%.17g") (the R code is in references.R).

describe('distribution functions', () => {
  it('give chi-square upper tails to 1e-12 relative', () => {
    // R: pchisq(x, df, lower.tail = FALSE)
    const cases: [number, number, number][] = [
      [0.5, 1, 0.47950012218695348],
      [3.84, 1, 0.050043521248705224],
      [10.2, 3, 0.016940373522533882],
      [25, 4, 5.0309817823062081e-5],
      [50, 12, 1.3971121075428599e-6],
      [200, 150, 0.0039731859708216086],
      [7.7, 5, 0.17356267022817301],
      [12, 30, 0.9985996461666381],
      [0.001, 3, 0.99999159208094202],
      [30, 30, 0.46565370894400965],
    ];
    for (const [x, df, p] of cases) assertClose(chiSquareUpperTail(x, df), p, 1e-12, 0, `pchisq(${x}, ${df})`);
    assert.equal(chiSquareUpperTail(0, 3), 1);
    assert.equal(chiSquareUpperTail(Number.POSITIVE_INFINITY, 3), 0);
    assert.throws(() => chiSquareUpperTail(1, 0), RangeError);
  });

  it('computes chi-square 120 on 2 df as exp(-60), where 1 - CDF gave 0', () => {
    // On 2 df the upper tail is exp(-x/2) exactly: exp(-60) = 8.75651076269652e-27 (R agrees to the last digit).
    assertClose(chiSquareUpperTail(120, 2), Math.exp(-60), 1e-14, 0, 'pchisq(120, 2)');
    assertClose(chiSquareUpperTail(120, 2), 8.75651076269652e-27, 1e-14, 0, 'pchisq(120, 2)');
  });

  it('gives chi-square upper tails far below 1e-16 to 1e-13 relative, down to 1e-300', () => {
    // R: pchisq(x, df, lower.tail = FALSE); the largest relative error measured is 6.5e-14 (1500 on 40 df).
    const cases: [number, number, number][] = [
      [80, 1, 3.7440973842028994e-19],
      [150, 4, 2.0357640909741394e-31],
      [300, 10, 1.5546747543803181e-58],
      [700, 1, 2.9902269751246203e-154],
      [1000, 30, 5.131435321572533e-191],
      [1500, 40, 6.7816667323022511e-289],
      [1380, 2, 2.1717382813898272e-300],
    ];
    for (const [x, df, p] of cases) assertClose(chiSquareUpperTail(x, df), p, 1e-13, 0, `pchisq(${x}, ${df})`);
  });

  it('give two-sided Student t p-values to 1e-12 relative, and far in the tail', () => {
    // R: 2 * pt(-t, df)
    const cases: [number, number, number][] = [
      [2.1, 10, 0.062077244202218468],
      [0.3, 5, 0.77624904226327451],
      [4.5, 30, 9.5193593921124569e-5],
      [1.96, 500, 0.050550789819765893],
      [0.8, 100, 0.42560716056945558],
      [2.5, 1000, 0.012578567801090797],
      [3, 2, 0.095465966266709126],
      [40, 30, 1.3726045194406362e-27],
      [12, 5, 7.0894925171615278e-5],
      [100, 200, 9.95684359045374e-173],
      [25, 1000, 1.5203541383321965e-107],
      [1e6, 3, 2.2053155816792323e-18],
      [0.01, 7, 0.99230031764362181],
    ];
    for (const [t, df, p] of cases) {
      assertClose(studentTTwoSided(t, df), p, 1e-12, 0, `2 * pt(-${t}, ${df})`);
      assertClose(studentTTwoSided(-t, df), p, 1e-12, 0, `2 * pt(-${t}, ${df})`);
    }
    // df = 50 000: log B(df/2, 1/2) is a difference of log-gammas near 5e5, which costs digits (3e-12 measured).
    assertClose(studentTTwoSided(8, 50_000), 1.2707205526498392e-15, 1e-11, 0, '2 * pt(-8, 50000)');
    assert.equal(studentTTwoSided(Number.NEGATIVE_INFINITY, 5), 0);
    assert.equal(studentTTwoSided(0, 5), 1);
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
