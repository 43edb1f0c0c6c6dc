/**
 * Sections (the pages of a questionnaire) in the editor: renaming (titles and introduction in
 * bokmål, nynorsk and English: wording, allowed at any time), moving up and down and removing an
 * empty section (structure: refused once the window has opened, like every structural change,
 * since saving goes through saveRoundQuestionnaire). A section that still has questions is not
 * removed; the page says which questions to move or delete first.
 */
import type { Context, Hono } from 'hono';
import { followUpsBeforeTrigger, moveSection, questionsIn, removeSection, updateSection } from '../../questionnaire/edit.ts';
import { type Questionnaire, type Role, type Section, textIn, toText } from '../../questionnaire/model.ts';
import type { Round } from '../../round/round.service.ts';
import { notFound } from '../../shared/errors.ts';
import { type Html, html } from '../../shared/html.ts';
import { msg } from '../../shared/i18n/message.ts';
import { roleName } from '../labels.ts';
import type { Viewer } from '../layout.ts';
import type { AdminEnv } from './auth.ts';
import { type Ctx, idOf, texts } from './questionnaire.fields.ts';
import { type Problem, type Raw, readText } from './questionnaire.form.ts';
import { editorBase, errorSummary, type OverviewView, type PageError } from './questionnaire.pages.ts';
import { editorPage } from './questionnaire.style.ts';
import { followUpOrderMessage } from './questionnaire.words.ts';

/** What the section routes share with the rest of the editor (questionnaire.routes.ts). */
export interface EditorDeps {
  load(c: Context<AdminEnv>): Promise<{ year: number; role: Role; round: Round; qn: Questionnaire; frozen: boolean; base: string }>;
  save(
    c: Context<AdminEnv>,
    round: Round,
    role: Role,
    current: Questionnaire,
    next: Questionnaire,
  ): Promise<{ changed: boolean } | { error: PageError; status: 409 | 422 }>;
  overview(c: Context<AdminEnv>, extra?: Partial<OverviewView>, status?: 200 | 409 | 422): Promise<Response>;
  done(c: Context, base: string, what: string, anchor?: string): Response;
}

interface SectionView {
  readonly year: number;
  readonly role: Role;
  readonly qn: Questionnaire;
  readonly section: Section;
  readonly raw: Raw;
  readonly problems: readonly Problem[];
  readonly frozen: boolean;
  readonly error?: PageError;
}

function sectionToForm(s: Section): Raw {
  const raw: Raw = {};
  for (const [prefix, t] of [
    ['tittel', s.title],
    ['intro', s.intro],
  ] as const) {
    if (t === undefined) continue;
    const v = toText(t);
    raw[`${prefix}.nb`] = v.nb;
    if (v.nn) raw[`${prefix}.nn`] = v.nn;
    if (v.en) raw[`${prefix}.en`] = v.en;
  }
  return raw;
}

function sectionPage(v: SectionView, viewer: Viewer): string {
  const base = editorBase(v.year, v.role);
  const admin = viewer.role === 'admin';
  const c: Ctx = {
    v: { year: v.year, role: v.role, qn: v.qn, raw: v.raw, frozen: v.frozen, attributes: [], problems: v.problems },
    locked: true,
    readOnly: !admin,
  };
  const n = v.qn.sections.findIndex((s) => s.key === v.section.key) + 1;
  const count = questionsIn(v.qn, v.section.key).length;
  const title = `Seksjon ${n}: ${textIn(v.section.title, 'nb')}`;
  const body: Html = html`<p><a href="${base}#s-${v.section.key}">Tilbake til spørreskjemaet for ${roleName(v.role).toLowerCase()} (${v.year})</a></p>
<h1>${title}</h1>
${errorSummary(v.error)}${
  v.problems.length > 0
    ? html`<div class="error-summary" role="alert" tabindex="-1"><h2>Noe må rettes før seksjonen kan lagres</h2><ul>${v.problems.map((p) => html`<li><a href="#${idOf(p.field)}">${p.message}</a></li>`)}</ul></div>`
    : false
}
<ul class="meta"><li>Nøkkel: <code>${v.section.key}</code> <span class="muted">(kan ikke endres)</span></li><li>${count} spørsmål</li></ul>
<p class="hint">Tittelen og innledningen er ordlyd og kan endres også etter at svarperioden har åpnet. Rekkefølgen endres med knappene på oversikten.</p>
<form method="post" action="${base}/seksjon/${v.section.key}"><input type="hidden" name="_csrf" value="${viewer.csrf}">
${texts(c, 'tittel', 'Tittel', true)}
${texts(c, 'intro', 'Innledning (valgfritt)', false, 'Vises øverst på siden i skjemaet.')}
${admin ? html`<div class="actions"><button class="primary" type="submit">Lagre</button> <a href="${base}#s-${v.section.key}">Avbryt</a></div>` : false}
</form>`;
  return editorPage(title, body, viewer);
}

export function sectionRoutes(app: Hono<AdminEnv>, deps: EditorDeps): void {
  const path = '/runde/:year/skjema/:role/seksjon/:key';

  async function loadSection(c: Context<AdminEnv>) {
    const loaded = await deps.load(c);
    const section = loaded.qn.sections.find((s) => s.key === c.req.param('key'));
    if (!section) throw notFound(msg('web.no_section', { key: c.req.param('key') ?? '' }));
    return { ...loaded, section };
  }

  app.get(path, async (c) => {
    const { year, role, qn, frozen, section } = await loadSection(c);
    return c.html(sectionPage({ year, role, qn, section, raw: sectionToForm(section), problems: [], frozen }, c.get('viewer')));
  });

  app.post(path, async (c) => {
    const { year, role, round, qn, frozen, base, section } = await loadSection(c);
    const raw: Raw = {};
    for (const [k, v] of Object.entries(await c.req.parseBody())) if (typeof v === 'string') raw[k] = v;
    const problems: Problem[] = [];
    const title = readText(raw, 'tittel', problems, 'tittelen');
    const intro = readText(raw, 'intro', problems, null);
    const view = { year, role, qn, section, raw, frozen };
    if (title === undefined || problems.length > 0) return c.html(sectionPage({ ...view, problems }, c.get('viewer')), 422);
    const next = updateSection(qn, { key: section.key, title, ...(intro !== undefined ? { intro } : {}) });
    const r = await deps.save(c, round, role, qn, next);
    if ('error' in r) return c.html(sectionPage({ ...view, problems: [], error: r.error }, c.get('viewer')), r.status);
    return deps.done(c, base, r.changed ? 'seksjonsnavn' : 'uendret', `#s-${section.key}`);
  });

  app.post(`${path}/handling`, async (c) => {
    const { role, round, qn, base, section } = await loadSection(c);
    const what = String((await c.req.parseBody()).handling ?? '');
    const name = `«${textIn(section.title, 'nb')}» (${section.key})`;
    if (what === 'slett') {
      const inside = questionsIn(qn, section.key);
      if (inside.length > 0) {
        const keys = inside.map((q) => q.key);
        const list = keys.length > 6 ? `${keys.slice(0, 6).join(', ')} og ${keys.length - 6} til` : keys.join(', ');
        const message = `Seksjonen ${name} har ${inside.length} spørsmål (${list}). Flytt spørsmålene til en annen seksjon eller slett dem før du sletter seksjonen.`;
        return deps.overview(c, { error: { title: 'Seksjonen ble ikke slettet', messages: [message] } }, 422);
      }
      const r = await deps.save(c, round, role, qn, removeSection(qn, section.key));
      if ('error' in r) return deps.overview(c, { error: { ...r.error, title: 'Seksjonen ble ikke slettet' } }, r.status);
      return deps.done(c, base, 'seksjon_slettet');
    }
    if (what !== 'opp' && what !== 'ned') return deps.done(c, base, 'uendret', `#s-${section.key}`);
    const next = moveSection(qn, section.key, what === 'opp' ? 'up' : 'down');
    const misplaced = followUpsBeforeTrigger(next);
    if (misplaced.length > 0)
      return deps.overview(
        c,
        { error: { title: 'Seksjonen ble ikke flyttet', messages: misplaced.map((m) => followUpOrderMessage(qn, m)) } },
        422,
      );
    const r = await deps.save(c, round, role, qn, next);
    if ('error' in r) return deps.overview(c, { error: { ...r.error, title: 'Seksjonen ble ikke flyttet' } }, r.status);
    return deps.done(c, base, r.changed ? 'seksjon_flyttet' : 'uendret', `#s-${section.key}`);
  });
}
