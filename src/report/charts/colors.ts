/**
 * Chart colours. Categorical colours follow Okabe & Ito (darkened where needed) so that every one
 * keeps at least 3:1 contrast against white and most colour-blind readers tell them apart.
 * Ordered scales (1–5 answers, map classes) use ColorBrewer's YlGnBu ramp: colour-blind safe and
 * with strictly falling lightness, so the order still reads when the page is printed in grey.
 */

/** Series colours, in the order they are handed out. */
export const categorical = ['#0072B2', '#D55E00', '#009E73', '#A8457F', '#8F6B00', '#332288'] as const;

/** Neutral greys for answers outside a scale ("Vet ikke", "Ikke relevant"), darkest first. */
export const neutral = ['#9a9a9a', '#c9c9c9', '#e0e0e0'] as const;

/** Bars of a neutral answer in a share chart (≥ 3:1 against white). */
export const neutralBar = '#8a8a8a';

/** Light grey for map areas without a value. */
export const noData = '#e4e4e4';

/** ColorBrewer YlGnBu, nine classes, light to dark. */
const ylGnBu = ['#ffffd9', '#edf8b1', '#c7e9b4', '#7fcdbb', '#41b6c4', '#1d91c0', '#225ea8', '#253494', '#081d58'] as const;

/** ColorBrewer's own YlGnBu schemes for 3–7 classes (they are tuned, not just sampled). */
const brewer: Record<number, readonly string[]> = {
  3: ['#edf8b1', '#7fcdbb', '#2c7fb8'],
  4: ['#ffffcc', '#a1dab4', '#41b6c4', '#225ea8'],
  5: ['#ffffcc', '#a1dab4', '#41b6c4', '#2c7fb8', '#253494'],
  6: ['#ffffcc', '#c7e9b4', '#7fcdbb', '#41b6c4', '#2c7fb8', '#253494'],
  7: ['#ffffcc', '#c7e9b4', '#7fcdbb', '#41b6c4', '#1d91c0', '#225ea8', '#0c2c84'],
  8: ['#ffffd9', '#edf8b1', '#c7e9b4', '#7fcdbb', '#41b6c4', '#1d91c0', '#225ea8', '#0c2c84'],
};

function hexToRgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function sample(anchors: readonly string[], n: number): string[] {
  if (n === 1) return [anchors[Math.floor(anchors.length / 2)] as string];
  return Array.from({ length: n }, (_, i) => {
    const t = (i / (n - 1)) * (anchors.length - 1);
    const lo = Math.floor(t);
    const hi = Math.min(anchors.length - 1, lo + 1);
    const a = hexToRgb(anchors[lo] as string);
    const b = hexToRgb(anchors[hi] as string);
    const mix = a.map((v, k) => Math.round(v + (t - lo) * ((b[k] as number) - v)));
    return `#${mix.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
  });
}

/**
 * Colours for the points of an answer scale (1–5 and the like), lowest first. The palest tints are
 * left out so the first point still shows against the white page.
 */
export function scaleColors(n: number): string[] {
  if (n <= 0) return [];
  const scheme = brewer[n + 1];
  return scheme ? scheme.slice(1) : sample(ylGnBu.slice(2), n);
}

/** Colours for `n` map classes, light to dark (the palest is kept: the map draws borders). */
export function classColors(n: number): string[] {
  if (n <= 0) return [];
  if (n <= 2) return sample(['#c7e9b4', '#253494'], n);
  return [...(brewer[n] ?? sample(ylGnBu, n))];
}

/** WCAG relative luminance of a #rrggbb colour. */
export function luminance(hex: string): number {
  const [r, g, b] = hexToRgb(hex).map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two #rrggbb colours. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Text colour that reads on `fill`: near-black or white, whichever contrasts more. */
export function textOn(fill: string): string {
  return contrast(fill, '#1a1a1a') >= contrast(fill, '#ffffff') ? '#1a1a1a' : '#ffffff';
}
