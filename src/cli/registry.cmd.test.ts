import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { getRegistry } from '../registry/registry.service.ts';
import { miniRegistryCsv, writeMiniTemplate } from '../round/fixtures.ts';
import { roundUnits } from '../round/round.service.ts';
import { describeStores } from '../store/testing.ts';

const bin = path.resolve('bin/kommunepuls.mjs');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kp-cli-registry-'));
const file = (name: string, text: string) => {
  const p = path.join(work, name);
  fs.writeFileSync(p, text);
  return p;
};

function run(db: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, KOMMUNEPULS_DB: db } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

// Fjellbygd renumbered 0401 → 0404, Sjøbygd (0403) gone, Nyby (0405) new, Lillevik renamed.
const corrected = miniRegistryCsv
  .replace('0401;Fjellbygd;04;Innlandet;4000;', '0404;Fjellbygd;04;Innlandet;4000;')
  .replace('0403;Sjøbygd;04;Innlandet;12000;3', '0405;Nyby;04;Innlandet;3000;1')
  .replace('0302;Lillevik;', '0302;Lille Vik;');

/** A store with the 2019 registry and a 2019 round on it. */
function setUp(url: string) {
  assert.equal(run(url, 'registry', 'import', '--year', '2019', file('r2019.csv', miniRegistryCsv)).code, 0);
  const round = run(url, 'round', 'create', '--year', '2019', '--template', writeMiniTemplate());
  assert.equal(round.code, 0, round.err);
}

describeStores(
  'kommunepuls registry import of a year a round uses',
  (test) => {
    test('prints the changes, stores nothing and exits non-zero with one line on how to apply', async (store, { url }) => {
      setUp(url);
      const r = run(url, 'registry', 'import', '--year', '2019', file('ny.csv', corrected));
      assert.equal(r.code, 1);
      assert.equal(
        r.err,
        'error: nothing changed: the 2019 registry is used by the round 2019; run again with --yes to apply these changes\n',
      );
      assert.match(r.out, /^registry 2019: 8 units stored, 8 in ny\.csv; used by the round 2019\n/);
      assert.match(r.out, /\nchanges: 2 new, 2 gone, 1 changed, 5 unchanged, 0 moved; round 2019 integreringsansvarlig \+2 -2;/);
      assert.match(r.out, /\nnew units \(2\):\n {2}0404 Fjellbygd\n {2}0405 Nyby\n/);
      assert.match(r.out, /\ngone units \(2\):\n {2}0401 Fjellbygd\n {2}0403 Sjøbygd\n/);
      assert.match(r.out, /\nchanged units \(1\):\n {2}0302 Lille Vik: name "Lillevik" → "Lille Vik"\n/);
      assert.equal((await getRegistry(store, 2019)).find((u) => u.number === '0302')?.name, 'Lillevik');

      const json = run(url, 'registry', 'import', '--year', '2019', '--json', file('ny.csv', corrected));
      assert.equal(json.code, 1);
      const plan = JSON.parse(json.out);
      assert.equal(plan.applied, false);
      assert.deepEqual([plan.diff.added.length, plan.diff.gone.length, plan.diff.changed.length, plan.diff.unchanged], [2, 2, 1, 5]);
      assert.deepEqual(
        plan.dropped.map((u: { number: string }) => u.number),
        ['0401', '0403'],
      );

      const yes = run(url, 'registry', 'import', '--year', '2019', '--yes', file('ny.csv', corrected));
      assert.equal(yes.code, 0, yes.err);
      assert.match(yes.out, /^imported 8 units for 2019 .*, replacing 8\nchanges: 2 new, 2 gone, 1 changed, 5 unchanged, 0 moved; /);
      assert.deepEqual(await roundUnits(store, 2019, 'skolesjef'), ['0301', '0302', '0303', '0402', '0404', '0405']);
    });

    test('refuses to drop units with links, naming them, and moves them with --mapping', async (store, { url }) => {
      setUp(url);
      const links = run(url, 'links', '--year', '2019', '--role', 'skolesjef', '--json');
      assert.equal(links.code, 0, links.err);
      const before = JSON.parse(links.out) as { kommunenummer: string; url: string }[];

      const refused = run(url, 'registry', 'import', '--year', '2019', '--yes', file('ny.csv', corrected));
      assert.equal(refused.code, 1);
      assert.equal(
        refused.err,
        'error: nothing changed: 2 units that go have links, responses, contacts or mail in rounds on the 2019 registry and no row in a mapping file (fra,til): 0401, 0403; give --mapping FILE with those units and run again\n',
      );
      assert.match(
        refused.out,
        /\nblocking: gone, with something in a round, and not in --mapping \(2\):\n {2}0401 Fjellbygd: 1 link \(round 2019\)\n {2}0403 Sjøbygd: 1 link \(round 2019\)\n/,
      );
      assert.equal((await getRegistry(store, 2019)).length, 8);
      assert.ok((await getRegistry(store, 2019)).some((u) => u.number === '0401'));

      const mapping = file('flytting.csv', 'fra;til\n0401;0404\n403;0405\n');
      const moved = run(url, 'registry', 'import', '--year', '2019', '--yes', '--mapping', mapping, file('ny.csv', corrected));
      assert.equal(moved.code, 0, moved.err);
      assert.match(moved.out, /2 moved; round 2019 integreringsansvarlig \+0 -0 renumbered 2;/);
      const after = JSON.parse(run(url, 'links', '--year', '2019', '--role', 'skolesjef', '--json').out) as typeof before;
      const urlOf = (list: typeof before, n: string) => list.find((l) => l.kommunenummer === n)?.url;
      assert.equal(urlOf(after, '0404'), urlOf(before, '0401'), 'the link sent for 0401 is now the link of 0404');
      assert.equal(urlOf(after, '0405'), urlOf(before, '0403'));
      assert.equal(after.length, 6);
    });
  },
  { file: true },
);
