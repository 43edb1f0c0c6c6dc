import assert from 'node:assert/strict';
import { loadConfig } from '../../config/config.ts';
import { importRegistry } from '../../registry/registry.service.ts';
import { miniRegistryCsv, writeMiniTemplate } from '../../round/fixtures.ts';
import { createRound } from '../../round/round.service.ts';
import type { Store } from '../../store/store.ts';
import { describeStores } from '../../store/testing.ts';
import { createApp } from '../app.ts';
import { logIn, type Session } from './testing.ts';

const template = writeMiniTemplate();

async function upload(app: ReturnType<typeof createApp>, s: Session, csv: string) {
  const csrf = ((await (await s.get('/kontakter')).text()).match(/name="_csrf" value="([^"]+)"/) ?? [])[1] as string;
  const form = new FormData();
  form.set('_csrf', csrf);
  form.set('fil', new File([csv], 'kontakter.csv', { type: 'text/csv' }));
  return app.request('/kontakter/import?ar=2019', { method: 'POST', body: form, headers: { cookie: s.cookie } });
}

async function setUp(store: Store) {
  await importRegistry(store, 2019, miniRegistryCsv, 'r.csv');
  await createRound(store, { year: 2019, template });
  const app = createApp(store, loadConfig({ KOMMUNEPULS_CLOCK: '2020-01-10T12:00:00Z', SMTP_URL: 'smtp://127.0.0.1:1' }));
  return { app, s: await logIn(app, store) };
}

describeStores('outreach pages', (test) => {
  test('imports a contacts file uploaded in the browser, and refuses a bad one naming line and column', async (store) => {
    const { app, s } = await setUp(store);
    const bad = await upload(
      app,
      s,
      'kommunenummer,rolle,navn,epost,telefon\n0301,skolesjef,Kari,kari@hovedstad.kommune.no,\n0302,skolesjef,Per,per@,\n',
    );
    assert.equal(bad.status, 422);
    const badBody = await bad.text();
    assert.match(badBody, /Filen ble ikke importert/);
    assert.match(badBody, /<li>kontakter\.csv linje 3, kolonne epost: «per@» er ikke en e-postadresse<\/li>/);
    assert.doesNotMatch(badBody, /line 3|column epost|is not an e-mail address/, 'no English on the page');
    assert.doesNotMatch(await (await s.get('/kontakter')).text(), /kari@hovedstad/, 'nothing of a bad file is saved');
    const ok = await upload(
      app,
      s,
      'kommunenummer;rolle;navn;epost;telefon\n0301;skolesjef;Kari;kari@hovedstad.kommune.no;\n0302;skolesjef;Per;per@lillevik.kommune.no;+47 900 00 000\n',
    );
    assert.equal(ok.status, 303);
    const page = await (await s.get(ok.headers.get('location') as string)).text();
    assert.match(page, /Importert: 2 nye, 0 endret, 0 uendret/);
    assert.match(page, /<th scope="row">Skolesjef<\/th><td class="num">6<\/td><td class="num">2<\/td>/);
  });

  test('saves a letter text, refuses an unknown merge field, and queues a reminder to those not submitted', async (store) => {
    const { app, s } = await setUp(store);
    await upload(
      app,
      s,
      'kommunenummer,rolle,navn,epost,telefon\n0301,skolesjef,Kari,kari@hovedstad.kommune.no,\n0302,skolesjef,Per,per@lillevik.kommune.no,\n',
    );
    const unknown = await s.post('/utsendelser/mal?ar=2019', {
      rolle: 'skolesjef',
      type: 'reminder',
      emne: 'Hei {navn}',
      tekst: 'Svar her: {lenke} innen {fristen}',
    });
    assert.equal(unknown.status, 422);
    const unknownBody = await unknown.text();
    assert.match(unknownBody, /Teksten ble ikke lagret: ukjent flettefelt \{fristen\} i teksten/);
    assert.doesNotMatch(unknownBody, /unknown merge field/);
    const saved = await s.post('/utsendelser/mal?ar=2019', {
      rolle: 'skolesjef',
      type: 'reminder',
      emne: 'Påminnelse til {kommune}',
      tekst: 'Hei {navn}, svar her: {lenke} innen {frist}.',
    });
    assert.equal(saved.status, 303);
    assert.match(await (await s.get('/utsendelser?ar=2019')).text(), /Påminnelse til \{kommune\}/);
    const sent = await s.post('/utsendelser/send?ar=2019', { type: 'reminder', rolle: 'skolesjef' });
    assert.equal(sent.status, 303);
    assert.equal(sent.headers.get('location'), '/utsendelser?ar=2019&lagt_i_ko=2');
    const queued = await store.db.selectFrom('outbox').select(['subject', 'to_address']).orderBy('to_address').execute();
    assert.deepEqual(
      queued.map((q) => q.subject),
      ['Påminnelse til Hovedstad', 'Påminnelse til Lillevik'],
    );
    assert.equal((await s.get('/utsendelser/fanget')).status, 404, 'no captured mail outside the demo');
  });

  test('extends the window of an open round from the outreach page, and refuses moving its first day', async (store) => {
    const { s } = await setUp(store);
    const page = await (await s.get('/utsendelser?ar=2019')).text();
    assert.match(page, /Svarperioden åpnet 3\. januar 2020; bare sluttdatoen kan endres nå\./);
    assert.doesNotMatch(page, /name="apner"/, 'no first-day field once the window has opened');
    const moved = await s.post('/utsendelser/periode?ar=2019', { slutter: '2020-02-12' });
    assert.equal(moved.status, 303);
    const after = await (await s.get(moved.headers.get('location') ?? '')).text();
    assert.match(after, /Svarperioden er nå 3\. januar 2020 – 12\. februar 2020\./);
    assert.match(after, /Frist: 12\. februar 2020\./);
    const refused = await s.post('/utsendelser/periode?ar=2019', { apner: '2020-01-06', slutter: '2020-02-12' });
    assert.equal(refused.status, 422);
    assert.match(await refused.text(), /Svarperioden ble ikke endret: svarperioden åpnet 2020-01-03 og invitasjonene er sendt/);
    const past = await s.post('/utsendelser/periode?ar=2019', { slutter: '2020-01-09' });
    assert.equal(past.status, 422);
    assert.match(await past.text(), /er allerede passert \(i dag er 2020-01-10\)/);
  });

  test('refuses a letter for an unknown role in Norwegian', async (store) => {
    const { s } = await setUp(store);
    const res = await s.post('/utsendelser/mal?ar=2019', { rolle: 'rektor', type: 'reminder', emne: 'Hei', tekst: '{lenke}' });
    assert.equal(res.status, 400);
    const body = await res.text();
    assert.match(body, /<p>ukjent rolle «rektor»<\/p>/);
    assert.doesNotMatch(body, /unknown role/);
  });
});
