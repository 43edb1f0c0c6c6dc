import assert from 'node:assert/strict';
import { secretOther, secretRole, setUpCompare, text } from '../../analysis/compare.fixtures.ts';
import { loadConfig } from '../../config/config.ts';
import { describeStores } from '../../store/testing.ts';
import { createApp } from '../app.ts';
import { logIn } from './testing.ts';

const xss = `<script>alert("x")</script><img src=x onerror=alert(1)>`;
const path = '/runde/2019/enhet/1101/sammenlign?rolle=kommunedirektor';

describeStores('admin compare page', (test) => {
  test('needs a login', async (store) => {
    await setUpCompare(store);
    const app = createApp(store, loadConfig({ KOMMUNEPULS_CLOCK: '2020-02-10T10:00:00Z' }));
    const res = await app.request(path);
    assert.equal(res.status, 303);
    assert.match(res.headers.get('location') ?? '', /^\/logg-inn\?neste=/);
    assert.doesNotMatch(await res.text(), /Mellomvik|Alle kommuner/);
  });

  test('shows the unit’s answers beside all municipalities and its size class, linked from the unit page', async (store) => {
    await setUpCompare(store);
    const app = createApp(store, loadConfig({ KOMMUNEPULS_CLOCK: '2020-01-10T12:00:00Z' }));
    const s = await logIn(app, store, 'analyst');
    const unitPage = await (await s.get('/runde/2019/enhet/1101')).text();
    assert.ok(unitPage.includes(`href="${path}"`), 'the unit page links to the comparison');
    const res = await s.get(path);
    assert.equal(res.status, 200);
    const body = await res.text();
    assert.match(body, /<h1>Sammenlign: 1101 Mellomvik – Kommunedirektør<\/h1>/);
    assert.match(body, /<p><strong>Mellomvik svarte:<\/strong> Ja<\/p>/);
    assert.match(body, /Alle kommuner <span class="nobr">\(N=11\)<\/span>/);
    assert.match(body, /Kommuner av samme størrelse <span class="nobr">\(N=6\)<\/span>/);
    // samarbeid "Ja": 7 of 11 municipalities, 4 of 6 in the class.
    assert.match(
      body,
      /<th scope="row">Ja<\/th><td class="own"><span aria-hidden="true">✓<\/span> <span class="own-word">Valgt<\/span><\/td><td class="num">64\u00a0%<svg/,
    );
    assert.match(body, /64\u00a0%<svg[\s\S]*?<\/svg><\/td><td class="num">67\u00a0%<svg/);
    assert.match(body, /For få svar til å vise/, 'the follow-up has too few answers in the class');
    assert.ok(!body.includes(secretRole) && !body.includes(secretOther), 'no other unit’s free text');
    assert.doesNotMatch(body, /style=/);
    // The other roles of the unit are offered; an unknown role is refused.
    assert.match(body, /<a href="\/runde\/2019\/enhet\/1101\/sammenlign\?rolle=skolesjef">Skolesjef<\/a>/);
    assert.equal((await s.get('/runde/2019/enhet/1101/sammenlign?rolle=ordfører')).status, 400);
    assert.equal((await s.get('/runde/2019/enhet/030101/sammenlign?rolle=skolesjef')).status, 404);
  });

  test('escapes a script in the unit name and in the unit’s own free text', async (store) => {
    await setUpCompare(store, { name1101: xss, own: { rolle: text(xss) } });
    const app = createApp(store, loadConfig({ KOMMUNEPULS_CLOCK: '2020-02-10T10:00:00Z' }));
    const s = await logIn(app, store);
    const body = await (await s.get(path)).text();
    assert.ok(!body.includes('<script>alert'), 'no script');
    assert.ok(!body.includes('<img src=x'), 'no img');
    assert.ok(body.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'), 'the text is shown escaped');
  });
});
