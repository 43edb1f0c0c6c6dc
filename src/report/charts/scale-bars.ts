/**
 * 100 % stacked horizontal bars for answers on a scale (1–5): one row per item of a matrix, per
 * role or per group; one segment per scale point in an ordered colour ramp and the answers outside
 * the scale ("Vet ikke", "Ikke relevant") as grey segments at the end.
 */
import { neutral, scaleColors, textOn } from './colors.ts';
import {
  type ChartBase,
  esc,
  frame,
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

export interface ScaleRow {
  readonly label: string;
  /**
   * Shares 0–1: first one per scale point (lowest first), then one per extra answer; null where
   * there is none (a row with no answers has only nulls and is drawn as "–").
   */
  readonly shares: readonly (number | null)[];
  /** Shown right of the bar, e.g. "N=160". */
  readonly note?: string;
}

export interface ScaleBarsOptions extends ChartBase {
  /** Labels of the scale points, lowest first: "1 – I liten grad", "2", …, "5 – I stor grad". */
  readonly scale: readonly string[];
  /** Answers outside the scale, drawn grey after it: "Vet ikke", "Ikke relevant". */
  readonly extras?: readonly string[];
  readonly rows: readonly ScaleRow[];
  /** Colours of the scale points (default a light-to-dark ramp). */
  readonly colors?: readonly string[];
  readonly labelWidth?: number;
  /** Decimals in the segment labels (default 0). */
  readonly decimals?: number;
}

const segmentSize = 11;

export function scaleBars(o: ScaleBarsOptions): string {
  const width = o.width ?? 640;
  const decimals = o.decimals ?? 0;
  const extras = o.extras ?? [];
  const ramp = o.colors ?? scaleColors(o.scale.length);
  const colors = [...o.scale.map((_, i) => ramp[i] ?? '#777777'), ...extras.map((_, i) => neutral[i] ?? '#d6d6d6')];
  const names = [...o.scale, ...extras];
  const labelW = labelColumn(
    o.rows.map((r) => r.label),
    width,
    o.labelWidth,
  );
  const noteW = Math.max(0, ...o.rows.map((r) => (r.note ? textWidth(r.note, 11) + 8 : 0)));
  const x0 = labelW + 8;
  const x1 = width - Math.max(12, Math.ceil(noteW));
  const key = legend(
    names.map((label, i) => ({ label, color: colors[i] as string })),
    x0,
    4,
    width - x0,
  );
  const barH = 24;
  const parts: string[] = [key.svg];
  const top = 4 + key.height + 8;
  let y = top;
  for (const row of o.rows) {
    const lines = wrap(row.label, labelW);
    const rowH = Math.max(barH, lines.length * lineHeight) + 10;
    const cy = y + rowH / 2;
    parts.push(text(lines, labelW, middle(cy - ((lines.length - 1) * lineHeight) / 2), { anchor: 'end' }));
    const shares = names.map((_, i) => Math.max(0, row.shares[i] ?? 0));
    const total = shares.reduce((s, v) => s + v, 0);
    if (row.shares.every((v) => v === null)) parts.push(text(['–'], x0 + 4, middle(cy), { fill: muted }));
    const scaleBy = total > 1 ? 1 / total : 1;
    let x = x0;
    shares.forEach((share, i) => {
      if (share <= 0) return;
      const w = share * scaleBy * (x1 - x0);
      const fill = colors[i] as string;
      const value = pct(share, decimals);
      parts.push(
        `<rect x="${n1(x)}" y="${n1(cy - barH / 2)}" width="${n1(w)}" height="${barH}" fill="${fill}" stroke="#ffffff" stroke-width="1">` +
          `<title>${esc(`${row.label} – ${names[i]}: ${value}`)}</title></rect>`,
      );
      const short = value.replace(' %', '');
      const shown = w >= textWidth(value, segmentSize) + 6 ? value : w >= textWidth(short, segmentSize) + 4 ? short : '';
      if (shown) parts.push(text([shown], x + w / 2, middle(cy, segmentSize), { anchor: 'middle', size: segmentSize, fill: textOn(fill) }));
      x += w;
    });
    if (row.note) parts.push(text([row.note], x1 + 6, middle(cy, 11), { size: 11, fill: muted }));
    y += rowH;
  }
  const axisSvg = shareAxis(x0, x1, top - 2, y);
  const note = noteBlock(o.note, 0, y + 20, width);
  const height = y + 20 + note.height + 4;
  const description =
    o.description ??
    `${o.rows.map((r) => `${r.label}: ${r.shares.every((v) => v === null) ? 'ingen svar' : names.map((nm, i) => `${nm} ${pct(r.shares[i] ?? 0, decimals)}`).join(', ')}`).join('; ')}.${o.note ? ` ${o.note}` : ''}`;
  return frame(o.id, width, height, o.title, description, axisSvg + parts.join('') + note.svg);
}
