/**
 * "Compare yourself" (SPEC §1): for one unit, role and round, every question the unit was asked
 * with the unit's own answer beside the national distribution and the distribution among units
 * of its size class (the `storrelse` grouping), each with N.
 *
 * Who a unit is compared with: a municipality with the municipalities (the capital's districts
 * are left out of both columns, as in the report); one of the capital's districts with the
 * capital's districts only, and without a size-class column, since the size classes are classes of
 * municipalities and the report keeps the districts apart.
 *
 * Privacy: the page shows a unit its own answers and otherwise only counts of groups. A group
 * with fewer than `minimumAnswers` answering units is not shown at all (not even its N), other
 * units' free text is never read, and an integer question gives others' median and mean only.
 *
 * Efficiency: all counts of the role come from three GROUP BY queries split by size class
 * (compare.repository.ts); the national column is their sum. The shares are made by the same
 * `frequencyTable` as `frequencies(...)`, so the national column equals its output.
 */
import { getAnswers, responseState } from '../collect/response.service.ts';
import { type Answer, optionsOf } from '../questionnaire/answer.ts';
import type { Language, Question, Role } from '../questionnaire/model.ts';
import { textIn } from '../questionnaire/model.ts';
import { type Attributes, askedQuestions, isEligible } from '../questionnaire/routing.ts';
import { getGrouping } from '../registry/grouping.service.ts';
import { categorySql } from '../registry/grouping.sql.ts';
import { classify } from '../registry/grouping.ts';
import { getUnit } from '../registry/registry.service.ts';
import type { UnitKind } from '../registry/registry.types.ts';
import { getRound, roundQuestionnaire, roundUnits } from '../round/round.service.ts';
import { notFound } from '../shared/errors.ts';
import { msg } from '../shared/i18n/message.ts';
import type { Store } from '../store/store.ts';
import * as repo from './compare.repository.ts';
import { frequencyTable, type IntervalFn } from './frequencies.ts';

/** A group with fewer answering units than this is not shown (a share could reveal a unit's answer). */
export const minimumAnswers = 5;

/** The grouping the size-class column uses. */
export const sizeGrouping = 'storrelse';

/** A group's distribution over a table's options, or nothing when too few answered. */
export type Distribution =
  | {
      readonly shown: true;
      /** Units that answered (the base of the shares). */
      readonly n: number;
      /** Share per option, in the order of the table's options (multiple choice: of respondents). */
      readonly shares: readonly number[];
      /** Scales: mean on the scale's own points ("Vet ikke" and the like left out). */
      readonly mean: number | null;
    }
  | { readonly shown: false };

export interface CompareOption {
  readonly code: number;
  readonly label: string;
  /** The unit chose this option. */
  readonly chosen: boolean;
}

export interface CompareTable {
  readonly options: readonly CompareOption[];
  /** Scales: the range of the scale's own points (for the mean). */
  readonly scale: { readonly min: number; readonly max: number } | null;
  readonly national: Distribution;
  /** Null when the unit is not compared by size (a city district, or its size is unknown). */
  readonly sizeClass: Distribution | null;
}

export type NumberSummary =
  | { readonly shown: true; readonly n: number; readonly median: number; readonly mean: number }
  | { readonly shown: false };

interface QuestionBase {
  readonly key: string;
  /** The question's number as the unit saw the questionnaire. */
  readonly number: number;
  readonly text: string;
  readonly type: Question['type'];
  /** The unit's own answer in words (one line per chosen option or matrix item); empty when not answered. */
  readonly own: readonly string[];
}

export type ComparedQuestion =
  | (QuestionBase & { readonly kind: 'choice'; readonly multi: boolean; readonly table: CompareTable })
  | (QuestionBase & {
      readonly kind: 'matrix';
      readonly items: readonly {
        readonly key: string;
        readonly label: string;
        readonly own: string | null;
        readonly table: CompareTable;
      }[];
    })
  | (QuestionBase & {
      readonly kind: 'integer';
      readonly value: number | null;
      readonly unitLabel: string | null;
      readonly national: NumberSummary;
      readonly sizeClass: NumberSummary | null;
    })
  | (QuestionBase & { readonly kind: 'text' });

export interface Comparison {
  readonly year: number;
  readonly role: Role;
  readonly lang: Language;
  readonly unit: { readonly number: string; readonly name: string; readonly kind: UnitKind; readonly countyName: string };
  /** The units the national column counts: municipalities, or the capital's districts. */
  readonly comparedWith: UnitKind;
  /** The unit's size class, or null when there is no size-class column. */
  readonly sizeClass: { readonly label: string } | null;
  /** Where the unit's own response stands; only a submitted response's answers are shown. */
  readonly status: 'not_started' | 'in_progress' | 'submitted';
  readonly questions: readonly ComparedQuestion[];
}

export interface CompareOptions {
  /** Language of question and option texts (bokmål when the questionnaire lacks it). */
  readonly lang?: Language;
}

// The tables show no intervals.
const noInterval: IntervalFn = () => [0, 0];
const cell = (question: string, item: string) => `${question}\u0000${item}`;

/** Counts of one group: code counts and N per question and item, and integer distributions. */
interface GroupCounts {
  readonly codes: Map<string, Map<number, number>>;
  readonly answered: Map<string, number>;
  readonly numbers: Map<string, Map<number, number>>;
}

function emptyCounts(): GroupCounts {
  return { codes: new Map(), answered: new Map(), numbers: new Map() };
}

function add<K>(m: Map<K, number>, k: K, n: number): void {
  m.set(k, (m.get(k) ?? 0) + n);
}

function scaleOf(q: Question): { min: number; max: number } | null {
  const s = q.type === 'scale' ? q.scale : q.type === 'matrix' ? q.scale : undefined;
  return s ? { min: s.min, max: s.max } : null;
}

function distribution(q: Question, counts: GroupCounts, key: string, codes: readonly number[]): Distribution {
  const answered = counts.answered.get(key) ?? 0;
  if (answered < minimumAnswers) return { shown: false };
  const t = frequencyTable(q, counts.codes.get(key) ?? new Map(), answered, noInterval, undefined);
  const byCode = new Map([...t.options, ...t.apart].map((o) => [o.code, o.share]));
  return { shown: true, n: t.n, shares: codes.map((c) => byCode.get(c) ?? 0), mean: t.scale?.mean ?? null };
}

function numberSummary(values: ReadonlyMap<number, number> | undefined): NumberSummary {
  const sorted = [...(values ?? new Map<number, number>())].sort(([a], [b]) => a - b);
  const n = sorted.reduce((s, [, c]) => s + c, 0);
  if (n < minimumAnswers) return { shown: false };
  const at = (i: number): number => {
    let seen = 0;
    for (const [v, c] of sorted) {
      seen += c;
      if (i < seen) return v;
    }
    return (sorted.at(-1) as [number, number])[0];
  };
  const median = n % 2 === 1 ? at((n - 1) / 2) : (at(n / 2 - 1) + at(n / 2)) / 2;
  const mean = sorted.reduce((s, [v, c]) => s + v * c, 0) / n;
  return { shown: true, n, median, mean };
}

function codesOf(a: Answer | undefined): readonly number[] {
  return a?.kind === 'codes' ? a.codes : [];
}

/** The unit's own answer in words; the text of "annet, spesifiser" is its own and may be shown to it. */
function ownWords(q: Question, a: Answer | undefined, lang: Language): string[] {
  if (!a) return [];
  const label = (code: number) => {
    const o = optionsOf(q, lang).find((x) => x.code === code);
    return o ? textIn(o.label, lang) : String(code);
  };
  switch (a.kind) {
    case 'text':
      return [a.value];
    case 'number':
      return [q.type === 'integer' && q.unit ? `${a.value} ${textIn(q.unit, lang)}` : String(a.value)];
    case 'items':
      return q.type === 'matrix'
        ? q.items.filter((i) => a.items[i.key] !== undefined).map((i) => `${textIn(i.label, lang)}: ${label(a.items[i.key] as number)}`)
        : [];
    default:
      return a.codes.map((c) => {
        const o = optionsOf(q, lang).find((x) => x.code === c);
        return o?.specify && a.text ? `${label(c)}: ${a.text}` : label(c);
      });
  }
}

export async function compare(
  store: Store,
  year: number,
  role: Role,
  unitNumber: string,
  options: CompareOptions = {},
): Promise<Comparison> {
  const lang = options.lang ?? 'nb';
  const round = await getRound(store, year);
  const unit = await getUnit(store, round.registryYear, unitNumber);
  if (!(await roundUnits(store, year, role)).includes(unit.number)) {
    throw notFound(msg('analysis.unit_not_asked', { unit: unit.number, name: unit.name, year, role }));
  }
  const qn = await roundQuestionnaire(store, year, role);
  const state = await responseState(store, year, role, unit.number);
  const answers = state.status === 'submitted' ? await getAnswers(store, year, role, unit.number) : new Map<string, Answer>();

  // Size class: municipalities only.
  const grouping = unit.kind === 'kommune' ? await getGrouping(store, sizeGrouping) : null;
  const by = grouping ? categorySql(grouping) : null;
  const myClass = grouping && by ? classify(grouping, unit) : null;

  const scope: repo.CompareScope = { year, registryYear: round.registryYear, role, kind: unit.kind, by };
  const [codeRows, answeredRows, numberRows] = await Promise.all([
    repo.codeCounts(store.db, scope),
    repo.answeredCounts(store.db, scope),
    repo.numberCounts(
      store.db,
      scope,
      qn.questions.filter((q) => q.type === 'integer').map((q) => q.key),
    ),
  ]);
  const national = emptyCounts();
  const inClass = emptyCounts();
  const mine = (grp: number) => myClass !== null && grp === myClass.index;
  for (const r of codeRows) {
    const k = cell(r.question_key, r.item_key);
    for (const g of mine(r.grp) ? [national, inClass] : [national]) {
      const m = g.codes.get(k) ?? new Map<number, number>();
      add(m, r.code, r.n);
      g.codes.set(k, m);
    }
  }
  for (const r of answeredRows) {
    const k = cell(r.question_key, r.item_key);
    add(national.answered, k, r.n);
    if (mine(r.grp)) add(inClass.answered, k, r.n);
  }
  for (const r of numberRows) {
    for (const g of mine(r.grp) ? [national, inClass] : [national]) {
      const m = g.numbers.get(r.question_key) ?? new Map<number, number>();
      add(m, r.num, r.n);
      g.numbers.set(r.question_key, m);
    }
  }

  const attrs = unit.attributes as Attributes;
  const numbers = new Map(qn.questions.filter((q) => isEligible(q, attrs)).map((q, i) => [q.key, i + 1]));
  const table = (q: Question, item: string, chosen: readonly number[]): CompareTable => {
    const opts = optionsOf(q, lang).map((o) => ({ code: o.code, label: textIn(o.label, lang), chosen: chosen.includes(o.code) }));
    const codes = opts.map((o) => o.code);
    const k = cell(q.key, item);
    return {
      options: opts,
      scale: scaleOf(q),
      national: distribution(q, national, k, codes),
      sizeClass: myClass ? distribution(q, inClass, k, codes) : null,
    };
  };

  const questions: ComparedQuestion[] = askedQuestions(qn, attrs, answers).map((q) => {
    const a = answers.get(q.key);
    const base = { key: q.key, number: numbers.get(q.key) ?? 0, text: textIn(q.text, lang), type: q.type, own: ownWords(q, a, lang) };
    switch (q.type) {
      case 'text':
        return { ...base, kind: 'text' };
      case 'integer':
        return {
          ...base,
          kind: 'integer',
          value: a?.kind === 'number' ? a.value : null,
          unitLabel: q.unit ? textIn(q.unit, lang) : null,
          national: numberSummary(national.numbers.get(q.key)),
          sizeClass: myClass ? numberSummary(inClass.numbers.get(q.key)) : null,
        };
      case 'matrix': {
        const chosen = a?.kind === 'items' ? a.items : {};
        return {
          ...base,
          kind: 'matrix',
          items: q.items.map((i) => {
            const code = chosen[i.key];
            const label = code === undefined ? null : (optionsOf(q, lang).find((o) => o.code === code)?.label ?? String(code));
            return {
              key: i.key,
              label: textIn(i.label, lang),
              own: label === null ? null : textIn(label, lang),
              table: table(q, i.key, code === undefined ? [] : [code]),
            };
          }),
        };
      }
      default:
        return { ...base, kind: 'choice', multi: q.type === 'multi', table: table(q, '', codesOf(a)) };
    }
  });

  return {
    year,
    role,
    lang,
    unit: { number: unit.number, name: unit.name, kind: unit.kind, countyName: unit.countyName },
    comparedWith: unit.kind,
    sizeClass: myClass ? { label: myClass.label } : null,
    status: state.status,
    questions,
  };
}
