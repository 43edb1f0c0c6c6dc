import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fisherExact2x2 } from './fisher.ts';
import { assertClose } from './testing.ts';

// References: R 4.2.2 fisher.test(...)$p.value, printed with sprintf("%.17g"), and the textbook
// values quoted with them.

describe('fisherExact2x2', () => {
  it("gives p = 0.4857 for Fisher's tea tasting experiment", () => {
    // Agresti (2002), Categorical Data Analysis, 2nd ed., §3.5.1: two-sided P = 0.486 (= 34/70).
    // R: fisher.test(matrix(c(3, 1, 1, 3), 2))$p.value = 0.48571428571428582
    const p = fisherExact2x2([
      [3, 1],
      [1, 3],
    ]);
    assertClose(p, 0.48571428571428582);
    assertClose(p, 34 / 70);
  });

  it("gives R's two-sided p for the Convictions data of fisher.test's help page", () => {
    // R: Convictions <- matrix(c(2, 10, 15, 3), nrow = 2); fisher.test(Convictions)$p.value
    //    = 0.00053672411914343636
    assertClose(
      fisherExact2x2([
        [2, 15],
        [10, 3],
      ]),
      0.00053672411914343636,
    );
  });

  it('sums the tables no more probable than the observed one for asymmetric and larger tables', () => {
    // R: fisher.test(matrix(c(1, 11, 9, 3), 2))$p.value = 0.0027594561852200836
    assertClose(
      fisherExact2x2([
        [1, 9],
        [11, 3],
      ]),
      0.0027594561852200836,
    );
    // R: fisher.test(matrix(c(120, 80, 95, 105), 2))$p.value = 0.015985745931812047
    assertClose(
      fisherExact2x2([
        [120, 95],
        [80, 105],
      ]),
      0.015985745931812047,
    );
  });

  it('gives p = 1 when a row is empty (only one table has these margins)', () => {
    // R: fisher.test(matrix(c(0, 3, 0, 4), 2))$p.value = 1
    assert.equal(
      fisherExact2x2([
        [0, 0],
        [3, 4],
      ]),
      1,
    );
    assert.equal(
      fisherExact2x2([
        [0, 0],
        [0, 0],
      ]),
      1,
    );
  });

  it('rejects tables that are not 2×2 or hold non-integral counts', () => {
    assert.throws(
      () =>
        fisherExact2x2([
          [1, 2, 3],
          [4, 5, 6],
        ]),
      RangeError,
    );
    assert.throws(() => fisherExact2x2([[1, 2]]), RangeError);
    assert.throws(
      () =>
        fisherExact2x2([
          [1, 2.5],
          [3, 4],
        ]),
      RangeError,
    );
  });
});
