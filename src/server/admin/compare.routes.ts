/**
 * HTTP for a unit's "compare yourself" page as the survey team sees it:
 * `GET /runde/:year/enhet/:number/sammenlign?rolle=ROLE` (the first questionnaire of the unit
 * when no role is given). Behind the login like every admin page.
 */
import type { Hono } from 'hono';
import { compare } from '../../analysis/compare.ts';
import { type Role, roles } from '../../questionnaire/model.ts';
import { getUnit } from '../../registry/registry.service.ts';
import { getRound, roundUnits } from '../../round/round.service.ts';
import { invalid, notFound } from '../../shared/errors.ts';
import { msg } from '../../shared/i18n/message.ts';
import type { Store } from '../../store/store.ts';
import type { AdminEnv } from './auth.ts';
import { adminComparePage } from './compare.pages.ts';
import { yearParam } from './monitor.routes.ts';

export function compareRoutes(app: Hono<AdminEnv>, store: Store): void {
  app.get('/runde/:year/enhet/:number/sammenlign', async (c) => {
    const year = yearParam(c);
    const round = await getRound(store, year);
    const unit = await getUnit(store, round.registryYear, c.req.param('number'));
    const asked = c.req.query('rolle');
    if (asked !== undefined && !(roles as readonly string[]).includes(asked)) throw invalid(msg('web.unknown_role', { role: asked }));
    const available: Role[] = [];
    for (const role of roles) if ((await roundUnits(store, year, role)).includes(unit.number)) available.push(role);
    const role = (asked as Role | undefined) ?? available[0];
    if (!role || !available.includes(role))
      throw notFound(msg('web.unit_no_questionnaire', { number: unit.number, name: unit.name, role: role ?? '', year }));
    return c.html(adminComparePage(await compare(store, year, role, unit.number), available, c.get('viewer')));
  });
}
