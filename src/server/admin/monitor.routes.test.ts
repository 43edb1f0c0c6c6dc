import assert from 'node:assert/strict';
import { type FormContext, openForm, rememberSection, saveSection } from '../../collect/form.service.ts';
import { ensureLinks } from '../../collect/link.service.ts';
import { saveResponses } from '../../collect/response.service.ts';
import { loadConfig } from '../../config/config.ts';
import { recordFollowup } from '../../monitor/followup.service.ts';
import { importRegistry } from '../../registry/registry.service.ts';
import { miniRegistryCsv, writeMiniTemplate } from '../../round/fixtures.ts';
import { createRound } from '../../round/round.service.ts';
import { describeStores } from '../../store/testing.ts';
import { createApp } from '../app.ts';
import { logIn } from './testing.ts';

const template = writeMiniTemplate();
const registry = miniRegistryCsv.replace('0302;Lillevik', '0302;"=HYPERLINK(""http://evil"")<b>"');

describeStores('monitoring pages', (test) => {
  test('shows the rates per role, the chart and the rates by county, and refreshes while open when asked to', async (store) => {
    await importRegistry(store, 2019, registry, 'r.csv');
    await createRound(store, { year: 2019, template });
    await saveResponses(store, 2019, 'skolesjef', [
      {
        unitNumber: '0303',
        status: 'submitted',
        answers: new Map(),
        startedAt: new Date('2020-01-05T08:00:00Z'),
        submittedAt: new Date('2020-01-05T09:00:00Z'),
      },
    ]);
    const app = createApp(store, loadConfig({ KOMMUNEPULS_CLOCK: '2020-01-10T12:00:00Z' }));
    const s = await logIn(app, store, 'analyst');
    const res = await s.get('/runde/2019');
    assert.equal(res.status, 200);
    const body = await res.text();
    // A refresh the user did not ask for breaks WCAG 2.2.1: it is a link away, and can be turned off.
    assert.doesNotMatch(body, /http-equiv="refresh"/);
    assert.match(body, /<a href="\/runde\/2019\?oppdater=1">oppdater siden hvert minutt<\/a>/);
    const refreshing = await (await s.get('/runde/2019?etter=storrelse&oppdater=1')).text();
    assert.match(refreshing, /<meta http-equiv="refresh" content="60">/);
    assert.match(refreshing, /<a href="\/runde\/2019\?etter=storrelse">slå av<\/a>/);
    assert.match(refreshing, /<input type="hidden" name="oppdater" value="1">/);
    assert.match(
      body,
      /<th scope="row">Skolesjef<\/th><td class="num">6<\/td><td class="num">0<\/td><td class="num">1<\/td><td class="num">1<\/td><td class="num">16,7 %<\/td>/,
    );
    assert.match(body, /<svg [^>]*role="img"/);
    assert.match(body, /<th scope="row">Sentrum<\/th>/);
    const bySize = await (await s.get('/runde/2019?etter=storrelse')).text();
    assert.match(bySize, /<th scope="row">20 000 - 49 999<\/th>/);
    assert.equal((await s.get('/runde/abcd')).status, 400);
  });

  test('lists who to chase, filters it, and exports it as CSV without names or e-mail addresses', async (store) => {
    await importRegistry(store, 2019, registry, 'r.csv');
    await createRound(store, { year: 2019, template });
    await store.db
      .insertInto('contact')
      .values({
        unit_number: '0302',
        role: 'skolesjef',
        name: 'Kari Nordmann',
        email: 'kari@lillevik.no',
        phone: '+47 900 00 000',
        created_at: '2020-01-01T00:00:00Z',
        created_by: 't',
        superseded_at: null,
      })
      .execute();
    await recordFollowup(
      store,
      2019,
      '0302',
      { role: 'skolesjef', channel: 'phone', outcome: '=svarer i morgen', at: new Date('2020-01-09T10:00:00Z') },
      'Ola',
    );
    const app = createApp(store, loadConfig({ KOMMUNEPULS_CLOCK: '2020-01-10T12:00:00Z' }));
    const s = await logIn(app, store);
    const page = await (await s.get('/runde/2019/purreliste?rolle=skolesjef&fylke=Sentrum')).text();
    assert.match(page, /3 enheter/);
    assert.ok(page.includes('&lt;b&gt;'), 'unit names are escaped');
    const csvRes = await s.get('/runde/2019/purreliste.csv?rolle=skolesjef&fylke=Sentrum');
    assert.match(csvRes.headers.get('content-type') ?? '', /text\/csv/);
    const csv = await csvRes.text();
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    assert.equal(
      lines[0],
      'kommunenummer,enhet,fylke,rolle,status,sist_lagret,eposter_sendt,siste_oppfolging,utfall,telefon,prioritet,folketall,grunn',
    );
    assert.equal(lines.length, 4);
    assert.ok(!csv.includes('Kari') && !csv.includes('kari@'), 'no personal names or e-mails');
    const lillevik = lines.find((l) => l.startsWith('0302,'));
    // Nobody has answered as skolesjef: the largest classes first (all have one unit here), then population.
    assert.equal(
      lillevik,
      `0302,"'=HYPERLINK(""http://evil"")<b>",Sentrum,Skolesjef,ikke påbegynt,,0,2020-01-09T10:00:00.000Z,'=svarer i morgen,'+47 900 00 000,6,1500,ingen svar ennå i denne rollen: store kategorier først`,
    );
  });

  test("orders who to chase by Table 1's gaps as the clock stands, says why, and shows today's largest gaps", async (store) => {
    await importRegistry(store, 2019, registry, 'r.csv');
    await createRound(store, { year: 2019, template });
    const submitted = (unitNumber: string, at: string) => ({
      unitNumber,
      status: 'submitted' as const,
      answers: new Map(),
      startedAt: new Date('2020-01-05T08:00:00Z'),
      submittedAt: new Date(at),
    });
    // 0303 (20 000–49 999) before the clock; 0301 (over 50 000) after it, so it is still to be chased.
    await saveResponses(store, 2019, 'skolesjef', [submitted('0303', '2020-01-05T09:00:00Z'), submitted('0301', '2020-01-11T09:00:00Z')]);
    const app = createApp(store, loadConfig({ KOMMUNEPULS_CLOCK: '2020-01-10T12:00:00Z' }));
    const s = await logIn(app, store, 'analyst');
    const page = await (await s.get('/runde/2019/purreliste?rolle=skolesjef')).text();
    assert.match(page, /5 enheter/);
    // Each size class holds one municipality, so every answer shrinks the gaps alike: the population decides.
    const order = [...page.matchAll(/<td class="num">(\d+)<\/td><td><a href="\/runde\/2019\/enhet\/(\d+)">/g)].map(
      (m) => `${m[1]}:${m[2]}`,
    );
    assert.deepEqual(order, ['1:0301', '2:0403', '3:0402', '4:0401', '5:0302']);
    // 1 of 6 municipalities is over 50 000; none of the one respondent then.
    assert.match(page, /<td>Kommunestørrelse: Over 50 000, underrepresentert med 16,7 pp<\/td>/);
    const csv = await (await s.get('/runde/2019/purreliste.csv?rolle=skolesjef')).text();
    assert.match(
      csv,
      /\r\n0301,Hovedstad,Sentrum,Skolesjef,påbegynt,2020-01-05T08:00:00.000Z,0,,,,1,690000,"Kommunestørrelse: Over 50 000, underrepresentert med 16,7 pp"\r\n/,
    );
    const dashboard = await (await s.get('/runde/2019')).text();
    assert.match(dashboard, /<h2 id="skjevhet">Største skjevheter nå<\/h2>/);
    // The one respondent is in 20 000–49 999: 100 % of the answers against 1 of 6 municipalities.
    assert.match(
      dashboard,
      /<th scope="rowgroup" rowspan="3">Skolesjef<\/th><td>Kommunestørrelse<\/td><td>20 000 - 49 999<\/td><td class="num">16,7 % \(1\)<\/td><td class="num">100,0 % \(1\)<\/td><td class="num">\+83,3<\/td>/,
    );
    assert.match(dashboard, /<th scope="row">Kommunedirektør<\/th><td colspan="5" class="muted">Ingen svar ennå<\/td>/);
    // The capital's districts in a table of their own, measured against the districts.
    const districts = dashboard.slice(dashboard.indexOf('Bydeler i hovedstaden, målt mot bydelene'));
    assert.match(districts, /^Bydeler i hovedstaden, målt mot bydelene: de tre største skjevhetene per rolle<\/caption>/);
    assert.match(districts.slice(0, districts.indexOf('</table>')), /<th scope="col" class="num">Andel av bydelene<\/th>/);
    assert.match(
      districts.slice(0, districts.indexOf('</table>')),
      /<th scope="row">Kommunedirektør<\/th><td colspan="5" class="muted">Ingen svar ennå<\/td>/,
    );
  });

  test("counts the start page's responses as the clock stands", async (store) => {
    await importRegistry(store, 2019, registry, 'r.csv');
    await createRound(store, { year: 2019, template });
    await saveResponses(store, 2019, 'skolesjef', [
      {
        unitNumber: '0303',
        status: 'submitted',
        answers: new Map(),
        startedAt: new Date('2020-01-05T08:00:00Z'),
        submittedAt: new Date('2020-01-05T09:00:00Z'),
      },
      {
        unitNumber: '0301',
        status: 'submitted',
        answers: new Map(),
        startedAt: new Date('2020-01-05T08:00:00Z'),
        submittedAt: new Date('2020-01-11T09:00:00Z'),
      },
    ]);
    const page = async (clock: string) => {
      const app = createApp(store, loadConfig({ KOMMUNEPULS_CLOCK: clock }));
      return (await (await logIn(app, store, 'analyst')).get('/')).text();
    };
    // On 10 January 0301 has started but not submitted.
    const before = await page('2020-01-10T12:00:00Z');
    assert.match(
      before,
      /<th scope="row">Skolesjef<\/th><td class="num">6<\/td><td class="num">1<\/td><td class="num">1<\/td><td class="num">17 %<\/td>/,
    );
    assert.match(before, /1 skjema sendt inn; 1 av 6 kommuner har svart på minst ett/);
    const after = await page('2020-01-12T12:00:00Z');
    assert.match(
      after,
      /<th scope="row">Skolesjef<\/th><td class="num">6<\/td><td class="num">0<\/td><td class="num">2<\/td><td class="num">33 %<\/td>/,
    );
  });

  test('shows each page of the form as the clock stands: units shown it, who stopped there, saves and the median time', async (store) => {
    await importRegistry(store, 2019, registry, 'r.csv');
    await createRound(store, { year: 2019, template });
    const forms = new Map<string, FormContext>();
    for (const link of await ensureLinks(store, 2019, 'kommunedirektor'))
      forms.set(link.unitNumber, (await openForm(store, link.token)) ?? assert.fail());
    const form = (unit: string) => forms.get(unit) ?? assert.fail(unit);
    const t = (seconds: number) => new Date(Date.UTC(2020, 0, 9, 9, 0, seconds));
    // 0301 saves the first page after 30 s and goes on; 0303 after 90 s and goes on; 0401 only looks.
    await rememberSection(store, form('0301'), 'om_deg', t(0));
    await saveSection(store, form('0301'), 'om_deg', { 'q.rolle': 'Rådmann' }, t(30));
    await rememberSection(store, form('0301'), 'tema', t(40));
    await rememberSection(store, form('0303'), 'om_deg', t(0));
    await saveSection(store, form('0303'), 'om_deg', { 'q.rolle': 'Kommunedirektør' }, t(90));
    await rememberSection(store, form('0303'), 'tema', t(100));
    await rememberSection(store, form('0401'), 'om_deg', t(10));
    // After the clock: not counted.
    await rememberSection(store, form('0402'), 'om_deg', new Date('2020-01-11T09:00:00Z'));
    const app = createApp(store, loadConfig({ KOMMUNEPULS_CLOCK: '2020-01-10T12:00:00Z' }));
    const body = await (await (await logIn(app, store, 'analyst')).get('/runde/2019')).text();
    assert.match(body, /<h2 id="sider">Sidene i skjemaet<\/h2>/);
    // Median of 30 s and 90 s: 60 s.
    assert.match(
      body,
      /<th scope="rowgroup" rowspan="2">Kommunedirektør<\/th><td>Om deg<\/td><td class="num">3<\/td><td class="num">1<\/td><td class="num">2<\/td><td class="num">1 min<\/td><\/tr>\s*<tr><td>Tema<\/td><td class="num">2<\/td><td class="num">2<\/td><td class="num">0<\/td><td class="num">–<\/td>/,
    );
    assert.match(body, /<th scope="row">Skolesjef<\/th><td colspan="5" class="muted">Ingen sidevisninger registrert ennå<\/td>/);
  });

  test('refuses a year that is not a year in Norwegian', async (store) => {
    const app = createApp(store, loadConfig({ KOMMUNEPULS_CLOCK: '2020-01-10T12:00:00Z' }));
    const s = await logIn(app, store, 'analyst');
    for (const path of ['/runde/abc', '/runde/abc/purreliste', '/registry/abc']) {
      const res = await s.get(path);
      assert.equal(res.status, 400, path);
      const body = await res.text();
      assert.match(body, /<p>«abc» er ikke et årstall<\/p>/, path);
      assert.doesNotMatch(body, /is not a year/, path);
    }
  });
});
