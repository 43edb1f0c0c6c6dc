import assert from 'node:assert/strict';
import { loadConfig } from '../../config/config.ts';
import { importRegistry } from '../../registry/registry.service.ts';
import { miniRegistryCsv, writeMiniTemplate } from '../../round/fixtures.ts';
import { createRound } from '../../round/round.service.ts';
import { describeStores } from '../../store/testing.ts';
import { createApp } from '../app.ts';
import { logIn } from './testing.ts';

const template = writeMiniTemplate();

describeStores('unit page', (test) => {
  test('saves a contact, keeps the old one in the history, and shows bad fields with what was typed', async (store) => {
    await importRegistry(store, 2019, miniRegistryCsv, 'r.csv');
    await createRound(store, { year: 2019, template });
    const app = createApp(store, loadConfig({ KOMMUNEPULS_CLOCK: '2020-01-10T12:00:00Z' }));
    const s = await logIn(app, store);
    const bad = await s.post('/runde/2019/enhet/0302/kontakt', { rolle: 'skolesjef', navn: 'Kari', epost: 'kari@', telefon: '' });
    assert.equal(bad.status, 422);
    const badBody = await bad.text();
    assert.match(badBody, /Skriv en gyldig e-postadresse/);
    assert.match(badBody, /id="skolesjef-epost" name="epost" type="email" value="kari@" aria-invalid="true"/);
    const ok = await s.post('/runde/2019/enhet/0302/kontakt', {
      rolle: 'skolesjef',
      navn: 'Kari <b>Nord</b>',
      epost: 'kari@lillevik.kommune.no',
      telefon: '+47 912 34 567',
    });
    assert.equal(ok.status, 303);
    assert.equal(ok.headers.get('location'), '/runde/2019/enhet/0302?lagret=kontakt#h-skolesjef');
    await s.post('/runde/2019/enhet/0302/kontakt', { rolle: 'skolesjef', navn: 'Per', epost: 'per@lillevik.kommune.no' });
    const page = await (await s.get('/runde/2019/enhet/0302?lagret=kontakt')).text();
    assert.match(page, /Kontaktpersonen er lagret/);
    assert.match(page, /Per · <a href="mailto:per@lillevik\.kommune\.no">/);
    assert.match(page, /Tidligere kontaktpersoner \(1\)/);
    assert.ok(page.includes('Kari &lt;b&gt;Nord&lt;/b&gt;'));
  });

  test('records a follow-up by the logged-in user and refuses one without an outcome', async (store) => {
    await importRegistry(store, 2019, miniRegistryCsv, 'r.csv');
    await createRound(store, { year: 2019, template });
    const app = createApp(store, loadConfig({ KOMMUNEPULS_CLOCK: '2020-01-10T12:00:00Z' }));
    const s = await logIn(app, store);
    assert.equal((await s.post('/runde/2019/enhet/0303/oppfolging', { rolle: 'kommunedirektor', kanal: 'phone', utfall: '' })).status, 422);
    assert.equal(
      (
        await s.post('/runde/2019/enhet/0303/oppfolging', {
          rolle: 'kommunedirektor',
          kanal: 'phone',
          utfall: 'Lovet svar fredag',
          notat: 'Ring igjen',
        })
      ).status,
      303,
    );
    const page = await (await s.get('/runde/2019/enhet/0303')).text();
    assert.match(page, /<strong>10\.01\.2020 13:00<\/strong> · Telefon · Test admin: Lovet svar fredag<br>Ring igjen/);
    const analyst = await logIn(app, store, 'analyst');
    const readOnly = await (await analyst.get('/runde/2019/enhet/0303')).text();
    assert.doesNotMatch(readOnly, /Registrer oppfølging/);
    assert.equal((await analyst.post('/runde/2019/enhet/0303/oppfolging', { rolle: 'kommunedirektor', utfall: 'x' })).status, 403);
  });

  test('refuses an unknown role in Norwegian', async (store) => {
    await importRegistry(store, 2019, miniRegistryCsv, 'r.csv');
    await createRound(store, { year: 2019, template });
    const app = createApp(store, loadConfig({ KOMMUNEPULS_CLOCK: '2020-01-10T12:00:00Z' }));
    const s = await logIn(app, store);
    const res = await s.post('/runde/2019/enhet/0302/kontakt', { rolle: 'rektor', navn: 'Kari', epost: 'kari@lillevik.kommune.no' });
    assert.equal(res.status, 400);
    const body = await res.text();
    assert.match(body, /<p>ukjent rolle «rektor»<\/p>/);
    assert.doesNotMatch(body, /unknown role/);
  });
});
