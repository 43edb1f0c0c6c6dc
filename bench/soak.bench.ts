/**
 * The kill -9 soak on one dialect, run by index.ts in its own process: a real `kommunepuls serve`
 * process takes form saves from many respondents at once while it is killed with SIGKILL again and
 * again (and started again on the same database). Every respondent sends its saves one after the
 * other, each with a new unique text, and double-posts a single-choice page with two different
 * answers now and then (a double click across a crash). At the end the store must hold, for every
 * form, the text of its last acknowledged save (or of a later save whose answer was lost with the
 * server: it may or may not have been committed), and never two answers to one single choice.
 *
 *   node --import tsx bench/soak.bench.ts <sqlite|postgres> [kills] [respondents] [units]
 *
 * Prints one JSON line: kills, acknowledged saves, lost (must be 0), contradictory (must be 0),
 * HTTP 500s (must be 0), requests cut by a kill, requests refused while the server was down,
 * saves per second while up.
 */
import { ensureLinks, type PersonalLink } from '../src/collect/link.service.ts';
import type { Question } from '../src/questionnaire/model.ts';
import { importRegistry } from '../src/registry/registry.service.ts';
import { createRound, roundQuestionnaires } from '../src/round/round.service.ts';
import { startServer } from '../src/server/testing/server-process.ts';
import { openBenchStore } from './store.ts';
import { syntheticRegistry } from './synthetic.ts';

const [dialect = 'sqlite', killsArg = '12', respondentsArg = '40', unitsArg = '422'] = process.argv.slice(2);
const kills = Number(killsArg);
const respondents = Number(respondentsArg);
const log = (s: string) => process.stderr.write(`[soak ${dialect}] ${s}\n`);

const { store, url, dispose } = await openBenchStore(dialect, 'soak');
const registry = syntheticRegistry(Number(unitsArg));
await importRegistry(store, 2019, registry.csv, 'registry.csv');
await createRound(store, { year: 2019, template: 'kommuneundersokelse-2019' });
const links = await ensureLinks(store, 2019);
const questionnaires = await roundQuestionnaires(store, 2019);

/** Per role: the first single choice asked of everyone (no routing), and its section. */
const singles = new Map<string, Question>();
for (const [role, qn] of questionnaires) {
  const q = qn.questions.find((x) => x.type === 'single' && !x.showIf && !x.eligibleIf);
  if (q) singles.set(role, q);
}

const server = await startServer({ db: url, clock: '2020-01-15T10:00:00Z' });
let up = true;

interface Tracked {
  /** The text of the last save the server acknowledged (303). */
  acked: string | null;
  /** Texts sent after it whose answer never came (the server was killed): committed or not. */
  unknown: string[];
}
const tracked = new Map<string, Tracked>(links.map((l) => [l.token, { acked: null, unknown: [] }]));
const counts = { acknowledged: 0, cut: 0, refused: 0, http500: 0, other: 0, doublePosts: 0 };
const csrf = new Map<string, string>();

/** The status, 'refused' when the server was down (nothing sent), null when a kill cut the request. */
async function send(path: string, fields: [string, string][]): Promise<number | 'refused' | null> {
  try {
    const res = await fetch(`${server.url}${path}`, {
      method: 'POST',
      body: new URLSearchParams(fields),
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' },
    });
    await res.arrayBuffer();
    return res.status;
  } catch (e) {
    if ((e as { cause?: { code?: string } }).cause?.code === 'ECONNREFUSED') return 'refused';
    return null; // the connection broke: the server was killed before it answered
  }
}

async function tokenFor(link: PersonalLink): Promise<string | null> {
  const have = csrf.get(link.token);
  if (have) return have;
  try {
    const html = await (await fetch(`${server.url}/s/${link.token}/side/om_deg`)).text();
    const m = /name="_csrf" value="([^"]+)"/.exec(html);
    if (m?.[1]) csrf.set(link.token, m[1]);
    return m?.[1] ?? null;
  } catch {
    return null;
  }
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function respondent(mine: readonly PersonalLink[], seed: number): Promise<void> {
  let n = 0;
  while (up || n === 0) {
    const link = mine[n % mine.length] as PersonalLink;
    n++;
    const token = await tokenFor(link);
    if (!token) {
      await pause(100);
      continue;
    }
    const t = tracked.get(link.token) as Tracked;
    if ((n + seed) % 5 === 0) {
      // A double click with second thoughts on a single choice: two answers at once.
      const q = singles.get(link.role);
      if (q && q.type === 'single') {
        const [a, b] = q.options;
        const path = `/s/${link.token}/side/${q.section}`;
        const statuses = await Promise.all(
          [a, b].map((o) =>
            send(path, [
              ['_csrf', token],
              ['action', 'next'],
              [`q.${q.key}`, String(o?.code)],
            ]),
          ),
        );
        counts.doublePosts++;
        for (const s of statuses) count(s);
        continue;
      }
    }
    const text = `lagring ${seed}-${n}`;
    const status = await send(`/s/${link.token}/side/om_deg`, [
      ['_csrf', token],
      ['action', 'next'],
      ['q.rolle', text],
    ]);
    count(status);
    if (status === 303) {
      t.acked = text;
      t.unknown = [];
      counts.acknowledged++;
    } else if (status !== 'refused') t.unknown.push(text);
    if (status === null || status === 'refused') await pause(100);
  }
}

function count(status: number | 'refused' | null): void {
  if (status === 'refused') counts.refused++;
  else if (status === null) counts.cut++;
  else if (status === 500) counts.http500++;
  else if (status !== 303) counts.other++;
}

const started = Date.now();
let downMs = 0;
const workers = Array.from({ length: respondents }, (_, i) =>
  respondent(
    links.filter((_, j) => j % respondents === i),
    i,
  ),
);
for (let k = 0; k < kills; k++) {
  await pause(1000 + ((k * 7919) % 2000));
  await server.kill();
  const down = Date.now();
  await server.start();
  downMs += Date.now() - down;
  log(`kill ${k + 1}/${kills}: ${counts.acknowledged} acknowledged so far`);
}
await pause(500);
up = false;
await Promise.all(workers);
const upSeconds = (Date.now() - started - downMs) / 1000;
await server.stop();

// What the store holds now.
const texts = new Map(
  (
    await store.db
      .selectFrom('answer')
      .innerJoin('response', 'response.id', 'answer.response_id')
      .innerJoin('access_token', (j) =>
        j
          .onRef('access_token.round_year', '=', 'response.round_year')
          .onRef('access_token.role', '=', 'response.role')
          .onRef('access_token.unit_number', '=', 'response.unit_number'),
      )
      .select(['access_token.token', 'answer.text'])
      .where('answer.question_key', '=', 'rolle')
      .execute()
  ).map((r) => [r.token, r.text]),
);
let lost = 0;
for (const [token, t] of tracked) {
  if (t.acked === null) continue;
  const stored = texts.get(token) ?? null;
  if (stored !== t.acked && !t.unknown.includes(stored ?? '')) lost++;
}
const singleKeys = [...singles.values()].map((q) => q.key);
const contradictory = (
  await store.db
    .selectFrom('answer')
    .select(['response_id', 'question_key', 'item_key'])
    .where('question_key', 'in', singleKeys)
    .groupBy(['response_id', 'question_key', 'item_key'])
    .having((eb) => eb.fn.countAll(), '>', 1)
    .execute()
).length;
await dispose();

console.log(
  JSON.stringify({
    dialect,
    kills,
    respondents,
    acknowledged: counts.acknowledged,
    lost,
    contradictory,
    double_posts: counts.doublePosts,
    http_500: counts.http500,
    other_status: counts.other,
    cut_by_kill: counts.cut,
    refused_while_down: counts.refused,
    saves_per_s_up: Math.round(counts.acknowledged / upSeconds),
  }),
);
