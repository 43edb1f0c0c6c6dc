/**
 * The server side of the forms benchmark, in a process of its own so that the load generator's
 * work does not count against it and its peak memory is its own. Started by forms.bench.ts with an
 * IPC channel; prints one JSON line `{"port": N}` once it listens, answers `stats` with its CPU
 * time, event-loop utilisation, memory and SQL statement count, and `stop` by closing and
 * reporting its peak RSS.
 *
 *   app  — the real application: createApp(store, cfg) served by @hono/node-server.
 *   bare — the ceiling: node:http without framework doing only "the same insert" for a posted
 *          page: parse the urlencoded body and, in one transaction, delete and insert that page's
 *          answer rows of the response in the same tables through the same store (Kysely). The
 *          token → response and page → questions look-ups are loaded into memory at start.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { serve } from '@hono/node-server';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { loadConfig } from '../src/config/config.ts';
import { optionsOf } from '../src/questionnaire/answer.ts';
import type { Question, Role } from '../src/questionnaire/model.ts';
import { roundQuestionnaires } from '../src/round/round.service.ts';
import { createApp } from '../src/server/app.ts';
import { openStore, type Store } from '../src/store/store.ts';

const [mode = 'app', url = '', schema = '', clock = ''] = process.argv.slice(2);

// Count SQL statements (BEGIN/COMMIT included) the way each driver receives them from Kysely.
let statements = 0;
const pgQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  statements++;
  return (pgQuery as (...a: unknown[]) => unknown).apply(this, args);
} as typeof pg.Client.prototype.query;
const sqlitePrepare = SqliteDatabase.prototype.prepare;
SqliteDatabase.prototype.prepare = function (this: SqliteDatabase.Database, source: string) {
  statements++;
  return sqlitePrepare.call(this, source);
} as typeof SqliteDatabase.prototype.prepare;

let requests = 0;
const store = await openStore(url, schema ? { schema } : {});

async function bareServer(s: Store): Promise<http.Server> {
  const year = 2019;
  const questionnaires = await roundQuestionnaires(s, year);
  const pages = new Map<string, { keys: string[]; questions: Question[] }>();
  for (const [role, qn] of questionnaires) {
    for (const section of qn.sections) {
      const questions = qn.questions.filter((q) => (q.section ?? qn.sections[0]?.key) === section.key);
      pages.set(`${role}:${section.key}`, { keys: questions.map((q) => q.key), questions });
    }
  }
  const rows = await s.db
    .selectFrom('access_token')
    .innerJoin('response', (j) =>
      j
        .onRef('response.round_year', '=', 'access_token.round_year')
        .onRef('response.role', '=', 'access_token.role')
        .onRef('response.unit_number', '=', 'access_token.unit_number'),
    )
    .select(['access_token.token', 'access_token.role', 'response.id'])
    .where('access_token.round_year', '=', year)
    .where('access_token.revoked_at', 'is', null)
    .execute();
  const responses = new Map(rows.map((r) => [r.token, { id: r.id, role: r.role as Role }]));

  const answerRows = (responseId: number, questions: readonly Question[], body: URLSearchParams) =>
    questions.flatMap((q) => {
      const name = `q.${q.key}`;
      const row = (item_key: string, code: number | null, num: number | null, text: string | null) => ({
        response_id: responseId,
        question_key: q.key,
        item_key,
        code,
        num,
        text,
        slot: q.type === 'multi' && code !== null ? code : 0,
      });
      if (q.type === 'matrix')
        return q.items.flatMap((i) => (body.has(`${name}.${i.key}`) ? [row(i.key, Number(body.get(`${name}.${i.key}`)), null, null)] : []));
      const v = body.get(name);
      if (v === null || v === '') return [];
      if (q.type === 'text') return [row('', null, null, v)];
      if (q.type === 'integer') return [row('', null, Number(v), null)];
      const specify = optionsOf(q).find((o) => o.specify)?.code;
      return body.getAll(name).map((c) => row('', Number(c), null, Number(c) === specify ? body.get(`${name}.tekst`) : null));
    });

  return http.createServer((req, res) => {
    requests++;
    const m = /^\/s\/([A-Za-z0-9_-]+)\/side\/([a-z0-9_]+)$/.exec(req.url ?? '');
    const target = m ? responses.get(m[1] as string) : undefined;
    const page = target && m ? pages.get(`${target.role}:${m[2]}`) : undefined;
    if (req.method !== 'POST' || !m || !target || !page) {
      res.writeHead(404).end();
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      const values = answerRows(target.id, page.questions, body);
      s.db
        .transaction()
        .execute(async (trx) => {
          await trx.deleteFrom('answer').where('response_id', '=', target.id).where('question_key', 'in', page.keys).execute();
          if (values.length > 0) await trx.insertInto('answer').values(values).execute();
        })
        .then(
          () => res.writeHead(303, { location: `/s/${m[1]}/oppsummering`, 'content-length': 0 }).end(),
          (e: unknown) => {
            console.error(e);
            res.writeHead(500).end();
          },
        );
    });
  });
}

let server: http.Server;
if (mode === 'bare') {
  server = await bareServer(store);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
} else {
  const cfg = loadConfig({ KOMMUNEPULS_DB: url, ...(clock ? { KOMMUNEPULS_CLOCK: clock } : {}) });
  const app = createApp(store, cfg);
  server = await new Promise<http.Server>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s as http.Server)) as http.Server;
  });
  server.on('request', () => requests++);
}

let cpu = process.cpuUsage();
let elu = performance.eventLoopUtilization();
let at = performance.now();
let counted = { statements, requests };

function stats() {
  const c = process.cpuUsage(cpu);
  const e = performance.eventLoopUtilization(elu);
  const wallMs = performance.now() - at;
  const out = {
    wall_ms: Math.round(wallMs),
    cpu_pct: Math.round(((c.user + c.system) / 1000 / wallMs) * 100),
    elu_pct: Math.round(e.utilization * 100),
    rss_mb: Math.round(process.memoryUsage().rss / 2 ** 20),
    peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
    statements: statements - counted.statements,
    requests: requests - counted.requests,
  };
  cpu = process.cpuUsage();
  elu = performance.eventLoopUtilization();
  at = performance.now();
  counted = { statements, requests };
  return out;
}

process.on('message', (msg: { cmd: string }) => {
  if (msg.cmd === 'stats') process.send?.(stats());
  if (msg.cmd === 'stop') {
    server.closeAllConnections();
    server.close(() => {
      void store.close().then(() => {
        process.send?.(stats(), () => process.exit(0));
      });
    });
  }
});
process.on('disconnect', () => process.exit(1));
process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`);
