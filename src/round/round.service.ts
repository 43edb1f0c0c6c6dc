/**
 * Rounds: one year's survey, made from a template on a registry year. The round keeps its own
 * copy of the questionnaires and its list of units per role, so later edits to a template or
 * registry never change a round that ran.
 */

import type { Questionnaire, Role } from '../questionnaire/model.ts';
import { roles } from '../questionnaire/model.ts';
import { builtinTemplates, loadTemplate, templateRoles } from '../questionnaire/template.ts';
import { parseQuestionnaire } from '../questionnaire/validate.ts';
import { getRegistry } from '../registry/registry.service.ts';
import { districtRoles } from '../registry/registry.types.ts';
import { conflict, invalid, notFound } from '../shared/errors.ts';
import { msg } from '../shared/i18n/message.ts';
import { addDays, addYears, osloDate, osloMidnightUtc } from '../shared/time.ts';
import type { Store } from '../store/store.ts';
import * as repo from './round.repository.ts';

export { districtRoles } from '../registry/registry.types.ts';

export interface Round {
  readonly year: number;
  readonly registryYear: number;
  readonly template: string;
  /** First and last day of the collection window (Oslo dates, inclusive). */
  readonly window: { readonly opens: string; readonly closes: string };
  /** The window as UTC instants: opens at 00:00 Oslo time, closes at 24:00 Oslo time. */
  readonly opensAt: Date;
  readonly closesAt: Date;
  readonly createdAt: Date;
  /** Days after the window opens on which reminders go to those who have not submitted (sorted). */
  readonly reminders: readonly number[];
}

export interface CreateRoundInput {
  readonly year: number;
  readonly template: string;
  readonly registryYear?: number;
  readonly opens?: string;
  readonly closes?: string;
}

export interface CreatedRound {
  readonly round: Round;
  readonly units: Readonly<Record<string, number>>;
}

function toRound(r: repo.RoundRow): Round {
  const opensAt = new Date(r.opens_at);
  const closesAt = new Date(r.closes_at);
  const lastDay = new Date(closesAt.getTime() - 1);
  return {
    year: r.year,
    registryYear: r.registry_year,
    template: r.template,
    window: { opens: osloDateOf(opensAt), closes: osloDateOf(lastDay) },
    opensAt,
    closesAt,
    createdAt: new Date(r.created_at),
    reminders: r.reminder_days === null ? legacyReminders(r.template) : (JSON.parse(r.reminder_days) as number[]),
  };
}

// Rounds created before migration 004 have no reminder days stored: take those of the built-in
// template with the same key (a template given by path cannot be found again, so none).
const legacy = new Map<string, readonly number[]>();
function legacyReminders(key: string): readonly number[] {
  let days = legacy.get(key);
  if (days === undefined) {
    days = builtinTemplates().includes(key) ? [...loadTemplate(key).reminders].sort((a, b) => a - b) : [];
    legacy.set(key, days);
  }
  return days;
}

/** Checks reminder days: whole days after opening, at least 1, each once, sorted. */
export function checkReminderDays(days: readonly number[]): number[] {
  for (const d of days) {
    if (!Number.isInteger(d) || d < 1 || d > 366) throw invalid(msg('round.reminder_day', { day: d }));
  }
  return [...new Set(days)].sort((a, b) => a - b);
}

const osloDateOf = osloDate;

function checkDate(label: string, d: string): string {
  try {
    osloMidnightUtc(d);
  } catch {
    throw invalid(msg('round.not_a_date', { label, value: d }));
  }
  return d;
}

export async function createRound(store: Store, input: CreateRoundInput, now = new Date()): Promise<CreatedRound> {
  const registryYear = input.registryYear ?? input.year;
  const template = loadTemplate(input.template);
  const shift = input.year - template.year;
  const opens = checkDate('--opens', input.opens ?? addYears(template.window.opens, shift));
  const closes = checkDate('--closes', input.closes ?? addYears(template.window.closes, shift));
  if (closes < opens) throw invalid(msg('round.closes_before_opens', { opens, closes }));
  const counts = await insertRound(
    store,
    {
      year: input.year,
      registryYear,
      template: template.key,
      opens,
      closes,
      reminders: checkReminderDays(template.reminders),
      questionnaires: new Map(templateRoles(template).map((role) => [role, template.questionnaires.get(role) as Questionnaire])),
    },
    now,
  );
  return { round: await getRound(store, input.year), units: counts };
}

export interface NewRound {
  readonly year: number;
  readonly registryYear: number;
  readonly template: string;
  /** First and last day of the window (Oslo dates). */
  readonly opens: string;
  readonly closes: string;
  readonly reminders: readonly number[];
  readonly questionnaires: ReadonlyMap<Role, Questionnaire>;
  /** Runs inside the round's transaction after it is written (e.g. copying letters). */
  readonly alsoInTransaction?: (trx: Store['db']) => Promise<void>;
}

/**
 * Writes a round in one transaction: the round, its questionnaires, and its units per role from
 * the registry year (municipalities; the capital's districts too in the district roles).
 */
export async function insertRound(store: Store, r: NewRound, now: Date): Promise<Record<string, number>> {
  const units = await getRegistry(store, r.registryYear);
  const municipalities = units.filter((u) => u.kind === 'kommune').map((u) => u.number);
  const districts = units.filter((u) => u.kind === 'bydel').map((u) => u.number);
  const counts: Record<string, number> = {};
  await store.db.transaction().execute(async (trx) => {
    if (await repo.findRound(trx, r.year)) throw conflict(msg('round.exists', { year: r.year }));
    await repo.insertRound(trx, {
      year: r.year,
      registry_year: r.registryYear,
      template: r.template,
      opens_at: osloMidnightUtc(r.opens).toISOString(),
      closes_at: osloMidnightUtc(addDays(r.closes, 1)).toISOString(),
      created_at: now.toISOString(),
      reminder_days: JSON.stringify(r.reminders),
    });
    for (const [role, q] of r.questionnaires) {
      await repo.insertQuestionnaire(trx, r.year, role, JSON.stringify(q));
      const numbers = districtRoles.includes(role) ? [...municipalities, ...districts] : municipalities;
      await repo.insertRoundUnits(trx, r.year, role, numbers);
      counts[role] = numbers.length;
    }
    await r.alsoInTransaction?.(trx);
  });
  return counts;
}

export async function getRound(store: Store, year: number): Promise<Round> {
  const r = await repo.findRound(store.db, year);
  if (!r) throw notFound(msg('round.not_found', { year }));
  return toRound(r);
}

/** Replaces a round's reminder days (days after the window opens). */
export async function setRoundReminders(store: Store, year: number, days: readonly number[]): Promise<Round> {
  const checked = checkReminderDays(days);
  await getRound(store, year);
  await repo.updateReminderDays(store.db, year, JSON.stringify(checked));
  return getRound(store, year);
}

export async function listRounds(store: Store): Promise<Round[]> {
  return (await repo.listRounds(store.db)).map(toRound);
}

// Parsed questionnaires by their stored JSON: every form page needs one, and the JSON only
// changes when someone edits the round's questionnaire.
const parsed = new Map<string, Questionnaire>();
function parseStored(definition: string, role: Role): Questionnaire {
  let q = parsed.get(definition);
  if (!q) {
    q = parseQuestionnaire(JSON.parse(definition), role);
    if (parsed.size > 50) parsed.clear();
    parsed.set(definition, q);
  }
  return q;
}

export async function roundQuestionnaires(store: Store, year: number): Promise<Map<Role, Questionnaire>> {
  const rows = await repo.listQuestionnaires(store.db, year);
  const out = new Map<Role, Questionnaire>();
  for (const role of roles) {
    const row = rows.find((r) => r.role === role);
    if (row) out.set(role, parseStored(row.definition, role));
  }
  return out;
}

export async function roundQuestionnaire(store: Store, year: number, role: Role): Promise<Questionnaire> {
  const q = (await roundQuestionnaires(store, year)).get(role);
  if (!q) throw notFound(msg('round.no_questionnaire', { year, role }));
  return q;
}

export async function roundUnits(store: Store, year: number, role: Role): Promise<string[]> {
  return repo.roundUnitNumbers(store.db, year, role);
}

export async function roundUnitCounts(store: Store, year: number): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const r of await repo.countRoundUnits(store.db, year)) out[r.role] = r.units;
  return out;
}

/** Whether respondents can answer at `at` (the window is half-open: [opensAt, closesAt)). */
export function isOpen(round: Round, at: Date): boolean {
  return at >= round.opensAt && at < round.closesAt;
}
