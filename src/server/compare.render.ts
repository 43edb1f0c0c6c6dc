/**
 * The body of a "compare yourself" page, shared by the survey team's page and the respondent's:
 * per question a heading, the unit's own answer in words, and a table of the options with the
 * unit's choice, the national shares and the shares in its size class, each with a small SVG bar
 * (presentation attributes only: the Content-Security-Policy allows no style attributes). Groups
 * too small to show say so instead of giving numbers. Works without JavaScript; a wide table
 * scrolls inside a focusable region.
 */
import type { ComparedQuestion, CompareTable, Comparison, Distribution, NumberSummary } from '../analysis/compare.ts';
import { type Html, html } from '../shared/html.ts';
import { formatNumber } from '../shared/numbers.ts';

/** The words of a comparison page, in the page's language and from its reader's point of view. */
export interface CompareWords {
  /** What the page compares with what (who is compared, the size class, what is never shown). */
  readonly intro: (c: Comparison) => string;
  readonly notSubmitted: string;
  /** "Dere svarte:" */
  readonly answered: string;
  /** "Dere svarte ikke på dette spørsmålet." */
  readonly notAnswered: string;
  /** Column of the unit's own answer: "Dere". */
  readonly ownColumn: string;
  readonly optionColumn: string;
  readonly chosen: string;
  readonly national: (kind: Comparison['comparedWith']) => string;
  readonly sizeClass: string;
  readonly tooFew: string;
  readonly multiNote: string;
  readonly mean: (min: number, max: number) => string;
  readonly median: string;
  readonly average: string;
  readonly measure: string;
  readonly textNote: string;
  readonly tableLabel: (question: string) => string;
}

/**
 * The pages' stylesheet rules for these tables, included in both layouts' stylesheets (so the
 * Content-Security-Policy hash covers them). Columns have fixed widths so that the options get the
 * room; under 30em the columns narrow and the word "Valgt" is left to screen readers beside the ✓.
 */
export const compareCss = [
  '.cmp-page{max-width:48rem}.cmp-page h1,.cmp-q{overflow-wrap:break-word}.cmp-scroll{overflow-x:auto;margin:.5rem 0 1.5rem}',
  'table.compare{border-collapse:collapse;width:100%;table-layout:fixed;margin:0}',
  'table.compare th,table.compare td{border-bottom:1px solid var(--line);padding:6px;text-align:left;vertical-align:top;background:none;overflow-wrap:break-word}',
  'table.compare thead th{background:var(--soft);font-size:.95rem;vertical-align:bottom}table.compare .c-own{width:6.5rem}table.compare .c-cmp{width:10rem}',
  'table.compare .num{text-align:right;font-variant-numeric:tabular-nums}table.compare td.num{white-space:nowrap}',
  'table.compare td.too-few{white-space:normal;vertical-align:middle;text-align:center;color:var(--muted)}table.compare th[scope=row]{font-weight:400}',
  'table.compare tr.chosen>*{background:#e6eef7}table.compare tr.chosen th{font-weight:700}table.compare tr>td.too-few{background:none}table.compare tr.mean>*{border-top:2px solid var(--fg)}',
  'table.compare svg{display:block;width:100%;max-width:64px;height:8px;margin:4px 0 0 auto}.nobr{white-space:nowrap}',
  '@media (max-width:30em){table.compare{font-size:.9rem}table.compare th,table.compare td{padding:6px 4px}table.compare thead th{font-size:.8rem;font-weight:400}',
  'table.compare .c-own{width:2.75rem}table.compare.wide-own .c-own{width:4.5rem}table.compare .c-cmp{width:5rem}',
  'table.compare .own-word{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}}',
].join('');

const nbsp = '\u00a0';
export const percent = (share: number): string => `${formatNumber(Math.round(100 * share))}${nbsp}%`;
const decimal = (x: number): string => formatNumber(Math.round(10 * x) / 10);
const nText = (n: number): string => `(N=${formatNumber(n)})`;

const barWidth = 64;
const barHeight = 8;
/** A share as a bar; the number beside it says the same, so the bar is hidden from screen readers. */
function bar(share: number): Html {
  const w = Math.max(0, Math.min(1, share)) * barWidth;
  return html`<svg class="bar" width="${barWidth}" height="${barHeight}" viewBox="0 0 ${barWidth} ${barHeight}" preserveAspectRatio="none" aria-hidden="true" focusable="false"><rect width="${barWidth}" height="${barHeight}" fill="#e3e7eb"/><rect width="${w.toFixed(1)}" height="${barHeight}" fill="#0b5394"/></svg>`;
}

function header(label: string, d: Distribution | NumberSummary): Html {
  return html`<th scope="col" class="num c-cmp">${label}${d.shown ? html` <span class="nobr">${nText(d.n)}</span>` : false}</th>`;
}

function ownAnswer(w: CompareWords, lines: readonly string[]): Html {
  if (lines.length === 0) return html`<p class="muted">${w.notAnswered}</p>`;
  if (lines.length === 1) return html`<p><strong>${w.answered}</strong> ${lines[0] as string}</p>`;
  return html`<p><strong>${w.answered}</strong></p><ul>${lines.map((l) => html`<li>${l}</li>`)}</ul>`;
}

function region(label: string, table: Html): Html {
  return html`<div class="scroll cmp-scroll" tabindex="0" role="region" aria-label="${label}">${table}</div>`;
}

function distributionTable(w: CompareWords, c: Comparison, t: CompareTable, label: string): Html {
  const columns: { title: string; d: Distribution }[] = [{ title: w.national(c.comparedWith), d: t.national }];
  if (t.sizeClass) columns.push({ title: w.sizeClass, d: t.sizeClass });
  const rows = t.options.length + (t.scale ? 1 : 0);
  const cells = (d: Distribution, i: number): Html | false => {
    if (d.shown) return html`<td class="num">${percent(d.shares[i] ?? 0)}${bar(d.shares[i] ?? 0)}</td>`;
    return i === 0 ? html`<td class="num too-few" rowspan="${rows}">${w.tooFew}</td>` : false;
  };
  const body = t.options.map(
    (o, i) =>
      html`<tr${o.chosen ? html` class="chosen"` : ''}><th scope="row">${o.label}</th><td class="own">${o.chosen ? html`<span aria-hidden="true">✓</span> <span class="own-word">${w.chosen}</span>` : ''}</td>${columns.map((col) => cells(col.d, i))}</tr>`,
  );
  let meanRow: Html | false = false;
  if (t.scale) {
    const own = t.options.find((o) => o.chosen && t.scale && o.code >= t.scale.min && o.code <= t.scale.max);
    meanRow = html`<tr class="mean"><th scope="row">${w.mean(t.scale.min, t.scale.max)}</th><td class="own">${own ? String(own.code) : ''}</td>${columns.map(
      (col) => (col.d.shown ? html`<td class="num">${col.d.mean === null ? '–' : decimal(col.d.mean)}</td>` : false),
    )}</tr>`;
  }
  return region(
    label,
    html`<table class="compare${w.ownColumn.length > 5 ? ' wide-own' : ''}"><thead><tr><th scope="col" class="c-label">${w.optionColumn}</th><th scope="col" class="c-own">${w.ownColumn}</th>${columns.map((col) => header(col.title, col.d))}</tr></thead><tbody>${body}${meanRow}</tbody></table>`,
  );
}

function numberTable(w: CompareWords, c: Comparison, q: Extract<ComparedQuestion, { kind: 'integer' }>, label: string): Html {
  const columns: { title: string; s: NumberSummary }[] = [{ title: w.national(c.comparedWith), s: q.national }];
  if (q.sizeClass) columns.push({ title: w.sizeClass, s: q.sizeClass });
  const cell = (s: NumberSummary, v: (x: Extract<NumberSummary, { shown: true }>) => number, first: boolean) =>
    s.shown ? html`<td class="num">${decimal(v(s))}</td>` : first ? html`<td class="num too-few" rowspan="2">${w.tooFew}</td>` : false;
  return region(
    label,
    html`<table class="compare"><thead><tr><th scope="col" class="c-label">${w.measure}</th>${columns.map((col) => header(col.title, col.s))}</tr></thead><tbody>
<tr><th scope="row">${w.median}</th>${columns.map((col) => cell(col.s, (s) => s.median, true))}</tr>
<tr><th scope="row">${w.average}</th>${columns.map((col) => cell(col.s, (s) => s.mean, false))}</tr></tbody></table>`,
  );
}

function questionBlock(w: CompareWords, c: Comparison, q: ComparedQuestion): Html {
  const id = `q-${q.key}`;
  const title = `${q.number}. ${q.text}`;
  const head = html`<h2 id="${id}">${title}</h2>`;
  switch (q.kind) {
    case 'text':
      return html`<section class="cmp-q" aria-labelledby="${id}">${head}${ownAnswer(w, q.own)}<p class="muted">${w.textNote}</p></section>`;
    case 'integer':
      return html`<section class="cmp-q" aria-labelledby="${id}">${head}${ownAnswer(w, q.own)}${numberTable(w, c, q, w.tableLabel(title))}</section>`;
    case 'matrix':
      return html`<section class="cmp-q" aria-labelledby="${id}">${head}${q.items.map(
        (i) =>
          html`<h3 id="${id}-${i.key}">${i.label}</h3>${ownAnswer(w, i.own === null ? [] : [i.own])}${distributionTable(w, c, i.table, w.tableLabel(`${title} – ${i.label}`))}`,
      )}</section>`;
    default:
      return html`<section class="cmp-q" aria-labelledby="${id}">${head}${ownAnswer(w, q.own)}${q.multi ? html`<p class="muted">${w.multiNote}</p>` : false}${distributionTable(w, c, q.table, w.tableLabel(title))}</section>`;
  }
}

/** The page's content below its h1: the introduction and a block per question. */
export function comparisonBody(w: CompareWords, c: Comparison): Html {
  return html`<p class="lead">${w.intro(c)}</p>
${c.status === 'submitted' ? false : html`<p class="notice">${w.notSubmitted}</p>`}
${c.questions.map((q) => questionBlock(w, c, q))}`;
}
