/**
 * Horizontal bars of shares per answer option on a 0–100 % axis, the value at the end of each bar
 * and, optionally, the 95 % interval as a whisker. For yes/no, single choice and multiple choice
 * ("flere svar mulig": the shares may add up to more than 100 %).
 */
import { categorical, neutralBar } from './colors.ts';
import {
  type ChartBase,
  esc,
  frame,
  ink,
  isNeutralLabel,
  labelColumn,
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

export interface ShareBar {
  readonly label: string;
  /** The share answering this option, 0–1; null when there is none (nobody answered): "–", no bar. */
  readonly share: number | null;
  /** Lower and upper bound of the 95 % interval, 0–1. */
  readonly low?: number;
  readonly high?: number;
  /** Draw the bar grey; by default "Vet ikke", "Ikke relevant" and the like are grey. */
  readonly neutral?: boolean;
  readonly color?: string;
}

export interface ShareBarsOptions extends ChartBase {
  readonly bars: readonly ShareBar[];
  /** Width of the label column in px (default: what the labels need, at most 40 % of the width). */
  readonly labelWidth?: number;
  /** Decimals in the value labels (default 0: "62 %"). */
  readonly decimals?: number;
  /** Colour of the bars (default the first categorical colour). */
  readonly color?: string;
}

/** Interval text for titles and descriptions: "55–69 %". */
export function intervalText(low: number | undefined, high: number | undefined, decimals = 0): string {
  if (low === undefined || high === undefined) return '';
  return `${pct(low, decimals).replace(' %', '')}–${pct(high, decimals)}`;
}

const clamp01 = (v: number) => Math.min(1, Math.max(0, Number.isFinite(v) ? v : 0));

export function shareBars(o: ShareBarsOptions): string {
  const width = o.width ?? 640;
  const decimals = o.decimals ?? 0;
  const labelW = labelColumn(
    o.bars.map((b) => b.label),
    width,
    o.labelWidth,
  );
  const shown = (b: ShareBar) => (b.share === null ? '–' : pct(b.share, decimals));
  const valueRoom = Math.ceil(Math.max(40, ...o.bars.map((b) => textWidth(shown(b)) + 6)));
  const x0 = labelW + 8;
  const x1 = width - valueRoom;
  const x = (share: number) => x0 + clamp01(share) * (x1 - x0);
  const barH = 20;
  const parts: string[] = [];
  let y = 6;
  for (const b of o.bars) {
    const lines = wrap(b.label, labelW);
    const rowH = Math.max(barH, lines.length * lineHeight) + 10;
    const cy = y + rowH / 2;
    const neutralBarColor = (b.neutral ?? isNeutralLabel(b.label)) ? neutralBar : undefined;
    const fill = b.color ?? neutralBarColor ?? o.color ?? categorical[0];
    const interval = intervalText(b.low, b.high, decimals);
    parts.push(text(lines, labelW, middle(cy - ((lines.length - 1) * lineHeight) / 2), { anchor: 'end' }));
    if (b.share === null) {
      parts.push(text(['–'], x0 + 4, middle(cy), { fill: muted }));
      y += rowH;
      continue;
    }
    const value = pct(b.share, decimals);
    parts.push(
      `<rect x="${n1(x0)}" y="${n1(cy - barH / 2)}" width="${n1(x(b.share) - x0)}" height="${barH}" fill="${fill}">` +
        `<title>${esc(`${b.label}: ${value}${interval ? ` (95 % KI ${interval})` : ''}`)}</title></rect>`,
    );
    let end = x(b.share);
    if (b.low !== undefined && b.high !== undefined) {
      const xl = x(b.low);
      const xh = x(b.high);
      parts.push(
        `<line x1="${n1(xl)}" x2="${n1(xh)}" y1="${n1(cy)}" y2="${n1(cy)}" stroke="${ink}" stroke-width="1.2"/>` +
          `<line x1="${n1(xl)}" x2="${n1(xl)}" y1="${n1(cy - 5)}" y2="${n1(cy + 5)}" stroke="${ink}" stroke-width="1.2"/>` +
          `<line x1="${n1(xh)}" x2="${n1(xh)}" y1="${n1(cy - 5)}" y2="${n1(cy + 5)}" stroke="${ink}" stroke-width="1.2"/>`,
      );
      end = Math.max(end, xh);
    }
    const lx = Math.min(end + 4, width - textWidth(value) - 1);
    parts.push(text([value], lx, middle(cy)));
    y += rowH;
  }
  const axisSvg = shareAxis(x0, x1, 2, y);
  const note = noteBlock(o.note, 0, y + 20, width);
  const height = y + 20 + note.height + 4;
  const description =
    o.description ??
    `${o.bars.map((b) => `${b.label}: ${b.share === null ? 'ingen svar' : pct(b.share, decimals)}${b.low !== undefined ? ` (95 % KI ${intervalText(b.low, b.high, decimals)})` : ''}`).join('; ')}.${o.note ? ` ${o.note}` : ''}`;
  // The axis goes first so that gridlines lie under the bars.
  return frame(o.id, width, height, o.title, description, axisSvg + parts.join('') + note.svg);
}
