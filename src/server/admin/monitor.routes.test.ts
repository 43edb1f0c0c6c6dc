import assert from 'node:assert/strict';
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
    assert.equal(lines[0], 'kommunenummer,enhet,fylke,rolle,status,sist_lagret,eposter_sendt,siste_oppfolging,utfall,telefon');
    assert.equal(lines.length, 4);
    assert.ok(!csv.includes('Kari') && !csv.includes('kari@'), 'no personal names or e-mails');
    const lillevik = lines.find((l) => l.startsWith('0302,'));
    assert.equal(
      lillevik,
      `0302,"'=HYPERLINK(""http://evil"")<b>",Sentrum,Skolesjef,ikke påbegynt,,0,2020-01-09T10:00:00.000Z,'=svarer i morgen,'+47 900 00 000`,
    );
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
