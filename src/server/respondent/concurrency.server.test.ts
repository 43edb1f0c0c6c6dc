/**
 * Two real `kommunepuls serve` processes on one database (a SQLite file, or one PostgreSQL
 * schema), and every respondent's page posted to both at the same moment with contradicting
 * answers, a retry of each, and a submit racing a save: every request is answered as a single
 * one would be (never a 500), and every form ends with one page's answers whole.
 */
import assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
import { ensureLinks, type PersonalLink } from '../../collect/link.service.ts';
import { importRegistry } from '../../registry/registry.service.ts';
import { miniRegistryCsv, writeMiniTemplate } from '../../round/fixtures.ts';
import { createRound } from '../../round/round.service.ts';
import type { Store } from '../../store/store.ts';
import { describeStores } from '../../store/testing.ts';
import { type ServerProcess, startServer } from '../testing/server-process.ts';

const template = writeMiniTemplate();
const clock = '2020-01-15T10:00:00Z';

const pageA = { 'q.samarbeid': '1', 'q.samarbeid_med': ['1', '2'], 'q.har_oversikt': '1', 'q.antall': '5', 'q.utfordring': '1' };
const pageB = { 'q.samarbeid': '2', 'q.har_oversikt': '2', 'q.utfordring': '5' };

async function csrfOf(server: ServerProcess, link: PersonalLink): Promise<string> {
  const html = await (await fetch(`${server.url}/s/${link.token}/side/tema`)).text();
  const m = html.match(/name="_csrf" value="([^"]+)"/);
  assert.ok(m, 'the page has a CSRF field');
  return m[1] as string;
}

async function post(server: ServerProcess, path: string, fields: Record<string, string | string[]>): Promise<number> {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const x of typeof v === 'string' ? [v] : v) body.append(k, x);
  const res = await fetch(`${server.url}${path}`, {
    method: 'POST',
    body,
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' },
  });
  await res.arrayBuffer();
  return res.status;
}

/** The stored "tema" answers per response, as question → sorted codes. */
async function storedPages(store: Store): Promise<Map<number, Record<string, number[]>>> {
  const rows = await store.db
    .selectFrom('answer')
    .select(['response_id', 'question_key', 'code', 'num'])
    .where('question_key', 'in', ['samarbeid', 'samarbeid_med', 'har_oversikt', 'antall', 'utfordring'])
    .execute();
  const out = new Map<number, Record<string, number[]>>();
  for (const r of rows) {
    const page = out.get(r.response_id) ?? {};
    const values = page[r.question_key] ?? [];
    values.push((r.code ?? r.num) as number);
    values.sort();
    page[r.question_key] = values;
    out.set(r.response_id, page);
  }
  return out;
}

const wholeA = { samarbeid: [1], samarbeid_med: [1, 2], har_oversikt: [1], antall: [5], utfordring: [1] };
const wholeB = { samarbeid: [2], har_oversikt: [2], utfordring: [5] };

describeStores(
  'two servers on one database',
  (test) => {
    test('answer contradicting simultaneous posts of every form without an error and keep one whole page each', async (store, ctx) => {
      await importRegistry(store, 2019, miniRegistryCsv, 'r.csv');
      await createRound(store, { year: 2019, template });
      const links = await ensureLinks(store, 2019);
      const [one, two] = await Promise.all([startServer({ db: ctx.url, clock }), startServer({ db: ctx.url, clock })]);
      try {
        const csrf = new Map<string, string>();
        for (const link of links) csrf.set(link.token, await csrfOf(one, link));
        const page = (link: PersonalLink, fields: Record<string, string | string[]>) => ({
          _csrf: csrf.get(link.token) as string,
          action: 'next',
          ...fields,
        });
        // Each form: A to one server and B to the other at once, then a retry of each (not started yet).
        const statuses = await Promise.all(
          links.flatMap((link) => {
            const path = `/s/${link.token}/side/tema`;
            return [
              post(one, path, page(link, pageA)),
              post(two, path, page(link, pageB)),
              post(two, path, page(link, pageA)),
              post(one, path, page(link, pageB)),
            ];
          }),
        );
        assert.deepEqual([...new Set(statuses)], [303], 'every post redirects to the next page');
        const pages = await storedPages(store);
        assert.equal(pages.size, links.length, 'every form has its page stored once');
        for (const [id, p] of pages)
          assert.ok(isDeepStrictEqual(p, wholeA) || isDeepStrictEqual(p, wholeB), `response ${id}: ${JSON.stringify(p)}`);

        // A submit racing a save and its double click: both succeed, the response is submitted with the save's page.
        const raced = await Promise.all(
          links.flatMap((link) => [
            post(one, `/s/${link.token}/send`, { _csrf: csrf.get(link.token) as string }),
            post(two, `/s/${link.token}/side/tema`, page(link, pageB)),
            post(two, `/s/${link.token}/send`, { _csrf: csrf.get(link.token) as string }),
          ]),
        );
        assert.deepEqual([...new Set(raced)], [303]);
        const statuses2 = await store.db.selectFrom('response').select(['status', 'submitted_at']).execute();
        assert.equal(statuses2.length, links.length);
        assert.ok(statuses2.every((r) => r.status === 'submitted' && r.submitted_at !== null));
        for (const [id, p] of await storedPages(store)) assert.deepEqual(p, wholeB, `response ${id}`);
      } finally {
        await Promise.all([one.stop(), two.stop()]);
      }
    });
  },
  { file: true },
);
