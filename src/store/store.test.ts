import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { dialectOf, openStore, sqlitePath } from './store.ts';
import { describeStores, openTestStore } from './testing.ts';

describe('store', () => {
  it('chooses the dialect from KOMMUNEPULS_DB', () => {
    assert.equal(dialectOf('./data/kommunepuls.sqlite'), 'sqlite');
    assert.equal(dialectOf(':memory:'), 'sqlite');
    assert.equal(dialectOf('postgres://u@h:5432/db'), 'postgres');
    assert.equal(dialectOf('postgresql://u@h/db?schema=x'), 'postgres');
  });

  it('reads a sqlite: prefix as the path it names, not as a folder called "sqlite:"', () => {
    assert.equal(sqlitePath('sqlite:/tmp/x.db'), '/tmp/x.db');
    assert.equal(sqlitePath('sqlite:///tmp/x.db'), '/tmp/x.db');
    assert.equal(sqlitePath('sqlite:data/x.db'), 'data/x.db');
    assert.equal(sqlitePath('./data/x.sqlite'), './data/x.sqlite');
    assert.equal(sqlitePath(':memory:'), ':memory:');
  });
});

describeStores(
  'store',
  (test) => {
    test('runs the migrations on first use and not again on reopening', async (store, { url }) => {
      const tables = async (s: typeof store) => {
        const q =
          s.dialect === 'postgres'
            ? sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema()`
            : sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`;
        return (await q.execute(s.db)).rows.map((r) => r.name);
      };
      const names = await tables(store);
      for (const t of [
        'unit',
        'unit_attribute',
        'division_mapping',
        'grouping',
        'round',
        'questionnaire',
        'round_unit',
        'response',
        'answer',
      ]) {
        assert.ok(names.includes(t), `table ${t}`);
      }
      assert.ok(names.includes('kp_migration'));
      await store.db.insertInto('grouping').values({ key: 'k', definition: '{}', created_at: 'now' }).execute();
      const again = await openStore(url);
      try {
        assert.deepEqual((await tables(again)).sort(), names.sort());
        assert.equal((await again.db.selectFrom('grouping').select('key').execute()).length, 1);
      } finally {
        await again.close();
      }
    });

    test('keeps a transaction all or nothing', async (store) => {
      await assert.rejects(
        store.db.transaction().execute(async (trx) => {
          await trx.insertInto('grouping').values({ key: 'a', definition: '{}', created_at: 'now' }).execute();
          throw new Error('boom');
        }),
        /boom/,
      );
      assert.equal((await store.db.selectFrom('grouping').selectAll().execute()).length, 0);
    });
  },
  { file: true },
);

describe('store isolation on PostgreSQL', { skip: process.env.KOMMUNEPULS_TEST_DIALECTS === 'sqlite' }, () => {
  it('keeps two schemas of one database apart', async (t) => {
    let a: Awaited<ReturnType<typeof openTestStore>> | undefined;
    try {
      a = await openTestStore('postgres');
    } catch (e) {
      t.skip(`PostgreSQL not reachable: ${(e as Error).message}`);
      return;
    }
    const b = await openTestStore('postgres');
    try {
      await a.store.db.insertInto('grouping').values({ key: 'only_a', definition: '{}', created_at: 'now' }).execute();
      assert.equal((await b.store.db.selectFrom('grouping').selectAll().execute()).length, 0);
    } finally {
      await a.dispose();
      await b.dispose();
    }
  });
});
