/**
 * The page between uploading a registry for a year that is stored already and applying it: what
 * the file changes (new, gone and changed units with counts), which units that go block it and
 * why, where the moves file sends units, what happens to the rounds' units, and the
 * "Bruk endringene" button that applies exactly the file shown (see registry.pending.ts).
 */
import type { Attached, ReimportPlan, UnitChange, UnitField } from '../../registry/registry.diff.ts';
import type { PendingUpload } from '../../registry/registry.pending.ts';
import { unitText } from '../../registry/registry.service.ts';
import { type Html, html } from '../../shared/html.ts';
import { formatNumber } from '../../shared/numbers.ts';
import { roleName } from '../labels.ts';
import { page, type Viewer } from '../layout.ts';
import { csrfField, errorSummary, type Problem } from './setup.pages.ts';

const words: Record<keyof Attached, [string, string]> = {
  links: ['lenke', 'lenker'],
  responses: ['svar', 'svar'],
  contacts: ['kontaktperson', 'kontaktpersoner'],
  outbox: ['e-post', 'e-poster'],
  followups: ['oppfølging', 'oppfølginger'],
};
const attachedNb = (a: Attached) =>
  (Object.keys(words) as (keyof Attached)[])
    .filter((k) => a[k] > 0)
    .map((k) => `${a[k]} ${a[k] === 1 ? words[k][0] : words[k][1]}`)
    .join(', ');

const fieldNames: Record<UnitField, string> = {
  name: 'navn',
  countyNumber: 'fylkesnummer',
  countyName: 'fylkesnavn',
  kind: 'type',
  parentNumber: 'kommune',
};
const value = (v: string | number | null) => (v === null ? '(ingen)' : typeof v === 'number' ? formatNumber(v) : `«${v}»`);
const changeText = (c: UnitChange) =>
  [
    ...c.fields.map((f) => `${fieldNames[f.field]} ${value(f.before)} → ${value(f.after)}`),
    ...c.attributes.map((a) => `${a.attribute} ${value(a.before)} → ${value(a.after)}`),
  ].join('; ');
const rounds = (list: readonly number[]) => (list.length === 1 ? `undersøkelsen ${list[0]}` : `undersøkelsene ${list.join(', ')}`);

function list(title: string, items: readonly (Html | string)[], id?: string): Html | false {
  if (items.length === 0) return false;
  return html`<h2${id ? html` id="${id}"` : ''}>${title} (${items.length})</h2><ul>${items.map((i) => html`<li>${i}</li>`)}</ul>`;
}

/** Why the changes cannot be applied, in Norwegian; false when they can. */
function refusals(plan: ReimportPlan): Html | false {
  if (plan.blocked.length === 0 && plan.collisions.length === 0) return false;
  return html`<div class="error-summary" role="alert" id="stopper"><h2>Endringene kan ikke brukes ennå</h2>
${
  plan.blocked.length > 0
    ? html`<p>Disse enhetene går ut, men har lenker, svar, kontaktpersoner eller e-post i undersøkelser på registeret for ${plan.year}. Last opp en fil med flyttinger som sier hvilket nummer i den nye filen hver av dem gikk til.</p>
<ul>${plan.blocked.map((b) => html`<li><strong>${unitText(b.unit)}</strong>: ${attachedNb(b.attached)} (${rounds(b.rounds)})</li>`)}</ul>`
    : false
}
${
  plan.collisions.length > 0
    ? html`<p>Disse flyttingene ville gitt én enhet to svar, og blir ikke gjort:</p>
<ul>${plan.collisions.map(
        (c) =>
          html`<li><strong>${c.from} → ${c.to}</strong>: ${
            c.other === c.to ? `${c.to} har allerede et eget svar` : `${c.other} flyttes også dit, med et svar`
          } som ${roleName(c.role).toLowerCase()} i undersøkelsen ${c.round}</li>`,
      )}</ul>`
    : false
}</div>`;
}

export interface ReimportView {
  readonly upload: PendingUpload;
  /** Why the page is shown again (a moves file that did not read, a plan that changed meanwhile). */
  readonly problems?: readonly Problem[];
  readonly notice?: string;
}

export function reimportPage(v: ReimportView, viewer: Viewer): string {
  const { upload: u } = v;
  const p = u.plan;
  const d = p.diff;
  const blocked = p.blocked.length > 0 || p.collisions.length > 0;
  const counts: [string, number][] = [
    ['Nye enheter', d.added.length],
    ['Enheter som går ut', d.gone.length],
    ['Endrede enheter', d.changed.length],
    ['Uendrede enheter', d.unchanged],
    ['Flyttes til nytt nummer', p.moves.length],
  ];
  const body = html`<h1>Endringer i registeret for ${p.year}</h1>
${v.notice ? html`<p class="notice" role="status">${v.notice}</p>` : false}
${errorSummary(v.problems ?? [], 'Filen med flyttinger ble ikke lest')}
<p>Ingenting er lagret ennå. Lagret nå: ${d.stored} enheter. I filen <code>${u.file}</code>: ${d.incoming} enheter.${
    p.rounds.length > 0 ? ` Registeret brukes av ${rounds(p.rounds)}.` : ''
  }${u.mappingFile ? html` Flyttinger fra <code>${u.mappingFile}</code>.` : ''}</p>
${refusals(p)}
<div class="scroll" tabindex="0"><table><caption class="muted">Endringer</caption><tbody>${counts.map(
    ([label, n]) => html`<tr><th scope="row">${label}</th><td class="num">${n}</td></tr>`,
  )}</tbody></table></div>
${
  p.unchanged
    ? html`<p>Filen er lik registeret som er lagret. Det er ingenting å endre.</p>`
    : blocked
      ? false
      : html`<form method="post" action="/registry/import/${u.id}/bruk" class="stack">${csrfField(viewer)}
<input type="hidden" name="sha256" value="${u.sha256}"><input type="hidden" name="plan" value="${p.fingerprint}">
<button class="primary" type="submit">Bruk endringene</button></form>`
}
${
  p.roundUnits.length > 0
    ? html`<h2>Enheter i undersøkelsene</h2><div class="scroll" tabindex="0"><table><thead><tr><th scope="col">Undersøkelse</th><th scope="col">Rolle</th><th scope="col" class="num">Legges til</th><th scope="col" class="num">Fjernes</th><th scope="col" class="num">Får nytt nummer</th></tr></thead>
<tbody>${p.roundUnits.map(
        (c) =>
          html`<tr><td>${c.round}</td><td>${roleName(c.role)}</td><td class="num">${c.added.length}</td><td class="num">${c.removed.length}</td><td class="num">${c.renumbered.length}</td></tr>`,
      )}</tbody></table></div>`
    : false
}
${list(
  'Flyttes til nytt nummer',
  p.moves.map(
    (m) =>
      html`<strong>${unitText(m.from)} → ${unitText(m.to)}</strong>${attachedNb(m.attached) ? ` (${attachedNb(m.attached)})` : ''}${
        m.targetKeepsContact.length > 0
          ? html` <span class="muted">${m.to.number} beholder sin egen kontaktperson som ${m.targetKeepsContact
              .map((r) => roleName(r).toLowerCase())
              .join(', ')}; den flyttede blir historikk.</span>`
          : false
      }`,
  ),
)}
<h2 id="flyttinger">Flyttinger</h2>
<p>En CSV-fil med kolonnene <code>fra,til</code>: nummeret som går ut og nummeret i den nye filen som tar over. Lenker, svar, kontaktpersoner, e-post og oppfølging flyttes til det nye nummeret, og lenkene som er sendt ut, åpner det samme svaret.</p>
<form method="post" action="/registry/import/${u.id}/flytting" enctype="multipart/form-data" class="stack">${csrfField(viewer)}
<label for="flytting">Fil med flyttinger</label><input id="flytting" name="flytting" type="file" accept=".csv,text/csv" required>
<button type="submit">Last opp flyttinger</button></form>
${list(
  'Nye enheter',
  d.added.map((x) => unitText(x)),
)}
${list(
  'Enheter som går ut',
  d.gone.map((x) => unitText(x)),
)}
${list(
  'Endrede enheter',
  d.changed.map((c) => html`<strong>${c.number} ${c.name}</strong>: ${changeText(c)}`),
)}
${list('Enheter i undersøkelsene som verken er i registeret eller i filen', p.outsideRegistry)}
${list(
  'Går ut uten noe knyttet til seg',
  p.dropped.map((x) => unitText(x)),
)}
<p><a href="/registry/${p.year}">Avbryt og gå til registeret for ${p.year}</a></p>`;
  return page(`Endringer i registeret for ${p.year}`, body, viewer, '/');
}
