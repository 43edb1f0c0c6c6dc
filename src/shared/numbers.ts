/**
 * Numbers as they come from Norwegian spreadsheets: decimal comma or point, spaces (also
 * non-breaking) as thousands separators, a leading minus. Anything else is not a number.
 */

const plain = /^-?\d+(?:[.,]\d+)?$/;
const grouped = /^-?\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?$/;

/** Parses a cell; returns undefined when it is not a number (the caller names line and column). */
export function parseNumber(raw: string): number | undefined {
  const s = raw.trim();
  if (!plain.test(s) && !grouped.test(s)) return undefined;
  const n = Number(s.replace(/[ \u00a0\u202f]/g, '').replace(',', '.'));
  return Number.isFinite(n) ? n : undefined;
}

/** Parses an integer cell; undefined when it is not a whole number. */
export function parseInteger(raw: string): number | undefined {
  const n = parseNumber(raw);
  return n !== undefined && Number.isInteger(n) ? n : undefined;
}

/** Formats a number the Norwegian way: "12 345", "5,5". */
export function formatNumber(n: number, decimals?: number): string {
  return new Intl.NumberFormat('nb-NO', {
    maximumFractionDigits: decimals ?? 20,
    minimumFractionDigits: decimals ?? 0,
  })
    .format(n)
    .replace(/\u00a0/g, ' ')
    .replace('\u2212', '-');
}
