/**
 * Frequencies broken down by a grouping (or county), with tests of independence: Pearson's
 * chi-square without continuity correction; when more than 20 % of the expected counts are below
 * 5, an exact p beside it (Fisher for 2×2, Monte Carlo with a fixed seed otherwise); for scales
 * also Kruskal–Wallis on the scale values. `significant` is p < 0.05, using the exact p when one
 * is reported. Multiple choice is tested per option (chosen or not, by group); a matrix per item.
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
  type FrequencyOptions,
  type FrequencyTable,
  findQuestion,
  frequencies,
  frequencyTable,
  type IntervalFn,
  questionCounts,
} from './frequencies.ts';
import { groupByOf } from './representativeness.ts';
import { exactP, kruskalWallis, pearsonChiSquare, wilson } from './stats/index.ts';

export const significanceLevel = 0.05;

/** The 95 % Wilson interval, with the finite-population correction when a population is given. */
export const wilsonInterval: IntervalFn = (count, n, population) =>
  wilson(count, n, population !== undefined && population >= n ? { fpc: { population } } : {}) ?? [0, 0];

export interface TestResult {
  readonly method: 'pearson-chi-square';
  readonly statistic: number;
  readonly df: number;
  readonly p: number | null;
  /** Share of expected counts below 5. */
  readonly lowExpectedShare: number | null;
  /** Exact p (Fisher 2×2, else Monte Carlo) when more than 20 % of expected counts are below 5. */
  readonly pExact: number | null;
  readonly exactMethod: 'fisher' | 'monte-carlo' | null;
  readonly significant: boolean;
  /** Scales: Kruskal–Wallis on the scale values across the groups. */
  readonly kruskalWallis?: { readonly statistic: number | null; readonly df: number; readonly p: number | null };
}

/** Pearson chi-square on a groups × answers table, with the exact p when expected counts are small. */
export function independenceTest(table: number[][]): TestResult | null {
  const chi = pearsonChiSquare(table);
  if (chi.df === 0 || chi.p === null) return null;
  const small = (chi.lowExpectedShare ?? 0) > 0.2;
  const exact = small ? exactP(table) : null;
  const p = exact?.p ?? chi.p;
  return {
    method: 'pearson-chi-square',
    statistic: chi.statistic,
    df: chi.df,
    p: chi.p,
    lowExpectedShare: chi.lowExpectedShare,
    pExact: exact?.p ?? null,
    exactMethod: exact && exact.method !== 'none' ? exact.method : null,
    significant: p < significanceLevel,
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
  /** Single choice and scales: one test. */
  readonly test?: TestResult | null;
  /** Multiple choice: a test per option (chosen or not). */
  readonly optionTests?: readonly { readonly code: number; readonly test: TestResult | null }[];
  /** Matrix: a test per item. */
  readonly itemTests?: readonly { readonly key: string; readonly test: TestResult | null }[];
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

function kw(q: Question, groupCounts: readonly ReadonlyMap<number, number>[]) {
  const range = scaleValues(q);
  if (!range) return undefined;
  const groups = groupCounts.map((g) =>
    [...g].filter(([v]) => v >= range.min && v <= range.max).map(([value, count]) => ({ value, count })),
  );
  const r = kruskalWallis(groups);
  return { statistic: r.statistic, df: r.df, p: r.p };
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
  const table = (grp: string, item: string) =>
    frequencyTable(q, counts.get(grp)?.get(item) ?? new Map(), answered.get(grp)?.get(item) ?? 0, interval, populations.get(grp), options);
  const codeCounts = (item: string) => cats.map((c) => counts.get(c.key)?.get(item) ?? new Map<number, number>());
  const groups: GroupFrequencies[] = cats.map((c) =>
    q.type === 'matrix'
      ? {
          label: c.label,
          n: Math.max(0, ...q.items.map((i) => answered.get(c.key)?.get(i.key) ?? 0)),
          options: [],
          apart: [],
          items: q.items.map((i) => ({ key: i.key, label: textIn(i.label, 'nb'), ...table(c.key, i.key) })),
        }
      : { label: c.label, ...table(c.key, '') },
  );
  const byInfo = { key: g?.key ?? 'fylke', label: g?.label ?? 'Fylke' };
  if (q.type === 'multi') {
    const optionTests = optionsOf(q).map((o) => {
      const t = cats.map((c) => {
        const chosen = counts.get(c.key)?.get('')?.get(o.code) ?? 0;
        return [chosen, (answered.get(c.key)?.get('') ?? 0) - chosen];
      });
      return { code: o.code, test: independenceTest(t) };
    });
    return { by: byInfo, groups, excluded, optionTests };
  }
  if (q.type === 'matrix') {
    const itemTests = q.items.map((i) => {
      const cc = codeCounts(i.key);
      const test = independenceTest(crossTable(q, cc));
      const k = kw(q, cc);
      return { key: i.key, test: test && k ? { ...test, kruskalWallis: k } : test };
    });
    return { by: byInfo, groups, excluded, itemTests };
  }
  const cc = codeCounts('');
  const test = independenceTest(crossTable(q, cc));
  const k = kw(q, cc);
  return { by: byInfo, groups, excluded, test: test && k ? { ...test, kruskalWallis: k } : test };
}

const r = (x: readonly [number, number]) => [x[0], x[1]];

function tableJson(t: FrequencyTable) {
  return {
    n: t.n,
    options: t.options.map((o) => ({ code: o.code, label: o.label, count: o.count, share: o.share, ci95: r(o.ci95) })),
    ...(t.apart.length > 0
      ? { apart: t.apart.map((o) => ({ code: o.code, label: o.label, count: o.count, share: o.share, ci95: r(o.ci95) })) }
      : {}),
    ...(t.scale ? { scale: { n: t.scale.n, mean: t.scale.mean, top_two: t.scale.topTwo, bottom_two: t.scale.bottomTwo } } : {}),
  };
}

function testJson(t: TestResult | null | undefined) {
  if (!t) return null;
  return {
    method: t.method,
    statistic: t.statistic,
    df: t.df,
    p: t.p,
    p_exact: t.pExact,
    ...(t.exactMethod ? { exact_method: t.exactMethod } : {}),
    low_expected_share: t.lowExpectedShare,
    significant: t.significant,
    ...(t.kruskalWallis ? { kruskal_wallis: t.kruskalWallis } : {}),
  };
}

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
  readonly fpc: { readonly applied: boolean; readonly population: number | null };
  readonly n_range?: readonly [number, number] | undefined;
  readonly items?: readonly ItemJson[];
  readonly by?: { readonly key: string; readonly label: string };
  readonly excluded?: number;
  readonly groups?: readonly (Partial<TableJson> & { label: string; items?: readonly ItemJson[] })[];
  readonly test?: ReturnType<typeof testJson>;
  readonly option_tests?: readonly { code: number; test: ReturnType<typeof testJson> }[];
  readonly item_tests?: readonly { key: string; test: ReturnType<typeof testJson> }[];
}

/** The JSON of `analyze frequencies`. */
export async function frequenciesJson(
  store: Store,
  year: number,
  role: Role,
  key: string,
  by: string | undefined,
  options: FrequencyOptions = {},
): Promise<FrequenciesJson> {
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
  };
  if (!by) return base;
  const b = await breakdown(store, year, role, key, by, wilsonInterval, options);
  return {
    ...base,
    by: b.by,
    excluded: b.excluded,
    groups: b.groups.map((g) => ({
      label: g.label,
      ...(g.items ? { n: g.n, items: g.items.map((i) => ({ key: i.key, label: i.label, ...tableJson(i) })) } : tableJson(g)),
    })),
    ...(b.test !== undefined ? { test: testJson(b.test) } : {}),
    ...(b.optionTests ? { option_tests: b.optionTests.map((o) => ({ code: o.code, test: testJson(o.test) })) } : {}),
    ...(b.itemTests ? { item_tests: b.itemTests.map((o) => ({ key: o.key, test: testJson(o.test) })) } : {}),
  };
}
