/**
 * CSRF protection for forms: every form carries a token that is an HMAC of what the form acts on
 * (a respondent's link, an admin session) under a secret kept in the store, so it survives a
 * restart and is the same on every server of a cluster. Posts are also refused when the browser
 * says they come from another origin.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { insertSettingIfAbsent } from '../store/setting.repository.ts';
import type { Store } from '../store/store.ts';

export interface Csrf {
  token(subject: string): string;
  verify(subject: string, token: string | undefined): boolean;
}

export async function loadCsrf(store: Store): Promise<Csrf> {
  const secret = Buffer.from(await insertSettingIfAbsent(store.db, 'csrf_secret', randomBytes(32).toString('base64url')), 'base64url');
  const token = (subject: string) => createHmac('sha256', secret).update(`csrf:${subject}`).digest('base64url');
  return {
    token,
    verify(subject, given) {
      if (typeof given !== 'string') return false;
      const want = Buffer.from(token(subject));
      const got = Buffer.from(given);
      return want.length === got.length && timingSafeEqual(want, got);
    },
  };
}

/**
 * False when the request comes from another site. Browsers that send Fetch Metadata say so in
 * Sec-Fetch-Site, and that decides: under our `Referrer-Policy: no-referrer` they send
 * `Origin: null` even for a form on our own page. Otherwise the Origin (or, lacking it, the
 * Referer) must name the host asked.
 */
export function sameOrigin(headers: {
  origin?: string | undefined;
  referer?: string | undefined;
  host?: string | undefined;
  fetchSite?: string | undefined;
}): boolean {
  if (headers.fetchSite !== undefined) return headers.fetchSite === 'same-origin';
  const from = headers.origin ?? headers.referer;
  if (from === undefined || from === 'null') return from === undefined;
  try {
    return new URL(from).host === headers.host;
  } catch {
    return false;
  }
}
