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

async function setUp(store: Store, env: Record<string, string> = {}) {
  await importRegistry(store, 2019, miniRegistryCsv, 'r.csv');
  await createRound(store, { year: 2019, template });
  const link = (await ensureLinks(store, 2019, 'kommunedirektor'))[0];
  assert.ok(link);
  const clock = { now: 1_000_000 };
  const app = createApp(store, loadConfig({ KOMMUNEPULS_CLOCK: '2020-01-15T10:00:00Z', ...env }), { now: () => clock.now });
  /** GET `path` as a connection from `socket`, optionally through a proxy that names the client. */
  const get = (path: string, socket: string, forwardedFor?: string) =>
    app.request(
      path,
      { headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {} },
      { incoming: { socket: { remoteAddress: socket } } },
    );
  const guess = (i: number) => `/s/${'G'.repeat(40)}${i}`;
  return { base: `/s/${link.token}`, clock, get, guess };
}

describeStores('guessing respondents’ links', (test) => {
  test('answers a guessing address 429 for unknown links only: its valid link still opens, and other addresses are not affected', async (store) => {
    const { base, clock, get, guess } = await setUp(store);
    for (let i = 0; i < 30; i++) assert.equal((await get(guess(i), '203.0.113.5')).status, 404);
    const blocked = await get(guess(30), '203.0.113.5');
    assert.equal(blocked.status, 429);
    assert.equal(blocked.headers.get('retry-after'), '600');
    assert.equal((await get('/s/kort', '203.0.113.5')).status, 429, 'malformed tokens too');
    const valid = await get(base, '203.0.113.5');
    assert.equal(valid.status, 200, 'a valid link is never blocked');
    assert.match(await valid.text(), /Storvik|skjema for kommunedirektør/);
    assert.equal((await get(`${base}/side/om_deg`, '203.0.113.5')).status, 200);
    assert.equal((await get(guess(99), '198.51.100.1')).status, 404, 'another address');
    clock.now += 10 * 60_000;
    assert.equal((await get(guess(31), '203.0.113.5')).status, 404, 'the block lasts one window');
  });

  test('behind a trusted proxy, one guesser does not block the other respondents coming through it', async (store) => {
    const { base, get, guess } = await setUp(store, { KOMMUNEPULS_TRUSTED_PROXIES: '127.0.0.1' });
    for (let i = 0; i < 31; i++) await get(guess(i), '127.0.0.1', '203.0.113.5');
    assert.equal((await get(guess(40), '127.0.0.1', '203.0.113.5')).status, 429);
    assert.equal((await get(guess(41), '127.0.0.1', '198.51.100.1')).status, 404, 'another respondent via the proxy');
    assert.equal((await get(base, '127.0.0.1', '203.0.113.5')).status, 200);
  });
});
