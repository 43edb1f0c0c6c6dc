import assert from 'node:assert/strict';
import { saveResponses } from '../../collect/response.service.ts';
import { loadConfig } from '../../config/config.ts';
import { importContacts } from '../../outreach/contact.service.ts';
import { importRegistry } from '../../registry/registry.service.ts';
import { miniRegistryCsv, writeMiniTemplate } from '../../round/fixtures.ts';
import { createRound } from '../../round/round.service.ts';
import { describeStores } from '../../store/testing.ts';
import { createApp } from '../app.ts';
import { logIn } from './testing.ts';

describeStores('export pages', (test) => {
  test('downloads a role as CSV with its codebook, Excel and SPSS, without contact data', async (store) => {
    await importRegistry(store, 2019, miniRegistryCsv, 'r.csv');
    await createRound(store, { year: 2019, template: writeMiniTemplate() });
    await importContacts(
      store,
      2019,
      'kommunenummer;rolle;navn;epost;telefon\n0303;skolesjef;Kari Hemmelig;kari.hemmelig@example.org;+4799999999',
      'k.csv',
      'test',
      new Date('2020-01-02T00:00:00Z'),
    );
    await saveResponses(store, 2019, 'skolesjef', [
      {
        unitNumber: '0303',
        status: 'submitted',
        answers: new Map([['samarbeid', { kind: 'codes', codes: [1] }]]),
        startedAt: new Date('2020-01-05T08:00:00Z'),
        submittedAt: new Date('2020-01-06T08:00:00Z'),
      },
    ]);
    const app = createApp(store, loadConfig({}));
    assert.equal((await app.request('/runde/2019/eksport/skolesjef/data.csv')).status, 303, 'login first');
    const s = await logIn(app, store, 'analyst');
    const list = await (await s.get('/runde/2019/eksport')).text();
    assert.match(list, /href="\/runde\/2019\/eksport\/skolesjef\/data\.sav"/);

    const csv = await s.get('/runde/2019/eksport/skolesjef/data.csv');
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get('content-disposition') ?? '', /kommunepuls-2019-skolesjef-data\.csv/);
    const text = await csv.text();
    assert.match(text, /kommunenummer/);
    assert.match(text, /0303/);
    for (const secret of ['Kari', 'Hemmelig', 'kari.hemmelig@example.org', '99999999']) assert.ok(!text.includes(secret), secret);
    const codebook = await (await s.get('/runde/2019/eksport/skolesjef/kodebok.csv')).text();
    assert.match(codebook, /Samarbeider kommunen\?/);

    const xlsx = Buffer.from(await (await s.get('/runde/2019/eksport/skolesjef/data.xlsx')).arrayBuffer());
    assert.equal(xlsx.subarray(0, 2).toString(), 'PK');
    const sav = Buffer.from(await (await s.get('/runde/2019/eksport/skolesjef/data.sav')).arrayBuffer());
    assert.equal(sav.subarray(0, 4).toString(), '$FL2');
    assert.ok(!sav.includes('kari.hemmelig'));
    assert.equal((await s.get('/runde/2019/eksport/skolesjef/data.exe')).status, 404);
  });
});
