/**
 * One report figure as an SVG chart and a table with the same numbers (its text alternative).
 */
import { type Html, html, trusted } from '../shared/html.ts';
import { msg, say } from '../shared/i18n/message.ts';
import { formatNumber } from '../shared/numbers.ts';
import { nRange, type ReportBlock } from './build.ts';
import { choropleth } from './charts/choropleth.ts';
import { categorical, neutral } from './charts/colors.ts';
import { dataTable } from './charts/data-table.ts';
import { groupedBars } from './charts/grouped-bars.ts';
import { scaleBars } from './charts/scale-bars.ts';
import { shareBars } from './charts/share-bars.ts';
import { isNeutralLabel } from './charts/svg.ts';
import { trendLines } from './charts/trend-lines.ts';
import type { FigureData, FigureTest } from './figures.ts';
import { percent, percentOrDash } from './placeholders.ts';

type FigureBlock = Extract<ReportBlock, { kind: 'figure' }>;

export interface RenderedFigure {
  readonly chart: Html;
  readonly table: Html;
  /** Sentences under the chart the data calls for (a test result, a mean, a missing map). */
  readonly notes: readonly string[];
}

const decimal = (v: number | null, d = 1) => (v === null ? '–' : formatNumber(Math.round(v * 10 ** d) / 10 ** d, d));
/** A 95 % interval as "55–69 %"; "–" when there is none (nobody answered). */
const interval = (ci: readonly [number, number] | null | undefined) =>
  ci ? `${percent(ci[0]).replace('\u00a0%', '')}–${percent(ci[1])}` : '–';
const tooFew = () => say(msg('stats.too_few'), 'nb');

/** The sentence under a breakdown figure for one grouping's test(s). */
function testNote(t: FigureTest): string {
  const by = t.by === null ? {} : { by: t.by };
  if (t.kind === 'none') return say(msg('stats.no_test_note', { ...by, reason: t.reason }), 'nb');
  if (t.kind === 'options') {
    const significant = t.significant.map((o) => `${o.label} (${say(msg('stats.p_value', { p: o.pAdjusted }), 'nb')})`).join(', ');
    return say(msg('stats.options_note', { significant, tests: t.familySize }), 'nb');
  }
  return say(
    msg('stats.test_note', {
      ...by,
      significant: t.significant,
      method: t.method,
      p: t.p,
      pAdjusted: t.pAdjusted,
      familySize: t.familySize,
    }),
    'nb',
  );
}

/** The numbers of a figure: the first column names the rows, the others are (formatted) numbers. */
function table(caption: string, head: readonly string[], rows: readonly (readonly string[])[]): Html {
  return trusted(dataTable({ caption, columns: head.map((label, i) => ({ label, numeric: i > 0 })), rows }));
}

function chartAndTable(b: FigureBlock, d: FigureData): RenderedFigure {
  const base = { id: `${b.id}-chart`, title: b.caption };
  switch (d.kind) {
    case 'bars':
      return {
        chart: trusted(shareBars({ ...base, bars: d.bars.map((x) => ({ label: x.label, share: x.share })) })),
        table: table(
          `Tallene i figur ${b.number}`,
          ['Svar', 'Antall', 'Andel', '95 % intervall'],
          d.bars.map((x) => [x.label, formatNumber(x.count), percentOrDash(x.share), interval(x.ci95)]),
        ),
        notes: d.multi ? ['Flere svar var mulig, så andelene kan summere til mer enn 100 %.'] : [],
      };
    case 'stacked': {
      const scale = d.legend.filter((l) => !l.extra).map((l) => l.label);
      const extras = d.legend.filter((l) => l.extra).map((l) => l.label);
      return {
        chart: trusted(
          scaleBars({
            ...base,
            scale,
            extras,
            rows: d.rows.map((r) => ({ label: r.label, shares: r.shares, note: `N=${formatNumber(r.n)}` })),
            // Unordered options get distinct colours, "Vet ikke" grey; a scale keeps its ramp.
            ...(d.scale
              ? {}
              : {
                  colors: scale.map((label, i) => (isNeutralLabel(label) ? neutral[0] : (categorical[i % categorical.length] as string))),
                }),
          }),
        ),
        table: table(
          `Tallene i figur ${b.number}`,
          ['', ...d.legend.map((l) => l.label), 'N'],
          d.rows.map((r) => [r.label, ...r.shares.map(percentOrDash), formatNumber(r.n)]),
        ),
        notes: [],
      };
    }
    case 'grouped': {
      const notes = (d.tests ?? []).map(testNote);
      if (d.minN !== undefined && d.series.some((s) => s.tooFew)) notes.push(say(msg('stats.too_few_note', { minN: d.minN }), 'nb'));
      return {
        chart: trusted(
          groupedBars({
            ...base,
            categories: d.categories,
            series: d.series.map((s) => ({
              label: `${s.label} (N=${nRange(s.n)})`,
              values: s.shares,
              ...(s.tooFew ? { missingLabel: tooFew() } : {}),
            })),
          }),
        ),
        table: table(
          `Tallene i figur ${b.number}`,
          ['', ...d.series.map((s) => `${s.label} (N=${nRange(s.n)})`)],
          d.categories.map((c, i) => [c, ...d.series.map((s) => (s.tooFew ? tooFew() : percentOrDash(s.shares[i] ?? null)))]),
        ),
        notes,
      };
    }
    case 'trend': {
      const years = [...new Set(d.series.flatMap((s) => s.points.map((p) => p.year)))].sort();
      const at = (s: (typeof d.series)[number], y: number) => s.points.find((p) => p.year === y);
      return {
        chart: trusted(
          trendLines({
            ...base,
            years,
            series: d.series.map((s) => ({
              label: s.label,
              values: years.map((y) => at(s, y)?.share ?? null),
              low: years.map((y) => at(s, y)?.ci95?.[0] ?? null),
              high: years.map((y) => at(s, y)?.ci95?.[1] ?? null),
            })),
            valueLabels: true,
            intervalLabel: '95 % konfidensintervall',
          }),
        ),
        table: table(
          `Tallene i figur ${b.number}`,
          ['År', 'Andel', '95 % intervall', 'N'],
          years.flatMap((y) =>
            d.series.map((s) => {
              const p = at(s, y);
              return [String(y), p?.share == null ? '–' : percent(p.share), p?.ci95 ? interval(p.ci95) : '–', p ? formatNumber(p.n) : '–'];
            }),
          ),
        ),
        notes: d.missingYears.length > 0 ? [`Spørsmålet ble ikke stilt i ${d.missingYears.join(', ')}.`] : [],
      };
    }
    case 'map': {
      const names = new Map(d.maps.flatMap((m) => m.counties.map((c) => [c.code, c.name] as const)));
      const codes = [...names.keys()].sort();
      // One scale for all maps of a figure, so the roles side by side can be compared.
      const means = d.maps.flatMap((m) => m.counties.flatMap((c) => (c.mean === null ? [] : [c.mean])));
      const domain: [number, number] | undefined =
        means.length > 0 ? [Math.floor(Math.min(...means) * 10) / 10, Math.ceil(Math.max(...means) * 10) / 10] : undefined;
      const charts = d.geometry
        ? d.maps.map((m, i) =>
            choropleth({
              id: `${b.id}-map-${i}`,
              title: `${m.label}: ${b.title}`,
              features: d.geometry as NonNullable<typeof d.geometry>,
              legendTitle: 'Gjennomsnitt (1–5)',
              values: new Map(m.counties.filter((c) => c.mean !== null).map((c) => [c.code, c.mean as number])),
              tooFew: m.counties.filter((c) => c.tooFew).map((c) => c.code),
              tooFewLabel: tooFew(),
              ...(d.credit ? { credit: d.credit } : {}),
              ...(domain ? { domain } : {}),
            }),
          )
        : [];
      return {
        chart: d.geometry
          ? html`<div class="maps">${d.maps.map((m, i) => html`<div><p class="note">${m.label}</p>${trusted(charts[i] as string)}</div>`)}</div>`
          : html``,
        table: table(
          `Tallene i figur ${b.number}`,
          ['Fylke', ...d.maps.flatMap((m) => [`${m.label}: snitt`, 'N'])],
          codes.map((code) => [
            names.get(code) ?? code,
            ...d.maps.flatMap((m) => {
              const c = m.counties.find((x) => x.code === code);
              return [c?.tooFew ? tooFew() : decimal(c?.mean ?? null), formatNumber(c?.n ?? 0)];
            }),
          ]),
        ),
        notes: [
          ...(d.geometry ? [] : ['Ingen kartgrunnlag for registeråret: tallene står i tabellen.']),
          ...(d.maps.some((m) => m.counties.some((c) => c.tooFew)) ? [say(msg('stats.too_few_map_note', { minN: d.minN }), 'nb')] : []),
        ],
      };
    }
    case 'integer':
      return {
        chart: trusted(shareBars({ ...base, bars: d.classes.map((c) => ({ label: c.label, share: c.share })) })),
        table: table(
          `Tallene i figur ${b.number}`,
          ['Antall', 'Kommuner', 'Andel'],
          d.classes.map((c) => [c.label, formatNumber(c.count), percentOrDash(c.share)]),
        ),
        notes: [`Gjennomsnitt ${decimal(d.mean)}, median ${decimal(d.median)}.`],
      };
  }
}

export function renderFigure(b: FigureBlock): RenderedFigure {
  const f = chartAndTable(b, b.data);
  const remarks = (b.data.remarks ?? []).map((m) => say(m, 'nb'));
  return remarks.length > 0 ? { ...f, notes: [...f.notes, ...remarks] } : f;
}
