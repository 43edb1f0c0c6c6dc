/**
 * Trends: the same question (by key) across rounds, as the share of units choosing some options,
 * with a 95 % Wilson interval per year (optionally with the finite-population correction, the
 * units of that round being the population). Options that did not exist in every year are left
 * out and the base recomputed: a single-choice answer on such an option (2019's new "Vet ikke")
 * leaves the base; for multiple choice the base is every unit that answered. Each year is counted
 * on its own division; municipalities unless the capital's districts are asked for.
 */
import { optionsOf } from '../questionnaire/answer.ts';
import type { Role } from '../questionnaire/model.ts';
import { textIn } from '../questionnaire/model.ts';
import { getGrouping } from '../registry/grouping.service.ts';
import { categories, classify } from '../registry/grouping.ts';
import { getRegistry, resolveMapping } from '../registry/registry.service.ts';
import { listRounds, roundQuestionnaire, roundUnits } from '../round/round.service.ts';
import { invalid } from '../shared/errors.ts';
import { msg } from '../shared/i18n/message.ts';
import type { Store } from '../store/store.ts';
import * as repo from './analysis.repository.ts';
import { type FpcStatus, fpcStatus } from './frequencies.ts';
import { wilson } from './stats/index.ts';

export interface TrendGroup {
  readonly label: string;
  readonly n: number;
  readonly count: number;
  readonly share: number | null;
  readonly ci95: readonly [number, number] | null;
}

export interface TrendYear {
  /** With a grouping: per category of the newest round's division, earlier units mapped onto it. */
  readonly groups?: readonly TrendGroup[];
  readonly year: number;
  readonly n: number;
  readonly count: number;
  readonly share: number | null;
  readonly ci95: readonly [number, number] | null;
  readonly population: number;
  /** Whether the interval uses the finite-population correction (asked for, and n ≤ population), and why not. */
  readonly fpc: FpcStatus;
}

export interface Trend {
  readonly role: Role;
  readonly question: string;
  readonly text: string;
  readonly codes: readonly number[];
  readonly labels: readonly string[];
  /** Options left out because they did not exist every year. */
  readonly excludedOptions: readonly { readonly code: number; readonly label: string; readonly years: readonly number[] }[];
  readonly fpc: boolean;
  readonly years: readonly TrendYear[];
  /** Years in the range without a round or without the question. */
  readonly missingYears: readonly number[];
  /** The grouping, when broken down: categories of the newest round's registry year. */
  readonly by?: { readonly key: string; readonly label: string; readonly registryYear: number };
}

export async function trend(
  store: Store,
  role: Role,
  question: string,
  codes: readonly number[],
  from: number,
  to: number,
  options: { fpc?: boolean; by?: string; kind?: repo.UnitKind } = {},
): Promise<Trend> {
  const kind = options.kind ?? 'kommune';
  if (from > to) throw invalid(msg('analysis.years_reversed', { from, to }));
  const rounds = (await listRounds(store)).filter((r) => r.year >= from && r.year <= to);
  const found = [];
  const missing: number[] = [];
  for (let y = from; y <= to; y++) {
    const round = rounds.find((r) => r.year === y);
    const q = round ? (await roundQuestionnaire(store, y, role).catch(() => null))?.questions.find((x) => x.key === question) : undefined;
    if (!round || !q) missing.push(y);
    else found.push({ round, q });
  }
  if (found.length === 0) throw invalid(msg('analysis.never_asked', { from, to, role, question }));
  const codesByYear = found.map((f) => new Set(optionsOf(f.q).map((o) => o.code)));
  const common = [...(codesByYear[0] ?? [])].filter((c) => codesByYear.every((s) => s.has(c)));
  const unknown = codes.filter((c) => !common.includes(c));
  if (unknown.length > 0)
    throw invalid(msg('analysis.option_not_every_year', { question, codes: unknown.join(', '), common: common.join(', ') }));
  const last = found[found.length - 1] as (typeof found)[number];
  const labelOf = (code: number) => {
    const o = optionsOf(last.q).find((x) => x.code === code);
    return o ? textIn(o.label, 'nb') : String(code);
  };
  const excluded = new Map<number, { code: number; label: string; years: number[] }>();
  for (const f of found) {
    for (const o of optionsOf(f.q)) {
      if (common.includes(o.code)) continue;
      const e = excluded.get(o.code) ?? { code: o.code, label: textIn(o.label, 'nb'), years: [] };
      e.years.push(f.round.year);
      excluded.set(o.code, e);
    }
  }
  const years: TrendYear[] = [];
  const grouping = options.by ? await getGrouping(store, options.by) : null;
  const targetYear = last.round.registryYear;
  const targetUnits = grouping ? new Map((await getRegistry(store, targetYear)).map((u) => [u.number, u])) : new Map();
  const cats = grouping ? categories(grouping, [...targetUnits.values()]) : [];
  for (const { round, q } of found) {
    const count = await repo.respondentsWithCodes(store.db, round.year, round.registryYear, role, question, codes, kind);
    const n =
      q.type === 'multi'
        ? (await repo.answeredCounts(store.db, round.year, round.registryYear, role, question, kind, null)).reduce((s, r) => s + r.n, 0)
        : await repo.respondentsWithCodes(store.db, round.year, round.registryYear, role, question, common, kind);
    const units = new Set(await roundUnits(store, round.year, role));
    const population = (await repo.unitsOfKind(store.db, round.registryYear, kind)).filter((u) => units.has(u)).length;
    let groups: TrendGroup[] | undefined;
    if (grouping) {
      // Each responding unit counts in the category of the unit it became in the newest division
      // (a merge: the new unit; a split: the part with the largest share).
      const mapping = round.registryYear === targetYear ? null : await resolveMapping(store, round.registryYear, targetYear);
      const successor = new Map<string, { to: string; share: number }>();
      for (const m of mapping ?? []) {
        const prev = successor.get(m.fromNumber);
        if (!prev || (m.share ?? 1) > prev.share) successor.set(m.fromNumber, { to: m.toNumber, share: m.share ?? 1 });
      }
      const sums = new Map<number, { n: number; count: number }>();
      const perUnit = await repo.unitChoices(
        store.db,
        round.year,
        round.registryYear,
        role,
        question,
        codes,
        q.type === 'multi' ? null : common,
        kind,
      );
      for (const u of perUnit) {
        const now = targetUnits.get(mapping ? (successor.get(u.unit_number)?.to ?? '') : u.unit_number);
        const c = now ? classify(grouping, now) : null;
        if (!c || !u.in_base) continue;
        const s = sums.get(c.index) ?? { n: 0, count: 0 };
        s.n += 1;
        s.count += u.chose;
        sums.set(c.index, s);
      }
      groups = cats.map((c) => {
        const s = sums.get(c.index) ?? { n: 0, count: 0 };
        return { label: c.label, n: s.n, count: s.count, share: s.n > 0 ? s.count / s.n : null, ci95: wilson(s.count, s.n) };
      });
    }
    const fpc = fpcStatus(options.fpc === true, population, n);
    years.push({
      ...(groups ? { groups } : {}),
      year: round.year,
      n,
      count,
      share: n > 0 ? count / n : null,
      ci95: wilson(count, n, fpc.applied ? { fpc: { population } } : {}),
      population,
      fpc,
    });
  }
  return {
    role,
    question,
    text: textIn(last.q.text, 'nb'),
    codes,
    labels: codes.map(labelOf),
    excludedOptions: [...excluded.values()],
    fpc: options.fpc === true,
    years,
    missingYears: missing,
    ...(grouping ? { by: { key: grouping.key, label: grouping.label, registryYear: targetYear } } : {}),
  };
}
