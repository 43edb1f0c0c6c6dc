import assert from 'node:assert/strict';
import { loadConfig } from '../../config/config.ts';
import { importRegistry } from '../../registry/registry.service.ts';
import { openDocx } from '../../report/docx.testing.ts';
import { miniRegistryCsv } from '../../round/fixtures.ts';
import { createRound } from '../../round/round.service.ts';
import { describeStores } from '../../store/testing.ts';
import { createApp } from '../app.ts';
import { logIn, type Session } from './testing.ts';

async function waitForBuild(s: Session): Promise<string> {
  for (let i = 0; i < 480; i++) {
    const body = await (await s.get('/runde/2019/rapport')).text();
    if (!body.includes('Rapporten bygges')) return body;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('the report build did not finish in 120 s');
}

describeStores('the report as a Word download', (test) => {
  test('keeps the Word document with the build and serves it from a button beside the PDF', async (store) => {
    await importRegistry(store, 2019, miniRegistryCsv, 'r.csv');
    await createRound(store, { year: 2019, template: 'kommuneundersokelse-2019' });
    // No Chromium: the Word document is made without a browser all the same.
    const app = createApp(store, loadConfig({ KOMMUNEPULS_CLOCK: '2020-02-10T12:00:00Z', KOMMUNEPULS_CHROMIUM: '/finnes/ikke/chromium' }));
    const s = await logIn(app, store, 'admin');
    const before = await s.get('/runde/2019/rapport/docx');
    assert.equal(before.status, 404);
    assert.match(await before.text(), /Rapporten for 2019 har ingen Word-fil ennå/);

    assert.equal((await s.post('/runde/2019/rapport/bygg')).status, 303);
    const page = await waitForBuild(s);
    assert.match(page, /<a class="button" href="\/runde\/2019\/rapport\/docx" download>Last ned Word \(\d+ KB\)<\/a>/);
    assert.match(page, /<th scope="col" class="num">Word<\/th>/);
    assert.match(page, /Ingen PDF: fant ingen Chromium/);

    const res = await s.get('/runde/2019/rapport/docx');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    assert.equal(res.headers.get('content-disposition'), 'attachment; filename="rapport-2019.docx"');
    const docx = openDocx(Buffer.from(await res.arrayBuffer()));
    const captions = docx.paragraphs.filter((p) => p.style === 'Caption').map((p) => p.text);
    assert.equal(captions.filter((c) => c.startsWith('Figur ')).length, 39);
    assert.match(captions.at(-1) ?? '', /^Figur 39: /);
    assert.ok(docx.paragraphs.some((p) => p.style === 'Heading1' && p.text === 'Vedlegg: Spørreskjemaene'));
  });

  test('asks strangers to log in before they get the Word document', async (store) => {
    await importRegistry(store, 2019, miniRegistryCsv, 'r.csv');
    await createRound(store, { year: 2019, template: 'kommuneundersokelse-2019' });
    const app = createApp(store, loadConfig({ KOMMUNEPULS_CLOCK: '2020-02-10T12:00:00Z' }));
    assert.equal((await app.request('/runde/2019/rapport/docx')).status, 303);
  });
});
