import assert from 'node:assert/strict';
import { loadConfig } from '../../config/config.ts';
import { listGroupings } from '../../registry/grouping.service.ts';
import { getRegistry, importMapping, importRegistry, registryYears } from '../../registry/registry.service.ts';
import { miniRegistryCsv, writeMiniTemplate } from '../../round/fixtures.ts';
import { createRound, listRounds } from '../../round/round.service.ts';
import type { Store } from '../../store/store.ts';
import { describeStores } from '../../store/testing.ts';
import { createApp } from '../app.ts';
import { logIn, type Session } from './testing.ts';

const template = writeMiniTemplate();
// 2020: Fjellbygd (0401) and Dalbygd (0402) merged into Fjelldal (0404).
const registry2020 = miniRegistryCsv
  .replace('0401;Fjellbygd;04;Innlandet;4000;\n', '')
  .replace('0402;Dalbygd;04;Innlandet;8000;12', '0404;Fjelldal;04;Innlandet;12000;12');

const app = (store: Store) => createApp(store, loadConfig({ KOMMUNEPULS_CLOCK: '2020-06-01T12:00:00Z' }));

/** Posts a multipart form (a file upload) with the session's cookie and CSRF token. */
async function upload(a: ReturnType<typeof app>, s: Session, path: string, fields: Record<string, string>, csv: string) {
  const csrf = ((await (await s.get('/')).text()).match(/name="_csrf" value="([^"]+)"/) ?? [])[1] as string;
  const form = new FormData();
  form.set('_csrf', csrf);
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  form.set('fil', new File([csv], 'register.csv', { type: 'text/csv' }));
  return a.request(path, { method: 'POST', body: form, headers: { cookie: s.cookie } });
}

describeStores('preparing a survey on the web', (test) => {
  test('creates the 2020 round from 2019 on a registry where two municipalities merged, and lists the merge', async (store) => {
    await importRegistry(store, 2019, miniRegistryCsv, 'r2019.csv');
    await createRound(store, { year: 2019, template });
    const a = app(store);
    const s = await logIn(a, store);
    assert.match(await (await s.get('/')).text(), /href="\/runder\/ny"/);

    const reg = await upload(a, s, '/registry/import', { ar: '2020' }, registry2020);
    assert.equal(reg.status, 200);
    assert.match(await reg.text(), /Registeret for 2020 er importert/);
    const map = await upload(a, s, '/registry/kobling', { fra: '2019', til: '2020' }, 'fra_nummer,til_nummer\n0401,0404\n0402,0404\n');
    assert.equal(map.status, 200);
    assert.match(await map.text(), /<strong>0404 Fjelldal<\/strong> fra 0401 Fjellbygd, 0402 Dalbygd/);

    const form = await (await s.get('/runder/ny')).text();
    assert.match(form, /<input id="ar" name="ar"[^>]*value="2020"/);
    assert.match(form, /<option value="runde:2019" selected>/, 'the newest round is the default source');
    assert.match(form, /<option value="2020" selected>Register 2020<\/option>/);

    const res = await s.post('/runder/ny', { ar: '2020', registerar: '2020', grunnlag: 'runde:2019' });
    assert.equal(res.status, 200);
    const body = await res.text();
    assert.match(body, /Undersøkelsen 2020 er opprettet/);
    assert.match(body, /3\. januar 2021 – 29\. januar 2021/);
    assert.match(body, /<th scope="row">Skolesjef<\/th><td class="num">5<\/td>/);
    assert.match(body, /<th scope="row">Kommunedirektør<\/th><td class="num">7<\/td>/);
    assert.match(body, /<strong>0404 Fjelldal<\/strong> fra 0401 Fjellbygd, 0402 Dalbygd/);
    assert.match(body, /Nye enheter \(1\)<\/h3><ul><li>0404 Fjelldal<\/li>/);
    assert.match(body, /<li>0401 Fjellbygd <span class="muted">\(nå en del av 0404 Fjelldal\)<\/span><\/li>/);
    assert.match(body, /href="\/runde\/2020"/);

    const again = await s.post('/runder/ny', { ar: '2020', registerar: '2020', grunnlag: 'runde:2019' });
    assert.equal(again.status, 422);
    const againBody = await again.text();
    assert.match(againBody, /<div class="error-summary" role="alert">.*Det finnes allerede en undersøkelse for 2020/s);
    assert.match(againBody, /<input id="ar" name="ar"[^>]*value="2020"/, 'what was typed is kept');
    const missing = await s.post('/runder/ny', { ar: '2021', registerar: '2021', grunnlag: 'mal:kommuneundersokelse-2019' });
    assert.equal(missing.status, 422);
    assert.match(await missing.text(), /Det finnes ikke noe register for 2021/);
    assert.deepEqual(
      (await listRounds(store)).map((r) => r.year),
      [2019, 2020],
    );
  });

  test('refuses a registry file with a bad row, naming line and column, and saves nothing', async (store) => {
    await importRegistry(store, 2019, miniRegistryCsv, 'r2019.csv');
    const a = app(store);
    const s = await logIn(a, store);
    const bad = registry2020.replace('0303;Storvik;03;Sentrum;25000;40', '0303;Storvik;03;Sentrum;25 000x;40');
    const res = await upload(a, s, '/registry/import', { ar: '2020' }, bad);
    assert.equal(res.status, 422);
    const body = await res.text();
    assert.match(body, /Filen ble ikke importert/);
    assert.match(body, /register\.csv line 4, column folketall: &quot;25 000x&quot; is not a number/);
    assert.deepEqual(
      (await registryYears(store)).map((y) => y.year),
      [2019],
    );

    const page = await (await s.get('/registry/2019')).text();
    assert.match(page, /Erstatt registeret for 2019/);
    const unconfirmed = await upload(a, s, '/registry/import', { ar: '2019' }, registry2020);
    assert.equal(unconfirmed.status, 422);
    assert.match(await unconfirmed.text(), /Kryss av for «Erstatt registeret for 2019»/);
    assert.equal((await getRegistry(store, 2019)).length, 8, 'not replaced without the confirmation');
    const replaced = await upload(a, s, '/registry/import', { ar: '2019', erstatt: '2019' }, registry2020);
    assert.equal(replaced.status, 200);
    assert.match(await replaced.text(), /Erstattet et register med 8 enheter/);
    assert.equal((await getRegistry(store, 2019)).length, 7);
  });

  test('adds a grouping by cut points from the web and shows it with counts and in the dashboard', async (store) => {
    await importRegistry(store, 2019, miniRegistryCsv, 'r2019.csv');
    await createRound(store, { year: 2019, template });
    const a = app(store);
    const s = await logIn(a, store);
    const before = await (await s.get('/grupperinger?ar=2019')).text();
    assert.match(before, /Kommunestørrelse \(tre grupper\)/);
    assert.match(before, /<option value="folketall">folketall<\/option>/);

    const wrong = await s.post('/grupperinger?ar=2019', {
      nokkel: 'Intro',
      navn: 'Deltakere',
      egenskap: 'deltakere_intro',
      grenser: '20, 1',
      etiketter: 'Ingen\nNoen',
    });
    assert.equal(wrong.status, 422);
    const wrongBody = await wrong.text();
    assert.match(wrongBody, /<a href="#nokkel">Nøkkelen må begynne med en liten bokstav/);
    assert.match(wrongBody, /<a href="#grenser">Grensene må øke/);
    assert.match(wrongBody, /<a href="#etiketter">2 grenser gir 3 klasser/);
    assert.match(wrongBody, /<input id="grenser" name="grenser"[^>]*value="20, 1"/);
    assert.equal((await listGroupings(store)).filter((g) => !g.builtin).length, 0);

    const ok = await s.post('/grupperinger?ar=2019', {
      nokkel: 'intro3',
      navn: 'Deltakere i introduksjonsprogrammet',
      egenskap: 'deltakere_intro',
      grenser: '1, 20',
      etiketter: 'Ingen\n1 - 19\n20 og flere\n',
    });
    assert.equal(ok.status, 303);
    const shown = await (await s.get(ok.headers.get('location') as string)).text();
    const card = shown.slice(shown.indexOf('id="g-intro3"'));
    assert.match(card, /Grupperingen er lagt til/);
    // Municipalities: 0302 has 0, 0403 has 3 and 0402 has 12, 0301 and 0303 have 20 or more; 0401 has no value.
    assert.match(card, /<th scope="row">Ingen<\/th><td class="num">1<\/td>/);
    assert.match(card, /<th scope="row">1 - 19<\/th><td class="num">2<\/td>/);
    assert.match(card, /<th scope="row">20 og flere<\/th><td class="num">2<\/td>/);
    assert.match(card, /Uten verdi<\/th><td class="num muted">1<\/td>/);
    assert.match(await (await s.get('/runde/2019')).text(), /<option value="intro3">Deltakere i introduksjonsprogrammet<\/option>/);
    const twice = await s.post('/grupperinger?ar=2019', {
      nokkel: 'intro3',
      navn: 'Igjen',
      egenskap: 'deltakere_intro',
      grenser: '1',
      etiketter: 'Ingen\nNoen',
    });
    assert.equal(twice.status, 422);
    assert.match(await twice.text(), /Det finnes allerede en gruppering med nøkkelen «intro3»/);
  });

  test('lets an analyst look but not create a round, import a registry or add a grouping', async (store) => {
    await importRegistry(store, 2019, miniRegistryCsv, 'r2019.csv');
    const a = app(store);
    const s = await logIn(a, store, 'analyst');
    const form = await s.get('/runder/ny');
    assert.equal(form.status, 200);
    assert.doesNotMatch(await form.text(), /Opprett undersøkelsen/);
    assert.doesNotMatch(await (await s.get('/registry/2019')).text(), /Importer registeret/);
    assert.doesNotMatch(await (await s.get('/grupperinger')).text(), /Lagre grupperingen/);
    const round = await s.post('/runder/ny', { ar: '2019', registerar: '2019', grunnlag: 'mal:kommuneundersokelse-2019' });
    assert.equal(round.status, 403);
    const reg = await upload(a, s, '/registry/import', { ar: '2020' }, registry2020);
    assert.equal(reg.status, 403);
    const grouping = await s.post('/grupperinger', { nokkel: 'x', navn: 'X', egenskap: 'folketall', grenser: '1', etiketter: 'a\nb' });
    assert.equal(grouping.status, 403);
    assert.deepEqual(await listRounds(store), []);
    assert.deepEqual(
      (await registryYears(store)).map((y) => y.year),
      [2019],
    );
    assert.equal((await listGroupings(store)).filter((g) => !g.builtin).length, 0);
  });

  test('escapes a unit name with markup on the new round page', async (store) => {
    const evil = '<script>alert(1)</script>';
    await importRegistry(store, 2019, miniRegistryCsv, 'r2019.csv');
    await createRound(store, { year: 2019, template });
    await importRegistry(store, 2020, registry2020.replace('0404;Fjelldal', `0404;"${evil}"`), 'r2020.csv');
    await importMapping(store, 2019, 2020, 'fra_nummer,til_nummer\n0401,0404\n0402,0404\n', 'map.csv');
    const s = await logIn(app(store), store);
    const body = await (await s.post('/runder/ny', { ar: '2020', registerar: '2020', grunnlag: 'runde:2019' })).text();
    assert.match(body, /Undersøkelsen 2020 er opprettet/);
    assert.ok(!body.includes(evil));
    assert.match(body, /<strong>0404 &lt;script&gt;alert\(1\)&lt;\/script&gt;<\/strong> fra 0401 Fjellbygd/);
  });
});
