/**
 * Test fixtures: registry CSV files shaped like the ones a survey team gets from a statistics
 * office, with Norwegian letters, decimal commas and the 2019 report's attributes.
 */
import { reportAttributes, type Unit } from './registry.types.ts';

export interface RegistryCsvOptions {
  readonly units?: number;
  readonly separator?: ',' | ';';
  readonly bom?: boolean;
  readonly crlf?: boolean;
  /** Include the capital's districts (030101…) after the municipalities. */
  readonly districts?: number;
}

const parts = ['Å', 'Bø', 'Lærdals', 'Sørfjord', 'Øst', 'Vågå', 'Fjæra', 'Hølonda', 'Skjåk', 'Træna'];
const ends = ['vik', 'dal', 'øy', 'åsen', 'berg', 'fjord', 'stad', 'nes'];
const counties = ['Austre', 'Vestre', 'Nordre', 'Søndre', 'Midtre', 'Øvre'].map((c, i) => ({
  number: String(i + 1).padStart(2, '0'),
  name: `${c} Fylkesland`,
}));

export type FixtureUnit = Pick<Unit, 'number' | 'name' | 'countyNumber' | 'countyName'> & { attributes: Record<string, number> };

/** The units the CSV below holds, as numbers (for comparing with what the store gives back). */
export function fixtureUnits(options: RegistryCsvOptions = {}): FixtureUnit[] {
  const n = options.units ?? 422;
  const out: FixtureUnit[] = [];
  for (let i = 0; i < n; i++) {
    const county = counties[i % counties.length] as (typeof counties)[number];
    const number = `${county.number}${String(1 + Math.floor(i / counties.length)).padStart(2, '0')}`;
    const folketall = [1200, 2000, 1999, 4999, 5000, 12345, 20000, 50000, 700000][i % 9] as number;
    const attributes: Record<string, number> = {
      folketall,
      sentralitet: 1 + (i % 6),
      innvandrerandel: [4.9, 5, 9.9, 10, 14.95, 15, 27.3][i % 7] as number,
      ar_med_bosetting: i % 6,
      innvandrere: Math.round(folketall * 0.1),
      deltakere_intro: i % 5 === 0 ? 0 : i % 40,
    };
    if (i % 11 !== 0) attributes.bosatt_mottak = i % 3;
    attributes.bosatt_overforing = i % 4;
    out.push({
      number,
      name: `${parts[i % parts.length]}${ends[i % ends.length]} ${i}`,
      countyNumber: county.number,
      countyName: county.name,
      attributes,
    });
  }
  for (let d = 1; d <= (options.districts ?? 0); d++) {
    out.push({
      number: `0301${String(d).padStart(2, '0')}`,
      name: `Bydel Ærlig ${d}`,
      countyNumber: '03',
      countyName: (counties[2] as (typeof counties)[number]).name,
      attributes: { folketall: 30000 + d, innvandrerandel: 20.5 },
    });
  }
  if ((options.districts ?? 0) > 0 && !out.some((u) => u.number === '0301')) {
    out.push({
      number: '0301',
      name: 'Hovedstaden',
      countyNumber: '03',
      countyName: (counties[2] as (typeof counties)[number]).name,
      attributes: { folketall: 690000 },
    });
  }
  return out;
}

export const fixtureAttributes = reportAttributes;

/** The fields a registry CSV carries, for comparing what the store gives back with the fixture. */
export function csvFields(u: Pick<Unit, 'number' | 'name' | 'countyNumber' | 'countyName' | 'attributes'>): FixtureUnit {
  return { number: u.number, name: u.name, countyNumber: u.countyNumber, countyName: u.countyName, attributes: { ...u.attributes } };
}

export function registryCsv(options: RegistryCsvOptions = {}): string {
  const sep = options.separator ?? ';';
  const eol = options.crlf === false ? '\n' : '\r\n';
  const num = (v: number | undefined) => (v === undefined ? '' : sep === ';' ? String(v).replace('.', ',') : String(v));
  const lines = [['kommunenummer', 'navn', 'fylkesnummer', 'fylkesnavn', ...fixtureAttributes].join(sep)];
  for (const u of fixtureUnits(options)) {
    lines.push([u.number, u.name, u.countyNumber, u.countyName, ...fixtureAttributes.map((a) => num(u.attributes[a]))].join(sep));
  }
  return `${options.bom === false ? '' : '\uFEFF'}${lines.join(eol)}${eol}`;
}

/** Replaces one cell (1-based line number, column name) in a CSV text. */
export function withCell(csv: string, line: number, column: string, value: string): string {
  const eol = csv.includes('\r\n') ? '\r\n' : '\n';
  const sep = csv.split(eol)[0]?.includes(';') ? ';' : ',';
  const lines = csv.split(eol);
  const header = (lines[0] as string).replace('\uFEFF', '').split(sep);
  const col = header.indexOf(column);
  const cells = (lines[line - 1] as string).split(sep);
  cells[col] = value;
  lines[line - 1] = cells.join(sep);
  return lines.join(eol);
}
