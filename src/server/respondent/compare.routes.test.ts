import assert from 'node:assert/strict';
import { secretOther, secretRole, setUpCompare, text } from '../../analysis/compare.fixtures.ts';
import { ensureLinks } from '../../collect/link.service.ts';
import { loadConfig } from '../../config/config.ts';
import type { Store } from '../../store/store.ts';
import { describeStores } from '../../store/testing.ts';
import { createApp } from '../app.ts';

const inWindow = '2020-01-15T10:00:00Z';
const afterWindow = '2020-02-10T10:00:00Z';
const xss = `<script>alert("x")</script><img src=x onerror=alert(1)>`;

async function linksOf(store: Store): Promise<Map<string, string>> {
  return new Map((await ensureLinks(store, 2019, 'kommunedirektor')).map((l) => [l.unitNumber, `/s/${l.token}`]));
}

describeStores('respondent compare page', (test) => {
  test('is refused while the window is open, with the day it opens, and linked from the receipt', async (store) => {
    await setUpCompare(store);
    const links = await linksOf(store);
    const app = createApp(store, loadConfig({ KOMMUNEPULS_CLOCK: inWindow }));
    const base = links.get('1101') as string;
    const res = await app.request(`${base}/sammenlign`);
    assert.equal(res.status, 200);
    const body = await res.text();
    assert.match(body, /<h1>Sammenligningen er ikke klar ennå<\/h1>/);
    assert.match(body, /Sammenligningen åpner 30\. januar 2020\./);
    assert.doesNotMatch(body, /<table|Alle kommuner|Dere svarte/);
    const receipt = await (await app.request(`${base}/kvittering`)).text();
    assert.match(receipt, new RegExp(`Fra 30\\. januar 2020, når undersøkelsen er avsluttet[^<]*<a href="${base}/sammenlign">`));
  });

  test('shows the comparison after the window has closed, linked from the closed page', async (store) => {
    await setUpCompare(store);
    const links = await linksOf(store);
    const app = createApp(store, loadConfig({ KOMMUNEPULS_CLOCK: afterWindow }));
    const base = links.get('1101') as string;
    const closed = await (await app.request(base)).text();
    assert.match(closed, new RegExp(`<a class="button" href="${base}/sammenlign">Sammenlign svarene deres med andre</a>`));
    const res = await app.request(`${base}/sammenlign`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    const body = await res.text();
    assert.match(body, /<h1>Sammenlign dere med andre kommuner<\/h1>/);
    assert.match(body, /kommuner på deres størrelse \(5 000 - 9 999 innbyggere\)/);
    assert.match(body, /<p><strong>Dere svarte:<\/strong> Ja<\/p>/);
    assert.match(
      body,
      /<th scope="col" class="c-own">Dere<\/th><th scope="col" class="num c-cmp">Alle kommuner <span class="nobr">\(N=11\)<\/span><\/th><th scope="col" class="num c-cmp">Kommuner på deres størrelse <span class="nobr">\(N=6\)<\/span><\/th>/,
    );
    assert.match(body, /For få svar til å vise/);
    assert.doesNotMatch(body, /style=/);
  });

  test('shows a unit its own answers and free text, never another unit’s', async (store) => {
    await setUpCompare(store);
    const links = await linksOf(store);
    const app = createApp(store, loadConfig({ KOMMUNEPULS_CLOCK: afterWindow }));
    const a = await (await app.request(`${links.get('1101')}/sammenlign`)).text();
    assert.match(a, /Mellomvik – skjema for kommunedirektør/);
    assert.match(a, /<p><strong>Dere svarte:<\/strong> Vår egen rolle<\/p>/);
    assert.match(a, /<li>Annet \(spesifiser\): Vår egen annet-tekst<\/li>/);
    assert.ok(!a.includes(secretRole) && !a.includes(secretOther), 'A does not see B’s free text');
    assert.doesNotMatch(a, /Mellomdal/);
    const b = await (await app.request(`${links.get('1102')}/sammenlign`)).text();
    assert.match(b, /Mellomdal – skjema for kommunedirektør/);
    assert.ok(b.includes(secretRole), 'B sees its own text');
    assert.ok(!b.includes('Vår egen rolle'), 'B does not see A’s text');
    // A district is compared with the districts.
    const d = await (await app.request(`${links.get('030101')}/sammenlign`)).text();
    assert.match(d, /<h1>Sammenlign dere med andre bydeler<\/h1>/);
    assert.doesNotMatch(d, /Kommuner på deres størrelse/);
    assert.equal((await app.request(`/s/${'A'.repeat(43)}/sammenlign`)).status, 404);
  });

  test('escapes a script in the unit name and in the unit’s free text', async (store) => {
    await setUpCompare(store, { name1101: xss, own: { rolle: text(xss) } });
    const links = await linksOf(store);
    const app = createApp(store, loadConfig({ KOMMUNEPULS_CLOCK: afterWindow }));
    const body = await (await app.request(`${links.get('1101')}/sammenlign`)).text();
    assert.ok(!body.includes('<script>alert'), 'no script');
    assert.ok(!body.includes('<img src=x'), 'no img');
    assert.ok(body.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'));
  });
});
