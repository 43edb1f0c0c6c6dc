/**
 * Representativeness (Table 1 of the report): for each grouping, the municipalities of the round
 * per category and the respondents (submitted) per role, and how far the respondents'
 * distribution lies from the population's, in percentage points:
 * 45/230 − 95/422 = −3.0 points. Municipalities by default; the capital's districts apart, in a
 * table of their own (`kind: 'bydel'`): there the default groupings are those some district has a
 * value for (districts have no years with settlement) and categories without districts are left
 * out, since the categories are made for municipalities (most size classes hold no district).
 */
import { type Role, roles } from '../questionnaire/model.ts';
import { getGrouping } from '../registry/grouping.service.ts';
import { categorySql } from '../registry/grouping.sql.ts';
import { categories as categoriesOf, type Grouping } from '../registry/grouping.ts';
import { getRound } from '../round/round.service.ts';
import type { Store } from '../store/store.ts';
import * as repo from './analysis.repository.ts';

export const defaultRepresentativenessGroupings = ['storrelse', 'sentralitet', 'innvandrerandel', 'ar_med_bosetting'] as const;

export interface RepresentativenessCategory {
  /** The category as the database groups it: its index in the grouping, or the county number. */
  readonly key: string;
  readonly label: string;
  readonly population: number;
  readonly respondents: Partial<Record<Role, number>>;
  /** Respondents' share minus the population's share, in percentage points (unrounded). */
  readonly diffPp: Partial<Record<Role, number>>;
}

export interface Representativeness {
  readonly year: number;
  /** Municipalities, or the capital's districts. */
  readonly units: repo.UnitKind;
  readonly population: number;
  readonly respondents: Partial<Record<Role, number>>;
  readonly groupings: readonly {
    readonly key: string;
    readonly label: string;
    readonly categories: readonly RepresentativenessCategory[];
    readonly missing: number;
  }[];
}

export function groupByOf(g: Grouping): repo.GroupBy {
  const c = categorySql(g);
  return c ? { kind: 'category', sql: c } : { kind: 'county' };
}

export async function representativeness(
  store: Store,
  year: number,
  keys?: readonly string[],
  options: { readonly kind?: repo.UnitKind } = {},
): Promise<Representativeness> {
  const kind = options.kind ?? 'kommune';
  const districts = kind === 'bydel';
  const round = await getRound(store, year);
  const total = await repo.unitsByGroup(store.db, year, round.registryYear, kind, null);
  const population = total.reduce((s, r) => s + r.n, 0);
  const totalRespondents: Partial<Record<Role, number>> = {};
  for (const r of await repo.respondentsByGroup(store.db, year, round.registryYear, kind, null)) totalRespondents[r.role as Role] = r.n;
  const counties = new Map((await repo.countyNames(store.db, round.registryYear)).map((c) => [c.county_number, c.county_name]));
  const groupings = [];
  for (const key of keys ?? defaultRepresentativenessGroupings) {
    const g = await getGrouping(store, key);
    const by = groupByOf(g);
    const units = await repo.unitsByGroup(store.db, year, round.registryYear, kind, by);
    const resp = await repo.respondentsByGroup(store.db, year, round.registryYear, kind, by);
    // A default grouping no district has a value for says nothing about the districts.
    if (districts && keys === undefined && population > 0 && units.every((u) => u.grp === '-1')) continue;
    const cats = (
      g.kind === 'county'
        ? [...new Set(units.map((u) => u.grp))].sort().map((n) => ({ key: n, label: counties.get(n) ?? n }))
        : categoriesOf(g).map((c) => ({ key: String(c.index), label: c.label }))
    ).filter((c) => !districts || units.some((u) => u.grp === c.key));
    groupings.push({
      key: g.key,
      label: g.label,
      missing: units.find((u) => u.grp === '-1')?.n ?? 0,
      categories: cats.map((c) => {
        const popN = units.find((u) => u.grp === c.key)?.n ?? 0;
        const respondents: Partial<Record<Role, number>> = {};
        const diffPp: Partial<Record<Role, number>> = {};
        for (const role of roles) {
          const all = totalRespondents[role];
          if (all === undefined) continue;
          const n = resp.find((r) => r.role === role && r.grp === c.key)?.n ?? 0;
          respondents[role] = n;
          diffPp[role] = 100 * (n / all - popN / population);
        }
        return { key: c.key, label: c.label, population: popN, respondents, diffPp };
      }),
    });
  }
  return { year, units: kind, population, respondents: totalRespondents, groupings };
}

/** The JSON of `analyze representativeness --json`. */
export function representativenessJson(r: Representativeness) {
  return {
    year: r.year,
    units: r.units,
    population: r.population,
    respondents: r.respondents,
    groupings: r.groupings.map((g) => ({
      key: g.key,
      label: g.label,
      ...(g.missing > 0 ? { units_without_value: g.missing } : {}),
      categories: g.categories.map((c) => ({ label: c.label, population: c.population, respondents: c.respondents, diff_pp: c.diffPp })),
    })),
  };
}
