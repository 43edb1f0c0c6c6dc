/**
 * The question edit page, drawn from the form's fields (see questionnaire.form.ts) so what was
 * typed survives an error. Conditions are picked from lists, never typed as code: a follow-up is an
 * earlier question and some of its answers (without JavaScript in two steps: pick the question,
 * press "Velg", tick the answers); eligibility is a registry attribute, a comparison and a number.
 * When the structure is frozen the structural parts are shown as text and carried as hidden fields.
 */
import { optionsOf } from '../../questionnaire/answer.ts';
import { sectionOf } from '../../questionnaire/edit.ts';
import { comparisonOps, type Question, type Questionnaire, type Role, textIn } from '../../questionnaire/model.ts';
import { type Html, html } from '../html.ts';
import { roleName } from '../labels.ts';
import { page, type Viewer } from '../layout.ts';
import { many, newRows, one, type Problem, type Raw } from './questionnaire.form.ts';
import { editorBase, type PageError } from './questionnaire.pages.ts';
import { hasCodes, opNames, questionLabel, typeNames } from './questionnaire.words.ts';

export interface EditView {
  readonly year: number;
  readonly role: Role;
  readonly qn: Questionnaire;
  /** The question as stored; absent for a new one. */
  readonly existing?: Question;
  readonly raw: Raw;
  readonly frozen: boolean;
  readonly attributes: readonly string[];
  readonly problems: readonly Problem[];
  readonly error?: PageError;
}

const idOf = (field: string) => `f-${field.replace(/\./g, '-')}`;
const hidden = (name: string, value: string) => html`<input type="hidden" name="${name}" value="${value}">`;

interface Ctx {
  readonly v: EditView;
  readonly locked: boolean;
}

function problemOf(c: Ctx, field: string): Html | false {
  const p = c.v.problems.find((x) => x.field === field);
  return p ? html`<p class="error-message" id="${idOf(field)}-error">${p.message}</p>` : false;
}

function invalidAttrs(c: Ctx, field: string): Html | string {
  return c.v.problems.some((x) => x.field === field) ? html` aria-invalid="true" aria-describedby="${idOf(field)}-error"` : '';
}

function input(c: Ctx, field: string, label: string, size = 60, extra: Html | string = ''): Html {
  return html`<p><label for="${idOf(field)}">${label}</label><br>${problemOf(c, field)}<input id="${idOf(field)}" name="${field}" value="${one(c.v.raw, field)}" size="${size}"${invalidAttrs(c, field)}${extra}></p>`;
}

function texts(c: Ctx, prefix: string, legend: string, required: boolean): Html {
  return html`<fieldset><legend><strong>${legend}</strong></legend>
${input(c, `${prefix}.nb`, required ? 'Bokmål' : 'Bokmål (valgfritt)')}${input(c, `${prefix}.nn`, 'Nynorsk (valgfritt)')}${input(c, `${prefix}.en`, 'Engelsk (valgfritt)')}</fieldset>`;
}

function checkbox(c: Ctx, field: string, label: string, locked: boolean): Html {
  const on = one(c.v.raw, field) !== '';
  if (locked) return html`${on ? hidden(field, '1') : ''}<span>${label}: ${on ? 'ja' : 'nei'}</span>`;
  return html`<input type="checkbox" id="${idOf(field)}" name="${field}" value="1"${on ? html` checked` : ''}> <label for="${idOf(field)}">${label}</label>`;
}

function cellText(c: Ctx, field: string, label: string): Html {
  return html`<td>${problemOf(c, field)}<input id="${idOf(field)}" name="${field}" value="${one(c.v.raw, field)}" size="22" aria-label="${label}"${invalidAttrs(c, field)}></td>`;
}

function optionRows(c: Ctx, prefix: string, what: string, flags: { exclusive: boolean; specify: boolean }): Html {
  const raw = c.v.raw;
  const rows: Html[] = [];
  for (let i = 0; raw[`${prefix}.${i}.kode`] !== undefined; i++) {
    const p = `${prefix}.${i}`;
    const code = one(raw, `${p}.kode`);
    rows.push(html`<tr><td class="num">${code}${hidden(`${p}.kode`, code)}</td>${cellText(c, `${p}.nb`, `${what} ${code}, bokmål`)}${cellText(c, `${p}.nn`, `${what} ${code}, nynorsk`)}${cellText(c, `${p}.en`, `${what} ${code}, engelsk`)}
${flags.exclusive ? html`<td>${checkbox(c, `${p}.eksklusiv`, 'Eksklusivt', c.locked)}</td>` : ''}${flags.specify ? html`<td>${checkbox(c, `${p}.spesifiser`, 'Spesifiser', c.locked)}</td>` : ''}<td>${c.locked ? '' : checkbox(c, `${p}.fjern`, 'Fjern', false)}</td></tr>`);
  }
  if (!c.locked)
    for (let j = 0; j < newRows(!c.v.existing); j++) {
      const p = `ny${prefix}.${j}`;
      rows.push(html`<tr><td class="muted">ny</td>${cellText(c, `${p}.nb`, `Nytt ${what.toLowerCase()} ${j + 1}, bokmål`)}${cellText(c, `${p}.nn`, `Nytt ${what.toLowerCase()} ${j + 1}, nynorsk`)}${cellText(c, `${p}.en`, `Nytt ${what.toLowerCase()} ${j + 1}, engelsk`)}
${flags.exclusive ? html`<td>${checkbox(c, `${p}.eksklusiv`, 'Eksklusivt', false)}</td>` : ''}${flags.specify ? html`<td>${checkbox(c, `${p}.spesifiser`, 'Spesifiser', false)}</td>` : ''}<td></td></tr>`);
    }
  return html`<div class="scroll" tabindex="0"><table><thead><tr><th scope="col" class="num">Kode</th><th scope="col">Bokmål</th><th scope="col">Nynorsk</th><th scope="col">Engelsk</th>${flags.exclusive ? html`<th scope="col">Utelukker andre</th>` : ''}${flags.specify ? html`<th scope="col">«Annet, spesifiser»</th>` : ''}<th scope="col">${c.locked ? '' : 'Fjern'}</th></tr></thead><tbody>${rows}</tbody></table></div>
${c.locked ? false : html`<p class="muted">Fyll ut en tom rad for å legge til. Koden settes automatisk: neste ledige, men aldri en kode et tidligere år brukte til noe annet. Eksisterende koder endres ikke.</p>`}`;
}

function itemRows(c: Ctx): Html {
  const raw = c.v.raw;
  const rows: Html[] = [];
  for (let i = 0; raw[`del.${i}.nokkel`] !== undefined; i++) {
    const k = one(raw, `del.${i}.nokkel`);
    rows.push(
      html`<tr><td><code>${k}</code>${hidden(`del.${i}.nokkel`, k)}</td>${cellText(c, `del.${i}.nb`, `Delspørsmål ${k}, bokmål`)}${cellText(c, `del.${i}.nn`, `Delspørsmål ${k}, nynorsk`)}${cellText(c, `del.${i}.en`, `Delspørsmål ${k}, engelsk`)}<td>${c.locked ? '' : checkbox(c, `del.${i}.fjern`, 'Fjern', false)}</td></tr>`,
    );
  }
  if (!c.locked)
    for (let j = 0; j < newRows(!c.v.existing); j++) {
      const p = `nydel.${j}`;
      rows.push(
        html`<tr>${cellText(c, `${p}.nokkel`, `Nytt delspørsmål ${j + 1}, nøkkel (valgfritt)`)}${cellText(c, `${p}.nb`, `Nytt delspørsmål ${j + 1}, bokmål`)}${cellText(c, `${p}.nn`, `Nytt delspørsmål ${j + 1}, nynorsk`)}${cellText(c, `${p}.en`, `Nytt delspørsmål ${j + 1}, engelsk`)}<td></td></tr>`,
      );
    }
  return html`<fieldset><legend><strong>Delspørsmål</strong></legend><div class="scroll" tabindex="0"><table><thead><tr><th scope="col">Nøkkel</th><th scope="col">Bokmål</th><th scope="col">Nynorsk</th><th scope="col">Engelsk</th><th scope="col">${c.locked ? '' : 'Fjern'}</th></tr></thead><tbody>${rows}</tbody></table></div>
${c.locked ? false : html`<p class="muted">Nøkkelen til et nytt delspørsmål lages av teksten hvis du ikke skriver en. Nøkler kan ikke endres senere.</p>`}</fieldset>`;
}

function lockedOr(c: Ctx, field: string, label: string, editable: () => Html): Html {
  if (!c.locked) return editable();
  const v = one(c.v.raw, field);
  return html`<p>${label}: <strong>${v === '' ? '–' : v}</strong>${hidden(field, v)}</p>`;
}

function scaleFields(c: Ctx): Html {
  return html`<fieldset><legend><strong>Skala</strong></legend>
${lockedOr(c, 'skala.min', 'Laveste verdi', () => input(c, 'skala.min', 'Laveste verdi', 4, html` inputmode="numeric"`))}
${lockedOr(c, 'skala.maks', 'Høyeste verdi', () => input(c, 'skala.maks', 'Høyeste verdi', 4, html` inputmode="numeric"`))}
${texts(c, 'skala.fra', 'Tekst ved laveste verdi', true)}${texts(c, 'skala.til', 'Tekst ved høyeste verdi', true)}
<h3>Svar utenfor skalaen (for eksempel «Vet ikke»)</h3>${optionRows(c, 'ekstra', 'Svar', { exclusive: false, specify: false })}</fieldset>`;
}

/** Earlier questions that can trigger a follow-up, one entry per matrix item. */
interface Trigger {
  readonly value: string;
  readonly label: string;
  readonly q: Question;
}

function triggers(v: EditView): Trigger[] {
  const at = v.existing ? v.qn.questions.findIndex((q) => q.key === v.existing?.key) : v.qn.questions.length;
  const order = v.qn.sections.map((s) => s.key);
  const mySection = order.indexOf(one(v.raw, 'seksjon') || (v.qn.sections[0]?.key ?? ''));
  return v.qn.questions
    .slice(0, at)
    .filter((q) => hasCodes(q) && (v.existing || order.indexOf(sectionOf(v.qn, q)) <= mySection))
    .flatMap((q): Trigger[] =>
      q.type === 'matrix'
        ? q.items.map((it) => ({ value: `${q.key}.${it.key}`, label: `${questionLabel(v.qn, q.key)} – ${textIn(it.label, 'nb')}`, q }))
        : [{ value: q.key, label: questionLabel(v.qn, q.key), q }],
    );
}

function followUp(c: Ctx): Html {
  const v = c.v;
  if (one(v.raw, 'vis.sammensatt') && v.existing?.showIf)
    return html`<fieldset><legend><strong>Oppfølgingsspørsmål</strong></legend>${hidden('vis.sammensatt', '1')}<p>Sammensatt vilkår (kan bare endres ved import av fil).</p></fieldset>`;
  const chosen = one(v.raw, 'vis.sporsmal');
  const list = triggers(v);
  const target = list.find((t) => t.value === chosen);
  const codes = new Set(many(v.raw, 'vis.koder'));
  if (c.locked)
    return html`<fieldset><legend><strong>Oppfølgingsspørsmål</strong></legend>${hidden('vis.sporsmal', chosen)}${[...codes].map((k) => hidden('vis.koder', k))}<p>${
      target
        ? html`Vises når svaret på ${target.label} er ${optionsOf(target.q)
            .filter((o) => codes.has(String(o.code)))
            .map((o, i) => html`${i > 0 ? ' eller ' : ''}«${textIn(o.label, 'nb')}»`)}.`
        : 'Vises alltid.'
    }</p></fieldset>`;
  return html`<fieldset><legend><strong>Oppfølgingsspørsmål</strong></legend>
<p><label for="f-vis-sporsmal">Vis spørsmålet bare når svaret på</label><br>${problemOf(c, 'vis.sporsmal')}<select id="f-vis-sporsmal" name="vis.sporsmal"><option value="">(vises alltid)</option>${list.map(
    (t) =>
      t.value === chosen
        ? html`<option value="${t.value}" selected>${t.label}</option>`
        : html`<option value="${t.value}">${t.label}</option>`,
  )}</select> <button type="submit" name="handling" value="velg">Velg</button></p>
${
  target
    ? html`<fieldset><legend>… er ett av disse svarene:</legend>${problemOf(c, 'vis.koder')}${optionsOf(target.q).map(
        (o) =>
          html`<div><input type="checkbox" id="f-vis-koder-${o.code}" name="vis.koder" value="${o.code}"${codes.has(String(o.code)) ? html` checked` : ''}> <label for="f-vis-koder-${o.code}">${textIn(o.label, 'nb')} <span class="muted">(${o.code})</span></label></div>`,
      )}</fieldset>`
    : html`<p class="muted">Velg et spørsmål og trykk «Velg» for å krysse av for svarene.</p>`
}</fieldset>`;
}

function eligibility(c: Ctx): Html {
  const v = c.v;
  if (one(v.raw, 'gjelder.sammensatt') && v.existing?.eligibleIf)
    return html`<fieldset><legend><strong>Hvem får spørsmålet</strong></legend>${hidden('gjelder.sammensatt', '1')}<p>Sammensatt vilkår (kan bare endres ved import av fil).</p></fieldset>`;
  const attr = one(v.raw, 'gjelder.attributt');
  const op = one(v.raw, 'gjelder.op') || '>';
  if (c.locked)
    return html`<fieldset><legend><strong>Hvem får spørsmålet</strong></legend>${hidden('gjelder.attributt', attr)}${hidden('gjelder.op', op)}${hidden('gjelder.verdi', one(v.raw, 'gjelder.verdi'))}<p>${attr ? `Enheter der ${attr} ${opNames[op] ?? op} ${one(v.raw, 'gjelder.verdi')}.` : 'Alle enheter.'}</p></fieldset>`;
  const attrs = attr && !v.attributes.includes(attr) ? [...v.attributes, attr] : v.attributes;
  return html`<fieldset><legend><strong>Hvem får spørsmålet</strong></legend>
<p><label for="f-gjelder-attributt">Registertall</label><br>${problemOf(c, 'gjelder.attributt')}<select id="f-gjelder-attributt" name="gjelder.attributt"><option value="">(alle enheter får spørsmålet)</option>${attrs.map(
    (a) => (a === attr ? html`<option value="${a}" selected>${a}</option>` : html`<option value="${a}">${a}</option>`),
  )}</select></p>
<p><label for="f-gjelder-op">Sammenligning</label><br>${problemOf(c, 'gjelder.op')}<select id="f-gjelder-op" name="gjelder.op">${comparisonOps.map(
    (o) =>
      o === op
        ? html`<option value="${o}" selected>${opNames[o]} (${o})</option>`
        : html`<option value="${o}">${opNames[o]} (${o})</option>`,
  )}</select></p>
${input(c, 'gjelder.verdi', 'Tall', 10, html` inputmode="decimal"`)}
<p class="muted">Enheter som mangler registertallet, får ikke spørsmålet.</p></fieldset>`;
}

function typeFields(c: Ctx): Html {
  const raw = c.v.raw;
  const type = one(raw, 'type') as Question['type'];
  const withOptions = type === 'single' || type === 'multi' || (type === 'matrix' && one(raw, 'matrise') === 'alternativer');
  const parts: Html[] = [];
  if (type === 'matrix') parts.push(html`${hidden('matrise', one(raw, 'matrise'))}${itemRows(c)}`);
  if (withOptions)
    parts.push(
      html`<fieldset><legend><strong>Svaralternativer</strong></legend>${optionRows(c, 'alt', 'Svaralternativ', { exclusive: type === 'multi', specify: type !== 'matrix' })}</fieldset>`,
    );
  else if (type === 'scale' || type === 'matrix') parts.push(scaleFields(c));
  if (type === 'integer')
    parts.push(html`<fieldset><legend><strong>Tall</strong></legend>
${lockedOr(c, 'min', 'Laveste tillatte tall', () => input(c, 'min', 'Laveste tillatte tall (valgfritt)', 8, html` inputmode="numeric"`))}
${lockedOr(c, 'maks', 'Høyeste tillatte tall', () => input(c, 'maks', 'Høyeste tillatte tall (valgfritt)', 8, html` inputmode="numeric"`))}
${texts(c, 'enhet', 'Enhet (for eksempel «personer»)', false)}</fieldset>`);
  if (type === 'text')
    parts.push(html`<fieldset><legend><strong>Fritekst</strong></legend>
${lockedOr(c, 'makslengde', 'Største antall tegn', () => input(c, 'makslengde', 'Største antall tegn (valgfritt, 4000 når tomt)', 8, html` inputmode="numeric"`))}
<p>${checkbox(c, 'flerlinjet', 'Flere linjer (tekstboks)', false)}</p></fieldset>`);
  return html`${parts}`;
}

export function editPage(v: EditView, viewer: Viewer): string {
  const base = editorBase(v.year, v.role);
  const c: Ctx = { v, locked: v.frozen };
  const type = one(v.raw, 'type') as Question['type'];
  const section = one(v.raw, 'seksjon') || (v.qn.sections[0]?.key ?? '');
  const n = v.existing ? v.qn.questions.findIndex((q) => q.key === v.existing?.key) + 1 : 0;
  const title = v.existing ? `Spørsmål ${n}: ${v.existing.key}` : `Nytt spørsmål (${typeNames[type] ?? type})`;
  const admin = viewer.role === 'admin';
  const summary =
    v.problems.length > 0
      ? html`<div class="error-summary" role="alert" tabindex="-1"><h2>Noe må rettes</h2><ul>${v.problems.map((p) => html`<li><a href="#${idOf(p.field)}">${p.message}</a></li>`)}</ul></div>`
      : false;
  const body = html`<p><a href="${base}">Tilbake til spørreskjemaet for ${roleName(v.role).toLowerCase()} (${v.year})</a></p>
<h1>${title}</h1>
${
  v.error
    ? html`<div class="error-summary" role="alert" tabindex="-1"><h2>${v.error.title}</h2><ul>${v.error.messages.map((m) => html`<li>${m}</li>`)}</ul></div>`
    : false
}${summary}
${v.frozen ? html`<p class="notice">Svarperioden har åpnet: du kan endre tekstene, men ikke strukturen (type, seksjon, svaralternativer, koder og vilkår).</p>` : false}
<form method="post" action="${v.existing ? `${base}/sporsmal/${v.existing.key}` : `${base}/nytt`}">
<input type="hidden" name="_csrf" value="${viewer.csrf}">${hidden('type', type)}
${admin ? html`<p class="muted">Enter-tasten lagrer. <button type="submit" name="handling" value="lagre">Lagre</button></p>` : false}
<p>Type: <strong>${typeNames[type] ?? type}</strong></p>
${v.existing ? html`<p>Nøkkel: <code>${v.existing.key}</code> <span class="muted">(kan ikke endres)</span></p>` : input(c, 'nokkel', 'Nøkkel (små bokstaver a–z, tall og _; kan ikke endres senere)', 30, html` autocomplete="off"`)}
${texts(c, 'tekst', 'Spørsmålstekst', true)}
${texts(c, 'hjelp', 'Hjelpetekst', false)}
${input(c, 'kortnavn', 'Kortnavn i tabeller og figurer (valgfritt)', 40)}
${lockedOr(
  c,
  'seksjon',
  'Seksjon',
  () =>
    html`<p><label for="f-seksjon">Seksjon</label><br>${problemOf(c, 'seksjon')}<select id="f-seksjon" name="seksjon">${v.qn.sections.map(
      (s) =>
        s.key === section
          ? html`<option value="${s.key}" selected>${textIn(s.title, 'nb')}</option>`
          : html`<option value="${s.key}">${textIn(s.title, 'nb')}</option>`,
    )}</select></p>`,
)}
<p>${checkbox(c, 'obligatorisk', 'Obligatorisk (må besvares når spørsmålet vises)', c.locked)}</p>
${typeFields(c)}
${followUp(c)}
${eligibility(c)}
${admin ? html`<p><button class="primary" type="submit" name="handling" value="lagre">Lagre</button> <a href="${base}">Avbryt</a></p>` : false}
</form>`;
  return page(title, body, viewer, '/runde');
}
