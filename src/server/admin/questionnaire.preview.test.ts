import assert from 'node:assert/strict';
import { responseState } from '../../collect/response.service.ts';
import { loadConfig } from '../../config/config.ts';
import { importRegistry } from '../../registry/registry.service.ts';
import { miniRegistryCsv, writeMiniTemplate } from '../../round/fixtures.ts';
import { createRound } from '../../round/round.service.ts';
import { describeStores } from '../../store/testing.ts';
import { createApp } from '../app.ts';
import { logIn } from './testing.ts';

const template = writeMiniTemplate();
const base = '/runde/2019/skjema/skolesjef/forhandsvis';
const carried = (page: string) => (page.match(/name="forhandsvis" value="([^"]*)"/)?.[1] ?? '').replace(/&quot;/g, '"');

describeStores('questionnaire preview', (test) => {
  test('walks the real form pages of a unit without saving: eligibility and follow-ups as the respondent sees them', async (store) => {
    await importRegistry(store, 2019, miniRegistryCsv, 'r.csv');
    await createRound(store, { year: 2019, template });
    const app = createApp(store, loadConfig({ KOMMUNEPULS_CLOCK: '2020-01-10T10:00:00Z' }));
    const s = await logIn(app, store);
    const picker = await (await s.get(base)).text();
    assert.match(picker, /<option value="0302">0302 Lillevik<\/option>/);
    assert.equal((await s.get(`${base}?enhet=9999`)).status, 404);

    for (const [unit, shown] of [
      ['0302', false],
      ['0303', true],
    ] as const) {
      const first = await s.get(`${base}?enhet=${unit}`);
      const firstPage = await first.text();
      assert.match(first.headers.get('content-security-policy') ?? '', /script-src 'sha256-/);
      assert.match(firstPage, /Forhåndsvisning<\/strong> som/);
      assert.match(firstPage, /id="f-rolle"/);
      const tema = await s.post(`${base}/${unit}/side/om_deg`, { 'q.rolle': 'Rektor', forhandsvis: '{}', action: 'next' });
      const temaPage = await tema.text();
      assert.match(temaPage, /id="f-samarbeid-1"/);
      assert.equal(/id="q-intro_maal"/.test(temaPage), shown, `intro_maal for ${unit}`);
      assert.deepEqual(JSON.parse(carried(temaPage)), { 'q.rolle': 'Rektor' });
      // Answering "Ja" reveals the follow-up on the same page, as in the real form.
      const revealed = await (
        await s.post(`${base}/${unit}/side/tema`, { forhandsvis: carried(temaPage), 'q.samarbeid': '1', action: 'next' })
      ).text();
      assert.match(revealed, /<div class="q-wrap" id="q-samarbeid_med" data-show-if="[^"]*">/);
      const review = await (
        await s.post(`${base}/${unit}/side/tema`, {
          forhandsvis: carried(revealed),
          'q.samarbeid': '1',
          'q.samarbeid_med': '2',
          action: 'next',
        })
      ).text();
      assert.match(review, /<dd>Rektor<\/dd>/);
      assert.match(review, /<dd>Skole<\/dd>/);
      const back = await (await s.post(`${base}/${unit}/side/tema`, { forhandsvis: carried(revealed), action: 'back' })).text();
      assert.match(back, /value="Rektor"/);
      const done = await s.post(`${base}/${unit}/send`, { forhandsvis: carried(revealed) });
      assert.match(await done.text(), /ingenting er lagret/);
      assert.equal((await responseState(store, 2019, 'skolesjef', unit)).status, 'not_started');
    }
  });

  test('shows the problems of a page that does not validate, like the form does', async (store) => {
    await importRegistry(store, 2019, miniRegistryCsv, 'r.csv');
    await createRound(store, { year: 2019, template });
    const app = createApp(store, loadConfig({ KOMMUNEPULS_CLOCK: '2020-01-10T10:00:00Z' }));
    const s = await logIn(app, store);
    const res = await s.post(`${base}/0303/side/tema`, { forhandsvis: '{}', 'q.har_oversikt': '1', 'q.antall': '9999', action: 'next' });
    assert.equal(res.status, 422);
    assert.match(await res.text(), /class="error-summary"/);
  });
});
