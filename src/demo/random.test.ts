import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createRandom, seedOf } from './random.ts';

const draws = (seed: number, n: number, ...label: string[]) => {
  const rng = createRandom(seed, ...label);
  return Array.from({ length: n }, () => rng.next());
};

describe('createRandom', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    assert.deepEqual(draws(2019, 20), draws(2019, 20));
    assert.notDeepEqual(draws(2019, 20), draws(2020, 20));
  });

  it('derives independent streams from a label', () => {
    assert.deepEqual(draws(1, 10, 'names'), draws(1, 10, 'names'));
    assert.notDeepEqual(draws(1, 10, 'names'), draws(1, 10, 'numbers'));
    assert.notEqual(seedOf(1, 'a'), seedOf(1, 'b'));
  });

  it('draws floats in [0, 1) spread evenly', () => {
    const xs = draws(7, 10_000);
    assert.ok(xs.every((x) => x >= 0 && x < 1));
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    assert.ok(Math.abs(mean - 0.5) < 0.02, `mean ${mean}`);
  });

  it('draws integers within both bounds, reaching each of them', () => {
    const rng = createRandom(3);
    const seen = new Set(Array.from({ length: 2000 }, () => rng.int(-2, 3)));
    assert.deepEqual(
      [...seen].sort((a, b) => a - b),
      [-2, -1, 0, 1, 2, 3],
    );
    assert.throws(() => rng.int(5, 4), RangeError);
  });

  it('shuffles into a permutation and leaves the input alone', () => {
    const input = [1, 2, 3, 4, 5, 6, 7, 8];
    const out = createRandom(11).shuffle(input);
    assert.deepEqual(input, [1, 2, 3, 4, 5, 6, 7, 8]);
    assert.deepEqual(
      [...out].sort((a, b) => a - b),
      input,
    );
    assert.notDeepEqual(out, input);
  });

  it('picks an element of the list and refuses an empty one', () => {
    const rng = createRandom(5);
    for (let i = 0; i < 100; i++) assert.ok(['a', 'b', 'c'].includes(rng.pick(['a', 'b', 'c'])));
    assert.throws(() => rng.pick([]), RangeError);
  });

  it('says yes about as often as asked', () => {
    const rng = createRandom(9);
    const yes = Array.from({ length: 10_000 }, () => rng.bernoulli(0.3)).filter(Boolean).length;
    assert.ok(Math.abs(yes / 10_000 - 0.3) < 0.02, `${yes}`);
  });

  it('chooses by weight, never a zero weight, and refuses when no weight is positive', () => {
    const rng = createRandom(13);
    const counts = [0, 0, 0];
    for (let i = 0; i < 10_000; i++) {
      const k = rng.weighted([1, 0, 3]);
      counts[k] = (counts[k] ?? 0) + 1;
    }
    assert.equal(counts[1], 0);
    assert.ok(Math.abs((counts[2] ?? 0) / 10_000 - 0.75) < 0.03, `${counts}`);
    assert.throws(() => rng.weighted([0, 0]), RangeError);
  });

  it('draws normals with mean 0 and sd 1', () => {
    const rng = createRandom(17);
    const xs = Array.from({ length: 20_000 }, () => rng.normal());
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length);
    assert.ok(Math.abs(mean) < 0.03 && Math.abs(sd - 1) < 0.03, `mean ${mean}, sd ${sd}`);
  });

  it('is the only source of randomness in src/demo', () => {
    const dir = path.dirname(fileURLToPath(import.meta.url));
    // Built from parts so this file does not match itself.
    const call = new RegExp(`${['Math', 'random'].join('\\.')}\\s*\\(`);
    const users = fs.readdirSync(dir).filter((f) => f.endsWith('.ts') && call.test(fs.readFileSync(path.join(dir, f), 'utf8')));
    assert.deepEqual(users, []);
  });
});
