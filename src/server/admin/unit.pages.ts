/**
 * A unit's page for the survey team: per role the response status, the contact (edit it; the
 * history is kept), the mails sent, and the follow-up log with a form to record a call.
 */
import type { ResponseState } from '../../collect/response.service.ts';
import { channelNames, channels, type Followup } from '../../monitor/followup.service.ts';
import type { Contact } from '../../outreach/contact.service.ts';
import type { OutboxMessage } from '../../outreach/outbox.service.ts';
import type { Role } from '../../questionnaire/model.ts';
import type { Unit } from '../../registry/registry.types.ts';
import { type Html, html } from '../../shared/html.ts';
import { say } from '../../shared/i18n/message.ts';
import { formatNumber } from '../../shared/numbers.ts';
import { formatOsloDateTime } from '../../shared/time.ts';
import { attributeNames, roleName } from '../labels.ts';
import { page, type Viewer } from '../layout.ts';

export interface RoleView {
  readonly role: Role;
  readonly response: ResponseState;
  readonly contacts: readonly Contact[];
  readonly mails: readonly OutboxMessage[];
  readonly followups: readonly Followup[];
}

/** What a form posted that did not validate: field → message, and the values to show back. */
export interface FormErrors {
  readonly role: Role;
  readonly form: 'kontakt' | 'oppfolging';
  readonly problems: readonly { field: string; message: string }[];
  readonly values: Readonly<Record<string, string>>;
}

const statusText = (r: ResponseState): Html => {
  if (r.status === 'submitted')
    return html`<strong>Sendt inn</strong> ${r.submittedAt ? formatOsloDateTime(r.submittedAt) : ''}${r.source === 'import' ? ' (importert)' : ''}`;
  if (r.status === 'in_progress') return html`Påbegynt, sist lagret ${r.updatedAt ? formatOsloDateTime(r.updatedAt) : ''}`;
  return html`Ikke påbegynt`;
};

const mailKind = { invitation: 'Invitasjon', reminder: 'Påminnelse', manual: 'Sendt manuelt' } as const;
const mailStatus = { queued: 'I kø', sent: 'Sendt', failed: 'Avvist' } as const;

function problemsOf(e: FormErrors | undefined, role: Role, form: FormErrors['form']) {
  return e && e.role === role && e.form === form ? e : undefined;
}

function field(
  id: string,
  name: string,
  label: string,
  value: string,
  err: FormErrors | undefined,
  type = 'text',
  extra: Html | string = '',
): Html {
  const problem = err?.problems.find((p) => p.field === name);
  return html`<label for="${id}">${label}</label>${problem ? html`<p class="error-message" id="${id}-error">${problem.message}</p>` : false}<input id="${id}" name="${name}" type="${type}" value="${err ? (err.values[name] ?? '') : value}"${problem ? html` aria-invalid="true" aria-describedby="${id}-error"` : ''}${extra}>`;
}

function summary(err: FormErrors | undefined, prefix: string): Html | false {
  return err
    ? html`<div class="error-summary" role="alert"><h4>Noe må rettes</h4><ul>${err.problems.map((p) => html`<li><a href="#${prefix}-${p.field}">${p.message}</a></li>`)}</ul></div>`
    : false;
}

function roleSection(year: number, unit: Unit, v: RoleView, viewer: Viewer, errors: FormErrors | undefined): Html {
  const current = v.contacts.find((c) => c.supersededAt === null);
  const history = v.contacts.filter((c) => c.supersededAt !== null);
  const p = `${v.role}`;
  const action = (what: string) => `/runde/${year}/enhet/${unit.number}/${what}`;
  const admin = viewer.role === 'admin';
  const contactErr = problemsOf(errors, v.role, 'kontakt');
  const followErr = problemsOf(errors, v.role, 'oppfolging');
  return html`<section class="card" aria-labelledby="h-${p}">
<h2 id="h-${p}">${roleName(v.role)}</h2>
<p>Status: ${statusText(v.response)}</p>
<p><a href="/runde/${year}/enhet/${unit.number}/sammenlign?rolle=${v.role}">Sammenlign svarene med andre (${roleName(v.role).toLowerCase()})</a></p>
<h3>Kontaktperson</h3>
${current ? html`<p>${current.name} · <a href="mailto:${current.email}">${current.email}</a>${current.phone ? html` · <a href="tel:${current.phone.replace(/\s/g, '')}">${current.phone}</a>` : false}<br><span class="muted">registrert ${formatOsloDateTime(current.createdAt)} av ${current.createdBy}</span></p>` : html`<p class="muted">Ingen kontaktperson registrert.</p>`}
${
  admin
    ? html`<details${contactErr ? html` open` : ''}><summary>${current ? 'Endre kontaktperson' : 'Registrer kontaktperson'}</summary>${summary(contactErr, p)}
<form class="stack" method="post" action="${action('kontakt')}"><input type="hidden" name="_csrf" value="${viewer.csrf}"><input type="hidden" name="rolle" value="${v.role}">
${field(`${p}-navn`, 'navn', 'Navn', current?.name ?? '', contactErr, 'text', html` autocomplete="off"`)}
${field(`${p}-epost`, 'epost', 'E-post', current?.email ?? '', contactErr, 'email', html` autocomplete="off"`)}
${field(`${p}-telefon`, 'telefon', 'Telefon (valgfritt)', current?.phone ?? '', contactErr, 'tel', html` autocomplete="off"`)}
<button class="primary" type="submit">Lagre kontaktperson</button></form></details>`
    : false
}
${history.length > 0 ? html`<details><summary>Tidligere kontaktpersoner (${history.length})</summary><ul>${history.map((c) => html`<li>${c.name}, ${c.email}${c.phone ? `, ${c.phone}` : ''} <span class="muted">(${formatOsloDateTime(c.createdAt)} – ${c.supersededAt ? formatOsloDateTime(c.supersededAt) : ''})</span></li>`)}</ul></details>` : false}
<h3>E-poster</h3>
${
  v.mails.length > 0
    ? html`<div class="scroll" tabindex="0"><table><thead><tr><th scope="col">Type</th><th scope="col">Til</th><th scope="col">Status</th><th scope="col">Tid</th></tr></thead><tbody>${v.mails.map(
        (m) =>
          html`<tr><td>${mailKind[m.kind]}</td><td>${m.toAddress}</td><td>${mailStatus[m.status]}${m.lastError ? html`<br><span class="muted">${say(m.lastError, 'nb')}</span>` : false}</td><td>${formatOsloDateTime(m.sentAt ?? m.createdAt)}</td></tr>`,
      )}</tbody></table></div>`
    : html`<p class="muted">Ingen e-poster ennå.</p>`
}
${
  admin && current && v.response.status !== 'submitted'
    ? html`<form method="post" action="${action('send')}"><input type="hidden" name="_csrf" value="${viewer.csrf}"><input type="hidden" name="rolle" value="${v.role}"><button type="submit">Send påminnelse nå</button></form>`
    : false
}
<h3>Oppfølging</h3>
${
  v.followups.length > 0
    ? html`<ul class="log">${v.followups.map((f) => html`<li><strong>${formatOsloDateTime(f.at)}</strong> · ${channelNames[f.channel]} · ${f.byUser}: ${f.outcome}${f.note ? html`<br>${f.note}` : false}</li>`)}</ul>`
    : html`<p class="muted">Ingen oppfølging registrert.</p>`
}
${
  admin
    ? html`<details${followErr ? html` open` : ''}><summary>Registrer oppfølging</summary>${summary(followErr, p)}
<form class="stack" method="post" action="${action('oppfolging')}"><input type="hidden" name="_csrf" value="${viewer.csrf}"><input type="hidden" name="rolle" value="${v.role}">
<label for="${p}-kanal">Kanal</label><select id="${p}-kanal" name="kanal">${channels.map((c) => (followErr?.values.kanal === c ? html`<option value="${c}" selected>${channelNames[c]}</option>` : html`<option value="${c}">${channelNames[c]}</option>`))}</select>
${field(`${p}-utfall`, 'utfall', 'Utfall (for eksempel «Lovet å svare innen fredag»)', '', followErr)}
<label for="${p}-notat">Notat (valgfritt)</label><textarea id="${p}-notat" name="notat" rows="3">${followErr?.values.notat ?? ''}</textarea>
<button class="primary" type="submit">Lagre</button></form></details>`
    : false
}
</section>`;
}

export function unitPage(
  year: number,
  unit: Unit,
  views: readonly RoleView[],
  viewer: Viewer,
  errors?: FormErrors,
  notice?: string,
): string {
  const attrs = Object.entries(unit.attributes).filter(([k]) => attributeNames[k]);
  const body = html`<p><a href="/runde/${year}/purreliste">Tilbake til purrelisten</a></p>
<h1>${unit.number} ${unit.name}</h1>
<p class="muted">${unit.kind === 'bydel' ? 'Bydel' : 'Kommune'} i ${unit.countyName} · undersøkelsen ${year}</p>
${notice ? html`<p class="notice" role="status">${notice}</p>` : false}
${attrs.length > 0 ? html`<details><summary>Registertall</summary><table>${attrs.map(([k, v]) => html`<tr><th scope="row">${attributeNames[k] ?? k}</th><td class="num">${formatNumber(v)}</td></tr>`)}</table></details>` : false}
${views.map((v) => roleSection(year, unit, v, viewer, errors))}`;
  return page(`${unit.number} ${unit.name}`, body, viewer, '/runde');
}
