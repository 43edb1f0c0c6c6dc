import assert from 'node:assert/strict';
import { reissueLink, resolveToken } from '../../collect/link.service.ts';
import { getAnswers, saveResponses } from '../../collect/response.service.ts';
import { loadConfig } from '../../config/config.ts';
import { listGroupings } from '../../registry/grouping.service.ts';
import { getRegistry, importMapping, importRegistry, registryYears } from '../../registry/registry.service.ts';
import { definitionVersions } from '../../report/definition.service.ts';
import { miniRegistryCsv, writeMiniTemplate } from '../../round/fixtures.ts';
import { createRound, listRounds, roundUnits } from '../../round/round.service.ts';
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
async function upload(
  a: ReturnType<typeof app>,
  s: Session,
  path: string,
  fields: Record<string, string>,
  csv: string,
  files: Record<string, string> = {},
) {
  const csrf = ((await (await s.get('/')).text()).match(/name="_csrf" value="([^"]+)"/) ?? [])[1] as string;
  const form = new FormData();
  form.set('_csrf', csrf);
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  form.set('fil', new File([csv], 'register.csv', { type: 'text/csv' }));
  for (const [k, v] of Object.entries(files)) form.set(k, new File([v], `${k}.csv`, { type: 'text/csv' }));
  return a.request(path, { method: 'POST', body: form, headers: { cookie: s.cookie } });
}

/** The "Bruk endringene" form of a changes page: where it posts and its hidden fields. */
function applyForm(body: string): { path: string; sha256: string; plan: string } | undefined {
  const m = body.match(
    /action="(\/registry\/import\/[A-Za-z0-9_-]+\/bruk)".*?name="sha256" value="([0-9a-f]{64})".*?name="plan" value="([0-9a-f]{64})"/s,
  );
  return m ? { path: m[1] as string, sha256: m[2] as string, plan: m[3] as string } : undefined;
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
    const [copied] = await definitionVersions(store, 2020);
    assert.equal(copied?.by, 'Test admin', "the report definition's first version is the one who made the round");

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
    assert.match(body, /<li>register\.csv linje 4, kolonne folketall: «25 000x» er ikke et tall<\/li>/);
    assert.doesNotMatch(body, /line 4|is not a number/, 'no English on the page');
    assert.deepEqual(
      (await registryYears(store)).map((y) => y.year),
      [2019],
    );

    const page = await (await s.get('/registry/2019')).text();
    assert.match(page, /Registeret for 2019 finnes\. Du får se hva filen endrer/);
    const shown = await upload(a, s, '/registry/import', { ar: '2019' }, registry2020);
    assert.equal(shown.status, 200);
    const changes = await shown.text();
    assert.match(changes, /Endringer i registeret for 2019/);
    assert.match(changes, /Ingenting er lagret ennå\. Lagret nå: 8 enheter\. I filen <code>register\.csv<\/code>: 7 enheter\./);
    assert.match(changes, /<th scope="row">Nye enheter<\/th><td class="num">1<\/td>/);
    assert.match(changes, /<th scope="row">Enheter som går ut<\/th><td class="num">2<\/td>/);
    assert.match(changes, /<th scope="row">Endrede enheter<\/th><td class="num">0<\/td>/);
    assert.match(changes, /Enheter som går ut \(2\)<\/h2><ul><li>0401 Fjellbygd<\/li><li>0402 Dalbygd<\/li><\/ul>/);
    assert.equal((await getRegistry(store, 2019)).length, 8, 'not replaced before the button');
    const button = applyForm(changes);
    assert.ok(button, 'the page has a "Bruk endringene" button');
    const replaced = await s.post(button.path, { sha256: button.sha256, plan: button.plan });
    assert.equal(replaced.status, 200);
    assert.match(await replaced.text(), /Erstattet et register med 8 enheter/);
    assert.equal((await getRegistry(store, 2019)).length, 7);
    assert.equal((await s.post(button.path, { sha256: button.sha256, plan: button.plan })).status, 404, 'a used upload is gone');
  });

  test('shows what a new file for a year a round uses changes, the units that block it, and applies it with the moves', async (store) => {
    await importRegistry(store, 2019, miniRegistryCsv, 'r2019.csv');
    await createRound(store, { year: 2019, template });
    const link = await reissueLink(store, 2019, 'skolesjef', '0401');
    await saveResponses(store, 2019, 'skolesjef', [
      {
        unitNumber: '0401',
        status: 'in_progress',
        answers: new Map([['rolle', { kind: 'text', value: 'Rektor' }]]),
        startedAt: new Date('2020-01-04T10:00:00Z'),
        submittedAt: null,
      },
    ]);
    const a = app(store);
    const s = await logIn(a, store);
    // Fjellbygd is 0404 in the corrected file, and Dalbygd's population changed.
    const corrected = miniRegistryCsv
      .replace('0401;Fjellbygd', '0404;Fjellbygd')
      .replace('0402;Dalbygd;04;Innlandet;8000', '0402;Dalbygd;04;Innlandet;8100');

    const first = await upload(a, s, '/registry/import', { ar: '2019' }, corrected);
    assert.equal(first.status, 200);
    const blocked = await first.text();
    assert.match(blocked, /Registeret brukes av undersøkelsen 2019\./);
    assert.match(blocked, /<h2>Endringene kan ikke brukes ennå<\/h2>/);
    assert.match(blocked, /<li><strong>0401 Fjellbygd<\/strong>: 1 lenke, 1 svar \(undersøkelsen 2019\)<\/li>/);
    assert.match(blocked, /<strong>0402 Dalbygd<\/strong>: folketall 8[^0-9]000 → 8[^0-9]100/);
    assert.equal(applyForm(blocked), undefined, 'no button while a unit blocks');
    const id = (blocked.match(/action="\/registry\/import\/([A-Za-z0-9_-]+)\/flytting"/) ?? [])[1] as string;

    const bad = await upload(a, s, `/registry/import/${id}/flytting`, {}, '', { flytting: 'fra,til\n0401,0499\n' });
    assert.equal(bad.status, 422);
    const badBody = await bad.text();
    assert.match(badBody, /<li>flytting\.csv linje 2, kolonne til: 0499 er ikke i den nye filen<\/li>/);
    assert.doesNotMatch(badBody, /line 2|is not in the new file/, 'no English on the page');
    const moved = await upload(a, s, `/registry/import/${id}/flytting`, {}, '', { flytting: 'fra,til\n0401,0404\n' });
    assert.equal(moved.status, 200);
    const ready = await moved.text();
    assert.doesNotMatch(ready, /Endringene kan ikke brukes/);
    assert.match(ready, /<li><strong>0401 Fjellbygd → 0404 Fjellbygd<\/strong> \(1 lenke, 1 svar\)<\/li>/);
    assert.match(ready, /<td>2019<\/td><td>Skolesjef<\/td><td class="num">0<\/td><td class="num">0<\/td><td class="num">1<\/td>/);
    const button = applyForm(ready);
    assert.ok(button);

    const tampered = await s.post(button.path, { sha256: '0'.repeat(64), plan: button.plan });
    assert.equal(tampered.status, 409);
    assert.match(await tampered.text(), /Ingenting er lagret: knappen hørte ikke til denne filen/);
    const stale = await s.post(button.path, { sha256: button.sha256, plan: 'f'.repeat(64) });
    assert.equal(stale.status, 409);
    assert.match(await stale.text(), /registeret eller undersøkelsene er endret siden du så endringene/);
    assert.ok(
      (await getRegistry(store, 2019)).some((u) => u.number === '0401'),
      'nothing applied yet',
    );

    const applied = await s.post(button.path, { sha256: button.sha256, plan: button.plan });
    assert.equal(applied.status, 200);
    assert.match(await applied.text(), /1 flyttet til nytt nummer med lenker, svar og kontaktpersoner/);
    assert.deepEqual(await resolveToken(store, link.token), { year: 2019, role: 'skolesjef', unitNumber: '0404' });
    assert.equal((await getAnswers(store, 2019, 'skolesjef', '0404')).get('rolle')?.kind, 'text');
    assert.ok((await roundUnits(store, 2019, 'skolesjef')).includes('0404'));
  });

  test('keeps a waiting upload to the admin who made it', async (store) => {
    await importRegistry(store, 2019, miniRegistryCsv, 'r2019.csv');
    const a = app(store);
    const kari = await logIn(a, store, 'admin', 'kari@example.no');
    const ola = await logIn(a, store, 'admin', 'ola@example.no');
    const button = applyForm(await (await upload(a, kari, '/registry/import', { ar: '2019' }, registry2020)).text());
    assert.ok(button);
    assert.equal((await ola.post(button.path, { sha256: button.sha256, plan: button.plan })).status, 404);
    assert.equal((await getRegistry(store, 2019)).length, 8);
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
