/**
 * A small in-memory rate limiter (fixed window per key), used to slow down guessing of personal
 * links: each miss from an address counts, and past the limit the address gets 429 for the rest
 * of the window. One process only; behind several servers the proxy should limit too.
 */
export interface RateLimiter {
  /** Counts a hit for `key`; false once the key is over the limit. */
  hit(key: string, now?: number): boolean;
  blocked(key: string, now?: number): boolean;
}

export function rateLimiter(limit: number, windowMs: number): RateLimiter {
  const counts = new Map<string, { start: number; n: number }>();
  const current = (key: string, now: number) => {
    let c = counts.get(key);
    if (!c || now - c.start >= windowMs) {
      if (counts.size > 10_000) for (const [k, v] of counts) if (now - v.start >= windowMs) counts.delete(k);
      c = { start: now, n: 0 };
      counts.set(key, c);
    }
    return c;
  };
  return {
    hit(key, now = Date.now()) {
      const c = current(key, now);
      c.n += 1;
      return c.n <= limit;
    },
    blocked(key, now = Date.now()) {
      return current(key, now).n >= limit;
    },
  };
}
