/**
 * The chapter page of the report definition editor: the chapter's title and its blocks in order,
 * each as a card with its own buttons (move up, move down, remove). A text block is Markdown with
 * placeholders; a figure has its kind, its questions (chosen from the round's questionnaires, by
 * role), its caption and note, and its other settings folded away; any other block is YAML. Each
 * problem stands beside its field, and all of them in a summary on top with links down to them.
 * Below, the chapter's preview when asked for. Analysts see the same form, disabled.
 */
import type { Role } from '../../questionnaire/model.ts';
import { type Html, html, trusted } from '../../shared/html.ts';
import { shorten } from '../../shared/text.ts';
import { roleName } from '../labels.ts';
import type { Viewer } from '../layout.ts';
import { type BlockForm, type ChapterForm, type FigureField, kinds } from './report.editor.form.ts';
import { type FieldAt, fieldAt, type PlacedProblem } from './report.editor.problems.ts';
import { reportEditorPage } from './report.editor.style.ts';

export interface QuestionChoice {
  readonly key: string;
  readonly text: string;
}

export interface ChapterView {
  readonly year: number;
  readonly ci: number;
  readonly chapterCount: number;
  /** Figures in the chapters before this one (for "Figur 7" in a block's heading). */
  readonly figuresBefore: number;
  readonly form: ChapterForm;
  readonly problems: readonly PlacedProblem[];
  /** What happened to a save: shown in the error summary's heading. */
  readonly refused?: string;
  readonly notice?: string;
  readonly questions: ReadonlyMap<Role, readonly QuestionChoice[]>;
  readonly groupings: readonly { readonly key: string; readonly label: string }[];
  readonly preview?: { readonly html: string; readonly ms: number; readonly saved: boolean };
}

export const kindNames: Record<string, string> = {
  bars: 'Søyler: andel per svaralternativ',
  stacked: 'Stablede søyler: skala eller matrise',
  roles: 'Roller side om side',
  breakdown: 'Fordeling etter gruppering, med test',
  trend: 'Utvikling over år',
  map: 'Kart: fylkenes gjennomsnitt',
  integer: 'Tall i klasser',
};

const fieldNames: Record<string, string> = {
  title: 'Tittel',
  id: 'Id',
  text: 'Tekst',
  kind: 'Type figur',
  questions: 'Spørsmål',
  who: 'Hvem svarte (i figurteksten)',
  note: 'Merknad under figuren',
  codes: 'Svaralternativer som telles (koder)',
  exclude: 'Svaralternativer som holdes utenfor (koder)',
  excludeExtras: '«Vet ikke» holdes utenfor',
  by: 'Gruppering',
  from: 'Fra år',
  to: 'Til år',
  classes: 'Klassegrenser',
};

/** A field's id in the page, the target of the error summary's links. */
export function fieldId(at: FieldAt): string {
  if (at.block === undefined) return at.field ? `kapittel-${at.field}` : 'kapittel-tittel';
  if (at.field === 'questions') return `b${at.block}-q${at.question ?? 0}`;
  return at.field ? `b${at.block}-${at.field}` : `blokk-${at.block}`;
}

interface Ctx {
  readonly v: ChapterView;
  /** Problems by field id. */
  readonly byField: ReadonlyMap<string, readonly string[]>;
}

const problemLines = (c: Ctx, id: string): Html | false => {
  const ps = c.byField.get(id);
  return ps ? html`${ps.map((p) => html`<p class="problem" id="${id}-problem">${p}</p>`)}` : false;
};
const invalidAttrs = (c: Ctx, id: string): Html =>
  c.byField.has(id) ? html` aria-invalid="true" aria-describedby="${id}-problem"` : html``;

function textField(c: Ctx, name: string, id: string, label: string, value: string, hint?: string): Html {
  return html`<div class="field"><label for="${id}">${label}</label>${hint ? html`<p class="hint">${hint}</p>` : ''}${problemLines(c, id)}<input type="text" id="${id}" name="${name}" value="${value}"${invalidAttrs(c, id)}></div>`;
}

function area(c: Ctx, name: string, id: string, label: string, value: string, rows: number, hint?: Html | string): Html {
  // The newline after <textarea> is dropped by the parser, so a text that starts with one keeps it.
  return html`<div class="field"><label for="${id}">${label}</label>${hint ? html`<p class="hint">${hint}</p>` : ''}${problemLines(c, id)}<textarea id="${id}" name="${name}" rows="${rows}"${invalidAttrs(c, id)}>
${value}</textarea></div>`;
}

const rowsFor = (text: string, min: number) => Math.min(30, Math.max(min, text.split('\n').length + 1));

function questionOptions(c: Ctx, current: string): Html {
  const known = [...c.v.questions].some(([role, qs]) => qs.some((q) => `${role}/${q.key}` === current));
  return html`<option value=""${current === '' ? ' selected' : ''}>– velg spørsmål –</option>${
    !known && current !== '' ? html`<option value="${current}" selected>${current} (finnes ikke i rundens skjema)</option>` : ''
  }${[...c.v.questions].map(
    ([role, qs]) =>
      html`<optgroup label="${roleName(role)}">${qs.map(
        (q) =>
          html`<option value="${role}/${q.key}"${`${role}/${q.key}` === current ? ' selected' : ''}>${roleName(role)}: ${q.key} – ${shorten(q.text, 80)}</option>`,
      )}</optgroup>`,
  )}`;
}

function questionRows(c: Ctx, b: Extract<BlockForm, { type: 'figure' }>, i: number): Html {
  const rows = [...b.questions, { ref: '', label: '' }];
  return html`<div class="field"><span class="label" id="b${i}-questions-h">Spørsmål</span>${problemLines(c, `b${i}-questions`)}
<div class="scroll" tabindex="0" role="region" aria-labelledby="b${i}-questions-h"><table class="questions"><thead><tr><th scope="col">Rolle og spørsmål</th><th scope="col">Etikett (valgfri)</th><th scope="col">Fjern</th></tr></thead><tbody>${rows.map(
    (q, j) => {
      const id = `b${i}-q${j}`;
      const isNew = j === b.questions.length;
      return html`<tr><td>${problemLines(c, id)}<select id="${id}" name="b.${i}.q.${j}.ref" aria-label="${isNew ? 'Nytt spørsmål' : `Spørsmål ${j + 1}`}"${invalidAttrs(c, id)}>${questionOptions(c, q.ref)}</select></td><td><input type="text" name="b.${i}.q.${j}.label" value="${q.label}" aria-label="Etikett for ${isNew ? 'nytt spørsmål' : `spørsmål ${j + 1}`}"></td><td>${
        isNew ? '' : html`<input type="checkbox" name="b.${i}.q.${j}.fjern" value="1" aria-label="Fjern spørsmål ${j + 1}">`
      }</td></tr>`;
    },
  )}</tbody></table></div></div>`;
}

function select(c: Ctx, name: string, id: string, label: string, value: string, options: readonly (readonly [string, string])[]): Html {
  const list = value === '' || options.some(([k]) => k === value) ? options : [...options, [value, value] as const];
  return html`<div class="field"><label for="${id}">${label}</label>${problemLines(c, id)}<select id="${id}" name="${name}"${invalidAttrs(c, id)}>${list.map(
    ([k, text]) => html`<option value="${k}"${k === value ? ' selected' : ''}>${text}</option>`,
  )}</select></div>`;
}

/** Breakdowns: one grouping or several (their tests then form one family). */
function groupingBoxes(c: Ctx, i: number, value: string): Html {
  const chosen = value.split(',').filter((k) => k !== '');
  const all: [string, string][] = c.v.groupings.map((g) => [g.key, g.label]);
  if (!all.some(([k]) => k === 'fylke')) all.unshift(['fylke', 'Fylke']);
  for (const k of chosen) if (!all.some(([key]) => key === k)) all.push([k, `${k} (finnes ikke)`]);
  const id = `b${i}-by`;
  return html`<fieldset class="boxes" id="${id}"><legend>${fieldNames.by}: for fordelinger, én eller flere</legend>${problemLines(c, id)}<div class="grid">${all.map(
    ([k, label], j) =>
      html`<div class="check"><input type="checkbox" id="${id}-${j}" name="b.${i}.f.by" value="${k}"${chosen.includes(k) ? ' checked' : ''}><label for="${id}-${j}">${label}</label></div>`,
  )}</div></fieldset>`;
}

function figureFields(c: Ctx, b: Extract<BlockForm, { type: 'figure' }>, i: number): Html {
  const f = b.f;
  const name = (k: FigureField) => `b.${i}.f.${k}`;
  const id = (k: FigureField) => `b${i}-${k}`;
  const more: FigureField[] = ['who', 'codes', 'exclude', 'excludeExtras', 'by', 'from', 'to', 'classes'];
  const open = more.some((k) => f[k] !== '' || c.byField.has(id(k)));
  return html`<div class="fields wide-first">${select(
    c,
    name('kind'),
    id('kind'),
    fieldNames.kind as string,
    f.kind,
    kinds.map((k) => [k, kindNames[k] ?? k] as const),
  )}
${textField(c, name('id'), id('id'), 'Id (for {{ref id=…}})', f.id)}</div>
${questionRows(c, b, i)}
${area(c, name('title'), id('title'), 'Figurtekst', f.title, 2, 'Tom: spørsmålsteksten. Plassholdere som {{year}} virker her.')}
${textField(c, name('note'), id('note'), fieldNames.note as string, f.note)}
<details class="more"${open ? ' open' : ''}><summary>Flere innstillinger</summary><div class="fields">
${textField(c, name('who'), id('who'), fieldNames.who as string, f.who, 'Tom: rollenes navn.')}
${textField(c, name('codes'), id('codes'), fieldNames.codes as string, f.codes, 'Trend og roller, f.eks. 1, 2.')}
${textField(c, name('exclude'), id('exclude'), fieldNames.exclude as string, f.exclude, 'Med i N, ikke i figuren.')}
${textField(c, name('from'), id('from'), fieldNames.from as string, f.from, 'Trend: -4 er fire år før runden.')}
${textField(c, name('to'), id('to'), fieldNames.to as string, f.to, 'Trend: 0 er rundens år.')}
${textField(c, name('classes'), id('classes'), fieldNames.classes as string, f.classes, 'Tall: øvre grenser, f.eks. 0, 2, 5, 10.')}
</div>${problemLines(c, id('excludeExtras'))}<div class="check"><input type="checkbox" id="${id('excludeExtras')}" name="${name('excludeExtras')}" value="on"${f.excludeExtras ? ' checked' : ''}><label for="${id('excludeExtras')}">${fieldNames.excludeExtras}</label></div>
${groupingBoxes(c, i, f.by)}</details>`;
}

function blockCard(c: Ctx, b: BlockForm, i: number, figureNo: number | undefined): Html {
  const count = c.v.form.blocks.length;
  const heading = b.type === 'text' ? 'Tekst' : b.type === 'figure' ? `Figur ${figureNo}` : 'Annen blokk (YAML)';
  const top = c.byField.get(`blokk-${i}`);
  const tool = (value: string, label: string, name: string, danger = false) =>
    html`<button type="submit" name="handling" value="${value}"${danger ? html` class="danger"` : ''} aria-label="${label} (blokk ${i + 1}: ${heading})">${name}</button>`;
  const problemHere = [...c.byField.keys()].some((k) => k === `blokk-${i}` || k.startsWith(`b${i}-`));
  return html`<section class="block ${b.type}${problemHere ? ' has-problem' : ''}" id="blokk-${i}" aria-labelledby="blokk-${i}-h">
<div class="block-head"><h2 id="blokk-${i}-h">Blokk ${i + 1} · ${heading}</h2><div class="tools">${i > 0 ? tool(`opp.${i}`, 'Flytt opp', 'Flytt opp') : ''}${
    i < count - 1 ? tool(`ned.${i}`, 'Flytt ned', 'Flytt ned') : ''
  }${tool(`fjern.${i}`, 'Fjern', 'Fjern', true)}</div></div>
<input type="hidden" name="b.${i}.type" value="${b.type}"><input type="hidden" name="b.${i}.orig" value="${b.orig}">
${top ? html`${top.map((p) => html`<p class="problem">${p}</p>`)}` : ''}
${
  b.type === 'text'
    ? area(c, `b.${i}.tekst`, `b${i}-text`, 'Tekst (Markdown med plassholdere)', b.text, rowsFor(b.text, 4))
    : b.type === 'figure'
      ? figureFields(c, b, i)
      : area(c, `b.${i}.yaml`, `b${i}-yaml`, 'Blokken som YAML', b.yaml, rowsFor(b.yaml, 3))
}
</section>`;
}

function summary(c: Ctx): Html | false {
  if (c.v.problems.length === 0) return false;
  return html`<div class="error-summary" role="alert" tabindex="-1"><h2>${c.v.refused ?? 'Kapitlet har problemer som stopper rapporten'}</h2><ul>${c.v.problems.map(
    (p) => {
      const at = fieldAt(p.path);
      const where =
        at.block === undefined
          ? at.field
            ? (fieldNames[at.field] ?? at.field)
            : 'Kapitlet'
          : `Blokk ${at.block + 1}${at.field ? `, ${(fieldNames[at.field] ?? at.field).toLowerCase()}` : ''}`;
      return html`<li><a href="#${fieldId(at)}">${where}</a>: ${p.text}</li>`;
    },
  )}</ul></div>`;
}

export function chapterPage(v: ChapterView, viewer: Viewer): string {
  const byField = new Map<string, string[]>();
  for (const p of v.problems) {
    const id = fieldId(fieldAt(p.path));
    byField.set(id, [...(byField.get(id) ?? []), p.text]);
  }
  const c: Ctx = { v, byField };
  const admin = viewer.role === 'admin';
  const base = `/runde/${v.year}/rapport/definisjon`;
  let figureNo = v.figuresBefore;
  const blocks = v.form.blocks.map((b, i) => blockCard(c, b, i, b.type === 'figure' ? ++figureNo : undefined));
  const body = html`<p><a href="/runde/${v.year}/rapport">Rapport ${v.year}</a> › <a href="${base}">Rapportdefinisjon</a> › Kapittel ${v.ci + 1} av ${v.chapterCount}</p>
<h1>Kapittel ${v.ci + 1}: ${v.form.title}</h1>
${summary(c)}
${v.notice ? html`<p class="notice" role="status">${v.notice}</p>` : ''}
<details class="more"><summary>Slik skriver du kapitlet</summary><p>Tekst skrives i Markdown: <code>## Overskrift</code>, tomme linjer mellom avsnitt, <code>*kursiv*</code>, lister med <code>-</code>. Tall fra dataene settes inn med plassholdere, for eksempel <code>{{share role=kommunedirektor question=tolk_retningslinjer codes=1,2}}</code>, <code>{{rate role=skolesjef}}</code> og <code>{{ref id=tolk-trend}}</code> (figur- eller tabellnummeret). Skriv aldri årstallet selv: <code>{{year}}</code> er rundens år og <code>{{year offset=-4}}</code> fire år før, så teksten stemmer også når definisjonen kopieres til neste års runde.</p>
<p>En figur viser ett eller flere spørsmål fra rundens skjemaer, valgt etter rolle; etiketten er radens navn når figuren har flere spørsmål. Fyll ut den tomme raden for å legge til et spørsmål, og kryss av «Fjern» for å ta det bort. En trend går fra «Fra år» til «Til år», regnet fra rundens år (-4 og 0).</p></details>
${admin ? '' : html`<p class="notice">Du har lesetilgang: du kan se kapitlet og forhåndsvise det, men ikke endre det.</p>`}
<form method="post" action="${base}/kapittel/${v.ci + 1}"><fieldset class="plain"${admin ? '' : ' disabled'}><legend class="muted">Kapitlet og blokkene</legend>
<input type="hidden" name="_csrf" value="${viewer.csrf}"><input type="hidden" name="grunnlag" value="${v.form.base}">
<div class="fields">${textField(c, 'tittel', 'kapittel-title', 'Kapittelets tittel', v.form.title)}${textField(c, 'id', 'kapittel-id', 'Id (valgfri)', v.form.id)}</div>
${blocks}
<div class="actions"><button type="submit" name="handling" value="ny-tekst">Legg til tekst</button><button type="submit" name="handling" value="ny-figur">Legg til figur</button><button type="submit" name="handling" value="ny-yaml">Legg til tabell eller annen blokk (YAML)</button></div>
<p class="hint">Knappene for å flytte, fjerne og legge til tegner siden på nytt; ingenting lagres før du trykker «Lagre kapitlet».</p>
<div class="actions"><button class="primary" type="submit" name="handling" value="lagre">Lagre kapitlet</button><button type="submit" name="handling" value="forhandsvis">Forhåndsvis uten å lagre</button></div>
</fieldset></form>
<p><a href="${base}/kapittel/${v.ci + 1}?forhandsvis=1#forhandsvisning">Forhåndsvis kapitlet slik det er lagret</a></p>
${
  v.preview
    ? html`<section class="preview" id="forhandsvisning" aria-labelledby="forhandsvisning-h"><h2 id="forhandsvisning-h">Forhåndsvisning${
        v.preview.saved ? '' : ' (ikke lagret)'
      } <span class="muted">– bygget på ${(Math.round(v.preview.ms / 100) / 10).toFixed(1).replace('.', ',')} s</span></h2>${trusted(v.preview.html)}</section>`
    : ''
}`;
  return reportEditorPage(`Kapittel ${v.ci + 1} – rapportdefinisjon ${v.year}`, body, viewer);
}
