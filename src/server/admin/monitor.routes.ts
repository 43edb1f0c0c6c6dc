/**
 * HTTP for monitoring: the dashboard of a round, the list of who to chase (and its CSV).
 */
import type { Context, Hono } from 'hono';
import { type ChaseFilter, chaseList, ratesBy, roundStatus, submissionsPerDay } from '../../monitor/monitor.service.ts';
import { type Role, roles } from '../../questionnaire/model.ts';
import { listGroupings } from '../../registry/grouping.service.ts';
import { getRound, isOpen, listRounds } from '../../round/round.service.ts';
import type { Clock } from '../../shared/clock.ts';
import { csvLine, spreadsheetText } from '../../shared/csv.ts';
import { invalid } from '../../shared/errors.ts';
import { msg } from '../../shared/i18n/message.ts';
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
        },
        c.get('viewer'),
      ),
    );
  });

  app.get('/runde/:year/purreliste', async (c) => {
    const year = yearParam(c);
    const filter = chaseFilter(c);
    const all = await chaseList(store, year);
    const counties = [...new Set(all.map((e) => e.county))].sort((a, b) => a.localeCompare(b, 'nb'));
    return c.html(chasePage(year, await chaseList(store, year, filter), filter, counties, c.get('viewer')));
  });

  // The work list for phoning; no names or e-mail addresses leave the system, only the unit's
  // role and the phone number to call.
  app.get('/runde/:year/purreliste.csv', async (c) => {
    const year = yearParam(c);
    const entries = await chaseList(store, year, chaseFilter(c));
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
      ]),
    );
    return c.body(`\uFEFF${[csvLine(header), ...lines].join('\r\n')}\r\n`, 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="purreliste-${year}.csv"`,
    });
  });
}
