/**
 * The questionnaire as a respondent of one unit sees it, without saving anything: the real form
 * pages (the respondent renderer, eligibility from the unit's registry attributes, follow-ups from
 * the answers), with the answers of every page carried from page to page in a hidden field and the
 * chosen language in a cookie. Analysts may post these pages too (see auth.ts): nothing is stored.
 */
import type { Context, Hono } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { eligibleQuestions, type FormContext, type FormState, pages as pagesOf, questionNumbers } from '../../collect/form.service.ts';
import { type RawForm, readSection } from '../../collect/form.ts';
import type { Answer } from '../../questionnaire/answer.ts';
import { type Language, type Role, roles } from '../../questionnaire/model.ts';
import { type Attributes, askedQuestions } from '../../questionnaire/routing.ts';
import { getRegistry, getUnit } from '../../registry/registry.service.ts';
import type { Unit } from '../../registry/registry.types.ts';
import { getRound, roundQuestionnaire, roundUnits } from '../../round/round.service.ts';
import { invalid } from '../../shared/errors.ts';
import { type Html, html } from '../../shared/html.ts';
import { msg } from '../../shared/i18n/message.ts';
import type { Store } from '../../store/store.ts';
import { roleName } from '../labels.ts';
import type { Viewer } from '../layout.ts';
import { respondentPolicy } from '../respondent/layout.ts';
import { reviewPage, sectionPage, type View } from '../respondent/pages.ts';
import type { AdminEnv } from './auth.ts';
import { yearParam } from './monitor.routes.ts';
import { editorBase } from './questionnaire.pages.ts';
import { editorPage } from './questionnaire.style.ts';

const stateField = 'forhandsvis';
const langCookie = 'kp_forhandsvis_sprak';

function roleParam(c: Context): Role {
  const r = c.req.param('role') ?? '';
  if (!(roles as readonly string[]).includes(r)) throw invalid(msg('web.unknown_role', { role: r }));
  return r as Role;
}

function pickerPage(year: number, role: Role, units: readonly Unit[], chosen: string, problem: string | null, viewer: Viewer): string {
  const base = editorBase(year, role);
  const body = html`<p><a href="${base}">Tilbake til spørreskjemaet</a></p>
<h1>Forhåndsvis skjemaet for ${roleName(role).toLowerCase()} (${year})</h1>
<p>Velg enheten du vil se skjemaet som. Spørsmål som bare gjelder noen enheter, vises bare når enheten oppfyller vilkåret. Ingenting du svarer, blir lagret.</p>
${problem ? html`<div class="error-summary" role="alert"><h2>Fant ikke enheten</h2><p>${problem}</p></div>` : false}
<form class="filters" method="get" action="${base}/forhandsvis"><label for="enhet">Enhet</label> <select id="enhet" name="enhet">${units.map(
    (u) =>
      u.number === chosen
        ? html`<option value="${u.number}" selected>${u.number} ${u.name}</option>`
        : html`<option value="${u.number}">${u.number} ${u.name}</option>`,
  )}</select> <button type="submit">Forhåndsvis</button></form>`;
  return editorPage('Forhåndsvis skjema', body, viewer);
}

/** Every answer the carried fields give, page by page, as the form would store them. */
function answersOf(ctx: FormContext, raw: RawForm): Map<string, Answer> {
  const out = new Map<string, Answer>();
  for (const s of ctx.questionnaire.sections) {
    for (const [k, a] of readSection(eligibleQuestions(ctx, s.key), raw).answers) if (a) out.set(k, a);
  }
  return out;
}

function carried(raw: RawForm): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(raw)) if (k.startsWith('q.')) out[k] = typeof v === 'string' ? v : [...v];
  return out;
}

function banner(year: number, role: Role, unit: Unit): Html {
  return html`<p class="notice" role="note"><strong>Forhåndsvisning</strong> som ${unit.number} ${unit.name}. Ingenting lagres. <a href="${editorBase(year, role)}/forhandsvis?enhet=${unit.number}">Begynn på nytt</a> · <a href="${editorBase(year, role)}">Tilbake til editoren</a></p>`;
}

/**
 * Makes a respondent page a preview page: the banner first in the main content, and nothing that
 * promises saving (the footer says answers are saved on every page; "save and continue later"
 * would save nothing here).
 */
const asPreview = (doc: string, b: Html) =>
  doc
    .replace('<main id="main">\n', `<main id="main">\n${b.value}`)
    .replace(/<footer>[\s\S]*?<\/footer>/, `<footer>${html`Forhåndsvisning: ingenting du svarer her, blir lagret.`.value}</footer>`)
    .replace(/<button type="submit" class="link" name="action" value="save">[^<]*<\/button>/, '');

/** The preview's language: asked for in the address (the language links), then kept in a cookie for the preview's pages. */
function previewLanguage(c: Context, ctx: FormContext): Language {
  const available: readonly Language[] = ctx.questionnaire.languages ?? ['nb'];
  const valid = (l: string | undefined): l is Language => l === 'nb' || (available as readonly string[]).includes(l ?? '');
  const asked = c.req.query('lang');
  if (valid(asked)) {
    setCookie(c, langCookie, asked, { path: `${editorBase(ctx.round.year, ctx.role)}/forhandsvis`, httpOnly: true, sameSite: 'Lax' });
    return asked;
  }
  const saved = getCookie(c, langCookie);
  return valid(saved) ? saved : 'nb';
}

export function previewRoutes(app: Hono<AdminEnv>, store: Store): void {
  async function context(c: Context<AdminEnv>, number: string): Promise<FormContext> {
    const year = yearParam(c);
    const role = roleParam(c);
    const round = await getRound(store, year);
    if (!(await roundUnits(store, year, role)).includes(number)) throw invalid(msg('web.not_round_unit', { number, year, role }));
    return {
      round,
      role,
      unit: await getUnit(store, round.registryYear, number),
      questionnaire: await roundQuestionnaire(store, year, role),
    };
  }

  function render(
    c: Context<AdminEnv>,
    ctx: FormContext,
    raw: RawForm,
    at: string | null,
    opts: { validate?: boolean; revealed?: string[] } = {},
  ) {
    const lang = previewLanguage(c, ctx);
    const state = carried(raw);
    const view: View = {
      ctx,
      lang,
      base: `${editorBase(ctx.round.year, ctx.role)}/forhandsvis/${ctx.unit.number}`,
      csrf: c.get('viewer').csrf,
      hiddenFields: html`<input type="hidden" name="${stateField}" value="${JSON.stringify(state)}">`,
    };
    const answers = answersOf(ctx, state);
    const pages = pagesOf(ctx, answers);
    const numbers = questionNumbers(ctx);
    c.header('Content-Security-Policy', respondentPolicy);
    c.header('Cache-Control', 'no-store');
    const b = banner(ctx.round.year, ctx.role, ctx.unit);
    if (at === null || pages.length === 0) {
      const fs: FormState = { status: 'in_progress', answers, drafts: new Map(), currentSection: null, submittedAt: null, updatedAt: null };
      return c.html(asPreview(reviewPage(view, fs, pages, numbers), b));
    }
    const index = Math.max(
      0,
      pages.findIndex((p) => p.section.key === at),
    );
    const key = (pages[index] as (typeof pages)[number]).section.key;
    const questions = eligibleQuestions(ctx, key);
    const asked = new Set(askedQuestions(ctx.questionnaire, ctx.unit.attributes as Attributes, answers).map((q) => q.key));
    const errors = opts.validate ? readSection(questions, state).errors.filter((e) => asked.has(e.question)) : [];
    const doc = sectionPage(view, { pages, index, questions, asked, numbers, raw: state, errors, revealed: opts.revealed ?? [] });
    return c.html(asPreview(doc, b), errors.length > 0 ? 422 : 200);
  }

  app.get('/runde/:year/skjema/:role/forhandsvis', async (c) => {
    const year = yearParam(c);
    const role = roleParam(c);
    const number = (c.req.query('enhet') ?? '').trim();
    const numbers = new Set(await roundUnits(store, year, role));
    if (number === '' || !numbers.has(number)) {
      const round = await getRound(store, year);
      const units = (await getRegistry(store, round.registryYear)).filter((u) => numbers.has(u.number));
      const problem = number === '' ? null : `${number} er ikke med i runden ${year} for ${roleName(role).toLowerCase()}.`;
      return c.html(pickerPage(year, role, units, number, problem, c.get('viewer')), problem ? 404 : 200);
    }
    const ctx = await context(c, number);
    return render(c, ctx, {}, pagesOf(ctx, new Map())[0]?.section.key ?? null);
  });

  app.get('/runde/:year/skjema/:role/forhandsvis/:unit/side/:section', async (c) =>
    render(c, await context(c, c.req.param('unit')), {}, c.req.param('section')),
  );

  app.post('/runde/:year/skjema/:role/forhandsvis/:unit/side/:section', async (c) => {
    const ctx = await context(c, c.req.param('unit'));
    const body = (await c.req.parseBody({ all: true })) as Record<string, string | string[]>;
    const key = c.req.param('section');
    let before: Record<string, string | string[]> = {};
    try {
      const parsed = JSON.parse(typeof body[stateField] === 'string' ? body[stateField] : '{}');
      if (parsed && typeof parsed === 'object') before = carried(parsed);
    } catch {
      before = {};
    }
    // This page's fields replace what was carried for its questions (an unticked box posts nothing).
    const mine = eligibleQuestions(ctx, key).map((q) => `q.${q.key}`);
    const merged: Record<string, string | string[]> = {};
    for (const [k, v] of Object.entries(before)) if (!mine.some((p) => k === p || k.startsWith(`${p}.`))) merged[k] = v;
    Object.assign(merged, carried(body));
    const attrs = ctx.unit.attributes as Attributes;
    const askedBefore = new Set(askedQuestions(ctx.questionnaire, attrs, answersOf(ctx, before)).map((q) => q.key));
    const answers = answersOf(ctx, merged);
    const askedNow = askedQuestions(ctx.questionnaire, attrs, answers);
    const pages = pagesOf(ctx, answers);
    const index = pages.findIndex((p) => p.section.key === key);
    const action = body.action === 'back' || body.action === 'save' ? body.action : 'next';
    const errors = readSection(eligibleQuestions(ctx, key), merged).errors.filter((e) => askedNow.some((q) => q.key === e.question));
    if (action === 'next' && errors.length > 0) return render(c, ctx, merged, key, { validate: true });
    if (action === 'back') return render(c, ctx, merged, pages[index - 1]?.section.key ?? key);
    if (action === 'save') return render(c, ctx, merged, key);
    const revealed = askedNow
      .filter((q) => mine.includes(`q.${q.key}`) && !askedBefore.has(q.key) && !answers.has(q.key))
      .map((q) => q.key);
    if (revealed.length > 0) return render(c, ctx, merged, key, { revealed });
    return render(c, ctx, merged, pages[index + 1]?.section.key ?? null);
  });

  app.post('/runde/:year/skjema/:role/forhandsvis/:unit/send', async (c) => {
    const ctx = await context(c, c.req.param('unit'));
    const base = editorBase(ctx.round.year, ctx.role);
    const body = html`<h1>Forhåndsvisningen er ferdig</h1><p>Skjemaet ble ikke sendt inn, og ingenting er lagret.</p>
<p><a href="${base}/forhandsvis?enhet=${ctx.unit.number}">Forhåndsvis på nytt</a> · <a href="${base}">Tilbake til editoren</a></p>`;
    return c.html(editorPage('Forhåndsvisningen er ferdig', body, c.get('viewer')));
  });
}
