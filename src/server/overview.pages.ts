/**
 * The start page (registry years, rounds and their response counts) and a registry year's units.
 * The counts are as the app's clock stands (KOMMUNEPULS_CLOCK), like the dashboard's.
 */
import { type RoleStatus, roundStatus } from '../monitor/monitor.service.ts';
import { outboxStatus } from '../outreach/outbox.service.ts';
import { roles as roleOrder } from '../questionnaire/model.ts';
import { getRegistry, registryYears } from '../registry/registry.service.ts';
import { listBuilds } from '../report/report.service.ts';
import { listRounds, type Round } from '../round/round.service.ts';
import { invalid } from '../shared/errors.ts';
import { type Html, html } from '../shared/html.ts';
import { msg } from '../shared/i18n/message.ts';
import { formatNumber } from '../shared/numbers.ts';
import { formatOsloDate, osloDate } from '../shared/time.ts';
import type { Store } from '../store/store.ts';
import { registryImportForm, registryUploads } from './admin/setup.pages.ts';
import { roleName } from './labels.ts';
import { page, type Viewer } from './layout.ts';

/**
 * The year step by step for the newest round: registry → questionnaires → invitations → answers
 * coming in → report → exports, each one click away, with where it stands.
 */
async function yearGuide(store: Store, round: Round, units: number, now: Date): Promise<Html> {
  const year = round.year;
  const status = await roundStatus(store, year, now);
  const mail = await outboxStatus(store, year);
  const build = (await listBuilds(store, year))[0];
  const m = status.municipalities;
  const submitted = Object.values(m.roles).reduce((sum, r) => sum + (r?.submitted ?? 0), 0);
  const roles = Object.keys(m.roles);
  const firstRole = roles[0] ?? 'kommunedirektor';
  const steps: [string, string, Html | string][] = [
    [
      `/registry/${round.registryYear}`,
      `Registeret ${round.registryYear}`,
      `${formatNumber(units)} enheter med folketall og andre egenskaper`,
    ],
    [`/runde/${year}/skjema/${firstRole}`, 'Spørreskjemaene', `${roles.length} skjema: ${roles.map(roleName).join(', ')}`],
    [
      `/utsendelser?ar=${year}`,
      'Invitasjoner og påminnelser',
      `${formatNumber(mail.byStatus.sent)} e-poster sendt, ${formatNumber(mail.byStatus.queued)} i kø`,
    ],
    [
      `/runde/${year}`,
      'Svar underveis',
      `${formatNumber(submitted)} skjema sendt inn; ${formatNumber(m.anyRole.submitted)} av ${formatNumber(m.anyRole.units)} kommuner har svart på minst ett`,
    ],
    [
      `/runde/${year}/rapport`,
      'Rapporten',
      build?.status === 'done'
        ? `sist bygget ${formatOsloDate(new Date(build.finished_at ?? build.updated_at))}`
        : 'ikke bygget ennå: ett klikk lager HTML og PDF',
    ],
    [`/runde/${year}/eksport`, 'Eksport for forskere', 'CSV med kodebok, Excel og SPSS, uten kontaktdata'],
  ];
  return html`<section class="card" aria-labelledby="guide"><h2 id="guide">Året steg for steg: undersøkelsen ${year}</h2>
<ol class="steps">${steps.map(([href, label, note]) => html`<li><a href="${href}">${label}</a><br><span class="muted">${note}</span></li>`)}</ol></section>`;
}

export async function overviewPage(store: Store, viewer: Viewer, now: Date): Promise<string> {
  const years = await registryYears(store);
  const rounds = await listRounds(store);
  const newest = rounds.at(-1);
  const guide = newest ? await yearGuide(store, newest, years.find((y) => y.year === newest.registryYear)?.units ?? 0, now) : '';
  // All rounds in one table, newest first: a round's roles as rows under it.
  const roundRows: Html[] = [];
  for (const r of [...rounds].reverse()) {
    // Municipalities and districts together, as they stood at the clock.
    const s = await roundStatus(store, r.year, now);
    const entries = roleOrder
      .filter((role) => s.municipalities.roles[role] || s.districts.roles[role])
      .map((role) => {
        const m = s.municipalities.roles[role];
        const d = s.districts.roles[role];
        const sum = (f: (x: RoleStatus) => number) => (m ? f(m) : 0) + (d ? f(d) : 0);
        return [
          role,
          sum((x) => x.units),
          { inProgress: sum((x) => x.started - x.submitted), submitted: sum((x) => x.submitted) },
        ] as const;
      });
    entries.forEach(([role, n, c], i) => {
      const rate = n > 0 ? formatNumber((100 * c.submitted) / n, 0) : '0';
      const head =
        i === 0
          ? html`<th scope="rowgroup" rowspan="${entries.length}"><a href="/runde/${r.year}">${r.year}</a><br><span class="muted">register ${r.registryYear}<br>${formatOsloDate(r.opensAt)} – ${formatOsloDate(new Date(r.closesAt.getTime() - 1))}</span></th>`
          : '';
      roundRows.push(
        html`<tr>${head}<th scope="row">${roleName(role)}</th><td class="num">${n}</td><td class="num">${c.inProgress}</td><td class="num">${c.submitted}</td><td class="num">${rate} %</td></tr>`,
      );
    });
  }
  const roundTable = html`<div class="scroll" tabindex="0" role="region" aria-label="Undersøkelser"><table><thead><tr><th scope="col">Undersøkelse</th><th scope="col">Rolle</th><th scope="col" class="num">Enheter</th><th scope="col" class="num">Påbegynt</th><th scope="col" class="num">Sendt inn</th><th scope="col" class="num">Svarprosent</th></tr></thead><tbody>${roundRows}</tbody></table></div>`;
  const body = html`<h1>Kommunepuls</h1>
<p>Den årlige undersøkelsen blant alle kommuner: register, spørreskjema, utsending, svar, analyse og rapport i ett verktøy.</p>
${guide}
<h2>Undersøkelser</h2>
${viewer.role === 'admin' ? html`<p><a class="button" href="/runder/ny">Ny undersøkelse</a></p>` : false}
${roundRows.length > 0 ? roundTable : html`<p>Ingen undersøkelser ennå.${viewer.role === 'admin' ? html` <a href="/runder/ny">Opprett den første</a>.` : ''}</p>`}
<h2 id="register">Register</h2>
${
  years.length > 0
    ? html`<ul>${years.map((y) => html`<li><a href="/registry/${y.year}">Register ${y.year}</a> (${y.units} enheter)</li>`)}</ul>`
    : html`<p>Ingen registre ennå.</p>`
}
<p><a href="/grupperinger">Grupperinger</a> av kommunene (størrelse, sentralitet og andre) med antall kommuner i hver kategori.</p>
${
  viewer.role === 'admin'
    ? html`<details${years.length === 0 ? html` open` : ''}><summary>Importer registeret for et nytt år</summary>
<p>Kolonner: <code>kommunenummer,navn,fylkesnummer,fylkesnavn</code> og deretter egenskaper, for eksempel <code>folketall</code>. For å erstatte et år som finnes, bruk skjemaet på siden for det året.</p>
${registryImportForm(viewer, {
  year: String(
    (years
      .map((y) => y.year)
      .sort((a, b) => a - b)
      .at(-1) ?? Number(osloDate(now).slice(0, 4)) - 1) + 1,
  ),
  existing: years.map((y) => y.year),
})}</details>`
    : false
}`;
  return page('Oversikt', body, viewer, '/');
}

export async function registryPage(store: Store, year: number, query: string, viewer: Viewer): Promise<string> {
  if (!Number.isInteger(year)) throw invalid(msg('web.not_a_year', { raw: String(year) }));
  const all = await getRegistry(store, year);
  const q = query.trim().toLowerCase();
  const units =
    q === ''
      ? all
      : all.filter((u) => u.name.toLowerCase().includes(q) || u.number.startsWith(q) || u.countyName.toLowerCase().includes(q));
  const attrs = [...new Set(all.flatMap((u) => Object.keys(u.attributes)))].sort();
  const body = html`<h1>Register ${year}</h1>
<p><a href="/grupperinger?ar=${year}">Grupperinger for ${year}</a>${viewer.role === 'admin' ? html` · <a href="#importer">Importer eller erstatt registeret</a> · <a href="#kobling">Importer kobling mellom inndelinger</a>` : false}</p>
<form method="get" role="search"><label for="q">Søk etter navn, nummer eller fylke</label> <input id="q" name="q" value="${query}"> <button type="submit">Søk</button></form>
<p>${units.length} av ${all.length} enheter</p>
<div class="scroll" tabindex="0"><table><thead><tr><th scope="col">Nummer</th><th scope="col">Navn</th><th scope="col">Fylke</th>${attrs.map((a) => html`<th scope="col" class="num">${a}</th>`)}</tr></thead>
<tbody>${units.map(
    (u) =>
      html`<tr><td>${u.number}</td><td>${u.name}</td><td>${u.countyName}</td>${attrs.map((a) => {
        const v = u.attributes[a];
        return html`<td class="num">${v === undefined ? '' : formatNumber(v)}</td>`;
      })}</tr>`,
  )}</tbody></table></div>
${registryUploads(
  viewer,
  year,
  (await registryYears(store)).map((y) => y.year).sort((a, b) => a - b),
)}`;
  return page(`Register ${year}`, body, viewer);
}
