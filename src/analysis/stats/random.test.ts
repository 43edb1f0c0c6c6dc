import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { seededUniform, tableSeed } from './random.ts';

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

describe('tableSeed', () => {
  it('is FNV-1a of the parts, so the same table always gets the same seed', () => {
    // FNV-1a 32-bit test vectors (Fowler/Noll/Vo): "" → 0x811c9dc5, "a" → 0xe40c292c, "foobar" → 0xbf9cf968.
    assert.equal(tableSeed(''), 0x811c9dc5);
    assert.equal(tableSeed('a'), 0xe40c292c);
    assert.equal(tableSeed('foobar'), 0xbf9cf968);
    assert.equal(tableSeed(2019, 'skolesjef', 'q', '', 'fylke'), tableSeed('2019', 'skolesjef', 'q', '', 'fylke'));
  });

  it('differs between the tables of a family, so their Monte Carlo errors are not shared', () => {
    const seeds = ['a', 'b', 'c', 'd'].map((item) => tableSeed(2019, 'kommunedirektor', 'matrise', item, 'storrelse'));
    assert.equal(new Set(seeds).size, 4);
    // The parts are separated, so ("ab", "c") and ("a", "bc") are different tables.
    assert.notEqual(tableSeed('ab', 'c'), tableSeed('a', 'bc'));
  });
});
