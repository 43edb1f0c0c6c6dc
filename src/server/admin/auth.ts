/**
 * Login for the survey team: the login page, logout, and the guard in front of every admin page.
 * A session is a random id in an HttpOnly, SameSite=Lax cookie; every admin POST needs the
 * session's CSRF token and a same-origin request; analysts may read but not change anything (they
 * may step through the questionnaire preview, which saves nothing);
 * failed logins are rate limited per address and per e-mail.
 */
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, Hono, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { authenticate, endSession, sessionHours, sessionUser, startSession, type User } from '../../auth/user.service.ts';
import type { Clock } from '../../shared/clock.ts';
import type { Store } from '../../store/store.ts';
import { type Csrf, sameOrigin } from '../csrf.ts';
import { html } from '../html.ts';
import { page, type Viewer } from '../layout.ts';
import { rateLimiter } from '../rate-limit.ts';

export interface AdminEnv {
  Variables: { user: User; viewer: Viewer };
}

export interface AdminAuthOptions {
  readonly clock: Clock;
  readonly csrf: () => Promise<Csrf>;
  readonly secureCookies: boolean;
  /** Paths reachable without login (prefix match on `path/`). */
  readonly publicPaths: readonly string[];
}

const cookieName = 'kp_session';

function address(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

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

const safeNext = (next: string | undefined) => (next?.startsWith('/') && !next.startsWith('//') ? next : '/');

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
  const byAddress = rateLimiter(20, 15 * 60_000);
  const byEmail = rateLimiter(10, 15 * 60_000);
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'Lax' as const, secure: opts.secureCookies, maxAge: sessionHours * 3600 };

  app.get('/logg-inn', (c) => c.html(loginPage(safeNext(c.req.query('neste')), '', null)));
  app.post('/logg-inn', async (c) => {
    const body = await c.req.parseBody();
    const email = typeof body.email === 'string' ? body.email.trim() : '';
    const password = typeof body.password === 'string' ? body.password : '';
    const next = safeNext(typeof body.neste === 'string' ? body.neste : undefined);
    if (!fromHere(c)) {
      return forbidden(c, 'Skjemaet kom fra et annet nettsted.');
    }
    const ip = address(c);
    if (byAddress.blocked(ip) || byEmail.blocked(email.toLowerCase())) {
      return c.html(loginPage(next, email, 'For mange mislykkede forsøk. Vent et kvarter og prøv igjen.'), 429);
    }
    const user = await authenticate(store, email, password);
    if (!user) {
      byAddress.hit(ip);
      byEmail.hit(email.toLowerCase());
      return c.html(loginPage(next, email, 'Feil e-post eller passord.'), 401);
    }
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
