/**
 * What a registry import would do to a year that is already stored: the units that come, go or
 * change (name, county, kind, parent, attribute values), where the `fra,til` file says gone units
 * went, which gone units block the import (a round on that registry year has their links,
 * responses, contacts, mail or follow-ups) and what happens to each round's units. Pure: the
 * service reads the store's facts and hands them in, so the same plan is made for a preview and
 * again inside the transaction that applies it.
 */
import { createHash } from 'node:crypto';
import { type CsvTable, location, problemAt } from '../shared/csv.ts';
import { ProblemList } from '../shared/errors.ts';
import { type Message, msg } from '../shared/i18n/message.ts';
import { shorten } from '../shared/text.ts';
import { normaliseUnitNumber } from './registry.csv.ts';
import type { Unit } from './registry.types.ts';

export interface NamedUnit {
  readonly number: string;
  readonly name: string;
}

export type UnitField = 'name' | 'countyNumber' | 'countyName' | 'kind' | 'parentNumber';

export interface UnitChange {
  readonly number: string;
  /** The name in the new file. */
  readonly name: string;
  readonly fields: readonly { readonly field: UnitField; readonly before: string | null; readonly after: string | null }[];
  /** An attribute added has `before` null, one removed has `after` null. */
  readonly attributes: readonly { readonly attribute: string; readonly before: number | null; readonly after: number | null }[];
}

export interface RegistryDiff {
  /** Units stored now, and units in the new file. */
  readonly stored: number;
  readonly incoming: number;
  readonly added: readonly NamedUnit[];
  readonly gone: readonly NamedUnit[];
  readonly changed: readonly UnitChange[];
  readonly unchanged: number;
}

const fields: readonly UnitField[] = ['name', 'countyNumber', 'countyName', 'kind', 'parentNumber'];
const named = (u: Unit): NamedUnit => ({ number: u.number, name: u.name });
const byNumber = (a: { number: string }, b: { number: string }) => a.number.localeCompare(b.number);

export function diffRegistry(stored: readonly Unit[], incoming: readonly Unit[]): RegistryDiff {
  const before = new Map(stored.map((u) => [u.number, u]));
  const after = new Map(incoming.map((u) => [u.number, u]));
  const changed: UnitChange[] = [];
  let unchanged = 0;
  for (const u of [...incoming].sort(byNumber)) {
    const old = before.get(u.number);
    if (!old) continue;
    const fieldChanges = fields.filter((f) => old[f] !== u[f]).map((f) => ({ field: f, before: old[f], after: u[f] }));
    const attributes = [...new Set([...Object.keys(old.attributes), ...Object.keys(u.attributes)])]
      .sort()
      .map((a) => ({ attribute: a, before: old.attributes[a] ?? null, after: u.attributes[a] ?? null }))
      .filter((a) => a.before !== a.after);
    if (fieldChanges.length === 0 && attributes.length === 0) unchanged++;
    else changed.push({ number: u.number, name: u.name, fields: fieldChanges, attributes });
  }
  return {
    stored: stored.length,
    incoming: incoming.length,
    added: incoming
      .filter((u) => !before.has(u.number))
      .sort(byNumber)
      .map(named),
    gone: stored
      .filter((u) => !after.has(u.number))
      .sort(byNumber)
      .map(named),
    changed,
    unchanged,
  };
}

export interface MoveContext {
  readonly year: number;
  /** Numbers that leave: stored units not in the new file, and round units in neither. */
  readonly leaving: ReadonlySet<string>;
  readonly incoming: ReadonlySet<string>;
}

const moveColumns = [
  ['fra', 'til'],
  ['from', 'to'],
  ['fra_nummer', 'til_nummer'],
] as const;

/**
 * Reads the moves for a re-import, `fra,til` (or `from,to`, `fra_nummer,til_nummer`): one row per
 * unit that goes, to the number in the new file that takes over what it has. Several rows may
 * point to one unit (a merge); one unit cannot go to two (a round's response cannot be split).
 */
export function parseMoveCsv(table: CsvTable, ctx: MoveContext): Map<string, string> {
  const { file } = table;
  const problems = new ProblemList();
  const pair = moveColumns.find(([f, t]) => table.header.includes(f) && table.header.includes(t));
  if (!pair) {
    problems.add(problemAt(location(file, 1), msg('registry.move_columns')));
    problems.throwIfAny();
  }
  const [fromCol, toCol] = pair as (typeof moveColumns)[number];
  for (const h of table.header) if (h !== fromCol && h !== toCol) problems.add(problemAt(location(file, 1, h), msg('csv.unknown_column')));
  problems.throwIfAny();
  const moves = new Map<string, string>();
  const lineOf = new Map<string, number>();
  for (const row of table.rows) {
    const rawFrom = row.cells.get(fromCol) ?? '';
    const rawTo = row.cells.get(toCol) ?? '';
    const from = normaliseUnitNumber(rawFrom);
    const to = normaliseUnitNumber(rawTo);
    const at = (c: string, what: Message) => problems.add(problemAt(location(file, row.line, c), what));
    if (from === undefined) at(fromCol, msg('registry.not_a_unit_number', { value: shorten(rawFrom) }));
    else if (lineOf.has(from)) at(fromCol, msg('registry.already_on_line', { what: from, line: lineOf.get(from) as number }));
    else if (ctx.incoming.has(from)) at(fromCol, msg('registry.move_still_in_file', { number: from }));
    else if (!ctx.leaving.has(from)) at(fromCol, msg('registry.move_not_stored', { number: from, year: ctx.year }));
    if (to === undefined) at(toCol, msg('registry.not_a_unit_number', { value: shorten(rawTo) }));
    else if (!ctx.incoming.has(to)) at(toCol, msg('registry.move_target_missing', { number: to }));
    if (from === undefined || to === undefined) continue;
    if (from.length !== to.length) at(toCol, msg('registry.move_kind_differs', { from, to }));
    if (!lineOf.has(from)) lineOf.set(from, row.line);
    moves.set(from, to);
  }
  if (table.rows.length === 0) problems.add(problemAt(file, msg('registry.no_rows')));
  problems.throwIfAny();
  return moves;
}

/** What a round keeps under a unit number, counted. */
export interface Attached {
  readonly links: number;
  readonly responses: number;
  readonly contacts: number;
  readonly outbox: number;
  readonly followups: number;
}
export type AttachedKind = keyof Attached;
export const attachedKinds: readonly AttachedKind[] = ['links', 'responses', 'contacts', 'outbox', 'followups'];

/** What the store holds about the rounds that use the registry year. */
export interface RoundFacts {
  readonly rounds: readonly { readonly year: number; readonly roles: readonly string[] }[];
  readonly roundUnits: readonly { readonly round: number; readonly role: string; readonly unit: string }[];
  /** Rows of a unit in a round and role (contacts: the current ones of a unit taking part in that role). */
  readonly attached: readonly {
    readonly round: number;
    readonly role: string;
    readonly unit: string;
    readonly kind: AttachedKind;
    readonly count: number;
  }[];
  /** Current contacts by unit and role, anywhere (a move's target may have its own). */
  readonly contacts: readonly { readonly unit: string; readonly role: string }[];
}

export interface PlannedMove {
  readonly from: NamedUnit;
  readonly to: NamedUnit;
  readonly attached: Attached;
  /** Roles in which the target has a contact of its own: it stays, the moved one becomes history. */
  readonly targetKeepsContact: readonly string[];
}

export interface BlockedUnit {
  readonly unit: NamedUnit;
  readonly attached: Attached;
  readonly rounds: readonly number[];
}

/** Two units whose responses would become one: `from` cannot move onto `to` in that round and role. */
export interface Collision {
  readonly round: number;
  readonly role: string;
  readonly from: string;
  readonly to: string;
  /** The unit that already has the response: `to` itself, or another unit moving onto it. */
  readonly other: string;
}

export interface RoundUnitChange {
  readonly round: number;
  readonly role: string;
  readonly added: readonly string[];
  readonly removed: readonly string[];
  /** `merge`: the target takes part already, so the old row goes instead of being renumbered. */
  readonly renumbered: readonly { readonly from: string; readonly to: string; readonly merge: boolean }[];
}

export interface ReimportPlan {
  readonly year: number;
  /** Nothing stored for the year yet: the import applies as it is. */
  readonly firstImport: boolean;
  /** Rounds (open, closed or not yet open) on this registry year. */
  readonly rounds: readonly number[];
  readonly diff: RegistryDiff;
  /** Round units in neither the stored registry nor the new file (left by an earlier import). */
  readonly outsideRegistry: readonly string[];
  readonly moves: readonly PlannedMove[];
  /** Units that go, have something in a round, and have no row in the moves file. */
  readonly blocked: readonly BlockedUnit[];
  readonly collisions: readonly Collision[];
  /** Units that go with nothing attached: they simply go. */
  readonly dropped: readonly NamedUnit[];
  readonly roundUnits: readonly RoundUnitChange[];
  /** Changes nothing at all (same units, same values, no moves). */
  readonly unchanged: boolean;
  /** SHA-256 of everything the plan decides: applying checks the plan it makes then is the same. */
  readonly fingerprint: string;
}

const none: Attached = { links: 0, responses: 0, contacts: 0, outbox: 0, followups: 0 };
export const attachedTotal = (a: Attached) => attachedKinds.reduce((n, k) => n + a[k], 0);
const add = (a: Attached, kind: AttachedKind, n: number): Attached => ({ ...a, [kind]: a[kind] + n });

export interface PlanInput {
  readonly year: number;
  readonly stored: readonly Unit[];
  readonly incoming: readonly Unit[];
  readonly facts: RoundFacts;
  readonly moves: ReadonlyMap<string, string>;
  /** Roles in which a city district takes part as a unit of its own. */
  readonly districtRoles: readonly string[];
}

/** The numbers that leave with this import: see MoveContext. */
export function leavingNumbers(stored: readonly Unit[], incoming: readonly Unit[], facts: RoundFacts): Set<string> {
  const inFile = new Set(incoming.map((u) => u.number));
  const out = new Set(stored.filter((u) => !inFile.has(u.number)).map((u) => u.number));
  for (const ru of facts.roundUnits) if (!inFile.has(ru.unit)) out.add(ru.unit);
  return out;
}

export function buildPlan(input: PlanInput): ReimportPlan {
  const { year, stored, incoming, facts, moves } = input;
  const diff = diffRegistry(stored, incoming);
  const storedBy = new Map(stored.map((u) => [u.number, u]));
  const incomingBy = new Map(incoming.map((u) => [u.number, u]));
  const nameOf = (n: string): NamedUnit => ({ number: n, name: incomingBy.get(n)?.name ?? storedBy.get(n)?.name ?? '' });
  const leaving = leavingNumbers(stored, incoming, facts);
  const outsideRegistry = [...leaving].filter((n) => !storedBy.has(n)).sort();

  const attachedOf = new Map<string, Attached>();
  const roundsOf = new Map<string, Set<number>>();
  const key = (round: number, role: string, unit: string) => `${round}|${role}|${unit}`;
  const inRoundRole = new Map<string, Attached>();
  for (const a of facts.attached) {
    if (a.count === 0) continue;
    attachedOf.set(a.unit, add(attachedOf.get(a.unit) ?? none, a.kind, a.count));
    roundsOf.set(a.unit, (roundsOf.get(a.unit) ?? new Set()).add(a.round));
    const k = key(a.round, a.role, a.unit);
    inRoundRole.set(k, add(inRoundRole.get(k) ?? none, a.kind, a.count));
  }
  const contactRoles = new Map<string, Set<string>>();
  for (const c of facts.contacts) contactRoles.set(c.unit, (contactRoles.get(c.unit) ?? new Set()).add(c.role));

  const plannedMoves: PlannedMove[] = [...moves]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([from, to]) => ({
      from: nameOf(from),
      to: nameOf(to),
      attached: attachedOf.get(from) ?? none,
      targetKeepsContact: [...new Set(facts.attached.filter((a) => a.unit === from && a.kind === 'contacts').map((a) => a.role))]
        .filter((role) => contactRoles.get(to)?.has(role))
        .sort(),
    }));
  const blocked: BlockedUnit[] = [];
  const dropped: NamedUnit[] = [];
  for (const n of [...leaving].sort()) {
    if (moves.has(n)) continue;
    const attached = attachedOf.get(n) ?? none;
    if (attachedTotal(attached) > 0) blocked.push({ unit: nameOf(n), attached, rounds: [...(roundsOf.get(n) ?? [])].sort() });
    else dropped.push(nameOf(n));
  }

  const collisions: Collision[] = [];
  const roundUnits: RoundUnitChange[] = [];
  for (const round of facts.rounds) {
    for (const role of round.roles) {
      const has = (unit: string, kind: AttachedKind) => (inRoundRole.get(key(round.year, role, unit))?.[kind] ?? 0) > 0;
      const respondedInto = new Map<string, string>();
      for (const [from, to] of [...moves].sort(([a], [b]) => a.localeCompare(b))) {
        if (!has(from, 'responses') && !has(from, 'links')) continue;
        if (has(to, 'responses')) collisions.push({ round: round.year, role, from, to, other: to });
        else if (has(from, 'responses')) {
          const other = respondedInto.get(to);
          if (other !== undefined) collisions.push({ round: round.year, role, from, to, other });
          else respondedInto.set(to, from);
        }
      }
      const members = new Set(facts.roundUnits.filter((r) => r.round === round.year && r.role === role).map((r) => r.unit));
      const change = {
        round: round.year,
        role,
        added: [] as string[],
        removed: [] as string[],
        renumbered: [] as RoundUnitChange['renumbered'][number][],
      };
      for (const n of [...members].sort()) {
        if (!leaving.has(n)) continue;
        const to = moves.get(n);
        members.delete(n);
        if (to === undefined) change.removed.push(n);
        else {
          change.renumbered.push({ from: n, to, merge: members.has(to) });
          members.add(to);
        }
      }
      const takesDistricts = input.districtRoles.includes(role);
      for (const u of diff.added) {
        const kind = incomingBy.get(u.number)?.kind;
        if ((kind === 'kommune' || takesDistricts) && !members.has(u.number)) {
          change.added.push(u.number);
          members.add(u.number);
        }
      }
      if (change.added.length + change.removed.length + change.renumbered.length > 0) roundUnits.push(change);
    }
  }

  const unchanged = diff.added.length === 0 && diff.gone.length === 0 && diff.changed.length === 0 && leaving.size === 0;
  const decided = {
    year,
    added: diff.added.map((u) => u.number),
    gone: diff.gone.map((u) => u.number),
    changed: diff.changed,
    outsideRegistry,
    moves: plannedMoves.map((m) => [m.from.number, m.to.number]),
    blocked: blocked.map((b) => b.unit.number),
    collisions,
    roundUnits,
  };
  return {
    year,
    firstImport: stored.length === 0,
    rounds: facts.rounds.map((r) => r.year).sort(),
    diff,
    outsideRegistry,
    moves: plannedMoves,
    blocked,
    collisions,
    dropped,
    roundUnits,
    unchanged,
    fingerprint: createHash('sha256').update(JSON.stringify(decided)).digest('hex'),
  };
}
