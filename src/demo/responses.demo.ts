/**
 * Simulated responses to one questionnaire, for the demo. Who answers leans the way the 2019
 * report found (larger units and units that settled refugees all five years answer more often),
 * answers follow the questionnaire's routing exactly as the web form would ask, and timestamps
 * cluster at the start of the window and after each reminder, in office hours, never at or after
 * `until` (a clock inside the window). Deterministic for a seed.
 */
import type { ResponseInput } from '../collect/response.service.ts';
import type { Answer } from '../questionnaire/answer.ts';
import type { AnswerCondition, Questionnaire } from '../questionnaire/model.ts';
import { answerConditionHolds, isEligible } from '../questionnaire/routing.ts';
import type { Unit } from '../registry/registry.types.ts';
import { simulateAnswer } from './answers.demo.ts';
import { createRandom, type Random } from './random.ts';
import { classesByRank, roundShares } from './ranks.ts';

export interface SimulationOptions {
  /** Share of the units that submit (0–1). */
  readonly rate: number;
  readonly seed: number;
  readonly window: { readonly opensAt: Date; readonly closesAt: Date };
  /**
   * Nothing is started or submitted at or after this instant, e.g. the demo's clock inside an
   * open window, so that its dashboard shows no answers from its future. Default: the window's close.
   */
  readonly until?: Date;
  /** Days after opening when reminders went out; submissions bunch up after them. */
  readonly reminders?: readonly number[];
  /**
   * Fixed answer shares for single-choice questions, by question key: `[code, share]` pairs, the
   * most positive first. Among the submitted responses that answer the question the codes come out
   * in exactly these shares (rounded), the first code going to the units leaning most towards
   * "Ja"; unfinished responses draw from the shares. Other questions are simulated as usual. Only
   * for questions that no follow-up depends on (the answers are set after the routing).
   */
  readonly shares?: Readonly<Record<string, readonly (readonly [code: number, share: number])[]>>;
}

const defaultReminders = [7, 14, 21];
/** Share of the units, beyond those that submit, that started but did not finish. */
const inProgressShare = 0.05;
/** Chance that a respondent answers a question shown (required ones are always answered). */
const questionAnswerRate = 0.97;
const hour = 3_600_000;
const day = 24 * hour;
/** Office hours, from the start of each day of the window (the window opens at midnight, Oslo time). */
const officeFrom = 8 * hour;
const officeTo = 16 * hour;

export function simulateResponses(qn: Questionnaire, units: readonly Unit[], opts: SimulationOptions): ResponseInput[] {
  const rng = createRandom(opts.seed, qn.role, 'selection');
  const weights = units.map(propensity);
  const submitting = weightedSample(rng, weights, Math.round(Math.min(1, Math.max(0, opts.rate)) * units.length));
  const rest = weights.map((w, i) => (submitting.has(i) ? 0 : w));
  const started = weightedSample(rng, rest, Math.min(units.length - submitting.size, Math.round(inProgressShare * units.length)));
  const end = Math.min(opts.window.closesAt.getTime(), (opts.until ?? opts.window.closesAt).getTime());
  const days = dayWeights(opts.window.opensAt, end, opts.reminders ?? defaultReminders);
  const shares = opts.shares ?? {};
  for (const key of Object.keys(shares)) {
    const q = qn.questions.find((x) => x.key === key);
    if (q && q.type !== 'single') throw new RangeError(`fixed shares: ${qn.role}.${key} is not a single-choice question`);
    if (qn.questions.some((x) => x.showIf && conditionKeys(x.showIf).includes(key))) {
      throw new RangeError(`fixed shares: a follow-up depends on ${qn.role}.${key}`);
    }
  }
  const out = units.flatMap((unit, i): ResponseInput[] => {
    if (!submitting.has(i) && !started.has(i)) return [];
    const unitRng = createRandom(opts.seed, qn.role, unit.number);
    const submitted = submitting.has(i);
    const answers = answerQuestions(qn, unit, unitRng, submitted ? Number.POSITIVE_INFINITY : unitRng.int(1, 8), shares);
    const at = moment(unitRng, opts.window.opensAt, end, days);
    if (!submitted) return [{ unitNumber: unit.number, status: 'in_progress', answers, startedAt: at, submittedAt: null }];
    return [
      { unitNumber: unit.number, status: 'submitted', answers, startedAt: startOf(unitRng, at, opts.window.opensAt), submittedAt: at },
    ];
  });
  for (const [key, pairs] of Object.entries(shares)) allotShares(out, units, key, pairs, opts.seed);
  return out;
}

function conditionKeys(c: AnswerCondition): string[] {
  if ('all' in c) return c.all.flatMap(conditionKeys);
  if ('any' in c) return c.any.flatMap(conditionKeys);
  return [c.question];
}

/**
 * Gives the submitted responses that answer `key` its codes in the shares asked (largest
 * remainders), by rank of a lean towards "Ja": the same kind of unit says "Ja" as in other
 * questions, and the totals come out as asked whatever the noise.
 */
function allotShares(
  responses: ResponseInput[],
  units: readonly Unit[],
  key: string,
  pairs: readonly (readonly [number, number])[],
  seed: number,
): void {
  const byNumber = new Map(units.map((u) => [u.number, u]));
  const answering = responses.filter((r) => r.status === 'submitted' && r.answers.get(key)?.kind === 'codes');
  const latent = answering.map((r) => {
    const unit = byNumber.get(r.unitNumber) as Unit;
    return lean(unit, createRandom(seed, 'shares', key, unit.number));
  });
  const counts = roundShares(
    pairs.map(([, share]) => share),
    answering.length,
  );
  classesByRank(latent, counts).forEach((cls, k) => {
    ((answering[k] as ResponseInput).answers as Map<string, Answer>).set(key, {
      kind: 'codes',
      codes: [(pairs[cls] as readonly [number, number])[0]],
    });
  });
}

/**
 * How engaged a unit is, the same for every role and seed: units that answer one questionnaire
 * tend to answer the others too (in 2019 seven in ten units answered at least one, fewer than
 * independent choices would give).
 */
function engagement(unit: Unit): number {
  return createRandom(0, 'engagement', unit.number, unit.name).normal();
}

/** Relative chance of responding: engaged, larger and settled-every-year units answer more often. */
function propensity(unit: Unit): number {
  const size = Math.log10(Math.max(100, unit.attributes.folketall ?? 5000)) - 3.7;
  const years = unit.attributes.ar_med_bosetting;
  const settled = years === 5 ? 1.6 : years === 3 ? 0.75 : 1;
  return Math.exp(1.4 * engagement(unit) + 0.35 * size) * settled;
}

/**
 * `k` indices drawn without replacement with chance by weight (Efraimidis–Spirakis: the k largest
 * keys u^(1/w), compared as logarithms). Exactly k, so the requested rate is met.
 */
function weightedSample(rng: Random, weights: readonly number[], k: number): Set<number> {
  const keyed = weights.map((w, i) => ({ i, key: w > 0 ? Math.log(1 - rng.next()) / w : Number.NEGATIVE_INFINITY }));
  keyed.sort((a, b) => b.key - a.key || a.i - b.i);
  return new Set(keyed.slice(0, k).map((x) => x.i));
}

/**
 * Walks the questions in order as the form would: a question is asked when the unit is eligible
 * and its follow-up condition holds for the answers so far. `stopAfter` asked questions cuts a
 * response that was left unfinished.
 */
function answerQuestions(
  qn: Questionnaire,
  unit: Unit,
  rng: Random,
  stopAfter: number,
  shares: NonNullable<SimulationOptions['shares']>,
): Map<string, Answer> {
  const answers = new Map<string, Answer>();
  const ctx = { rng, lean: lean(unit, rng), role: qn.role, kind: unit.kind };
  let asked = 0;
  for (const q of qn.questions) {
    if (!isEligible(q, unit.attributes)) continue;
    if (q.showIf && !answerConditionHolds(q.showIf, answers)) continue;
    if (asked++ >= stopAfter) break;
    if (!q.required && !rng.bernoulli(questionAnswerRate)) continue;
    const fixed = q.type === 'single' ? shares[q.key] : undefined;
    // One draw either way, so fixing a question's shares leaves every other answer as it was.
    const a: Answer | null = fixed
      ? { kind: 'codes', codes: [(fixed[rng.weighted(fixed.map(([, w]) => w))] as readonly [number, number])[0]] }
      : simulateAnswer(q, ctx);
    if (a) answers.set(q.key, a);
  }
  return answers;
}

/** A unit's answering tendency: engaged and larger units say "Ja" a little more often. */
function lean(unit: Unit, rng: Random): number {
  const size = Math.log10(Math.max(100, unit.attributes.folketall ?? 5000)) - 3.7;
  return 0.3 * engagement(unit) + 0.3 * size + 0.4 * rng.normal();
}

/**
 * Weight per day of the window up to `end`: many answer in the first days, a wave follows each
 * reminder, few answer at weekends. A day cut short by `end` weighs by the office hours left in
 * it; days whose office hours start at or after `end` are left out.
 */
function dayWeights(opensAt: Date, end: number, reminders: readonly number[]): number[] {
  const open = opensAt.getTime();
  const out: number[] = [];
  for (let d = 0; open + d * day + officeFrom < end; d++) {
    const from = open + d * day + officeFrom;
    const left = (Math.min(from + officeTo - officeFrom, end) - from) / (officeTo - officeFrom);
    const reminderWave = reminders.filter((r) => r <= d).reduce((s, r) => s + 0.7 * Math.exp(-(d - r) / 1.5), 0);
    // Noon of the day names its weekday whatever the window's offset from UTC.
    const weekday = new Date(open + d * day + 12 * hour).getUTCDay();
    const weekend = weekday === 0 || weekday === 6 ? 0.3 : 1;
    out.push((Math.exp(-d / 2.5) + reminderWave + 0.05) * weekend * left);
  }
  if (out.length === 0) throw new RangeError(`no office hours between the window's opening and ${new Date(end).toISOString()}`);
  return out;
}

/** A moment in the office hours of a day drawn by weight, before `end`. */
function moment(rng: Random, opensAt: Date, end: number, days: readonly number[]): Date {
  const from = opensAt.getTime() + rng.weighted(days) * day + officeFrom;
  const to = Math.min(from + officeTo - officeFrom, end);
  return new Date(Math.floor(rng.uniform(from, to)));
}

/** When a submitted response was started: mostly the same sitting, sometimes days before. */
function startOf(rng: Random, submittedAt: Date, opensAt: Date): Date {
  const before = rng.bernoulli(0.25) ? rng.uniform(1, 5) * day : rng.uniform(8, 45) * 60_000;
  return new Date(Math.round(Math.max(opensAt.getTime(), submittedAt.getTime() - before)));
}
