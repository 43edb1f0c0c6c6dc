/**
 * A small seeded pseudo-random generator, so that Monte Carlo p-values are reproducible: the same
 * seed gives the same stream on every platform.
 *
 * Algorithm: xoshiro128** 1.1 (Blackman & Vigna, "Scrambled linear pseudorandom number
 * generators", ACM TOMS 47(4), 2021), period 2^128 − 1. Its 128-bit state is filled from the
 * seed by a Weyl sequence (step 0x9e3779b9) passed through MurmurHash3's fmix32 finalizer, in the
 * spirit of SplitMix, so that nearby seeds give unrelated streams.
 */

/** A function returning uniform doubles in [0, 1). */
export type Uniform = () => number;

/** Seeded generator of uniform doubles in [0, 1) with 53 random bits each; the seed is taken modulo 2^32. */
export function seededUniform(seed: number): Uniform {
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  let sm = seed >>> 0;
  const mix = (): number => {
    sm = (sm + 0x9e3779b9) | 0;
    let z = sm;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let s0 = mix();
  let s1 = mix();
  let s2 = mix();
  let s3 = mix();
  if ((s0 | s1 | s2 | s3) === 0) s0 = 1; // the all-zero state is the one fixed point
  const next = (): number => {
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl(s3, 11);
    return result;
  };
  // 27 + 26 bits from two draws make a double in [0, 1) on the 2^-53 grid.
  return () => ((next() >>> 5) * 67108864 + (next() >>> 6)) / 9007199254740992;
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/**
 * A seed for the Monte Carlo test of one table, from what names the table: e.g. (year, role,
 * question, item, grouping, test). Each table then gets its own stream, so the simulation errors of
 * the tests of a family are independent instead of all coming from the same random numbers (which a
 * single fixed seed gave), and a report still shows the same p every time it is built.
 * Hash: 32-bit FNV-1a over the UTF-16 code units of the parts, joined by U+0000.
 */
export function tableSeed(...parts: readonly (string | number)[]): number {
  let h = 0x811c9dc5;
  const s = parts.map(String).join('\u0000');
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
