/**
 * `kommunepuls questionnaire import` as a spawned process: a file for another role is refused
 * without changing anything, and the configured clock (KOMMUNEPULS_CLOCK) decides whether the
 * round's window has opened (structure frozen) and stamps the change log.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import type { Role } from '../questionnaire/model.ts';
import { importRegistry } from '../registry/registry.service.ts';
import { miniRegistryCsv, writeMiniTemplate } from '../round/fixtures.ts';
import { createRound, roundQuestionnaire } from '../round/round.service.ts';
import { questionnaireLog } from '../round/round-setup.ts';
import type { Store } from '../store/store.ts';
import { describeStores } from '../store/testing.ts';

const bin = path.resolve('bin/kommunepuls.mjs');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kp-cli-questionnaire-'));
const file = (name: string, text: string) => {
  const p = path.join(work, name);
  fs.writeFileSync(p, text);
  return p;
};

/** The mini template's 2019 window is 3–29 January 2020 (Europe/Oslo). */
const beforeWindow = '2019-12-01T10:00:00+01:00';
const insideWindow = '2020-01-10T10:00:00+01:00';

function run(db: string, clock: string | undefined, ...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, KOMMUNEPULS_DB: db };
  delete env.KOMMUNEPULS_CLOCK;
  if (clock !== undefined) env.KOMMUNEPULS_CLOCK = clock;
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

async function setUp(store: Store): Promise<void> {
  await importRegistry(store, 2019, miniRegistryCsv, 'mini.csv');
  await createRound(store, { year: 2019, template: writeMiniTemplate() });
}

const exported = async (store: Store, role: Role) => YAML.stringify(await roundQuestionnaire(store, 2019, role));

/** The skolesjef questionnaire with one question fewer: a structural change. */
async function withoutQuestion(store: Store, key: string): Promise<string> {
  const q = await roundQuestionnaire(store, 2019, 'skolesjef');
  return file(`skolesjef-${Math.random()}.yaml`, YAML.stringify({ ...q, questions: q.questions.filter((x) => x.key !== key) }));
}

describeStores(
  'kommunepuls questionnaire import',
  (test) => {
    test("refuses another role's questionnaire with one line and changes nothing", async (store, { url }) => {
      await setUp(store);
      const director = file(`kommunedirektor-${Math.random()}.yaml`, await exported(store, 'kommunedirektor'));
      const before = await exported(store, 'skolesjef');
      // Before the window, so only the role check can stop it.
      const r = run(url, beforeWindow, 'questionnaire', 'import', '--year', '2019', '--role', 'skolesjef', director);
      assert.notEqual(r.code, 0);
      assert.equal(r.err.split('\n').filter((l) => l !== '').length, 1, r.err);
      assert.match(r.err, /^error: .*kommunedirektor.*skolesjef/);
      assert.equal(await exported(store, 'skolesjef'), before);
      assert.deepEqual(await questionnaireLog(store, 2019, 'skolesjef'), []);
    });

    test('refuses a structural change when KOMMUNEPULS_CLOCK is inside the window', async (store, { url }) => {
      await setUp(store);
      const before = await exported(store, 'skolesjef');
      const changed = await withoutQuestion(store, 'antall');
      const r = run(url, insideWindow, 'questionnaire', 'import', '--year', '2019', '--role', 'skolesjef', changed);
      assert.notEqual(r.code, 0);
      assert.match(r.err, /^error: the 2019 window opened on 2020-01-03: only wording can change now/);
      assert.equal(await exported(store, 'skolesjef'), before);
    });

    test('accepts a structural change when KOMMUNEPULS_CLOCK is before the window, and logs it at that time', async (store, { url }) => {
      await setUp(store);
      const changed = await withoutQuestion(store, 'antall');
      const r = run(url, beforeWindow, 'questionnaire', 'import', '--year', '2019', '--role', 'skolesjef', '--by', 'Kari', changed);
      assert.equal(r.code, 0, r.err);
      assert.match(r.out, /saved 1 change\(s\)/);
      const keys = (await roundQuestionnaire(store, 2019, 'skolesjef')).questions.map((q) => q.key);
      assert.ok(!keys.includes('antall'));
      const logged = await questionnaireLog(store, 2019, 'skolesjef');
      assert.equal(logged.length, 1);
      assert.equal(logged[0]?.by, 'Kari');
      // The clock starts at 09:00Z and ticks on; a few minutes cover a slow machine, the wall clock is years away.
      const at = logged[0]?.at.getTime() ?? 0;
      assert.ok(at >= Date.parse(beforeWindow) && at < Date.parse(beforeWindow) + 10 * 60_000, logged[0]?.at.toISOString());
    });
  },
  { file: true },
);
