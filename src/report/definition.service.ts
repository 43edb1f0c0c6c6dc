/**
 * A round's own report definition, kept with the round in versions: each save is a new version
 * with who and when, the newest is what the round's report is built from, and an older one can be
 * viewed or restored (as a new version, so nothing is lost). A round with no saved version uses
 * the built-in definition for its template, which names no year itself (definition.years.ts); a
 * round copied from an earlier one starts from that round's definition with the years written
 * into its text made relative, so the new report speaks of its own year.
 */
import YAML from 'yaml';
import { getRound } from '../round/round.service.ts';
import { conflict, notFound } from '../shared/errors.ts';
import { isMessage, type Message, msg } from '../shared/i18n/message.ts';
import type { Store } from '../store/store.ts';
import * as repo from './definition.repository.ts';
import { defaultDefinitionFor, loadReportDefinition, parseReportDefinition, type ReportDefinition } from './definition.ts';
import { relativeYears, type YearReplaced } from './definition.years.ts';

export interface DefinitionVersion {
  readonly version: number;
  readonly at: Date;
  readonly by: string;
  /** Why it exists when it was not an ordinary edit (copied, restored, imported). */
  readonly note: Message | null;
  readonly bytes: number;
}

export interface RoundDefinition {
  readonly year: number;
  readonly definition: ReportDefinition;
  /** The saved version in use; null while the round uses the built-in definition of its template. */
  readonly version: DefinitionVersion | null;
  /** The built-in definition of the round's template (what an unsaved round uses). */
  readonly builtin: string;
}

function toVersion(r: repo.DefinitionVersionRow): DefinitionVersion {
  let note: Message | null = null;
  if (r.note !== null) {
    const parsed: unknown = JSON.parse(r.note);
    note = isMessage(parsed) ? parsed : null;
  }
  return { version: r.version, at: new Date(r.at), by: r.by_user, note, bytes: r.bytes };
}

/** A definition as YAML with its Markdown as block text, the way the built-in one is written. */
export function definitionYaml(definition: ReportDefinition): string {
  return YAML.stringify(definition, { lineWidth: 0, blockQuote: 'literal' });
}

/** How a build names the definition it used: "versjon 3" of the round's, or the built-in's name. */
export function definitionLabel(d: RoundDefinition): string {
  return d.version ? `versjon ${d.version.version}` : d.builtin;
}

/** The definition the round's report is built from: its newest saved version, else the built-in one. */
export async function roundDefinition(store: Store, year: number): Promise<RoundDefinition> {
  const round = await getRound(store, year);
  const builtin = defaultDefinitionFor(round.template);
  const found = await repo.findDefinition(store.db, year);
  if (!found) return { year, definition: loadReportDefinition(builtin), version: null, builtin };
  return { year, definition: parseReportDefinition(found.definition, `${year}`), version: toVersion(found.row), builtin };
}

/** The round's versions, oldest first. */
export async function definitionVersions(store: Store, year: number): Promise<DefinitionVersion[]> {
  await getRound(store, year);
  return (await repo.listVersions(store.db, year)).map(toVersion);
}

/** One saved version and its definition. */
export async function definitionVersion(
  store: Store,
  year: number,
  version: number,
): Promise<{ version: DefinitionVersion; definition: ReportDefinition }> {
  await getRound(store, year);
  const found = await repo.findDefinition(store.db, year, version);
  if (!found) throw notFound(msg('reportdef.no_version', { year, version }));
  return { version: toVersion(found.row), definition: parseReportDefinition(found.definition, `${year}`) };
}

export interface SaveOptions {
  readonly byUser: string;
  readonly note?: Message;
  readonly now?: Date;
  /**
   * The version the edit started from (0: the built-in definition). When a newer one was saved
   * meanwhile the save is refused, unless only `chapter` was edited and the other save left it as it was.
   */
  readonly basedOn?: { readonly version: number; readonly chapter?: number };
}

/** The definition as of a version (0: the built-in one the round started from). */
export async function definitionAsOf(store: Store, year: number, version: number): Promise<ReportDefinition> {
  if (version === 0) return loadReportDefinition(defaultDefinitionFor((await getRound(store, year)).template));
  return (await definitionVersion(store, year, version)).definition;
}

async function checkNotChangedMeanwhile(store: Store, current: RoundDefinition, basedOn: NonNullable<SaveOptions['basedOn']>) {
  const newest = current.version;
  if ((newest?.version ?? 0) === basedOn.version || !newest) return;
  const was = await definitionAsOf(store, current.year, basedOn.version).catch(() => undefined);
  const ci = basedOn.chapter;
  if (ci !== undefined && was && JSON.stringify(was.chapters[ci]) === JSON.stringify(current.definition.chapters[ci])) return;
  throw conflict(
    ci === undefined
      ? msg('reportdef.definition_changed', { version: newest.version, by: newest.by })
      : msg('reportdef.changed_meanwhile', { chapter: ci + 1, version: newest.version, by: newest.by }),
  );
}

/**
 * Saves a definition as the round's newest version, after checking it as a file is checked
 * (errors name the path of the bad field). Returns the new version, or null when it is the same
 * as the one in use (nothing is saved then).
 */
export async function saveDefinition(store: Store, year: number, input: unknown, options: SaveOptions): Promise<DefinitionVersion | null> {
  const current = await roundDefinition(store, year);
  if (options.basedOn) await checkNotChangedMeanwhile(store, current, options.basedOn);
  const next = parseReportDefinition(typeof input === 'string' || input instanceof Uint8Array ? input : JSON.stringify(input));
  if (JSON.stringify(next) === JSON.stringify(current.definition)) return null;
  await repo.insertVersion(store.db, {
    round_year: year,
    definition: JSON.stringify(next),
    by_user: options.byUser,
    at: (options.now ?? new Date()).toISOString(),
    note: options.note ? JSON.stringify(options.note) : null,
  });
  return (await definitionVersions(store, year)).at(-1) ?? null;
}

/** An older version saved again as the newest. */
export async function restoreVersion(
  store: Store,
  year: number,
  version: number,
  options: { byUser: string; now?: Date },
): Promise<DefinitionVersion | null> {
  const old = await definitionVersion(store, year, version);
  return saveDefinition(store, year, old.definition, { ...options, note: msg('reportdef.note_restored', { version }) });
}

/** A definition file (YAML or JSON) saved as the round's newest version. */
export async function importDefinition(
  store: Store,
  year: number,
  input: string | Uint8Array,
  file: string,
  options: { byUser: string; now?: Date },
): Promise<DefinitionVersion | null> {
  const def = parseReportDefinition(input, file);
  return saveDefinition(store, year, def, { ...options, note: msg('reportdef.note_imported', { file }) });
}

/** What a copy to a new round did to the years in the text: "2015 → {{year offset=-4}} (2)". */
export function yearsInWords(replaced: readonly YearReplaced[]): string {
  return replaced.map((r) => `${r.year} → ${r.placeholder}${r.count > 1 ? ` (${r.count})` : ''}`).join(', ');
}

export interface DefinitionCopy {
  readonly definition: ReportDefinition;
  readonly replaced: readonly YearReplaced[];
  /** Trend figures whose years became offsets from the round's. */
  readonly trends: number;
  /** The copy's version, for storing it with the new round (`storeCopy`). */
  readonly row: Omit<repo.NewDefinitionVersion, 'round_year'>;
}

/**
 * The definition a new round made from `from` starts with: `from`'s own (or its built-in one),
 * the years written into its text and trends made relative to `from`'s year. Read before the new
 * round's transaction and stored inside it (`storeCopy`).
 */
export async function definitionCopy(store: Store, from: number, options: { byUser: string; now: Date }): Promise<DefinitionCopy> {
  const source = await roundDefinition(store, from);
  const { definition, replaced, trends } = relativeYears(source.definition, from);
  const note = msg('reportdef.note_copied', { from, years: yearsInWords(replaced) });
  return {
    definition,
    replaced,
    trends,
    row: { definition: JSON.stringify(definition), by_user: options.byUser, at: options.now.toISOString(), note: JSON.stringify(note) },
  };
}

/** Stores a copy as a new round's first version (inside the round's own transaction). */
export async function storeCopy(db: Store['db'], year: number, copy: DefinitionCopy): Promise<void> {
  await repo.insertVersion(db, { ...copy.row, round_year: year });
}
