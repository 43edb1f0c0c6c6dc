/**
 * Registry use cases: import a year's units from CSV (all or nothing, replacing that year; a year
 * that rounds use only with a confirmation and with its rounds kept consistent, see
 * registry.diff.ts), read a year back, import the mapping between two years' divisions.
 */
import { readCsv } from '../shared/csv.ts';
import { AppError, conflict, invalid, notFound } from '../shared/errors.ts';
import { type Message, msg, say } from '../shared/i18n/message.ts';
import type { Lang } from '../shared/i18n/types.ts';
import type { Store } from '../store/store.ts';
import { parseMappingCsv, parseRegistryCsv } from './registry.csv.ts';
import {
  type Attached,
  buildPlan,
  leavingNumbers,
  type NamedUnit,
  parseMoveCsv,
  type ReimportPlan,
  type RoundFacts,
} from './registry.diff.ts';
import * as repo from './registry.repository.ts';
import { districtRoles, type MappingEntry, type Unit } from './registry.types.ts';

export function checkYear(year: number): number {
  if (!Number.isInteger(year) || year < 1900 || year > 2200) throw invalid(msg('registry.not_a_year', { value: String(year) }));
  return year;
}

export interface RegistryImportResult {
  readonly year: number;
  readonly units: number;
  readonly municipalities: number;
  readonly districts: number;
  readonly counties: number;
  readonly attributes: readonly string[];
  /** Units stored before. */
  readonly replaced: number;
  /** What the import did to the stored year and the rounds on it. */
  readonly plan: ReimportPlan;
}

export interface RegistryImportOptions {
  /** Applies a re-import of a year that rounds use (the CLI's --yes, the web's "Bruk endringene"). */
  readonly confirm?: boolean;
  /** Where units that go went: a `fra,til` CSV (old number, number in the new file). */
  readonly mapping?: { readonly text: string | Buffer; readonly file: string };
  /** The fingerprint of the plan that was shown: applying refuses if the plan is different now. */
  readonly expect?: string;
  readonly now?: Date;
  /** Who applies it: the author of contacts copied to a new number. */
  readonly by?: string;
}

type Db = Store['db'];

async function makePlan(db: Db, year: number, units: readonly Unit[], mapping: RegistryImportOptions['mapping']): Promise<ReimportPlan> {
  const stored = await repo.listUnits(db, year);
  const rounds = await repo.roundsOnRegistryYear(db, year);
  const years = rounds.map((r) => r.year);
  const facts: RoundFacts = {
    rounds,
    roundUnits: await repo.roundUnitRows(db, years),
    attached: await repo.attachedRows(db, years),
    contacts: years.length > 0 ? await repo.currentContactPairs(db) : [],
  };
  const moves = mapping
    ? parseMoveCsv(readCsv(mapping.text, mapping.file), {
        year,
        leaving: leavingNumbers(stored, units, facts),
        incoming: new Set(units.map((u) => u.number)),
      })
    : new Map<string, string>();
  return buildPlan({ year, stored, incoming: units, facts, moves, districtRoles });
}

/** What importing `text` as the year's registry would change; changes nothing. */
export async function planRegistryImport(
  store: Store,
  year: number,
  text: string | Buffer,
  file: string,
  mapping?: RegistryImportOptions['mapping'],
): Promise<ReimportPlan> {
  checkYear(year);
  const units = parseRegistryCsv(readCsv(text, file));
  return makePlan(store.db, year, units, mapping);
}

/** Whether importing over the stored year needs a confirmation: rounds use it. */
export const needsConfirmation = (plan: ReimportPlan) => plan.rounds.length > 0 && !plan.firstImport;

/** `3 links, 1 response` (in English unless told otherwise). */
export const attachedText = (a: Attached, lang: Lang = 'en') => say(msg('registry.attached', { attached: a }), lang);

/** `1514 Sande`, or the number alone for a round unit outside the registry. */
export const unitText = (u: NamedUnit) => (u.name === '' ? u.number : `${u.number} ${u.name}`);

/** Why a plan cannot be applied: one problem, and one detail per unit or move (null when it can). */
export function refusal(plan: ReimportPlan): { problem: Message; details: Message[] } | null {
  const details = [
    ...plan.blocked.map((b) => msg('registry.blocked_unit', { unit: unitText(b.unit), attached: b.attached, rounds: b.rounds })),
    ...plan.collisions.map((c) => msg('registry.collision', { from: c.from, to: c.to, other: c.other, role: c.role, round: c.round })),
  ];
  if (details.length === 0) return null;
  const problem = msg('registry.refused', {
    year: plan.year,
    blocked: plan.blocked.map((b) => b.unit.number),
    collisions: plan.collisions.map((c) => ({ from: c.from, to: c.to, other: c.other })),
  });
  return { problem, details };
}

/**
 * Imports a year's registry from CSV, all or nothing. A year that rounds use is only replaced with
 * `confirm`; then units that go must have nothing in those rounds unless the mapping moves them,
 * and everything the rounds keep under a moved number moves with it in the same transaction, while
 * the rounds' units follow the new registry (gone ones out, new ones in by the rounds' own rule).
 */
export async function importRegistry(
  store: Store,
  year: number,
  text: string | Buffer,
  file: string,
  options: RegistryImportOptions = {},
): Promise<RegistryImportResult> {
  checkYear(year);
  const units = parseRegistryCsv(readCsv(text, file));
  const at = (options.now ?? new Date()).toISOString();
  const plan = await store.db.transaction().execute(async (trx) => {
    await repo.lockRoundRecords(trx, store.dialect);
    const p = await makePlan(trx, year, units, options.mapping);
    if (needsConfirmation(p) && !options.confirm) {
      throw conflict(msg('registry.needs_confirmation', { year, rounds: p.rounds }));
    }
    if (options.expect !== undefined && options.expect !== p.fingerprint) {
      throw conflict(msg('registry.changed_since_shown', { year }));
    }
    const refused = refusal(p);
    if (refused) throw new AppError('conflict', refused.problem, refused.details, { explains: true });
    const copyContacts = await repo.numbersInOtherRounds(
      trx,
      year,
      p.moves.map((m) => m.from.number),
    );
    for (const m of p.moves) {
      await repo.moveRoundRecords(trx, p.rounds, m.from.number, m.to.number);
      if (copyContacts.has(m.from.number)) await repo.copyCurrentContacts(trx, m.from.number, m.to.number, at, options.by ?? 'system');
      else await repo.moveContacts(trx, m.from.number, m.to.number, at);
      await repo.renumberInMappings(trx, year, m.from.number, m.to.number);
    }
    for (const c of p.roundUnits) await repo.changeRoundUnits(trx, c.round, c.role, c);
    await repo.deleteFromMappings(
      trx,
      year,
      p.dropped.map((u) => u.number),
    );
    await repo.replaceYear(trx, year, units);
    return p;
  });
  return {
    year,
    units: units.length,
    municipalities: units.filter((u) => u.kind === 'kommune').length,
    districts: units.filter((u) => u.kind === 'bydel').length,
    counties: new Set(units.map((u) => u.countyNumber)).size,
    attributes: [...new Set(units.flatMap((u) => Object.keys(u.attributes)))].sort(),
    replaced: plan.diff.stored,
    plan,
  };
}

/** Stores already-checked units as a year's registry (used by the demo), replacing that year unless a round uses it. */
export async function saveRegistry(store: Store, year: number, units: readonly Unit[]): Promise<void> {
  checkYear(year);
  await store.db.transaction().execute(async (trx) => {
    const rounds = await repo.roundsOnRegistryYear(trx, year);
    if (rounds.length > 0) throw conflict(msg('registry.used_by_round', { year, rounds: rounds.map((r) => r.year) }));
    await repo.replaceYear(trx, year, units);
  });
}

export async function getRegistry(store: Store, year: number): Promise<Unit[]> {
  const units = await repo.listUnits(store.db, checkYear(year));
  if (units.length === 0) throw notFound(msg('registry.none_for_year', { year }));
  return units;
}

export async function getUnit(store: Store, year: number, number: string): Promise<Unit> {
  const unit = await repo.findUnit(store.db, year, number);
  if (!unit) throw notFound(msg('registry.no_unit', { number, year }));
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
  if (fromYear === toYear) throw invalid(msg('registry.mapping_same_year'));
  const [fromUnits, toUnits] = await Promise.all([repo.unitNumbers(store.db, fromYear), repo.unitNumbers(store.db, toYear)]);
  for (const [y, set] of [
    [fromYear, fromUnits],
    [toYear, toUnits],
  ] as const) {
    if (set.size === 0) throw notFound(msg('registry.mapping_needs_registries', { year: y }));
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
