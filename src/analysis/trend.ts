/**
 * Trends: the same question (by key) across rounds, as the share of units choosing some options,
 * with a 95 % Wilson interval per year (optionally with the finite-population correction, the
 * units of that round being the population). Options that did not exist in every year are left
 * out and the base recomputed: a single-choice answer on such an option (2019's new "Vet ikke")
 * leaves the base; for multiple choice the base is every unit that answered. Each year is counted
 * on its own division; municipalities only.
 */
import { optionsOf } from '../questionnaire/answer.ts';
import type { Role } from '../questionnaire/model.ts';
import { textIn } from '../questionnaire/model.ts';
import { listRounds, roundQuestionnaire, roundUnits } from '../round/round.service.ts';
import { invalid } from '../shared/errors.ts';
import type { Store } from '../store/store.ts';
import * as repo from './analysis.repository.ts';
import { wilson } from './stats/index.ts';

export interface TrendYear {
  readonly year: number;
  readonly n: number;
  readonly count: number;
  readonly share: number | null;
  readonly ci95: readonly [number, number] | null;
  readonly population: number;
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
}

export async function trend(
  store: Store,
  role: Role,
  question: string,
  codes: readonly number[],
  from: number,
  to: number,
  options: { fpc?: boolean } = {},
): Promise<Trend> {
  if (from > to) throw invalid(`--years: ${from} is after ${to}`);
  const rounds = (await listRounds(store)).filter((r) => r.year >= from && r.year <= to);
  const found = [];
  const missing: number[] = [];
  for (let y = from; y <= to; y++) {
    const round = rounds.find((r) => r.year === y);
    const q = round ? (await roundQuestionnaire(store, y, role).catch(() => null))?.questions.find((x) => x.key === question) : undefined;
    if (!round || !q) missing.push(y);
    else found.push({ round, q });
  }
  if (found.length === 0) throw invalid(`no round from ${from} to ${to} asks ${role} "${question}"`);
  const codesByYear = found.map((f) => new Set(optionsOf(f.q).map((o) => o.code)));
  const common = [...(codesByYear[0] ?? [])].filter((c) => codesByYear.every((s) => s.has(c)));
  const unknown = codes.filter((c) => !common.includes(c));
  if (unknown.length > 0)
    throw invalid(`option ${unknown.join(', ')} of "${question}" does not exist every year (${common.join(', ')} do)`);
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
  for (const { round, q } of found) {
    const count = await repo.respondentsWithCodes(store.db, round.year, round.registryYear, role, question, codes, 'kommune');
    const n =
      q.type === 'multi'
        ? (await repo.answeredCounts(store.db, round.year, round.registryYear, role, question, 'kommune', null)).reduce(
            (s, r) => s + r.n,
            0,
          )
        : await repo.respondentsWithCodes(store.db, round.year, round.registryYear, role, question, common, 'kommune');
    const units = new Set(await roundUnits(store, round.year, role));
    const population = (await repo.unitsOfKind(store.db, round.registryYear, 'kommune')).filter((u) => units.has(u)).length;
    years.push({
      year: round.year,
      n,
      count,
      share: n > 0 ? count / n : null,
      ci95: wilson(count, n, options.fpc && population >= n ? { fpc: { population } } : {}),
      population,
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
  };
}
