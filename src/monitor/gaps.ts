/**
 * Representativeness while collecting: Table 1's gaps as they stand at the app's clock (the
 * respondents' share of a category minus the registry's, in percentage points, per role, for the
 * report's default groupings), and how much one more answer from a unit would shrink them. That
 * is what the chase list orders by: units whose answer moves the respondents closest to the
 * registry first. Counts come grouped from SQL (units per category, submissions per category and
 * role); the capital's districts are measured against the districts, as their own Table 1 does.
 *
 * The measure is the sum over the groupings of the squared gaps (pp²): one answer from a unit in
 * category k of a grouping changes every share of that grouping (k's share rises, the others fall
 * as the base grows), and the gain is the sum before minus the sum after. Squaring makes the
 * largest gaps count most; summing over the groupings rewards a unit that is underrepresented in
 * several. With no respondents yet in a role the respondents' shares are taken as 0.
 */
import { defaultRepresentativenessGroupings } from '../analysis/representativeness.ts';
import { type Role, roles } from '../questionnaire/model.ts';
import { getGrouping } from '../registry/grouping.service.ts';
import { type CategorySql, categorySql } from '../registry/grouping.sql.ts';
import { categories } from '../registry/grouping.ts';
import { getRound } from '../round/round.service.ts';
import type { Store } from '../store/store.ts';
import * as repo from './monitor.repository.ts';

type Kind = 'kommune' | 'bydel';

export interface GapCategory {
  readonly grouping: { readonly key: string; readonly label: string };
  /** Category index of the grouping. */
  readonly index: number;
  readonly label: string;
  /** Units of the round (of the kind, any role) in the category. */
  readonly units: number;
  /** Of them, those that had submitted in the role. */
  readonly respondents: number;
  /** units / all units of the kind (Table 1's base: units without a value count in it). */
  readonly unitShare: number;
  /** respondents / all respondents of the role; null before anyone answered. */
  readonly respondentShare: number | null;
  /** 100 × (respondentShare − unitShare); null before anyone answered. */
  readonly gapPp: number | null;
}

export interface RoleGaps {
  readonly role: Role;
  readonly kind: Kind;
  readonly units: number;
  readonly respondents: number;
  readonly categories: readonly GapCategory[];
}

export interface Gaps {
  readonly asOf: Date | null;
  /** Per kind and role that has units of that kind. */
  readonly roles: readonly RoleGaps[];
  /** Each unit's category index per grouping key (-1: no value), for scoring the chase list. */
  readonly unitCategories: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

/** Table 1's gaps for every role and both kinds of unit, as they stood at `asOf` (everything stored without it). */
export async function representativenessGaps(
  store: Store,
  year: number,
  asOf?: Date,
  keys: readonly string[] = defaultRepresentativenessGroupings,
): Promise<Gaps> {
  const round = await getRound(store, year);
  const at = asOf?.toISOString();
  const groupings = [];
  for (const key of keys) {
    const g = await getGrouping(store, key);
    const c = categorySql(g);
    // County groupings have no categories of their own to be under- or overrepresented in here.
    if (c) groupings.push({ g, c });
  }
  const submitted = new Map<string, number>(); // kind|role|grouping|category → units submitted
  const units = new Map<string, number>(); // kind|grouping|category → units
  const perUnit = new Map<string, Map<string, number>>();
  const rolesByKind = new Map<Kind, Set<Role>>();
  const add = (m: Map<string, number>, k: string, n: number) => m.set(k, (m.get(k) ?? 0) + n);
  for (const { g, c } of groupings) {
    for (const r of await repo.statusCounts(store.db, year, round.registryYear, c as CategorySql, at)) {
      rolesByKind.set(r.kind, (rolesByKind.get(r.kind) ?? new Set<Role>()).add(r.role as Role));
      if (r.status === 'submitted') add(submitted, `${r.kind}|${r.role}|${g.key}|${r.category}`, r.units);
    }
    for (const r of await repo.unitsPerCategory(store.db, year, round.registryYear, c))
      add(units, `${r.kind}|${g.key}|${r.category}`, r.units);
    for (const r of await repo.unitCategories(store.db, year, round.registryYear, c)) {
      const m = perUnit.get(r.unit_number) ?? new Map<string, number>();
      m.set(g.key, r.category);
      perUnit.set(r.unit_number, m);
    }
  }
  const out: RoleGaps[] = [];
  const first = groupings[0];
  for (const kind of ['kommune', 'bydel'] as const) {
    const kindRoles = rolesByKind.get(kind);
    if (!kindRoles || !first) continue;
    // The totals are the same under every grouping (units without a value are category -1).
    const sumOver = (m: Map<string, number>, prefix: string) => [...m].filter(([k]) => k.startsWith(prefix)).reduce((s, [, n]) => s + n, 0);
    const allUnits = sumOver(units, `${kind}|${first.g.key}|`);
    for (const role of roles.filter((r) => kindRoles.has(r))) {
      const allRespondents = sumOver(submitted, `${kind}|${role}|${first.g.key}|`);
      const cats: GapCategory[] = [];
      for (const { g } of groupings) {
        for (const cat of categories(g)) {
          const n = units.get(`${kind}|${g.key}|${cat.index}`) ?? 0;
          const k = submitted.get(`${kind}|${role}|${g.key}|${cat.index}`) ?? 0;
          // A category without units of this kind (most size classes, for districts) is no gap.
          if (n === 0 && k === 0) continue;
          const unitShare = allUnits > 0 ? n / allUnits : 0;
          const respondentShare = allRespondents > 0 ? k / allRespondents : null;
          cats.push({
            grouping: { key: g.key, label: g.label },
            index: cat.index,
            label: cat.label,
            units: n,
            respondents: k,
            unitShare,
            respondentShare,
            gapPp: respondentShare === null ? null : 100 * (respondentShare - unitShare),
          });
        }
      }
      out.push({ role, kind, units: allUnits, respondents: allRespondents, categories: cats });
    }
  }
  return { asOf: asOf ?? null, roles: out, unitCategories: perUnit };
}

/**
 * The largest gaps of a role (by size, either sign), at most `count`; a category without a gap
 * (e.g. one that every unit is in) is not one of them.
 */
export function largestGaps(r: RoleGaps, count = 3): GapCategory[] {
  return r.categories
    .filter((c) => c.gapPp !== null && Math.abs(c.gapPp) > 1e-9)
    .sort((a, b) => Math.abs(b.gapPp as number) - Math.abs(a.gapPp as number))
    .slice(0, count);
}

/**
 * How much one more answer from a unit would shrink the role's gaps: the sum of squared gaps
 * (pp²) over the groupings now minus the same after the answer. Positive: the respondents come
 * closer to the registry.
 */
export function answerGain(r: RoleGaps, unitCategory: ReadonlyMap<string, number> | undefined): number {
  const n = r.respondents;
  let gain = 0;
  for (const c of r.categories) {
    const mine = unitCategory?.get(c.grouping.key) === c.index ? 1 : 0;
    const before = 100 * (n > 0 ? c.respondents / n : 0) - 100 * c.unitShare;
    const after = 100 * ((c.respondents + mine) / (n + 1)) - 100 * c.unitShare;
    gain += before * before - after * after;
  }
  return gain;
}

/** The unit's own categories that are underrepresented, largest gap first. */
export function underrepresented(r: RoleGaps, unitCategory: ReadonlyMap<string, number> | undefined): GapCategory[] {
  return r.categories
    .filter((c) => unitCategory?.get(c.grouping.key) === c.index && c.gapPp !== null && c.gapPp < 0)
    .sort((a, b) => (a.gapPp as number) - (b.gapPp as number));
}
