/**
 * A small seeded pseudo-random generator (mulberry32) with the helpers the demo data needs.
 * Demo data must be the same on every run and machine, so nothing in src/demo uses Math.random;
 * independent streams are derived from a seed and a label, so changing one part of the demo
 * (say, the names) does not shift the numbers drawn for another.
 */

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** A float in [min, max). */
  uniform(min: number, max: number): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** A standard normal draw (mean 0, sd 1). */
  normal(): number;
  pick<T>(arr: readonly T[]): T;
  /** A shuffled copy (Fisher–Yates); the input is left alone. */
  shuffle<T>(arr: readonly T[]): T[];
  bernoulli(p: number): boolean;
  /** An index drawn with probability proportional to its weight. */
  weighted(weights: readonly number[]): number;
}

/** Hashes any mix of numbers and strings to a 32-bit seed (FNV-1a), for derived streams. */
export function seedOf(...parts: readonly (number | string)[]): number {
  let h = 0x811c9dc5;
  for (const ch of parts.join('\u0000')) {
    h ^= ch.codePointAt(0) ?? 0;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A generator for a seed; extra parts derive an independent stream, e.g. `createRandom(2019, 'names')`. */
export function createRandom(seed: number, ...label: readonly (number | string)[]): Random {
  let state = label.length === 0 ? seed >>> 0 : seedOf(seed, ...label);
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => {
    if (max < min) throw new RangeError(`int(${min}, ${max}): max is below min`);
    return min + Math.floor(next() * (max - min + 1));
  };
  return {
    next,
    uniform: (min, max) => min + next() * (max - min),
    int,
    // Box–Muller; 1 - next() keeps the logarithm away from 0.
    normal: () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next()),
    pick<T>(arr: readonly T[]): T {
      if (arr.length === 0) throw new RangeError('pick from an empty list');
      return arr[int(0, arr.length - 1)] as T;
    },
    shuffle<T>(arr: readonly T[]): T[] {
      const out = [...arr];
      for (let i = out.length - 1; i > 0; i--) {
        const j = int(0, i);
        [out[i], out[j]] = [out[j] as T, out[i] as T];
      }
      return out;
    },
    bernoulli: (p) => next() < p,
    weighted(weights: readonly number[]): number {
      const total = weights.reduce((s, w) => s + Math.max(0, w), 0);
      if (!(total > 0)) throw new RangeError('weighted: no positive weight');
      let r = next() * total;
      for (let i = 0; i < weights.length; i++) {
        r -= Math.max(0, weights[i] as number);
        if (r < 0) return i;
      }
      // Rounding can leave r at a hair above 0: fall back to the last positive weight.
      for (let i = weights.length - 1; i >= 0; i--) if ((weights[i] as number) > 0) return i;
      return weights.length - 1;
    },
  };
}
