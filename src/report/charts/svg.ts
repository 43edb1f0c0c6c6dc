/**
 * Shared pieces of the SVG charts: the accessible frame, Norwegian number formats, text width
 * estimates and wrapping, axes and legends. Everything is presentation attributes only (no style
 * attribute, no <style>), so the charts pass a strict Content-Security-Policy and print the same.
 */
import { escapeHtml } from '../../shared/html.ts';
import { formatNumber } from '../../shared/numbers.ts';

export const font = "Arial, 'Liberation Sans', Helvetica, sans-serif";
export const ink = '#1a1a1a';
export const muted = '#4a4a4a';
export const grid = '#d9dde1';
export const axis = '#6b6b6b';
export const fontSize = 12;
export const lineHeight = 14;

/** Options every chart takes. */
export interface ChartBase {
  /** Unique on the page; the title and description ids are built from it. */
  readonly id: string;
  readonly title: string;
  /** Read out by screen readers; a summary of the numbers is made up when it is left out. */
  readonly description?: string;
  /** Width of the drawing in px (the viewBox; pages may scale it down). */
  readonly width?: number;
  /** A line under the chart, e.g. "N=162" or "Flere svar mulig. N=162". */
  readonly note?: string;
}

export const esc = escapeHtml;

/** An id safe to use in attributes and aria-labelledby (no spaces or quotes). */
export function safeId(id: string): string {
  const s = id.replace(/[^A-Za-z0-9_-]/g, '-');
  return /^[A-Za-z]/.test(s) ? s : `c-${s}`;
}

/** A coordinate with at most one decimal ("12.5", "3", never "-0"). */
export function n1(v: number): string {
  const r = Math.round(v * 10) / 10;
  return String(Object.is(r, -0) ? 0 : r);
}

/** "62 %" from the share 0.62 (a space before %, decimal comma). */
export function pct(share: number, decimals = 0): string {
  return `${formatNumber(round(100 * share, decimals), decimals)} %`;
}

/** "3,4" — a number with a fixed count of decimals and a decimal comma. */
export function num(v: number, decimals = 1): string {
  return formatNumber(round(v, decimals), decimals);
}

function round(v: number, decimals: number): number {
  const f = 10 ** decimals;
  const r = Math.round(v * f) / f;
  return Object.is(r, -0) ? 0 : r;
}

/** Estimated width of a text in px (about 0.55 em per character). */
export function textWidth(text: string, size = fontSize): number {
  return text.length * 0.55 * size;
}

/** Splits a label into lines that fit `width` px, breaking between words (or inside very long ones). */
export function wrap(text: string, width: number, size = fontSize): string[] {
  const max = Math.max(4, Math.floor(width / (0.55 * size)));
  const lines: string[] = [];
  let line = '';
  for (let word of text.trim().split(/\s+/)) {
    while (word.length > max) {
      if (line) {
        lines.push(line);
        line = '';
      }
      lines.push(`${word.slice(0, max - 1)}-`);
      word = word.slice(max - 1);
    }
    if (!line) line = word;
    else if (line.length + 1 + word.length <= max) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}

export interface TextOptions {
  readonly anchor?: 'start' | 'middle' | 'end';
  readonly size?: number;
  readonly fill?: string;
  readonly weight?: 'bold';
  /** A white outline behind the letters, so text over lines stays readable. */
  readonly halo?: boolean;
}

/** A <text> element; `y` is the baseline of the first line, further lines go in <tspan>s. */
export function text(lines: readonly string[], x: number, y: number, o: TextOptions = {}): string {
  const attrs = [
    `x="${n1(x)}" y="${n1(y)}"`,
    o.anchor && o.anchor !== 'start' ? ` text-anchor="${o.anchor}"` : '',
    o.size && o.size !== fontSize ? ` font-size="${o.size}"` : '',
    ` fill="${o.fill ?? ink}"`,
    o.weight ? ` font-weight="${o.weight}"` : '',
    o.halo ? ' stroke="#ffffff" stroke-width="3" stroke-linejoin="round" paint-order="stroke"' : '',
  ].join('');
  if (lines.length === 1) return `<text ${attrs}>${esc(lines[0] ?? '')}</text>`;
  const step = Math.round((o.size ?? fontSize) * (lineHeight / fontSize) * 10) / 10;
  const spans = lines.map((l, i) => `<tspan x="${n1(x)}"${i === 0 ? '' : ` dy="${step}"`}>${esc(l)}</tspan>`).join('');
  return `<text ${attrs}>${spans}</text>`;
}

/** Baseline that centres one line of text of `size` on `cy`. */
export function middle(cy: number, size = fontSize): number {
  return cy + size * 0.35;
}

/** The outer <svg> with its title and description, and the closing tag. */
export function frame(id: string, width: number, height: number, title: string, description: string, body: string): string {
  const sid = safeId(id);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 ${n1(width)} ${n1(height)}" width="${n1(width)}" height="${n1(height)}"`,
    ` role="img" aria-labelledby="${sid}-title ${sid}-desc" font-family="${esc(font)}" font-size="${fontSize}">`,
    `<title id="${sid}-title">${esc(title)}</title><desc id="${sid}-desc">${esc(description)}</desc>`,
    body,
    '</svg>',
  ].join('');
}

/** A note under a chart, wrapped to the width; returns the markup and the height it takes. */
export function noteBlock(note: string | undefined, x: number, y: number, width: number): { svg: string; height: number } {
  if (!note) return { svg: '', height: 0 };
  const lines = wrap(note, width, 11);
  return { svg: text(lines, x, y + 11, { size: 11, fill: muted }), height: 6 + lines.length * lineHeight };
}

/** Vertical gridlines and "0 %" … "100 %" labels under a horizontal share axis. */
export function shareAxis(x0: number, x1: number, top: number, bottom: number, max = 1): string {
  const parts: string[] = [];
  // Steps of 20 % (10 or 5 % on a short axis), wider when the labels would crowd.
  let step = max > 0.6 ? 0.2 : max > 0.3 ? 0.1 : 0.05;
  for (const wider of [0.25, 0.5]) if (((x1 - x0) * step) / max < 36 && wider > step) step = wider;
  for (let k = 0; k * step <= max + 1e-9; k++) {
    const v = k * step;
    const x = x0 + (v / max) * (x1 - x0);
    parts.push(`<line x1="${n1(x)}" x2="${n1(x)}" y1="${n1(top)}" y2="${n1(bottom)}" stroke="${k === 0 ? axis : grid}" stroke-width="1"/>`);
    parts.push(text([pct(v)], x, bottom + 14, { anchor: 'middle', size: 11, fill: muted }));
  }
  return parts.join('');
}

export interface LegendItem {
  readonly label: string;
  readonly color: string;
  /** How the swatch looks: a filled square (default), a line, or a dashed line. */
  readonly swatch?: 'box' | 'line' | 'dash';
  /** Extra markup drawn over the swatch, centred on (cx, cy) — e.g. a point marker. */
  readonly marker?: (cx: number, cy: number) => string;
}

/** A legend that flows left to right and wraps onto new rows; returns markup and height. */
export function legend(items: readonly LegendItem[], x: number, y: number, width: number): { svg: string; height: number } {
  if (items.length === 0) return { svg: '', height: 0 };
  const parts: string[] = [];
  const rowH = 18;
  let cx = x;
  let cy = y;
  let extra = 0;
  for (const item of items) {
    const sw = item.swatch === 'line' || item.swatch === 'dash' ? 22 : 12;
    const maxLabel = width - sw - 6;
    const lines = textWidth(item.label) > maxLabel ? wrap(item.label, maxLabel) : [item.label];
    const w = sw + 6 + Math.max(...lines.map((l) => textWidth(l)));
    if (cx > x && cx + w > x + width) {
      cx = x;
      cy += rowH + extra;
      extra = 0;
    }
    const mid = cy + 7;
    if (item.swatch === 'line' || item.swatch === 'dash') {
      const dash = item.swatch === 'dash' ? ' stroke-dasharray="4 3"' : '';
      parts.push(
        `<line x1="${n1(cx)}" x2="${n1(cx + sw)}" y1="${n1(mid)}" y2="${n1(mid)}" stroke="${item.color}" stroke-width="2"${dash}/>`,
      );
    } else {
      parts.push(`<rect x="${n1(cx)}" y="${n1(cy + 1)}" width="12" height="12" fill="${item.color}" stroke="#8a8a8a" stroke-width="0.5"/>`);
    }
    if (item.marker) parts.push(item.marker(cx + sw / 2, mid));
    parts.push(text(lines, cx + sw + 6, middle(mid)));
    extra = Math.max(extra, (lines.length - 1) * lineHeight);
    cx += w + 16;
  }
  return { svg: parts.join(''), height: cy - y + rowH + extra };
}

/** Width of the label column: what the longest label needs, within [min, max]. */
export function labelColumn(labels: readonly string[], chartWidth: number, given?: number): number {
  if (given !== undefined) return given;
  const longest = Math.max(0, ...labels.map((l) => textWidth(l)));
  return Math.round(Math.min(chartWidth * 0.4, Math.max(80, longest + 4)));
}

/** "Vet ikke", "Ikke relevant" and their nynorsk/English forms: answers outside the scale. */
export function isNeutralLabel(label: string): boolean {
  return /^(vet ikke|veit ikkje|ikke relevant|ikkje relevant|usikker|don't know|not applicable|ingen formening)$/i.test(label.trim());
}
