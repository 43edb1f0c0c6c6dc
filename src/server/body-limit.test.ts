import assert from 'node:assert/strict';
import { ensureLinks } from '../collect/link.service.ts';
import { loadConfig } from '../config/config.ts';
import { importRegistry } from '../registry/registry.service.ts';
import { miniRegistryCsv, writeMiniTemplate } from '../round/fixtures.ts';
import { createRound } from '../round/round.service.ts';
import type { Store } from '../store/store.ts';
import { describeStores } from '../store/testing.ts';
import { logIn } from './admin/testing.ts';
import { createApp } from './app.ts';
import { bodyLimits } from './limits.ts';
import { respondentPolicy } from './respondent/layout.ts';

const template = writeMiniTemplate();
const cfg = loadConfig({ KOMMUNEPULS_CLOCK: '2020-01-15T10:00:00Z' });
const form = { 'content-type': 'application/x-www-form-urlencoded' };

/** A body of `size` bytes of `a=xxxx…`, streamed in 64 KB pieces; `pulled()` tells how much was read. */
function streamedBody(size: number) {
  let sent = 0;
  const piece = new TextEncoder().encode('x'.repeat(64 * 1024));
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent === 0) {
        sent += 2;
        controller.enqueue(new TextEncoder().encode('a='));
        return;
      }
      if (sent >= size) {
        controller.close();
        return;
      }
      const chunk = piece.subarray(0, Math.min(piece.length, size - sent));
      sent += chunk.length;
      controller.enqueue(chunk);
    },
  });
  return { stream, pulled: () => sent };
}

async function setUpRound(store: Store) {
  await importRegistry(store, 2019, miniRegistryCsv, 'r.csv');
  await createRound(store, { year: 2019, template });
  const link = (await ensureLinks(store, 2019, 'kommunedirektor'))[0];
  assert.ok(link);
  return `/s/${link.token}`;
}

describeStores('request body limits', (test) => {
  test('refuses a login post over 16 kB with a Norwegian 413 page, whether or not it declares its length', async (store) => {
    const app = createApp(store, cfg);
    const big = new URLSearchParams({ email: 'a@example.no', password: 'x'.repeat(bodyLimits.login) }).toString();
    const declared = await app.request('/logg-inn', {
      method: 'POST',
      body: big,
      headers: { ...form, 'content-length': String(Buffer.byteLength(big)) },
    });
    assert.equal(declared.status, 413);
    assert.equal(declared.headers.get('connection'), 'close');
    const page = await declared.text();
    assert.match(page, /Forespørselen er for stor: høyst 16 kB er tillatt her/);
    assert.match(page, /<header><a class="brand" href="\/">Kommunepuls<\/a><\/header>/, 'the admin frame');
    const body = streamedBody(10 * 1024 * 1024);
    const chunked = await app.request('/logg-inn', { method: 'POST', body: body.stream, headers: form, duplex: 'half' } as RequestInit);
    assert.equal(chunked.status, 413);
    assert.ok(body.pulled() < 200 * 1024, `read ${body.pulled()} bytes of a 10 MB body`);
    const small = await app.request('/logg-inn', {
      method: 'POST',
      body: new URLSearchParams({ email: 'a@example.no', password: 'x'.repeat(bodyLimits.login - 100) }),
      headers: form,
    });
    assert.equal(small.status, 401, 'under the limit the login answers as usual');
  });

  test('refuses a respondent’s oversized page in the respondent frame and language, and saves nothing', async (store) => {
    const base = await setUpRound(store);
    const app = createApp(store, cfg);
    const csrf = ((await (await app.request(`${base}/side/om_deg`)).text()).match(/name="_csrf" value="([^"]+)"/) ?? [])[1];
    assert.ok(csrf);
    const fields = { _csrf: csrf, 'q.rolle': 'Rådmann', 'q.pad': 'x'.repeat(bodyLimits.respondentForm) };
    const res = await app.request(`${base}/side/om_deg`, { method: 'POST', body: new URLSearchParams(fields), headers: form });
    assert.equal(res.status, 413);
    assert.equal(res.headers.get('content-security-policy'), respondentPolicy);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    const page = await res.text();
    assert.match(page, /<meta name="robots" content="noindex">/, 'the respondent frame');
    assert.match(page, /<h1>Forespørselen er for stor<\/h1><p>Forespørselen er for stor: høyst 1 MB er tillatt\./);
    assert.ok(page.includes(`<a href="${base}">Tilbake til skjemaet</a>`));
    assert.match(await (await app.request(`${base}/side/om_deg`)).text(), /name="q\.rolle" value=""/, 'nothing saved');
    const en = await app.request(`${base}/side/om_deg`, {
      method: 'POST',
      body: new URLSearchParams(fields),
      headers: { ...form, cookie: 'kp_lang=en' },
    });
    assert.match(await en.text(), /<html lang="en">[\s\S]*The request is too large: at most 1 MB is allowed/);
  });

  test('does not read the body of a post it refuses anyway: no session, or an unknown link', async (store) => {
    const app = createApp(store, cfg);
    const upload = streamedBody(50 * 1024 * 1024);
    const res = await app.request('/registry/import', {
      method: 'POST',
      body: upload.stream,
      headers: form,
      duplex: 'half',
    } as RequestInit);
    assert.equal(res.status, 403);
    assert.ok(upload.pulled() < 200 * 1024, `read ${upload.pulled()} bytes without a session`);
    const guess = streamedBody(50 * 1024 * 1024);
    const unknown = await app.request(`/s/${'C'.repeat(43)}/side/om_deg`, {
      method: 'POST',
      body: guess.stream,
      headers: form,
      duplex: 'half',
    } as RequestInit);
    assert.equal(unknown.status, 404);
    assert.ok(guess.pulled() < 200 * 1024, `read ${guess.pulled()} bytes for an unknown link`);
  });

  test('allows 20 MB for file uploads and 1 MB for other admin forms', async (store) => {
    const app = createApp(store, cfg);
    const session = await logIn(app, store);
    const form = await session.post('/kontakter', { note: 'x'.repeat(bodyLimits.adminForm) });
    assert.equal(form.status, 413);
    assert.match(await form.text(), /høyst 1 MB er tillatt her/);
    const csrf = ((await (await session.get('/')).text()).match(/name="_csrf" value="([^"]+)"/) ?? [])[1] as string;
    const upload = (padding: number) => {
      const data = new FormData();
      data.append('_csrf', csrf);
      data.append('ar', '2019');
      // Padding as a second file: the form's text fields have their own limit (limits.ts fieldLimits).
      data.append('pad', new Blob(['x'.repeat(padding)]), 'pad.txt');
      data.append('fil', new Blob([miniRegistryCsv], { type: 'text/csv' }), 'register.csv');
      return app.request('/registry/import', { method: 'POST', body: data, headers: { cookie: session.cookie } });
    };
    const fine = await upload(2 * 1024 * 1024);
    assert.equal(fine.status, 200, 'a 2 MB upload is imported');
    const tooBig = await upload(bodyLimits.upload);
    assert.equal(tooBig.status, 413);
    const page = await tooBig.text();
    assert.match(page, /høyst 20 MB er tillatt her/);
    assert.match(page, /Filen er for stor/);
  });
});
