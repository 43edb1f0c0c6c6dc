/**
 * The question edit page, drawn from the form's fields (see questionnaire.form.ts) so what was
 * typed survives an error or a step that only re-draws the page. Texts come first (bokmål, with
 * optional nynorsk and English side by side), then what the question asks for by type, then its
 * conditions (questionnaire.conditions.pages.ts). When the structure is frozen the structural
 * parts are shown as text and carried as hidden fields; an analyst sees everything read-only.
 */
import type { Question } from '../../questionnaire/model.ts';
import { textIn } from '../../questionnaire/model.ts';
import { type Html, html } from '../../shared/html.ts';
import { roleName } from '../labels.ts';
import type { Viewer } from '../layout.ts';
import { eligibility, followUp } from './questionnaire.conditions.pages.ts';
import {
  type Ctx,
  cellCheckbox,
  cellText,
  checkbox,
  type EditView,
  hidden,
  idOf,
  input,
  lockedOr,
  problemOf,
  select,
  texts,
} from './questionnaire.fields.ts';
import { newRows, one } from './questionnaire.form.ts';
import { editorBase, errorSummary } from './questionnaire.pages.ts';
import { editorPage } from './questionnaire.style.ts';
import { typeNames } from './questionnaire.words.ts';

export type { EditView } from './questionnaire.fields.ts';

function optionRows(c: Ctx, prefix: string, what: string, flags: { exclusive: boolean; specify: boolean }): Html {
  const raw = c.v.raw;
  const rows: Html[] = [];
  const flagCells = (p: string, name: string, locked: boolean) =>
    html`${flags.exclusive ? cellCheckbox(c, `${p}.eksklusiv`, `${name}: utelukker andre`, locked, 'Utelukker andre') : ''}${flags.specify ? cellCheckbox(c, `${p}.spesifiser`, `${name}: «Annet, spesifiser»`, locked, '«Annet, spesifiser»') : ''}`;
  for (let i = 0; raw[`${prefix}.${i}.kode`] !== undefined; i++) {
    const p = `${prefix}.${i}`;
    const code = one(raw, `${p}.kode`);
    const name = `${what} ${code}`;
    rows.push(html`<tr><td class="num" data-label="Kode">${code}${hidden(`${p}.kode`, code)}</td>${cellText(c, `${p}.nb`, `${name}, bokmål`, 'Bokmål')}${cellText(c, `${p}.nn`, `${name}, nynorsk`, 'Nynorsk')}${cellText(c, `${p}.en`, `${name}, engelsk`, 'Engelsk')}
${flagCells(p, name, c.locked)}${c.locked ? '' : cellCheckbox(c, `${p}.fjern`, `Fjern ${name.toLowerCase()}`, false, 'Fjern')}</tr>`);
  }
  if (!c.locked)
    for (let j = 0; j < newRows(!c.v.existing); j++) {
      const p = `ny${prefix}.${j}`;
      const name = `Nytt ${what.toLowerCase()} ${j + 1}`;
      rows.push(html`<tr class="new"><td class="num muted" data-label="Kode">ny</td>${cellText(c, `${p}.nb`, `${name}, bokmål`, 'Bokmål')}${cellText(c, `${p}.nn`, `${name}, nynorsk`, 'Nynorsk')}${cellText(c, `${p}.en`, `${name}, engelsk`, 'Engelsk')}
${flagCells(p, name, false)}<td class="flag"></td></tr>`);
    }
  return html`<div class="scroll" tabindex="0" role="region" aria-label="${what}er"><table class="rows"><thead><tr><th scope="col" class="num">Kode</th><th scope="col">Bokmål</th><th scope="col">Nynorsk</th><th scope="col">Engelsk</th>${flags.exclusive ? html`<th scope="col">Utelukker andre</th>` : ''}${flags.specify ? html`<th scope="col">«Annet, spesifiser»</th>` : ''}${c.locked ? '' : html`<th scope="col">Fjern</th>`}</tr></thead><tbody>${rows}</tbody></table></div>
${c.locked ? false : html`<p class="hint">Fyll ut en tom rad for å legge til. Koden settes automatisk: neste ledige, men aldri en kode et tidligere år brukte til noe annet. Eksisterende koder endres ikke.</p>`}`;
}

function itemRows(c: Ctx): Html {
  const raw = c.v.raw;
  const rows: Html[] = [];
  for (let i = 0; raw[`del.${i}.nokkel`] !== undefined; i++) {
    const k = one(raw, `del.${i}.nokkel`);
    rows.push(
      html`<tr><td data-label="Nøkkel"><code>${k}</code>${hidden(`del.${i}.nokkel`, k)}</td>${cellText(c, `del.${i}.nb`, `Delspørsmål ${k}, bokmål`, 'Bokmål')}${cellText(c, `del.${i}.nn`, `Delspørsmål ${k}, nynorsk`, 'Nynorsk')}${cellText(c, `del.${i}.en`, `Delspørsmål ${k}, engelsk`, 'Engelsk')}${c.locked ? '' : cellCheckbox(c, `del.${i}.fjern`, `Fjern delspørsmål ${k}`, false, 'Fjern')}</tr>`,
    );
  }
  if (!c.locked)
    for (let j = 0; j < newRows(!c.v.existing); j++) {
      const p = `nydel.${j}`;
      rows.push(
        html`<tr class="new">${cellText(c, `${p}.nokkel`, `Nytt delspørsmål ${j + 1}, nøkkel (valgfritt)`, 'Ny nøkkel (valgfritt)')}${cellText(c, `${p}.nb`, `Nytt delspørsmål ${j + 1}, bokmål`, 'Bokmål')}${cellText(c, `${p}.nn`, `Nytt delspørsmål ${j + 1}, nynorsk`, 'Nynorsk')}${cellText(c, `${p}.en`, `Nytt delspørsmål ${j + 1}, engelsk`, 'Engelsk')}<td class="flag"></td></tr>`,
      );
    }
  return html`<fieldset><legend>Delspørsmål (rader i matrisen)</legend><div class="scroll" tabindex="0" role="region" aria-label="Delspørsmål"><table class="rows"><thead><tr><th scope="col">Nøkkel</th><th scope="col">Bokmål</th><th scope="col">Nynorsk</th><th scope="col">Engelsk</th>${c.locked ? '' : html`<th scope="col">Fjern</th>`}</tr></thead><tbody>${rows}</tbody></table></div>
${c.locked ? false : html`<p class="hint">Nøkkelen til et nytt delspørsmål lages av teksten hvis du ikke skriver en. Nøkler kan ikke endres senere.</p>`}</fieldset>`;
}

const numeric = html` inputmode="numeric" autocomplete="off"`;

function scaleFields(c: Ctx): Html {
  return html`<fieldset><legend>Skala</legend>
<div class="compare">${lockedOr(c, 'skala.min', 'Laveste verdi', () => input(c, 'skala.min', 'Laveste verdi', 'short', numeric))}
${lockedOr(c, 'skala.maks', 'Høyeste verdi', () => input(c, 'skala.maks', 'Høyeste verdi', 'short', numeric))}</div>
${texts(c, 'skala.fra', 'Tekst ved laveste verdi', true)}${texts(c, 'skala.til', 'Tekst ved høyeste verdi', true)}
<h3>Svar utenfor skalaen (for eksempel «Vet ikke»)</h3>${optionRows(c, 'ekstra', 'Svar', { exclusive: false, specify: false })}</fieldset>`;
}

function typeFields(c: Ctx): Html {
  const raw = c.v.raw;
  const type = one(raw, 'type') as Question['type'];
  const withOptions = type === 'single' || type === 'multi' || (type === 'matrix' && one(raw, 'matrise') === 'alternativer');
  const parts: Html[] = [];
  if (type === 'matrix') parts.push(html`${hidden('matrise', one(raw, 'matrise'))}${itemRows(c)}`);
  if (withOptions)
    parts.push(
      html`<fieldset><legend>Svaralternativer${type === 'matrix' ? ' (kolonner i matrisen)' : ''}</legend>${optionRows(c, 'alt', 'Svaralternativ', { exclusive: type === 'multi', specify: type !== 'matrix' })}</fieldset>`,
    );
  else if (type === 'scale' || type === 'matrix') parts.push(scaleFields(c));
  if (type === 'integer')
    parts.push(html`<fieldset><legend>Tall</legend>
<div class="compare">${lockedOr(c, 'min', 'Laveste tillatte tall', () => input(c, 'min', 'Laveste tillatte tall (valgfritt)', 'short', numeric))}
${lockedOr(c, 'maks', 'Høyeste tillatte tall', () => input(c, 'maks', 'Høyeste tillatte tall (valgfritt)', 'short', numeric))}</div>
${texts(c, 'enhet', 'Enhet (valgfritt)', false, 'For eksempel «personer». Vises etter feltet.')}</fieldset>`);
  if (type === 'text')
    parts.push(html`<fieldset><legend>Fritekst</legend>
${lockedOr(c, 'makslengde', 'Største antall tegn', () => input(c, 'makslengde', 'Største antall tegn (valgfritt, 4000 når tomt)', 'short', numeric))}
${checkbox(c, 'flerlinjet', 'Flere linjer (tekstboks)', false)}</fieldset>`);
  return html`${parts}`;
}

function sectionField(c: Ctx): Html {
  const v = c.v;
  const section = one(v.raw, 'seksjon') || (v.qn.sections[0]?.key ?? '');
  const name = (key: string) => {
    const s = v.qn.sections.find((x) => x.key === key);
    return s ? `${textIn(s.title, 'nb')} (${s.key})` : key;
  };
  if (c.locked) return html`<p>Seksjon: <strong>${name(section)}</strong>${hidden('seksjon', one(v.raw, 'seksjon'))}</p>`;
  return html`<div class="field medium"><label for="f-seksjon">Seksjon (side i skjemaet)</label>${problemOf(c, 'seksjon')}${select(
    c,
    'seksjon',
    v.qn.sections.map((s) => ({ value: s.key, label: name(s.key) })),
    section,
  )}</div>`;
}

export function editPage(v: EditView, viewer: Viewer): string {
  const base = editorBase(v.year, v.role);
  const admin = viewer.role === 'admin';
  const c: Ctx = { v, locked: v.frozen || !admin, readOnly: !admin };
  const type = one(v.raw, 'type') as Question['type'];
  const n = v.existing ? v.qn.questions.findIndex((q) => q.key === v.existing?.key) + 1 : 0;
  const title = v.existing ? `Spørsmål ${n}: ${v.existing.key}` : `Nytt spørsmål (${typeNames[type] ?? type})`;
  const summary =
    v.problems.length > 0
      ? html`<div class="error-summary" role="alert" tabindex="-1"><h2>Noe må rettes før spørsmålet kan lagres</h2><ul>${v.problems.map((p) => html`<li><a href="#${idOf(p.field)}">${p.message}</a></li>`)}</ul></div>`
      : false;
  const buttons = (primary: boolean) =>
    html`<div class="actions"><button${primary ? html` class="primary"` : ''} type="submit" name="handling" value="lagre">Lagre</button> <a href="${base}${v.existing ? `#q-${v.existing.key}` : ''}">Avbryt</a></div>`;
  const body = html`<p><a href="${base}">Tilbake til spørreskjemaet for ${roleName(v.role).toLowerCase()} (${v.year})</a></p>
<h1>${title}</h1>
${v.existing ? html`<p class="lead">${textIn(v.existing.text, 'nb')}</p>` : false}
${errorSummary(v.error)}${summary}${v.notice ? html`<p class="notice" role="status">${v.notice}</p>` : false}
${!admin ? html`<p class="notice">Du har lesetilgang: du kan se spørsmålet, men ikke endre det.</p>` : v.frozen ? html`<p class="notice">Svarperioden har åpnet: du kan endre tekstene, men ikke strukturen (type, seksjon, svaralternativer, koder og vilkår).</p>` : false}
<form method="post" action="${v.existing ? `${base}/sporsmal/${v.existing.key}` : `${base}/nytt`}">
<input type="hidden" name="_csrf" value="${viewer.csrf}">${hidden('type', type)}
${admin ? buttons(false) : false}
<ul class="meta"><li>Type: <strong>${typeNames[type] ?? type}</strong></li>${v.existing ? html`<li>Nøkkel: <code>${v.existing.key}</code> <span class="muted">(kan ikke endres)</span></li>` : false}</ul>
${v.existing ? false : input(c, 'nokkel', 'Nøkkel (små bokstaver a–z, tall og _; kan ikke endres senere)', 'medium', html` autocomplete="off"`)}
${texts(c, 'tekst', 'Spørsmålstekst', true, undefined, true)}
${texts(c, 'hjelp', 'Hjelpetekst', false, 'Vises under spørsmålet, for eksempel «Flere svar er mulig».')}
<fieldset><legend>Plassering og visning</legend>
${input(c, 'kortnavn', 'Kortnavn i tabeller og figurer (valgfritt)', 'medium')}
${sectionField(c)}
${checkbox(c, 'obligatorisk', 'Obligatorisk (må besvares når spørsmålet vises)', c.locked)}</fieldset>
${typeFields(c)}
${followUp(c)}
${eligibility(c)}
${admin ? buttons(true) : false}
</form>`;
  return editorPage(title, body, viewer);
}
