import assert from 'node:assert/strict';
import { loadConfig } from '../config/config.ts';
import { importRegistry } from '../registry/registry.service.ts';
import { miniRegistryCsv, writeMiniTemplate } from '../round/fixtures.ts';
import { createRound } from '../round/round.service.ts';
import { describeStores } from '../store/testing.ts';
import { createApp } from './app.ts';

const cfg = loadConfig({});
const template = writeMiniTemplate();

describeStores('web pages', (test) => {
  test('shows the rounds with units per role on the start page', async (store) => {
    await importRegistry(store, 2019, miniRegistryCsv, 'r.csv');
    await createRound(store, { year: 2019, template });
    const res = await createApp(store, cfg).request('/');
    assert.equal(res.status, 200);
    const body = await res.text();
    assert.match(body, /<html lang="nb">/);
    assert.match(body, /Undersøkelsen 2019/);
    assert.match(body, /svarperiode 3\. januar 2020 – 29\. januar 2020/);
    assert.match(body, /<th scope="row">Skolesjef<\/th><td class="num">6<\/td>/);
  });

  test('escapes user text from the registry', async (store) => {
    const evil = '<script>alert(1)</script>';
    await importRegistry(store, 2019, `kommunenummer;navn;fylkesnummer;fylkesnavn\n0101;"${evil}";01;"Fylke ""x"" & <b>"\n`, 'r.csv');
    const body = await (await createApp(store, cfg).request('/registry/2019')).text();
    assert.ok(!body.includes(evil));
    assert.ok(body.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.ok(body.includes('Fylke &quot;x&quot; &amp; &lt;b&gt;'));
  });

  test('sends a strict Content-Security-Policy and answers unknown paths with a plain 404', async (store) => {
    const app = createApp(store, cfg);
    const res = await app.request('/nothing/here');
    assert.equal(res.status, 404);
    assert.match(res.headers.get('content-security-policy') ?? '', /default-src 'none'/);
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    const missing = await app.request('/registry/2031');
    assert.equal(missing.status, 404);
  });
});
