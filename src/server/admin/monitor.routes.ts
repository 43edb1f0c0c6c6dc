/**
 * HTTP for monitoring: the dashboard of a round, the list of who to chase (and its CSV).
 */
import type { Context, Hono } from 'hono';
import { formPages } from '../../monitor/form-pages.ts';
import { largestGaps, representativenessGaps } from '../../monitor/gaps.ts';
import { type ChaseFilter, chaseList, ratesBy, roundStatus, submissionsPerDay } from '../../monitor/monitor.service.ts';
import { type Role, roles } from '../../questionnaire/model.ts';
import { listGroupings } from '../../registry/grouping.service.ts';
import { getRound, isOpen, listRounds } from '../../round/round.service.ts';
import type { Clock } from '../../shared/clock.ts';
import { csvLine, spreadsheetText } from '../../shared/csv.ts';
import { invalid } from '../../shared/errors.ts';
import { msg, say } from '../../shared/i18n/message.ts';
import type { Store } from '../../store/store.ts';
import { roleName } from '../labels.ts';
import type { AdminEnv } from './auth.ts';
import { chasePage, dashboardPage } from './monitor.pages.ts';

export function yearParam(c: Context): number {
  const raw = c.req.param('year') ?? '';
  if (!/^\d{4}$/.test(raw)) throw invalid(msg('web.not_a_year', { raw }));
  return Number(raw);
}

function chaseFilter(c: Context): ChaseFilter {
  const role = c.req.query('rolle');
  const status = c.req.query('status');
  const county = c.req.query('fylke');
  return {
    ...(role && (roles as readonly string[]).includes(role) ? { role: role as Role } : {}),
    ...(status === 'not_started' || status === 'in_progress' ? { status } : {}),
    ...(county ? { county } : {}),
    ...(c.req.query('ikke_kontaktet') === '1' ? { notContacted: true } : {}),
  };
}

export function monitorRoutes(app: Hono<AdminEnv>, store: Store, clock: Clock): void {
  app.get('/runde', async (c) => {
    const newest = (await listRounds(store)).at(-1);
    return c.redirect(newest ? `/runde/${newest.year}` : '/', 303);
  });

  app.get('/runde/:year', async (c) => {
    const year = yearParam(c);
    const round = await getRound(store, year);
    const groupings = (await listGroupings(store)).map((g) => ({ key: g.grouping.key, label: g.grouping.label }));
    const asked = c.req.query('etter') ?? 'fylke';
    const by = asked === 'fylke' || groupings.some((g) => g.key === asked) ? asked : 'fylke';
    const now = clock();
    return c.html(
      dashboardPage(
        {
          round,
          status: await roundStatus(store, year, now),
          open: isOpen(round, now),
          now,
          autoRefresh: c.req.query('oppdater') === '1',
          by,
          groupings,
          rates: await ratesBy(store, year, by, now),
          days: await submissionsPerDay(store, year, now),
          gaps: (await representativenessGaps(store, year, now)).roles.map((g) => ({
            kind: g.kind,
            role: g.role,
            respondents: g.respondents,
            largest: largestGaps(g),
          })),
          pages: await formPages(store, year, now),
        },
        c.get('viewer'),
      ),
    );
  });

  app.get('/runde/:year/purreliste', async (c) => {
    const year = yearParam(c);
    const filter = chaseFilter(c);
    const now = clock();
    const all = await chaseList(store, year, {}, now);
    const counties = [...new Set(all.map((e) => e.county))].sort((a, b) => a.localeCompare(b, 'nb'));
    return c.html(chasePage(year, await chaseList(store, year, filter, now), filter, counties, now, c.get('viewer')));
  });

  // The work list for phoning, in the page's order with the reason; no names or e-mail addresses
  // leave the system, only the unit's role and the phone number to call.
  app.get('/runde/:year/purreliste.csv', async (c) => {
    const year = yearParam(c);
    const entries = await chaseList(store, year, chaseFilter(c), clock());
    const header = [
      'kommunenummer',
      'enhet',
      'fylke',
      'rolle',
      'status',
      'sist_lagret',
      'eposter_sendt',
      'siste_oppfolging',
      'utfall',
      'telefon',
      'prioritet',
      'folketall',
      'grunn',
    ];
    const lines = entries.map((e) =>
      csvLine([
        e.unitNumber,
        spreadsheetText(e.unitName),
        spreadsheetText(e.county),
        roleName(e.role),
        e.status === 'in_progress' ? 'påbegynt' : 'ikke påbegynt',
        e.lastSaved?.toISOString() ?? '',
        e.mailsSent,
        e.lastContact?.toISOString() ?? '',
        spreadsheetText(e.lastOutcome),
        spreadsheetText(e.phone),
        e.priority,
        e.population ?? '',
        spreadsheetText(e.reasons.map((m) => say(m, 'nb')).join('; ')),
      ]),
    );
    return c.body(`\uFEFF${[csvLine(header), ...lines].join('\r\n')}\r\n`, 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="purreliste-${year}.csv"`,
    });
  });
}
