/**
 * HTTP for contacts and mail: import contacts, edit letters, send now, and the demo's captured mails.
 */
import type { Context, Hono } from 'hono';
import type { Config } from '../../config/config.ts';
import { chaseList } from '../../monitor/monitor.service.ts';
import type { CaptureSmtp } from '../../outreach/capture-smtp.ts';
import { currentContacts, importContacts } from '../../outreach/contact.service.ts';
import { listMailTemplates, resetMailTemplate, saveMailTemplate } from '../../outreach/mail-template.service.ts';
import { listOutbox, outboxStatus, queueManual } from '../../outreach/outbox.service.ts';
import { type Role, roles } from '../../questionnaire/model.ts';
import { getRound, listRounds, type Round, roundUnitCounts } from '../../round/round.service.ts';
import { changeRoundWindow } from '../../round/round-window.ts';
import type { Clock } from '../../shared/clock.ts';
import { AppError, invalid, notFound } from '../../shared/errors.ts';
import { msg } from '../../shared/i18n/message.ts';
import { formatOsloDate, osloMidnightUtc } from '../../shared/time.ts';
import type { Store } from '../../store/store.ts';
import type { AdminEnv } from './auth.ts';
import { capturedPage, contactsPage, outreachPage } from './outreach.pages.ts';

const longDate = (d: string) => formatOsloDate(osloMidnightUtc(d));

export interface OutreachWeb {
  readonly cfg: Config;
  readonly clock: Clock;
  /** The demo's loopback mail server, when it runs. */
  readonly capture?: CaptureSmtp;
}

async function roundOf(store: Store, c: Context): Promise<Round> {
  const asked = c.req.query('ar');
  if (asked && /^\d{4}$/.test(asked)) return getRound(store, Number(asked));
  const newest = (await listRounds(store)).at(-1);
  if (!newest) throw notFound(msg('web.no_round'));
  return newest;
}

const smtpDescription = (url: string | undefined) => {
  if (!url) return 'ingen e-posttjener (SMTP_URL er ikke satt, så ingenting sendes)';
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || (u.protocol === 'smtps:' ? 465 : 587)}`;
  } catch {
    return 'den oppsatte e-posttjeneren';
  }
};

export function outreachRoutes(app: Hono<AdminEnv>, store: Store, web: OutreachWeb): void {
  app.get('/kontakter', async (c) => {
    const round = await roundOf(store, c);
    const imported = c.req.query('importert')?.split('.').map(Number);
    return c.html(
      contactsPage(
        {
          round,
          contacts: await currentContacts(store, round.year),
          units: await roundUnitCounts(store, round.year),
          ...(imported && imported.length === 3
            ? { imported: { added: imported[0] ?? 0, changed: imported[1] ?? 0, unchanged: imported[2] ?? 0 } }
            : {}),
        },
        c.get('viewer'),
      ),
    );
  });

  app.post('/kontakter/import', async (c) => {
    const round = await roundOf(store, c);
    const body = await c.req.parseBody();
    const file = body.fil;
    try {
      if (!(file instanceof File) || file.size === 0) throw invalid(msg('web.choose_csv'));
      const r = await importContacts(store, round.year, Buffer.from(await file.arrayBuffer()), file.name, c.get('user').name, web.clock());
      return c.redirect(`/kontakter?ar=${round.year}&importert=${r.added}.${r.changed}.${r.unchanged}`, 303);
    } catch (e) {
      if (!(e instanceof AppError) || e.code !== 'invalid_input') throw e;
      const view = { round, contacts: await currentContacts(store, round.year), units: await roundUnitCounts(store, round.year) };
      return c.html(contactsPage({ ...view, problems: e.texts('nb') }, c.get('viewer')), 422);
    }
  });

  async function outreach(c: Context<AdminEnv>, extra: { notice?: string; error?: string } = {}, status: 200 | 422 = 200) {
    const round = await roundOf(store, c);
    return c.html(
      outreachPage(
        {
          round,
          status: await outboxStatus(store, round.year),
          templates: await listMailTemplates(store, round.year),
          recent: await listOutbox(store, round.year, { limit: 30 }),
          failed: await listOutbox(store, round.year, { status: 'failed', limit: 100 }),
          smtp: smtpDescription(web.cfg.smtpUrl),
          captured: web.capture !== undefined,
          opened: web.clock() >= round.opensAt,
          ...extra,
        },
        c.get('viewer'),
      ),
      status,
    );
  }

  app.get('/utsendelser', async (c) => {
    if (c.req.query('periode')) {
      const w = (await roundOf(store, c)).window;
      const again = c.req.query('periode') === 'gjenapnet' ? ' Undersøkelsen er åpen igjen.' : '';
      return outreach(c, { notice: `Svarperioden er nå ${longDate(w.opens)} – ${longDate(w.closes)}.${again}` });
    }
    const n = c.req.query('lagt_i_ko');
    return outreach(
      c,
      n ? { notice: `${n} e-poster er lagt i kø og sendes om kort tid.` } : c.req.query('lagret') ? { notice: 'Teksten er lagret.' } : {},
    );
  });

  app.post('/utsendelser/send', async (c) => {
    const round = await roundOf(store, c);
    const body = await c.req.parseBody();
    const kind = body.type === 'invitation' ? 'invitation' : 'reminder';
    const role = typeof body.rolle === 'string' && (roles as readonly string[]).includes(body.rolle) ? (body.rolle as Role) : undefined;
    const withContact = new Set((await currentContacts(store, round.year, role)).map((x) => `${x.role}:${x.unitNumber}`));
    const selection = (await chaseList(store, round.year, role ? { role } : {}))
      .filter((e) => withContact.has(`${e.role}:${e.unitNumber}`))
      .map((e) => ({ unitNumber: e.unitNumber, role: e.role }));
    if (selection.length === 0)
      return outreach(c, { error: 'Ingen å sende til: alle har sendt inn, eller ingen av dem har kontaktperson.' }, 422);
    try {
      const r = await queueManual(store, round.year, selection, kind, c.get('user').name, web.clock(), web.cfg.baseUrl);
      return c.redirect(`/utsendelser?ar=${round.year}&lagt_i_ko=${r.queued}`, 303);
    } catch (e) {
      if (e instanceof AppError && e.code === 'conflict') return outreach(c, { error: `Kan ikke sende: ${e.text('nb')}` }, 422);
      throw e;
    }
  });

  app.post('/utsendelser/periode', async (c) => {
    const round = await roundOf(store, c);
    const body = await c.req.parseBody();
    const field = (name: string) => (typeof body[name] === 'string' && body[name] !== '' ? (body[name] as string) : undefined);
    const opens = field('apner');
    const closes = field('slutter');
    try {
      const r = await changeRoundWindow(store, round.year, { ...(opens ? { opens } : {}), ...(closes ? { closes } : {}) }, web.clock());
      return c.redirect(`/utsendelser?ar=${round.year}&periode=${r.reopened ? 'gjenapnet' : 'endret'}`, 303);
    } catch (e) {
      if (e instanceof AppError && e.code === 'invalid_input')
        return outreach(c, { error: `Svarperioden ble ikke endret: ${e.text('nb')}` }, 422);
      throw e;
    }
  });

  app.post('/utsendelser/mal', async (c) => {
    const round = await roundOf(store, c);
    const body = await c.req.parseBody();
    const role = body.rolle;
    if (typeof role !== 'string' || !(roles as readonly string[]).includes(role))
      throw invalid(msg('web.unknown_role', { role: String(role ?? '') }));
    const kind = body.type === 'invitation' ? 'invitation' : 'reminder';
    try {
      if (body.handling === 'standard') await resetMailTemplate(store, round.year, role as Role, kind);
      else
        await saveMailTemplate(
          store,
          round.year,
          role as Role,
          kind,
          { subject: String(body.emne ?? '').trim(), body: String(body.tekst ?? '') },
          web.clock(),
        );
    } catch (e) {
      if (e instanceof AppError && e.code === 'invalid_input')
        return outreach(c, { error: `Teksten ble ikke lagret: ${e.text('nb')}` }, 422);
      throw e;
    }
    return c.redirect(`/utsendelser?ar=${round.year}&lagret=1`, 303);
  });

  app.get('/utsendelser/fanget', (c) => {
    if (!web.capture) throw notFound(msg('web.no_capture'));
    return c.html(capturedPage(web.capture.messages(), c.get('viewer')));
  });
}
