/**
 * Horizontal bars per answer option with one bar per series side by side: two roles compared
 * (kommunedirektør and skolesjef) or a breakdown by group (small, medium, large). Shares 0–100 %.
 */
import { categorical } from './colors.ts';
import { intervalText } from './share-bars.ts';
import {
  type ChartBase,
  esc,
  frame,
  ink,
  labelColumn,
  legend,
  lineHeight,
  middle,
  muted,
  n1,
  noteBlock,
  pct,
  shareAxis,
  text,
  textWidth,
  wrap,
} from './svg.ts';

export interface GroupedSeries {
  readonly label: string;
  /** One share (0–1) per category, in the order of `categories`; null where there is none. */
  readonly values: readonly (number | null)[];
  /** 95 % interval per category (0–1), optional. */
  readonly low?: readonly (number | null)[];
  readonly high?: readonly (number | null)[];
  readonly color?: string;
  /** Shown instead of "–" where the series has no value, e.g. "for få svar" for a category below the minimum N. */
  readonly missingLabel?: string;
}

export interface GroupedBarsOptions extends ChartBase {
  readonly categories: readonly string[];
  readonly series: readonly GroupedSeries[];
  readonly labelWidth?: number;
  /** Decimals in the value labels (default 0). */
  readonly decimals?: number;
}

const valueSize = 11;
const clamp01 = (v: number) => Math.min(1, Math.max(0, v));

export function groupedBars(o: GroupedBarsOptions): string {
  const width = o.width ?? 640;
  const decimals = o.decimals ?? 0;
  const colors = o.series.map((s, i) => s.color ?? categorical[i % categorical.length] ?? ink);
  const labelW = labelColumn(o.categories, width, o.labelWidth);
  const x0 = labelW + 8;
  const x1 = width - Math.ceil(Math.max(38, textWidth(pct(1, decimals), valueSize) + 8));
  const x = (share: number) => x0 + clamp01(share) * (x1 - x0);
  const key = legend(
    o.series.map((s, i) => ({ label: s.label, color: colors[i] as string })),
    x0,
    4,
    width - x0,
  );
  const n = Math.max(1, o.series.length);
  const barH = n <= 2 ? 18 : n <= 3 ? 15 : 12;
  const gap = 2;
  const block = n * barH + (n - 1) * gap;
  const parts: string[] = [key.svg];
  const top = 4 + key.height + 8;
  let y = top;
  o.categories.forEach((category, c) => {
    const lines = wrap(category, labelW);
    const rowH = Math.max(block, lines.length * lineHeight) + 14;
    const cy = y + rowH / 2;
    parts.push(text(lines, labelW, middle(cy - ((lines.length - 1) * lineHeight) / 2), { anchor: 'end' }));
    o.series.forEach((s, i) => {
      const by = cy - block / 2 + i * (barH + gap);
      const bcy = by + barH / 2;
      const v = s.values[c];
      if (v === null || v === undefined || !Number.isFinite(v)) {
        parts.push(text([s.missingLabel ?? '–'], x0 + 4, middle(bcy, valueSize), { size: valueSize, fill: muted }));
        return;
      }
      const low = s.low?.[c] ?? undefined;
      const high = s.high?.[c] ?? undefined;
      const interval = intervalText(low, high, decimals);
      const value = pct(v, decimals);
      parts.push(
        `<rect x="${n1(x0)}" y="${n1(by)}" width="${n1(x(v) - x0)}" height="${barH}" fill="${colors[i]}">` +
          `<title>${esc(`${category} – ${s.label}: ${value}${interval ? ` (95 % KI ${interval})` : ''}`)}</title></rect>`,
      );
      let end = x(v);
      if (low !== undefined && high !== undefined) {
        const xl = x(low);
        const xh = x(high);
        const cap = Math.min(4, barH / 2 - 1);
        parts.push(
          `<line x1="${n1(xl)}" x2="${n1(xh)}" y1="${n1(bcy)}" y2="${n1(bcy)}" stroke="${ink}" stroke-width="1"/>` +
            `<line x1="${n1(xl)}" x2="${n1(xl)}" y1="${n1(bcy - cap)}" y2="${n1(bcy + cap)}" stroke="${ink}" stroke-width="1"/>` +
            `<line x1="${n1(xh)}" x2="${n1(xh)}" y1="${n1(bcy - cap)}" y2="${n1(bcy + cap)}" stroke="${ink}" stroke-width="1"/>`,
        );
        end = Math.max(end, xh);
      }
      const lx = Math.min(end + 4, width - textWidth(value, valueSize) - 1);
      parts.push(text([value], lx, middle(bcy, valueSize), { size: valueSize }));
    });
    y += rowH;
  });
  const axisSvg = shareAxis(x0, x1, top - 2, y);
  const note = noteBlock(o.note, 0, y + 20, width);
  const height = y + 20 + note.height + 4;
  const description =
    o.description ??
    `${o.categories
      .map(
        (c, ci) =>
          `${c}: ${o.series.map((s) => `${s.label} ${typeof s.values[ci] === 'number' ? pct(s.values[ci], decimals) : (s.missingLabel ?? 'ingen data')}`).join(', ')}`,
      )
      .join('; ')}.${o.note ? ` ${o.note}` : ''}`;
  return frame(o.id, width, height, o.title, description, axisSvg + parts.join('') + note.svg);
}
