import assert from 'node:assert/strict';
import { loadConfig } from '../../config/config.ts';
import { addSection, placeQuestion } from '../../questionnaire/edit.ts';
import type { Question } from '../../questionnaire/model.ts';
import { importRegistry } from '../../registry/registry.service.ts';
import { miniRegistryCsv, writeMiniTemplate } from '../../round/fixtures.ts';
import { createRound, roundQuestionnaire } from '../../round/round.service.ts';
import { questionnaireLog, saveRoundQuestionnaire } from '../../round/round-setup.ts';
import type { Store } from '../../store/store.ts';
import { describeStores } from '../../store/testing.ts';
import { createApp } from '../app.ts';
import { logIn } from './testing.ts';

const template = writeMiniTemplate();
const before = '2019-12-01T10:00:00Z';
const opened = '2020-01-10T10:00:00Z';
const base = '/runde/2019/skjema/skolesjef';

/** A round whose skolesjef questionnaire has a third, empty section "slutt" (added before the window). */
async function setUp(store: Store, clock: string) {
  await importRegistry(store, 2019, miniRegistryCsv, 'r.csv');
  await createRound(store, { year: 2019, template });
  const qn = await roundQuestionnaire(store, 2019, 'skolesjef');
  await saveRoundQuestionnaire(store, 2019, 'skolesjef', addSection(qn, { key: 'slutt', title: 'Slutt' }), 'test', new Date(before));
  const app = createApp(store, loadConfig({ KOMMUNEPULS_CLOCK: clock }));
  return { app, s: await logIn(app, store) };
}

const sectionKeys = async (store: Store) => (await roundQuestionnaire(store, 2019, 'skolesjef')).sections.map((s) => s.key);

describeStores('questionnaire editor: sections', (test) => {
  test('renames a section in bokmål, nynorsk and English, also after the window opened (wording)', async (store) => {
    const { s } = await setUp(store, opened);
    const overview = await (await s.get(base)).text();
    assert.match(
      overview,
      /<a href="\/runde\/2019\/skjema\/skolesjef\/seksjon\/tema" aria-label="Endre tittel: 2\. Tema">Endre tittel<\/a>/,
    );
    const page = await (await s.get(`${base}/seksjon/tema`)).text();
    assert.match(page, /<h1>Seksjon 2: Tema<\/h1>/);
    assert.match(page, /<input id="f-tittel-nb" name="tittel.nb" value="Tema">/);
    const empty = await s.post(`${base}/seksjon/tema`, { 'tittel.nb': '', 'tittel.nn': 'Tema' });
    assert.equal(empty.status, 422);
    assert.match(await empty.text(), /<a href="#f-tittel-nb">Skriv tittelen på bokmål<\/a>/);
    const saved = await s.post(`${base}/seksjon/tema`, {
      'tittel.nb': 'Temaer',
      'tittel.nn': 'Tema',
      'tittel.en': 'Topics',
      'intro.nb': 'Om samarbeid.',
    });
    assert.equal(saved.status, 303);
    assert.equal(saved.headers.get('location'), `${base}?lagret=seksjonsnavn#s-tema`);
    const qn = await roundQuestionnaire(store, 2019, 'skolesjef');
    assert.deepEqual(qn.sections[1], { key: 'tema', title: { nb: 'Temaer', nn: 'Tema', en: 'Topics' }, intro: 'Om samarbeid.' });
    const after = await (await s.get(`${base}?lagret=seksjonsnavn`)).text();
    assert.match(after, /Seksjonen er endret\./);
    assert.match(after, /<h2 id="s-tema">2\. Temaer/);
    assert.match(after, /sections\[tema\]: tekstene i seksjonen tema er endret/);
    assert.equal((await s.post(`${base}/seksjon/finnes_ikke`, { 'tittel.nb': 'X' })).status, 404);
  });

  test('moves a section up and down with its questions before the window opens', async (store) => {
    const { s } = await setUp(store, before);
    const overview = await (await s.get(base)).text();
    assert.doesNotMatch(overview, /aria-label="Flytt opp: seksjonen 1\. Om deg"/, 'the first has no "up"');
    assert.match(overview, /aria-label="Flytt ned: seksjonen 1\. Om deg"/);
    const up = await s.post(`${base}/seksjon/slutt/handling`, { handling: 'opp' });
    assert.equal(up.status, 303);
    assert.equal(up.headers.get('location'), `${base}?lagret=seksjon_flyttet#s-slutt`);
    assert.deepEqual(await sectionKeys(store), ['om_deg', 'slutt', 'tema']);
    assert.equal((await s.post(`${base}/seksjon/om_deg/handling`, { handling: 'ned' })).status, 303);
    assert.deepEqual(await sectionKeys(store), ['slutt', 'om_deg', 'tema']);
    const qn = await roundQuestionnaire(store, 2019, 'skolesjef');
    assert.deepEqual(qn.questions.map((q) => q.key).slice(0, 2), ['rolle', 'samarbeid'], 'the questions keep their order');
    assert.equal(
      (await s.post(`${base}/seksjon/slutt/handling`, { handling: 'opp' })).headers.get('location'),
      `${base}?lagret=uendret#s-slutt`,
    );
    assert.match(await (await s.get(`${base}?lagret=seksjon_flyttet`)).text(), /sections: seksjonene har fått ny rekkefølge/);

    // With samarbeid in om_deg, tema cannot go above om_deg: its follow-up samarbeid_med would come first.
    const now = await roundQuestionnaire(store, 2019, 'skolesjef');
    const samarbeid = now.questions.find((q) => q.key === 'samarbeid') as Question;
    await saveRoundQuestionnaire(
      store,
      2019,
      'skolesjef',
      placeQuestion(now, { ...samarbeid, section: 'om_deg' }),
      'test',
      new Date(before),
    );
    const blocked = await s.post(`${base}/seksjon/tema/handling`, { handling: 'opp' });
    assert.equal(blocked.status, 422);
    assert.match(
      await blocked.text(),
      /Seksjonen ble ikke flyttet<\/h2><ul><li>«3\. Med hvem\?» \(samarbeid_med\) er et oppfølgingsspørsmål til «2\. Samarbeider kommunen\?» \(samarbeid\) og må stå etter det\./,
    );
    assert.deepEqual(await sectionKeys(store), ['slutt', 'om_deg', 'tema']);
  });

  test('removes only an empty section and otherwise names the questions to move first', async (store) => {
    const { s } = await setUp(store, before);
    const full = await s.post(`${base}/seksjon/tema/handling`, { handling: 'slett' });
    assert.equal(full.status, 422);
    assert.match(
      await full.text(),
      /Seksjonen ble ikke slettet<\/h2><ul><li>Seksjonen «Tema» \(tema\) har 7 spørsmål \(samarbeid, samarbeid_med, utfordring, kjennskap, har_oversikt, antall og 1 til\)\. Flytt spørsmålene til en annen seksjon eller slett dem før du sletter seksjonen\./,
    );
    assert.deepEqual(await sectionKeys(store), ['om_deg', 'tema', 'slutt']);
    const removed = await s.post(`${base}/seksjon/slutt/handling`, { handling: 'slett' });
    assert.equal(removed.headers.get('location'), `${base}?lagret=seksjon_slettet`);
    assert.deepEqual(await sectionKeys(store), ['om_deg', 'tema']);
    assert.match(await (await s.get(`${base}?lagret=seksjon_slettet`)).text(), /Seksjonen er slettet\./);
  });

  test('after the window opened, refuses moving or removing a section and offers only renaming', async (store) => {
    const { s } = await setUp(store, opened);
    const overview = await (await s.get(base)).text();
    assert.doesNotMatch(overview, /Flytt opp|Flytt ned|Slett seksjonen/);
    const moved = await s.post(`${base}/seksjon/slutt/handling`, { handling: 'opp' });
    assert.equal(moved.status, 409);
    assert.match(
      await moved.text(),
      /Seksjonen ble ikke flyttet<\/h2><ul><li>Svarperioden åpnet 3\. januar 2020, så nå kan bare ordlyden endres, ikke strukturen\. Ikke lagret: sections: seksjonene har fått ny rekkefølge\./,
    );
    const removed = await s.post(`${base}/seksjon/slutt/handling`, { handling: 'slett' });
    assert.equal(removed.status, 409);
    assert.match(await removed.text(), /Ikke lagret: sections\[slutt\]: seksjonen slutt er fjernet\./);
    assert.deepEqual(await sectionKeys(store), ['om_deg', 'tema', 'slutt']);
    assert.equal((await questionnaireLog(store, 2019, 'skolesjef')).length, 1, 'only the setup save');
  });
});
