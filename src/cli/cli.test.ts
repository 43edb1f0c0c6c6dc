import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { authenticate } from '../auth/user.service.ts';
import { fixtureUnits, registryCsv, withCell } from '../registry/fixtures.ts';
import { miniRegistryCsv, writeMiniTemplate } from '../round/fixtures.ts';
import { describeStores } from '../store/testing.ts';

const bin = path.resolve('bin/kommunepuls.mjs');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kp-cli-'));
const file = (name: string, text: string) => {
  const p = path.join(work, name);
  fs.writeFileSync(p, text);
  return p;
};

// The CLI's language is English unless KOMMUNEPULS_LANG says otherwise: a developer's own setting must not leak in.
const { KOMMUNEPULS_LANG: _, ...baseEnv } = process.env;

function runIn(env: NodeJS.ProcessEnv, db: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...baseEnv, ...env, KOMMUNEPULS_DB: db } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const run = (db: string, ...args: string[]) => runIn({}, db, ...args);

describe('kommunepuls CLI', () => {
  it('prints help listing the commands and exits 0', () => {
    const r = run(':memory:', '--help');
    assert.equal(r.code, 0);
    for (const c of ['registry', 'groupings', 'round', 'responses', 'demo', 'serve']) assert.match(r.out, new RegExp(`\\b${c}\\b`));
  });

  it('exits non-zero on an unknown command', () => {
    assert.notEqual(run(':memory:', 'frobnicate').code, 0);
  });

  it('prints the error line in the language of KOMMUNEPULS_LANG, in English when it is not set', () => {
    const bad = file('registry.csv', withCell(registryCsv({ units: 100 }), 57, 'folketall', '12a'));
    const args = ['registry', 'import', '--year', '2019', bad];
    const nb = runIn({ KOMMUNEPULS_LANG: 'nb' }, ':memory:', ...args);
    assert.equal(nb.code, 1);
    assert.equal(nb.err, 'error: registry.csv linje 57, kolonne folketall: «12a» er ikke et tall\n');
    const nn = runIn({ KOMMUNEPULS_LANG: 'nn' }, ':memory:', ...args);
    assert.equal(nn.err, 'error: registry.csv linje 57, kolonne folketall: «12a» er ikkje eit tal\n');
    assert.equal(run(':memory:', ...args).err, 'error: registry.csv line 57, column folketall: "12a" is not a number\n');
    const unknown = runIn({ KOMMUNEPULS_LANG: 'de' }, ':memory:', ...args);
    assert.equal(unknown.code, 1);
    assert.match(unknown.err, /^error: configuration: KOMMUNEPULS_LANG: .*"nb".*"nn".*"en"/);
  });

  it('backs a SQLite store up and restores it elsewhere, refusing to overwrite data without --replace', () => {
    const db = path.join(work, 'backup-source.sqlite');
    assert.equal(run(db, 'registry', 'import', '--year', '2019', file('backup-registry.csv', miniRegistryCsv)).code, 0);
    const backup = path.join(work, 'store.backup');
    const made = run(db, 'backup', '--out', backup, '--json');
    assert.equal(made.code, 0, made.err);
    assert.equal(JSON.parse(made.out).dialect, 'sqlite');
    const copy = path.join(work, 'backup-copy.sqlite');
    assert.equal(run(copy, 'restore', '--from', backup).code, 0);
    assert.equal(run(copy, 'registry', 'show', '--year', '2019').out, run(db, 'registry', 'show', '--year', '2019').out);
    const refused = runIn({ KOMMUNEPULS_LANG: 'nb' }, copy, 'restore', '--from', backup);
    assert.equal(refused.code, 1);
    assert.match(refused.err, /har allerede data; stopp serveren og bruk --replace/);
    assert.equal(run(copy, 'restore', '--from', backup, '--replace').code, 0);
  });
});

describeStores(
  'kommunepuls CLI on a store',
  (test) => {
    test('round-trips a 422-row registry CSV (;, BOM, CRLF, decimal comma, æøå) through registry show --json', async (_store, { url }) => {
      const csv = file('registry.csv', registryCsv({ units: 422, separator: ';', bom: true, crlf: true }));
      const imp = run(url, 'registry', 'import', '--year', '2019', csv);
      assert.equal(imp.code, 0, imp.err);
      assert.match(imp.out, /imported 422 units for 2019/);
      const shown = JSON.parse(run(url, 'registry', 'show', '--year', '2019', '--json').out);
      const expected = fixtureUnits({ units: 422 }).sort((a, b) => a.number.localeCompare(b.number));
      assert.deepEqual(
        shown.units.map((u: Record<string, unknown>) => ({
          number: u.number,
          name: u.name,
          countyNumber: u.county_number,
          countyName: u.county_name,
          attributes: u.attributes,
        })),
        expected,
      );
    });

    test('a bad row exits non-zero with one line naming line and column, and changes nothing', async (_store, { url }) => {
      const good = file('good.csv', registryCsv({ units: 100 }));
      assert.equal(run(url, 'registry', 'import', '--year', '2019', good).code, 0);
      const before = run(url, 'registry', 'show', '--year', '2019', '--json').out;
      const bad = file('registry.csv', withCell(registryCsv({ units: 100 }), 57, 'folketall', '12a'));
      const r = run(url, 'registry', 'import', '--year', '2019', bad);
      assert.notEqual(r.code, 0);
      assert.equal(r.err, 'error: registry.csv line 57, column folketall: "12a" is not a number\n');
      assert.equal(run(url, 'registry', 'show', '--year', '2019', '--json').out, before);
    });

    test('creates a round, imports responses and shows the counts', async (_store, { url }) => {
      assert.equal(run(url, 'registry', 'import', '--year', '2019', file('mini.csv', miniRegistryCsv)).code, 0);
      const created = run(url, 'round', 'create', '--year', '2019', '--template', writeMiniTemplate());
      assert.equal(created.code, 0, created.err);
      assert.match(created.out, /window 2020-01-03 – 2020-01-29; units: kommunedirektor 8, integreringsansvarlig 8, skolesjef 6/);
      const responses = file('svar.csv', 'kommunenummer,samarbeid,utfordring\n0301,Ja,4\n0302,2,Vet ikke\n');
      const imp = run(url, 'responses', 'import', '--year', '2019', '--role', 'skolesjef', responses);
      assert.equal(imp.code, 0, imp.err);
      const shown = JSON.parse(run(url, 'round', 'show', '--year', '2019', '--json').out);
      assert.deepEqual(
        shown.roles.find((r: { role: string }) => r.role === 'skolesjef'),
        { role: 'skolesjef', questions: 8, units: 6, in_progress: 0, submitted: 2 },
      );
    });

    test('lists the built-in groupings with counts per category', async (_store, { url }) => {
      assert.equal(run(url, 'registry', 'import', '--year', '2019', file('mini2.csv', miniRegistryCsv)).code, 0);
      const r = run(url, 'groupings', 'list', '--json', '--year', '2019');
      assert.equal(r.code, 0, r.err);
      const list = JSON.parse(r.out);
      const size = list.find((g: { key: string }) => g.key === 'storrelse');
      assert.deepEqual(size.categories, [
        { label: 'Under 2 000', units: 1 },
        { label: '2 000 - 4 999', units: 1 },
        { label: '5 000 - 9 999', units: 1 },
        { label: '10 000 - 19 999', units: 1 },
        { label: '20 000 - 49 999', units: 1 },
        { label: 'Over 50 000', units: 1 },
      ]);
    });

    test('lists personal links with the configured base URL, keeps them stable, and re-issues one', async (_store, { url }) => {
      assert.equal(run(url, 'registry', 'import', '--year', '2019', file('mini3.csv', miniRegistryCsv)).code, 0);
      assert.equal(run(url, 'round', 'create', '--year', '2019', '--template', writeMiniTemplate()).code, 0);
      const env = { KOMMUNEPULS_BASE_URL: 'https://svar.example.no/' };
      const list = (...args: string[]) => {
        const r = spawnSync(process.execPath, [bin, 'links', '--year', '2019', '--json', ...args], {
          encoding: 'utf8',
          env: { ...process.env, KOMMUNEPULS_DB: url, ...env },
        });
        assert.equal(r.status, 0, r.stderr);
        return JSON.parse(r.stdout) as { kommunenummer: string; rolle: string; url: string }[];
      };
      const school = list('--role', 'skolesjef');
      assert.equal(school.length, 6);
      assert.ok(school.every((l) => l.rolle === 'skolesjef' && /^https:\/\/svar\.example\.no\/s\/[A-Za-z0-9_-]{43}$/.test(l.url)));
      const all = list();
      assert.equal(all.length, 22);
      assert.deepEqual(
        all.filter((l) => l.rolle === 'skolesjef'),
        school,
      );
      const re = run(url, 'link-reissue', '--year', '2019', '--role', 'skolesjef', '--unit', '0301');
      assert.equal(re.code, 0, re.err);
      const after = list('--role', 'skolesjef');
      assert.notEqual(after.find((l) => l.kommunenummer === '0301')?.url, school.find((l) => l.kommunenummer === '0301')?.url);
      assert.equal(run(url, 'links', '--year', '2019', '--role', 'rektor').code, 1);
    });

    test('adds a user with a password from standard input and refuses a short one', async (store, { url }) => {
      const add = (password: string, ...args: string[]) =>
        spawnSync(process.execPath, [bin, 'user', 'add', '--email', 'Kari@Example.no', '--password-stdin', ...args], {
          encoding: 'utf8',
          input: `${password}\n`,
          env: { ...process.env, KOMMUNEPULS_DB: url },
        });
      const ok = add('et-langt-passord', '--role', 'analyst', '--name', 'Kari');
      assert.equal(ok.status, 0, ok.stderr);
      assert.match(ok.stdout, /added kari@example\.no \(analyst\)/);
      assert.ok(await authenticate(store, 'kari@example.no', 'et-langt-passord'));
      const short = add('kort');
      assert.equal(short.status, 1);
      assert.match(short.stderr, /at least 10 characters/);
      const again = add('et-nytt-langt-passord');
      assert.match(again.stdout, /set a new password/);
      assert.equal(await authenticate(store, 'kari@example.no', 'et-langt-passord'), null);
    });
  },
  { file: true },
);
