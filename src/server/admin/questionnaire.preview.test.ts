import assert from 'node:assert/strict';
import { responseState } from '../../collect/response.service.ts';
import { loadConfig } from '../../config/config.ts';
import { importRegistry } from '../../registry/registry.service.ts';
import { miniRegistryCsv, writeMiniTemplate } from '../../round/fixtures.ts';
import { createRound } from '../../round/round.service.ts';
import { describeStores, digest } from '../../store/testing.ts';
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

  test('lets an analyst step through the preview, writing nothing, while every other post of the analyst is refused', async (store) => {
    await importRegistry(store, 2019, miniRegistryCsv, 'r.csv');
    await createRound(store, { year: 2019, template });
    const app = createApp(store, loadConfig({ KOMMUNEPULS_CLOCK: '2019-12-01T10:00:00Z' }));
    const analyst = await logIn(app, store, 'analyst');
    const editor = '/runde/2019/skjema/skolesjef';
    const overview = await (await analyst.get(editor)).text();
    assert.match(overview, /Forhåndsvis som respondent/);
    assert.doesNotMatch(overview, /Flytt opp|Slett seksjonen|Legg til spørsmål/);
    const snapshot = await digest(store);

    const first = await analyst.post(`${base}/0303/side/om_deg`, { 'q.rolle': 'Rektor', forhandsvis: '{}', action: 'next' });
    assert.equal(first.status, 200);
    const tema = await first.text();
    assert.match(tema, /id="f-samarbeid-1"/);
    const revealed = await analyst.post(`${base}/0303/side/tema`, { forhandsvis: carried(tema), 'q.samarbeid': '1', action: 'next' });
    assert.match(await revealed.text(), /id="q-samarbeid_med"/);
    const saveLater = await analyst.post(`${base}/0303/side/tema`, { forhandsvis: carried(tema), action: 'save' });
    assert.equal(saveLater.status, 200);
    const done = await analyst.post(`${base}/0303/send`, { forhandsvis: carried(tema) });
    assert.match(await done.text(), /ingenting er lagret/);
    assert.equal(await digest(store), snapshot, 'the preview wrote nothing to the store');

    const forged = await app.request(`${base}/0303/side/om_deg`, {
      method: 'POST',
      body: new URLSearchParams({ _csrf: 'feil', forhandsvis: '{}', action: 'next' }),
      headers: { cookie: analyst.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(forged.status, 403, 'the preview still needs the CSRF token');
    const refused: [string, Record<string, string>][] = [
      [`${editor}/sporsmal/samarbeid`, { 'tekst.nb': 'Endret', handling: 'lagre' }],
      [`${editor}/sporsmal/samarbeid`, { handling: 'vis.legg_til' }],
      [`${editor}/sporsmal/kjennskap/handling`, { handling: 'opp' }],
      [`${editor}/seksjon`, { nokkel: 'ny', tittel: 'Ny' }],
      [`${editor}/seksjon/tema`, { 'tittel.nb': 'Endret' }],
      [`${editor}/seksjon/tema/handling`, { handling: 'opp' }],
      [`${editor}/forhandsvis/0303/side/tema/ekstra`, { action: 'next' }],
    ];
    for (const [path, fields] of refused) assert.equal((await analyst.post(path, fields)).status, 403, path);
    assert.equal(await digest(store), snapshot, 'nothing written by the refused posts either');
  });

  test('keeps the language picked in the preview from page to page and promises no saving', async (store) => {
    await importRegistry(store, 2019, miniRegistryCsv, 'r.csv');
    await createRound(store, { year: 2019, template: 'kommuneundersokelse-2019' });
    const app = createApp(store, loadConfig({ KOMMUNEPULS_CLOCK: '2020-01-10T10:00:00Z' }));
    const s = await logIn(app, store);
    const preview = '/runde/2019/skjema/integreringsansvarlig/forhandsvis';
    const nn = await s.get(`${preview}/0303/side/om_deg?lang=nn`);
    assert.match(
      nn.headers.get('set-cookie') ?? '',
      /^kp_forhandsvis_sprak=nn; Path=\/runde\/2019\/skjema\/integreringsansvarlig\/forhandsvis; HttpOnly; SameSite=Lax/,
    );
    const page = await nn.text();
    assert.match(page, /<html lang="nn">/);
    assert.match(page, /<footer>Forhåndsvisning: ingenting du svarer her, blir lagret\.<\/footer>/);
    assert.doesNotMatch(page, /Lagre og fortsett senere|Svara blir lagra/);
    const next = await app.request(`${preview}/0303/side/frivillige`, { headers: { cookie: `${s.cookie}; kp_forhandsvis_sprak=nn` } });
    assert.match(await next.text(), /<h1[^>]*>Samarbeid med frivillige organisasjonar<\/h1>/);
  });
});
