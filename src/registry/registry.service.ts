/**
 * Registry use cases: import a year's units from CSV (all or nothing, replacing that year),
 * read a year back, import the mapping between two years' divisions.
 */
import { readCsv } from '../shared/csv.ts';
import { invalid, notFound } from '../shared/errors.ts';
import type { Store } from '../store/store.ts';
import { parseMappingCsv, parseRegistryCsv } from './registry.csv.ts';
import * as repo from './registry.repository.ts';
import type { MappingEntry, Unit } from './registry.types.ts';

export function checkYear(year: number): number {
  if (!Number.isInteger(year) || year < 1900 || year > 2200) throw invalid(`"${year}" is not a year`);
  return year;
}

export interface RegistryImportResult {
  readonly year: number;
  readonly units: number;
  readonly municipalities: number;
  readonly districts: number;
  readonly counties: number;
  readonly attributes: readonly string[];
  readonly replaced: number;
}

export async function importRegistry(store: Store, year: number, text: string | Buffer, file: string): Promise<RegistryImportResult> {
  checkYear(year);
  const units = parseRegistryCsv(readCsv(text, file));
  const replaced = await store.db.transaction().execute(async (trx) => {
    const before = (await repo.unitNumbers(trx, year)).size;
    await repo.replaceYear(trx, year, units);
    return before;
  });
  return {
    year,
    units: units.length,
    municipalities: units.filter((u) => u.kind === 'kommune').length,
    districts: units.filter((u) => u.kind === 'bydel').length,
    counties: new Set(units.map((u) => u.countyNumber)).size,
    attributes: [...new Set(units.flatMap((u) => Object.keys(u.attributes)))].sort(),
    replaced,
  };
}

/** Stores already-checked units as a year's registry (used by the demo), replacing that year. */
export async function saveRegistry(store: Store, year: number, units: readonly Unit[]): Promise<void> {
  checkYear(year);
  await store.db.transaction().execute((trx) => repo.replaceYear(trx, year, units));
}

export async function getRegistry(store: Store, year: number): Promise<Unit[]> {
  const units = await repo.listUnits(store.db, checkYear(year));
  if (units.length === 0) throw notFound(`no registry for ${year}: import one with "kommunepuls registry import --year ${year} FILE.csv"`);
  return units;
}

export async function getUnit(store: Store, year: number, number: string): Promise<Unit> {
  const unit = await repo.findUnit(store.db, year, number);
  if (!unit) throw notFound(`no unit ${number} in the ${year} registry`);
  return unit;
}

export async function registryYears(store: Store): Promise<{ year: number; units: number }[]> {
  return repo.listYears(store.db);
}

export async function importMapping(
  store: Store,
  fromYear: number,
  toYear: number,
  text: string | Buffer,
  file: string,
): Promise<{ entries: number }> {
  checkYear(fromYear);
  checkYear(toYear);
  if (fromYear === toYear) throw invalid('a mapping goes between two different years');
  const [fromUnits, toUnits] = await Promise.all([repo.unitNumbers(store.db, fromYear), repo.unitNumbers(store.db, toYear)]);
  for (const [y, set] of [
    [fromYear, fromUnits],
    [toYear, toUnits],
  ] as const) {
    if (set.size === 0) throw notFound(`no registry for ${y}: import both years' registries before their mapping`);
  }
  const entries = parseMappingCsv(readCsv(text, file), { fromUnits, toUnits, fromYear, toYear });
  await store.db.transaction().execute((trx) => repo.replaceMapping(trx, fromYear, toYear, entries));
  return { entries: entries.length };
}

/**
 * How each unit of `fromYear` continues in `toYear`: the imported mapping where there is one,
 * otherwise the same number when it still exists. Units with neither are left out (ended).
 */
export async function resolveMapping(store: Store, fromYear: number, toYear: number): Promise<MappingEntry[]> {
  const [explicit, fromUnits, toUnits] = await Promise.all([
    repo.listMapping(store.db, fromYear, toYear),
    repo.unitNumbers(store.db, fromYear),
    repo.unitNumbers(store.db, toYear),
  ]);
  const mapped = new Set(explicit.map((e) => e.fromNumber));
  const implicit = [...fromUnits].filter((n) => !mapped.has(n) && toUnits.has(n)).map((n) => ({ fromNumber: n, toNumber: n, share: null }));
  return [...explicit, ...implicit].sort((a, b) => a.fromNumber.localeCompare(b.fromNumber) || a.toNumber.localeCompare(b.toNumber));
}
