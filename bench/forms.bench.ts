/**
 * The respondent-forms benchmark on one dialect, run by index.ts in its own process:
 *
 * 1. Bytes per page type: every respondent page is fetched over HTTP from the real app (all
 *    three questionnaires, every section, in nb, nn and en; start page before and after answers,
 *    pages with validation errors, review, receipt, "saved", closed, 404) and the largest of each
 *    type is kept with its gzip size (level 6) and a check that it loads nothing else.
 * 2. Answer saves: `concurrency` respondents, each with its own link and unit (spread over the
 *    three questionnaires), POST their section pages in turn with realistic answers, closed loop
 *    without think time, for `seconds`, over keep-alive HTTP to the server in another process
 *    (forms.server.ts); first against the app, then against a bare node:http server doing only the
 *    delete + insert of the answer rows (the ceiling).
 *
 *   node --import tsx bench/forms.bench.ts <sqlite|postgres> [seconds] [concurrency]
 *
 * Prints one JSON line.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { ensureLinks, type PersonalLink } from '../src/collect/link.service.ts';
import { testPostgresUrl } from '../src/config/config.ts';
import { type Question, type Questionnaire, type Role, roles } from '../src/questionnaire/model.ts';
import { importRegistry } from '../src/registry/registry.service.ts';
import { createRound, roundQuestionnaires } from '../src/round/round.service.ts';
import { dropSchema, openStore } from '../src/store/store.ts';
import { invalidFormFields, syntheticFormFields, syntheticRegistry } from './synthetic.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const [dialect = 'sqlite', secondsArg = '10', concurrencyArg = '200'] = process.argv.slice(2);
const seconds = Number(secondsArg);
const concurrency = Number(concurrencyArg);
const year = 2019;
/** Inside the 2019 round's window (3–29 January 2020), and after it for the closed page. */
const openClock = '2020-01-15T10:00:00Z';
const closedClock = '2020-02-15T10:00:00Z';
const languages = ['nb', 'nn', 'en'] as const;

const log = (s: string) => process.stderr.write(`[forms ${dialect}] ${s}\n`);

// ---------------------------------------------------------------------------------------------
// Store

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kp-bench-forms-'));
const schema = dialect === 'postgres' ? 'kp_bench_forms' : '';
const url = dialect === 'postgres' ? testPostgresUrl() : path.join(dir, 'bench.sqlite');
const open = () => openStore(url, schema ? { schema } : {});

/** Row counts, and a digest of the answer rows of some units, to check that both servers stored the same. */
async function storedRows(units: readonly PersonalLink[]): Promise<{ answers: number; drafts: number; responses: number; digest: string }> {
  const store = await open();
  try {
    const n = async (t: 'answer' | 'form_draft' | 'response') =>
      Number(
        (
          await store.db
            .selectFrom(t)
            .select((e) => e.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const rows = await store.db
      .selectFrom('answer')
      .innerJoin('response', 'response.id', 'answer.response_id')
      .select(['response.role', 'response.unit_number', 'question_key', 'item_key', 'code', 'num', 'text'])
      .where((eb) => eb.or(units.map((u) => eb.and([eb('response.role', '=', u.role), eb('response.unit_number', '=', u.unitNumber)]))))
      .orderBy('response.role')
      .orderBy('response.unit_number')
      .orderBy('question_key')
      .orderBy('item_key')
      .orderBy('code')
      .execute();
    const digest = createHash('sha256').update(JSON.stringify(rows)).digest('hex').slice(0, 12);
    return {
      answers: await n('answer'),
      drafts: await n('form_draft'),
      responses: await n('response'),
      digest: `${rows.length} rows ${digest}`,
    };
  } finally {
    await store.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Server process

interface ServerStats {
  wall_ms: number;
  cpu_pct: number;
  elu_pct: number;
  rss_mb: number;
  peak_rss_mb: number;
  statements: number;
  requests: number;
}

interface Server {
  readonly port: number;
  readonly pid: number;
  stats(): Promise<ServerStats>;
  stop(): Promise<ServerStats>;
}

const children = new Set<ChildProcess>();

async function startServer(mode: 'app' | 'bare', clock = openClock): Promise<Server> {
  const child = fork(path.join(here, 'forms.server.ts'), [mode, url, schema, clock], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  children.add(child);
  child.on('exit', () => children.delete(child));
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve((JSON.parse(line) as { port: number }).port);
    });
    child.once('exit', (code) => reject(new Error(`${mode} server exited (${code}) before listening`)));
  });
  const ask = (cmd: 'stats' | 'stop') =>
    new Promise<ServerStats>((resolve) => {
      child.once('message', (m) => resolve(m as ServerStats));
      child.send({ cmd });
    });
  return { port, pid: child.pid ?? 0, stats: () => ask('stats'), stop: () => ask('stop') };
}

// ---------------------------------------------------------------------------------------------
// HTTP client: keep-alive, one socket per respondent, no redirects followed.

const agent = new http.Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });

interface Reply {
  readonly status: number;
  readonly location: string;
  readonly csp: string;
  readonly body: Buffer;
}

/**
 * One request. A kept-alive socket that the server closed while idle (its keep-alive timeout, 5 s)
 * fails with ECONNRESET before the request reached the server; that request is sent again.
 */
function request(port: number, method: 'GET' | 'POST', p: string, body?: string, cookie?: string): Promise<Reply> {
  return sendOnce(port, method, p, body, cookie).catch((e: NodeJS.ErrnoException & { reused?: boolean }) => {
    if (e.reused && (e.code === 'ECONNRESET' || e.code === 'EPIPE')) return sendOnce(port, method, p, body, cookie);
    throw e;
  });
}

function sendOnce(port: number, method: 'GET' | 'POST', p: string, body?: string, cookie?: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const headers: http.OutgoingHttpHeaders = { 'accept-encoding': 'identity' };
    if (cookie) headers.cookie = cookie;
    if (body !== undefined) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      headers['content-length'] = Buffer.byteLength(body);
      headers.origin = `http://127.0.0.1:${port}`;
    }
    const req = http.request({ host: '127.0.0.1', port, method, path: p, agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          location: String(res.headers.location ?? ''),
          csp: String(res.headers['content-security-policy'] ?? ''),
          body: Buffer.concat(chunks),
        }),
      );
      res.on('error', reject);
    });
    req.on('error', (e: NodeJS.ErrnoException & { reused?: boolean }) => {
      e.reused = req.reusedSocket;
      reject(e);
    });
    req.end(body);
  });
}

function expect(r: Reply, status: number, what: string): Reply {
  if (r.status !== status) throw new Error(`${what}: expected ${status}, got ${r.status} ${r.location} ${r.body.toString().slice(0, 300)}`);
  return r;
}

const csrfOf = (r: Reply): string => {
  const m = /name="_csrf" value="([^"]+)"/.exec(r.body.toString());
  if (!m?.[1]) throw new Error('no _csrf field on the page');
  return m[1];
};

const formBody = (csrf: string, fields: [string, string][], action = 'next') =>
  new URLSearchParams([['_csrf', csrf], ...fields, ['action', action]]).toString();

// ---------------------------------------------------------------------------------------------
// 1. Bytes per page type

interface PageSize {
  readonly page: string;
  readonly where: string;
  readonly status: number;
  readonly bytes: number;
  readonly gzip: number;
  /** References that would make the browser load something else (should be none). */
  readonly external: number;
  readonly inlineStyle: boolean;
  readonly inlineScript: boolean;
  /** The Content-Security-Policy forbids loading anything not inlined. */
  readonly cspNone: boolean;
  readonly count: number;
}

const externalPatterns = [
  /<link\b/gi,
  /<script\b[^>]*\bsrc\s*=/gi,
  /<img\b/gi,
  /<iframe\b/gi,
  /<object\b/gi,
  /<embed\b/gi,
  /<source\b/gi,
  /<video\b/gi,
  /<audio\b/gi,
  /\bsrcset\s*=/gi,
  /url\s*\(/gi,
  /@import\b/gi,
  /\bbackground\s*=/gi,
];

const sizes = new Map<string, PageSize>();

function record(page: string, where: string, r: Reply): void {
  const text = r.body.toString('utf8');
  const gzip = gzipSync(r.body, { level: 6 }).length;
  const external = externalPatterns.reduce((n, re) => n + (text.match(re)?.length ?? 0), 0);
  const prev = sizes.get(page);
  const entry: PageSize = {
    page,
    where,
    status: r.status,
    bytes: r.body.length,
    gzip,
    external: Math.max(external, prev?.external ?? 0),
    inlineStyle: /<style>/.test(text),
    inlineScript: /<script>/.test(text),
    cspNone: /default-src 'none'/.test(r.csp) && (prev?.cspNone ?? true),
    count: (prev?.count ?? 0) + 1,
  };
  if (!prev || gzip > prev.gzip) sizes.set(page, entry);
  else sizes.set(page, { ...prev, external: entry.external, cspNone: entry.cspNone, count: entry.count });
}

const sectionQuestions = (qn: Questionnaire, key: string): Question[] =>
  qn.questions.filter((q) => (q.section ?? qn.sections[0]?.key) === key);

async function measurePages(
  port: number,
  probes: readonly { link: PersonalLink; lang: (typeof languages)[number] }[],
  qns: Map<Role, Questionnaire>,
): Promise<void> {
  for (const { link, lang } of probes) {
    const qn = qns.get(link.role) as Questionnaire;
    const base = `/s/${link.token}`;
    const cookie = `kp_lang=${lang}`;
    const get = (p: string) => request(port, 'GET', p, undefined, cookie);
    const post = (p: string, body: string) => request(port, 'POST', p, body, cookie);
    const at = (s?: string) => `${link.role}${s ? `/${s}` : ''}, ${lang}`;

    record('start page', at(), expect(await get(base), 200, 'start'));
    const first = expect(await get(`${base}/side/${qn.sections[0]?.key}`), 200, 'first section');
    const csrf = csrfOf(first);
    for (const s of qn.sections) record(`section page: ${link.role}`, at(s.key), expect(await get(`${base}/side/${s.key}`), 200, s.key));
    for (const s of qn.sections) {
      const r = await post(`${base}/side/${s.key}`, formBody(csrf, invalidFormFields(sectionQuestions(qn, s.key))));
      record('section page with errors', at(s.key), expect(r, 422, `invalid ${s.key}`));
    }
    for (const [i, s] of qn.sections.entries()) {
      expect(
        await post(`${base}/side/${s.key}`, formBody(csrf, syntheticFormFields(sectionQuestions(qn, s.key), i))),
        303,
        `save ${s.key}`,
      );
    }
    record('start page', at(), expect(await get(base), 200, 'start'));
    for (const s of qn.sections) record(`section page: ${link.role}`, at(s.key), expect(await get(`${base}/side/${s.key}`), 200, s.key));
    const s0 = qn.sections[0]?.key as string;
    const saved = expect(
      await post(`${base}/side/${s0}`, formBody(csrf, syntheticFormFields(sectionQuestions(qn, s0), 0), 'save')),
      303,
      'save',
    );
    record('saved page', at(), expect(await get(saved.location), 200, 'saved'));
    record('review page (all answered)', at(), expect(await get(`${base}/oppsummering`), 200, 'review'));
    const sent = expect(await post(`${base}/send`, new URLSearchParams({ _csrf: csrf }).toString()), 303, 'send');
    record('receipt', at(), expect(await get(sent.location), 200, 'receipt'));
  }
}

// ---------------------------------------------------------------------------------------------
// 2. Answer saves under load

interface Respondent {
  readonly path: (section: number) => string;
  readonly bodies: string[][];
}

interface LoadResult {
  readonly server: 'app' | 'bare';
  readonly saves: number;
  readonly seconds: number;
  readonly saves_per_s: number;
  readonly p50_ms: number;
  readonly p99_ms: number;
  readonly max_ms: number;
  /** p50 of one respondent saving alone (no queueing): the service time. */
  readonly alone_p50_ms: number;
  readonly errors: number;
  readonly statements_per_save: number;
  readonly server_elu_pct: number;
  /** CPU during the measured window, % of one core (the machine has os.availableParallelism() cores). */
  readonly cpu_pct: {
    readonly server: number;
    readonly client: number;
    readonly postgres: number;
    readonly kernel: number;
    readonly others: number;
  };
  readonly peak_rss_mb: number;
  readonly idle_rss_mb: number;
}

type CpuKind = 'server' | 'client' | 'postgres' | 'kernel';

interface CpuSnapshot {
  readonly total: number;
  readonly busy: number;
  /** irq, softirq and steal: kernel time outside any process. */
  readonly interrupts: number;
  readonly processes: ReadonlyMap<string, { readonly kind: CpuKind; readonly ticks: number }>;
}

/**
 * CPU time so far (clock ticks, Linux /proc): the whole machine, and per process the server, this
 * process, PostgreSQL's processes and the kernel's threads (journal, writeback); whatever else ran
 * (other work on the machine) is the rest.
 */
function cpuSnapshot(serverPid: number): CpuSnapshot {
  const processes = new Map<string, { kind: CpuKind; ticks: number }>();
  try {
    const f = (fs.readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').trim().split(/\s+/).slice(1).map(Number);
    const total = f.reduce((a, b) => a + b, 0);
    for (const pid of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      let stat: string;
      try {
        stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      } catch {
        continue;
      }
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const kind: CpuKind | null =
        Number(pid) === serverPid
          ? 'server'
          : Number(pid) === process.pid
            ? 'client'
            : stat.includes('(postgres)')
              ? 'postgres'
              : pid === '2' || fields[1] === '2'
                ? 'kernel'
                : null;
      if (kind) processes.set(pid, { kind, ticks: Number(fields[11]) + Number(fields[12]) });
    }
    return { total, busy: total - (f[3] ?? 0) - (f[4] ?? 0), interrupts: (f[5] ?? 0) + (f[6] ?? 0) + (f[7] ?? 0), processes };
  } catch {
    return { total: 0, busy: 0, interrupts: 0, processes }; // not Linux: no CPU split
  }
}

/** CPU between two snapshots, % of one core; processes that ended in between count as others. */
function cpuSplit(a: CpuSnapshot, b: CpuSnapshot): Record<CpuKind | 'others', number> {
  const ticks: Record<CpuKind, number> = { server: 0, client: 0, postgres: 0, kernel: b.interrupts - a.interrupts };
  for (const [pid, p] of b.processes) ticks[p.kind] += p.ticks - (a.processes.get(pid)?.ticks ?? 0);
  const core = (b.total - a.total) / os.availableParallelism();
  const pct = (d: number) => (core > 0 ? Math.round((Math.max(0, d) / core) * 100) : 0);
  const known = ticks.server + ticks.client + ticks.postgres + ticks.kernel;
  return {
    server: pct(ticks.server),
    client: pct(ticks.client),
    postgres: pct(ticks.postgres),
    kernel: pct(ticks.kernel),
    others: pct(b.busy - a.busy - known),
  };
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] as number;
}

/** Respondents whose rows are compared between the app and the bare server. */
const settled = 20;

async function runLoad(mode: 'app' | 'bare', respondents: readonly Respondent[], idle: ServerStats, server: Server): Promise<LoadResult> {
  // Warm-up: every respondent saves its first page (on the app this creates its response).
  await Promise.all(respondents.map(async (r) => expect(await request(server.port, 'POST', r.path(0), r.bodies[0]?.[0]), 303, 'warm-up')));
  const latencies: number[] = [];
  let errors = 0;
  await server.stats();
  const c0 = cpuSnapshot(server.pid);
  const start = performance.now();
  const until = start + seconds * 1000;
  const stats = new Promise<[ServerStats, CpuSnapshot]>((resolve) =>
    setTimeout(() => {
      const c = cpuSnapshot(server.pid);
      void server.stats().then((st) => resolve([st, c]));
    }, seconds * 1000),
  );
  await Promise.all(
    respondents.map(async (r) => {
      for (let k = 1; ; k++) {
        const s = k % r.bodies.length;
        const body = (r.bodies[s] as string[])[Math.floor(k / r.bodies.length) % 2] as string;
        const t = performance.now();
        if (t >= until) return;
        const res = await request(server.port, 'POST', r.path(s), body);
        const done = performance.now();
        if (done > until) return;
        if (res.status === 303 && !res.location.includes('?nye=')) latencies.push(done - t);
        else errors++;
      }
    }),
  );
  const [server1, c1] = await stats;
  // Settle: the first respondents save every page once more with the warm-up's answers, so the
  // app and the bare server leave rows to compare; this quiet pass also counts SQL per save.
  await server.stats();
  await Promise.all(
    respondents.slice(0, settled).map(async (r) => {
      for (let s = 0; s < r.bodies.length; s++) expect(await request(server.port, 'POST', r.path(s), r.bodies[s]?.[0]), 303, 'settle');
    }),
  );
  const settle = await server.stats();
  // Service time without queueing: one respondent alone, 100 saves one after another.
  const alone: number[] = [];
  const first = respondents[0] as Respondent;
  for (let k = 0; k < 100; k++) {
    const s = k % first.bodies.length;
    const t = performance.now();
    expect(await request(server.port, 'POST', first.path(s), first.bodies[s]?.[0]), 303, 'alone');
    alone.push(performance.now() - t);
  }
  const sorted = Float64Array.from(latencies).sort();
  return {
    server: mode,
    saves: latencies.length,
    seconds,
    saves_per_s: Math.round(latencies.length / seconds),
    p50_ms: Number(percentile(sorted, 0.5).toFixed(1)),
    p99_ms: Number(percentile(sorted, 0.99).toFixed(1)),
    max_ms: Number((sorted[sorted.length - 1] ?? 0).toFixed(1)),
    alone_p50_ms: Number(percentile(Float64Array.from(alone).sort(), 0.5).toFixed(2)),
    errors,
    statements_per_save: Number((settle.statements / Math.max(1, settle.requests)).toFixed(1)),
    server_elu_pct: server1.elu_pct,
    cpu_pct: cpuSplit(c0, c1),
    peak_rss_mb: 0,
    idle_rss_mb: idle.rss_mb,
  };
}

// ---------------------------------------------------------------------------------------------

try {
  if (schema) await dropSchema(url, schema);
  const perRole = Math.ceil(concurrency / roles.length);
  const units = Math.max(422, perRole + languages.length + 2);
  let t = performance.now();
  const store = await open();
  await importRegistry(store, year, syntheticRegistry(units).csv, 'registry.csv');
  await createRound(store, { year, template: 'kommuneundersokelse-2019' });
  const links = await ensureLinks(store, year);
  const qns = await roundQuestionnaires(store, year);
  await store.close();
  log(`set up ${units} units, ${links.length} links in ${Math.round(performance.now() - t)} ms`);

  const byRole = new Map<Role, PersonalLink[]>(roles.map((r) => [r, links.filter((l) => l.role === r)]));
  const linkOf = (role: Role, i: number) => (byRole.get(role) as PersonalLink[])[i] as PersonalLink;
  // Load respondents from the front of each role's list, page probes from its end.
  const loadLinks = Array.from({ length: concurrency }, (_, i) => linkOf(roles[i % roles.length] as Role, Math.floor(i / roles.length)));
  const probes = roles.flatMap((role) =>
    languages.map((lang, k) => ({ link: linkOf(role, (byRole.get(role) as PersonalLink[]).length - 1 - k), lang })),
  );
  const untouched = linkOf('integreringsansvarlig', (byRole.get('integreringsansvarlig') as PersonalLink[]).length - 1 - languages.length);

  // The app: page sizes, then the load.
  t = performance.now();
  const app = await startServer('app');
  const appIdle = await app.stats();
  log(`app server up in ${Math.round(performance.now() - t)} ms (rss ${appIdle.rss_mb} MB)`);
  await measurePages(app.port, probes, qns);
  record(
    '404 (unknown link /s/…)',
    '/s/<unknown token>',
    expect(await request(app.port, 'GET', `/s/${randomBytes(32).toString('base64url')}`), 404, '404'),
  );
  record(
    '404 (unknown link /s/…)',
    '/s/<token>/ukjent',
    expect(await request(app.port, 'GET', `/s/${probes[0]?.link.token}/ukjent`), 404, '404'),
  );
  // Browsers ask for it by themselves when no page declares an icon: whatever it answers is sent too.
  record('/favicon.ico', '/favicon.ico', await request(app.port, 'GET', '/favicon.ico'));

  const csrf = new Map<string, string>();
  for (const l of loadLinks) {
    const qn = qns.get(l.role) as Questionnaire;
    csrf.set(l.token, csrfOf(expect(await request(app.port, 'GET', `/s/${l.token}/side/${qn.sections[0]?.key}`), 200, 'first page')));
  }
  const respondents: Respondent[] = loadLinks.map((l, i) => {
    const qn = qns.get(l.role) as Questionnaire;
    const token = csrf.get(l.token) as string;
    return {
      path: (s) => `/s/${l.token}/side/${qn.sections[s]?.key}`,
      bodies: qn.sections.map((s) => [0, 1].map((v) => formBody(token, syntheticFormFields(sectionQuestions(qn, s.key), i + v)))),
    };
  });
  t = performance.now();
  const appRun = await runLoad('app', respondents, appIdle, app);
  const appStop = await app.stop();
  log(`app load done in ${Math.round(performance.now() - t)} ms: ${appRun.saves_per_s} saves/s`);
  const afterApp = await storedRows(loadLinks.slice(0, settled));

  // Closed pages: the same store seen after the window (submitted probes show their answers).
  const closed = await startServer('app', closedClock);
  for (const { link, lang } of probes) {
    record(
      'closed page',
      `${link.role}, ${lang}, submitted`,
      expect(await request(closed.port, 'GET', `/s/${link.token}`, undefined, `kp_lang=${lang}`), 200, 'closed'),
    );
  }
  record(
    'closed page',
    'integreringsansvarlig, nb, not started',
    expect(await request(closed.port, 'GET', `/s/${untouched.token}`), 200, 'closed'),
  );
  await closed.stop();

  // The ceiling.
  t = performance.now();
  const bare = await startServer('bare');
  const bareIdle = await bare.stats();
  const bareRun = await runLoad('bare', respondents, bareIdle, bare);
  const bareStop = await bare.stop();
  log(`bare load done in ${Math.round(performance.now() - t)} ms: ${bareRun.saves_per_s} saves/s`);
  const afterBare = await storedRows(loadLinks.slice(0, settled));

  process.stdout.write(
    `${JSON.stringify({
      dialect,
      concurrency,
      seconds,
      pages: [...sizes.values()],
      runs: [
        { ...appRun, peak_rss_mb: appStop.peak_rss_mb },
        { ...bareRun, peak_rss_mb: bareStop.peak_rss_mb },
      ],
      rows: { after_app: afterApp, after_bare: afterBare },
    })}\n`,
  );
} finally {
  for (const c of children) c.kill();
  agent.destroy();
  if (schema) await dropSchema(url, schema);
  fs.rmSync(dir, { recursive: true, force: true });
}
