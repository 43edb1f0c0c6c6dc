/**
 * Two further analyses of the report: county means of a 1–5 scale (without "Vet ikke"), for the
 * choropleth, and the association between two questions (cross-table, Spearman's rho on the
 * scale values, Pearson chi-square). Counts come grouped from SQL.
 */
import { optionsOf } from '../questionnaire/answer.ts';
import type { Question, Role } from '../questionnaire/model.ts';
import { textIn } from '../questionnaire/model.ts';
import { getRound } from '../round/round.service.ts';
import { invalid } from '../shared/errors.ts';
import { msg } from '../shared/i18n/message.ts';
import type { Store } from '../store/store.ts';
import * as repo from './analysis.repository.ts';
import { DEFAULT_MIN_N, findQuestion, questionCounts } from './frequencies.ts';
import { independenceTest, type NoTestReason, type TestResult } from './significance.ts';
import { spearman } from './stats/index.ts';

function scaleOf(q: Question): { min: number; max: number } | null {
  const s = q.type === 'scale' ? q.scale : q.type === 'matrix' ? q.scale : undefined;
  return s ? { min: s.min, max: s.max } : null;
}

/** `KEY` or `KEY.ITEM` (a matrix item). */
export function parseQuestionRef(raw: string): { question: string; item: string } {
  const [question = '', item = '', ...rest] = raw.split('.');
  if (question === '' || rest.length > 0) throw invalid(msg('analysis.not_question_ref', { raw }));
  return { question, item };
}

async function resolve(store: Store, year: number, role: Role, raw: string): Promise<{ q: Question; item: string; label: string }> {
  const ref = parseQuestionRef(raw);
  const q = await findQuestion(store, year, role, ref.question);
  if (q.type === 'matrix') {
    const item = q.items.find((i) => i.key === ref.item);
    if (!item) throw invalid(msg('analysis.matrix_needs_item', { question: ref.question, items: q.items.map((i) => i.key).join(', ') }));
    return { q, item: item.key, label: `${q.shortLabel ?? textIn(q.text, 'nb')}: ${textIn(item.label, 'nb')}` };
  }
  if (ref.item !== '') throw invalid(msg('analysis.not_matrix', { question: ref.question, item: ref.item }));
  return { q, item: '', label: q.shortLabel ?? textIn(q.text, 'nb') };
}

export interface CountyMean {
  readonly countyNumber: string;
  readonly county: string;
  readonly n: number;
  /** Null when nobody in the county answered on the scale, or fewer than the minimum N (`tooFew`). */
  readonly mean: number | null;
  /** 0 < n < minN: the mean is withheld ("for få svar"), so a county of 4 answers is not coloured like one of 40. */
  readonly tooFew: boolean;
}

/**
 * Mean of a 1–5 scale (codes outside the scale left out) per county; municipalities unless
 * districts are asked for. A county with fewer than `minN` answers on the scale (default 5) gets
 * no mean.
 */
export async function countyMeans(
  store: Store,
  year: number,
  role: Role,
  raw: string,
  kind: repo.UnitKind = 'kommune',
  minN: number = DEFAULT_MIN_N,
): Promise<{ question: string; label: string; text: string; counties: CountyMean[] }> {
  const { q, item, label } = await resolve(store, year, role, raw);
  const range = scaleOf(q);
  if (!range) throw invalid(msg('analysis.not_scale', { question: raw }));
  const round = await getRound(store, year);
  const { counts } = await questionCounts(store, year, role, q.key, kind, { kind: 'county' });
  const names = await repo.countyNames(store.db, round.registryYear);
  const counties = names
    .map((c) => {
      const m = counts.get(c.county_number)?.get(item) ?? new Map<number, number>();
      let n = 0;
      let sum = 0;
      for (const [code, k] of m) {
        if (code < range.min || code > range.max) continue;
        n += k;
        sum += code * k;
      }
      const tooFew = n > 0 && n < minN;
      return { countyNumber: c.county_number, county: c.county_name, n, mean: n > 0 && !tooFew ? sum / n : null, tooFew };
    })
    .filter((c) => counts.has(c.countyNumber) || c.n > 0);
  return { question: raw, label, text: textIn(q.text, 'nb'), counties };
}

export interface Association {
  readonly x: { readonly question: string; readonly label: string; readonly codes: readonly { code: number; label: string }[] };
  readonly y: { readonly question: string; readonly label: string; readonly codes: readonly { code: number; label: string }[] };
  /** counts[i][j]: respondents with x = codes[i] and y = codes[j]. */
  readonly table: readonly (readonly number[])[];
  readonly n: number;
  readonly chiSquare: TestResult | null;
  /** Why there is no chi-square test (one row or column with answers, or none): no_answers, one_group, all_same. */
  readonly noTest: NoTestReason | null;
  /** Spearman's rho on the scale values (both questions must be scales); codes outside the scales left out. */
  readonly spearman: { readonly rho: number | null; readonly p: number | null; readonly n: number } | null;
}

export async function association(
  store: Store,
  year: number,
  role: Role,
  first: string,
  second: string,
  kind: repo.UnitKind = 'kommune',
): Promise<Association> {
  const a = await resolve(store, year, role, first);
  const b = await resolve(store, year, role, second);
  const round = await getRound(store, year);
  const pairs = await repo.pairCounts(
    store.db,
    year,
    round.registryYear,
    role,
    { question: a.q.key, item: a.item },
    { question: b.q.key, item: b.item },
    kind,
  );
  const codesOf = (q: Question) => optionsOf(q).map((o) => ({ code: o.code, label: textIn(o.label, 'nb') }));
  const xs = codesOf(a.q);
  const ys = codesOf(b.q);
  const table = xs.map((x) => ys.map((y) => pairs.find((p) => p.x === x.code && p.y === y.code)?.n ?? 0));
  const ra = scaleOf(a.q);
  const rb = scaleOf(b.q);
  let rank: Association['spearman'] = null;
  if (ra && rb) {
    const onScale = pairs.filter((p) => p.x >= ra.min && p.x <= ra.max && p.y >= rb.min && p.y <= rb.max);
    const s = spearman(onScale.map((p) => ({ x: p.x, y: p.y, count: p.n })));
    rank = { rho: s.rho, p: s.p, n: s.n };
  }
  const chi = independenceTest(
    table.map((r) => [...r]),
    [year, role, first, second, kind],
  );
  return {
    x: { question: first, label: a.label, codes: xs },
    y: { question: second, label: b.label, codes: ys },
    table,
    n: pairs.reduce((s, p) => s + p.n, 0),
    chiSquare: chi.test,
    noTest: chi.reason,
    spearman: rank,
  };
}
