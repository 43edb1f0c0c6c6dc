/**
 * A built report as one self-contained, accessible HTML page: a title page, a table of contents,
 * chapters with text, numbered figures (SVG chart + the same numbers in a table) and tables. The
 * page has no script and one stylesheet inside it, so it opens from a file, is served by the admin
 * web under a strict CSP (the style's hash), and prints to the PDF as is.
 */
import { createHash } from 'node:crypto';
import { Marked, type Tokens } from 'marked';
import type { Representativeness } from '../analysis/representativeness.ts';
import type { RoundStatus } from '../monitor/monitor.service.ts';
import type { Role } from '../questionnaire/model.ts';
import { escapeHtml, type Html, html, trusted } from '../shared/html.ts';
import { formatNumber } from '../shared/numbers.ts';
import { formatOsloDate } from '../shared/time.ts';
import { appendixCss, appendixHtml } from './appendix.html.ts';
import type { Report, ReportBlock, ReportTable } from './build.ts';
import { rolePlural } from './figures.ts';
import { percent } from './placeholders.ts';
import { renderFigure } from './render.figures.ts';
import { weightedRepresentativenessTable } from './report.weights.ts';

/** Markdown of the definition: raw HTML is shown as text, headings sit under the chapter's h2. */
const markdown = new Marked({
  gfm: true,
  renderer: {
    html(token: Tokens.HTML | Tokens.Tag) {
      return escapeHtml(token.text);
    },
  },
  walkTokens(token) {
    if (token.type === 'heading') token.depth = Math.min(6, token.depth + 1);
  },
});

export const reportCss = `
:root { color: #1b1b1b; font-family: "Noto Sans", "DejaVu Sans", Arial, sans-serif; line-height: 1.5; }
body { margin: 0 auto; max-width: 52rem; padding: 1.5rem; }
h1 { font-size: 2rem; line-height: 1.2; margin: 0 0 .5rem; }
h1, h2, h3, figcaption, p { overflow-wrap: break-word; hyphens: auto; }
h2 { font-size: 1.5rem; margin: 2.5rem 0 1rem; border-bottom: 2px solid #0b5394; padding-bottom: .25rem; }
h3 { font-size: 1.2rem; margin: 1.75rem 0 .5rem; }
h4 { font-size: 1.05rem; }
a { color: #0b5394; }
.title-page { min-height: 60vh; display: flex; flex-direction: column; justify-content: center; }
.subtitle { font-size: 1.25rem; color: #333; margin: 0 0 2rem; }
.meta { color: #444; }
nav ol { padding-left: 1.5rem; }
nav li { margin: .2rem 0; }
nav .page { float: right; color: #444; }
figure { margin: 1.5rem 0 2rem; break-inside: avoid; page-break-inside: avoid; }
figure svg { max-width: 100%; height: auto; display: block; }
figcaption { font-weight: 600; margin: 0 0 .5rem; }
.maps { display: flex; flex-wrap: wrap; gap: 1rem; }
.maps > div { flex: 1 1 18rem; }
.note { font-size: .9em; color: #333; margin: .25rem 0; }
details { margin: .5rem 0; }
summary { cursor: pointer; color: #0b5394; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; font-size: .9rem; margin: .5rem 0 1rem; }
caption { text-align: left; font-weight: 600; padding-bottom: .4rem; }
th, td { border-bottom: 1px solid #ccc; padding: .25rem .5rem; text-align: left; vertical-align: top; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tbody th { font-weight: normal; }
tr.group th { font-weight: 700; background: #eef3f8; }
.neg { color: #8a1c1c; }
${appendixCss}
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  a { color: inherit; text-decoration: none; }
  .title-page { min-height: 240mm; }
  nav, section.chapter { break-before: page; page-break-before: always; }
  h2, h3, h4, figcaption { break-after: avoid; page-break-after: avoid; }
  details { display: block; }
  details > summary { display: none; }
  table { font-size: 8pt; }
  th, td { padding: .15rem .3rem; }
  .screen-only { display: none; }
}
`;

/** The CSP hash of the stylesheet, for serving the page. */
export const reportCssHash = `sha256-${createHash('sha256').update(reportCss).digest('base64')}`;

const roleOrder: Role[] = ['integreringsansvarlig', 'kommunedirektor', 'skolesjef'];
const pp = (v: number | undefined) => (v === undefined ? '' : formatNumber(Math.round(v * 10) / 10, 1));

/** Keeps "2 000" together when a label wraps. */
const keepNumbers = (label: string) => label.replace(/(\d) (\d)/g, '$1\u00a0$2');

function representativenessTable(r: Representativeness): Html {
  const roles = roleOrder.filter((role) => r.respondents[role] !== undefined);
  const head = html`<tr><th scope="col" rowspan="2">Egenskap</th><th scope="colgroup" colspan="2" class="num">Alle kommuner</th>${roles.map(
    (role) => html`<th scope="colgroup" colspan="3" class="num">${rolePlural[role]}</th>`,
  )}</tr><tr><th scope="col" class="num">Antall</th><th scope="col" class="num">Andel</th>${roles.map(
    () => html`<th scope="col" class="num">Antall</th><th scope="col" class="num">Andel</th><th scope="col" class="num">Diff.</th>`,
  )}</tr>`;
  const total = html`<tr class="group"><th scope="row">Antall kommuner</th><td class="num">${formatNumber(r.population)}</td><td class="num">100&nbsp;%</td>${roles.map(
    (role) => html`<td class="num">${formatNumber(r.respondents[role] ?? 0)}</td><td class="num">100&nbsp;%</td><td></td>`,
  )}</tr>`;
  const body = r.groupings.map(
    (g) =>
      html`<tr class="group"><th scope="rowgroup" colspan="${3 + roles.length * 3}">${g.label}</th></tr>${g.categories.map(
        (c) =>
          html`<tr><th scope="row">${keepNumbers(c.label)}</th><td class="num">${formatNumber(c.population)}</td><td class="num">${percent(
            r.population > 0 ? c.population / r.population : 0,
          )}</td>${roles.map((role) => {
            const n = c.respondents[role] ?? 0;
            const all = r.respondents[role] ?? 0;
            const d = c.diffPp[role];
            return html`<td class="num">${formatNumber(n)}</td><td class="num">${percent(all > 0 ? n / all : 0)}</td><td class="num${
              d !== undefined && d < 0 ? ' neg' : ''
            }">${pp(d)}</td>`;
          })}</tr>`,
      )}`,
  );
  return html`<thead>${head}</thead><tbody>${total}${body}</tbody>`;
}

function responseRatesTable(s: RoundStatus): Html {
  const m = s.municipalities;
  // Befolkning/Innvandrere: share of the country's living in the municipalities that answered.
  const rows = roleOrder
    .filter((role) => m.roles[role])
    .map((role) => {
      const r = m.roles[role];
      const c = m.coverage[role];
      const d = s.districts.roles[role];
      return html`<tr><th scope="row">${rolePlural[role]}</th><td class="num">${formatNumber(r?.units ?? 0)}</td><td class="num">${formatNumber(
        r?.submitted ?? 0,
      )}</td><td class="num">${percent(r?.rate ?? 0)}</td><td class="num">${percent(c?.populationShare ?? 0)}</td><td class="num">${percent(
        c?.immigrantShare ?? 0,
      )}</td><td class="num">${d ? `${formatNumber(d.submitted)} av ${formatNumber(d.units)}` : '–'}</td></tr>`;
    });
  return html`<thead><tr><th scope="col">Delundersøkelse</th><th scope="col" class="num">Kommuner</th><th scope="col" class="num">Svar</th><th scope="col" class="num">Svarprosent</th><th scope="col" class="num">Befolkning</th><th scope="col" class="num">Innvandrere</th><th scope="col" class="num">Bydeler</th></tr></thead><tbody>${rows}<tr class="group"><th scope="row">Minst én delundersøkelse</th><td class="num">${formatNumber(
    m.anyRole.units,
  )}</td><td class="num">${formatNumber(m.anyRole.submitted)}</td><td class="num">${percent(m.anyRole.share)}</td><td></td><td></td><td></td></tr></tbody>`;
}

/** A report table's head and body (the Word output reads them back as its tables). */
export function tableHtml(t: ReportTable): Html {
  if (t.kind === 'representativeness')
    return t.weighted ? weightedRepresentativenessTable(t.data, t.weighted) : representativenessTable(t.data);
  return responseRatesTable(t.status);
}

function blockHtml(b: ReportBlock): Html {
  if (b.kind === 'text') return trusted(markdown.parse(b.markdown, { async: false }) as string);
  if (b.kind === 'table')
    return html`<div class="table-wrap" id="${b.id}" tabindex="0" role="region" aria-label="Tabell ${b.number}"><table><caption>${b.caption}</caption>${tableHtml(b.table)}</table>${
      b.note ? html`<p class="note">${b.note}</p>` : ''
    }</div>`;
  const f = renderFigure(b);
  // Without a chart (a map without shapes) the numbers are the figure; otherwise they are its text alternative.
  const numbers =
    f.chart.value === ''
      ? html`<div class="table-wrap" tabindex="0" role="region" aria-label="Tallene i figur ${b.number}">${f.table}</div>`
      : html`<details><summary>Tallene i figuren</summary><div class="table-wrap" tabindex="0" role="region" aria-label="Tallene i figur ${b.number}">${f.table}</div></details>`;
  return html`<figure id="${b.id}" aria-labelledby="${b.id}-caption"><figcaption id="${b.id}-caption">${b.caption}</figcaption>${f.chart}${
    b.note ? html`<p class="note">${b.note}</p>` : ''
  }${f.notes.map((n) => html`<p class="note">${n}</p>`)}${numbers}</figure>`;
}

export interface RenderOptions {
  /** First page of each chapter in the PDF (the table of contents shows them). */
  readonly pages?: ReadonlyMap<string, number>;
  /** Only the title page and contents (`front`) or one chapter: for counting a PDF's pages. */
  readonly only?: string;
}

export function renderReportHtml(r: Report, options: RenderOptions = {}): string {
  const figures = r.chapters.flatMap((c) => c.blocks.filter((b) => b.kind === 'figure'));
  const { pages, only } = options;
  const showFront = only === undefined || only === 'front';
  const chapters = r.chapters.filter((c) => only === undefined || only === c.id);
  const doc = html`<!doctype html>
<html lang="nb">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${r.title}</title>
<style>${trusted(reportCss)}</style>
</head>
<body>
${
  showFront
    ? html`<header class="title-page">
<h1>${r.title}</h1>
${r.subtitle ? html`<p class="subtitle">${r.subtitle}</p>` : ''}
<p class="meta">${r.publisher} · Laget ${formatOsloDate(r.builtAt)} fra svarene i undersøkelsen · ${formatNumber(r.figureCount)} figurer, ${formatNumber(
        r.tableCount,
      )} tabeller</p>
</header>
<nav aria-labelledby="toc-heading">
<h2 id="toc-heading">Innhold</h2>
<ol>${r.chapters.map(
        (c) =>
          html`<li><a href="#${c.id}">${c.title}</a>${pages?.has(c.id) ? html` <span class="page">side ${String(pages.get(c.id))}</span>` : ''}</li>`,
      )}</ol>
${
  r.appendix
    ? html`<ul class="appendices"><li><a href="#${r.appendix.id}">${r.appendix.title}</a>${pages?.has(r.appendix.id) ? html` <span class="page">side ${String(pages.get(r.appendix.id))}</span>` : ''}</li></ul>`
    : ''
}
<div class="screen-only"><h3>Figurer</h3>
<ol class="figures">${figures.map((f) => (f.kind === 'figure' ? html`<li><a href="#${f.id}">${f.caption}</a></li>` : ''))}</ol></div>
</nav>`
    : ''
}
<main>
${chapters.map(
  (c) =>
    html`<section class="chapter" id="${c.id}" aria-labelledby="${c.id}-h"><h2 id="${c.id}-h">${c.number}. ${c.title}</h2>${c.blocks.map(blockHtml)}</section>`,
)}
${r.appendix && (only === undefined || only === r.appendix.id) ? appendixHtml(r.appendix) : ''}
</main>
</body>
</html>
`;
  return doc.value;
}
