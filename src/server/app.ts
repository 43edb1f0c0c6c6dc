/**
 * The web application (Hono): security headers, error mapping and the pages. Pages are rendered
 * on the server and work without JavaScript.
 */
import { Hono } from 'hono';
import type { Config } from '../config/config.ts';
import { clockFrom, systemClock } from '../shared/clock.ts';
import { AppError } from '../shared/errors.ts';
import type { Store } from '../store/store.ts';
import { type Csrf, loadCsrf } from './csrf.ts';
import { html } from './html.ts';
import { contentSecurityPolicy, page } from './layout.ts';
import { overviewPage, registryPage } from './overview.pages.ts';
import { respondentRoutes } from './respondent/routes.ts';

export function createApp(store: Store, cfg: Config): Hono {
  const app = new Hono();
  let csrf: Promise<Csrf> | undefined;
  const clock = cfg.clockStart ? clockFrom(cfg.clockStart) : systemClock;

  app.use('*', async (c, next) => {
    await next();
    if (!c.res.headers.has('Content-Security-Policy')) c.header('Content-Security-Policy', contentSecurityPolicy);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('X-Frame-Options', 'DENY');
  });

  app.route(
    '/s',
    respondentRoutes(store, {
      clock,
      csrf: () => {
        csrf ??= loadCsrf(store);
        return csrf;
      },
      secureCookies: cfg.secureCookies,
    }),
  );
  app.get('/health', (c) => c.json({ ok: true, store: store.dialect }));
  app.get('/', async (c) => c.html(await overviewPage(store)));
  app.get('/registry/:year', async (c) => c.html(await registryPage(store, Number(c.req.param('year')), c.req.query('q') ?? '')));

  app.notFound((c) =>
    c.html(page('Fant ikke siden', html`<h1>Fant ikke siden</h1><p>Siden finnes ikke.</p><p><a href="/">Til forsiden</a></p>`), 404),
  );
  app.onError((err, c) => {
    if (err instanceof AppError) {
      return c.html(page('Feil', html`<h1>Noe gikk galt</h1><p>${err.message}</p><p><a href="/">Til forsiden</a></p>`), err.status as 400);
    }
    console.error(err);
    return c.html(page('Feil', html`<h1>Noe gikk galt</h1><p>En uventet feil oppstod. Prøv igjen senere.</p>`), 500);
  });
  return app;
}
