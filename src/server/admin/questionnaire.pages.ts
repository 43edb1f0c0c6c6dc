/**
 * The questionnaire editor's overview of one round and role: sections and questions in order with
 * their conditions in words, buttons to edit, move and delete, adding questions and sections,
 * export and import, and the change log. Once the window has opened the structure is frozen: the
 * page says so and leaves out the structural controls (the server refuses them anyway).
 */
import type { QuestionnaireChange } from '../../questionnaire/diff.ts';
import { sectionOf } from '../../questionnaire/edit.ts';
import { type Question, type Questionnaire, type Role, roles, type Section, textIn } from '../../questionnaire/model.ts';
import type { Round } from '../../round/round.service.ts';
import { type Html, html } from '../../shared/html.ts';
import { formatOsloDate, formatOsloDateTime } from '../../shared/time.ts';
import { roleName } from '../labels.ts';
import type { Viewer } from '../layout.ts';
import { editorPage } from './questionnaire.style.ts';
import { changeInWords, describeEligibleIf, describeShowIf, typeNames } from './questionnaire.words.ts';

export const editorBase = (year: number, role: Role) => `/runde/${year}/skjema/${role}`;

export interface PageError {
  readonly title: string;
  readonly messages: readonly string[];
}

export interface OverviewView {
  readonly round: Round;
  readonly role: Role;
  readonly qn: Questionnaire;
  /** The window has opened: only wording may change. */
  readonly frozen: boolean;
  readonly log: readonly { at: Date; by: string; changes: readonly QuestionnaireChange[] }[];
  readonly notice?: string;
  readonly warnings?: readonly string[];
  readonly error?: PageError;
}

const csrf = (viewer: Viewer) => html`<input type="hidden" name="_csrf" value="${viewer.csrf}">`;

export function errorSummary(e: PageError | undefined): Html | false {
  return e
    ? html`<div class="error-summary" role="alert" tabindex="-1"><h2>${e.title}</h2><ul>${e.messages.map((m) => html`<li>${m}</li>`)}</ul></div>`
    : false;
}

function conditions(qn: Questionnaire, q: Question): Html {
  const parts = [
    q.showIf ? `Vises ${describeShowIf(qn, q.showIf)}.` : '',
    q.eligibleIf ? `Bare for ${describeEligibleIf(q.eligibleIf)}.` : '',
    q.required ? 'Obligatorisk.' : '',
  ].filter((s) => s !== '');
  return parts.length > 0 ? html`${parts.map((p, i) => html`${i > 0 ? html`<br>` : ''}${p}`)}` : html`<span class="muted">Alle</span>`;
}

/** A key that may break after its underscores (long keys in a narrow column). */
const breakable = (key: string): Html => html`${key.split('_').map((part, i) => (i > 0 ? html`_<wbr>${part}` : part))}`;

function questionRow(v: OverviewView, q: Question, index: number, viewer: Viewer): Html {
  const base = editorBase(v.round.year, v.role);
  const label = `${index + 1}. ${textIn(q.text, 'nb')}`;
  const admin = viewer.role === 'admin';
  const first = index === 0;
  const last = index === v.qn.questions.length - 1;
  const actions =
    admin && !v.frozen
      ? html`<form class="tools" method="post" action="${base}/sporsmal/${q.key}/handling">${csrf(viewer)}<a href="${base}/sporsmal/${q.key}" aria-label="Endre: ${label}">Endre</a>
${first ? false : html`<button type="submit" name="handling" value="opp" aria-label="Flytt opp: ${label}">Flytt opp</button>`}${last ? false : html`<button type="submit" name="handling" value="ned" aria-label="Flytt ned: ${label}">Flytt ned</button>`}<button class="danger" type="submit" name="handling" value="slett" aria-label="Slett: ${label}">Slett</button></form>`
      : html`<a href="${base}/sporsmal/${q.key}" aria-label="${admin ? 'Endre tekster' : 'Vis'}: ${label}">${admin ? 'Endre tekster' : 'Vis'}</a>`;
  return html`<tr id="q-${q.key}"><td class="num">${index + 1}</td><td class="key"><code>${breakable(q.key)}</code></td><td class="type">${typeNames[q.type]}</td><td class="lead">${textIn(q.text, 'nb')}</td><td data-label="Vilkår">${conditions(v.qn, q)}</td><td class="actions-cell">${actions}</td></tr>`;
}

function sectionTable(v: OverviewView, key: string, viewer: Viewer): Html {
  const rows = v.qn.questions.map((q, i) => ({ q, i })).filter(({ q }) => sectionOf(v.qn, q) === key);
  return rows.length === 0
    ? html`<p class="muted">Ingen spørsmål i denne seksjonen ennå.</p>`
    : html`<div class="scroll"><table class="rows qlist"><thead><tr><th scope="col" class="num">Nr.</th><th scope="col">Nøkkel</th><th scope="col">Type</th><th scope="col">Tekst</th><th scope="col">Vilkår</th><th scope="col">Handlinger</th></tr></thead>
<tbody>${rows.map(({ q, i }) => questionRow(v, q, i, viewer))}</tbody></table></div>`;
}

function sectionTools(v: OverviewView, s: Section, i: number, viewer: Viewer): Html | false {
  if (viewer.role !== 'admin') return false;
  const base = editorBase(v.round.year, v.role);
  const name = `${i + 1}. ${textIn(s.title, 'nb')}`;
  const edit = html`<a href="${base}/seksjon/${s.key}" aria-label="Endre tittel: ${name}">Endre tittel</a>`;
  if (v.frozen) return html`<div class="tools">${edit}</div>`;
  const last = i === v.qn.sections.length - 1;
  return html`<form class="tools" method="post" action="${base}/seksjon/${s.key}/handling">${csrf(viewer)}${edit}
${i > 0 ? html`<button type="submit" name="handling" value="opp" aria-label="Flytt opp: seksjonen ${name}">Flytt opp</button>` : false}${last ? false : html`<button type="submit" name="handling" value="ned" aria-label="Flytt ned: seksjonen ${name}">Flytt ned</button>`}<button class="danger" type="submit" name="handling" value="slett" aria-label="Slett seksjonen: ${name}">Slett seksjonen</button></form>`;
}

const typeChoices: readonly [string, string][] = [
  ['single', typeNames.single],
  ['multi', typeNames.multi],
  ['scale', typeNames.scale],
  ['matrix-skala', 'Matrise med skala'],
  ['matrix-alternativer', 'Matrise med svaralternativer'],
  ['integer', typeNames.integer],
  ['text', typeNames.text],
];

function structureForms(v: OverviewView, viewer: Viewer): Html {
  const base = editorBase(v.round.year, v.role);
  return html`<h2>Legg til</h2>
<form class="filters" method="get" action="${base}/nytt"><label for="ny-type">Nytt spørsmål av typen</label> <select id="ny-type" name="type">${typeChoices.map(([k, l]) => html`<option value="${k}">${l}</option>`)}</select>
<label for="ny-seksjon">i seksjonen</label> <select id="ny-seksjon" name="seksjon">${v.qn.sections.map((s) => html`<option value="${s.key}">${textIn(s.title, 'nb')}</option>`)}</select>
<button type="submit">Legg til spørsmål</button></form>
<form class="filters" method="post" action="${base}/seksjon">${csrf(viewer)}<label for="seksjon-tittel">Ny seksjon med tittelen</label> <input id="seksjon-tittel" name="tittel" required size="30">
<label for="seksjon-nokkel">og nøkkelen</label> <input id="seksjon-nokkel" name="nokkel" required size="16" pattern="[a-z][a-z0-9_]*" aria-describedby="seksjon-hint">
<button type="submit">Legg til seksjon</button></form>
<p class="muted" id="seksjon-hint">Nøkler har små bokstaver a–z, tall og _, begynner med en bokstav og kan ikke endres senere.</p>`;
}

export function overviewPage(v: OverviewView, viewer: Viewer): string {
  const y = v.round.year;
  const base = editorBase(y, v.role);
  const admin = viewer.role === 'admin';
  const opens = formatOsloDate(v.round.opensAt);
  const body = html`<p><a href="/runde/${y}">Tilbake til innsamlingen ${y}</a> · Andre roller: ${roles
    .filter((r) => r !== v.role)
    .map((r, i) => html`${i > 0 ? ', ' : ''}<a href="${editorBase(y, r)}">${roleName(r)}</a>`)}</p>
<h1>Spørreskjema for ${roleName(v.role).toLowerCase()} (${y})</h1>
${errorSummary(v.error)}
${v.notice ? html`<p class="notice" role="status">${v.notice}</p>` : false}
${
  v.warnings && v.warnings.length > 0
    ? html`<div class="notice" role="status"><h2>Merk om trender</h2><ul>${v.warnings.map((w) => html`<li>${w}</li>`)}</ul></div>`
    : false
}
<p class="notice">${
    v.frozen
      ? html`<strong>Strukturen er låst.</strong> Svarperioden åpnet ${opens}. Du kan endre ordlyden (tekster, svaralternativenes tekster og seksjonenes titler), men ikke legge til, flytte eller slette spørsmål, seksjoner, svaralternativer eller vilkår.`
      : html`Svarperioden åpner ${opens}. Til da kan du endre alt; deretter bare ordlyden.`
  }</p>
${admin ? false : html`<p class="notice">Du har lesetilgang: du kan se skjemaet og forhåndsvise det som respondent, men ikke endre det.</p>`}
<p><strong>${textIn(v.qn.title, 'nb')}</strong> · ${v.qn.questions.length} spørsmål i ${v.qn.sections.length} seksjoner · <a href="${base}/forhandsvis">Forhåndsvis som respondent</a> · Last ned: <a href="${base}/eksport.yaml" download>YAML</a>, <a href="${base}/eksport.json" download>JSON</a></p>
${v.qn.sections.map(
  (
    s,
    i,
  ) => html`<section aria-labelledby="s-${s.key}"><div class="section-head"><h2 id="s-${s.key}">${i + 1}. ${textIn(s.title, 'nb')} <span class="muted">(${s.key})</span></h2>
${sectionTools(v, s, i, viewer)}</div>
${sectionTable(v, s.key, viewer)}</section>`,
)}
${admin && !v.frozen ? structureForms(v, viewer) : false}
${
  admin
    ? html`<h2>Importer fra fil</h2>
<p>En YAML- eller JSON-fil med hele spørreskjemaet (samme format som nedlastingen). Filen erstatter skjemaet helt eller ikke i det hele tatt; feil i filen vises med stedet i filen.${v.frozen ? ' Nå som svarperioden har åpnet, kan filen bare endre ordlyden.' : ''}</p>
<form method="post" action="${base}/import" enctype="multipart/form-data" class="stack">${csrf(viewer)}
<label for="fil">Fil (.yaml, .yml eller .json)</label><input id="fil" name="fil" type="file" accept=".yaml,.yml,.json,application/json,application/yaml,text/yaml" required>
<button class="primary" type="submit">Importer</button></form>`
    : false
}
<h2>Endringslogg</h2>
${
  v.log.length === 0
    ? html`<p class="muted">Ingen endringer siden runden ble opprettet.</p>`
    : html`<ul class="log">${[...v.log]
        .reverse()
        .map(
          (e) =>
            html`<li><strong>${formatOsloDateTime(e.at)}</strong> · ${e.by}<ul>${e.changes.map((c) => html`<li>${changeInWords(c)}</li>`)}</ul></li>`,
        )}</ul>`
}`;
  return editorPage(`Spørreskjema ${roleName(v.role)} ${y}`, body, viewer);
}

export function confirmDeletePage(year: number, role: Role, qn: Questionnaire, q: Question, viewer: Viewer): string {
  const base = editorBase(year, role);
  const n = qn.questions.findIndex((x) => x.key === q.key) + 1;
  const followers = qn.questions.filter((x) => x.showIf && JSON.stringify(x.showIf).includes(`"question":"${q.key}"`));
  const body = html`<h1>Slette spørsmål ${n}?</h1>
<p><strong>${textIn(q.text, 'nb')}</strong> <span class="muted">(${q.key})</span></p>
${followers.length > 0 ? html`<p class="error-message">Spørsmålet kan ikke slettes før disse oppfølgingsspørsmålene er endret eller slettet: ${followers.map((f) => f.key).join(', ')}.</p>` : false}
<form method="post" action="${base}/sporsmal/${q.key}/handling">${csrf(viewer)}<input type="hidden" name="bekreft" value="1">
<button class="primary" type="submit" name="handling" value="slett">Ja, slett spørsmålet</button> <a href="${base}#q-${q.key}">Avbryt</a></form>`;
  return editorPage('Slette spørsmål', body, viewer);
}
