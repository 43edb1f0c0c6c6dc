/**
 * Table 1 after weighting: beside the registry's distribution and the respondents' as counted,
 * the respondents' distribution weighted (their weights summed per category, as a share of the
 * role's population) and its distance from the registry's in percentage points. On the margins
 * the weights were raked to, the distance is the raking's tolerance (unless categories were
 * merged or the cap stopped it); on other groupings it shows what the weights did not repair.
 */
import { type Role, roles } from '../questionnaire/model.ts';
import { getGrouping } from '../registry/grouping.service.ts';
import { getRound } from '../round/round.service.ts';
import type { Message } from '../shared/i18n/message.ts';
import type { Store } from '../store/store.ts';
import { groupByOf, type Representativeness, representativenessJson } from './representativeness.ts';
import * as wrepo from './weights.repository.ts';
import { Weighting, type WeightSettings, type WeightsSummary, weightingFor, weightsJson, weightsNotes } from './weights.ts';

export interface WeightedTable1 {
  /** Per grouping and category of the table (same order): weighted share (0–1) and difference in points, per role. */
  readonly groupings: readonly {
    readonly key: string;
    readonly categories: readonly { readonly share: Partial<Record<Role, number>>; readonly diffPp: Partial<Record<Role, number>> }[];
  }[];
  readonly weights: Partial<Record<Role, WeightsSummary>>;
  /** Merged categories and margins not met, per role. */
  readonly notes: readonly Message[];
}

/** The weighted columns of Table 1 `r` (roles without respondents have none). */
export async function weightedTable1(
  store: Store,
  r: Representativeness,
  weighted: true | Weighting | WeightSettings,
): Promise<WeightedTable1> {
  const kind = r.units;
  const weighting =
    weighted instanceof Weighting || weighted === true
      ? weightingFor(store, r.year, kind, weighted)
      : new Weighting(store, r.year, kind, weighted);
  const round = await getRound(store, r.year);
  const active = roles.filter((role) => (r.respondents[role] ?? 0) > 0);
  const weights: Partial<Record<Role, WeightsSummary>> = {};
  const roleWeights = new Map<Role, Awaited<ReturnType<Weighting['forRole']>>>();
  for (const role of active) {
    const rw = await weighting.forRole(role);
    roleWeights.set(role, rw);
    weights[role] = rw.summary;
  }
  const cellGroupings = await weighting.cellGroupings();
  const groupings = [];
  for (const g of r.groupings) {
    const by = g.key === 'fylke' ? ({ kind: 'county' } as const) : groupByOf(await getGrouping(store, g.key));
    const rows = await wrepo.respondentCells(store.db, r.year, round.registryYear, kind, cellGroupings, by);
    // Weighted respondents per role and category (the category's raw key: index, or county number).
    const sums = new Map<string, number>();
    for (const row of rows) {
      const rw = roleWeights.get(row.role as Role);
      const i = rw?.index.get(row.cell.join('|'));
      if (!rw || i === undefined) continue;
      const key = `${row.role}\u0000${row.grp}`;
      sums.set(key, (sums.get(key) ?? 0) + row.n * (rw.weights[i] as number));
    }
    groupings.push({
      key: g.key,
      categories: g.categories.map((c) => {
        const share: Partial<Record<Role, number>> = {};
        const diffPp: Partial<Record<Role, number>> = {};
        for (const role of active) {
          const N = weights[role]?.population ?? 0;
          const s = N > 0 ? (sums.get(`${role}\u0000${c.key}`) ?? 0) / N : 0;
          share[role] = s;
          diffPp[role] = 100 * (s - (r.population > 0 ? c.population / r.population : 0));
        }
        return { share, diffPp };
      }),
    });
  }
  const notes = active.flatMap((role) => (weights[role] ? weightsNotes(weights[role]) : []));
  return { groupings, weights, notes };
}

/** The JSON of `analyze representativeness --weighted --json`: Table 1's with the weighted columns. */
export function weightedRepresentativenessJson(r: Representativeness, w: WeightedTable1) {
  const plain = representativenessJson(r);
  return {
    ...plain,
    groupings: plain.groupings.map((g, gi) => ({
      ...g,
      categories: g.categories.map((c, ci) => {
        const x = w.groupings[gi]?.categories[ci];
        return { ...c, weighted_share: x?.share ?? {}, weighted_diff_pp: x?.diffPp ?? {} };
      }),
    })),
    weights: Object.values(w.weights).map((s) => weightsJson(s)),
  };
}
