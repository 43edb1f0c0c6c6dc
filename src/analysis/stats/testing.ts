/** Test helpers for the statistics layer (used by the *.test.ts files only). */
import assert from 'node:assert/strict';

/**
 * Asserts |actual − expected| ≤ rel·|expected| + abs. The default is a relative tolerance of
 * 1e-9 with an absolute floor of 1e-15 (for expected values of 0).
 */
export function assertClose(actual: number | null | undefined, expected: number, rel = 1e-9, abs = 1e-15, what = ''): void {
  assert.ok(typeof actual === 'number', `${what} expected a number close to ${expected}, got ${actual}`);
  const tolerance = rel * Math.abs(expected) + abs;
  assert.ok(
    Math.abs(actual - expected) <= tolerance,
    `${what} ${actual} differs from ${expected} by ${Math.abs(actual - expected)} (tolerance ${tolerance})`,
  );
}

/** Asserts an interval equals [lo, hi] to the given relative tolerance. */
export function assertInterval(
  actual: readonly [number, number] | null,
  expected: readonly [number, number],
  rel = 1e-9,
  abs = 1e-15,
): void {
  assert.ok(actual !== null, 'expected an interval, got null');
  assertClose(actual[0], expected[0], rel, abs, 'lower');
  assertClose(actual[1], expected[1], rel, abs, 'upper');
}
