import assert from 'node:assert/strict';
import { loadConfig } from '../../config/config.ts';
import { type Question, roles } from '../../questionnaire/model.ts';
import { importRegistry } from '../../registry/registry.service.ts';
import { miniRegistryCsv, writeMiniTemplate } from '../../round/fixtures.ts';
import { createRound, roundQuestionnaire, roundQuestionnaires } from '../../round/round.service.ts';
import { questionnaireLog, saveRoundQuestionnaire } from '../../round/round-setup.ts';
import type { Store } from '../../store/store.ts';
import { describeStores } from '../../store/testing.ts';
import { createApp } from '../app.ts';
import { logIn, type Session } from './testing.ts';

const before = '2019-12-01T10:00:00Z';
const opened = '2020-01-10T10:00:00Z';
const base = '/runde/2019/skjema/skolesjef';
const edit = `${base}/sporsmal/intro_maal`;

async function setUp(store: Store, clock: string, template = writeMiniTemplate()) {
  await importRegistry(store, 2019, miniRegistryCsv, 'r.csv');
  await createRound(store, { year: 2019, template });
  const app = createApp(store, loadConfig({ KOMMUNEPULS_CLOCK: clock }));
  return { app, s: await logIn(app, store) };
}

const entities: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
const decode = (s: string) => s.replace(/&(amp|lt|gt|quot|#39);/g, (e) => entities[e] as string);
const attr = (tag: string, name: string) => tag.match(new RegExp(`\\s${name}="([^"]*)"`))?.[1];

/** The fields a browser would post from the page's edit form (checked boxes, selected options, text boxes). */
function formFields(page: string, action: string): Record<string, string | string[]> {
  const start = page.indexOf(`<form method="post" action="${action}">`);
  assert.ok(start >= 0, `no form posting to ${action}`);
  const form = page.slice(start, page.indexOf('</form>', start));
  const out: Record<string, string | string[]> = {};
  const put = (name: string, value: string) => {
    const had = out[name];
    out[name] = had === undefined ? value : [...(typeof had === 'string' ? [had] : had), value];
  };
  for (const [tag] of form.matchAll(/<input\b[^>]*>/g)) {
    const name = attr(tag, 'name');
    const type = attr(tag, 'type') ?? 'text';
    if (!name || name === '_csrf' || ((type === 'checkbox' || type === 'radio') && !/\schecked\b/.test(tag))) continue;
    put(name, decode(attr(tag, 'value') ?? ''));
  }
  for (const m of form.matchAll(/<select\b[^>]*\sname="([^"]*)"[^>]*>([\s\S]*?)<\/select>/g)) {
    const chosen = (m[2] as string).match(/<option value="([^"]*)" selected>/) ?? (m[2] as string).match(/<option value="([^"]*)"/);
    put(m[1] as string, decode(chosen?.[1] ?? ''));
  }
  for (const m of form.matchAll(/<textarea\b[^>]*\sname="([^"]*)"[^>]*>([\s\S]*?)<\/textarea>/g)) {
    put(m[1] as string, decode(m[2] as string));
  }
  return out;
}

/** Opens a question's edit page and posts it back as it stands, with `changes` and a button. */
async function submit(s: Session, path: string, handling: string, changes: Record<string, string | string[]> = {}, from?: string) {
  const page = from ?? (await (await s.get(path)).text());
  return s.post(path, { ...formFields(page, path), ...changes, handling });
}

const stored = async (store: Store, key: string) =>
  (await roundQuestionnaire(store, 2019, 'skolesjef')).questions.find((q) => q.key === key) as Question;

describeStores('questionnaire editor: compound conditions', (test) => {
  test('keeps every condition of the 2019 questionnaires when a question is saved unchanged, before and after the window opened', async (store) => {
    await importRegistry(store, 2019, miniRegistryCsv, 'r.csv');
    await createRound(store, { year: 2019, template: 'kommuneundersokelse-2019' });
    const original = await roundQuestionnaires(store, 2019);
    let compound = 0;
    for (const clock of [before, opened]) {
      const s = await logIn(
        createApp(store, loadConfig({ KOMMUNEPULS_CLOCK: clock })),
        store,
        'admin',
        `admin-${clock.slice(0, 10)}@example.no`,
      );
      for (const role of roles) {
        // Before the window every question (every type's fields); once locked, those with conditions.
        for (const q of (original.get(role)?.questions ?? []).filter((x) => clock === before || x.showIf || x.eligibleIf)) {
          const path = `/runde/2019/skjema/${role}/sporsmal/${q.key}`;
          const res = await submit(s, path, 'lagre');
          assert.equal(res.status, 303, `${role} ${q.key} (${clock}): ${res.status === 303 ? '' : await res.text()}`);
          assert.match(res.headers.get('location') ?? '', /\?lagret=uendret/, `${role} ${q.key} unchanged`);
          if (q.eligibleIf && !('attribute' in q.eligibleIf)) compound++;
        }
      }
    }
    assert.deepEqual(await roundQuestionnaires(store, 2019), original);
    assert.ok(compound >= 8, 'the 2019 template has compound eligibility (all and any)');
    for (const role of roles) assert.deepEqual(await questionnaireLog(store, 2019, role), [], 'nothing logged');
  });

  test('shows a compound condition as rows with "Alle må gjelde" or "Minst én må gjelde" picked, and in words once locked', async (store) => {
    await importRegistry(store, 2019, miniRegistryCsv, 'r.csv');
    await createRound(store, { year: 2019, template: 'kommuneundersokelse-2019' });
    const s = await logIn(createApp(store, loadConfig({ KOMMUNEPULS_CLOCK: before })), store);
    const both = await (await s.get('/runde/2019/skjema/integreringsansvarlig/sporsmal/mest_utfordrende')).text();
    assert.match(both, /<h3 id="f-gjelder-1">Vilkår 2<\/h3>/);
    assert.match(both, /<option value="bosatt_overforing" selected>/);
    assert.match(both, /id="f-gjelder-kobling-alle" name="gjelder.kobling" value="alle" checked>/);
    const either = await (await s.get('/runde/2019/skjema/integreringsansvarlig/sporsmal/samsvar_behov')).text();
    assert.match(either, /id="f-gjelder-kobling-minst_en" name="gjelder.kobling" value="minst_en" checked>/);
    assert.doesNotMatch(either, /kan bare endres ved import/);
    const overview = await (await s.get('/runde/2019/skjema/integreringsansvarlig')).text();
    assert.match(overview, /Bare for enheter der bosatt_mottak er større enn 0 eller bosatt_overforing er større enn 0\./);
    const locked = await logIn(createApp(store, loadConfig({ KOMMUNEPULS_CLOCK: opened })), store, 'admin', 'later@example.no');
    const page = await (await locked.get('/runde/2019/skjema/integreringsansvarlig/sporsmal/mest_utfordrende')).text();
    assert.match(page, /Bare for enheter der bosatt_mottak er større enn 0 og bosatt_overforing er større enn 0\./);
    assert.doesNotMatch(page, /Legg til vilkår|<select id="f-gjelder-0-attributt"/);
  });

  test('adds a clause with "Legg til vilkår", switches between any and all, and removes a clause again', async (store) => {
    const { s } = await setUp(store, before);
    const added = await submit(s, edit, 'vis.legg_til', { 'vis.0.sporsmal': 'samarbeid' });
    assert.equal(added.status, 200);
    const addedPage = await added.text();
    assert.match(addedPage, /Et tomt vilkår er lagt til/);
    assert.match(addedPage, /<select id="f-vis-1-sporsmal" name="vis.1.sporsmal">/);
    assert.match(addedPage, /Alle må gjelde/);
    assert.match(addedPage, /formaction="\/runde\/2019\/skjema\/skolesjef\/sporsmal\/intro_maal#oppfolging"/);
    assert.match(addedPage, /name="vis.0.koder" value="1"/, 'the first row shows its answers to tick');
    const picked = await submit(s, edit, 'velg', { 'vis.0.koder': '1', 'vis.1.sporsmal': 'har_oversikt' }, addedPage);
    const pickedPage = await picked.text();
    assert.match(pickedPage, /name="vis.1.koder" value="9"/);
    const any = await submit(s, edit, 'lagre', { 'vis.1.koder': ['1', '9'], 'vis.kobling': 'minst_en' }, pickedPage);
    assert.equal(any.status, 303);
    assert.deepEqual((await stored(store, 'intro_maal')).showIf, {
      any: [
        { question: 'samarbeid', codes: [1] },
        { question: 'har_oversikt', codes: [1, 9] },
      ],
    });
    const overview = await (await s.get(base)).text();
    assert.match(
      overview,
      /Vises når svaret på 2\. Samarbeider kommunen\? er «Ja» eller svaret på 6\. Har dere oversikt\? er «Ja» eller «Vet ikke»\./,
    );
    assert.equal((await submit(s, edit, 'lagre', { 'vis.kobling': 'alle' })).status, 303);
    assert.deepEqual(Object.keys((await stored(store, 'intro_maal')).showIf ?? {}), ['all']);
    const removed = await submit(s, edit, 'vis.fjern.0');
    const removedPage = await removed.text();
    assert.match(removedPage, /Vilkåret er fjernet\. Trykk «Lagre»/);
    assert.doesNotMatch(removedPage, /name="vis.1.sporsmal"/);
    assert.match(removedPage, /<option value="har_oversikt" selected>/);
    assert.equal((await submit(s, edit, 'lagre', {}, removedPage)).status, 303);
    assert.deepEqual((await stored(store, 'intro_maal')).showIf, { question: 'har_oversikt', codes: [1, 9] });
    const none = await submit(s, edit, 'vis.fjern.0');
    assert.match(await none.clone().text(), /\(ingen – spørsmålet vises alltid\)/);
    assert.equal((await submit(s, edit, 'lagre', {}, await none.text())).status, 303);
    assert.equal((await stored(store, 'intro_maal')).showIf, undefined);
  });

  test('combines eligibility clauses picked from the registry attributes', async (store) => {
    const { s } = await setUp(store, before);
    const page = await (await submit(s, edit, 'gjelder.legg_til')).text();
    assert.match(page, /<option value="folketall">Folketall \(folketall\)<\/option>/);
    assert.match(page, /<option value="deltakere_intro" selected>Deltakere i introduksjonsprogrammet \(deltakere_intro\)<\/option>/);
    const fill = { 'gjelder.1.attributt': 'folketall', 'gjelder.1.op': '>=', 'gjelder.1.verdi': '10 000' };
    assert.equal((await submit(s, edit, 'lagre', fill, page)).status, 303);
    assert.deepEqual((await stored(store, 'intro_maal')).eligibleIf, {
      all: [
        { attribute: 'deltakere_intro', op: '>', value: 0 },
        { attribute: 'folketall', op: '>=', value: 10000 },
      ],
    });
    const edited = await (await s.get(edit)).text();
    assert.match(edited, /name="gjelder.1.verdi" value="10000"/);
    assert.equal((await submit(s, edit, 'lagre', { 'gjelder.kobling': 'minst_en' }, edited)).status, 303);
    assert.deepEqual(Object.keys((await stored(store, 'intro_maal')).eligibleIf ?? {}), ['any']);
    assert.equal(
      (await submit(s, edit, 'lagre', { 'gjelder.kobling': 'minst_en' })).headers.get('location'),
      `${base}?lagret=uendret#q-intro_maal`,
    );
  });

  test('names the field and the clause of each problem in Norwegian, and keeps what was typed', async (store) => {
    const { s } = await setUp(store, before);
    const two = await (await submit(s, edit, 'gjelder.legg_til')).text();
    const bad = await submit(s, edit, 'lagre', { 'gjelder.1.attributt': 'folketall', 'gjelder.1.verdi': 'mange' }, two);
    assert.equal(bad.status, 422);
    const badPage = await bad.text();
    assert.match(
      badPage,
      /<a href="#f-gjelder-1-verdi">Hvem får spørsmålet, vilkår 2: skriv et tall å sammenligne folketall med, for eksempel 0<\/a>/,
    );
    assert.match(badPage, /name="gjelder.1.verdi" value="mange" aria-invalid="true" aria-describedby="f-gjelder-1-verdi-error"/);
    const noAttr = await submit(s, edit, 'lagre', { 'gjelder.1.verdi': '5' }, two);
    assert.match(await noAttr.text(), /Hvem får spørsmålet, vilkår 2: velg et registertall fra listen/);
    const noCodes = await submit(s, edit, 'vis.legg_til', { 'vis.0.sporsmal': 'samarbeid' });
    const rows = await (await submit(s, edit, 'velg', { 'vis.1.sporsmal': 'har_oversikt' }, await noCodes.text())).text();
    const missing = await submit(s, edit, 'lagre', { 'vis.0.koder': '1' }, rows);
    assert.equal(missing.status, 422);
    assert.match(
      await missing.text(),
      /<a href="#f-vis-1-koder">Oppfølgingsspørsmål, vilkår 2: kryss av for minst ett svar som skal vise spørsmålet<\/a>/,
    );
    const switched = await submit(s, edit, 'lagre', { 'vis.0.koder': '1', 'vis.1.sporsmal': 'samarbeid' }, rows);
    assert.match(await switched.text(), /Oppfølgingsspørsmål, vilkår 2: trykk «Velg» og kryss av for svarene på spørsmålet du valgte/);
    assert.deepEqual((await stored(store, 'intro_maal')).showIf, undefined, 'nothing saved');
  });

  test('keeps a condition nested more than one level deep as it is, described in words', async (store) => {
    const { s } = await setUp(store, before);
    const qn = await roundQuestionnaire(store, 2019, 'skolesjef');
    const nested = {
      any: [
        { question: 'samarbeid', codes: [1] },
        {
          all: [
            { question: 'har_oversikt', codes: [1] },
            { question: 'kjennskap', item: 'nettsted', codes: [1] },
          ],
        },
      ],
    };
    const next = { ...qn, questions: qn.questions.map((q) => (q.key === 'intro_maal' ? { ...q, showIf: nested } : q)) };
    await saveRoundQuestionnaire(store, 2019, 'skolesjef', next, 'test', new Date(before));
    const page = await (await s.get(edit)).text();
    assert.match(
      page,
      /Vises når svaret på 2\. Samarbeider kommunen\? er «Ja» eller \(svaret på 6\. Har dere oversikt\? er «Ja» og svaret på 5\. Kjenner du til … – nettstedet er «Ja»\)\./,
    );
    assert.match(page, /kan bare endres ved import av fil/);
    const saved = await submit(s, edit, 'lagre', { 'tekst.nb': 'Har dere mål for introduksjonsprogrammet?' }, page);
    assert.equal(saved.status, 303);
    const q = await stored(store, 'intro_maal');
    assert.deepEqual(q.showIf, nested);
    assert.equal(q.text, 'Har dere mål for introduksjonsprogrammet?');
  });
});
