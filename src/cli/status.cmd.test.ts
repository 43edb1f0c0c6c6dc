import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { type FormContext, openForm, rememberSection, saveSection, submit } from '../collect/form.service.ts';
import { ensureLinks } from '../collect/link.service.ts';
import { importRegistry } from '../registry/registry.service.ts';
import { miniRegistryCsv, writeMiniTemplate } from '../round/fixtures.ts';
import { createRound } from '../round/round.service.ts';
import { describeStores } from '../store/testing.ts';

const bin = path.resolve('bin/kommunepuls.mjs');
const template = writeMiniTemplate();

describeStores(
  'kommunepuls status',
  (test) => {
    test("counts as the configured clock stands and gives the form's pages in the JSON", async (store, { url }) => {
      await importRegistry(store, 2019, miniRegistryCsv, 'r.csv');
      await createRound(store, { year: 2019, template });
      const forms = new Map<string, FormContext>();
      for (const link of await ensureLinks(store, 2019, 'kommunedirektor'))
        forms.set(link.unitNumber, (await openForm(store, link.token)) ?? assert.fail());
      const form = (unit: string) => forms.get(unit) ?? assert.fail(unit);
      const t = (seconds: number) => new Date(Date.UTC(2020, 0, 9, 9, 0, seconds));
      // 0301: both pages and submits after the clock; 0302 stops on the first page.
      await rememberSection(store, form('0301'), 'om_deg', t(0));
      await saveSection(store, form('0301'), 'om_deg', { 'q.rolle': 'Rådmann' }, t(20));
      await rememberSection(store, form('0301'), 'tema', t(30));
      await saveSection(store, form('0301'), 'tema', { 'q.samarbeid': '1', 'q.har_oversikt': '2' }, t(75));
      await submit(store, form('0301'), new Date('2020-01-11T09:00:00Z'));
      await rememberSection(store, form('0302'), 'om_deg', t(5));
      const status = (clock: string) => {
        const r = spawnSync(process.execPath, [bin, 'status', '--year', '2019', '--json'], {
          encoding: 'utf8',
          env: { ...process.env, KOMMUNEPULS_DB: url, KOMMUNEPULS_CLOCK: clock },
        });
        assert.equal(r.status, 0, r.stderr);
        return JSON.parse(r.stdout);
      };
      const before = status('2020-01-10T12:00:00Z');
      assert.deepEqual(
        [before.roles.kommunedirektor.started, before.roles.kommunedirektor.submitted],
        [1, 0],
        'the submission after the clock is not counted',
      );
      assert.equal(before.pages.as_of, '2020-01-10T12:00:00.000Z');
      type Page = { section: string; title: string; started: number; left_from: number; saves: number; median_seconds: number | null };
      assert.deepEqual(
        (before.pages.roles.kommunedirektor as Page[]).map((p) => [p.section, p.title, p.started, p.left_from, p.saves, p.median_seconds]),
        [
          ['om_deg', 'Om deg', 2, 1, 1, 20],
          ['tema', 'Tema', 1, 1, 1, 45],
        ],
      );
      assert.deepEqual(
        (before.pages.roles.skolesjef as Page[]).map((p) => p.started),
        [0, 0],
      );
      // Once 0301 has submitted it no longer stopped on "Tema".
      const after = status('2020-01-12T12:00:00Z');
      assert.equal(after.roles.kommunedirektor.submitted, 1);
      assert.deepEqual(
        (after.pages.roles.kommunedirektor as Page[]).map((p) => p.left_from),
        [1, 0],
      );
    });
  },
  { file: true },
);
