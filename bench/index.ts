/**
 * `npm run bench`: each scenario runs in a child process (so its peak memory is its own) and the
 * figures are printed as tables. BENCH_SCENARIOS ("import,forms,outreach,analysis,report,soak") picks scenarios, BENCH_DIALECTS
 * ("sqlite,postgres") narrows every scenario; BENCH_SIZES (e.g. "422,10000") sets the import
 * sizes, BENCH_FORMS_SECONDS (10) and BENCH_FORMS_CONCURRENCY (200) the forms load, BENCH_SOAK_KILLS (12)
 * and BENCH_SOAK_RESPONDENTS (40) the kill -9 soak.
 */
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analysisScenario } from './analysis.ts';
import { outreachScenario } from './outreach.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const scenarios = (process.env.BENCH_SCENARIOS ?? 'import,forms,outreach,analysis,report,soak').split(',');
const sizes = (process.env.BENCH_SIZES ?? '422,100000').split(',').map(Number);
const dialects = (process.env.BENCH_DIALECTS ?? 'sqlite,postgres').split(',');
const formsSeconds = process.env.BENCH_FORMS_SECONDS ?? '10';
const formsConcurrency = process.env.BENCH_FORMS_CONCURRENCY ?? '200';
const soakKills = process.env.BENCH_SOAK_KILLS ?? '12';
const soakRespondents = process.env.BENCH_SOAK_RESPONDENTS ?? '40';

for (const s of scenarios)
  if (!['import', 'forms', 'outreach', 'analysis', 'report', 'soak'].includes(s))
    throw new Error(`BENCH_SCENARIOS: unknown scenario "${s}" (import, forms, outreach, analysis, report, soak)`);

function runScenario<T>(script: string, args: string[]): T | null {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(here, script), ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 22,
  });
  if (r.status !== 0) {
    console.log(`${script} ${args.join(' ')}: failed\n${r.stderr}`);
    return null;
  }
  return JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as T;
}

interface ImportRow {
  dialect: string;
  units: number;
  registry_ms: number;
  registry_rows_per_s: number;
  answers: number;
  responses_ms: number;
  responses_rows_per_s: number;
  answers_per_s: number;
  peak_rss_mb: number;
}

function importScenario(): void {
  console.log('Import benchmark: registry CSV, then integreringsansvarlig responses for every unit (all questions answered)\n');
  for (const dialect of dialects) {
    for (const size of sizes) {
      const row = runScenario<ImportRow>('import.bench.ts', [dialect, String(size)]);
      if (!row) continue;
      console.log(
        `${dialect.padEnd(8)} ${String(size).padStart(7)} units | registry ${String(row.registry_ms).padStart(6)} ms ${String(row.registry_rows_per_s).padStart(7)} rows/s | ` +
          `responses ${String(row.responses_ms).padStart(7)} ms ${String(row.responses_rows_per_s).padStart(6)} rows/s (${row.answers} answers, ${row.answers_per_s} answers/s) | peak ${row.peak_rss_mb} MB`,
      );
    }
  }
}

interface PageSize {
  page: string;
  where: string;
  status: number;
  bytes: number;
  gzip: number;
  external: number;
  inlineStyle: boolean;
  inlineScript: boolean;
  cspNone: boolean;
  count: number;
}

interface LoadRun {
  server: 'app' | 'bare';
  saves: number;
  saves_per_s: number;
  p50_ms: number;
  p99_ms: number;
  max_ms: number;
  alone_p50_ms: number;
  errors: number;
  statements_per_save: number;
  server_elu_pct: number;
  cpu_pct: { server: number; client: number; postgres: number; kernel: number; others: number };
  peak_rss_mb: number;
  idle_rss_mb: number;
}

interface StoredRows {
  answers: number;
  drafts: number;
  responses: number;
  digest: string;
}

interface FormsRow {
  dialect: string;
  concurrency: number;
  seconds: number;
  pages: PageSize[];
  runs: LoadRun[];
  rows: { after_app: StoredRows; after_bare: StoredRows };
}

const limitGzip = 30 * 1024;
const pageOrder = [
  'start page',
  'section page: integreringsansvarlig',
  'section page: kommunedirektor',
  'section page: skolesjef',
  'section page with errors',
  'review page (all answered)',
  'receipt',
  'saved page',
  'closed page',
  '404 (unknown link /s/…)',
  '/favicon.ico',
];

function table(head: string[], rows: string[][], right: (i: number) => boolean): void {
  const width = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => (right(i) ? c.padStart(width[i] ?? 0) : c.padEnd(width[i] ?? 0))).join('  ');
  console.log(line(head));
  console.log(width.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
}

function pagesTable(pages: PageSize[]): void {
  const sorted = [...pages].sort((a, b) => pageOrder.indexOf(a.page) - pageOrder.indexOf(b.page));
  table(
    ['page type', 'largest (of n)', 'status', 'HTML bytes', 'gzip bytes', 'external refs', 'inline css/js', 'CSP none', '≤ 30 KB gzip'],
    sorted.map((p) => [
      p.page,
      `${p.where} (${p.count})`,
      String(p.status),
      String(p.bytes),
      String(p.gzip),
      String(p.external),
      `${p.inlineStyle ? 'css' : '-'}/${p.inlineScript ? 'js' : '-'}`,
      p.cspNone ? 'yes' : 'NO',
      p.gzip <= limitGzip && p.external === 0 ? 'PASS' : 'FAIL',
    ]),
    (i) => i >= 2 && i <= 5,
  );
}

function ratio(a: number, b: number): string {
  return b === 0 ? '-' : `${(a / b).toFixed(2)}×`;
}

function formsScenario(): void {
  const results: FormsRow[] = [];
  for (const dialect of dialects) {
    const row = runScenario<FormsRow>('forms.bench.ts', [dialect, formsSeconds, formsConcurrency]);
    if (row) results.push(row);
  }
  const first = results[0];
  if (!first) return;
  console.log(
    '\nRespondent forms: bytes per page type, largest over the three questionnaires, every section, nb/nn/en ' +
      '(fetched over HTTP from the app; gzip = zlib level 6; a page is one request: CSS and JS inlined)\n',
  );
  pagesTable(first.pages);
  for (const r of results.slice(1)) {
    // The bytes do not depend on the store; gzip sizes vary by a few bytes with the random tokens.
    const same = r.pages.every((p) => {
      const q = first.pages.find((x) => x.page === p.page);
      return q !== undefined && Math.abs(q.gzip - p.gzip) <= 64 && q.external === p.external;
    });
    if (same) console.log(`(${r.dialect}: the same pages, gzip sizes within 64 bytes)`);
    else {
      console.log(`\n${r.dialect}:`);
      pagesTable(r.pages);
    }
  }
  console.log(
    `\nRespondent forms: answer saves. ${first.concurrency} respondents at once, each its own link and unit (a third per questionnaire), ` +
      `each POSTing its section pages in turn with realistic answers, closed loop without think time, for ${first.seconds} s; ` +
      'keep-alive HTTP from this process to the server in its own process on 127.0.0.1. ' +
      "app = createApp on @hono/node-server; bare = node:http doing only the delete + insert of the page's answer rows in one transaction " +
      '(same store, same tables). "alone" = p50 of one respondent saving with no one else. ' +
      'ELU = event-loop utilisation of the server; CPU = % of one core during the measured window (machine: ' +
      `${availableParallelism()} cores), kernel = kernel threads and interrupts (journal, writeback, loopback), "others" = everything else running on the machine.\n`,
  );
  const rows: string[][] = [];
  for (const r of results) {
    for (const run of r.runs) {
      rows.push([
        r.dialect,
        run.server,
        String(run.saves),
        String(run.saves_per_s),
        run.p50_ms.toFixed(1),
        run.p99_ms.toFixed(1),
        run.max_ms.toFixed(1),
        run.alone_p50_ms.toFixed(2),
        String(run.errors),
        String(run.statements_per_save),
        `${run.server_elu_pct}%`,
        `${run.cpu_pct.server}%`,
        `${run.cpu_pct.client}%`,
        `${run.cpu_pct.postgres}%`,
        `${run.cpu_pct.kernel}%`,
        `${run.cpu_pct.others}%`,
        `${run.idle_rss_mb} / ${run.peak_rss_mb}`,
      ]);
    }
    const app = r.runs.find((x) => x.server === 'app');
    const bare = r.runs.find((x) => x.server === 'bare');
    if (app && bare) {
      rows.push([
        r.dialect,
        'app/bare',
        '',
        ratio(app.saves_per_s, bare.saves_per_s),
        ratio(app.p50_ms, bare.p50_ms),
        ratio(app.p99_ms, bare.p99_ms),
        '',
        ratio(app.alone_p50_ms, bare.alone_p50_ms),
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
      ]);
    }
  }
  table(
    [
      'dialect',
      'server',
      'saves',
      'saves/s',
      'p50 ms',
      'p99 ms',
      'max ms',
      'alone p50',
      'errors',
      'SQL/save',
      'server ELU',
      'CPU server',
      'client',
      'postgres',
      'kernel',
      'others',
      'server RSS MB idle / peak',
    ],
    rows,
    (i) => i >= 2,
  );
  for (const r of results) {
    const a = r.rows.after_app;
    const b = r.rows.after_bare;
    console.log(
      `${r.dialect}: after the app ${a.responses} responses, ${a.answers} answer rows, ${a.drafts} drafts (0 = every save validated); ` +
        `answer rows of ${Math.min(r.concurrency, 20)} respondents after the same posts: app ${a.digest}, bare ${b.digest}: ${a.digest === b.digest ? 'same rows' : 'ROWS DIFFER'}`,
    );
  }
}

if (scenarios.includes('import')) importScenario();
if (scenarios.includes('forms')) formsScenario();
if (scenarios.includes('outreach')) outreachScenario(dialects);
if (scenarios.includes('analysis')) analysisScenario(dialects, sizes);
if (scenarios.includes('report')) reportScenario();
if (scenarios.includes('soak')) soakScenario();

interface SoakRow {
  dialect: string;
  kills: number;
  respondents: number;
  acknowledged: number;
  lost: number;
  contradictory: number;
  double_posts: number;
  http_500: number;
  other_status: number;
  cut_by_kill: number;
  refused_while_down: number;
  saves_per_s_up: number;
}

function soakScenario(): void {
  console.log(
    `\nKill -9 soak: a real \`kommunepuls serve\` on 422 units takes form saves from ${soakRespondents} respondents at once (each its own ` +
      'links, one save after the other with a new unique text, and every fifth turn a double-post of a single choice with two ' +
      `different answers) while it is killed with SIGKILL ${soakKills} times and started again on the same database. ` +
      'lost = forms whose stored text is neither the last acknowledged one nor one sent after it that a kill cut; ' +
      'contradictory = single choices with more than one stored answer.\n',
  );
  const rows: string[][] = [];
  for (const dialect of dialects) {
    const r = runScenario<SoakRow>('soak.bench.ts', [dialect, soakKills, soakRespondents, '422']);
    if (!r) continue;
    rows.push([
      r.dialect,
      String(r.kills),
      String(r.acknowledged),
      String(r.lost),
      String(r.contradictory),
      String(r.double_posts),
      String(r.http_500),
      String(r.other_status),
      String(r.cut_by_kill),
      String(r.refused_while_down),
      String(r.saves_per_s_up),
    ]);
  }
  table(
    [
      'dialect',
      'kills',
      'acknowledged',
      'lost',
      'contradictory',
      'double posts',
      'HTTP 500',
      'other status',
      'cut by kill',
      'refused (down)',
      'saves/s up',
    ],
    rows,
    (i) => i >= 1,
  );
}

interface ReportRow {
  dialect: string;
  runs: number;
  setup_ms: number;
  compute_ms: number;
  html_ms: number;
  pdf_ms: number;
  docx_ms: number;
  total_ms: number;
  first_total_ms: number;
  html: number;
  pdf: number;
  docx: number;
  figures: number;
  pages: number;
  peak_rss_mb: number;
}

function reportScenario(): void {
  console.log(
    '\nReport: the demo (422 municipalities + 15 districts, rounds 2015–2019) in a fresh store, then the 2019 report (Table 1, ' +
      'figures 1–39) built 3 times as `report build` does: compute = every number from the store, html = the page, pdf = Chromium ' +
      '(front matter and each chapter printed alone to count pages, then the whole), docx = the Word document (charts drawn as PNG ' +
      'by resvg on the thread pool, tables as Word tables). Median of the runs; RSS is the Node process (Chromium runs in its own processes).\n',
  );
  for (const dialect of dialects) {
    const r = runScenario<ReportRow>('report.bench.ts', [dialect, '3']);
    if (!r) continue;
    console.log(
      `${dialect.padEnd(8)} | compute ${r.compute_ms} ms | html ${r.html_ms} ms (${Math.round(r.html / 1024)} KB) | pdf ${r.pdf_ms} ms ` +
        `(${r.pages} pages, ${Math.round(r.pdf / 1024)} KB) | docx ${r.docx_ms} ms (${Math.round(r.docx / 1024)} KB) | total ${r.total_ms} ms (first ${r.first_total_ms} ms) | ${r.figures} figures | peak ${r.peak_rss_mb} MB | demo load ${r.setup_ms} ms`,
    );
  }
}
