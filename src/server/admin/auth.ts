/**
 * Login for the survey team: the login page, logout, and the guard in front of every admin page.
 * A session is a random id in an HttpOnly, SameSite=Lax cookie; every admin POST needs the
 * session's CSRF token and a same-origin request; analysts may read but not change anything (they
 * may step through the questionnaire preview, which saves nothing). The body of a POST is read
 * only after the session is known (body-limit.ts caps it in front of this guard).
 *
 * Failed logins are limited so that guessing is slow but nobody can lock a real user out for long
 * (loginThrottle in rate-limit.ts; the address is the client's, behind a trusted proxy too):
 * - per (account, address), strictly: 5 failures in 15 minutes and that address waits out the
 *   window for that account. This is what stops one guesser, and it touches only the guesser.
 * - per address across accounts: 30 failures in 15 minutes and the address waits for every
 *   account, so one address cannot try a few passwords on many accounts either.
 * - per account across addresses: 100 failures in 15 minutes. One address can never get there
 *   (it stops at 30), so a single attacker cannot lock an account at all; it takes a spread-out
 *   attack of 20 or more addresses. Even then only addresses that have not logged in to that
 *   account in the last 30 days wait, so the real user at their usual machine gets in, and a
 *   new machine waits at most until the window ends.
 * A refused attempt gets 429 and Retry-After without its password being checked, so it tells
 * nothing; a successful login clears its own (account, address) count.
 */
import type { Context, Hono, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { authenticate, endSession, sessionHours, sessionUser, startSession, type User } from '../../auth/user.service.ts';
import type { Clock } from '../../shared/clock.ts';
import { html } from '../../shared/html.ts';
import type { Store } from '../../store/store.ts';
import { type Csrf, sameOrigin } from '../csrf.ts';
import { page, type Viewer } from '../layout.ts';
import { type LoginLimits, loginThrottle, type Now } from '../rate-limit.ts';

export interface AdminEnv {
  Variables: { user: User; viewer: Viewer };
}

export interface AdminAuthOptions {
  readonly clock: Clock;
  readonly csrf: () => Promise<Csrf>;
  readonly secureCookies: boolean;
  /** Paths reachable without login (prefix match on `path/`). */
  readonly publicPaths: readonly string[];
  /** The client's address (client-address.ts), the key of the login limits. */
  readonly clientAddress: (c: Context) => string;
  /** The login limiter's clock in milliseconds. */
  readonly now?: Now;
  readonly loginLimits?: LoginLimits;
}

const cookieName = 'kp_session';

const fromHere = (c: Context) =>
  sameOrigin({
    origin: c.req.header('origin'),
    referer: c.req.header('referer'),
    host: c.req.header('host'),
    fetchSite: c.req.header('sec-fetch-site'),
  });

/**
 * The one kind of POST an analyst may make: stepping through the questionnaire preview
 * (questionnaire.preview.ts), which carries the answers in the page and saves nothing.
 */
const previewStep = /^\/runde\/\d+\/skjema\/[a-z_]+\/forhandsvis\/[^/]+\/(side\/[^/]+|send)$/;
export const analystMayPost = (path: string): boolean => previewStep.test(path);

/**
 * Where to go after the login: only a path on this site. Browsers read `\` as `/` and drop tabs
 * and newlines, so `/\evil.example` and `/<TAB>/evil.example` would leave the site; anything
 * with a backslash or a control character is refused, and so is a path that still starts with
 * `//` once the URL parser has normalised it (`/.//evil.example`).
 */
export function safeNext(next: string | undefined): string {
  if (next === undefined || !next.startsWith('/') || next.startsWith('//')) return '/';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  if (/[\\\u0000-\u001f\u007f-\u009f]/.test(next)) return '/';
  try {
    const base = 'http://kommunepuls.invalid';
    const url = new URL(next, base);
    if (url.origin !== base || url.pathname.startsWith('//')) return '/';
  } catch {
    return '/';
  }
  return next;
}

function loginPage(next: string, email: string, problem: string | null): string {
  return page(
    'Logg inn',
    html`<h1>Logg inn</h1>
${problem ? html`<div class="error-summary" role="alert" tabindex="-1"><h2>Innloggingen mislyktes</h2><p>${problem}</p></div>` : false}
<form class="stack" method="post" action="/logg-inn">
<input type="hidden" name="neste" value="${next}">
<label for="email">E-post</label><input id="email" name="email" type="email" autocomplete="username" value="${email}" required>
<label for="password">Passord</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<button class="primary" type="submit">Logg inn</button>
</form>`,
  );
}

function forbidden(c: Context, text: string) {
  return c.html(page('Ikke tillatt', html`<h1>Ikke tillatt</h1><p>${text}</p><p><a href="/">Til oversikten</a></p>`), 403);
}

export function adminAuth(app: Hono<AdminEnv>, store: Store, opts: AdminAuthOptions): MiddlewareHandler<AdminEnv> {
  const throttle = loginThrottle(opts.loginLimits, opts.now);
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'Lax' as const, secure: opts.secureCookies, maxAge: sessionHours * 3600 };

  app.get('/logg-inn', (c) => c.html(loginPage(safeNext(c.req.query('neste')), '', null)));
  app.post('/logg-inn', async (c) => {
    if (!fromHere(c)) {
      return forbidden(c, 'Skjemaet kom fra et annet nettsted.');
    }
    const body = await c.req.parseBody();
    const email = typeof body.email === 'string' ? body.email.trim() : '';
    const password = typeof body.password === 'string' ? body.password : '';
    const next = safeNext(typeof body.neste === 'string' ? body.neste : undefined);
    const account = email.toLowerCase();
    const ip = opts.clientAddress(c);
    const refused = throttle.refusal(account, ip);
    if (refused) {
      const minutes = Math.max(1, Math.ceil(refused.retryAfterMs / 60_000));
      const wait = `Vent ${minutes === 1 ? 'ett minutt' : `${minutes} minutter`} og prøv igjen.`;
      const why =
        refused.reason === 'account'
          ? `Det har vært for mange mislykkede forsøk på denne kontoen. ${wait} Fra en maskin du har logget inn fra før, kan du logge inn som vanlig.`
          : `For mange mislykkede forsøk. ${wait}`;
      return c.html(loginPage(next, email, why), 429, { 'Retry-After': String(Math.ceil(refused.retryAfterMs / 1000)) });
    }
    const user = await authenticate(store, email, password);
    if (!user) {
      throttle.failed(account, ip);
      return c.html(loginPage(next, email, 'Feil e-post eller passord.'), 401);
    }
    throttle.succeeded(account, ip);
    setCookie(c, cookieName, await startSession(store, user, opts.clock()), cookieOptions);
    return c.redirect(next, 303);
  });

  return async (c, next) => {
    const path = c.req.path;
    if (opts.publicPaths.some((p) => path === p || path.startsWith(`${p}/`))) return next();
    const sid = getCookie(c, cookieName);
    const user = await sessionUser(store, sid, opts.clock());
    if (!user || !sid) {
      if (c.req.method === 'GET' || c.req.method === 'HEAD')
        return c.redirect(`/logg-inn?neste=${encodeURIComponent(c.req.url.slice(c.req.url.indexOf(path)))}`, 303);
      return forbidden(c, 'Du er ikke logget inn.');
    }
    const csrf = await opts.csrf();
    const subject = `session:${sid}`;
    if (c.req.method === 'POST') {
      const body = await c.req.parseBody({ all: true });
      const token = typeof body._csrf === 'string' ? body._csrf : undefined;
      if (!fromHere(c) || !csrf.verify(subject, token)) {
        return forbidden(c, 'Skjemaet var utløpt eller kom fra et annet nettsted. Gå tilbake, last siden på nytt og prøv igjen.');
      }
      if (path === '/logg-ut') {
        await endSession(store, sid);
        deleteCookie(c, cookieName, { path: '/' });
        return c.redirect('/logg-inn', 303);
      }
      if (user.role !== 'admin' && !analystMayPost(path)) return forbidden(c, 'Du har lesetilgang og kan ikke endre noe.');
    }
    c.set('user', user);
    c.set('viewer', { name: user.name, role: user.role, csrf: csrf.token(subject) });
    return next();
  };
}
