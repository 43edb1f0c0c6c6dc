/**
 * Weights: each role's respondents raked to the registry's margins (by default the four
 * groupings of Table 1), so that weighted they have the population's distribution on each; and
 * weighted shares with design-based 95 % intervals from them. The mathematics is in
 * stats/raking.ts; this module gets the counts (weights.repository.ts: units and respondents per
 * cross-classified cell, a question's answers per cell) and puts them together.
 *
 * Choices, stated in the output:
 * - Population: the units of the round asked in the role (of the kind analysed); the finite-
 *   population correction 1 − n/N uses it and the role's respondents, when FPC is asked for.
 * - Units without a grouping's attribute form a category of their own ("uten verdi").
 * - A category with units but no respondents cannot be raked to: it is merged with its
 *   neighbour in the grouping's order (the one with fewer units; counties by number), repeatedly,
 *   and the merge is reported. Refusing would leave the analysis without weights for a detail.
 * - Trimming: no weight above `cap` (default 5) times the mean weight; raking goes on with the
 *   capped weights until both hold (stats/raking.ts). When they cannot both hold, the weights
 *   are kept and the remaining gap to the margins is reported (`converged: false`).
 * - Counts and N stay as counted; shares, intervals and scale means become weighted. Tests of
 *   independence stay on the unweighted counts.
 */
import { optionsOf } from '../questionnaire/answer.ts';
import type { Question, Role } from '../questionnaire/model.ts';
import { getGrouping } from '../registry/grouping.service.ts';
import { categorySql } from '../registry/grouping.sql.ts';
import { categories as categoriesOf } from '../registry/grouping.ts';
import { getRound } from '../round/round.service.ts';
import { invalid } from '../shared/errors.ts';
import { type Message, msg, say } from '../shared/i18n/message.ts';
import type { Store } from '../store/store.ts';
import type { GroupBy, UnitKind } from './analysis.repository.ts';
import * as repo from './analysis.repository.ts';
import { defaultRepresentativenessGroupings } from './representativeness.ts';
import {
  type CalibrationModel,
  calibrationModel,
  DEFAULT_TOLERANCE,
  type RakingCell,
  type RakingResult,
  rake,
  weightedShare,
} from './stats/raking.ts';
import * as wrepo from './weights.repository.ts';

export const DEFAULT_WEIGHT_CAP = 5;

export interface WeightSettings {
  /** Grouping keys of the margins (`fylke` for counties); default Table 1's four. */
  readonly groupings?: readonly string[];
  /** No weight above this multiple of the mean weight (default 5); null for no cap. */
  readonly cap?: number | null;
}

export interface WeightsSummary {
  readonly role: Role;
  readonly method: 'raking' | 'post-stratification';
  readonly groupings: readonly { readonly key: string; readonly label: string; readonly categories: readonly string[] }[];
  /** Categories merged because one of them had no respondents. */
  readonly collapsed: readonly { readonly grouping: string; readonly categories: readonly string[] }[];
  /** Units of the role's population (N) and respondents (n). */
  readonly population: number;
  readonly respondents: number;
  readonly iterations: number;
  readonly converged: boolean;
  /** Largest gap between a weighted margin and its target, as a share of N. */
  readonly maxMarginError: number;
  readonly tolerance: number;
  readonly cap: number | null;
  /** Respondents whose weight is at the cap. */
  readonly trimmed: number;
  /** Kish's design effect 1 + CV² and the effective n = n / deff. */
  readonly deff: number;
  readonly nEffective: number;
  readonly minWeight: number;
  readonly maxWeight: number;
}

export interface RoleWeights {
  readonly summary: WeightsSummary;
  readonly cells: readonly RakingCell[];
  readonly margins: readonly (readonly number[])[];
  readonly weights: readonly number[];
  readonly model: CalibrationModel;
  /** A cell as the database returns it (categories joined by "|") → its index in `cells`. */
  readonly index: ReadonlyMap<string, number>;
}

interface Prepared {
  readonly groupings: readonly {
    key: string;
    label: string;
    by: wrepo.CellGrouping;
    order: (raw: string[]) => string[];
    labelOf: (k: string) => string;
  }[];
  readonly population: readonly { role: string; cell: string[]; n: number }[];
  readonly respondents: readonly { role: string; cell: string[]; n: number }[];
}

/**
 * The weights of one round and kind of unit, per role, computed on first use and kept: one per
 * report build or command, so every figure of a report uses the same weights.
 */
export class Weighting {
  private prepared: Promise<Prepared> | undefined;
  private readonly roles = new Map<Role, Promise<RoleWeights>>();
  readonly cap: number | null;
  readonly groupingKeys: readonly string[];

  constructor(
    readonly store: Store,
    readonly year: number,
    readonly kind: UnitKind = 'kommune',
    settings: WeightSettings = {},
  ) {
    this.cap = settings.cap === undefined ? DEFAULT_WEIGHT_CAP : settings.cap;
    this.groupingKeys = settings.groupings ?? defaultRepresentativenessGroupings;
  }

  /** The weights of a role's respondents. */
  forRole(role: Role): Promise<RoleWeights> {
    let p = this.roles.get(role);
    if (!p) {
      p = this.prepare().then((prep) => roleWeights(prep, this.year, role, this.cap));
      this.roles.set(role, p);
    }
    return p;
  }

  /** The cell groupings (for the question counts per cell). */
  async cellGroupings(): Promise<wrepo.CellGrouping[]> {
    return (await this.prepare()).groupings.map((g) => g.by);
  }

  private prepare(): Promise<Prepared> {
    this.prepared ??= prepare(this.store, this.year, this.kind, this.groupingKeys);
    return this.prepared;
  }
}

async function prepare(store: Store, year: number, kind: UnitKind, keys: readonly string[]): Promise<Prepared> {
  const round = await getRound(store, year);
  const counties = new Map((await repo.countyNames(store.db, round.registryYear)).map((c) => [c.county_number, c.county_name]));
  const noValue = say(msg('weights.no_value'), 'nb');
  const groupings = [];
  for (const key of keys) {
    const g = key === 'fylke' ? null : await getGrouping(store, key);
    const c = g ? categorySql(g) : null;
    const by: wrepo.CellGrouping = c ? { kind: 'category', sql: c } : { kind: 'county' };
    const labels = new Map<string, string>(g && g.kind !== 'county' ? categoriesOf(g).map((x) => [String(x.index), x.label]) : []);
    // Categories in the grouping's order: by index (or county number), "uten verdi" last.
    const order = (raw: string[]) =>
      [...new Set(raw)].sort((a, b) => {
        if (a === '-1' || b === '-1') return a === '-1' ? (b === '-1' ? 0 : 1) : -1;
        return by.kind === 'county' ? a.localeCompare(b) : Number(a) - Number(b);
      });
    const labelOf = (k: string) => (k === '-1' ? noValue : by.kind === 'county' ? (counties.get(k) ?? k) : (labels.get(k) ?? k));
    groupings.push({ key: g?.key ?? 'fylke', label: g?.label ?? 'Fylke', by, order, labelOf });
  }
  const cellGroupings = groupings.map((g) => g.by);
  const [population, respondents] = await Promise.all([
    wrepo.populationCells(store.db, year, round.registryYear, kind, cellGroupings),
    wrepo.respondentCells(store.db, year, round.registryYear, kind, cellGroupings),
  ]);
  return { groupings, population, respondents };
}

function roleWeights(prep: Prepared, year: number, role: Role, cap: number | null): RoleWeights {
  const pop = prep.population.filter((r) => r.role === role);
  const resp = prep.respondents.filter((r) => r.role === role);
  const n = resp.reduce((s, r) => s + r.n, 0);
  if (n === 0) throw invalid(msg('weights.no_respondents', { year, role }));
  const collapsed: { grouping: string; categories: string[] }[] = [];
  // Per grouping: the raw category of a unit → the index of its (possibly merged) category.
  const maps = prep.groupings.map((g, m) => {
    const units = new Map<string, number>();
    const answered = new Map<string, number>();
    for (const r of pop) units.set(r.cell[m] as string, (units.get(r.cell[m] as string) ?? 0) + r.n);
    for (const r of resp) answered.set(r.cell[m] as string, (answered.get(r.cell[m] as string) ?? 0) + r.n);
    for (const k of answered.keys())
      if (!units.has(k)) throw invalid(msg('weights.outside_population', { year, role, grouping: g.label, category: g.labelOf(k) }));
    let groups = g.order([...units.keys()]).map((k) => ({ keys: [k], units: units.get(k) ?? 0, answered: answered.get(k) ?? 0 }));
    for (;;) {
      const i = groups.findIndex((x) => x.answered === 0);
      if (i < 0) break;
      const before = groups[i - 1];
      const after = groups[i + 1];
      const j = before && (!after || before.units <= after.units) ? i - 1 : i + 1;
      const [a, b] = [Math.min(i, j), Math.max(i, j)];
      const x = groups[a] as (typeof groups)[number];
      const y = groups[b] as (typeof groups)[number];
      groups = [
        ...groups.slice(0, a),
        { keys: [...x.keys, ...y.keys], units: x.units + y.units, answered: x.answered + y.answered },
        ...groups.slice(b + 1),
      ];
    }
    for (const x of groups) if (x.keys.length > 1) collapsed.push({ grouping: g.label, categories: x.keys.map(g.labelOf) });
    const index = new Map<string, number>();
    groups.forEach((x, i) => {
      for (const k of x.keys) index.set(k, i);
    });
    return { index, groups };
  });
  const cellOf = (raw: string[]) => raw.map((k, m) => maps[m]?.index.get(k) as number);
  const cells: RakingCell[] = [];
  const index = new Map<string, number>();
  const byKey = new Map<string, number>();
  for (const r of resp) {
    const categories = cellOf(r.cell);
    const key = categories.join('|');
    let i = byKey.get(key);
    if (i === undefined) {
      i = cells.length;
      cells.push({ categories, n: 0 });
      byKey.set(key, i);
    }
    cells[i] = { categories, n: (cells[i] as RakingCell).n + r.n };
    index.set(r.cell.join('|'), i);
  }
  const margins = maps.map((x) => x.groups.map((g) => g.units));
  const result: RakingResult = rake(cells, margins, { cap });
  const population = pop.reduce((s, r) => s + r.n, 0);
  return {
    summary: {
      role,
      method: prep.groupings.length === 1 ? 'post-stratification' : 'raking',
      groupings: prep.groupings.map((g, m) => ({
        key: g.key,
        label: g.label,
        categories: (maps[m]?.groups ?? []).map((x) => x.keys.map(g.labelOf).join(' + ')),
      })),
      collapsed,
      population,
      respondents: n,
      iterations: result.iterations,
      converged: result.converged,
      maxMarginError: result.maxMarginError,
      tolerance: DEFAULT_TOLERANCE,
      cap,
      trimmed: result.trimmed,
      deff: result.deff,
      nEffective: result.nEffective,
      minWeight: Math.min(...result.weights),
      maxWeight: Math.max(...result.weights),
    },
    cells,
    margins,
    weights: result.weights,
    model: calibrationModel(
      cells,
      margins.map((t) => t.length),
    ),
    index,
  };
}

/** Problems of a role's weights worth a line in the output: merged categories, margins not met. */
export function weightsNotes(s: WeightsSummary): Message[] {
  return [
    ...s.collapsed.map((c) => msg('weights.collapsed', { role: s.role, grouping: c.grouping, categories: c.categories.join(' + ') })),
    ...(s.converged
      ? []
      : [msg('weights.not_converged', { role: s.role, pp: (100 * s.maxMarginError).toFixed(2), iterations: s.iterations })]),
  ];
}

/** The JSON of a role's weights (beside a weighted analysis). */
export function weightsJson(s: WeightsSummary) {
  return {
    role: s.role,
    method: s.method,
    groupings: s.groupings.map((g) => g.key),
    population: s.population,
    respondents: s.respondents,
    converged: s.converged,
    iterations: s.iterations,
    max_margin_error: s.maxMarginError,
    tolerance: s.tolerance,
    cap: s.cap,
    trimmed: s.trimmed,
    deff: s.deff,
    n_effective: s.nEffective,
    min_weight: s.minWeight,
    max_weight: s.maxWeight,
    ...(s.collapsed.length > 0 ? { collapsed: s.collapsed } : {}),
    interval: 'wilson at the effective n from the linearisation variance',
    tests: 'unweighted counts',
  };
}

/** What a weighted table needs of a frequency table: options by code (and a scale summary). */
interface OptionLike {
  readonly code: number;
}
interface TableLike {
  readonly options: readonly OptionLike[];
  readonly apart: readonly OptionLike[];
  readonly scale?: { readonly n: number } | undefined;
  readonly fpc?: { readonly applied: boolean; readonly population: number | null } | undefined;
}

export interface WeightedQuestion {
  readonly summary: WeightsSummary;
  /** `t` (counted as usual) with weighted shares, design-based intervals and scale summary. */
  table<T extends TableLike>(t: T, grp: string, item: string): T;
}

export interface WeightedOptions {
  readonly weighted: true | Weighting;
  readonly fpc?: boolean;
  readonly excludeExtras?: boolean;
}

/** The Weighting to use: the one given (it must be of this round and kind), or a new one. */
export function weightingFor(store: Store, year: number, kind: UnitKind, weighted: true | Weighting): Weighting {
  if (weighted === true) return new Weighting(store, year, kind);
  if (weighted.year !== year || weighted.kind !== kind)
    throw invalid(msg('weights.wrong_weighting', { year: weighted.year, kind: weighted.kind, wanted: `${year} (${kind})` }));
  return weighted;
}

/** Weighted tables of one question of a role (per breakdown category `by` and matrix item). */
export async function weightQuestion(
  store: Store,
  year: number,
  role: Role,
  q: Question,
  kind: UnitKind,
  by: GroupBy,
  options: WeightedOptions,
): Promise<WeightedQuestion> {
  const weighting = weightingFor(store, year, kind, options.weighted);
  const rw = await weighting.forRole(role);
  const round = await getRound(store, year);
  const rows = await wrepo.questionCells(store.db, year, round.registryYear, role, q.key, kind, await weighting.cellGroupings(), by);
  // Per breakdown category and item: respondents who answered, and who chose each code, per raking cell.
  const data = new Map<string, { answered: number[]; codes: Map<number, number[]> }>();
  for (const r of rows) {
    const key = `${r.grp}\u0000${r.item}`;
    let d = data.get(key);
    if (!d) {
      d = { answered: rw.cells.map(() => 0), codes: new Map() };
      data.set(key, d);
    }
    const i = rw.index.get(r.cell.join('|'));
    if (i === undefined) continue; // a respondent without a weight cannot be: every respondent has a cell
    const v = r.code === null ? d.answered : (d.codes.get(r.code) ?? rw.cells.map(() => 0));
    v[i] = (v[i] as number) + r.n;
    if (r.code !== null) d.codes.set(r.code, v);
  }
  const scale = q.type === 'scale' ? q.scale : q.type === 'matrix' ? q.scale : undefined;
  const extras = optionsOf(q)
    .map((o) => o.code)
    .filter((c) => scale !== undefined && (c < scale.min || c > scale.max));
  const population = options.fpc ? rw.summary.population : undefined;
  return {
    summary: rw.summary,
    table<T extends TableLike>(t: T, grp: string, item: string): T {
      const d = data.get(`${grp}\u0000${item}`);
      if (!d) return t;
      const zero = rw.cells.map(() => 0);
      const hits = (code: number) => d.codes.get(code) ?? zero;
      const inExtras = rw.cells.map((_, i) => extras.reduce((s, c) => s + (hits(c)[i] as number), 0));
      const answered = d.answered;
      const base = options.excludeExtras ? answered.map((a, i) => a - (inExtras[i] as number)) : answered;
      const share = <O extends OptionLike>(o: O, b: readonly number[]): O => {
        const h = hits(o.code);
        const ws = weightedShare(
          rw.cells,
          rw.margins,
          rw.weights,
          rw.cells.map((_, i) => ({ base: b[i] as number, hits: h[i] as number })),
          population === undefined ? {} : { population },
          rw.model,
        );
        return ws.share === null ? o : { ...o, share: ws.share, ci95: ws.ci95 };
      };
      const weightedScale = () => {
        if (!scale || !t.scale) return t.scale;
        let total = 0;
        let sum = 0;
        let top = 0;
        let bottom = 0;
        for (let v = scale.min; v <= scale.max; v++) {
          const s = hits(v).reduce((acc, h, i) => acc + h * (rw.weights[i] as number), 0);
          total += s;
          sum += v * s;
          if (v >= scale.max - 1) top += s;
          if (v <= scale.min + 1) bottom += s;
        }
        return total > 0 ? { ...t.scale, mean: sum / total, topTwo: top / total, bottomTwo: bottom / total } : t.scale;
      };
      return {
        ...t,
        options: t.options.map((o) => share(o, base)),
        apart: t.apart.map((o) => share(o, answered)),
        ...(t.scale ? { scale: weightedScale() } : {}),
        // The correction of a weighted share is the whole sample's: the role's respondents of its population.
        ...(t.fpc && options.fpc ? { fpc: { ...t.fpc, applied: true, population: rw.summary.population, reason: null } } : {}),
      };
    },
  };
}
