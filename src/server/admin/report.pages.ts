/**
 * The report page of a round: the newest build's documents (page, PDF, Word), a button that
 * rebuilds it, its progress while it runs, and the builds before it.
 */
import type { BuildRow } from '../../report/report.repository.ts';
import { type Html, html } from '../../shared/html.ts';
import { formatOsloDateTime } from '../../shared/time.ts';
import { page, type Viewer } from '../layout.ts';

const kb = (n: number | null) => (n === null ? '–' : `${Math.max(1, Math.round(n / 1024))} KB`);
const statusText: Record<BuildRow['status'], string> = { running: 'Bygges', done: 'Ferdig', failed: 'Feilet' };

function seconds(b: BuildRow): string {
  const end = b.finished_at ?? b.updated_at;
  return `${Math.max(0, Math.round((Date.parse(end) - Date.parse(b.started_at)) / 100) / 10)
    .toString()
    .replace('.', ',')} s`;
}

function current(year: number, b: BuildRow | undefined, watching: boolean): Html {
  if (!b) return html`<p>Rapporten er ikke bygget ennå.</p>`;
  if (b.status === 'running') {
    const pct = b.progress_total > 0 ? Math.round((b.progress_done / b.progress_total) * 100) : 0;
    return html`<div class="notice" role="status"><p><strong>Rapporten bygges</strong> (startet ${formatOsloDateTime(new Date(b.started_at))} av ${b.by_user}).</p>
<p><label for="progress">Fremdrift: ${pct} % – ${b.progress_label}</label><br><progress id="progress" max="100" value="${pct}">${pct} %</progress></p>
<p>${watching ? html`Siden oppdateres hvert annet sekund til bygget er ferdig. <a href="/runde/${year}/rapport">Stopp automatisk oppdatering</a>` : html`<a href="/runde/${year}/rapport?oppdater=1">Følg fremdriften</a> · <a href="/runde/${year}/rapport">Oppdater</a>`}</p></div>`;
  }
  if (b.status === 'failed')
    return html`<div class="notice" role="alert"><p><strong>Siste bygg feilet:</strong> ${b.error ?? 'ukjent feil'}</p></div>`;
  return html`<div class="notice"><p><strong>Sist bygget</strong> ${formatOsloDateTime(new Date(b.finished_at ?? b.updated_at))} av ${b.by_user} (${seconds(b)}).</p>
<p><a class="button" href="/runde/${year}/rapport/vis">Les rapporten</a> ${
    b.pdf_bytes !== null ? html`<a class="button" href="/runde/${year}/rapport/pdf" download>Last ned PDF (${kb(b.pdf_bytes)})</a>` : ''
  } ${
    b.docx_bytes !== null ? html`<a class="button" href="/runde/${year}/rapport/docx" download>Last ned Word (${kb(b.docx_bytes)})</a>` : ''
  }</p>${b.pdf_error ? html`<p>Ingen PDF: ${b.pdf_error}</p>` : ''}${b.docx_error ? html`<p>Ingen Word-fil: ${b.docx_error}</p>` : ''}</div>`;
}

export function reportPage(
  year: number,
  builds: readonly BuildRow[],
  viewer: Viewer,
  options: { watching: boolean; definition: string },
): string {
  const latest = builds[0];
  const running = latest?.status === 'running';
  const body = html`<h1>Rapport ${year}</h1>
<p>Rapporten lages fra svarene og registeret: alle figurer, tabeller og tall i teksten regnes ut på nytt hver gang den bygges, så sene svar og omkodinger kommer med. Definisjon: <code>${options.definition}</code> (<a href="/runde/${year}/rapport/definisjon">${viewer.role === 'admin' ? 'rediger kapitler, tekst og figurer' : 'se definisjonen'}</a>).</p>
${current(year, latest, options.watching && running)}
${
  viewer.role === 'admin' && !running
    ? html`<form method="post" action="/runde/${year}/rapport/bygg"><input type="hidden" name="_csrf" value="${viewer.csrf}"><button class="primary" type="submit">${latest ? 'Bygg rapporten på nytt' : 'Bygg rapporten'}</button></form>`
    : ''
}
${
  builds.length > 0
    ? html`<h2>Tidligere bygg</h2><div class="scroll" tabindex="0" role="region" aria-label="Tidligere bygg"><table><thead><tr><th scope="col">Startet</th><th scope="col">Av</th><th scope="col">Status</th><th scope="col" class="num">Tid</th><th scope="col" class="num">HTML</th><th scope="col" class="num">PDF</th><th scope="col" class="num">Word</th></tr></thead><tbody>${builds.map(
        (b) =>
          html`<tr><td>${formatOsloDateTime(new Date(b.started_at))}</td><td>${b.by_user}</td><td>${statusText[b.status]}${
            b.status === 'failed' && b.error ? html`: ${b.error}` : ''
          }</td><td class="num">${b.status === 'running' ? '–' : seconds(b)}</td><td class="num">${kb(b.html_bytes)}</td><td class="num">${kb(b.pdf_bytes)}</td><td class="num">${kb(b.docx_bytes)}</td></tr>`,
      )}</tbody></table></div>`
    : ''
}`;
  return page(`Rapport ${year}`, body, viewer, '/rapport', options.watching && running ? 2 : undefined);
}
