import assert from 'node:assert/strict';
import YAML from 'yaml';
import { loadConfig } from '../../config/config.ts';
import { choiceOptions } from '../../questionnaire/edit.ts';
import type { Question } from '../../questionnaire/model.ts';
import { importRegistry } from '../../registry/registry.service.ts';
import { miniRegistryCsv, writeMiniTemplate } from '../../round/fixtures.ts';
import { createRound, roundQuestionnaire } from '../../round/round.service.ts';
import { createRoundFrom, questionnaireLog, saveRoundQuestionnaire } from '../../round/round-setup.ts';
import type { Store } from '../../store/store.ts';
import { describeStores } from '../../store/testing.ts';
import { createApp } from '../app.ts';
import { logIn, type Session } from './testing.ts';

const template = writeMiniTemplate();
const before = '2019-12-01T10:00:00Z';
const opened = '2020-01-10T10:00:00Z';
const base = '/runde/2019/skjema/skolesjef';

async function setUp(store: Store, clock: string) {
  await importRegistry(store, 2019, miniRegistryCsv, 'r.csv');
  await createRound(store, { year: 2019, template });
  const app = createApp(store, loadConfig({ KOMMUNEPULS_CLOCK: clock }));
  return { app, s: await logIn(app, store) };
}

const find = (q: { questions: readonly Question[] }, key: string) => q.questions.find((x) => x.key === key) as Question;
const codes = (q: Question) => choiceOptions(q).map((o) => `${o.code} ${typeof o.label === 'string' ? o.label : o.label.nb}`);

/** Uploads a file to the import form (multipart, with the session's cookie and CSRF token). */
async function upload(app: ReturnType<typeof createApp>, s: Session, name: string, text: string): Promise<Response> {
  const page = await (await s.get(base)).text();
  const token = page.match(/name="_csrf" value="([^"]+)"/)?.[1] ?? '';
  const form = new FormData();
  form.set('_csrf', token);
  form.set('fil', new File([text], name));
  return app.request(`${base}/import`, { method: 'POST', body: form, headers: { cookie: s.cookie } });
}

describeStores('questionnaire editor', (test) => {
  test('adds a follow-up question through the forms: pick the question, press Velg, tick its answers', async (store) => {
    const { s } = await setUp(store, before);
    const overview = await (await s.get(base)).text();
    assert.match(overview, /Spørreskjema for skolesjef \(2019\)/);
    assert.match(overview, /Vises når svaret på 6\. Har dere oversikt\? er «Ja»\./);
    assert.match(overview, /Bare for enheter der deltakere_intro er større enn 0\./);
    const blank = await (await s.get(`${base}/nytt?type=single&seksjon=tema`)).text();
    assert.match(blank, /name="nokkel"/);
    const typed = {
      type: 'single',
      nokkel: 'hyppighet',
      'tekst.nb': 'Hvor ofte?',
      seksjon: 'tema',
      'nyalt.0.nb': 'Ofte',
      'nyalt.1.nb': 'Sjelden',
    };
    const step = await s.post(`${base}/nytt`, { ...typed, 'vis.0.sporsmal': 'samarbeid', handling: 'velg' });
    assert.equal(step.status, 200);
    const stepPage = await step.text();
    assert.match(stepPage, /<input type="checkbox" id="f-vis-0-koder-1" name="vis.0.koder" value="1"> <label for="f-vis-0-koder-1">Ja/);
    assert.match(stepPage, /name="tekst.nb" rows="2">Hvor ofte\?<\/textarea>/);
    const missing = await s.post(`${base}/nytt`, { ...typed, 'vis.0.sporsmal': 'samarbeid', handling: 'lagre' });
    assert.equal(missing.status, 422);
    assert.match(await missing.text(), /Oppfølgingsspørsmål: kryss av for minst ett svar som skal vise spørsmålet/);
    const saved = await s.post(`${base}/nytt`, { ...typed, 'vis.0.sporsmal': 'samarbeid', 'vis.0.koder': ['1'], handling: 'lagre' });
    assert.equal(saved.status, 303);
    assert.equal(saved.headers.get('location'), `${base}?lagret=sporsmal#q-hyppighet`);
    const qn = await roundQuestionnaire(store, 2019, 'skolesjef');
    const q = find(qn, 'hyppighet');
    assert.deepEqual(q.showIf, { question: 'samarbeid', codes: [1] });
    assert.deepEqual(codes(q), ['1 Ofte', '2 Sjelden']);
    assert.equal(qn.questions.at(-1)?.key, 'hyppighet');
    const after = await (await s.get(`${base}?lagret=sporsmal`)).text();
    assert.match(after, /Spørsmålet er lagret/);
    assert.match(after, /Vises når svaret på 2\. Samarbeider kommunen\? er «Ja»/);
    assert.match(after, /hyppighet: spørsmålet hyppighet er lagt til/);
    const taken = await s.post(`${base}/nytt`, { ...typed, handling: 'lagre' });
    assert.equal(taken.status, 422);
    assert.match(await taken.text(), /Nøkkelen hyppighet er i bruk/);
  });

  test('gives an added option the next free code, never one an earlier round used for another label', async (store) => {
    await importRegistry(store, 2019, miniRegistryCsv, 'r.csv');
    await createRound(store, { year: 2019, template });
    const old = await roundQuestionnaire(store, 2019, 'skolesjef');
    const withDelvis = {
      ...old,
      questions: old.questions.map((q) =>
        q.key === 'samarbeid' && q.type === 'single'
          ? { ...q, options: [...q.options.slice(0, 2), { code: 3, label: 'Delvis' }, ...q.options.slice(2)] }
          : q,
      ),
    };
    await saveRoundQuestionnaire(store, 2019, 'skolesjef', withDelvis, 'test', new Date(before));
    await createRoundFrom(store, { year: 2020, from: 2019, registryYear: 2019 }, new Date('2020-03-01'));
    const app = createApp(store, loadConfig({ KOMMUNEPULS_CLOCK: '2020-06-01T10:00:00Z' }));
    const s = await logIn(app, store);
    const edit = '/runde/2020/skjema/skolesjef/sporsmal/samarbeid';
    const page = await (await s.get(edit)).text();
    assert.match(page, /<td class="num" data-label="Kode">3<input type="hidden" name="alt.2.kode" value="3"><\/td>/);
    const form = {
      'tekst.nb': 'Samarbeider kommunen?',
      seksjon: 'tema',
      'alt.0.kode': '1',
      'alt.0.nb': 'Ja',
      'alt.1.kode': '2',
      'alt.1.nb': 'Nei',
    };
    const removed = await s.post(edit, {
      ...form,
      'alt.2.kode': '3',
      'alt.2.nb': 'Delvis',
      'alt.2.fjern': '1',
      'alt.3.kode': '9',
      'alt.3.nb': 'Vet ikke',
      handling: 'lagre',
    });
    assert.equal(removed.status, 303);
    const warned = await (await s.get(removed.headers.get('location') ?? '')).text();
    assert.match(warned, /samarbeid: svaralternativ 3 \(«Delvis»\) fra 2019 finnes ikke lenger; trendene vil utelate det\./);
    const added = await s.post(edit, { ...form, 'alt.2.kode': '9', 'alt.2.nb': 'Vet ikke', 'nyalt.0.nb': 'Kanskje', handling: 'lagre' });
    assert.equal(added.status, 303);
    assert.deepEqual(codes(find(await roundQuestionnaire(store, 2020, 'skolesjef'), 'samarbeid')), [
      '1 Ja',
      '2 Nei',
      '9 Vet ikke',
      '4 Kanskje',
    ]);
    const back = await s.post(edit, {
      ...form,
      'alt.2.kode': '9',
      'alt.2.nb': 'Vet ikke',
      'alt.3.kode': '4',
      'alt.3.nb': 'Kanskje',
      'nyalt.0.nb': 'Delvis',
      handling: 'lagre',
    });
    assert.equal(back.status, 303);
    assert.deepEqual(codes(find(await roundQuestionnaire(store, 2020, 'skolesjef'), 'samarbeid')), [
      '1 Ja',
      '2 Nei',
      '9 Vet ikke',
      '4 Kanskje',
      '3 Delvis',
    ]);
  });

  test('moves questions up and down, deletes after confirming, and says in Norwegian why a follow-up cannot go above its question', async (store) => {
    const { s } = await setUp(store, before);
    const act = (key: string, fields: Record<string, string>) => s.post(`${base}/sporsmal/${key}/handling`, fields);
    const moved = await act('kjennskap', { handling: 'opp' });
    assert.equal(moved.status, 303);
    let qn = await roundQuestionnaire(store, 2019, 'skolesjef');
    assert.deepEqual(qn.questions.map((q) => q.key).slice(3, 5), ['kjennskap', 'utfordring']);
    assert.equal((await act('rolle', { handling: 'ned' })).status, 303);
    qn = await roundQuestionnaire(store, 2019, 'skolesjef');
    assert.equal(find(qn, 'rolle').section, 'tema');
    const blocked = await act('antall', { handling: 'opp' });
    assert.equal(blocked.status, 422);
    assert.match(
      await blocked.text(),
      /«\d\. Hvor mange\?» \(antall\) er et oppfølgingsspørsmål til «\d\. Har dere oversikt\?» \(har_oversikt\) og må stå etter det/,
    );
    const confirm = await act('samarbeid', { handling: 'slett' });
    assert.equal(confirm.status, 200);
    const confirmPage = await confirm.text();
    assert.match(confirmPage, /Slette spørsmål \d\?/);
    assert.match(confirmPage, /før disse oppfølgingsspørsmålene er endret eller slettet: samarbeid_med/);
    assert.ok(find(await roundQuestionnaire(store, 2019, 'skolesjef'), 'samarbeid'), 'nothing deleted before confirming');
    assert.equal((await act('intro_maal', { handling: 'slett', bekreft: '1' })).status, 303);
    qn = await roundQuestionnaire(store, 2019, 'skolesjef');
    assert.equal(
      qn.questions.some((q) => q.key === 'intro_maal'),
      false,
    );
    const log = await questionnaireLog(store, 2019, 'skolesjef');
    assert.equal(log.length, 3);
    const page = await (await s.get(`${base}?lagret=slettet`)).text();
    assert.match(page, /Spørsmålet er slettet/);
    assert.match(page, /intro_maal: spørsmålet intro_maal er slettet/);
  });

  test('after the window opened, refuses a structural change with a clear message and saves a wording change', async (store) => {
    const { s } = await setUp(store, opened);
    const overview = await (await s.get(base)).text();
    assert.match(overview, /Strukturen er låst\.<\/strong> Svarperioden åpnet 3\. januar 2020/);
    assert.doesNotMatch(overview, /Flytt opp|Legg til spørsmål/);
    const refused = await s.post(`${base}/sporsmal/kjennskap/handling`, { handling: 'opp' });
    assert.equal(refused.status, 409);
    assert.match(
      await refused.text(),
      /Svarperioden åpnet 3\. januar 2020, så nå kan bare ordlyden endres, ikke strukturen\. Ikke lagret: questions: spørsmålene har fått ny rekkefølge\./,
    );
    const edit = `${base}/sporsmal/samarbeid`;
    const page = await (await s.get(edit)).text();
    assert.doesNotMatch(page, /name="nyalt\.0\.nb"|name="alt\.0\.fjern"/);
    const form = {
      'tekst.nb': 'Samarbeider kommunen med andre?',
      seksjon: 'tema',
      'alt.0.kode': '1',
      'alt.0.nb': 'Ja',
      'alt.1.kode': '2',
      'alt.1.nb': 'Nei',
      'alt.2.kode': '9',
      'alt.2.nb': 'Vet ikke',
      handling: 'lagre',
    };
    const added = await s.post(edit, { ...form, 'nyalt.0.nb': 'Delvis' });
    assert.equal(added.status, 409);
    const addedPage = await added.text();
    assert.match(addedPage, /Ikke lagret: samarbeid\.options\[3\]: svaralternativ 3 er lagt til/);
    assert.match(addedPage, />Samarbeider kommunen med andre\?<\/textarea>/, 'what was typed is kept');
    const wording = await s.post(edit, form);
    assert.equal(wording.status, 303);
    assert.equal(find(await roundQuestionnaire(store, 2019, 'skolesjef'), 'samarbeid').text as string, 'Samarbeider kommunen med andre?');
    const analyst = await logIn(createApp(store, loadConfig({ KOMMUNEPULS_CLOCK: opened })), store, 'analyst');
    assert.equal((await analyst.post(edit, form)).status, 403);
  });

  test('exports YAML and JSON as downloads that import back unchanged; a bad file names the path and changes nothing', async (store) => {
    const { app, s } = await setUp(store, before);
    const yaml = await s.get(`${base}/eksport.yaml`);
    assert.equal(yaml.headers.get('content-disposition'), 'attachment; filename="sporreskjema-2019-skolesjef.yaml"');
    const yamlText = await yaml.text();
    assert.deepEqual(YAML.parse(yamlText), await roundQuestionnaire(store, 2019, 'skolesjef'));
    const json = await s.get(`${base}/eksport.json`);
    assert.match(json.headers.get('content-disposition') ?? '', /attachment; filename="sporreskjema-2019-skolesjef\.json"/);
    const same = await upload(app, s, 'skjema.json', await json.text());
    assert.equal(same.headers.get('location'), `${base}?lagret=uendret`);
    const changed = await upload(app, s, 'skjema.yaml', yamlText.replace('Samarbeider kommunen?', 'Samarbeider kommunen nå?'));
    assert.equal(changed.headers.get('location'), `${base}?lagret=import`);
    assert.equal(find(await roundQuestionnaire(store, 2019, 'skolesjef'), 'samarbeid').text, 'Samarbeider kommunen nå?');
    const bad = YAML.parse(yamlText);
    bad.questions[1].options[1].code = 1;
    bad.questions[0].text = 'Endret, men skal ikke lagres';
    const refused = await upload(app, s, 'feil.yaml', YAML.stringify(bad));
    assert.equal(refused.status, 422);
    const page = await refused.text();
    assert.match(page, /Filen ble ikke importert/);
    assert.match(page, /skolesjef\.questions\[1\]\.options\[1\]\.code: koden 1 er allerede brukt/);
    assert.doesNotMatch(page, /duplicate code/);
    assert.equal(find(await roundQuestionnaire(store, 2019, 'skolesjef'), 'rolle').text, 'Hva er din rolle?');
    const other = await upload(app, s, 'annen.yaml', yamlText.replace('role: skolesjef', 'role: kommunedirektor'));
    assert.match(await other.text(), /filen er skjemaet for kommunedirektor, ikke for skolesjef; ingenting er endret/);
  });

  test('refuses a file that is not YAML in Norwegian, naming its line and column', async (store) => {
    const { app, s } = await setUp(store, before);
    const res = await upload(app, s, 'skjema.yaml', 'role: skolesjef\ntitle: [Skolesjef\nquestions: []\n');
    assert.equal(res.status, 422);
    const page = await res.text();
    assert.match(page, /Filen ble ikke importert/);
    assert.match(page, /<li>skjema\.yaml: ikke gyldig YAML eller JSON \(linje \d+, kolonne \d+\)<\/li>/);
    assert.doesNotMatch(
      page,
      /not valid|Flow sequence|must be sufficiently indented|at line/,
      'the YAML library’s English is not on the page',
    );
    const json = await upload(app, s, 'skjema.json', '{"role": "skolesjef",');
    assert.equal(json.status, 422);
    const jsonPage = await json.text();
    assert.match(jsonPage, /<li>skjema\.json: ikke gyldig YAML eller JSON(?: \(linje \d+, kolonne \d+\))?<\/li>/);
    assert.doesNotMatch(jsonPage, /Unexpected|JSON input/);
  });

  test('escapes a label with a script in the editor and in the preview', async (store) => {
    const { s } = await setUp(store, before);
    const edit = `${base}/sporsmal/har_oversikt`;
    const evil = '<script>alert(1)</script>';
    const saved = await s.post(edit, {
      'tekst.nb': `Har dere oversikt? ${evil}`,
      seksjon: 'tema',
      'alt.0.kode': '1',
      'alt.0.nb': 'Ja',
      'alt.1.kode': '2',
      'alt.1.nb': 'Nei',
      'alt.2.kode': '9',
      'alt.2.nb': 'Vet ikke',
      'nyalt.0.nb': evil,
      handling: 'lagre',
    });
    assert.equal(saved.status, 303);
    for (const path of [base, edit, `${base}/forhandsvis/0303/side/tema`]) {
      const text = await (await s.get(path)).text();
      assert.ok(text.includes('&lt;script&gt;alert(1)&lt;/script&gt;'), path);
      assert.ok(!text.includes(evil), path);
    }
  });
});
