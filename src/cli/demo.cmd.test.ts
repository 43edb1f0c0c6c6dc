import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { demoRegistry } from '../demo/registry.demo.ts';
import { getRegistry, saveRegistry } from '../registry/registry.service.ts';
import { listRounds } from '../round/round.service.ts';
import { describeStores } from '../store/testing.ts';

const bin = path.resolve('bin/kommunepuls.mjs');

function run(db: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, KOMMUNEPULS_DB: db } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describeStores(
  'kommunepuls demo',
  (test) => {
    test('refuses a store that holds data unless --reset is given, and changes nothing', async (store, { url }) => {
      const units = demoRegistry(7).slice(0, 5);
      await saveRegistry(store, 2019, units);
      const r = run(url, 'demo');
      assert.equal(r.code, 1);
      assert.match(r.err, /^error: the store is not empty: .*demo --reset/);
      assert.equal(r.out, '');
      assert.equal((await getRegistry(store, 2019)).length, 5);
      assert.deepEqual(await listRounds(store), []);
    });

    test('refuses a --registry folder without kommune.geojson before wiping anything', async (store, { url }) => {
      await saveRegistry(store, 2019, demoRegistry(7).slice(0, 5));
      const r = run(url, 'demo', '--reset', '--registry', path.join(path.resolve('.'), 'no-such-folder'));
      assert.equal(r.code, 1);
      assert.match(r.err, /^error: --registry: no such file: .*no-such-folder.kommune\.geojson\n$/);
      assert.equal((await getRegistry(store, 2019)).length, 5);
    });

    test('with --reset loads the demo and prints the rounds, the responses per role and year and the login', async (store, { url }) => {
      await saveRegistry(store, 2019, demoRegistry(7).slice(0, 5));
      const r = run(url, 'demo', '--reset', '--seed', '2019');
      assert.equal(r.code, 0, r.err);
      assert.match(r.out, /demo loaded: 437 units \(a fictitious country\), 5 rounds \(2015, 2016, 2017, 2018, 2019\)/);
      assert.match(r.out, /\n2019 +2019 +kommunedirektor +422 +171 +\d+ +15 +8 /);
      assert.match(r.out, /\n2015 +2015 +kommunedirektor +422 +\d+/);
      assert.match(r.out, /demo login: demo@kommunepuls\.test \/ demo-passord/);
      assert.equal((await listRounds(store)).length, 5);
      // The trend question over the five rounds, broken down by size (the CLI once dropped --by).
      const t = run(
        url,
        'analyze',
        'trend',
        '--role',
        'kommunedirektor',
        '--question',
        'tolk_retningslinjer',
        '--options',
        '1,2',
        '--years',
        '2015-2019',
        '--by',
        'storrelse3',
        '--json',
      );
      assert.equal(t.code, 0, t.err);
      const json = JSON.parse(t.out) as { by?: { key: string }; years: { year: number; groups?: { n: number }[] }[] };
      assert.equal(json.by?.key, 'storrelse3');
      assert.deepEqual(
        json.years.map((y) => y.year),
        [2015, 2016, 2017, 2018, 2019],
      );
      for (const y of json.years) assert.equal(y.groups?.length, 3);
      const table = run(
        url,
        'analyze',
        'trend',
        '--role',
        'kommunedirektor',
        '--question',
        'tolk_retningslinjer',
        '--options',
        '1,2',
        '--years',
        '2015-2019',
        '--by',
        'storrelse3',
      );
      assert.match(table.out, /By .* \(the division of 2019\):/);
    });
  },
  { file: true },
);
