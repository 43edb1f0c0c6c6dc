/**
 * The web application (Hono): security headers, body limits, the respondents' forms under /s
 * (reached by personal link only), the login, and the survey team's pages behind it. Pages are
 * rendered on the server and work without JavaScript. Nothing here may be cached: the team's
 * pages show names, e-mails and phone numbers, and the respondents' pages their answers.
 */
import { type Context, Hono } from 'hono';
import type { Config } from '../config/config.ts';
import type { CaptureSmtp } from '../outreach/capture-smtp.ts';
import { clockFrom, systemClock } from '../shared/clock.ts';
import { AppError } from '../shared/errors.ts';
import { html } from '../shared/html.ts';
import type { Store } from '../store/store.ts';
import { type AdminEnv, adminAuth } from './admin/auth.ts';
import { compareRoutes } from './admin/compare.routes.ts';
import { exportRoutes } from './admin/export.routes.ts';
import { monitorRoutes, yearParam } from './admin/monitor.routes.ts';
import { outreachRoutes } from './admin/outreach.routes.ts';
import { questionnaireEditorRoutes } from './admin/questionnaire.routes.ts';
import { reportEditorRoutes } from './admin/report.editor.routes.ts';
import { reportRoutes } from './admin/report.routes.ts';
import { roundSetupRoutes } from './admin/setup.routes.ts';
import { unitRoutes } from './admin/unit.routes.ts';
import { BodyTooLargeError, bodyLimit, isUnreadableBody, tooLarge, unreadableBody } from './body-limit.ts';
import { clientAddress, proxyTrust } from './client-address.ts';
import { type Csrf, loadCsrf } from './csrf.ts';
import { contentSecurityPolicy, page } from './layout.ts';
import { overviewPage, registryPage } from './overview.pages.ts';
import type { LoginLimits } from './rate-limit.ts';
import { accessibilityRoutes } from './respondent/accessibility.ts';
import { respondentRoutes } from './respondent/routes.ts';
import { textHygiene } from './text-hygiene.ts';

export interface AppOptions {
  /** The demo's loopback mail server, whose captured mails an admin page shows. */
  readonly capture?: CaptureSmtp;
  /** The rate limiters' clock in milliseconds (tests move it); the wall clock by default. */
  readonly now?: () => number;
  /** The login limits, when not the defaults of rate-limit.ts (tests lower them). */
  readonly loginLimits?: LoginLimits;
}

const abortCodes = new Set(['ECONNRESET', 'ECONNABORTED', 'EPIPE', 'ERR_STREAM_PREMATURE_CLOSE']);

/** True for the error a request body gives when the client closed the connection while sending it. */
function clientClosed(err: unknown): boolean {
  for (let e = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (e.name === 'AbortError' || abortCodes.has(String((e as { code?: unknown }).code))) return true;
  }
  return false;
}

/** The path for a log line; a respondent's link is a secret and never logged. */
const loggablePath = (c: Context) => c.req.path.replace(/^\/s\/[^/]+/, '/s/…');

export function createApp(store: Store, cfg: Config, options: AppOptions = {}): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  let csrfPromise: Promise<Csrf> | undefined;
  const csrf = () => {
    csrfPromise ??= loadCsrf(store);
    return csrfPromise;
  };
  const clock = cfg.clockStart ? clockFrom(cfg.clockStart) : systemClock;
  const trust = proxyTrust(cfg.trustedProxies);
  const addressOf = (c: Context) => clientAddress(c, trust);
  const now = options.now ?? Date.now;

  app.use('*', async (c, next) => {
    await next();
    if (!c.res.headers.has('Content-Security-Policy')) c.header('Content-Security-Policy', contentSecurityPolicy);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('X-Frame-Options', 'DENY');
    if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store');
  });
  // Before the admin guard, which reads every POST's body for the CSRF token.
  app.use('*', bodyLimit());
  app.use(
    '*',
    adminAuth(app, store, {
      clock,
      csrf,
      secureCookies: cfg.secureCookies,
      publicPaths: ['/s', '/health', '/logg-inn', '/favicon.ico', '/tilgjengelighet'],
      clientAddress: addressOf,
      now,
      ...(options.loginLimits ? { loginLimits: options.loginLimits } : {}),
    }),
  );

  app.use('*', textHygiene()); // after the guard (logged-in POSTs only) and the body limit

  app.route('/s', respondentRoutes(store, { clock, csrf, secureCookies: cfg.secureCookies, clientAddress: addressOf, now }));
  app.get('/health', (c) => c.json({ ok: true, store: store.dialect }));
  accessibilityRoutes(app, cfg);
  app.get('/favicon.ico', (c) => c.body(null, 204));

  app.get('/', async (c) => c.html(await overviewPage(store, c.get('viewer'), clock())));
  monitorRoutes(app, store, clock);
  unitRoutes(app, store, cfg, clock);
  compareRoutes(app, store);
  outreachRoutes(app, store, { cfg, clock, ...(options.capture ? { capture: options.capture } : {}) });
  questionnaireEditorRoutes(app, store, clock);
  roundSetupRoutes(app, store, clock);
  reportRoutes(app, store, cfg, clock);
  reportEditorRoutes(app, store, clock);
  exportRoutes(app, store);
  app.get('/registry/:year', async (c) => c.html(await registryPage(store, yearParam(c), c.req.query('q') ?? '', c.get('viewer'))));

  app.notFound((c) =>
    c.html(page('Fant ikke siden', html`<h1>Fant ikke siden</h1><p>Siden finnes ikke.</p><p><a href="/">Til forsiden</a></p>`), 404),
  );
  app.onError((err, c) => {
    if (err instanceof BodyTooLargeError) return tooLarge(c, err.limit);
    if (isUnreadableBody(err)) return unreadableBody(c);
    if (clientClosed(err)) {
      // Nobody is left to answer; one line instead of a stack for something that is not a bug.
      console.warn(`${c.req.method} ${loggablePath(c)}: the client closed the connection before the request was read`);
      return c.body(null, 400);
    }
    if (err instanceof AppError) {
      // The team's pages are bokmål; `message` is the English wording for logs and the CLI.
      return c.html(
        page('Feil', html`<h1>Noe gikk galt</h1><p>${err.text('nb')}</p><p><a href="/">Til forsiden</a></p>`, c.get('viewer')),
        err.status as 400,
      );
    }
    console.error(err);
    return c.html(page('Feil', html`<h1>Noe gikk galt</h1><p>En uventet feil oppstod. Prøv igjen senere.</p>`, c.get('viewer')), 500);
  });
  return app;
}
