/**
 * Turning a registry CSV (one row per unit, `kommunenummer,navn,fylkesnummer,fylkesnavn` plus any
 * attribute columns) into units, checking every row. Spreadsheets drop leading zeros, so a 3-digit
 * municipality number and a 1-digit county number are padded (301 → 0301, 3 → 03).
 */
import { type CsvTable, csvLine, location, problemAt } from '../shared/csv.ts';
import { ProblemList } from '../shared/errors.ts';
import { type Message, msg } from '../shared/i18n/message.ts';
import { parseNumber } from '../shared/numbers.ts';
import { shorten } from '../shared/text.ts';
import type { MappingEntry, Unit } from './registry.types.ts';

export const requiredColumns = ['kommunenummer', 'navn', 'fylkesnummer', 'fylkesnavn'] as const;
const attributeName = /^[a-zæøå][a-zæøå0-9_]*$/;
/** Attribute names end up in conditions, groupings and page headings: short words, not sentences. */
export const MAX_ATTRIBUTE_NAME_LENGTH = 64;

/** Normalises a unit number: 4 digits for a municipality, 6 for a city district. */
export function normaliseUnitNumber(raw: string): string | undefined {
  const s = raw.trim();
  if (!/^\d+$/.test(s)) return undefined;
  if (s.length === 4 || s.length === 6) return s;
  if (s.length === 3 || s.length === 5) return `0${s}`;
  return undefined;
}

function normaliseCountyNumber(raw: string): string | undefined {
  const s = raw.trim();
  if (/^\d{2}$/.test(s)) return s;
  if (/^\d$/.test(s)) return `0${s}`;
  return undefined;
}

export function parseRegistryCsv(table: CsvTable): Unit[] {
  const { file } = table;
  const problems = new ProblemList();
  const inHeader = (what: Message) => problems.add(problemAt(location(file, 1), what));
  for (const col of requiredColumns) {
    if (!table.header.includes(col)) inHeader(msg('csv.required_column_missing', { column: col }));
  }
  const attributes = table.header.filter((h) => !(requiredColumns as readonly string[]).includes(h));
  for (const a of attributes) {
    if ([...a].length > MAX_ATTRIBUTE_NAME_LENGTH) {
      inHeader(msg('registry.attribute_too_long', { name: shorten(a), max: MAX_ATTRIBUTE_NAME_LENGTH }));
    } else if (!attributeName.test(a)) {
      inHeader(msg('registry.attribute_characters', { name: shorten(a) }));
    }
  }
  problems.throwIfAny();

  const units: Unit[] = [];
  const lineOf = new Map<string, number>();
  const countyNames = new Map<string, { name: string; line: number }>();
  for (const row of table.rows) {
    const cell = (c: string) => row.cells.get(c) ?? '';
    const at = (c: string, what: Message) => problems.add(problemAt(location(file, row.line, c), what));
    const number = normaliseUnitNumber(cell('kommunenummer'));
    const countyNumber = normaliseCountyNumber(cell('fylkesnummer'));
    const name = cell('navn');
    const countyName = cell('fylkesnavn');
    if (number === undefined) {
      at('kommunenummer', msg('registry.bad_unit_number', { value: shorten(cell('kommunenummer')) }));
    } else if (lineOf.has(number)) {
      at('kommunenummer', msg('registry.already_on_line', { what: number, line: lineOf.get(number) as number }));
    }
    if (name === '') at('navn', msg('registry.name_empty'));
    if (countyNumber === undefined) {
      at('fylkesnummer', msg('registry.bad_county_number', { value: shorten(cell('fylkesnummer')) }));
    } else if (number !== undefined && number.slice(0, 2) !== countyNumber) {
      at('fylkesnummer', msg('registry.county_mismatch', { county: countyNumber, number }));
    }
    if (countyName === '') at('fylkesnavn', msg('registry.county_name_empty'));
    if (countyNumber !== undefined && countyName !== '') {
      const known = countyNames.get(countyNumber);
      if (known === undefined) countyNames.set(countyNumber, { name: countyName, line: row.line });
      else if (known.name !== countyName) {
        at('fylkesnavn', msg('registry.county_two_names', { county: countyNumber, name: shorten(known.name), line: known.line }));
      }
    }
    const values: Record<string, number> = {};
    for (const a of attributes) {
      const raw = cell(a);
      if (raw === '') continue;
      const n = parseNumber(raw);
      if (n === undefined) at(a, msg('registry.not_a_number', { value: shorten(raw) }));
      else values[a] = n;
    }
    if (number === undefined || countyNumber === undefined) continue;
    lineOf.set(number, row.line);
    const kind = number.length === 6 ? 'bydel' : 'kommune';
    units.push({
      number,
      name,
      countyNumber,
      countyName,
      kind,
      parentNumber: kind === 'bydel' ? number.slice(0, 4) : null,
      attributes: values,
    });
  }
  for (const u of units) {
    if (u.parentNumber !== null && !lineOf.has(u.parentNumber)) {
      const what = msg('registry.district_without_municipality', { district: u.number, municipality: u.parentNumber });
      problems.add(problemAt(location(file, lineOf.get(u.number) ?? 0, 'kommunenummer'), what));
    }
  }
  if (table.rows.length === 0) problems.add(problemAt(file, msg('registry.no_units')));
  problems.throwIfAny();
  return units;
}

/** Writes units back as a registry CSV (the same columns the import reads). */
export function registryToCsv(units: readonly Unit[], separator: ',' | ';' = ','): string {
  const attrs = [...new Set(units.flatMap((u) => Object.keys(u.attributes)))].sort();
  const fmt = (n: number | undefined) => (n === undefined ? '' : separator === ';' ? String(n).replace('.', ',') : String(n));
  const lines = [csvLine([...requiredColumns, ...attrs], separator)];
  for (const u of units) {
    lines.push(csvLine([u.number, u.name, u.countyNumber, u.countyName, ...attrs.map((a) => fmt(u.attributes[a]))], separator));
  }
  return `${lines.join('\n')}\n`;
}

export interface MappingContext {
  readonly fromUnits: ReadonlySet<string>;
  readonly toUnits: ReadonlySet<string>;
  readonly fromYear: number;
  readonly toYear: number;
}

/**
 * Reads a mapping CSV `fra_nummer,til_nummer[,andel]`: one row per old → new pair. A merge is
 * several old numbers to one new; a split is one old number to several new, where `andel` (the
 * share of the old unit's population that went to each new one) must add up to 1.
 */
export function parseMappingCsv(table: CsvTable, ctx: MappingContext): MappingEntry[] {
  const { file } = table;
  const problems = new ProblemList();
  for (const col of ['fra_nummer', 'til_nummer']) {
    if (!table.header.includes(col)) problems.add(problemAt(location(file, 1), msg('csv.required_column_missing', { column: col })));
  }
  for (const h of table.header) {
    if (!['fra_nummer', 'til_nummer', 'andel'].includes(h)) problems.add(problemAt(location(file, 1, h), msg('csv.unknown_column')));
  }
  problems.throwIfAny();
  const entries: MappingEntry[] = [];
  const seen = new Map<string, number>();
  const sharesByFrom = new Map<string, { sum: number; withShare: number; rows: number; line: number }>();
  for (const row of table.rows) {
    const at = (c: string, what: Message) => problems.add(problemAt(location(file, row.line, c), what));
    const rawFrom = row.cells.get('fra_nummer') ?? '';
    const rawTo = row.cells.get('til_nummer') ?? '';
    const rawShare = row.cells.get('andel') ?? '';
    const from = normaliseUnitNumber(rawFrom);
    const to = normaliseUnitNumber(rawTo);
    if (from === undefined) at('fra_nummer', msg('registry.not_a_unit_number', { value: shorten(rawFrom) }));
    else if (!ctx.fromUnits.has(from)) at('fra_nummer', msg('registry.not_in_registry', { number: from, year: ctx.fromYear }));
    if (to === undefined) at('til_nummer', msg('registry.not_a_unit_number', { value: shorten(rawTo) }));
    else if (!ctx.toUnits.has(to)) at('til_nummer', msg('registry.not_in_registry', { number: to, year: ctx.toYear }));
    let share: number | null = null;
    if (rawShare !== '') {
      const n = parseNumber(rawShare);
      if (n === undefined || n <= 0 || n > 1) at('andel', msg('registry.bad_share', { value: shorten(rawShare) }));
      else share = n;
    }
    if (from === undefined || to === undefined) continue;
    const key = `${from}>${to}`;
    if (seen.has(key)) at('til_nummer', msg('registry.already_on_line', { what: `${from} → ${to}`, line: seen.get(key) as number }));
    seen.set(key, row.line);
    const s = sharesByFrom.get(from) ?? { sum: 0, withShare: 0, rows: 0, line: row.line };
    s.rows++;
    if (share !== null) {
      s.sum += share;
      s.withShare++;
    }
    sharesByFrom.set(from, s);
    entries.push({ fromNumber: from, toNumber: to, share });
  }
  for (const [from, s] of sharesByFrom) {
    if (s.rows > 1 && (s.withShare !== s.rows || Math.abs(s.sum - 1) > 0.001)) {
      problems.add(problemAt(location(file, s.line, 'andel'), msg('registry.split_shares', { number: from, rows: s.rows })));
    }
  }
  problems.throwIfAny();
  return entries;
}
