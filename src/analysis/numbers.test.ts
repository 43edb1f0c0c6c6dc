import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { medianOf, quantileOf, summariseNumbers } from './numbers.ts';

// 1, 1, 1, 4, 4, 10, 13, 13, 13, 13 as counts per value (what SQL's GROUP BY returns).
const counts = [
  { value: 1, n: 3 },
  { value: 4, n: 2 },
  { value: 10, n: 1 },
  { value: 13, n: 4 },
];

describe('number questions', () => {
  it("takes quantiles between order statistics as R's quantile() does by default (type 7)", () => {
    // R 4.2.2: x <- rep(c(1, 4, 10, 13), c(3, 2, 1, 4)); quantile(x, c(.1, .25, .3, .5, .65, .75, .9))
    //          1.00 1.75 3.0999999999999992 7.00 12.5500000000000025 13.00 13.00 (see stats/references.R;
    //          12.5500000000000025 is the double 12.550000000000002)
    const r = { 0.1: 1, 0.25: 1.75, 0.3: 3.0999999999999992, 0.5: 7, 0.65: 12.550000000000002, 0.75: 13, 0.9: 13 };
    for (const [p, q] of Object.entries(r)) assert.ok(Math.abs((quantileOf(counts, Number(p)) ?? Number.NaN) - q) < 1e-12, `p = ${p}`);
    assert.equal(medianOf(counts), 7);
    assert.equal(quantileOf([], 0.5), null);
  });

  it('summarises with the quartiles beside the median, none without answers', () => {
    // R: quantile(c(0, 3, 5, 12), c(.25, .5, .75)) = 2.25 4.00 6.75
    const s = summariseNumbers(
      [0, 3, 5, 12].map((value) => ({ value, n: 1 })),
      [0, 2, 5, 10],
    );
    assert.deepEqual([s.n, s.mean, s.median, s.quartiles, s.sum, s.min, s.max], [4, 5, 4, [2.25, 6.75], 20, 0, 12]);
    assert.deepEqual(
      s.classes.map((c) => [c.label, c.count]),
      [
        ['0', 1],
        ['1–2', 0],
        ['3–5', 2],
        ['6–10', 0],
        ['Over 10', 1],
      ],
    );
    assert.equal(summariseNumbers([], [0]).quartiles, null);
  });
});
