/**
 * HTTP for the questionnaire editor of a round and role (`/runde/:year/skjema/:role`): the
 * overview, editing and adding questions (with the condition rows' add/remove/"Velg" steps, which
 * only re-draw the page), moving and deleting them, adding sections (renaming, moving and removing
 * them: questionnaire.sections.ts), export and import, and the preview. Every change goes through
 * saveRoundQuestionnaire, which validates, refuses structural changes once the window has opened,
 * and logs what changed.
 */
import type { Context, Hono } from 'hono';
import YAML from 'yaml';
import { diffQuestionnaires, trendWarnings } from '../../questionnaire/diff.ts';
import {
  addSection,
  followUpsBeforeTrigger,
  moveQuestion,
  placeQuestion,
  removeQuestion,
  replaceQuestion,
} from '../../questionnaire/edit.ts';
import { type Question, type Questionnaire, type Role, roles } from '../../questionnaire/model.ts';
import { parseQuestionnaire } from '../../questionnaire/validate.ts';
import { earlierQuestionnaires, registryAttributes } from '../../round/questionnaire-edit.service.ts';
import { getRound, type Round, roundQuestionnaire } from '../../round/round.service.ts';
import { questionnaireLog, saveRoundQuestionnaire } from '../../round/round-setup.ts';
import type { Clock } from '../../shared/clock.ts';
import { AppError, invalid, notFound } from '../../shared/errors.ts';
import { msg } from '../../shared/i18n/message.ts';
import { readStructured } from '../../shared/structured.ts';
import { formatOsloDate } from '../../shared/time.ts';
import type { Store } from '../../store/store.ts';
import type { AdminEnv } from './auth.ts';
import { yearParam } from './monitor.routes.ts';
import { addRow, removeRow, rowAction } from './questionnaire.conditions.ts';
import { type EditView, editPage } from './questionnaire.edit.pages.ts';
import { blankForm, formToQuestion, one, questionToForm, questionTypes, type Raw } from './questionnaire.form.ts';
import { confirmDeletePage, editorBase, type OverviewView, overviewPage, type PageError } from './questionnaire.pages.ts';
import { previewRoutes } from './questionnaire.preview.ts';
import { sectionRoutes } from './questionnaire.sections.ts';
import { editorHeaders } from './questionnaire.style.ts';
import { followUpOrderMessage, frozenMessage, warningInWords } from './questionnaire.words.ts';

const notices: Record<string, string> = {
  sporsmal: 'Spørsmålet er lagret.',
  flyttet: 'Spørsmålet er flyttet.',
  slettet: 'Spørsmålet er slettet.',
  seksjon: 'Seksjonen er lagt til.',
  seksjonsnavn: 'Seksjonen er endret.',
  seksjon_flyttet: 'Seksjonen er flyttet.',
  seksjon_slettet: 'Seksjonen er slettet.',
  import: 'Filen er importert.',
  uendret: 'Ingenting var endret.',
};

function roleParam(c: Context): Role {
  const r = c.req.param('role') ?? '';
  if (!(roles as readonly string[]).includes(r)) throw notFound(msg('web.unknown_role', { role: r }));
  return r as Role;
}

async function formBody(c: Context): Promise<Raw> {
  const raw: Raw = {};
  for (const [k, v] of Object.entries(await c.req.parseBody({ all: true }))) {
    if (typeof v === 'string') raw[k] = v;
    else if (Array.isArray(v)) raw[k] = v.filter((x): x is string => typeof x === 'string');
  }
  return raw;
}

export function questionnaireEditorRoutes(app: Hono<AdminEnv>, store: Store, clock: Clock): void {
  app.use('/runde/:year/skjema/*', editorHeaders);

  async function load(c: Context<AdminEnv>) {
    const year = yearParam(c);
    const role = roleParam(c);
    const round = await getRound(store, year);
    const qn = await roundQuestionnaire(store, year, role);
    return { year, role, round, qn, frozen: clock() >= round.opensAt, base: editorBase(year, role) };
  }

  async function warnings(year: number, role: Role, qn: Questionnaire): Promise<string[]> {
    return trendWarnings(await earlierQuestionnaires(store, year, role), qn).map(warningInWords);
  }

  async function overview(c: Context<AdminEnv>, extra: Partial<OverviewView> = {}, status: 200 | 409 | 422 = 200) {
    const { year, role, round, qn, frozen } = await load(c);
    const saved = c.req.query('lagret') ?? '';
    const view: OverviewView = {
      round,
      role,
      qn,
      frozen,
      log: await questionnaireLog(store, year, role),
      ...(notices[saved] ? { notice: notices[saved], warnings: await warnings(year, role, qn) } : {}),
      ...extra,
    };
    return c.html(overviewPage(view, c.get('viewer')), status);
  }

  /** Saves through the round's rules; a refusal comes back as the page's error summary. */
  async function save(
    c: Context<AdminEnv>,
    round: Round,
    role: Role,
    current: Questionnaire,
    next: Questionnaire,
  ): Promise<{ changed: boolean } | { error: PageError; status: 409 | 422 }> {
    try {
      const r = await saveRoundQuestionnaire(store, round.year, role, next, c.get('user').name, clock());
      return { changed: r.changes.length > 0 };
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      if (e.code === 'conflict') {
        const structural = diffQuestionnaires(current, parseQuestionnaire(next, role)).filter((x) => x.kind === 'structure');
        return {
          error: { title: 'Endringen ble ikke lagret', messages: [frozenMessage(formatOsloDate(round.opensAt), structural)] },
          status: 409,
        };
      }
      if (e.code === 'invalid_input')
        return {
          error: {
            title: 'Endringen ble ikke lagret fordi skjemaet da ikke ville vært gyldig',
            messages: e.texts('nb').slice(0, 6),
          },
          status: 422,
        };
      throw e;
    }
  }

  const done = (c: Context, base: string, what: string, anchor = '') => c.redirect(`${base}?lagret=${what}${anchor}`, 303);

  app.get('/runde/:year/skjema/:role', (c) => overview(c));

  app.get('/runde/:year/skjema/:role/eksport.:ext{(yaml|json)}', async (c) => {
    const { year, role, qn } = await load(c);
    const json = c.req.param('ext') === 'json';
    const body = json ? `${JSON.stringify(qn, null, 2)}\n` : YAML.stringify(qn, { lineWidth: 0 });
    return c.body(body, 200, {
      'Content-Type': json ? 'application/json; charset=utf-8' : 'application/yaml; charset=utf-8',
      'Content-Disposition': `attachment; filename="sporreskjema-${year}-${role}.${json ? 'json' : 'yaml'}"`,
    });
  });

  app.post('/runde/:year/skjema/:role/import', async (c) => {
    const { role, round, qn, base } = await load(c);
    const file = (await c.req.parseBody()).fil;
    let data: unknown;
    try {
      if (!(file instanceof File) || file.size === 0) throw invalid(msg('web.choose_yaml'));
      data = readStructured(Buffer.from(await file.arrayBuffer()), file.name);
      const fileRole = (data as { role?: unknown } | null)?.role;
      if (typeof fileRole === 'string' && fileRole !== role) throw invalid(msg('round.wrong_role_file', { fileRole, role }));
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      return overview(c, { error: { title: 'Filen ble ikke importert', messages: e.texts('nb') } }, 422);
    }
    const r = await save(c, round, role, qn, data as Questionnaire);
    if ('error' in r) return overview(c, { error: { ...r.error, title: 'Filen ble ikke importert. Ingenting er endret.' } }, r.status);
    return done(c, base, r.changed ? 'import' : 'uendret');
  });

  app.post('/runde/:year/skjema/:role/seksjon', async (c) => {
    const { role, round, qn, base } = await load(c);
    const body = await formBody(c);
    const key = one(body, 'nokkel');
    const title = one(body, 'tittel');
    const problems: string[] = [];
    if (!/^[a-z][a-z0-9_]*$/.test(key)) problems.push('Skriv en nøkkel med små bokstaver a–z, tall og _, som begynner med en bokstav.');
    else if (qn.sections.some((s) => s.key === key)) problems.push(`Seksjonen ${key} finnes allerede.`);
    if (title === '') problems.push('Skriv en tittel på seksjonen.');
    if (problems.length > 0) return overview(c, { error: { title: 'Seksjonen ble ikke lagt til', messages: problems } }, 422);
    const r = await save(c, round, role, qn, addSection(qn, { key, title }));
    if ('error' in r) return overview(c, { error: r.error }, r.status);
    return done(c, base, 'seksjon', `#s-${key}`);
  });

  async function edit(
    c: Context<AdminEnv>,
    existing: Question | undefined,
    raw: Raw,
    extra: Partial<EditView> = {},
    status: 200 | 409 | 422 = 200,
  ) {
    const { year, role, qn, frozen } = await load(c);
    const view: EditView = {
      year,
      role,
      qn,
      raw,
      frozen,
      attributes: await registryAttributes(store, year),
      problems: [],
      ...(existing ? { existing } : {}),
      ...extra,
    };
    return c.html(editPage(view, c.get('viewer')), status);
  }

  async function submitted(c: Context<AdminEnv>, existing: Question | undefined) {
    const { year, role, round, qn, base } = await load(c);
    const raw = await formBody(c);
    const handling = one(raw, 'handling');
    if (handling === 'velg') return edit(c, existing, raw);
    const step = rowAction(handling);
    if (step && 'add' in step)
      return edit(c, existing, addRow(raw, step.kind), { notice: 'Et tomt vilkår er lagt til. Fyll det ut og trykk «Lagre».' });
    if (step)
      return edit(c, existing, removeRow(raw, step.kind, step.remove), {
        notice: 'Vilkåret er fjernet. Trykk «Lagre» for å lagre endringen.',
      });
    const key = existing?.key;
    const earlier = (await earlierQuestionnaires(store, year, role)).flatMap((e) =>
      e.questionnaire.questions.filter((q) => q.key === (key ?? one(raw, 'nokkel'))),
    );
    const read = formToQuestion(raw, { qn, ...(existing ? { existing } : {}), earlier, attributes: await registryAttributes(store, year) });
    if (!read.question) return edit(c, existing, raw, { problems: read.problems }, 422);
    const next = existing ? replaceQuestion(qn, read.question) : placeQuestion(qn, read.question);
    const r = await save(c, round, role, qn, next);
    if ('error' in r) return edit(c, existing, raw, { error: r.error }, r.status);
    return done(c, base, r.changed ? 'sporsmal' : 'uendret', `#q-${read.question.key}`);
  }

  async function question(c: Context<AdminEnv>): Promise<Question> {
    const { qn } = await load(c);
    const q = qn.questions.find((x) => x.key === c.req.param('key'));
    if (!q) throw notFound(msg('web.no_question', { key: c.req.param('key') ?? '' }));
    return q;
  }

  app.get('/runde/:year/skjema/:role/nytt', async (c) => {
    const { qn } = await load(c);
    const [type = '', matrix] = (c.req.query('type') ?? '').split('-');
    const section = qn.sections.find((s) => s.key === c.req.query('seksjon'))?.key ?? (qn.sections[0]?.key as string);
    if (!questionTypes.includes(type as Question['type'])) throw invalid(msg('web.choose_question_type'));
    return edit(c, undefined, blankForm(type as Question['type'], section, matrix === 'alternativer' ? 'alternativer' : 'skala'));
  });
  app.post('/runde/:year/skjema/:role/nytt', (c) => submitted(c, undefined));

  app.get('/runde/:year/skjema/:role/sporsmal/:key', async (c) => {
    const q = await question(c);
    return edit(c, q, questionToForm(q));
  });
  app.post('/runde/:year/skjema/:role/sporsmal/:key', async (c) => submitted(c, await question(c)));

  app.post('/runde/:year/skjema/:role/sporsmal/:key/handling', async (c) => {
    const { role, round, qn, base } = await load(c);
    const q = await question(c);
    const body = await formBody(c);
    const what = one(body, 'handling');
    if (what === 'slett' && one(body, 'bekreft') !== '1') return c.html(confirmDeletePage(round.year, role, qn, q, c.get('viewer')));
    const next =
      what === 'slett'
        ? removeQuestion(qn, q.key)
        : what === 'opp' || what === 'ned'
          ? moveQuestion(qn, q.key, what === 'opp' ? 'up' : 'down')
          : qn;
    const misplaced = what === 'slett' ? [] : followUpsBeforeTrigger(next);
    if (misplaced.length > 0)
      return overview(
        c,
        { error: { title: 'Spørsmålet ble ikke flyttet', messages: misplaced.map((m) => followUpOrderMessage(qn, m)) } },
        422,
      );
    const r = await save(c, round, role, qn, next);
    if ('error' in r) return overview(c, { error: r.error }, r.status);
    return done(c, base, what === 'slett' ? 'slettet' : 'flyttet', what === 'slett' ? '' : `#q-${q.key}`);
  });

  sectionRoutes(app, { load, save, overview, done });
  previewRoutes(app, store);
}
