import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mean, scaleSummary, topBottom } from './scale.ts';
import { assertClose } from './testing.ts';

// References: R 4.2.2: x <- rep(1:5, c(3, 7, 12, 20, 8))
// mean(x) = 3.46, sd(x) = 1.1104328995890729, mean(x >= 4) = 0.56, mean(x <= 2) = 0.2
const answers = [
  { value: 1, count: 3 },
  { value: 2, count: 7 },
  { value: 3, count: 12 },
  { value: 4, count: 20 },
  { value: 5, count: 8 },
  { value: 8, count: 6 },
  { value: 9, count: 4 },
];

describe('scale summary', () => {
  it("gives the mean and R's sample standard deviation of the answers on the scale", () => {
    const r = mean(answers, { exclude: [8, 9] });
    assert.equal(r.n, 50);
    assert.equal(r.excluded, 10);
    assertClose(r.mean, 3.46, 1e-15);
    assertClose(r.sd, 1.1104328995890729, 1e-14);
  });

  it('gives the shares of the top two (4–5) and bottom two (1–2) points', () => {
    const r = topBottom(answers, { exclude: [8, 9] });
    assertClose(r.top, 0.56, 1e-15);
    assertClose(r.bottom, 0.2, 1e-15);
    assert.equal(r.n, 50);
  });

  it('combines both in scaleSummary', () => {
    const r = scaleSummary(answers, { exclude: [8, 9] });
    assert.deepEqual(Object.keys(r).sort(), ['bottom', 'excluded', 'mean', 'n', 'sd', 'top']);
    assertClose(r.mean, 3.46, 1e-15);
    assertClose(r.top, 0.56, 1e-15);
  });

  it('uses the top and bottom two points of another scale, e.g. 0–10', () => {
    const r = topBottom(
      [
        { value: 0, count: 1 },
        { value: 1, count: 1 },
        { value: 2, count: 2 },
        { value: 9, count: 3 },
        { value: 10, count: 3 },
      ],
      { min: 0, max: 10 },
    );
    assert.equal(r.top, 0.6);
    assert.equal(r.bottom, 0.2);
  });

  it('refuses a code that is neither on the scale nor excluded', () => {
    assert.throws(() => mean(answers), RangeError);
    assert.throws(() => topBottom([{ value: 2.5, count: 1 }]), RangeError);
    assert.throws(() => mean([{ value: 3, count: -1 }]), RangeError);
    assert.throws(() => mean([], { min: 1, max: 3 }), RangeError);
  });

  it('gives null mean and shares with no answers, and a null sd with one answer', () => {
    assert.deepEqual(scaleSummary([{ value: 9, count: 4 }], { exclude: [9] }), {
      n: 0,
      excluded: 4,
      mean: null,
      sd: null,
      top: null,
      bottom: null,
    });
    assert.deepEqual(mean([{ value: 4, count: 1 }]), { n: 1, excluded: 0, mean: 4, sd: null });
  });
});
