/**
 * Frequencies broken down by a grouping (or county), with tests of independence (significance.ts):
 * Pearson's chi-square, an exact p when expected counts are small, Kruskal–Wallis for scales.
 * Multiple choice is tested per option (chosen or not, by group) and a matrix per item; those tests
 * form a family and their p-values are Holm-adjusted, `significant` deciding on the adjusted p.
 * A category with fewer answers than the minimum N (default 5) keeps its counts but shows no
 * shares ("for få svar"); it still counts in the tests, which handle small groups exactly.
 */
import { optionsOf } from '../questionnaire/answer.ts';
import type { Question, Role } from '../questionnaire/model.ts';
import { textIn } from '../questionnaire/model.ts';
import { getGrouping } from '../registry/grouping.service.ts';
import { categories as categoriesOf } from '../registry/grouping.ts';
import { getRound } from '../round/round.service.ts';
import type { Store } from '../store/store.ts';
import * as repo from './analysis.repository.ts';
import {
  DEFAULT_MIN_N,
  type FpcStatus,
  type FrequencyOptions,
  type FrequencyTable,
  findQuestion,
  frequencies,
  frequencyTable,
  type IntervalFn,
  type OptionFrequency,
  questionCounts,
} from './frequencies.ts';
import { groupByOf } from './representativeness.ts';
import { adjustFamily, independenceTest, kruskalWallisTest, type NoTestReason, type TestResult } from './significance.ts';
import { wilson } from './stats/index.ts';
import { Weighting, weightQuestion, weightsJson } from './weights.ts';

export { independenceTest, type NoTestReason, significanceLevel, type TestResult } from './significance.ts';

/** The 95 % Wilson interval, with the finite-population correction when a population is given. */
export const wilsonInterval: IntervalFn = (count, n, population) =>
  wilson(count, n, population !== undefined ? { fpc: { population } } : {});

/** A table with fewer answers than `minN`: counts and N kept, shares, intervals and means withheld. */
export function withhold<T extends FrequencyTable>(t: T, minN: number): T {
  if (t.n >= minN) return t;
  const blank = (o: OptionFrequency): OptionFrequency => ({ ...o, share: null, ci95: null });
  return {
    ...t,
    tooFew: true,
    options: t.options.map(blank),
    apart: t.apart.map(blank),
    ...(t.scale ? { scale: { ...t.scale, mean: null, topTwo: null, bottomTwo: null } } : {}),
  };
}

export interface GroupFrequencies extends FrequencyTable {
  readonly label: string;
  readonly items?: readonly (FrequencyTable & { key: string; label: string })[];
}

export interface Breakdown {
  readonly by: { readonly key: string; readonly label: string };
  readonly groups: readonly GroupFrequencies[];
  /** Respondents left out because their unit lacks the grouping's attribute. */
  readonly excluded: number;
  /** Categories with fewer answers than this show "for få svar". */
  readonly minN: number;
  /** Single choice and scales: one test (null when none is possible, `noTest` says why). */
  readonly test?: TestResult | null;
  readonly noTest?: NoTestReason | null;
  /** Multiple choice: a test per option (chosen or not), Holm-adjusted over the options. */
  readonly optionTests?: readonly { readonly code: number; readonly test: TestResult | null; readonly noTest: NoTestReason | null }[];
  /** Matrix: a test per item, Holm-adjusted over the items. */
  readonly itemTests?: readonly { readonly key: string; readonly test: TestResult | null; readonly noTest: NoTestReason | null }[];
}

function scaleValues(q: Question): { min: number; max: number } | null {
  const s = q.type === 'scale' ? q.scale : q.type === 'matrix' ? q.scale : undefined;
  return s ? { min: s.min, max: s.max } : null;
}

/** Groups × codes table of a question (codes outside a scale left out of the test). */
function crossTable(q: Question, groupCounts: readonly ReadonlyMap<number, number>[]): number[][] {
  const range = scaleValues(q);
  const codes = optionsOf(q)
    .map((o) => o.code)
    .filter((c) => !range || (c >= range.min && c <= range.max));
  return groupCounts.map((g) => codes.map((c) => g.get(c) ?? 0));
}

/** The chi-square test of a table, with Kruskal–Wallis on the scale values for a scale. */
function testOf(q: Question, groupCounts: readonly ReadonlyMap<number, number>[], seed: readonly (string | number)[]) {
  const { test, reason } = independenceTest(crossTable(q, groupCounts), seed);
  const range = scaleValues(q);
  if (!test || !range) return { test, noTest: reason };
  const groups = groupCounts.map((g) =>
    [...g].filter(([v]) => v >= range.min && v <= range.max).map(([value, count]) => ({ value, count })),
  );
  return { test: { ...test, kruskalWallis: kruskalWallisTest(groups, seed) }, noTest: reason };
}

/** Sets the Holm-adjusted p and significance over a family of tests. */
function adjusted<T extends { readonly test: TestResult | null }>(family: readonly T[]): T[] {
  const tests = adjustFamily(family.map((f) => f.test));
  return family.map((f, i) => ({ ...f, test: tests[i] ?? null }));
}

export async function breakdown(
  store: Store,
  year: number,
  role: Role,
  key: string,
  groupingKey: string,
  interval: IntervalFn,
  options: FrequencyOptions = {},
): Promise<Breakdown> {
  const q = await findQuestion(store, year, role, key);
  const round = await getRound(store, year);
  const kind = options.kind ?? 'kommune';
  const minN = options.minN ?? DEFAULT_MIN_N;
  const g = groupingKey === 'fylke' ? null : await getGrouping(store, groupingKey);
  const by: repo.GroupBy = g ? groupByOf(g) : { kind: 'county' };
  const { counts, answered } = await questionCounts(store, year, role, key, kind, by);
  const counties = new Map((await repo.countyNames(store.db, round.registryYear)).map((c) => [c.county_number, c.county_name]));
  const present = [...answered.keys()].filter((k) => k !== '-1');
  const cats =
    g === null || g.kind === 'county'
      ? present.sort().map((k) => ({ key: k, label: counties.get(k) ?? k }))
      : categoriesOf(g).map((c) => ({ key: String(c.index), label: c.label }));
  const populations = new Map<string, number>();
  if (options.fpc) {
    for (const u of await repo.unitsByGroup(store.db, year, round.registryYear, kind, by)) populations.set(u.grp, u.n);
  }
  const excluded = [...(answered.get('-1')?.values() ?? [])].reduce((a, b) => Math.max(a, b), 0);
  const w = options.weighted ? await weightQuestion(store, year, role, q, kind, by, { ...options, weighted: options.weighted }) : null;
  const table = (grp: string, item: string) => {
    const t = frequencyTable(
      q,
      counts.get(grp)?.get(item) ?? new Map(),
      answered.get(grp)?.get(item) ?? 0,
      interval,
      populations.get(grp),
      options,
    );
    return withhold(w ? w.table(t, grp, item) : t, minN);
  };
  const codeCounts = (item: string) => cats.map((c) => counts.get(c.key)?.get(item) ?? new Map<number, number>());
  const groups: GroupFrequencies[] = cats.map((c) => {
    if (q.type !== 'matrix') return { label: c.label, ...table(c.key, '') };
    const items = q.items.map((i) => ({ key: i.key, label: textIn(i.label, 'nb'), ...table(c.key, i.key) }));
    const n = Math.max(0, ...q.items.map((i) => answered.get(c.key)?.get(i.key) ?? 0));
    return {
      label: c.label,
      n,
      options: [],
      apart: [],
      fpc: items[0]?.fpc ?? { applied: false, population: null, reason: 'not_requested' },
      ...(items.every((i) => i.tooFew) ? { tooFew: true } : {}),
      items,
    };
  });
  const byInfo = { key: g?.key ?? 'fylke', label: g?.label ?? 'Fylke' };
  const seed = (item: string, ...more: (string | number)[]) => [year, role, key, item, byInfo.key, ...more];
  const base = { by: byInfo, groups, excluded, minN };
  if (q.type === 'multi') {
    const optionTests = optionsOf(q).map((o) => {
      const t = cats.map((c) => {
        const chosen = counts.get(c.key)?.get('')?.get(o.code) ?? 0;
        return [chosen, (answered.get(c.key)?.get('') ?? 0) - chosen];
      });
      const { test, reason } = independenceTest(t, seed('', o.code));
      return { code: o.code, test, noTest: reason };
    });
    return { ...base, optionTests: adjusted(optionTests) };
  }
  if (q.type === 'matrix') {
    const itemTests = q.items.map((i) => ({ key: i.key, ...testOf(q, codeCounts(i.key), seed(i.key)) }));
    return { ...base, itemTests: adjusted(itemTests) };
  }
  const [one] = adjusted([testOf(q, codeCounts(''), seed(''))]);
  return { ...base, test: one?.test ?? null, noTest: one?.noTest ?? null };
}

const r = (x: readonly [number, number] | null) => (x ? [x[0], x[1]] : null);

function optionJson(o: OptionFrequency) {
  return { code: o.code, label: o.label, count: o.count, share: o.share, ci95: r(o.ci95) };
}

function tableJson(t: FrequencyTable) {
  return {
    n: t.n,
    ...(t.tooFew ? { too_few: true } : {}),
    options: t.options.map(optionJson),
    ...(t.apart.length > 0 ? { apart: t.apart.map(optionJson) } : {}),
    ...(t.scale ? { scale: { n: t.scale.n, mean: t.scale.mean, top_two: t.scale.topTwo, bottom_two: t.scale.bottomTwo } } : {}),
    ...(t.fpc.reason !== 'not_requested' ? { fpc: t.fpc } : {}),
  };
}

function testJson(t: TestResult | null | undefined) {
  if (!t) return null;
  const k = t.kruskalWallis;
  return {
    method: t.method,
    statistic: t.statistic,
    df: t.df,
    p: t.p,
    p_exact: t.pExact,
    ...(t.exactMethod ? { exact_method: t.exactMethod } : {}),
    ...(t.seed !== null ? { seed: t.seed } : {}),
    low_expected_share: t.lowExpectedShare,
    p_adjusted: t.pAdjusted,
    adjustment: 'holm' as const,
    family_size: t.familySize,
    significant: t.significant,
    ...(k
      ? {
          kruskal_wallis: {
            statistic: k.statistic,
            df: k.df,
            p: k.p,
            p_exact: k.pExact,
            ...(k.exactMethod ? { exact_method: k.exactMethod } : {}),
            ...(k.seed !== null ? { seed: k.seed } : {}),
            p_adjusted: k.pAdjusted,
            significant: k.significant,
            ...(k.reason ? { no_test: k.reason } : {}),
          },
        }
      : {}),
  };
}

const noTest = (reason: NoTestReason | null) => (reason ? { no_test: reason } : {});

type TableJson = ReturnType<typeof tableJson>;
type ItemJson = TableJson & { key: string; label: string };

/** The JSON of `analyze frequencies` (fields by question type; `by`, `groups` and tests only with a breakdown). */
export interface FrequenciesJson extends Partial<TableJson> {
  readonly year: number;
  readonly question: string;
  readonly role: Role;
  readonly text: string;
  readonly type: Question['type'];
  readonly units: repo.UnitKind;
  /** Whether the intervals use the finite-population correction; `reason` says why not. */
  readonly fpc: FpcStatus;
  readonly n_range?: readonly [number, number] | undefined;
  readonly items?: readonly ItemJson[];
  readonly by?: { readonly key: string; readonly label: string };
  readonly excluded?: number;
  /** Categories with fewer answers than this have `too_few: true` and null shares. */
  readonly min_n?: number;
  readonly groups?: readonly (Partial<TableJson> & { label: string; items?: readonly ItemJson[] })[];
  readonly test?: ReturnType<typeof testJson>;
  /** Why `test` is null: no_answers, one_group or all_same. */
  readonly no_test?: NoTestReason;
  readonly option_tests?: readonly { code: number; test: ReturnType<typeof testJson>; no_test?: NoTestReason }[];
  readonly item_tests?: readonly { key: string; test: ReturnType<typeof testJson>; no_test?: NoTestReason }[];
  /** With weighted shares: the role's weights (shares, intervals and means weighted; counts, N and tests not). */
  readonly weights?: ReturnType<typeof weightsJson>;
}

/** The JSON of `analyze frequencies`. */
export async function frequenciesJson(
  store: Store,
  year: number,
  role: Role,
  key: string,
  by: string | undefined,
  given: FrequencyOptions = {},
): Promise<FrequenciesJson> {
  // One Weighting for the table and its breakdown, so the role is raked once.
  const options = given.weighted === true ? { ...given, weighted: new Weighting(store, year, given.kind ?? 'kommune') } : given;
  const f = await frequencies(store, year, role, key, wilsonInterval, options);
  const base = {
    year,
    question: key,
    role,
    text: textIn(f.question.text, 'nb'),
    type: f.question.type,
    units: options.kind ?? 'kommune',
    fpc: f.fpc,
    ...(f.items
      ? { n: f.n, n_range: f.nRange, items: f.items.map((i) => ({ key: i.key, label: i.label, ...tableJson(i) })) }
      : tableJson(f)),
    ...(f.weights ? { weights: weightsJson(f.weights) } : {}),
  };
  if (!by) return base;
  const b = await breakdown(store, year, role, key, by, wilsonInterval, options);
  return {
    ...base,
    by: b.by,
    excluded: b.excluded,
    min_n: b.minN,
    groups: b.groups.map((g) => ({
      label: g.label,
      ...(g.items
        ? { n: g.n, ...(g.tooFew ? { too_few: true } : {}), items: g.items.map((i) => ({ key: i.key, label: i.label, ...tableJson(i) })) }
        : tableJson(g)),
    })),
    ...(b.test !== undefined ? { test: testJson(b.test) } : {}),
    ...(b.noTest ? { no_test: b.noTest } : {}),
    ...(b.optionTests ? { option_tests: b.optionTests.map((o) => ({ code: o.code, test: testJson(o.test), ...noTest(o.noTest) })) } : {}),
    ...(b.itemTests ? { item_tests: b.itemTests.map((o) => ({ key: o.key, test: testJson(o.test), ...noTest(o.noTest) })) } : {}),
  };
}
