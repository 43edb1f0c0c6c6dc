/**
 * Stacked bar chart as plain SVG (no script, no styles: presentation attributes only, so it
 * passes a strict Content-Security-Policy and prints the same in the HTML report and the PDF).
 * Accessible: role="img" with a title and a description; pages put the numbers in a table too.
 */
import { escapeHtml } from '../../shared/html.ts';
import { formatNumber } from '../../shared/numbers.ts';
import { categorical } from './colors.ts';
import { safeId } from './svg.ts';

export interface BarSeries {
  readonly label: string;
  readonly color: string;
}

export interface BarChart {
  /** Unique on the page; the title and description ids are built from it (default: a running number). */
  readonly id?: string;
  readonly title: string;
  readonly description: string;
  /** Category labels along the x axis. */
  readonly categories: readonly string[];
  readonly series: readonly BarSeries[];
  /** values[series][category] */
  readonly values: readonly (readonly number[])[];
  readonly width?: number;
  readonly height?: number;
  /** Show every n-th category label (long axes). */
  readonly labelEvery?: number;
}

/** Colours that keep 3:1 contrast against white and are told apart by most colour-blind readers. */
export const palette = categorical;

/** A round step for `ticks` gridlines covering `v`: 1, 2 or 5 × 10^k (whole numbers for counts). */
function niceStep(v: number, ticks: number, whole: boolean): number {
  const raw = v / ticks;
  if (raw <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 2.5, 5, 10]) {
    const step = m * p;
    if (step >= raw && (!whole || Number.isInteger(step))) return step;
  }
  return 10 * p;
}

/** Fallback ids for callers that pass none; new code passes `id`. */
let counter = 0;

export function stackedBars(c: BarChart): string {
  const width = c.width ?? 720;
  const height = c.height ?? 260;
  const left = 40;
  const right = 8;
  const top = 28;
  const bottom = 40;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const totals = c.categories.map((_, i) => c.values.reduce((s, v) => s + (v[i] ?? 0), 0));
  const ticks = 4;
  const whole = c.values.every((row) => row.every((v) => Number.isInteger(v)));
  const tick = Math.max(whole ? 1 : 0, niceStep(Math.max(0, ...totals), ticks, whole)) || 1;
  const max = tick * ticks;
  const step = plotW / Math.max(1, c.categories.length);
  const barW = Math.max(2, step * 0.7);
  const y = (v: number) => top + plotH - (v / max) * plotH;
  const id = c.id ? safeId(c.id) : `chart${++counter}`;
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-labelledby="${id}-title ${id}-desc" font-family="system-ui, sans-serif" font-size="12">`,
    `<title id="${id}-title">${escapeHtml(c.title)}</title><desc id="${id}-desc">${escapeHtml(c.description)}</desc>`,
  );
  for (let k = 0; k <= ticks; k++) {
    const v = tick * k;
    const yy = y(v).toFixed(1);
    parts.push(`<line x1="${left}" x2="${width - right}" y1="${yy}" y2="${yy}" stroke="#d0d7de" stroke-width="1"/>`);
    parts.push(
      `<text x="${left - 6}" y="${yy}" text-anchor="end" dominant-baseline="middle" fill="#444">${formatNumber(Number(v.toPrecision(12)))}</text>`,
    );
  }
  c.categories.forEach((cat, i) => {
    const x = left + i * step + (step - barW) / 2;
    let base = 0;
    c.series.forEach((s, si) => {
      const v = c.values[si]?.[i] ?? 0;
      if (v > 0) {
        parts.push(
          `<rect x="${x.toFixed(1)}" y="${y(base + v).toFixed(1)}" width="${barW.toFixed(1)}" height="${(y(base) - y(base + v)).toFixed(1)}" fill="${s.color}"><title>${escapeHtml(`${cat}: ${s.label} ${v}`)}</title></rect>`,
        );
      }
      base += v;
    });
    if (i % (c.labelEvery ?? 1) === 0) {
      parts.push(
        `<text x="${(x + barW / 2).toFixed(1)}" y="${height - bottom + 16}" text-anchor="middle" fill="#444">${escapeHtml(cat)}</text>`,
      );
    }
  });
  let lx = left;
  for (const s of c.series) {
    parts.push(
      `<rect x="${lx}" y="6" width="12" height="12" fill="${s.color}"/><text x="${lx + 16}" y="16" fill="#222">${escapeHtml(s.label)}</text>`,
    );
    lx += 24 + s.label.length * 7;
  }
  parts.push(`<line x1="${left}" x2="${width - right}" y1="${y(0)}" y2="${y(0)}" stroke="#444" stroke-width="1"/></svg>`);
  return parts.join('');
}
