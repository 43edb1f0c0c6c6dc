import assert from 'node:assert/strict';
import { loadConfig } from '../config/config.ts';
import { importRegistry } from '../registry/registry.service.ts';
import { miniRegistryCsv, writeMiniTemplate } from '../round/fixtures.ts';
import { createRound } from '../round/round.service.ts';
import { describeStores } from '../store/testing.ts';
import { logIn } from './admin/testing.ts';
import { createApp } from './app.ts';

const cfg = loadConfig({});
const template = writeMiniTemplate();

describeStores('web pages', (test) => {
  test('guides through the year of the newest round and lists the rounds with units per role on the start page', async (store) => {
    await importRegistry(store, 2019, miniRegistryCsv, 'r.csv');
    await createRound(store, { year: 2019, template });
    const app = createApp(store, cfg);
    const res = await (await logIn(app, store)).get('/');
    assert.equal(res.status, 200);
    const body = await res.text();
    assert.match(body, /<html lang="nb">/);
    assert.match(body, /Året steg for steg: undersøkelsen 2019/);
    for (const step of [
      '/registry/2019',
      '/runde/2019/skjema/',
      '/utsendelser?ar=2019',
      '/runde/2019"',
      '/runde/2019/rapport',
      '/runde/2019/eksport',
    ])
      assert.ok(body.includes(`href="${step}`), `the guide links ${step}`);
    assert.match(body, /<a href="\/runde\/2019">2019<\/a>/);
    assert.match(body, /register 2019<br>3\. januar 2020 – 29\. januar 2020/);
    assert.match(body, /<th scope="row">Skolesjef<\/th><td class="num">6<\/td>/);
  });

  test('escapes user text from the registry', async (store) => {
    const evil = '<script>alert(1)</script>';
    await importRegistry(store, 2019, `kommunenummer;navn;fylkesnummer;fylkesnavn\n0101;"${evil}";01;"Fylke ""x"" & <b>"\n`, 'r.csv');
    const app = createApp(store, cfg);
    const body = await (await (await logIn(app, store)).get('/registry/2019')).text();
    assert.ok(!body.includes(evil));
    assert.ok(body.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.ok(body.includes('Fylke &quot;x&quot; &amp; &lt;b&gt;'));
  });

  test('sends a strict Content-Security-Policy and answers unknown paths with a plain 404', async (store) => {
    const app = createApp(store, cfg);
    const session = await logIn(app, store);
    const res = await session.get('/nothing/here');
    assert.equal(res.status, 404);
    assert.match(res.headers.get('content-security-policy') ?? '', /default-src 'none'/);
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    const missing = await session.get('/registry/2031');
    assert.equal(missing.status, 404);
  });

  test('sends a visitor without a session to the login page and back after logging in', async (store) => {
    const app = createApp(store, cfg);
    const res = await app.request('/registry/2019?q=vik');
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), '/logg-inn?neste=%2Fregistry%2F2019%3Fq%3Dvik');
    const form = await (await app.request('/logg-inn?neste=%2Fregistry%2F2019')).text();
    assert.match(form, /name="neste" value="\/registry\/2019"/);
    assert.equal((await app.request('/logg-inn?neste=//evil.example')).status, 200);
    assert.match(await (await app.request('/logg-inn?neste=//evil.example')).text(), /name="neste" value="\/"/, 'no open redirect');
  });

  test('refuses a wrong password, and slows down repeated guessing', async (store) => {
    const app = createApp(store, cfg);
    await logIn(app, store);
    const attempt = (password: string) =>
      app.request('/logg-inn', {
        method: 'POST',
        body: new URLSearchParams({ email: 'admin@example.no', password }),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
    const wrong = await attempt('feil-passord-123');
    assert.equal(wrong.status, 401);
    assert.match(await wrong.text(), /Feil e-post eller passord/);
    assert.equal(wrong.headers.get('set-cookie'), null);
    let status = 0;
    for (let i = 0; i < 10; i++) status = (await attempt(`gjett-${i}-xxxxxx`)).status;
    assert.equal(status, 429);
    assert.equal((await attempt('riktig-hemmelig-passord')).status, 429, 'blocked even with the right password until the window passes');
  });

  test('ends the session on logout and refuses posts without the CSRF token', async (store) => {
    const app = createApp(store, cfg);
    const session = await logIn(app, store);
    const noToken = await app.request('/logg-ut', { method: 'POST', headers: { cookie: session.cookie } });
    assert.equal(noToken.status, 403);
    assert.equal((await session.get('/')).status, 200, 'still logged in');
    const out = await session.post('/logg-ut');
    assert.equal(out.status, 303);
    assert.equal((await session.get('/')).status, 303, 'the old cookie no longer works');
  });

  test('lets an analyst read but not change anything', async (store) => {
    const app = createApp(store, cfg);
    const analyst = await logIn(app, store, 'analyst');
    assert.equal((await analyst.get('/')).status, 200);
    assert.match(await (await analyst.get('/')).text(), /lesetilgang/);
    const res = await analyst.post('/kontakter', {});
    assert.equal(res.status, 403);
  });
});
