/**
 * Small in-memory rate limiters (fixed window per key) for the two things worth slowing down:
 * guessing respondents' links and guessing passwords. Keys are client addresses from
 * client-address.ts (never the proxy's, when the proxy is configured as trusted), e-mails, or
 * both. One process only: behind several servers each counts for itself, so the proxy should
 * limit too. Both take a `now` so that tests can move time.
 */

export type Now = () => number;

export interface RateLimiter {
  /** Counts a hit for `key`; false once the key is over the limit. */
  hit(key: string): boolean;
  /** True once `key` has used up its hits in the current window. */
  blocked(key: string): boolean;
  /** Forgets `key` (e.g. after a successful login). */
  reset(key: string): void;
  /** Milliseconds until the key's window ends (0 when it has none). */
  retryAfterMs(key: string): number;
  /** How many keys are held (bounded, see `maxKeys`). */
  size(): number;
}

/**
 * Keys kept at most; past it expired windows are dropped, then the oldest down to 90 %, so memory
 * stays bounded under a flood of fresh keys and the sweep runs once per many new keys.
 */
const maxKeys = 50_000;

export function rateLimiter(limit: number, windowMs: number, now: Now = Date.now): RateLimiter {
  const counts = new Map<string, { start: number; n: number }>();
  const live = (key: string, t: number) => {
    const c = counts.get(key);
    return c && t - c.start < windowMs ? c : undefined;
  };
  const prune = (t: number) => {
    for (const [k, v] of counts) if (t - v.start >= windowMs) counts.delete(k);
    for (const k of counts.keys()) {
      if (counts.size < maxKeys * 0.9) break;
      counts.delete(k);
    }
  };
  return {
    hit(key) {
      const t = now();
      let c = live(key, t);
      if (!c) {
        counts.delete(key);
        if (counts.size >= maxKeys) prune(t);
        c = { start: t, n: 0 };
        counts.set(key, c);
      }
      c.n += 1;
      return c.n <= limit;
    },
    blocked(key) {
      return (live(key, now())?.n ?? 0) >= limit;
    },
    reset(key) {
      counts.delete(key);
    },
    retryAfterMs(key) {
      const t = now();
      const c = live(key, t);
      return c ? c.start + windowMs - t : 0;
    },
    size: () => counts.size,
  };
}

export type LoginRefusal = 'pair' | 'address' | 'account';

export interface LoginThrottle {
  /** Why this attempt is refused before its password is even checked, or null to let it through. */
  refusal(account: string, address: string): { reason: LoginRefusal; retryAfterMs: number } | null;
  failed(account: string, address: string): void;
  succeeded(account: string, address: string): void;
}

export interface LoginLimits {
  /** Failures one address may have on one account per window. */
  readonly perPair: number;
  /** Failures one address may have across all accounts per window. */
  readonly perAddress: number;
  /** Failures one account may have across all addresses before unknown addresses wait. */
  readonly perAccount: number;
  readonly windowMs: number;
  /** How long an address that logged in to an account stays known for it. */
  readonly knownForMs: number;
}

export const defaultLoginLimits: LoginLimits = {
  perPair: 5,
  perAddress: 30,
  perAccount: 100,
  windowMs: 15 * 60_000,
  knownForMs: 30 * 24 * 3_600_000,
};

/**
 * The login policy (the reasoning is in admin/auth.ts): strict per (account, address), looser per
 * address, and per account only at a threshold no single address can reach, and even then only
 * for addresses that have not logged in to that account before.
 */
export function loginThrottle(limits: LoginLimits = defaultLoginLimits, now: Now = Date.now): LoginThrottle {
  const pairs = rateLimiter(limits.perPair, limits.windowMs, now);
  const addresses = rateLimiter(limits.perAddress, limits.windowMs, now);
  const accounts = rateLimiter(limits.perAccount, limits.windowMs, now);
  const known = new Map<string, number>();
  const pairKey = (account: string, address: string) => `${account}\n${address}`;
  const isKnown = (key: string) => {
    const at = known.get(key);
    return at !== undefined && now() - at < limits.knownForMs;
  };
  return {
    refusal(account, address) {
      const pair = pairKey(account, address);
      if (pairs.blocked(pair)) return { reason: 'pair', retryAfterMs: pairs.retryAfterMs(pair) };
      if (addresses.blocked(address)) return { reason: 'address', retryAfterMs: addresses.retryAfterMs(address) };
      if (accounts.blocked(account) && !isKnown(pair)) return { reason: 'account', retryAfterMs: accounts.retryAfterMs(account) };
      return null;
    },
    failed(account, address) {
      pairs.hit(pairKey(account, address));
      addresses.hit(address);
      accounts.hit(account);
    },
    succeeded(account, address) {
      const pair = pairKey(account, address);
      pairs.reset(pair);
      known.delete(pair);
      if (known.size >= maxKeys) known.delete(known.keys().next().value as string);
      known.set(pair, now());
    },
  };
}
