/**
 * HTTP for a unit's page: show it, save its contact, record a follow-up, send a reminder now.
 */
import type { Context, Hono } from 'hono';
import { responseState } from '../../collect/response.service.ts';
import type { Config } from '../../config/config.ts';
import { followupsOf, recordFollowup } from '../../monitor/followup.service.ts';
import { contactProblems } from '../../outreach/contact.csv.ts';
import { contactHistory, updateContact } from '../../outreach/contact.service.ts';
import { listOutbox, queueManual } from '../../outreach/outbox.service.ts';
import { type Role, roles } from '../../questionnaire/model.ts';
import { getUnit } from '../../registry/registry.service.ts';
import { getRound, roundUnits } from '../../round/round.service.ts';
import type { Clock } from '../../shared/clock.ts';
import { AppError, invalid } from '../../shared/errors.ts';
import { msg } from '../../shared/i18n/message.ts';
import type { Store } from '../../store/store.ts';
import type { AdminEnv } from './auth.ts';
import { yearParam } from './monitor.routes.ts';
import { type FormErrors, type RoleView, unitPage } from './unit.pages.ts';

const contactMessages: Record<string, string> = {
  navn: 'Skriv navnet (høyst 200 tegn)',
  epost: 'Skriv en gyldig e-postadresse, for eksempel navn@kommune.no',
  telefon: 'Skriv et gyldig telefonnummer, for eksempel +47 912 34 567, eller la feltet stå tomt',
};

const notices: Record<string, string> = {
  kontakt: 'Kontaktpersonen er lagret.',
  oppfolging: 'Oppfølgingen er registrert.',
  send: 'Påminnelsen er lagt i utsendingskøen og sendes om kort tid.',
};

export function unitRoutes(app: Hono<AdminEnv>, store: Store, cfg: Config, clock: Clock): void {
  async function render(c: Context<AdminEnv>, errors?: FormErrors) {
    const year = yearParam(c);
    const number = c.req.param('number') ?? '';
    const round = await getRound(store, year);
    const unit = await getUnit(store, round.registryYear, number);
    const followups = await followupsOf(store, year, unit.number);
    const views: RoleView[] = [];
    for (const role of roles) {
      if (!(await roundUnits(store, year, role)).includes(unit.number)) continue;
      views.push({
        role,
        response: await responseState(store, year, role, unit.number),
        contacts: await contactHistory(store, unit.number, role),
        mails: await listOutbox(store, year, { unitNumber: unit.number, role }),
        followups: followups.filter((f) => f.role === role),
      });
    }
    const notice = notices[c.req.query('lagret') ?? ''];
    return c.html(unitPage(year, unit, views, c.get('viewer'), errors, notice), errors ? 422 : 200);
  }

  async function posted(c: Context<AdminEnv>): Promise<{ year: number; number: string; role: Role; body: Record<string, string> }> {
    const raw = await c.req.parseBody();
    const body: Record<string, string> = {};
    for (const [k, v] of Object.entries(raw)) if (typeof v === 'string') body[k] = v.trim();
    const role = body.rolle;
    if (!role || !(roles as readonly string[]).includes(role)) throw invalid(msg('web.unknown_role', { role: role ?? '' }));
    return { year: yearParam(c), number: c.req.param('number') ?? '', role: role as Role, body };
  }

  const back = (c: Context, year: number, number: string, what: string, role: Role) =>
    c.redirect(`/runde/${year}/enhet/${number}?lagret=${what}#h-${role}`, 303);

  app.get('/runde/:year/enhet/:number', (c) => render(c));

  app.post('/runde/:year/enhet/:number/kontakt', async (c) => {
    const { year, number, role, body } = await posted(c);
    const fields = { name: body.navn ?? '', email: body.epost ?? '', phone: body.telefon ?? '' };
    const problems = contactProblems(fields).map(([field]) => ({ field, message: contactMessages[field] ?? field }));
    if (problems.length > 0) return render(c, { role, form: 'kontakt', problems, values: body });
    await updateContact(store, { unitNumber: number, role, ...fields, phone: fields.phone || null, year }, c.get('user').name, clock());
    return back(c, year, number, 'kontakt', role);
  });

  app.post('/runde/:year/enhet/:number/oppfolging', async (c) => {
    const { year, number, role, body } = await posted(c);
    const channel = body.kanal === 'email' || body.kanal === 'other' ? body.kanal : 'phone';
    if (!body.utfall)
      return render(c, { role, form: 'oppfolging', problems: [{ field: 'utfall', message: 'Skriv hva utfallet ble' }], values: body });
    if (body.utfall.length > 200)
      return render(c, {
        role,
        form: 'oppfolging',
        problems: [{ field: 'utfall', message: 'Utfallet kan ha høyst 200 tegn; skriv mer i notatet' }],
        values: body,
      });
    await recordFollowup(store, year, number, { role, channel, outcome: body.utfall, note: body.notat ?? '' }, c.get('user').name, clock());
    return back(c, year, number, 'oppfolging', role);
  });

  app.post('/runde/:year/enhet/:number/send', async (c) => {
    const { year, number, role } = await posted(c);
    try {
      await queueManual(store, year, [{ unitNumber: number, role }], 'reminder', c.get('user').name, clock(), cfg.baseUrl);
    } catch (e) {
      if (e instanceof AppError && e.code !== 'not_found')
        throw new AppError(e.code, msg('web.reminder_not_sent', { why: e.problem }), e.more);
      throw e;
    }
    return back(c, year, number, 'send', role);
  });
}
