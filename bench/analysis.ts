/**
 * The analysis scenario of `npm run bench` (BENCH_SCENARIOS=analysis): per dialect and size
 * (BENCH_SIZES), N synthetic municipalities answering all three questionnaires, then (a) the
 * frequencies of every countable question and (b) every such question broken down by every
 * built-in grouping (fylke included), as `analyze frequencies` computes them. Each run is a child
 * process (analysis.bench.ts). BENCH_ANALYSIS_SECONDS (default 40, 0 = no cap) caps the breakdowns of one run:
 * past it the rest is left out, the figures say how many were done, and the full time is
 * extrapolated from the rate (the calls run in an order that mixes roles, questions and groupings).
 */
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

export interface AnalysisRow {
  dialect: string;
  units: number;
  rate: number;
  responses: Record<string, number>;
  answer_rows: number;
  setup_ms: number;
  questions: number;
  groupings: string[];
  freq_tables: number;
  freq_ms: number;
  breakdown_tables: number;
  breakdown_total: number;
  breakdown_ms: number;
  /** Raking the three roles (cell counts and fitting), then (a) and (b) with weights on. */
  weights_ms: number;
  weights: { role: string; n: number; iterations: number; deff: number; trimmed: number }[];
  freq_weighted_ms: number;
  breakdown_weighted_tables: number;
  breakdown_weighted_ms: number;
  capped: boolean;
  tests: number;
  fisher: number;
  monte_carlo: number;
  monte_carlo_sampled: number;
  monte_carlo_ms: number;
  monte_carlo_calls_ms: number;
  monte_carlo_mismatches: number;
  by_grouping: { by: string; tables: number; ms: number; monte_carlo: number }[];
  slowest: { call: string; ms: number }[];
  analysis_rss_mb: number;
  peak_rss_mb: number;
}

function table(head: string[], rows: string[][]): void {
  const width = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => (i < 2 ? c.padEnd(width[i] ?? 0) : c.padStart(width[i] ?? 0))).join('  ');
  console.log(line(head));
  console.log(width.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
}

const s = (ms: number) => (ms / 1000).toFixed(1);
const perS = (n: number, ms: number) => (ms > 0 ? (n / (ms / 1000)).toFixed(n / (ms / 1000) < 10 ? 2 : 1) : '-');
const pct = (a: number, b: number) => (b > 0 ? `${Math.round((100 * a) / b)}%` : '-');

export function analysisScenario(dialects: readonly string[], sizes: readonly number[]): AnalysisRow[] {
  const seconds = process.env.BENCH_ANALYSIS_SECONDS ?? '40';
  const rate = process.env.BENCH_ANALYSIS_RATE ?? '0.95';
  console.log(
    `\nAnalysis: N synthetic municipalities (bench/synthetic.ts attributes), the 2019 round, simulated responses of all three roles ` +
      `(src/demo simulateResponses: ${Math.round(Number(rate) * 100)} % submitted, 5 % started, saved with saveResponses in batches of 10 000 units). ` +
      '(a) = frequenciesJson of every countable question of the three questionnaires; (b) = frequenciesJson of every such question ' +
      'by every built-in grouping (fylke included), each a call as `analyze frequencies --by` makes it. Setup is not in (a)/(b). ' +
      (Number(seconds) > 0 ? `(b) is capped at ${seconds} s per run (BENCH_ANALYSIS_SECONDS); "est. full" extrapolates. ` : '') +
      'exact = tests that also computed an exact p (Fisher 2×2 / Monte Carlo, 100 000 tables each); ' +
      'Then the same with weights on (analysis/weights.ts: each role raked to the margins of Table 1, one Weighting for the run as a report build shares one): ' +
      'rake s = the raking of the three roles, (a)/(b) w s = the weighted calls, (b) w is capped like (b). ' +
      'MC s = time of the Monte Carlo tests (up to 40 of them timed again on their own after the run, times their count), and its share of (b). ' +
      `RSS: max sampled during the analysis / peak of the child. Machine: ${availableParallelism()} cores.\n`,
  );
  const rows: AnalysisRow[] = [];
  for (const dialect of dialects) {
    for (const size of sizes) {
      const r = spawnSync(
        process.execPath,
        ['--import', 'tsx', path.join(here, 'analysis.bench.ts'), dialect, String(size), rate, seconds],
        {
          encoding: 'utf8',
          maxBuffer: 1 << 22,
        },
      );
      if (r.status !== 0) {
        console.log(`analysis ${dialect} ${size}: failed\n${r.stderr}`);
        continue;
      }
      rows.push(JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as AnalysisRow);
    }
  }
  table(
    [
      'dialect',
      'units',
      'submitted',
      'answer rows',
      'setup s',
      '(a) tables',
      '(a) s',
      '(a) tables/s',
      '(b) tables',
      '(b) s',
      '(b) tables/s',
      'est. full (b) s',
      'tests',
      'exact F/MC',
      'MC s',
      'MC share',
      'RSS MB',
    ],
    rows.map((r) => [
      r.dialect,
      String(r.units),
      String(r.responses.submitted ?? 0),
      String(r.answer_rows),
      s(r.setup_ms),
      String(r.freq_tables),
      s(r.freq_ms),
      perS(r.freq_tables, r.freq_ms),
      r.capped ? `${r.breakdown_tables}/${r.breakdown_total}` : String(r.breakdown_tables),
      s(r.breakdown_ms),
      perS(r.breakdown_tables, r.breakdown_ms),
      r.capped ? s((r.breakdown_ms * r.breakdown_total) / Math.max(1, r.breakdown_tables)) : s(r.breakdown_ms),
      String(r.tests),
      `${r.fisher}/${r.monte_carlo}`,
      s(r.monte_carlo_ms),
      pct(r.monte_carlo_ms, r.breakdown_ms),
      `${r.analysis_rss_mb} / ${r.peak_rss_mb}`,
    ]),
  );
  console.log('\nWeights on and off (the same calls; (b) per second over the calls done within the cap):');
  table(
    [
      'dialect',
      'units',
      'rake s',
      '(a) s',
      '(a) w s',
      '(a) w/off',
      '(b) tables/s',
      '(b) w tables',
      '(b) w s',
      '(b) w tables/s',
      '(b) w/off',
      'deff (roles)',
    ],
    rows.map((r) => {
      const bOff = r.breakdown_tables / Math.max(1e-9, r.breakdown_ms);
      const bOn = r.breakdown_weighted_tables / Math.max(1e-9, r.breakdown_weighted_ms);
      return [
        r.dialect,
        String(r.units),
        s(r.weights_ms),
        s(r.freq_ms),
        s(r.freq_weighted_ms),
        r.freq_ms > 0 ? (r.freq_weighted_ms / r.freq_ms).toFixed(2) : '-',
        perS(r.breakdown_tables, r.breakdown_ms),
        String(r.breakdown_weighted_tables),
        s(r.breakdown_weighted_ms),
        perS(r.breakdown_weighted_tables, r.breakdown_weighted_ms),
        bOn > 0 ? (bOff / bOn).toFixed(2) : '-',
        r.weights.map((w) => w.deff.toFixed(3)).join(' / '),
      ];
    }),
  );
  for (const r of rows) {
    console.log(
      `${r.dialect} ${r.units}: (b) by grouping ${r.by_grouping.map((g) => `${g.by} ${s(g.ms)} s/${g.tables}${g.monte_carlo ? ` (${g.monte_carlo} MC)` : ''}`).join(', ')}; ` +
        `slowest ${r.slowest.map((x) => `${x.call} ${x.ms} ms`).join(', ')}` +
        (r.monte_carlo_mismatches ? `; ${r.monte_carlo_mismatches} of ${r.monte_carlo_sampled} Monte Carlo p-values NOT reproduced` : ''),
    );
  }
  return rows;
}
