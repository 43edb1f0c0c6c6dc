/**
 * Trend lines: rounds (years) along x, the share 0–100 % up y, one solid line with points per
 * series and its 95 % interval as two dashed lines in the same colour. Each series also gets its
 * own point shape, so the lines are told apart in grey print and without colour vision.
 */
import { categorical } from './colors.ts';
import { intervalText } from './share-bars.ts';
import { type ChartBase, esc, frame, grid, ink, type LegendItem, legend, middle, muted, n1, noteBlock, pct, text } from './svg.ts';

export interface TrendSeries {
  readonly label: string;
  /** One share (0–1) per year, in the order of `years`; null where the question was not asked. */
  readonly values: readonly (number | null)[];
  /** Lower and upper bound of the 95 % interval per year (0–1). */
  readonly low?: readonly (number | null)[];
  readonly high?: readonly (number | null)[];
  readonly color?: string;
}

export interface TrendLinesOptions extends ChartBase {
  readonly years: readonly number[];
  readonly series: readonly TrendSeries[];
  /** Total height in px (default 320). */
  readonly height?: number;
  /** Write the value at every point (default false). */
  readonly valueLabels?: boolean;
  readonly decimals?: number;
  /** Top of the axis as a share (default 1 = 100 %). */
  readonly max?: number;
  /** Legend text for the dashed lines. */
  readonly intervalLabel?: string;
}

type Marker = (cx: number, cy: number, color: string) => string;

const markers: readonly Marker[] = [
  (cx, cy, c) => `<circle cx="${n1(cx)}" cy="${n1(cy)}" r="4" fill="${c}" stroke="#ffffff" stroke-width="1"/>`,
  (cx, cy, c) => `<rect x="${n1(cx - 3.8)}" y="${n1(cy - 3.8)}" width="7.6" height="7.6" fill="${c}" stroke="#ffffff" stroke-width="1"/>`,
  (cx, cy, c) =>
    `<path d="M${n1(cx)},${n1(cy - 5)}L${n1(cx + 4.7)},${n1(cy + 3.5)}L${n1(cx - 4.7)},${n1(cy + 3.5)}Z" fill="${c}" stroke="#ffffff" stroke-width="1"/>`,
  (cx, cy, c) =>
    `<path d="M${n1(cx)},${n1(cy - 5)}L${n1(cx + 5)},${n1(cy)}L${n1(cx)},${n1(cy + 5)}L${n1(cx - 5)},${n1(cy)}Z" fill="${c}" stroke="#ffffff" stroke-width="1"/>`,
];

const marker = (i: number): Marker => markers[i % markers.length] as Marker;
const valueSize = 11;

/** Path data through the points that have a value; a missing value breaks the line. */
function polyline(points: readonly ({ x: number; y: number } | null)[]): string {
  let d = '';
  let pen = false;
  for (const p of points) {
    if (!p) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${n1(p.x)},${n1(p.y)}`;
    pen = true;
  }
  return d;
}

const finite = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

export function trendLines(o: TrendLinesOptions): string {
  const width = o.width ?? 640;
  const height = o.height ?? 320;
  const decimals = o.decimals ?? 0;
  const max = o.max ?? 1;
  const colors = o.series.map((s, i) => s.color ?? categorical[i % categorical.length] ?? ink);
  const hasInterval = o.series.some((s) => s.low?.some(finite) || s.high?.some(finite));
  const items: LegendItem[] = o.series.map((s, i) => ({
    label: s.label,
    color: colors[i] as string,
    swatch: 'line',
    marker: (cx, cy) => marker(i)(cx, cy, colors[i] as string),
  }));
  if (hasInterval) items.push({ label: o.intervalLabel ?? '95 % konfidensintervall', color: muted, swatch: 'dash' });
  const left = 44;
  const right = 16;
  const key = legend(items, left, 4, width - left - right);
  const note = noteBlock(o.note, 0, height, width);
  const top = 4 + key.height + 10;
  const bottom = height - 24;
  const pad = 24;
  const years = o.years;
  const minYear = Math.min(...years);
  const span = Math.max(...years) - minYear;
  const x = (year: number) =>
    span > 0 ? left + pad + ((year - minYear) / span) * (width - left - right - 2 * pad) : (left + width - right) / 2;
  const y = (share: number) => bottom - (Math.min(max, Math.max(0, share)) / max) * (bottom - top);
  const parts: string[] = [key.svg];
  const step = max > 0.6 ? 0.2 : max > 0.3 ? 0.1 : 0.05;
  for (let k = 0; k * step <= max + 1e-9; k++) {
    const yy = y(k * step);
    parts.push(
      `<line x1="${left}" x2="${width - right}" y1="${n1(yy)}" y2="${n1(yy)}" stroke="${k === 0 ? '#6b6b6b' : grid}" stroke-width="1"/>`,
    );
    parts.push(text([pct(k * step)], left - 6, middle(yy, valueSize), { anchor: 'end', size: valueSize, fill: muted }));
  }
  for (const year of years) parts.push(text([String(year)], x(year), bottom + 16, { anchor: 'middle', fill: muted }));
  const at = (vs: readonly (number | null)[] | undefined) =>
    years.map((yr, j) => (finite(vs?.[j]) ? { x: x(yr), y: y(vs?.[j] as number) } : null));
  o.series.forEach((s, i) => {
    const c = colors[i] as string;
    for (const bound of [s.low, s.high]) {
      const d = polyline(at(bound));
      if (d) parts.push(`<path d="${d}" fill="none" stroke="${c}" stroke-width="1.2" stroke-dasharray="4 3"/>`);
    }
    const d = polyline(at(s.values));
    if (d) parts.push(`<path d="${d}" fill="none" stroke="${c}" stroke-width="2.5" stroke-linejoin="round"/>`);
  });
  o.series.forEach((s, i) => {
    years.forEach((yr, j) => {
      const v = s.values[j];
      if (!finite(v)) return;
      const interval = intervalText(s.low?.[j] ?? undefined, s.high?.[j] ?? undefined, decimals);
      const tip = `${s.label} ${yr}: ${pct(v, decimals)}${interval ? ` (95 % KI ${interval})` : ''}`;
      parts.push(`<g>${marker(i)(x(yr), y(v), colors[i] as string)}<title>${esc(tip)}</title></g>`);
    });
  });
  if (o.valueLabels) parts.push(valueLabelsSvg(o, years, x, y, top, bottom, decimals));
  const description =
    o.description ??
    `${o.series
      .map(
        (s) => `${s.label}: ${years.map((yr, j) => `${yr} ${finite(s.values[j]) ? pct(s.values[j], decimals) : 'ikke spurt'}`).join(', ')}`,
      )
      .join('; ')}.${o.note ? ` ${o.note}` : ''}`;
  return frame(o.id, width, height + note.height, o.title, description, parts.join('') + note.svg);
}

/**
 * Values next to the points. At each year a label goes above or under its point, whichever side
 * has more room before the next point; labels that still clash are pushed apart.
 */
function valueLabelsSvg(
  o: TrendLinesOptions,
  years: readonly number[],
  x: (year: number) => number,
  y: (share: number) => number,
  top: number,
  bottom: number,
  decimals: number,
): string {
  const parts: string[] = [];
  const above = (py: number) => py - 8;
  const below = (py: number) => py + valueSize + 5;
  years.forEach((yr, j) => {
    const points = o.series
      .map((s) => s.values[j])
      .filter(finite)
      .map((v) => ({ v, py: y(v) }))
      .sort((a, b) => a.py - b.py);
    const baselines = points.map((p, k) => {
      const roomAbove = k === 0 ? p.py - top : p.py - (points[k - 1]?.py ?? top);
      const roomBelow = k === points.length - 1 ? bottom - p.py : (points[k + 1]?.py ?? bottom) - p.py;
      if (roomAbove < valueSize + 8 && roomBelow > roomAbove) return below(p.py);
      return roomBelow > roomAbove && k > 0 ? below(p.py) : above(p.py);
    });
    for (let k = 1; k < baselines.length; k++) {
      baselines[k] = Math.max(baselines[k] as number, (baselines[k - 1] as number) + valueSize + 1);
    }
    points.forEach((p, k) => {
      const b = Math.min(bottom - 3, Math.max(top + valueSize, baselines[k] as number));
      parts.push(text([pct(p.v, decimals)], x(yr), b, { anchor: 'middle', size: valueSize, halo: true }));
    });
  });
  return parts.join('');
}
