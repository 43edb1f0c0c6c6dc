/**
 * HTTP for the report: the report page of a round, building it in the background, and serving
 * the newest build's HTML page, PDF and Word document (to logged-in users only).
 */
import type { Hono } from 'hono';
import type { Config } from '../../config/config.ts';
import { reportCssHash } from '../../report/render.ts';
import { definitionFor, latestDocuments, listBuilds, startBuild } from '../../report/report.service.ts';
import { getRound, listRounds } from '../../round/round.service.ts';
import type { Clock } from '../../shared/clock.ts';
import { notFound } from '../../shared/errors.ts';
import { msg } from '../../shared/i18n/message.ts';
import type { Store } from '../../store/store.ts';
import type { AdminEnv } from './auth.ts';
import { yearParam } from './monitor.routes.ts';
import { reportPage } from './report.pages.ts';

export function reportRoutes(app: Hono<AdminEnv>, store: Store, cfg: Config, clock: Clock): void {
  app.get('/rapport', async (c) => {
    const newest = (await listRounds(store)).at(-1);
    return c.redirect(newest ? `/runde/${newest.year}/rapport` : '/', 303);
  });

  app.get('/runde/:year/rapport', async (c) => {
    const year = yearParam(c);
    await getRound(store, year);
    return c.html(
      reportPage(year, await listBuilds(store, year), c.get('viewer'), {
        watching: c.req.query('oppdater') === '1',
        definition: (await definitionFor(store, year)).label,
      }),
    );
  });

  app.post('/runde/:year/rapport/bygg', async (c) => {
    const year = yearParam(c);
    const viewer = c.get('viewer');
    await startBuild(store, year, { pdf: true, docx: true, chromium: cfg.chromium, byUser: viewer.name, now: clock });
    return c.redirect(`/runde/${year}/rapport?oppdater=1`, 303);
  });

  app.get('/runde/:year/rapport/vis', async (c) => {
    const year = yearParam(c);
    const docs = await latestDocuments(store, year);
    if (!docs?.html) throw notFound(msg('web.report_not_built', { year }));
    c.header(
      'Content-Security-Policy',
      `default-src 'none'; style-src '${reportCssHash}'; img-src data:; frame-ancestors 'none'; base-uri 'none'`,
    );
    c.header('Cache-Control', 'no-store');
    return c.html(docs.html);
  });

  app.get('/runde/:year/rapport/pdf', async (c) => {
    const year = yearParam(c);
    const docs = await latestDocuments(store, year);
    if (!docs?.pdf) throw notFound(msg('web.report_no_pdf', { year }));
    c.header('Content-Type', 'application/pdf');
    c.header('Content-Disposition', `attachment; filename="rapport-${year}.pdf"`);
    c.header('Cache-Control', 'no-store');
    return c.body(new Uint8Array(docs.pdf));
  });

  app.get('/runde/:year/rapport/docx', async (c) => {
    const year = yearParam(c);
    const docs = await latestDocuments(store, year);
    if (!docs?.docx) throw notFound(msg('docx.not_built', { year }));
    c.header('Content-Type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    c.header('Content-Disposition', `attachment; filename="rapport-${year}.docx"`);
    c.header('Cache-Control', 'no-store');
    return c.body(new Uint8Array(docs.docx));
  });
}
