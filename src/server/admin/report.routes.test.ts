import assert from 'node:assert/strict';
import { loadConfig } from '../../config/config.ts';
import { importRegistry } from '../../registry/registry.service.ts';
import { miniRegistryCsv } from '../../round/fixtures.ts';
import { createRound } from '../../round/round.service.ts';
import type { Store } from '../../store/store.ts';
import { describeStores } from '../../store/testing.ts';
import { createApp } from '../app.ts';
import { logIn, type Session } from './testing.ts';

async function setUp(store: Store) {
  await importRegistry(store, 2019, miniRegistryCsv.replace('0302;Lillevik', '0302;<b>Lille</b>vik'), 'r.csv');
  await createRound(store, { year: 2019, template: 'kommuneundersokelse-2019' });
}

async function waitForBuild(s: Session): Promise<string> {
  for (let i = 0; i < 240; i++) {
    const body = await (await s.get('/runde/2019/rapport')).text();
    if (!body.includes('Rapporten bygges')) return body;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('the report build did not finish in 60 s');
}

describeStores('report pages', (test) => {
  test('builds the report on request, shows its progress, then serves the page and the PDF', async (store) => {
    await setUp(store);
    const app = createApp(store, loadConfig({ KOMMUNEPULS_CLOCK: '2020-02-10T12:00:00Z' }));
    const s = await logIn(app, store, 'admin');
    const before = await (await s.get('/runde/2019/rapport')).text();
    assert.match(before, /Rapporten er ikke bygget ennå/);
    assert.equal((await s.get('/runde/2019/rapport/vis')).status, 404);

    const started = await s.post('/runde/2019/rapport/bygg');
    assert.equal(started.status, 303);
    assert.equal(started.headers.get('location'), '/runde/2019/rapport?oppdater=1');
    const done = await waitForBuild(s);
    assert.match(done, /Sist bygget/);
    assert.match(done, /href="\/runde\/2019\/rapport\/vis"/);

    const page = await s.get('/runde/2019/rapport/vis');
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-security-policy') ?? '', /style-src 'sha256-[^']+'/);
    const html = await page.text();
    assert.match(html, /Figur 39: /);
    assert.match(html, /Tabell 1: Sammenlikning/);
    assert.ok(!/<script/i.test(html));

    const pdf = await s.get('/runde/2019/rapport/pdf');
    if (pdf.status === 200) {
      assert.equal(pdf.headers.get('content-type'), 'application/pdf');
      assert.equal(
        Buffer.from(await pdf.arrayBuffer())
          .subarray(0, 5)
          .toString(),
        '%PDF-',
      );
    } else {
      // Without a Chromium the page says why there is no PDF.
      assert.match(done, /Ingen PDF: fant ingen Chromium/);
    }
  });

  test('says in Norwegian why there is no PDF when no Chromium is there', async (store) => {
    await setUp(store);
    const app = createApp(store, loadConfig({ KOMMUNEPULS_CLOCK: '2020-02-10T12:00:00Z', KOMMUNEPULS_CHROMIUM: '/finnes/ikke/chromium' }));
    const s = await logIn(app, store, 'admin');
    assert.equal((await s.post('/runde/2019/rapport/bygg')).status, 303);
    const done = await waitForBuild(s);
    assert.match(done, /Ingen PDF: fant ingen Chromium i \/finnes\/ikke\/chromium til å skrive ut PDF-en/);
    assert.doesNotMatch(done, /no Chromium at|to print the PDF/);
    const pdf = await s.get('/runde/2019/rapport/pdf');
    assert.equal(pdf.status, 404);
    const missing = await pdf.text();
    assert.match(missing, /<p>Det finnes ingen PDF av rapporten for 2019 ennå<\/p>/);
  });

  test('lets an analyst read the report page but not start a build, and asks strangers to log in', async (store) => {
    await setUp(store);
    const app = createApp(store, loadConfig({ KOMMUNEPULS_CLOCK: '2020-02-10T12:00:00Z' }));
    assert.equal((await app.request('/runde/2019/rapport')).status, 303);
    assert.equal((await app.request('/runde/2019/rapport/pdf')).status, 303);
    const s = await logIn(app, store, 'analyst');
    const page = await (await s.get('/runde/2019/rapport')).text();
    assert.doesNotMatch(page, /Bygg rapporten/);
    assert.equal((await s.post('/runde/2019/rapport/bygg')).status, 403);
  });
});
