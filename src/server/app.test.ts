import assert from 'node:assert/strict';
import { addUser } from '../auth/user.service.ts';
import { loadConfig } from '../config/config.ts';
import { importRegistry } from '../registry/registry.service.ts';
import { miniRegistryCsv, writeMiniTemplate } from '../round/fixtures.ts';
import { createRound } from '../round/round.service.ts';
import { describeStores } from '../store/testing.ts';
import { logIn } from './admin/testing.ts';
import { createApp } from './app.ts';
import { defaultLoginLimits } from './rate-limit.ts';

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

  test('sends the user only to a path on this site after logging in, whatever the browser would make of `neste`', async (store) => {
    const app = createApp(store, cfg);
    await addUser(store, { email: 'kari@example.no', password: 'riktig-hemmelig-passord', role: 'admin', name: 'Kari' });
    const afterLogin = async (neste: string) => {
      const res = await app.request('/logg-inn', {
        method: 'POST',
        body: new URLSearchParams({ email: 'kari@example.no', password: 'riktig-hemmelig-passord', neste }),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      assert.equal(res.status, 303, neste);
      return res.headers.get('location');
    };
    const hostile = [
      '//evil.example',
      '/\\evil.example',
      '\\/evil.example',
      '/\t/evil.example',
      '/\n/evil.example',
      '/\r/evil.example',
      '/\u0000/evil.example',
      '/.//evil.example',
      '/./\\evil.example',
      'https://evil.example/',
      'evil.example',
      ' /evil',
      'javascript:alert(1)',
      '',
    ];
    for (const neste of hostile) {
      assert.equal(await afterLogin(neste), '/', JSON.stringify(neste));
      const form = await (await app.request(`/logg-inn?neste=${encodeURIComponent(neste)}`)).text();
      assert.match(form, /name="neste" value="\/"/, `login form for ${JSON.stringify(neste)}`);
    }
    for (const neste of ['/registry/2019?q=vik', '/runde/2019#oversikt', '/', '/s%2F/x'])
      assert.equal(await afterLogin(neste), neste, 'a same-site path is kept');
  });

  test('forbids caching of the login page and every page behind it', async (store) => {
    const app = createApp(store, cfg);
    const session = await logIn(app, store);
    for (const path of ['/', '/registry/2019', '/kontakter', '/runde/2019', '/nothing/here']) {
      assert.equal((await session.get(path)).headers.get('cache-control'), 'no-store', path);
    }
    assert.equal((await app.request('/logg-inn')).headers.get('cache-control'), 'no-store');
    assert.equal((await app.request('/registry/2019')).headers.get('cache-control'), 'no-store', 'the redirect to the login');
    const failed = await app.request('/logg-inn', {
      method: 'POST',
      body: new URLSearchParams({ email: 'x@example.no', password: 'feil' }),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(failed.headers.get('cache-control'), 'no-store');
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

  test('locks out the guessing address, not the account: the real user elsewhere logs in, and the lock ends with its window', async (store) => {
    let now = 1_000_000;
    const app = createApp(store, loadConfig({}), { now: () => now });
    await logIn(app, store);
    const attempt = (password: string, from: string) =>
      app.request(
        '/logg-inn',
        {
          method: 'POST',
          body: new URLSearchParams({ email: 'admin@example.no', password }),
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        },
        { incoming: { socket: { remoteAddress: from } } },
      );
    for (let i = 0; i < 5; i++) assert.equal((await attempt(`gjett-${i}-xxxxxx`, '203.0.113.66')).status, 401);
    const refused = await attempt('riktig-hemmelig-passord', '203.0.113.66');
    assert.equal(refused.status, 429);
    assert.equal(refused.headers.get('retry-after'), '900');
    assert.match(await refused.text(), /For mange mislykkede forsøk\. Vent 15 minutter og prøv igjen\./);
    assert.equal((await attempt('riktig-hemmelig-passord', '198.51.100.7')).status, 303, 'the real user at another address');
    now += 15 * 60_000;
    assert.equal((await attempt('riktig-hemmelig-passord', '203.0.113.66')).status, 303, 'after the window');
  });

  test('makes only new addresses wait when an account is attacked from many addresses', async (store) => {
    const limits = { ...defaultLoginLimits, perPair: 2, perAccount: 4 };
    const app = createApp(store, loadConfig({}), { loginLimits: limits });
    await addUser(store, { email: 'kari@example.no', password: 'riktig-hemmelig-passord', role: 'admin', name: 'Kari' });
    const attempt = (password: string, from: string) =>
      app.request(
        '/logg-inn',
        {
          method: 'POST',
          body: new URLSearchParams({ email: 'Kari@example.no', password }),
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        },
        { incoming: { socket: { remoteAddress: from } } },
      );
    assert.equal((await attempt('riktig-hemmelig-passord', '198.51.100.7')).status, 303, 'Kari at her usual machine');
    for (const from of ['203.0.113.1', '203.0.113.2']) for (let i = 0; i < 2; i++) await attempt(`gjett-${i}-xxxxxx`, from);
    const waits = await attempt('riktig-hemmelig-passord', '192.0.2.50');
    assert.equal(waits.status, 429);
    assert.match(await waits.text(), /for mange mislykkede forsøk på denne kontoen/);
    assert.equal((await attempt('riktig-hemmelig-passord', '198.51.100.7')).status, 303, 'her usual machine still gets in');
  });

  test('tells clients behind a trusted proxy apart by X-Forwarded-For, and ignores the header from anyone else', async (store) => {
    const app = createApp(store, loadConfig({ KOMMUNEPULS_TRUSTED_PROXIES: 'loopback' }));
    await logIn(app, store);
    const attempt = (password: string, socket: string, forwardedFor: string) =>
      app.request(
        '/logg-inn',
        {
          method: 'POST',
          body: new URLSearchParams({ email: 'admin@example.no', password }),
          headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': forwardedFor },
        },
        { incoming: { socket: { remoteAddress: socket } } },
      );
    for (let i = 0; i < 5; i++) await attempt(`gjett-${i}-xxxxxx`, '127.0.0.1', `10.9.9.${i}, 203.0.113.66`);
    assert.equal((await attempt('riktig-hemmelig-passord', '127.0.0.1', '203.0.113.66')).status, 429, 'the guesser, via the proxy');
    assert.equal((await attempt('riktig-hemmelig-passord', '127.0.0.1', '198.51.100.7')).status, 303, 'another user via the same proxy');
    for (let i = 0; i < 5; i++) await attempt(`gjett-${i}-xxxxxx`, '203.0.113.99', `10.0.0.${i}`);
    assert.equal(
      (await attempt('riktig-hemmelig-passord', '203.0.113.99', '10.0.0.200')).status,
      429,
      'a direct client cannot escape by writing the header',
    );
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
