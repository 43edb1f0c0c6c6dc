import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { seededUniform } from './random.ts';

describe('seededUniform', () => {
  it('repeats its stream for the same seed and differs between seeds', () => {
    const a = seededUniform(123);
    const b = seededUniform(123);
    const c = seededUniform(124);
    const xs = Array.from({ length: 100 }, () => a());
    assert.deepEqual(
      Array.from({ length: 100 }, () => b()),
      xs,
    );
    assert.notDeepEqual(
      Array.from({ length: 100 }, () => c()),
      xs,
    );
  });

  it('gives numbers in [0, 1) spread evenly over ten bins', () => {
    const u = seededUniform(0);
    const bins = new Array<number>(10).fill(0);
    const n = 100_000;
    for (let i = 0; i < n; i++) {
      const x = u();
      assert.ok(x >= 0 && x < 1);
      const k = Math.floor(x * 10);
      bins[k] = (bins[k] ?? 0) + 1;
    }
    // Pearson goodness of fit on 9 df: 27.88 is the 0.999 quantile (R: qchisq(0.999, 9)).
    const x2 = bins.reduce((a, o) => a + (o - n / 10) ** 2 / (n / 10), 0);
    assert.ok(x2 < 27.88, `X² = ${x2}`);
  });

  it('accepts negative and large integer seeds but not fractions', () => {
    assert.ok(seededUniform(-1)() < 1);
    assert.ok(seededUniform(2 ** 40)() < 1);
    assert.throws(() => seededUniform(0.5), RangeError);
  });
});
