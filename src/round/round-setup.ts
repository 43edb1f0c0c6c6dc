/**
 * Preparing a round: a new round copied from an earlier one (questionnaires, letters, reminder
 * days, the window a year on, and whatever a higher layer copies along in the same transaction:
 * the report's definition, report/round-copy.ts), with the units from the new registry year and what the division
 * change did to them; and saving an edited questionnaire under the stable-code rules (structure
 * is frozen once the window has opened, wording is not; every save is logged).
 */

import { readChanges } from '../questionnaire/change-log.ts';
import { changeList, diffQuestionnaires, type QuestionnaireChange, trendWarnings } from '../questionnaire/diff.ts';
import type { Questionnaire, Role } from '../questionnaire/model.ts';
import { parseQuestionnaire } from '../questionnaire/validate.ts';
import { getRegistry, resolveMapping } from '../registry/registry.service.ts';
import { conflict, invalid, notFound } from '../shared/errors.ts';
import { type Message, msg } from '../shared/i18n/message.ts';
import { addYears } from '../shared/time.ts';
import type { Store } from '../store/store.ts';
import * as repo from './round.repository.ts';
import { getRound, insertRound, listRounds, type Round, roundQuestionnaires, roundUnits } from './round.service.ts';

export interface DivisionChange {
  /** Units of the new division that were not in the source round's. */
  readonly added: readonly string[];
  /** Units of the source round that do not continue under their own number. */
  readonly gone: readonly string[];
  /** New units formed from several old ones: new number → old numbers. */
  readonly merged: Readonly<Record<string, readonly string[]>>;
}

export interface CopyRoundInput {
  readonly year: number;
  readonly from: number;
  readonly registryYear?: number;
}

/**
 * What a higher layer copies along with a round (the report definition): prepared before the
 * round is written, stored in the round's own transaction, so the round and its copy exist
 * together or not at all.
 */
export interface CopiedAlong<T> {
  prepare(): Promise<T>;
  write(db: Store['db'], year: number, prepared: T): Promise<void>;
}

export interface RoundCopied<T> {
  readonly round: Round;
  readonly units: Record<string, number>;
  readonly division: DivisionChange;
  readonly along: T;
}

/** A new round from an earlier one; everything copied stays editable. */
export async function createRoundFrom<T = undefined>(
  store: Store,
  input: CopyRoundInput,
  now = new Date(),
  along?: CopiedAlong<T>,
): Promise<RoundCopied<T | undefined>> {
  const source = await getRound(store, input.from);
  if (input.year <= input.from) throw invalid(msg('round.copy_not_later', { year: input.year, from: input.from }));
  const registryYear = input.registryYear ?? input.year;
  const units = await getRegistry(store, registryYear);
  if (units.length === 0) throw notFound(msg('round.no_registry', { year: registryYear }));
  const shift = input.year - input.from;
  const prepared = along ? await along.prepare() : undefined;
  const counts = await insertRound(
    store,
    {
      year: input.year,
      registryYear,
      template: source.template,
      opens: addYears(source.window.opens, shift),
      closes: addYears(source.window.closes, shift),
      reminders: source.reminders,
      questionnaires: await roundQuestionnaires(store, input.from),
      alsoInTransaction: async (trx) => {
        await repo.copyMailTemplates(trx, input.from, input.year, now.toISOString());
        if (along) await along.write(trx, input.year, prepared as T);
      },
    },
    now,
  );
  return {
    round: await getRound(store, input.year),
    units: counts,
    division: await divisionChange(store, input.from, source.registryYear, registryYear),
    along: prepared,
  };
}

async function divisionChange(store: Store, fromRound: number, fromYear: number, toYear: number): Promise<DivisionChange> {
  const before = new Set<string>();
  for (const role of ['kommunedirektor', 'integreringsansvarlig', 'skolesjef'] as Role[])
    for (const n of await roundUnits(store, fromRound, role)) before.add(n);
  const after = new Set((await getRegistry(store, toYear)).map((u) => u.number));
  if (fromYear === toYear) return { added: [], gone: [], merged: {} };
  const mapping = await resolveMapping(store, fromYear, toYear);
  const continuing = new Set(mapping.filter((m) => m.fromNumber === m.toNumber).map((m) => m.fromNumber));
  const into = new Map<string, string[]>();
  for (const m of mapping) into.set(m.toNumber, [...(into.get(m.toNumber) ?? []), m.fromNumber]);
  const merged: Record<string, string[]> = {};
  for (const [to, froms] of into) if (froms.length > 1) merged[to] = [...new Set(froms)].sort();
  return {
    added: [...after].filter((n) => !before.has(n)).sort(),
    gone: [...before].filter((n) => !continuing.has(n)).sort(),
    merged,
  };
}

export interface QuestionnaireSave {
  readonly changes: readonly QuestionnaireChange[];
  readonly warnings: readonly Message[];
}

/**
 * Saves an edited questionnaire for a round and role. The file is validated as on import (errors
 * name the path); once the window has opened, structural changes are refused and wording is
 * allowed. Each save that changes something is logged with who and what.
 */
export async function saveRoundQuestionnaire(
  store: Store,
  year: number,
  role: Role,
  input: unknown,
  byUser: string,
  now = new Date(),
): Promise<QuestionnaireSave> {
  const round = await getRound(store, year);
  const next = parseQuestionnaire(input, role);
  if (next.role !== role) throw invalid(msg('round.wrong_role_file', { fileRole: next.role, role }));
  const current = (await roundQuestionnaires(store, year)).get(role);
  if (!current) throw notFound(msg('round.no_questionnaire', { year, role }));
  const changes = diffQuestionnaires(current, next);
  const structural = changes.filter((c) => c.kind === 'structure');
  if (structural.length > 0 && now >= round.opensAt) {
    throw conflict(msg('round.structure_frozen', { year, opens: round.window.opens, changes: changeList(structural) }));
  }
  const earlier: { year: number; questionnaire: Questionnaire }[] = [];
  for (const r of await listRounds(store)) {
    if (r.year >= year) continue;
    const q = (await roundQuestionnaires(store, r.year)).get(role);
    if (q) earlier.push({ year: r.year, questionnaire: q });
  }
  if (changes.length > 0) {
    await store.db.transaction().execute(async (trx) => {
      await repo.updateQuestionnaire(trx, year, role, JSON.stringify(next));
      await repo.insertQuestionnaireChange(trx, {
        round_year: year,
        role,
        at: now.toISOString(),
        by_user: byUser,
        changes: JSON.stringify(changes),
      });
    });
  }
  return { changes, warnings: trendWarnings(earlier, next) };
}

export async function questionnaireLog(
  store: Store,
  year: number,
  role: Role,
): Promise<{ at: Date; by: string; changes: QuestionnaireChange[] }[]> {
  return (await repo.questionnaireChanges(store.db, year, role)).map((r) => ({
    at: new Date(r.at),
    by: r.by_user,
    changes: readChanges(r.changes),
  }));
}
