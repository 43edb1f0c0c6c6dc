/**
 * Frequencies of one question for one role, from GROUP BY counts: N (units asked that answered),
 * count and share per option with a 95 % interval; multiple choice as a share of respondents;
 * scales with mean, top two and bottom two (codes outside the scale, "Vet ikke" / "Ikke
 * relevant", shown apart or left out); matrices per item with the N range. With a grouping, the
 * same per category and a test of independence (see breakdown.ts).
 */
import { optionsOf } from '../questionnaire/answer.ts';
import type { Question, Role } from '../questionnaire/model.ts';
import { textIn } from '../questionnaire/model.ts';
import { getRound, roundQuestionnaire, roundUnits } from '../round/round.service.ts';
import { notFound } from '../shared/errors.ts';
import { msg } from '../shared/i18n/message.ts';
import type { Store } from '../store/store.ts';
import * as repo from './analysis.repository.ts';
import { type Weighting, type WeightsSummary, weightQuestion } from './weights.ts';

/**
 * A 95 % interval for a share `count / n` (null when n = 0); a population size applies the
 * finite-population correction (the caller passes one only when n ≤ population).
 */
export type IntervalFn = (count: number, n: number, population: number | undefined) => readonly [number, number] | null;

/** Why the finite-population correction was not applied to an interval. */
export type FpcReason = 'not_requested' | 'no_population' | 'exceeds_population';

/**
 * Whether the intervals of a table use the finite-population correction. It needs the population
 * (the units asked) and holds only for a sample of it: when more units answered than the
 * population counts (a unit answering outside the round's list) the correction would be
 * meaningless, so it is dropped and `reason` says so.
 */
export interface FpcStatus {
  readonly applied: boolean;
  readonly population: number | null;
  readonly reason: FpcReason | null;
}

/** The FPC status of a table with `answered` units, given the population (when asked for). */
export function fpcStatus(requested: boolean, population: number | undefined, answered: number): FpcStatus {
  if (!requested) return { applied: false, population: population ?? null, reason: 'not_requested' };
  if (population === undefined || population <= 0) return { applied: false, population: null, reason: 'no_population' };
  if (answered > population) return { applied: false, population, reason: 'exceeds_population' };
  return { applied: true, population, reason: null };
}

export interface OptionFrequency {
  readonly code: number;
  readonly label: string;
  readonly count: number;
  /**
   * count / n (for multiple choice: share of respondents, so shares may add up to more than 1);
   * null when n = 0 or the table has too few answers to show (`tooFew`): never a 0 % for nothing.
   */
  readonly share: number | null;
  /** Null with the share. */
  readonly ci95: readonly [number, number] | null;
}

export interface ScaleSummary {
  /** Answers on the scale (extras such as "Vet ikke" left out). */
  readonly n: number;
  readonly mean: number | null;
  readonly topTwo: number | null;
  readonly bottomTwo: number | null;
}

export interface FrequencyTable {
  /** Units that answered (the base of the shares). */
  readonly n: number;
  readonly options: readonly OptionFrequency[];
  /** Answers outside the scale ("Vet ikke", "Ikke relevant") when shown apart; share of all answers. */
  readonly apart: readonly OptionFrequency[];
  readonly scale?: ScaleSummary;
  /** Whether the intervals use the finite-population correction, and why not. */
  readonly fpc: FpcStatus;
  /** Fewer answers than the minimum N of a breakdown category: shares, intervals and means withheld. */
  readonly tooFew?: boolean;
}

export interface ItemFrequency extends FrequencyTable {
  readonly key: string;
  readonly label: string;
}

export interface FrequencyOptions {
  /** Leave answers outside a scale out entirely (N shrinks) instead of showing them apart. */
  readonly excludeExtras?: boolean;
  /** Apply the finite-population correction (population: units of the round asked in that role). */
  readonly fpc?: boolean;
  readonly kind?: repo.UnitKind;
  /**
   * Breakdowns: a category with fewer answers than this shows "for få svar" instead of shares,
   * intervals and means (default DEFAULT_MIN_N); 0 shows every category that has answers.
   */
  readonly minN?: number;
  /** Weighted shares, design-based intervals and scale means (weights.ts): true, or a report's Weighting to share. */
  readonly weighted?: boolean | Weighting;
}

/** The default minimum N per category of a breakdown and per county on a map. */
export const DEFAULT_MIN_N = 5;

export interface Frequencies extends FrequencyTable {
  readonly year: number;
  readonly role: Role;
  readonly question: Question;
  /** Matrix questions: per item, and the range of N over the items. */
  readonly items?: readonly ItemFrequency[];
  readonly nRange?: readonly [number, number];
  /** The weights, when the shares are weighted. */
  readonly weights?: WeightsSummary;
}

/** Codes of a scale's own points (1–5); other codes are its extras. */
function scaleRange(q: Question): { min: number; max: number } | null {
  const s = q.type === 'scale' ? q.scale : q.type === 'matrix' ? q.scale : undefined;
  return s ? { min: s.min, max: s.max } : null;
}

/** One table from the counts of one group and item. */
export function frequencyTable(
  q: Question,
  counts: ReadonlyMap<number, number>,
  answered: number,
  interval: IntervalFn,
  population: number | undefined,
  options: FrequencyOptions = {},
): FrequencyTable {
  const range = scaleRange(q);
  const isExtra = (code: number) => range !== null && (code < range.min || code > range.max);
  const all = optionsOf(q);
  const extrasCount = all.filter((o) => isExtra(o.code)).reduce((s, o) => s + (counts.get(o.code) ?? 0), 0);
  const n = range && options.excludeExtras ? answered - extrasCount : answered;
  const fpc = fpcStatus(options.fpc === true, population, answered);
  const row = (code: number, label: string, base: number): OptionFrequency => {
    const count = counts.get(code) ?? 0;
    if (base <= 0) return { code, label, count, share: null, ci95: null };
    return { code, label, count, share: count / base, ci95: interval(count, base, fpc.applied ? population : undefined) };
  };
  const label = (o: { label: unknown }) => textIn(o.label as Parameters<typeof textIn>[0], 'nb');
  const main = all.filter((o) => !isExtra(o.code)).map((o) => row(o.code, label(o), n));
  const apart = options.excludeExtras ? [] : all.filter((o) => isExtra(o.code)).map((o) => row(o.code, label(o), answered));
  if (!range) return { n, options: main, apart, fpc };
  // Scale summary over the scale's own points.
  let valid = 0;
  let sum = 0;
  let top = 0;
  let bottom = 0;
  for (let v = range.min; v <= range.max; v++) {
    const c = counts.get(v) ?? 0;
    valid += c;
    sum += v * c;
    if (v >= range.max - 1) top += c;
    if (v <= range.min + 1) bottom += c;
  }
  const scale: ScaleSummary = {
    n: valid,
    mean: valid > 0 ? sum / valid : null,
    topTwo: valid > 0 ? top / valid : null,
    bottomTwo: valid > 0 ? bottom / valid : null,
  };
  return { n, options: main, apart, scale, fpc };
}

export interface QuestionCounts {
  /** counts[group][item][code] */
  readonly counts: Map<string, Map<string, Map<number, number>>>;
  /** answered[group][item] */
  readonly answered: Map<string, Map<string, number>>;
}

/** Counts of one question from the database, grouped (or not). */
export async function questionCounts(
  store: Store,
  year: number,
  role: Role,
  question: string,
  kind: repo.UnitKind,
  by: repo.GroupBy,
): Promise<QuestionCounts> {
  const round = await getRound(store, year);
  const counts = new Map<string, Map<string, Map<number, number>>>();
  for (const r of await repo.optionCounts(store.db, year, round.registryYear, role, question, kind, by)) {
    const g = counts.get(r.grp) ?? new Map<string, Map<number, number>>();
    const i = g.get(r.item_key) ?? new Map<number, number>();
    i.set(r.code, r.n);
    g.set(r.item_key, i);
    counts.set(r.grp, g);
  }
  const answered = new Map<string, Map<string, number>>();
  for (const r of await repo.answeredCounts(store.db, year, round.registryYear, role, question, kind, by)) {
    const g = answered.get(r.grp) ?? new Map<string, number>();
    g.set(r.item_key, r.n);
    answered.set(r.grp, g);
  }
  return { counts, answered };
}

export async function findQuestion(store: Store, year: number, role: Role, key: string): Promise<Question> {
  const qn = await roundQuestionnaire(store, year, role);
  const q = qn.questions.find((x) => x.key === key);
  if (!q) throw notFound(msg('analysis.no_question', { year, role, question: key, keys: qn.questions.map((x) => x.key).join(', ') }));
  if (q.type === 'text' || q.type === 'integer') throw notFound(msg('analysis.nothing_to_count', { question: key, type: q.type }));
  return q;
}

/** The population for the finite-population correction: units of the round of the kind asked in the role. */
export async function populationOf(store: Store, year: number, role: Role, kind: repo.UnitKind): Promise<number> {
  const round = await getRound(store, year);
  const numbers = new Set(await roundUnits(store, year, role));
  const units = await repo.unitsOfKind(store.db, round.registryYear, kind);
  return units.filter((u) => numbers.has(u)).length;
}

export async function frequencies(
  store: Store,
  year: number,
  role: Role,
  key: string,
  interval: IntervalFn,
  options: FrequencyOptions = {},
): Promise<Frequencies> {
  const q = await findQuestion(store, year, role, key);
  const kind = options.kind ?? 'kommune';
  const population = options.fpc ? await populationOf(store, year, role, kind) : undefined;
  const { counts, answered } = await questionCounts(store, year, role, key, kind, null);
  const g = counts.get('') ?? new Map();
  const a = answered.get('') ?? new Map();
  const w = options.weighted ? await weightQuestion(store, year, role, q, kind, null, { ...options, weighted: options.weighted }) : null;
  const weigh = <T extends FrequencyTable>(t: T, item: string): T => (w ? w.table(t, '', item) : t);
  const weights = w ? { weights: w.summary } : {};
  if (q.type === 'matrix') {
    const items = q.items.map((item) => ({
      key: item.key,
      label: textIn(item.label, 'nb'),
      ...weigh(frequencyTable(q, g.get(item.key) ?? new Map(), a.get(item.key) ?? 0, interval, population, options), item.key),
    }));
    const ns = items.map((i) => i.n);
    return {
      year,
      role,
      question: q,
      // The items share the population; the largest N decides whether it can apply.
      fpc: fpcStatus(options.fpc === true, population, Math.max(0, ...[...a.values()])),
      n: Math.max(0, ...ns),
      options: [],
      apart: [],
      items,
      nRange: [Math.min(...ns), Math.max(...ns)],
      ...weights,
    };
  }
  return {
    year,
    role,
    question: q,
    ...weigh(frequencyTable(q, g.get('') ?? new Map(), a.get('') ?? 0, interval, population, options), ''),
    ...weights,
  };
}
