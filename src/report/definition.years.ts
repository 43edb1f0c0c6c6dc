/**
 * Years in a report definition, relative to the round the report is built for, so that one
 * definition serves every year: text says `{{year}}` and `{{year offset=-4}}` instead of "2019"
 * and "2015", and a trend's `years` are offsets (`[-4, 0]`: four years back to the round's own).
 * A definition copied to a new round has the years written into its text turned into such
 * placeholders (`relativeYears`), so a 2020 report made from 2019's says "2016 til 2020".
 */
import type { ReportDefinition } from './definition.ts';

/** A trend's `years` entry below this is an offset from the round's year; from it, a year. */
const firstAbsoluteYear = 1000;

/** A trend's first and last year for a round: offsets (-4, 0) count from the round's year. */
export function trendYears(years: readonly [number, number], roundYear: number): [number, number] {
  const at = (y: number) => (Math.abs(y) < firstAbsoluteYear ? roundYear + y : y);
  return [at(years[0]), at(years[1])];
}

/** A year written into a definition's text that the copy turned into a placeholder. */
export interface YearReplaced {
  readonly year: number;
  readonly placeholder: string;
  readonly count: number;
}

/** Years from ten before the round up to the year after it are taken as meant relative to it. */
const yearsBack = 10;
const yearsAhead = 1;

/** A year standing alone: not part of a longer number, a word, a key or a decimal ("0,2019"). */
const yearPattern = /(?<![\p{L}\p{N}_]|\d[,.])((?:19|20)\d\d)(?![\p{L}\p{N}_]|[,.]\d)/gu;
/** Placeholders are left as they are: their arguments are not prose. */
const placeholderPattern = /(\{\{[^}]*\}\})/;
/** Fields that are names, not prose. */
const technical = new Set(['id', 'role', 'question', 'by', 'kind', 'item', 'groupings']);

export function placeholderFor(year: number, roundYear: number): string {
  const offset = year - roundYear;
  return offset === 0 ? '{{year}}' : `{{year offset=${offset}}}`;
}

function relativeText(text: string, roundYear: number, seen: Map<number, number>): string {
  return text
    .split(placeholderPattern)
    .map((part) =>
      placeholderPattern.test(part)
        ? part
        : part.replace(yearPattern, (whole, y: string) => {
            const year = Number(y);
            if (year < roundYear - yearsBack || year > roundYear + yearsAhead) return whole;
            seen.set(year, (seen.get(year) ?? 0) + 1);
            return placeholderFor(year, roundYear);
          }),
    )
    .join('');
}

function walk(value: unknown, key: string, roundYear: number, seen: Map<number, number>, trendOffsets: { n: number }): unknown {
  if (typeof value === 'string') return technical.has(key) ? value : relativeText(value, roundYear, seen);
  if (Array.isArray(value)) {
    if (key === 'years' && value.length === 2 && value.every((y) => Number.isInteger(y))) {
      const ys = value as number[];
      if (ys.some((y) => Math.abs(y) >= firstAbsoluteYear)) trendOffsets.n++;
      return ys.map((y) => (Math.abs(y) >= firstAbsoluteYear ? y - roundYear : y));
    }
    return value.map((v) => walk(v, key, roundYear, seen, trendOffsets));
  }
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k, roundYear, seen, trendOffsets)]));
  return value;
}

/**
 * The definition with the years of its text and its trends made relative to `roundYear` (the
 * round it was written for): a year from ten before the round to the one after becomes
 * `{{year}}` or `{{year offset=N}}`, a trend's absolute years become offsets. Every field is
 * walked, so block kinds added later are covered too; placeholders and names are left alone.
 */
export function relativeYears(
  def: ReportDefinition,
  roundYear: number,
): { definition: ReportDefinition; replaced: YearReplaced[]; trends: number } {
  const seen = new Map<number, number>();
  const trends = { n: 0 };
  const definition = walk(def, '', roundYear, seen, trends) as ReportDefinition;
  const replaced = [...seen]
    .sort(([a], [b]) => a - b)
    .map(([year, count]) => ({ year, placeholder: placeholderFor(year, roundYear), count }));
  return { definition, replaced, trends: trends.n };
}
