/**
 * Monitoring a round while it is collected: per role how many units were invited, started and
 * submitted; how many municipalities answered at least one questionnaire; how much of the
 * country's population and immigrants the responding municipalities stand for; rates by county
 * and by any grouping; submissions per day; and who still has to be chased. Counts come grouped
 * from SQL; this module only adds them up. Municipalities and Oslo's districts are kept apart.
 * The dashboard, the chase list and the start page pass the app's clock as `asOf` ("tall per …"):
 * nothing that happened after it counts. The chase list puts first, per role, the units whose
 * answer would shrink Table 1's gaps the most (gaps.ts), then the larger population.
 */
import { type Role, roles } from '../questionnaire/model.ts';
import { getGrouping } from '../registry/grouping.service.ts';
import { categorySql } from '../registry/grouping.sql.ts';
import { getRound } from '../round/round.service.ts';
import { type Message, msg } from '../shared/i18n/message.ts';
import { osloDate } from '../shared/time.ts';
import type { Store } from '../store/store.ts';
import { answerGain, type RoleGaps, representativenessGaps, underrepresented } from './gaps.ts';
import * as repo from './monitor.repository.ts';

export interface RoleStatus {
  readonly units: number;
  readonly invited: number;
  /** Started or submitted. */
  readonly started: number;
  readonly submitted: number;
  /** submitted / units, 0–1. */
  readonly rate: number;
}

export interface Coverage {
  /** Share of the population (of all units taking part in the role) living in units that submitted. */
  readonly populationShare: number;
  readonly immigrantShare: number;
}

export interface KindStatus {
  readonly roles: Partial<Record<Role, RoleStatus>>;
  readonly anyRole: { readonly units: number; readonly submitted: number; readonly share: number };
  readonly coverage: Partial<Record<Role, Coverage>>;
}

export interface RoundStatus {
  readonly year: number;
  /** Municipalities. */
  readonly municipalities: KindStatus;
  /** The capital's city districts, reported apart. */
  readonly districts: KindStatus;
}

const ratio = (a: number, b: number) => (b > 0 ? a / b : 0);

function kindStatus(rows: readonly repo.StatusCountRow[], any: { units: number; submitted: number }): KindStatus {
  const out: Partial<Record<Role, RoleStatus>> = {};
  const coverage: Partial<Record<Role, Coverage>> = {};
  for (const role of roles) {
    const mine = rows.filter((r) => r.role === role);
    if (mine.length === 0) continue;
    const sum = (f: (r: repo.StatusCountRow) => number, where: (r: repo.StatusCountRow) => boolean = () => true) =>
      mine.filter(where).reduce((s, r) => s + f(r), 0);
    const units = sum((r) => r.units);
    const submitted = sum(
      (r) => r.units,
      (r) => r.status === 'submitted',
    );
    out[role] = {
      units,
      invited: sum(
        (r) => r.units,
        (r) => r.invited === 1,
      ),
      started: sum(
        (r) => r.units,
        (r) => r.status !== null,
      ),
      submitted,
      rate: ratio(submitted, units),
    };
    coverage[role] = {
      populationShare: ratio(
        sum(
          (r) => r.population ?? 0,
          (r) => r.status === 'submitted',
        ),
        sum((r) => r.population ?? 0),
      ),
      immigrantShare: ratio(
        sum(
          (r) => r.immigrants ?? 0,
          (r) => r.status === 'submitted',
        ),
        sum((r) => r.immigrants ?? 0),
      ),
    };
  }
  return { roles: out, anyRole: { ...any, share: ratio(any.submitted, any.units) }, coverage };
}

/** The round's counts, as they stood at `asOf` when given (otherwise everything stored). */
export async function roundStatus(store: Store, year: number, asOf?: Date): Promise<RoundStatus> {
  const round = await getRound(store, year);
  const at = asOf?.toISOString();
  const rows = await repo.statusCounts(store.db, year, round.registryYear, undefined, at);
  return {
    year,
    municipalities: kindStatus(
      rows.filter((r) => r.kind === 'kommune'),
      await repo.unitsAnyRole(store.db, year, round.registryYear, 'kommune', at),
    ),
    districts: kindStatus(
      rows.filter((r) => r.kind === 'bydel'),
      await repo.unitsAnyRole(store.db, year, round.registryYear, 'bydel', at),
    ),
  };
}

/** The JSON of `kommunepuls status --json`: municipalities, with the districts apart. */
export function statusJson(s: RoundStatus) {
  const shape = (k: KindStatus) => ({
    roles: Object.fromEntries(Object.entries(k.roles).map(([role, r]) => [role, { ...r }])),
    any_role: { submitted: k.anyRole.submitted, share: k.anyRole.share },
    coverage: Object.fromEntries(
      Object.entries(k.coverage).map(([role, c]) => [role, { population_share: c.populationShare, immigrant_share: c.immigrantShare }]),
    ),
  });
  return { year: s.year, ...shape(s.municipalities), districts: shape(s.districts) };
}

export interface CategoryRate {
  readonly label: string;
  readonly units: number;
  readonly submitted: number;
  readonly rate: number;
}

/** Response rates of municipalities per role by county (`fylke`) or by a grouping's categories, at `asOf` when given. */
export async function ratesBy(store: Store, year: number, by: string, asOf?: Date): Promise<{ role: Role; categories: CategoryRate[] }[]> {
  const round = await getRound(store, year);
  const at = asOf?.toISOString();
  let labels: (r: repo.StatusCountRow) => { key: string; label: string; order: number } | null;
  let rows: repo.StatusCountRow[];
  if (by === 'fylke') {
    rows = await repo.statusCounts(store.db, year, round.registryYear, undefined, at);
    labels = (r) => ({ key: r.county_number, label: r.county_name, order: Number(r.county_number) });
  } else {
    const g = await getGrouping(store, by);
    if (g.kind === 'county') return ratesBy(store, year, 'fylke', asOf);
    rows = await repo.statusCounts(store.db, year, round.registryYear, categorySql(g) ?? undefined, at);
    const names = g.kind === 'cuts' ? g.labels : [...g.categories.map((c) => c.label), ...(g.otherwise ? [g.otherwise] : [])];
    labels = (r) => (r.category < 0 ? null : { key: String(r.category), label: names[r.category] ?? '?', order: r.category });
  }
  const out: { role: Role; categories: CategoryRate[] }[] = [];
  for (const role of roles) {
    const byKey = new Map<string, { label: string; order: number; units: number; submitted: number }>();
    for (const r of rows) {
      if (r.role !== role || r.kind !== 'kommune') continue;
      const l = labels(r);
      if (!l) continue;
      const c = byKey.get(l.key) ?? { label: l.label, order: l.order, units: 0, submitted: 0 };
      c.units += r.units;
      if (r.status === 'submitted') c.submitted += r.units;
      byKey.set(l.key, c);
    }
    if (byKey.size === 0) continue;
    out.push({
      role,
      categories: [...byKey.values()]
        .sort((a, b) => a.order - b.order)
        .map((c) => ({ label: c.label, units: c.units, submitted: c.submitted, rate: ratio(c.submitted, c.units) })),
    });
  }
  return out;
}

/**
 * Submissions per Oslo day and role, every day of the window (and after, up to the last
 * submission); given `asOf`, only those submitted by then.
 */
export async function submissionsPerDay(
  store: Store,
  year: number,
  asOf?: Date,
): Promise<{ day: string; counts: Partial<Record<Role, number>> }[]> {
  const round = await getRound(store, year);
  const byDay = new Map<string, Partial<Record<Role, number>>>();
  for (let d = round.opensAt.getTime(); d < round.closesAt.getTime(); d += 86_400_000)
    byDay.set(osloDate(new Date(d + 12 * 3_600_000)), {});
  for (const r of await repo.submissionsByHour(store.db, year, asOf?.toISOString())) {
    const day = osloDate(new Date(`${r.hour}:30:00Z`));
    const counts = byDay.get(day) ?? {};
    counts[r.role as Role] = (counts[r.role as Role] ?? 0) + r.n;
    byDay.set(day, counts);
  }
  return [...byDay.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([day, counts]) => ({ day, counts }));
}

export interface ChaseEntry {
  readonly role: Role;
  readonly unitNumber: string;
  readonly unitName: string;
  readonly county: string;
  readonly kind: 'kommune' | 'bydel';
  readonly status: 'not_started' | 'in_progress';
  readonly lastSaved: Date | null;
  readonly mailsSent: number;
  readonly lastMail: Date | null;
  readonly lastContact: Date | null;
  readonly lastOutcome: string | null;
  readonly phone: string | null;
  /** Inhabitants (the registry's folketall), when known. */
  readonly population: number | null;
  /** By how much (pp², summed over Table 1's groupings) an answer from the unit would shrink the role's gaps. */
  readonly gain: number;
  /** Place in its role's list (municipalities and districts apart) before any filter (1: chase first). */
  readonly priority: number;
  /** Why it stands there: its underrepresented categories with their gaps, or that it has none. */
  readonly reasons: readonly Message[];
}

export interface ChaseFilter {
  readonly role?: Role;
  readonly county?: string;
  readonly status?: 'not_started' | 'in_progress';
  /** Only those never contacted by staff. */
  readonly notContacted?: boolean;
}

/** The reasons shown for a unit's place: its underrepresented categories, at most two. */
function reasonsOf(g: RoleGaps | undefined, cats: ReadonlyMap<string, number> | undefined): Message[] {
  if (!g || g.respondents === 0) return [msg('monitor.reason_no_answers')];
  const under = underrepresented(g, cats).slice(0, 2);
  if (under.length === 0) return [msg('monitor.reason_none')];
  return under.map((c) => msg('monitor.reason_under', { grouping: c.grouping.label, category: c.label, pp: -(c.gapPp as number) }));
}

/**
 * Who had not submitted at `asOf` (everything stored without it), with what had been tried, in
 * order of priority per role: the largest gain for Table 1 first, then the larger population;
 * filtered after the order is set, so a unit keeps its place.
 */
export async function chaseList(store: Store, year: number, filter: ChaseFilter = {}, asOf?: Date): Promise<ChaseEntry[]> {
  const round = await getRound(store, year);
  const gaps = await representativenessGaps(store, year, asOf);
  const gapsOf = new Map(gaps.roles.map((g) => [`${g.kind}|${g.role}`, g]));
  const seen = new Set<string>();
  const all: ChaseEntry[] = [];
  for (const r of await repo.chaseRows(store.db, year, round.registryYear, asOf?.toISOString())) {
    const key = `${r.role}:${r.unit_number}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const g = gapsOf.get(`${r.kind}|${r.role}`);
    const cats = gaps.unitCategories.get(r.unit_number);
    all.push({
      role: r.role as Role,
      unitNumber: r.unit_number,
      unitName: r.name,
      county: r.county_name,
      kind: r.kind,
      status: r.status ?? 'not_started',
      lastSaved: r.status && r.updated_at ? new Date(r.updated_at) : null,
      mailsSent: r.mails_sent,
      lastMail: r.last_mail_at ? new Date(r.last_mail_at) : null,
      lastContact: r.last_contact_at ? new Date(r.last_contact_at) : null,
      lastOutcome: r.last_outcome,
      phone: r.phone,
      population: r.population,
      gain: g ? answerGain(g, cats) : 0,
      priority: 0,
      reasons: reasonsOf(g, cats),
    });
  }
  // Per role, municipalities before the capital's districts (each measured against its own Table 1).
  const order = (e: ChaseEntry) => 2 * roles.indexOf(e.role) + (e.kind === 'bydel' ? 1 : 0);
  all.sort(
    (a, b) =>
      order(a) - order(b) || b.gain - a.gain || (b.population ?? -1) - (a.population ?? -1) || a.unitNumber.localeCompare(b.unitNumber),
  );
  const places = new Map<string, number>();
  const ranked = all.map((e) => {
    const priority = (places.get(`${e.role}|${e.kind}`) ?? 0) + 1;
    places.set(`${e.role}|${e.kind}`, priority);
    return { ...e, priority };
  });
  return ranked.filter(
    (e) =>
      (!filter.role || e.role === filter.role) &&
      (!filter.county || e.county === filter.county) &&
      (!filter.status || e.status === filter.status) &&
      !(filter.notContacted && e.lastContact),
  );
}
