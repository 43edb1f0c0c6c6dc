/**
 * Preparing a survey: the "new round" form and what creating it did (window, units per role, and
 * the municipalities that came, went or merged), and the registry's upload forms (a year's units,
 * the mapping between two divisions) with their results and errors.
 */
import type { RegistryImportResult } from '../../registry/registry.service.ts';
import type { Round } from '../../round/round.service.ts';
import type { AppError } from '../../shared/errors.ts';
import { type Html, html } from '../../shared/html.ts';
import { formatOsloDate } from '../../shared/time.ts';
import { roleName } from '../labels.ts';
import { page, type Viewer } from '../layout.ts';

/** A problem with one field of a form (the field's id), in words for the user. */
export interface Problem {
  readonly field: string;
  readonly message: string;
}

export const csrfField = (v: Viewer) => html`<input type="hidden" name="_csrf" value="${v.csrf}">`;

/** The summary at the top of a form that did not validate; each problem links to its field. */
export function errorSummary(problems: readonly Problem[], heading = 'Noe må rettes'): Html | false {
  if (problems.length === 0) return false;
  return html`<div class="error-summary" role="alert"><h2>${heading}</h2><ul>${problems.map((p) =>
    p.field ? html`<li><a href="#${p.field}">${p.message}</a></li>` : html`<li>${p.message}</li>`,
  )}</ul></div>`;
}

/** The error message above a field and the attributes that tie it to the field. */
export function fieldError(problems: readonly Problem[], id: string): { message: Html | false; attrs: Html | string } {
  const p = problems.find((x) => x.field === id);
  return p
    ? {
        message: html`<p class="error-message" id="${id}-feil">${p.message}</p>`,
        attrs: html` aria-invalid="true" aria-describedby="${id}-feil"`,
      }
    : { message: false, attrs: '' };
}

const option = (value: string, label: string, current: string) =>
  value === current ? html`<option value="${value}" selected>${label}</option>` : html`<option value="${value}">${label}</option>`;

const lastDay = (r: Round) => new Date(r.closesAt.getTime() - 1);

// ---------------------------------------------------------------------------------------------
// New round

export interface NewRoundValues {
  readonly year: string;
  readonly registryYear: string;
  /** `runde:YEAR` (copy that round) or `mal:KEY` (a built-in template). */
  readonly basis: string;
}

export interface NewRoundView {
  readonly values: NewRoundValues;
  readonly registryYears: readonly number[];
  readonly rounds: readonly number[];
  readonly templates: readonly string[];
  readonly problems: readonly Problem[];
}

export function newRoundPage(v: NewRoundView, viewer: Viewer): string {
  const f = v.values;
  const e = (id: string) => fieldError(v.problems, id);
  const year = e('ar');
  const reg = e('registerar');
  const basis = e('grunnlag');
  const admin = viewer.role === 'admin';
  const body = html`<h1>Ny undersøkelse</h1>
${errorSummary(v.problems, 'Undersøkelsen ble ikke opprettet')}
<p>En ny undersøkelse kopieres fra en tidligere (spørreskjemaer, e-posttekster, påminnelser og svarperioden ett år senere) eller lages fra en innebygd mal. Enhetene hentes fra registeret for året du velger. Alt kan endres etterpå.</p>
${admin ? false : html`<p class="notice">Du har lesetilgang og kan ikke opprette undersøkelser.</p>`}
${
  v.registryYears.length === 0
    ? html`<p class="notice">Det finnes ikke noe register ennå. <a href="/#register">Importer et register</a> før du oppretter en undersøkelse.</p>`
    : false
}
<form method="post" action="/runder/ny" class="stack">${csrfField(viewer)}
<label for="ar">År for undersøkelsen</label>${year.message}<input id="ar" name="ar" inputmode="numeric" autocomplete="off" value="${f.year}" required${year.attrs}>
<label for="registerar">Registerår (enhetene)</label>${reg.message}<select id="registerar" name="registerar"${reg.attrs}>${v.registryYears.map(
    (y) => option(String(y), `Register ${y}`, f.registryYear),
  )}</select>
<label for="grunnlag">Grunnlag</label>${basis.message}<select id="grunnlag" name="grunnlag"${basis.attrs}>${
    v.rounds.length > 0
      ? html`<optgroup label="Kopier en tidligere undersøkelse">${[...v.rounds]
          .reverse()
          .map((y) => option(`runde:${y}`, `Kopier undersøkelsen ${y}`, f.basis))}</optgroup>`
      : false
  }<optgroup label="Bruk en innebygd mal">${v.templates.map((t) => option(`mal:${t}`, `Mal: ${t}`, f.basis))}</optgroup></select>
${admin ? html`<button class="primary" type="submit">Opprett undersøkelsen</button>` : false}
</form>`;
  return page('Ny undersøkelse', body, viewer, '/');
}

export interface NamedUnit {
  readonly number: string;
  readonly name: string;
}

export interface CreatedRoundView {
  readonly round: Round;
  readonly units: Readonly<Record<string, number>>;
  /** Copied from this round, or made from this template. */
  readonly basis: { readonly from: number } | { readonly template: string };
  /** Only for a copied round. */
  readonly division?: {
    readonly fromRegistryYear: number;
    readonly added: readonly NamedUnit[];
    readonly gone: readonly (NamedUnit & { readonly into?: NamedUnit })[];
    readonly merged: readonly { readonly into: NamedUnit; readonly from: readonly NamedUnit[] }[];
  };
}

const unitText = (u: NamedUnit) => `${u.number} ${u.name}`;

export function roundCreatedPage(v: CreatedRoundView, viewer: Viewer): string {
  const r = v.round;
  const d = v.division;
  const changed = d && (d.added.length > 0 || d.gone.length > 0 || d.merged.length > 0);
  const body = html`<h1>Undersøkelsen ${r.year} er opprettet</h1>
<p class="notice" role="status">${'from' in v.basis ? `Kopiert fra undersøkelsen ${v.basis.from}` : `Laget fra malen ${v.basis.template}`}, med enhetene i registeret for ${r.registryYear}.</p>
<p><strong>Svarperiode:</strong> ${formatOsloDate(r.opensAt)} – ${formatOsloDate(lastDay(r))}<br>
<strong>Påminnelser:</strong> ${r.reminders.length > 0 ? `${r.reminders.join(', ')} dager etter at svarperioden åpner` : 'ingen'}</p>
<div class="scroll" tabindex="0"><table><caption class="muted">Enheter per rolle</caption><thead><tr><th scope="col">Rolle</th><th scope="col" class="num">Enheter</th></tr></thead>
<tbody>${Object.entries(v.units).map(([role, n]) => html`<tr><th scope="row">${roleName(role)}</th><td class="num">${n}</td></tr>`)}</tbody></table></div>
${
  d
    ? changed
      ? html`<h2>Endringer i inndelingen fra ${d.fromRegistryYear} til ${r.registryYear}</h2>
${
  d.merged.length > 0
    ? html`<h3>Slått sammen (${d.merged.length})</h3><ul>${d.merged.map(
        (m) => html`<li><strong>${unitText(m.into)}</strong> fra ${m.from.map((u, i) => html`${i > 0 ? ', ' : ''}${unitText(u)}`)}</li>`,
      )}</ul>`
    : false
}
${d.added.length > 0 ? html`<h3>Nye enheter (${d.added.length})</h3><ul>${d.added.map((u) => html`<li>${unitText(u)}</li>`)}</ul>` : false}
${
  d.gone.length > 0
    ? html`<h3>Enheter som ikke fortsetter under eget nummer (${d.gone.length})</h3><ul>${d.gone.map(
        (u) => html`<li>${unitText(u)}${u.into ? html` <span class="muted">(nå en del av ${unitText(u.into)})</span>` : false}</li>`,
      )}</ul>`
    : false
}`
      : html`<p>Ingen endringer i inndelingen siden undersøkelsen ${'from' in v.basis ? v.basis.from : ''}.</p>`
    : false
}
<p><a class="button" href="/runde/${r.year}">Gå til undersøkelsen ${r.year}</a></p>
<p><a href="/kontakter?ar=${r.year}">Kontaktpersoner for ${r.year}</a> · <a href="/">Til oversikten</a></p>`;
  return page(`Undersøkelsen ${r.year} er opprettet`, body, viewer, '/');
}

// ---------------------------------------------------------------------------------------------
// Registry uploads

/** The problems of a failed import as a list, each in bokmål. */
export function importProblems(e: AppError): string[] {
  return e.texts('nb');
}

export interface RegistryFormValues {
  readonly year: string;
  /** Registry years already stored: a new file for one of them shows its changes before anything is stored. */
  readonly existing: readonly number[];
}

export function registryImportForm(viewer: Viewer, v: RegistryFormValues, problems: readonly Problem[] = []): Html {
  const year = fieldError(problems, 'register-ar');
  const exists = /^\d{4}$/.test(v.year) && v.existing.includes(Number(v.year));
  return html`<form method="post" action="/registry/import" enctype="multipart/form-data" class="stack">${csrfField(viewer)}
<label for="register-ar">Registerår</label>${year.message}<input id="register-ar" name="ar" inputmode="numeric" autocomplete="off" value="${v.year}" required${year.attrs}>
<label for="register-fil">CSV-fil</label><input id="register-fil" name="fil" type="file" accept=".csv,text/csv" required>
${
  exists
    ? html`<p class="muted">Registeret for ${v.year} finnes. Du får se hva filen endrer (nye, borte og endrede enheter) før noe lagres.</p>
<label for="register-flytting">Fil med flyttinger (valgfri): <code>fra,til</code> for enheter som har fått nytt nummer</label><input id="register-flytting" name="flytting" type="file" accept=".csv,text/csv">`
    : false
}
<button class="primary" type="submit">Importer registeret</button></form>`;
}

export function mappingForm(viewer: Viewer, years: readonly number[], from: string, to: string, problems: readonly Problem[] = []): Html {
  const f = fieldError(problems, 'kobling-fra');
  const t = fieldError(problems, 'kobling-til');
  return html`<form method="post" action="/registry/kobling" enctype="multipart/form-data" class="stack">${csrfField(viewer)}
<label for="kobling-fra">Fra registerår (gamle nummer)</label>${f.message}<select id="kobling-fra" name="fra"${f.attrs}>${years.map((y) => option(String(y), String(y), from))}</select>
<label for="kobling-til">Til registerår (nye nummer)</label>${t.message}<select id="kobling-til" name="til"${t.attrs}>${years.map((y) => option(String(y), String(y), to))}</select>
<label for="kobling-fil">CSV-fil</label><input id="kobling-fil" name="fil" type="file" accept=".csv,text/csv" required>
<button class="primary" type="submit">Importer koblingen</button></form>`;
}

const registryHelp = html`<p>Kolonner: <code>kommunenummer,navn,fylkesnummer,fylkesnavn</code> og deretter egenskaper med små bokstaver, for eksempel <code>folketall</code> (komma eller semikolon, UTF-8). Importen lagres helt eller ikke i det hele tatt.</p>`;
const mappingHelp = html`<p>Kolonner: <code>fra_nummer,til_nummer,andel</code>. Flere rader med samme <code>til_nummer</code> er en sammenslåing; en deling trenger <code>andel</code> på hver rad. Begge årenes registre må være importert først.</p>`;

/** The registry page's upload section (admins only). */
export function registryUploads(viewer: Viewer, year: number, years: readonly number[]): Html | false {
  if (viewer.role !== 'admin') return false;
  const earlier = years.filter((y) => y < year).at(-1);
  return html`<h2 id="importer">Importer register</h2>
${registryHelp}
${registryImportForm(viewer, { year: String(year), existing: years })}
<h2 id="kobling">Importer kobling mellom inndelinger</h2>
${mappingHelp}
${years.length >= 2 ? mappingForm(viewer, years, String(earlier ?? years[0] ?? ''), String(year)) : html`<p class="muted">Importer registeret for et annet år først.</p>`}`;
}

export interface UploadErrorView {
  readonly kind: 'register' | 'kobling';
  /** What went wrong with the file (line and column), or with the fields. */
  readonly fileProblems: readonly string[];
  readonly problems: readonly Problem[];
  readonly years: readonly number[];
  readonly values: { readonly year?: string; readonly from?: string; readonly to?: string };
}

export function uploadErrorPage(v: UploadErrorView, viewer: Viewer): string {
  const title = v.kind === 'register' ? 'Importer register' : 'Importer kobling mellom inndelinger';
  const shown = v.fileProblems.slice(0, 50);
  const body = html`<h1>${title}</h1>
${
  v.fileProblems.length > 0
    ? html`<div class="error-summary" role="alert"><h2>Filen ble ikke importert</h2><p>Ingenting er lagret. Rett feilene og prøv igjen.</p><ul>${shown.map((d) => html`<li>${d}</li>`)}</ul>${v.fileProblems.length > shown.length ? html`<p>… og ${v.fileProblems.length - shown.length} feil til.</p>` : false}</div>`
    : errorSummary(v.problems, 'Filen ble ikke importert')
}
${v.kind === 'register' ? registryHelp : mappingHelp}
${
  v.kind === 'register'
    ? registryImportForm(viewer, { year: v.values.year ?? '', existing: v.years }, v.problems)
    : mappingForm(viewer, v.years, v.values.from ?? '', v.values.to ?? '', v.problems)
}
<p><a href="/">Til oversikten</a></p>`;
  return page(title, body, viewer, '/');
}

export function registryImportedPage(r: RegistryImportResult, viewer: Viewer): string {
  const p = r.plan;
  const moved = p.roundUnits.reduce((n, c) => n + c.renumbered.length, 0);
  const added = p.roundUnits.reduce((n, c) => n + c.added.length, 0);
  const removed = p.roundUnits.reduce((n, c) => n + c.removed.length, 0);
  const body = html`<h1>Registeret for ${r.year} er importert</h1>
<p class="notice" role="status">${r.units} enheter: ${r.municipalities} kommuner og ${r.districts} bydeler i ${r.counties} fylker.${r.replaced > 0 ? ` Erstattet et register med ${r.replaced} enheter.` : ''}</p>
${
  p.firstImport
    ? false
    : html`<p>Endringer: ${p.diff.added.length} nye, ${p.diff.gone.length} borte og ${p.diff.changed.length} endrede enheter${
        p.moves.length > 0 ? `, ${p.moves.length} flyttet til nytt nummer med lenker, svar og kontaktpersoner` : ''
      }.${
        p.rounds.length > 0
          ? ` I ${p.rounds.length === 1 ? `undersøkelsen ${p.rounds[0]}` : `undersøkelsene ${p.rounds.join(', ')}`}: ${added} lagt til, ${removed} fjernet og ${moved} med nytt nummer (summert over rollene).`
          : ''
      }</p>`
}
<p>Egenskaper: ${r.attributes.length > 0 ? r.attributes.map((a, i) => html`${i > 0 ? ', ' : ''}<code>${a}</code>`) : 'ingen'}.</p>
<p><a class="button" href="/registry/${r.year}">Se registeret for ${r.year}</a></p>
<p><a href="/grupperinger?ar=${r.year}">Grupperinger for ${r.year}</a> · <a href="/runder/ny">Ny undersøkelse</a> · <a href="/">Til oversikten</a></p>`;
  return page(`Registeret for ${r.year} er importert`, body, viewer, '/');
}

export interface MappingImportedView {
  readonly from: number;
  readonly to: number;
  readonly entries: number;
  readonly merged: readonly { readonly into: NamedUnit; readonly from: readonly NamedUnit[] }[];
  readonly split: readonly { readonly from: NamedUnit; readonly into: readonly NamedUnit[] }[];
}

export function mappingImportedPage(v: MappingImportedView, viewer: Viewer): string {
  const body = html`<h1>Koblingen fra ${v.from} til ${v.to} er importert</h1>
<p class="notice" role="status">${v.entries} rader er lagret. Enheter uten rad fortsetter under eget nummer når det finnes i ${v.to}.</p>
${
  v.merged.length > 0
    ? html`<h2>Sammenslåinger (${v.merged.length})</h2><ul>${v.merged.map(
        (m) => html`<li><strong>${unitText(m.into)}</strong> fra ${m.from.map((u, i) => html`${i > 0 ? ', ' : ''}${unitText(u)}`)}</li>`,
      )}</ul>`
    : false
}
${
  v.split.length > 0
    ? html`<h2>Delinger (${v.split.length})</h2><ul>${v.split.map(
        (s) => html`<li><strong>${unitText(s.from)}</strong> til ${s.into.map((u, i) => html`${i > 0 ? ', ' : ''}${unitText(u)}`)}</li>`,
      )}</ul>`
    : false
}
<p><a href="/registry/${v.to}">Se registeret for ${v.to}</a> · <a href="/runder/ny">Ny undersøkelse</a> · <a href="/">Til oversikten</a></p>`;
  return page(`Koblingen ${v.from}–${v.to} er importert`, body, viewer, '/');
}
