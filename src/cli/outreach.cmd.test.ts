import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { miniContactsCsv, miniRound } from '../outreach/fixtures.ts';
import { describeStores } from '../store/testing.ts';

const bin = path.resolve('bin/kommunepuls.mjs');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kp-cli-outreach-'));

function run(db: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, KOMMUNEPULS_DB: db, SMTP_URL: '' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describeStores(
  'kommunepuls contacts and outreach CLI',
  (test) => {
    test('imports contacts, refuses a bad file with one line naming line and column, and reports the outbox', async (store, { url }) => {
      await miniRound(store);
      const good = path.join(work, `kontakter-${Date.now()}.csv`);
      fs.writeFileSync(good, await miniContactsCsv(store, { separator: ';' }));
      const imported = run(url, 'contacts', 'import', '--year', '2019', good);
      assert.equal(imported.code, 0, imported.err);
      assert.equal(imported.out, 'imported 22 contacts: 22 new, 0 changed, 0 unchanged\n');

      const bad = path.join(work, 'kontakter.csv');
      fs.writeFileSync(
        bad,
        'kommunenummer,rolle,navn,epost,telefon\n0301,skolesjef,Ola,ola@x.no,\n0302,skolesjef,Kari,kari@x.no,\n0303,skolesjef,Per,ola@,\n',
      );
      const refused = run(url, 'contacts', 'import', '--year', '2019', bad);
      assert.equal(refused.code, 1);
      assert.equal(refused.err, 'error: kontakter.csv line 4, column epost: "ola@" is not an e-mail address\n');

      const noSmtp = run(url, 'outreach', 'run', '--year', '2019', '--once');
      assert.equal(noSmtp.code, 1);
      assert.match(noSmtp.err, /^error: SMTP_URL is not set/);

      const status = run(url, 'outreach', 'status', '--year', '2019', '--json');
      assert.equal(status.code, 0, status.err);
      assert.deepEqual(JSON.parse(status.out).byStatus, { queued: 0, sent: 0, failed: 0 });
    });
  },
  { file: true },
);
