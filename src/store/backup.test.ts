import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { it } from 'node:test';
import pg from 'pg';
import { addUser } from '../auth/user.service.ts';
import { loadConfig, testPostgresUrl } from '../config/config.ts';
import { loadDemo } from '../demo/demo.service.ts';
import { roundStatus, statusJson } from '../monitor/monitor.service.ts';
import { logIn } from '../server/admin/testing.ts';
import { createApp } from '../server/app.ts';
import { AppError } from '../shared/errors.ts';
import { backupStore, restoreStore } from './backup.ts';
import { openStore, type Store, splitSchema } from './store.ts';
import { describeStores, digest } from './testing.ts';

/** A database of its own on the test server, so the backup's schema can be restored under its name. */
async function scratchDatabase(): Promise<{ url: (schema: string) => string; drop(): Promise<void> }> {
  const base = testPostgresUrl();
  const name = `kp_restore_${process.pid}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(base);
  u.pathname = `/${name}`;
  return {
    url: (schema) => `${u.toString()}?schema=${schema}`,
    async drop() {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** The pages of the team as one signed-in admin sees them (session tokens and per-process chart ids taken out). */
async function pages(store: Store): Promise<Record<string, string>> {
  const app = createApp(store, loadConfig({ KOMMUNEPULS_CLOCK: '2020-01-16T12:00:00Z' }));
  const s = await logIn(app, store, 'admin', 'backup-test@example.no');
  const unit = (
    await store.db
      .selectFrom('round_unit')
      .select('unit_number')
      .where('round_year', '=', 2019)
      .orderBy('unit_number')
      .executeTakeFirstOrThrow()
  ).unit_number;
  const out: Record<string, string> = {};
  for (const p of [
    '/',
    '/runde/2019/rapport',
    '/runde/2019',
    '/runde/2019/purreliste',
    '/runde/2019/purreliste.csv',
    `/runde/2019/enhet/${unit}`,
    '/runde/2019/eksport',
    '/runde/2019/skjema/skolesjef',
    '/registry/2019',
    '/kontakter',
    '/utsendelser',
    '/grupperinger',
  ]) {
    const res = await s.get(p);
    assert.equal(res.status, 200, p);
    out[p] = (await res.text())
      .replace(/name="_csrf" value="[^"]*"/g, '')
      .replace(/nonce="[^"]*"/g, '')
      .replace(/\bchart\d+/g, 'chart'); // the charts' element ids count per process
  }
  return out;
}

describeStores(
  'backup and restore',
  (test) => {
    test('restores a snapshot of a running demo store that answers every page and query as the original did', async (store, ctx) => {
      await loadDemo(store);
      const before = await digest(store);
      const status = statusJson(await roundStatus(store, 2019));
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kp-backup-'));
      const scratch = ctx.dialect === 'postgres' ? await scratchDatabase() : undefined;
      try {
        const file = path.join(dir, 'kommunepuls.backup');
        const made = await backupStore(ctx.url, file);
        assert.ok(made.bytes > 10_000, `a backup of ${made.bytes} bytes`);
        assert.deepEqual(
          fs.readdirSync(dir).filter((f) => f.includes('partial')),
          [],
        );
        // Written after the backup: the restored store must not have it (a snapshot, not a live copy).
        await addUser(store, { email: 'after@example.no', password: 'et-langt-passord-her', role: 'analyst', name: 'Etter' });

        const target = scratch ? scratch.url(splitSchema(ctx.url).schema as string) : path.join(dir, 'restored.sqlite');
        assert.deepEqual(await restoreStore(target, file, { replace: false }), { dialect: ctx.dialect, migrated: [] });
        const restored = await openStore(target);
        try {
          assert.equal(await digest(restored), before, 'every table as it was at the backup');
          assert.deepEqual(statusJson(await roundStatus(restored, 2019)), status);
          // Both gain the same page-viewing admin; every page then reads alike.
          const [theirs, ours] = [await pages(restored), await pages(store)];
          for (const [p, html] of Object.entries(ours)) {
            const other = theirs[p] ?? '';
            let at = 0;
            while (at < html.length && other[at] === html[at]) at++;
            assert.ok(
              other === html,
              `${p} differs: ${JSON.stringify(other.slice(at - 60, at + 60))} / ${JSON.stringify(html.slice(at - 60, at + 60))}`,
            );
          }
        } finally {
          await restored.close();
        }

        // A store that holds data is replaced only when asked to.
        await assert.rejects(
          () => restoreStore(target, file, { replace: false }),
          (e) => e instanceof AppError && e.code === 'conflict' && /--replace/.test(e.message),
        );
        await restoreStore(target, file, { replace: true });
        const again = await openStore(target);
        try {
          assert.equal(await digest(again), before);
        } finally {
          await again.close();
        }
      } finally {
        await scratch?.drop();
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });

    test('refuses a file that is not a backup of this kind of store, and leaves the store untouched', async (store, ctx) => {
      await addUser(store, { email: 'keep@example.no', password: 'et-langt-passord-her', role: 'admin', name: 'Behold' });
      const before = await digest(store);
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kp-backup-'));
      try {
        const text = path.join(dir, 'notes.txt');
        fs.writeFileSync(text, 'SQLite? No, just text.\n');
        for (const from of [text, path.join(dir, 'missing.backup')]) {
          await assert.rejects(
            () => restoreStore(ctx.url, from, { replace: true }),
            (e) => e instanceof AppError && /backup|no such file/.test(e.message),
          );
        }
        assert.equal(await digest(store), before);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  },
  { file: true },
);

it('migrates an older SQLite backup forward on restore and names the migrations it applied', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kp-backup-'));
  try {
    const old = path.join(dir, 'old.sqlite');
    await (await openStore(old, { migrateUntil: '010_report_build' })).close();
    const file = path.join(dir, 'old.backup');
    await backupStore(old, file);
    const r = await restoreStore(path.join(dir, 'new.sqlite'), file, { replace: false });
    assert.equal(r.migrated[0], '011_answer_slot');
    assert.ok(r.migrated.includes('012_form_event'));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
