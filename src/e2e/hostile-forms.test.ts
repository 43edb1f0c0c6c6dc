/**
 * Broken and hostile request bodies against the respondents' form and the survey team's upload
 * routes, on both dialects: every one is answered with a page (303, 400, 403, 413 or 422), never
 * a 500; the stored answers afterwards still obey the questionnaire (one answer to a single
 * choice, codes that exist, numbers in range, texts within their limit), and no request that
 * was refused changed an answer.
 */
import assert from 'node:assert/strict';
import { formState, openForm } from '../collect/form.service.ts';
import { ensureLinks } from '../collect/link.service.ts';
import { loadConfig } from '../config/config.ts';
import { checkAnswer } from '../questionnaire/answer.ts';
import type { Question } from '../questionnaire/model.ts';
import { importRegistry } from '../registry/registry.service.ts';
import { miniRegistryCsv, writeMiniTemplate } from '../round/fixtures.ts';
import { createRound } from '../round/round.service.ts';
import { logIn } from '../server/admin/testing.ts';
import { createApp } from '../server/app.ts';
import type { Store } from '../store/store.ts';
import { describeStores } from '../store/testing.ts';
import { brokenCsvs } from './hostile.corpus.ts';

const template = writeMiniTemplate();
const allowed = [303, 400, 403, 413, 422];

/** A urlencoded body from pairs, with raw (already encoded) pieces allowed. */
const encoded = (pairs: [string, string][], raw = '') =>
  [...pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`), ...(raw ? [raw] : [])].join('&');

/** Bodies for the "tema" page: each broken or hostile in its own way. */
function hostileBodies(csrf: string): { what: string; body: string | FormData; type?: string; refused: boolean }[] {
  const page = (pairs: [string, string][], raw = '') => encoded([['_csrf', csrf], ['action', 'next'], ...pairs], raw);
  const many = Array.from({ length: 10_000 }, (_, i) => [`q.felt${i}`, 'x'] as [string, string]);
  const multipart = new FormData();
  multipart.set('_csrf', csrf);
  multipart.set('q.samarbeid', new File(['1'], 'svar.txt'));
  return [
    {
      what: 'two answers to a single choice',
      body: page([
        ['q.samarbeid', '1'],
        ['q.samarbeid', '2'],
      ]),
      refused: true,
    },
    { what: 'an option that does not exist', body: page([['q.samarbeid', '99']]), refused: true },
    { what: 'SQL in a code', body: page([['q.samarbeid', "1' OR '1'='1"]]), refused: true },
    {
      what: 'a number too large for a double',
      body: page([
        ['q.har_oversikt', '1'],
        ['q.antall', '1e309'],
      ]),
      refused: true,
    },
    {
      what: 'NaN as a number',
      body: page([
        ['q.har_oversikt', '1'],
        ['q.antall', 'NaN'],
      ]),
      refused: true,
    },
    {
      what: 'a hexadecimal number',
      body: page([
        ['q.har_oversikt', '1'],
        ['q.antall', '0x10'],
      ]),
      refused: true,
    },
    {
      what: 'a number outside the range',
      body: page([
        ['q.har_oversikt', '1'],
        ['q.antall', '-5'],
      ]),
      refused: true,
    },
    { what: 'a matrix item that does not exist', body: page([['q.kjennskap.ukjent', '1']]), refused: false },
    { what: 'a matrix code that does not exist', body: page([['q.kjennskap.nettsted', '7']]), refused: true },
    {
      what: 'an exclusive option with another',
      body: page([
        ['q.samarbeid', '1'],
        ['q.samarbeid_med', '4'],
        ['q.samarbeid_med', '1'],
      ]),
      refused: true,
    },
    {
      what: 'a specification without its option',
      body: page([
        ['q.samarbeid', '1'],
        ['q.samarbeid_med', '1'],
        ['q.samarbeid_med.tekst', 'x'],
      ]),
      refused: true,
    },
    { what: 'invalid percent-encoding (bytes that are not UTF-8)', body: page([], 'q.samarbeid=1&q.utfordring=%FF%FE'), refused: true },
    { what: 'a NUL byte in a code', body: page([['q.samarbeid', '1\u0000']]), refused: true },
    { what: 'a field name of 100 KB', body: page([['x'.repeat(100_000), '1']]), refused: false },
    { what: '10 000 unknown fields', body: page(many), refused: false },
    { what: 'a body of 2 MB', body: page([['q.samarbeid', '1'.repeat(2 << 20)]]), refused: true },
    { what: 'no CSRF token', body: encoded([['q.samarbeid', '1']]), refused: true },
    {
      what: 'the CSRF token twice',
      body: encoded([
        ['_csrf', csrf],
        ['_csrf', csrf],
        ['q.samarbeid', '2'],
      ]),
      refused: true,
    },
    { what: 'a file where a code belongs', body: multipart, refused: true },
    {
      what: 'a multipart body with a broken boundary',
      body: `--zzz\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n--zz`,
      type: 'multipart/form-data; boundary=zzz',
      refused: true,
    },
    { what: 'JSON instead of a form', body: JSON.stringify({ _csrf: csrf, 'q.samarbeid': '1' }), type: 'application/json', refused: true },
    {
      what: 'an unknown action',
      body: page([
        ['action', '../../etc/passwd'],
        ['q.samarbeid', '1'],
      ]),
      refused: false,
    },
  ];
}

async function storedAnswersValid(store: Store, token: string): Promise<void> {
  const ctx = await openForm(store, token);
  assert.ok(ctx);
  for (const [key, answer] of (await formState(store, ctx)).answers) {
    const q: Question | undefined = ctx.questionnaire.questions.find((x) => x.key === key);
    assert.ok(q, `a stored answer to an unknown question ${key}`);
    const problem = checkAnswer(q, answer);
    assert.equal(problem, null, `the stored answer to ${key} breaks its question: ${JSON.stringify(answer)}`);
  }
}

describeStores('hostile request bodies', (test) => {
  test('the respondent form answers every broken body with a page and keeps only valid answers', async (store) => {
    await importRegistry(store, 2019, miniRegistryCsv, 'r.csv');
    await createRound(store, { year: 2019, template });
    const link = (await ensureLinks(store, 2019, 'kommunedirektor')).find((l) => l.unitNumber === '0303');
    assert.ok(link);
    const app = createApp(store, loadConfig({ KOMMUNEPULS_CLOCK: '2020-01-15T10:00:00Z' }));
    const path = `/s/${link.token}/side/tema`;
    const csrf = (await (await app.request(path)).text()).match(/name="_csrf" value="([^"]+)"/)?.[1] ?? '';
    // A valid page first, so a refused body that changed answers would show.
    const first = await app.request(path, {
      method: 'POST',
      body: encoded([
        ['_csrf', csrf],
        ['action', 'next'],
        ['q.samarbeid', '2'],
        ['q.har_oversikt', '2'],
      ]),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(first.status, 303);
    const answersNow = async () =>
      JSON.stringify(
        await store.db.selectFrom('answer').select(['question_key', 'item_key', 'code', 'num', 'text']).orderBy('question_key').execute(),
      );
    for (const h of hostileBodies(csrf)) {
      const before = await answersNow();
      const headers: Record<string, string> = h.type
        ? { 'content-type': h.type }
        : h.body instanceof FormData
          ? {}
          : { 'content-type': 'application/x-www-form-urlencoded' };
      const res = await app.request(path, { method: 'POST', body: h.body, headers });
      const text = await res.text();
      assert.ok(allowed.includes(res.status), `${h.what}: HTTP ${res.status} ${text.slice(0, 200)}`);
      assert.ok(/<html lang="(nb|nn|en)"/.test(text) || res.status === 303, `${h.what}: answered with a page`);
      if (h.refused) assert.equal(await answersNow(), before, `${h.what}: no answer changed`);
      await storedAnswersValid(store, link.token);
    }
  });

  test('the upload routes answer broken files and bodies with a page, never a 500', async (store) => {
    await importRegistry(store, 2019, miniRegistryCsv, 'r.csv');
    await createRound(store, { year: 2019, template });
    const app = createApp(store, loadConfig({ KOMMUNEPULS_CLOCK: '2019-12-01T10:00:00Z' }));
    const session = await logIn(app, store);
    const csrf = (await (await session.get('/')).text()).match(/name="_csrf" value="([^"]+)"/)?.[1] ?? '';
    const upload = async (path: string, fields: Record<string, string>, file: Buffer | string | null, fileField = 'fil') => {
      const form = new FormData();
      form.set('_csrf', csrf);
      for (const [k, v] of Object.entries(fields)) form.set(k, v);
      if (file !== null) form.set(fileField, typeof file === 'string' ? file : new File([new Uint8Array(file)], 'fil.csv'));
      return app.request(path, { method: 'POST', body: form, headers: { cookie: session.cookie } });
    };
    const routes: [string, Record<string, string>][] = [
      ['/registry/import', { ar: '2021' }],
      ['/registry/kobling', { fra: '2019', til: '2021' }],
      ['/kontakter/import', { ar: '2019' }],
      ['/runde/2019/skjema/skolesjef/import', {}],
    ];
    for (const [path, fields] of routes) {
      for (const b of brokenCsvs(miniRegistryCsv)) {
        const res = await upload(path, fields, b.bytes);
        assert.ok(allowed.includes(res.status), `${path}, ${b.damage}: HTTP ${res.status}`);
      }
      for (const [what, file] of [
        ['no file', null],
        ['text where the file belongs', 'not a file'],
      ] as const) {
        const res = await upload(path, fields, file);
        assert.ok(allowed.includes(res.status), `${path}, ${what}: HTTP ${res.status}`);
      }
      const broken = await app.request(path, {
        method: 'POST',
        body: `--b\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n--b\r\nContent-Disposition: form-data; name="fil"; filename="x.csv"\r\n\r\nabc`,
        headers: { cookie: session.cookie, 'content-type': 'multipart/form-data; boundary=b' },
      });
      assert.ok(allowed.includes(broken.status), `${path}, a multipart body cut off: HTTP ${broken.status}`);
    }
  });
});
