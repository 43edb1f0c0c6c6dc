/**
 * `kommunepuls report definition export|import|log` as spawned processes: the round's definition
 * goes out as YAML and back in as a new version with who and when, a file that does not validate
 * is refused with one line naming the field, `report build` then builds the round's own, and
 * `round create --from` copies it to the next round with its years made relative.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { importRegistry } from '../registry/registry.service.ts';
import { definitionVersions } from '../report/definition.service.ts';
import { miniRegistryCsv } from '../round/fixtures.ts';
import { createRound } from '../round/round.service.ts';
import { describeStores } from '../store/testing.ts';

const bin = path.resolve('bin/kommunepuls.mjs');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kp-cli-report-definition-'));
const clock = '2020-02-10T10:00:00Z';

function run(db: string, ...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, KOMMUNEPULS_DB: db, KOMMUNEPULS_CLOCK: clock, KOMMUNEPULS_LANG: 'en' };
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describeStores(
  'kommunepuls report definition',
  (test) => {
    test('exports the definition, imports an edited one as a new version, logs it and builds from it', async (store, { url }) => {
      await importRegistry(store, 2019, miniRegistryCsv, 'mini.csv');
      await createRound(store, { year: 2019, template: 'kommuneundersokelse-2019' });
      const out = path.join(work, `def-${Math.random()}.yaml`);
      const exported = run(url, 'report', 'definition', 'export', '--year', '2019', '--out', out);
      assert.equal(exported.code, 0, exported.err);
      assert.match(exported.out, /the built-in kommuneundersokelse-2019 \(no version saved yet\)/);
      const yaml = fs.readFileSync(out, 'utf8');
      assert.match(yaml, /^title: IMDis kommuneundersøkelse \{\{year\}\}$/m);
      assert.match(yaml, /^ {6}- text: \|/m, 'Markdown as block text');

      // A year written into the text, as an analyst might: the copy to 2020 makes it relative.
      fs.writeFileSync(out, yaml.replace('title: IMDis kommuneundersøkelse {{year}}', 'title: Vår rapport 2019'));
      const imported = run(url, 'report', 'definition', 'import', '--year', '2019', '--by', 'Kari', out);
      assert.equal(imported.code, 0, imported.err);
      assert.equal(imported.out, 'saved as version 1\n');
      const [v1] = await definitionVersions(store, 2019);
      assert.equal(v1?.by, 'Kari');
      assert.ok((v1?.at.getTime() ?? 0) - Date.parse(clock) < 10 * 60_000, 'stamped by the configured clock');

      const log = run(url, 'report', 'definition', 'log', '--year', '2019', '--json');
      assert.equal(log.code, 0, log.err);
      const rows = JSON.parse(log.out) as { version: number; by: string; note: string }[];
      assert.deepEqual(
        rows.map((r) => [r.version, r.by, r.note]),
        [[1, 'Kari', `Imported from ${path.basename(out)}`]],
      );

      const bad = path.join(work, `bad-${Math.random()}.yaml`);
      fs.writeFileSync(bad, yaml.replace('chapters:', 'kapitler:'));
      const refused = run(url, 'report', 'definition', 'import', '--year', '2019', bad);
      assert.notEqual(refused.code, 0);
      assert.match(refused.err, /^error: bad-[0-9.]+\.yaml: chapters: .*expected array/);
      assert.equal((await definitionVersions(store, 2019)).length, 1);

      const dir = path.join(work, `out-${Math.random()}`);
      const built = run(url, 'report', 'build', '--year', '2019', '--out', dir, '--no-pdf');
      assert.equal(built.code, 0, built.err);
      assert.match(fs.readFileSync(path.join(dir, 'report.html'), 'utf8'), /<h1>Vår rapport 2019<\/h1>/);

      await importRegistry(store, 2020, miniRegistryCsv, 'mini.csv');
      const copied = run(url, 'round', 'create', '--year', '2020', '--from', '2019');
      assert.equal(copied.code, 0, copied.err);
      assert.match(copied.out, /^report definition copied from 2019; years made relative: 2019 → \{\{year\}\}$/m);
      const log2020 = JSON.parse(run(url, 'report', 'definition', 'log', '--year', '2020', '--json').out) as { by: string; note: string }[];
      assert.deepEqual(log2020, [
        { ...log2020[0], by: os.userInfo().username, note: 'Copied from 2019; years made relative: 2019 → {{year}}' },
      ]);
      assert.match(run(url, 'report', 'definition', 'export', '--year', '2020').out, /^title: Vår rapport \{\{year\}\}$/m);
    });
  },
  { file: true },
);
