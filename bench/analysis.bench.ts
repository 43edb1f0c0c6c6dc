import { sql } from 'kysely';
import { type FrequenciesJson, frequenciesJson } from '../src/analysis/breakdown.ts';
import { exactP } from '../src/analysis/stats/index.ts';
import { Weighting } from '../src/analysis/weights.ts';
import { saveResponses } from '../src/collect/response.service.ts';
import { simulateResponses } from '../src/demo/responses.demo.ts';
import type { Role } from '../src/questionnaire/model.ts';
import { listGroupings } from '../src/registry/grouping.service.ts';
import { parseRegistryCsv } from '../src/registry/registry.csv.ts';
import { saveRegistry } from '../src/registry/registry.service.ts';
import type { Unit } from '../src/registry/registry.types.ts';
import { createRound, getRound, roundQuestionnaires } from '../src/round/round.service.ts';
import { readCsv } from '../src/shared/csv.ts';
import { openBenchStore } from './store.ts';
import { syntheticRegistry } from './synthetic.ts';

const [dialect = 'sqlite', sizeArg = '422', rateArg = '0.95', secondsArg = '0'] = process.argv.slice(2);
const units = Number(sizeArg);
/** Share of the units that submit per role; simulateResponses adds 5 % started but not submitted. */
const rate = Number(rateArg);
/** Time budget of (b) in seconds, 0 for none: past it the remaining breakdowns are left out. */
const budgetMs = Number(secondsArg) * 1000;
const year = 2019;
const batchUnits = 10_000;

/** The synthetic registry with every unit a municipality (the 6-digit "districts" keep their numbers). */
function municipalities(n: number): Unit[] {
  return parseRegistryCsv(readCsv(syntheticRegistry(n).csv, 'registry.csv')).map((u) => ({ ...u, kind: 'kommune', parentNumber: null }));
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

interface TestJson {
  p: number | null;
  p_exact: number | null;
  exact_method?: 'fisher' | 'monte-carlo';
  /** The Monte Carlo seed, one per question, grouping and table (stats/random.ts `tableSeed`). */
  seed?: number;
}

type TableJson = { n?: number; options?: readonly { count: number }[] };

/** The groups × codes tables that were tested, rebuilt from the JSON (as breakdown.ts builds them). */
function testedTables(f: FrequenciesJson): { table: number[][]; test: TestJson | null }[] {
  const groups = f.groups ?? [];
  const counts = (t: TableJson | undefined) => (t?.options ?? []).map((o) => o.count);
  if (f.option_tests) {
    return f.option_tests.map((o, k) => ({
      table: groups.map((g) => {
        const chosen = g.options?.[k]?.count ?? 0;
        return [chosen, (g.n ?? 0) - chosen];
      }),
      test: o.test as TestJson | null,
    }));
  }
  if (f.item_tests) {
    return f.item_tests.map((o) => ({
      table: groups.map((g) => counts(g.items?.find((i) => i.key === o.key))),
      test: o.test as TestJson | null,
    }));
  }
  if (f.test === undefined) return [];
  return [{ table: groups.map((g) => counts(g)), test: f.test as TestJson | null }];
}

const { store, dispose } = await openBenchStore(dialect, 'analysis');
try {
  // Setup (not part of the analysis figures).
  let t = performance.now();
  const registry = municipalities(units);
  await saveRegistry(store, year, registry);
  await createRound(store, { year, template: 'kommuneundersokelse-2019' });
  const round = await getRound(store, year);
  const questionnaires = await roundQuestionnaires(store, year);
  const window = { opensAt: round.opensAt, closesAt: round.closesAt };
  let seed = year * 10;
  for (const [, qn] of questionnaires) {
    for (let i = 0; i < registry.length; i += batchUnits) {
      const inputs = simulateResponses(qn, registry.slice(i, i + batchUnits), { rate, seed: seed++, window });
      await saveResponses(store, year, qn.role, inputs, round.closesAt);
    }
  }
  // PostgreSQL: vacuumed and analysed, as autovacuum leaves it soon after a bulk load (statistics
  // for the planner, the visibility map for index-only scans). SQLite: as the application leaves
  // it (it never runs ANALYZE).
  if (dialect === 'postgres') await sql`vacuum analyze unit, unit_attribute, round_unit, response, answer`.execute(store.db);
  const counts = await store.db
    .selectFrom('response')
    .select(['status', sql<number>`count(*)`.as('n')])
    .groupBy('status')
    .execute();
  const answerRows = Number((await store.db.selectFrom('answer').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);
  const setupMs = performance.now() - t;

  const countable: { role: Role; key: string; type: string }[] = [];
  for (const [role, qn] of questionnaires) {
    for (const q of qn.questions) if (q.type !== 'text' && q.type !== 'integer') countable.push({ role, key: q.key, type: q.type });
  }
  const groupings = [...new Set([...(await listGroupings(store)).map((g) => g.grouping.key), 'fylke'])];

  // Memory during the analysis, sampled after every call (the peak RSS of the process also
  // covers the setup; a timer would not fire on SQLite, whose driver never yields).
  let analysisRss = 0;
  const sample = () => {
    analysisRss = Math.max(analysisRss, process.memoryUsage.rss());
  };

  // (a) Frequencies.
  t = performance.now();
  for (const c of countable) {
    await frequenciesJson(store, year, c.role, c.key, undefined);
    sample();
  }
  const freqMs = performance.now() - t;

  // (b) Breakdowns, in an order that mixes roles, questions and groupings (a stride through the
  // question × grouping list), so that a run cut short by the budget is still a fair sample.
  const calls = countable.flatMap((c) => groupings.map((by) => ({ ...c, by })));
  let stride = 97;
  while (gcd(stride, calls.length) !== 1) stride++;
  const order = calls.map((_, k) => calls[(k * stride) % calls.length] as (typeof calls)[number]);
  const results: { role: Role; key: string; type: string; by: string; ms: number; json: FrequenciesJson }[] = [];
  t = performance.now();
  for (const c of order) {
    if (budgetMs > 0 && performance.now() - t >= budgetMs) break;
    const s = performance.now();
    const json = await frequenciesJson(store, year, c.role, c.key, c.by);
    results.push({ ...c, ms: performance.now() - s, json });
    sample();
  }
  const breakdownMs = performance.now() - t;

  // The same with weights on: one Weighting for the run, as a report build shares one. First the
  // raking of the three roles on its own (cell counts from the database, then the fitting), then
  // (a) and (b) as above, each call weighted (its counts per cell and question, the variances).
  const weighting = new Weighting(store, year);
  t = performance.now();
  const weights = [];
  for (const [role] of questionnaires) weights.push((await weighting.forRole(role)).summary);
  const weightsMs = performance.now() - t;
  t = performance.now();
  for (const c of countable) {
    await frequenciesJson(store, year, c.role, c.key, undefined, { weighted: weighting });
    sample();
  }
  const freqWeightedMs = performance.now() - t;
  let breakdownWeighted = 0;
  t = performance.now();
  for (const c of order) {
    if (budgetMs > 0 && performance.now() - t >= budgetMs) break;
    await frequenciesJson(store, year, c.role, c.key, c.by, { weighted: weighting });
    breakdownWeighted++;
    sample();
  }
  const breakdownWeightedMs = performance.now() - t;

  // Which tests computed an exact p; a sample of the Monte Carlo ones is run again on its own,
  // outside the timed run, to see what they cost (and that the same p comes out).
  let tests = 0;
  let fisher = 0;
  let mcCallMs = 0;
  const mcTables: number[][][] = [];
  const mcP: (number | null)[] = [];
  const mcSeed: (number | undefined)[] = [];
  const mcByGrouping = new Map<string, number>();
  for (const r of results) {
    let hasMc = false;
    for (const { table, test } of testedTables(r.json)) {
      if (!test) continue;
      tests++;
      if (test.exact_method === 'fisher') fisher++;
      if (test.exact_method !== 'monte-carlo') continue;
      hasMc = true;
      mcTables.push(table);
      mcP.push(test.p_exact);
      mcSeed.push(test.seed);
      mcByGrouping.set(r.by, (mcByGrouping.get(r.by) ?? 0) + 1);
    }
    if (hasMc) mcCallMs += r.ms;
  }
  const mcSample = Math.min(mcTables.length, 40);
  let mcSampleMs = 0;
  let mismatches = 0;
  for (let k = 0; k < mcSample; k++) {
    const i = Math.floor((k * mcTables.length) / mcSample);
    const s = performance.now();
    const seed = mcSeed[i];
    const again = exactP(mcTables[i] as number[][], seed === undefined ? {} : { seed });
    mcSampleMs += performance.now() - s;
    if (again.p !== mcP[i]) mismatches++;
  }
  const mcMs = mcSample > 0 ? (mcSampleMs / mcSample) * mcTables.length : 0;
  const byGrouping = groupings.map((g) => ({
    by: g,
    tables: results.filter((r) => r.by === g).length,
    ms: Math.round(results.filter((r) => r.by === g).reduce((s, r) => s + r.ms, 0)),
    monte_carlo: mcByGrouping.get(g) ?? 0,
  }));
  const slowest = [...results]
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 5)
    .map((r) => ({ call: `${r.role}.${r.key} (${r.type}) by ${r.by}`, ms: Math.round(r.ms) }));

  process.stdout.write(
    `${JSON.stringify({
      dialect,
      units,
      rate,
      responses: Object.fromEntries(counts.map((c) => [c.status, Number(c.n)])),
      answer_rows: answerRows,
      setup_ms: Math.round(setupMs),
      questions: countable.length,
      groupings,
      freq_tables: countable.length,
      freq_ms: Math.round(freqMs),
      breakdown_tables: results.length,
      breakdown_total: calls.length,
      capped: results.length < calls.length,
      breakdown_ms: Math.round(breakdownMs),
      weights_ms: Math.round(weightsMs),
      weights: weights.map((w) => ({ role: w.role, n: w.respondents, iterations: w.iterations, deff: w.deff, trimmed: w.trimmed })),
      freq_weighted_ms: Math.round(freqWeightedMs),
      breakdown_weighted_tables: breakdownWeighted,
      breakdown_weighted_ms: Math.round(breakdownWeightedMs),
      tests,
      fisher,
      monte_carlo: mcTables.length,
      monte_carlo_sampled: mcSample,
      monte_carlo_ms: Math.round(mcMs),
      monte_carlo_calls_ms: Math.round(mcCallMs),
      monte_carlo_mismatches: mismatches,
      by_grouping: byGrouping,
      slowest,
      analysis_rss_mb: Math.round(analysisRss / 1024 / 1024),
      peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
    })}\n`,
  );
} finally {
  await dispose();
}
