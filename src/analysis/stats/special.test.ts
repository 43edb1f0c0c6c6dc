import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { logGamma, regularizedBeta, regularizedGammaP, regularizedGammaQ } from './special.ts';
import { assertClose } from './testing.ts';

// Reference values: R 4.2.2 (lgamma, pgamma, pbeta), printed with sprintf("%.17g"); see references.R.

describe('special functions', () => {
  it('gives log Γ to 1e-15 relative (Lanczos, g = 671/128)', () => {
    const cases: [number, number][] = [
      [0.5, 0.57236494292470008],
      [1.5, -0.12078223763524518],
      [3, Math.LN2], // lgamma(3) = log(2) = 0.69314718055994529
      [7.5, 7.5343642367587327],
      [42, 114.03421178146171],
      [150.5, 602.51395487058528],
      [1e4, 82099.717496442376],
    ];
    for (const [x, v] of cases) assertClose(logGamma(x), v, 1e-15, 1e-15, `lgamma(${x})`);
    assert.equal(logGamma(1), 0);
    assert.throws(() => logGamma(0), RangeError);
  });

  it('gives the regularized incomplete gamma Q(a, x) on both sides of x = a + 1, with P = 1 - Q', () => {
    // R: pgamma(x, a, lower.tail = FALSE)
    const cases: [number, number, number][] = [
      [0.5, 0.5, 0.31731050786291415],
      [3, 2.5, 0.54381311588332959],
      [20, 19, 0.56060738939150867],
      [75, 110, 0.00017183034243375617],
    ];
    for (const [a, x, q] of cases) {
      assertClose(regularizedGammaQ(a, x), q, 1e-13, 0, `Q(${a}, ${x})`);
      assertClose(regularizedGammaP(a, x), 1 - q, 1e-13, 1e-16, `P(${a}, ${x})`);
    }
    assert.equal(regularizedGammaQ(2, 0), 1);
    assert.equal(regularizedGammaP(2, Number.POSITIVE_INFINITY), 1);
    assert.throws(() => regularizedGammaQ(0, 1), RangeError);
  });

  it('gives the regularized incomplete beta I_x(a, b) on both sides of its switch point', () => {
    // R: pbeta(x, a, b)
    const cases: [number, number, number, number][] = [
      [0.3, 2, 3, 0.34829999999999989],
      [0.9, 0.5, 5, 0.99999742941030079],
      [0.01, 10, 0.5, 1.7700349655285852e-21],
    ];
    for (const [x, a, b, v] of cases) assertClose(regularizedBeta(x, a, b), v, 1e-13, 0, `I(${x}; ${a}, ${b})`);
    assert.equal(regularizedBeta(0, 2, 3), 0);
    assert.equal(regularizedBeta(1, 2, 3), 1);
  });
});
