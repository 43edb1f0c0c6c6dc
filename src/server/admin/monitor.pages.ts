/**
 * The survey team's view of collection: the dashboard (rates, coverage, rates by county or
 * grouping, submissions per day) and the list of who to chase. Readable without JavaScript; while
 * the window is open the dashboard refreshes itself every minute when the user turns that on (an
 * unasked refresh would break WCAG 2.2.1).
 */
import type { RolePages } from '../../monitor/form-pages.ts';
import type { GapCategory } from '../../monitor/gaps.ts';
import type { ChaseEntry, ChaseFilter, KindStatus, RoundStatus } from '../../monitor/monitor.service.ts';
import { type Role, roles } from '../../questionnaire/model.ts';
import { palette, stackedBars } from '../../report/charts/bars.ts';
import type { Round } from '../../round/round.service.ts';
import { type Html, html, trusted } from '../../shared/html.ts';
import { say } from '../../shared/i18n/message.ts';
import { formatNumber } from '../../shared/numbers.ts';
import { formatOsloDate, formatOsloDateTime } from '../../shared/time.ts';
import { roleName } from '../labels.ts';
import { page, type Viewer } from '../layout.ts';

const pct = (r: number) => `${formatNumber(100 * r, 1)} %`;

function statusTable(caption: string, k: KindStatus): Html {
  const rows = roles.filter((r) => k.roles[r]);
  return html`<div class="scroll" tabindex="0"><table><caption>${caption}</caption>
<thead><tr><th scope="col">Rolle</th><th scope="col" class="num">Enheter</th><th scope="col" class="num">Invitert</th><th scope="col" class="num">Påbegynt</th><th scope="col" class="num">Sendt inn</th><th scope="col" class="num">Svarprosent</th><th scope="col" class="num">Andel av befolkningen</th><th scope="col" class="num">Andel av innvandrerne</th></tr></thead>
<tbody>${rows.map((role) => {
    const s = k.roles[role];
    const c = k.coverage[role];
    return s
      ? html`<tr><th scope="row">${roleName(role)}</th><td class="num">${s.units}</td><td class="num">${s.invited}</td><td class="num">${s.started}</td><td class="num">${s.submitted}</td><td class="num">${pct(s.rate)}</td><td class="num">${c ? pct(c.populationShare) : ''}</td><td class="num">${c ? pct(c.immigrantShare) : ''}</td></tr>`
      : false;
  })}</tbody></table></div>
<p>Minst ett skjema sendt inn: <strong>${k.anyRole.submitted}</strong> av ${k.anyRole.units} (${pct(k.anyRole.share)}).</p>`;
}

export interface DashboardData {
  readonly round: Round;
  readonly status: RoundStatus;
  readonly open: boolean;
  readonly now: Date;
  /** The user asked for a refresh every minute (`?oppdater=1`); only while the window is open. */
  readonly autoRefresh: boolean;
  readonly by: string;
  readonly groupings: readonly { key: string; label: string }[];
  readonly rates: readonly { role: Role; categories: readonly { label: string; units: number; submitted: number; rate: number }[] }[];
  readonly days: readonly { day: string; counts: Partial<Record<Role, number>> }[];
  /** Per kind of unit and role the largest gaps between respondents and registry (Table 1) as of `now`. */
  readonly gaps: readonly { kind: 'kommune' | 'bydel'; role: Role; respondents: number; largest: readonly GapCategory[] }[];
  /** Per role with a questionnaire, its pages as of `now` (paradata from the server's own requests). */
  readonly pages: readonly RolePages[];
}

const pp = (x: number) => `${x > 0 ? '+' : ''}${formatNumber(x, 1)}`;

/** Today's largest gaps per role: where the respondents lie furthest from the registry; the districts against the districts. */
function gapsTable(y: number, gaps: DashboardData['gaps']): Html {
  const table = (kind: 'kommune' | 'bydel') => {
    const rows = gaps.filter((g) => g.kind === kind);
    if (rows.length === 0) return false;
    const [caption, of] =
      kind === 'kommune'
        ? ['Kommuner: de tre største skjevhetene per rolle', 'Andel av kommunene']
        : ['Bydeler i hovedstaden, målt mot bydelene: de tre største skjevhetene per rolle', 'Andel av bydelene'];
    return html`<div class="scroll" tabindex="0"><table><caption class="muted">${caption}</caption>
<thead><tr><th scope="col">Rolle</th><th scope="col">Gruppering</th><th scope="col">Kategori</th><th scope="col" class="num">${of}</th><th scope="col" class="num">Andel av svarene</th><th scope="col" class="num">Skjevhet (pp)</th></tr></thead>
<tbody>${rows.map((g) =>
      g.largest.length === 0
        ? html`<tr><th scope="row">${roleName(g.role)}</th><td colspan="5" class="muted">Ingen svar ennå</td></tr>`
        : g.largest.map(
            (c, i) =>
              html`<tr>${i === 0 ? html`<th scope="rowgroup" rowspan="${g.largest.length}">${roleName(g.role)}</th>` : ''}<td>${c.grouping.label}</td><td>${c.label}</td><td class="num">${pct(c.unitShare)} (${c.units})</td><td class="num">${c.respondentShare === null ? '–' : pct(c.respondentShare)} (${c.respondents})</td><td class="num">${c.gapPp === null ? '–' : pp(c.gapPp)}</td></tr>`,
          ),
    )}</tbody></table></div>`;
  };
  return html`<h2 id="skjevhet">Største skjevheter nå</h2>
<p>Andelen av svarene minus andelen av enhetene i hver kategori av Tabell 1 (størrelse, sentralitet, innvandrerandel, år med bosetting), i prosentpoeng. Negativ: for få svar fra den kategorien. <a href="/runde/${y}/purreliste">Hvem må purres?</a> setter først dem som ville minske skjevhetene mest.</p>
${table('kommune')}
${table('bydel')}`;
}

/** Seconds as "45 s" or "2 min 5 s". */
function duration(seconds: number): string {
  const s = Math.round(seconds);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min${s % 60 > 0 ? ` ${s % 60} s` : ''}`;
}

/** Per role and page: shown, stopped there, saves, median time to save. */
function pagesTable(pages: DashboardData['pages']): Html {
  return html`<h2 id="sider">Sidene i skjemaet</h2>
<p>Per side: hvor mange enheter som har fått se siden, hvor mange som stoppet der (siste side de var på, uten å ha sendt inn), hvor mange ganger siden er lagret, og mediantiden fra siden ble vist til den ble lagret (besøk over en time er holdt utenfor). Tallene kommer fra serverens egne forespørsler, ikke fra noe skript hos respondenten.</p>
<div class="scroll" tabindex="0"><table><caption class="muted">Kommuner og bydeler sammen</caption>
<thead><tr><th scope="col">Rolle</th><th scope="col">Side</th><th scope="col" class="num">Fikk se siden</th><th scope="col" class="num">Stoppet her</th><th scope="col" class="num">Lagringer</th><th scope="col" class="num">Mediantid</th></tr></thead>
<tbody>${pages.map((r) =>
    r.pages.every((p) => p.started === 0)
      ? html`<tr><th scope="row">${roleName(r.role)}</th><td colspan="5" class="muted">Ingen sidevisninger registrert ennå</td></tr>`
      : r.pages.map(
          (p, i) =>
            html`<tr>${i === 0 ? html`<th scope="rowgroup" rowspan="${r.pages.length}">${roleName(r.role)}</th>` : ''}<td>${p.title}</td><td class="num">${p.started}</td><td class="num">${p.leftFrom}</td><td class="num">${p.saves}</td><td class="num">${p.medianSeconds === null ? '–' : duration(p.medianSeconds)}</td></tr>`,
        ),
  )}</tbody></table></div>`;
}

export function dashboardPage(d: DashboardData, viewer: Viewer): string {
  const y = d.round.year;
  const chartRoles = roles.filter((r) => d.days.some((day) => (day.counts[r] ?? 0) > 0) || d.status.municipalities.roles[r]);
  const shortDay = (day: string) => `${Number(day.slice(8, 10))}.${Number(day.slice(5, 7))}`;
  const chart = stackedBars({
    title: `Innsendte skjema per dag, ${y}`,
    description: `Antall skjema sendt inn hver dag fra ${shortDay(d.days[0]?.day ?? '')} til ${shortDay(d.days.at(-1)?.day ?? '')}, fordelt på rolle.`,
    categories: d.days.map((day) => shortDay(day.day)),
    series: chartRoles.map((r, i) => ({ label: roleName(r), color: palette[i] as string })),
    values: chartRoles.map((r) => d.days.map((day) => day.counts[r] ?? 0)),
    labelEvery: d.days.length > 16 ? 2 : 1,
  });
  const groupingOptions = [{ key: 'fylke', label: 'Fylke' }, ...d.groupings];
  const categories = [...new Set(d.rates.flatMap((r) => r.categories.map((c) => c.label)))];
  const refresh = d.open && d.autoRefresh;
  const here = (on: boolean) => {
    const q = new URLSearchParams();
    if (d.by !== 'fylke') q.set('etter', d.by);
    if (on) q.set('oppdater', '1');
    const query = q.toString();
    return query ? `/runde/${y}?${query}` : `/runde/${y}`;
  };
  const body = html`<h1>Innsamling ${y}</h1>
<p class="muted">Svarperiode ${formatOsloDate(d.round.opensAt)} – ${formatOsloDate(new Date(d.round.closesAt.getTime() - 1))} · ${d.open ? 'åpen nå' : 'stengt'} · tall per ${formatOsloDateTime(d.now)}${d.open ? (refresh ? html` · siden oppdateres hvert minutt (<a href="${here(false)}">slå av</a>)` : html` · <a href="${here(true)}">oppdater siden hvert minutt</a>`) : ''}</p>
<p><a href="/runde/${y}/purreliste">Hvem må purres?</a></p>
<p>Spørreskjemaene: ${roles.map((r, i) => html`${i > 0 ? ', ' : ''}<a href="/runde/${y}/skjema/${r}">${roleName(r)}</a>`)}</p>
<h2>Svar per rolle</h2>
${statusTable('Kommuner', d.status.municipalities)}
${Object.keys(d.status.districts.roles).length > 0 ? statusTable('Bydeler i hovedstaden (holdt utenfor kommunetallene)', d.status.districts) : false}
${d.gaps.length > 0 ? gapsTable(y, d.gaps) : false}
${d.pages.length > 0 ? pagesTable(d.pages) : false}
<h2 id="per-dag">Innsendt per dag</h2>
<figure>${trusted(chart)}</figure>
<details><summary>Tallene i figuren</summary><div class="scroll" tabindex="0"><table><thead><tr><th scope="col">Dag</th>${chartRoles.map((r) => html`<th scope="col" class="num">${roleName(r)}</th>`)}</tr></thead>
<tbody>${d.days.map((day) => html`<tr><th scope="row">${day.day}</th>${chartRoles.map((r) => html`<td class="num">${day.counts[r] ?? 0}</td>`)}</tr>`)}</tbody></table></div></details>
<h2 id="fordeling">Svarprosent etter ${groupingOptions.find((g) => g.key === d.by)?.label.toLowerCase() ?? d.by}</h2>
<form method="get" action="/runde/${y}#fordeling">${refresh ? html`<input type="hidden" name="oppdater" value="1">` : ''}<label for="by">Fordel etter</label> <select id="by" name="etter">${groupingOptions.map(
    (g) =>
      g.key === d.by ? html`<option value="${g.key}" selected>${g.label}</option>` : html`<option value="${g.key}">${g.label}</option>`,
  )}</select> <button type="submit">Vis</button></form>
<div class="scroll" tabindex="0"><table><caption class="muted">Kommuner: sendt inn av enheter (svarprosent)</caption><thead><tr><th scope="col">Kategori</th>${d.rates.map((r) => html`<th scope="col" class="num">${roleName(r.role)}</th>`)}</tr></thead>
<tbody>${categories.map(
    (label) =>
      html`<tr><th scope="row">${label}</th>${d.rates.map((r) => {
        const c = r.categories.find((x) => x.label === label);
        return html`<td class="num">${c ? `${c.submitted} av ${c.units} (${pct(c.rate)})` : ''}</td>`;
      })}</tr>`,
  )}</tbody></table></div>`;
  return page(`Innsamling ${y}`, body, viewer, '/runde', refresh ? 60 : undefined);
}

const statusNames = { not_started: 'Ikke påbegynt', in_progress: 'Påbegynt' } as const;

export function chasePage(
  year: number,
  entries: readonly ChaseEntry[],
  filter: ChaseFilter,
  counties: readonly string[],
  now: Date,
  viewer: Viewer,
): string {
  const q = new URLSearchParams();
  if (filter.role) q.set('rolle', filter.role);
  if (filter.county) q.set('fylke', filter.county);
  if (filter.status) q.set('status', filter.status);
  if (filter.notContacted) q.set('ikke_kontaktet', '1');
  const sel = (value: string | undefined, current: string | undefined, label: string) =>
    value === current
      ? html`<option value="${value ?? ''}" selected>${label}</option>`
      : html`<option value="${value ?? ''}">${label}</option>`;
  const body = html`<h1>Hvem må purres? (${year})</h1>
<p>Enheter som ikke hadde sendt inn per ${formatOsloDateTime(now)}, med utsendte e-poster og siste oppfølging. Per rolle står først de der et svar ville minske skjevhetene i Tabell 1 mest (kategorier med for få svar), deretter de med flest innbyggere; «Hvorfor» viser enhetens underrepresenterte kategorier. <a href="/runde/${year}">Tilbake til innsamlingen</a></p>
<form method="get" class="filters" action="/runde/${year}/purreliste">
<label for="rolle">Rolle</label> <select id="rolle" name="rolle">${sel(undefined, filter.role, 'Alle')}${roles.map((r) => sel(r, filter.role, roleName(r)))}</select>
<label for="fylke">Fylke</label> <select id="fylke" name="fylke">${sel(undefined, filter.county, 'Alle')}${counties.map((c) => sel(c, filter.county, c))}</select>
<label for="status">Status</label> <select id="status" name="status">${sel(undefined, filter.status, 'Alle')}${sel('not_started', filter.status, statusNames.not_started)}${sel('in_progress', filter.status, statusNames.in_progress)}</select>
<span><input type="checkbox" id="ikke_kontaktet" name="ikke_kontaktet" value="1"${filter.notContacted ? html` checked` : ''}> <label for="ikke_kontaktet">Bare ikke kontaktet</label></span>
<button type="submit">Filtrer</button>
</form>
<p>${entries.length} enheter · <a href="/runde/${year}/purreliste.csv?${q.toString()}" download>Last ned som CSV</a></p>
<div class="scroll" tabindex="0"><table><thead><tr><th scope="col" class="num">Prioritet</th><th scope="col">Enhet</th><th scope="col">Fylke</th><th scope="col" class="num">Folketall</th><th scope="col">Rolle</th><th scope="col">Hvorfor</th><th scope="col">Status</th><th scope="col" class="num">E-poster</th><th scope="col">Siste oppfølging</th><th scope="col">Telefon</th></tr></thead>
<tbody>${entries.map(
    (e) =>
      html`<tr><td class="num">${e.priority}</td><td><a href="/runde/${year}/enhet/${e.unitNumber}">${e.unitNumber} ${e.unitName}</a></td><td>${e.county}</td><td class="num">${e.population === null ? '' : formatNumber(e.population)}</td><td>${roleName(e.role)}</td><td>${e.reasons.map((m, i) => html`${i > 0 ? html`<br>` : ''}${say(m, 'nb')}`)}</td><td>${statusNames[e.status]}${e.lastSaved ? html`<br><span class="muted">lagret ${formatOsloDateTime(e.lastSaved)}</span>` : false}</td><td class="num">${e.mailsSent}</td><td>${e.lastContact ? html`${formatOsloDateTime(e.lastContact)}: ${e.lastOutcome ?? ''}` : html`<span class="muted">Ingen</span>`}</td><td>${e.phone ? html`<a href="tel:${e.phone.replace(/\s/g, '')}">${e.phone}</a>` : ''}</td></tr>`,
  )}</tbody></table></div>`;
  return page(`Purreliste ${year}`, body, viewer, '/runde');
}
