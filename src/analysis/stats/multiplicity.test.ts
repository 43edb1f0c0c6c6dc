import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { familySize, holm } from './multiplicity.ts';
import { assertClose } from './testing.ts';

// Reference values: R 4.2.2 p.adjust(p, "holm"), printed with sprintf("%.17g"); see references.R.

function assertAll(actual: readonly (number | null)[], expected: readonly (number | null)[]): void {
  assert.equal(actual.length, expected.length);
  expected.forEach((e, i) => {
    if (e === null) assert.equal(actual[i], null, `[${i}]`);
    else assertClose(actual[i], e, 1e-15, 1e-17, `[${i}]`);
  });
}

describe('holm', () => {
  it('matches the reference of issue 16: p.adjust(c(0.01, 0.02, 0.03, 0.04, 0.05), "holm")', () => {
    // = 0.05 0.08 0.09 0.09 0.09 (by hand: 5·0.01, 4·0.02, 3·0.03, max(0.09, 2·0.04), max(0.09, 0.05)).
    // BH would give 0.05 for all five (p.adjust(..., "BH"): min over j ≥ i of 5·p_(j)/j = 0.05).
    assertAll(holm([0.01, 0.02, 0.03, 0.04, 0.05]), [0.05, 0.08, 0.09, 0.09, 0.09]);
    // Significance is decided on the adjusted p: none of the five is below 0.05.
    assert.equal(holm([0.01, 0.02, 0.03, 0.04, 0.05]).filter((p) => (p as number) < 0.05).length, 0);
  });

  it('matches p.adjust(p, "holm") in the order given', () => {
    // p.adjust(c(0.01, 0.04, 0.03, 0.005, 0.2), "holm")
    assertAll(holm([0.01, 0.04, 0.03, 0.005, 0.2]), [0.04, 0.09, 0.09, 0.025, 0.2]);
    // p.adjust(c(0.0004, 0.011, 0.019, 0.023, 0.031, 0.04, 0.3, 0.6), "holm"); BH would give
    // 0.0032, 0.044, 0.046, 0.046, 0.0496, 0.0533, 0.343, 0.6 (five "significant" instead of one).
    assertAll(holm([0.0004, 0.011, 0.019, 0.023, 0.031, 0.04, 0.3, 0.6]), [0.0032, 0.077, 0.114, 0.115, 0.124, 0.124, 0.6, 0.6]);
  });

  it('leaves untested members out of the family size and keeps them null, as R does with NA', () => {
    // p.adjust(c(0.02, NA, 0.02, 0.5), "holm") = 0.06, NA, 0.06, 0.5 (m = 3, ties share a value)
    assertAll(holm([0.02, null, 0.02, 0.5]), [0.06, null, 0.06, 0.5]);
    assert.equal(familySize([0.02, null, 0.02, 0.5]), 3);
  });

  it('leaves a family of one as it is and caps at 1', () => {
    assertAll(holm([0.03]), [0.03]);
    assertAll(holm([0.6, 0.7]), [1, 1]);
    assert.deepEqual(holm([]), []);
    assert.deepEqual(holm([null]), [null]);
  });

  it('rejects a p-value outside [0, 1]', () => {
    assert.throws(() => holm([0.2, 1.5]), RangeError);
    assert.throws(() => holm([Number.NaN]), RangeError);
  });
});
