import assert from 'node:assert/strict';
import { ensureLinks } from '../../collect/link.service.ts';
import { loadConfig } from '../../config/config.ts';
import { importRegistry } from '../../registry/registry.service.ts';
import { miniRegistryCsv, writeMiniTemplate } from '../../round/fixtures.ts';
import { createRound } from '../../round/round.service.ts';
import type { Store } from '../../store/store.ts';
import { describeStores } from '../../store/testing.ts';
import { createApp } from '../app.ts';

const template = writeMiniTemplate();

async function setUp(store: Store) {
  await importRegistry(store, 2019, miniRegistryCsv, 'r.csv');
  await createRound(store, { year: 2019, template });
  const link = (await ensureLinks(store, 2019, 'kommunedirektor')).find((l) => l.unitNumber === '0303');
  assert.ok(link);
  const app = createApp(store, loadConfig({ KOMMUNEPULS_CLOCK: '2020-01-15T10:00:00Z' }));
  const base = `/s/${link.token}`;
  const m = (await (await app.request(`${base}/side/om_deg`)).text()).match(/name="_csrf" value="([^"]+)"/);
  assert.ok(m, 'no CSRF field');
  const csrf = m[1] as string;
  const post = (path: string, fields: Record<string, string>) =>
    app.request(path, {
      method: 'POST',
      body: new URLSearchParams({ _csrf: csrf, ...fields }),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
  return { app, base, post };
}

const stored = async (store: Store) => ({
  answers: await store.db.selectFrom('answer').select(['question_key', 'text']).execute(),
  drafts: await store.db.selectFrom('form_draft').select(['section_key', 'data']).execute(),
});

describeStores('respondent form and text the store cannot keep', (test) => {
  test('gives the page back with a field error for a NUL in a text field, and stores no answer', async (store) => {
    const { base, post } = await setUp(store);
    const res = await post(`${base}/side/om_deg`, { action: 'next', 'q.rolle': 'Råd\u0000mann' });
    assert.equal(res.status, 422);
    const body = await res.text();
    assert.match(
      body,
      /<a href="#f-rolle">[^<]*Hva er din rolle\?: Teksten har et tegn som ikke kan lagres \(vist som �\)\. Fjern det<\/a>/,
    );
    assert.match(body, /id="f-rolle" name="q\.rolle" value="Råd�mann"/, 'the field shows where the character was');
    const { answers, drafts } = await stored(store);
    assert.deepEqual(answers, []);
    assert.equal(drafts.length, 1);
    assert.deepEqual(JSON.parse(drafts[0]?.data as string), { 'q.rolle': 'Råd\uFFFDmann' });
  });

  test('keeps showing the error until the character is gone, then stores the answer', async (store) => {
    const { app, base, post } = await setUp(store);
    const saved = await post(`${base}/side/om_deg`, { action: 'save', 'q.rolle': 'Råd\u0001mann' });
    assert.equal(saved.status, 303);
    assert.match(await (await app.request(`${base}/side/om_deg`)).text(), /Teksten har et tegn som ikke kan lagres/);
    const fixed = await post(`${base}/side/om_deg`, { action: 'next', 'q.rolle': 'Rådmann' });
    assert.equal(fixed.status, 303);
    assert.deepEqual(await stored(store), { answers: [{ question_key: 'rolle', text: 'Rådmann' }], drafts: [] });
  });
});
