/**
 * The survey team's outreach pages: contacts (import, counts, list) and mail (status of the
 * outbox, the schedule, "send now", the letters' texts, and in the demo the captured mails).
 */
import type { CapturedMessage } from '../../outreach/capture-smtp.ts';
import type { RoundContact } from '../../outreach/contact.service.ts';
import type { MailTemplate } from '../../outreach/mail-template.service.ts';
import { mergeFields } from '../../outreach/mail-template.ts';
import type { OutboxMessage, OutboxStatus } from '../../outreach/outbox.service.ts';
import { type Role, roles } from '../../questionnaire/model.ts';
import type { Round } from '../../round/round.service.ts';
import { type Html, html } from '../../shared/html.ts';
import { say } from '../../shared/i18n/message.ts';
import { formatOsloDate, formatOsloDateTime } from '../../shared/time.ts';
import { roleName } from '../labels.ts';
import { page, type Viewer } from '../layout.ts';

const csrf = (v: Viewer) => html`<input type="hidden" name="_csrf" value="${v.csrf}">`;

export interface ContactsView {
  readonly round: Round;
  readonly contacts: readonly RoundContact[];
  readonly units: Readonly<Partial<Record<Role, number>>>;
  readonly imported?: { added: number; changed: number; unchanged: number };
  /** Every problem of a refused file, in bokmål. */
  readonly problems?: readonly string[];
}

export function contactsPage(v: ContactsView, viewer: Viewer): string {
  const y = v.round.year;
  const body = html`<h1>Kontaktpersoner ${y}</h1>
${v.imported ? html`<p class="notice" role="status">Importert: ${v.imported.added} nye, ${v.imported.changed} endret, ${v.imported.unchanged} uendret.</p>` : false}
${v.problems ? html`<div class="error-summary" role="alert"><h2>Filen ble ikke importert</h2><p>Ingenting er lagret. Rett feilene og prøv igjen.</p><ul>${v.problems.map((d) => html`<li>${d}</li>`)}</ul></div>` : false}
<div class="scroll" tabindex="0"><table><caption class="muted">Enheter med kontaktperson</caption><thead><tr><th scope="col">Rolle</th><th scope="col" class="num">Enheter</th><th scope="col" class="num">Med kontaktperson</th></tr></thead>
<tbody>${roles
    .filter((r) => v.units[r] !== undefined)
    .map(
      (r) =>
        html`<tr><th scope="row">${roleName(r)}</th><td class="num">${v.units[r] ?? 0}</td><td class="num">${v.contacts.filter((c) => c.role === r).length}</td></tr>`,
    )}</tbody></table></div>
${
  viewer.role === 'admin'
    ? html`<h2>Importer fra CSV</h2>
<p>Kolonner: <code>kommunenummer,rolle,navn,epost,telefon</code> (komma eller semikolon, UTF-8). Roller: ${roles.join(', ')}. En kontaktperson som endres, beholdes i historikken. Importen lagres helt eller ikke i det hele tatt.</p>
<form method="post" action="/kontakter/import?ar=${y}" enctype="multipart/form-data" class="stack">${csrf(viewer)}
<label for="fil">CSV-fil</label><input id="fil" name="fil" type="file" accept=".csv,text/csv" required>
<button class="primary" type="submit">Importer</button></form>`
    : false
}
<h2>Alle kontaktpersoner</h2>
<div class="scroll" tabindex="0"><table><thead><tr><th scope="col">Enhet</th><th scope="col">Rolle</th><th scope="col">Navn</th><th scope="col">E-post</th><th scope="col">Telefon</th></tr></thead>
<tbody>${v.contacts.map(
    (c) =>
      html`<tr><td><a href="/runde/${y}/enhet/${c.unitNumber}">${c.unitNumber} ${c.unitName}</a></td><td>${roleName(c.role)}</td><td>${c.name}</td><td>${c.email}</td><td>${c.phone ?? ''}</td></tr>`,
  )}</tbody></table></div>`;
  return page(`Kontaktpersoner ${y}`, body, viewer, '/kontakter');
}

export interface OutreachView {
  readonly round: Round;
  readonly status: OutboxStatus;
  readonly templates: readonly MailTemplate[];
  readonly recent: readonly OutboxMessage[];
  readonly failed: readonly OutboxMessage[];
  readonly smtp: string;
  readonly captured: boolean;
  /** The window has opened (its first day can no longer move). */
  readonly opened: boolean;
  readonly notice?: string;
  readonly error?: string;
}

/** Admins: extend or shorten the window (and move its first day while it has not opened). */
function windowForm(v: OutreachView, viewer: Viewer): Html {
  const w = v.round.window;
  return html`<details${v.error ? ' open' : ''}><summary>Endre svarperioden</summary>
<form method="post" action="/utsendelser/periode?ar=${v.round.year}" class="stack">${csrf(viewer)}
${
  v.opened
    ? html`<p>Svarperioden åpnet ${formatOsloDate(v.round.opensAt)}; bare sluttdatoen kan endres nå.</p>`
    : html`<label for="periode-apner">Første dag</label><input id="periode-apner" name="apner" type="date" value="${w.opens}" required>`
}
<label for="periode-slutter">Siste dag</label><input id="periode-slutter" name="slutter" type="date" value="${w.closes}" required>
<p class="muted">Påminnelsene og fristen i nye e-poster følger den nye perioden; påminnelser etter siste dag sendes ikke.</p>
<button class="primary" type="submit">Endre svarperioden</button></form></details>`;
}

const kindNames = { invitation: 'Invitasjon', reminder: 'Påminnelse', manual: 'Sendt manuelt' } as const;
const statusNames = { queued: 'I kø', sent: 'Sendt', failed: 'Avvist' } as const;

export function outreachPage(v: OutreachView, viewer: Viewer): string {
  const y = v.round.year;
  const admin = viewer.role === 'admin';
  const reminderDates = v.round.reminders.map((d) => formatOsloDate(new Date(v.round.opensAt.getTime() + d * 86_400_000 + 12 * 3_600_000)));
  const body = html`<h1>Utsendelser ${y}</h1>
${v.notice ? html`<p class="notice" role="status">${v.notice}</p>` : false}
${v.error ? html`<div class="error-summary" role="alert"><h2>Noe gikk galt</h2><p>${v.error}</p></div>` : false}
<p>E-post sendes via ${v.smtp}.${v.captured ? html` Dette er demoen: e-postene fanges av en lokal e-posttjener og vises under <a href="/utsendelser/fanget">Fangede e-poster</a>.` : false}</p>
<h2>Plan</h2>
<ul><li>Invitasjon til alle med kontaktperson når undersøkelsen åpner ${formatOsloDate(v.round.opensAt)}.</li>
<li>Påminnelser til dem som ikke har sendt inn: ${reminderDates.length > 0 ? reminderDates.join(', ') : 'ingen planlagt'}.</li>
<li>Frist: ${formatOsloDate(new Date(v.round.closesAt.getTime() - 1))}.</li></ul>
${admin ? windowForm(v, viewer) : false}
<h2>Status</h2>
<table><thead><tr><th scope="col">Type</th>${(['queued', 'sent', 'failed'] as const).map((s) => html`<th scope="col" class="num">${statusNames[s]}</th>`)}</tr></thead>
<tbody>${(['invitation', 'reminder', 'manual'] as const).map(
    (k) =>
      html`<tr><th scope="row">${kindNames[k]}</th>${(['queued', 'sent', 'failed'] as const).map((s) => html`<td class="num">${v.status.byKind[k][s]}</td>`)}</tr>`,
  )}</tbody></table>
${
  admin
    ? html`<h2>Send nå</h2>
<form method="post" action="/utsendelser/send?ar=${y}" class="filters">${csrf(viewer)}
<label for="send-type">Send</label><select id="send-type" name="type"><option value="reminder">påminnelse</option><option value="invitation">invitasjon</option></select>
<label for="send-rolle">til</label><select id="send-rolle" name="rolle"><option value="">alle roller</option>${roles.map((r) => html`<option value="${r}">${roleName(r)}</option>`)}</select>
<span>som ikke har sendt inn og har kontaktperson</span>
<button type="submit">Legg i kø</button></form>`
    : false
}
${
  v.failed.length > 0
    ? html`<h2>Avviste e-poster</h2><div class="scroll" tabindex="0"><table><thead><tr><th scope="col">Enhet</th><th scope="col">Rolle</th><th scope="col">Til</th><th scope="col">Årsak</th></tr></thead><tbody>${v.failed.map(
        (m) =>
          html`<tr><td><a href="/runde/${y}/enhet/${m.unitNumber}">${m.unitNumber}</a></td><td>${roleName(m.role)}</td><td>${m.toAddress}</td><td>${m.lastError ? say(m.lastError, 'nb') : ''}</td></tr>`,
      )}</tbody></table></div>`
    : false
}
<h2>Siste e-poster</h2>
<div class="scroll" tabindex="0"><table><thead><tr><th scope="col">Tid</th><th scope="col">Enhet</th><th scope="col">Rolle</th><th scope="col">Type</th><th scope="col">Status</th></tr></thead><tbody>${v.recent.map(
    (m) =>
      html`<tr><td>${formatOsloDateTime(m.sentAt ?? m.createdAt)}</td><td><a href="/runde/${y}/enhet/${m.unitNumber}">${m.unitNumber}</a></td><td>${roleName(m.role)}</td><td>${kindNames[m.kind]}</td><td>${statusNames[m.status]}${m.lastError ? html` <span class="muted">(${say(m.lastError, 'nb')})</span>` : false}</td></tr>`,
  )}</tbody></table></div>
<h2>Tekstene</h2>
<p>Flettefelt: ${Object.keys(mergeFields).map((f, i) => html`${i > 0 ? ', ' : ''}<code>{${f}}</code>`)}. Teksten må inneholde <code>{lenke}</code>.</p>
${v.templates.map((t) => templateForm(y, t, viewer))}`;
  return page(`Utsendelser ${y}`, body, viewer, '/utsendelser');
}

function templateForm(year: number, t: MailTemplate, viewer: Viewer): Html {
  const id = `${t.role}-${t.kind}`;
  return html`<details><summary>${roleName(t.role)}: ${kindNames[t.kind].toLowerCase()}${t.isDefault ? ' (standardtekst)' : ''}</summary>
<form method="post" action="/utsendelser/mal?ar=${year}" class="stack">${csrf(viewer)}<input type="hidden" name="rolle" value="${t.role}"><input type="hidden" name="type" value="${t.kind}">
<label for="${id}-emne">Emne</label><input id="${id}-emne" name="emne" value="${t.subject}"${viewer.role === 'admin' ? '' : html` readonly`}>
<label for="${id}-tekst">Tekst</label><textarea id="${id}-tekst" name="tekst" rows="12"${viewer.role === 'admin' ? '' : html` readonly`}>${t.body}</textarea>
${viewer.role === 'admin' ? html`<button class="primary" type="submit" name="handling" value="lagre">Lagre teksten</button> ${t.isDefault ? false : html`<button type="submit" name="handling" value="standard">Bruk standardteksten</button>`}` : false}
</form></details>`;
}

export function capturedPage(messages: readonly CapturedMessage[], viewer: Viewer): string {
  const body = html`<h1>Fangede e-poster</h1>
<p>I demoen går e-post til en lokal e-posttjener i Kommunepuls i stedet for ut på nettet. Her er det den har mottatt, nyeste først (${messages.length}).</p>
${[...messages]
  .reverse()
  .slice(0, 200)
  .map(
    (m) =>
      html`<article class="card"><h2>${m.subject}</h2><p class="muted">Til ${m.to.join(', ')} · ${formatOsloDateTime(m.receivedAt)}</p><pre class="mail">${linkify(m.text)}</pre></article>`,
  )}`;
  return page('Fangede e-poster', body, viewer, '/utsendelser');
}

/** Mail text with its respondent links clickable (the demo follows them). */
function linkify(text: string): Html {
  const parts = text.split(/(https?:\/\/[^\s<>"]+)/g);
  return html`${parts.map((p, i) => (i % 2 === 1 ? html`<a href="${p}">${p}</a>` : p))}`;
}
