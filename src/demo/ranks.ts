/**
 * Assigning classes by rank: sort by a latent score (a driver such as size plus noise) and cut the
 * sorted list at fixed counts. The class sizes come out exactly as asked, whatever the noise, while
 * the latent score makes the classes correlate with their driver.
 */
import type { Random } from './random.ts';

/** The class of each element: the `counts[0]` highest latents get class 0, the next `counts[1]` class 1, … */
export function classesByRank(latent: readonly number[], counts: readonly number[]): number[] {
  const total = counts.reduce((s, c) => s + c, 0);
  if (total !== latent.length) throw new RangeError(`class counts sum to ${total}, not ${latent.length}`);
  const order = latent.map((_, i) => i).sort((a, b) => (latent[b] as number) - (latent[a] as number) || a - b);
  const out = new Array<number>(latent.length).fill(0);
  let pos = 0;
  counts.forEach((count, cls) => {
    for (let k = 0; k < count; k++) out[order[pos++] as number] = cls;
  });
  return out;
}

/** The indices sorted by latent, highest first (ties by index, for determinism). */
export function byLatentDesc(indices: readonly number[], latent: readonly number[]): number[] {
  return [...indices].sort((a, b) => (latent[b] as number) - (latent[a] as number) || a - b);
}

/**
 * Gives the members of one class values drawn by `draw`, the largest value to the highest latent,
 * so the order within a class follows the driver too.
 */
export function fillByRank(members: readonly number[], latent: readonly number[], draw: () => number, out: number[]): void {
  const values = members.map(draw).sort((a, b) => b - a);
  byLatentDesc(members, latent).forEach((i, k) => {
    out[i] = values[k] as number;
  });
}

/** Standard scores (mean 0, sd 1) so drivers on different scales can be mixed. */
export function zScores(xs: readonly number[]): number[] {
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length) || 1;
  return xs.map((x) => (x - mean) / sd);
}

/** A latent score: `weight × driver + noise`, with the forced indices (the capital) always on top. */
export function latentScores(rng: Random, driver: readonly number[], weight: number, forced: readonly number[] = []): number[] {
  return driver.map((d, i) => (forced.includes(i) ? Number.POSITIVE_INFINITY : weight * d + rng.normal()));
}

/** An integer drawn log-uniformly from [lo, hi]: small values as likely per factor as large ones. */
export function logUniformInt(rng: Random, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, Math.round(Math.exp(rng.uniform(Math.log(lo), Math.log(hi + 1))))));
}

/** Whole counts adding up to `n` in the proportions given (largest remainders, ties to the first). */
export function roundShares(shares: readonly number[], n: number): number[] {
  const total = shares.reduce((s, x) => s + x, 0);
  const exact = shares.map((x) => (total > 0 ? (x / total) * n : 0));
  const counts = exact.map(Math.floor);
  const order = exact.map((x, i) => ({ i, rest: x - Math.floor(x) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (let left = n - counts.reduce((s, c) => s + c, 0), k = 0; left > 0; left--, k++) {
    const i = (order[k % order.length] as { i: number }).i;
    counts[i] = (counts[i] as number) + 1;
  }
  return counts;
}
