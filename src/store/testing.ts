/**
 * Test helper: runs a group of store tests once per dialect (SQLite in memory and PostgreSQL),
 * each test on a fresh, isolated database (a new in-memory SQLite, or a new PostgreSQL schema that
 * is dropped afterwards). PostgreSQL is skipped with a visible reason only when no server answers,
 * and never under CI. `KOMMUNEPULS_TEST_DIALECTS=sqlite` narrows the run while working.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import pg from 'pg';
import { isCi, testPostgresUrl } from '../config/config.ts';
import { type Dialect, dropSchema, openStore, type Store } from './store.ts';

const pgUrl = testPostgresUrl();

/**
 * Whether PostgreSQL answers: three tries of up to 10 s each, because on a loaded CI machine (two
 * browser test files beside this one) a first connection can take longer than a few seconds.
 */
async function postgresReachable(): Promise<string | null> {
  let problem = '';
  for (let attempt = 0; attempt < 3; attempt++) {
    const client = new pg.Client({ connectionString: pgUrl, connectionTimeoutMillis: 10_000 });
    try {
      await client.connect();
      await client.query('select 1');
      return null;
    } catch (e) {
      problem = e instanceof Error ? e.message : String(e);
    } finally {
      await client.end().catch(() => undefined);
    }
  }
  return problem;
}

const wanted = (process.env.KOMMUNEPULS_TEST_DIALECTS ?? 'sqlite,postgres').split(',');
const pgProblem = wanted.includes('postgres') ? await postgresReachable() : null;
if (pgProblem !== null && isCi()) {
  throw new Error(`PostgreSQL must be reachable in CI (${pgUrl}): ${pgProblem}`);
}

export interface OpenedTestStore {
  readonly store: Store;
  /** A KOMMUNEPULS_DB value that opens the same database again (a CLI run, a restart). */
  readonly url: string;
  dispose(): Promise<void>;
}

/**
 * Opens a fresh isolated store of one dialect. With `file`, SQLite lives in a temporary file
 * (removed on dispose) so another process can open it too; otherwise in memory.
 */
export async function openTestStore(dialect: Dialect, options: { file?: boolean; migrateUntil?: string } = {}): Promise<OpenedTestStore> {
  const migrateUntil = options.migrateUntil ? { migrateUntil: options.migrateUntil } : {};
  if (dialect === 'sqlite') {
    const dir = options.file ? fs.mkdtempSync(path.join(os.tmpdir(), 'kp-store-')) : undefined;
    const url = dir ? path.join(dir, 'test.sqlite') : ':memory:';
    const store = await openStore(url, migrateUntil);
    return {
      store,
      url,
      async dispose() {
        await store.close();
        if (dir) fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const schema = `kp_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const store = await openStore(pgUrl, { schema, ...migrateUntil });
  return {
    store,
    url: `${pgUrl}?schema=${schema}`,
    async dispose() {
      await store.close();
      await dropSchema(pgUrl, schema);
    },
  };
}

export interface StoreTestContext {
  readonly dialect: Dialect;
  /** KOMMUNEPULS_DB for another process on the same database (SQLite only with `file`). */
  readonly url: string;
}

type StoreTest = (name: string, fn: (store: Store, ctx: StoreTestContext) => Promise<void>) => void;

/** Declares `fn`'s tests once per dialect; each test gets a fresh store. */
export function describeStores(name: string, fn: (test: StoreTest) => void, options: { file?: boolean; migrateUntil?: string } = {}): void {
  for (const dialect of ['sqlite', 'postgres'] as const) {
    if (!wanted.includes(dialect)) continue;
    const skip = dialect === 'postgres' && pgProblem !== null ? `PostgreSQL not reachable at ${pgUrl}: ${pgProblem}` : false;
    describe(`${name} [${dialect}]`, { skip }, () => {
      fn((testName, body) => {
        it(testName, async () => {
          const opened = await openTestStore(dialect, options);
          try {
            await body(opened.store, { dialect, url: opened.url });
          } finally {
            await opened.dispose();
          }
        });
      });
    });
  }
}

/** A digest of every table's rows (the migrations' own table aside): equal digests, equal stores. */
export async function digest(store: Store): Promise<string> {
  const q =
    store.dialect === 'postgres'
      ? sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() order by 1`
      : sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by 1`;
  const hash = createHash('sha256');
  for (const { name } of (await q.execute(store.db)).rows) {
    if (name === 'kp_migration') continue;
    const rows = (await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(store.db)).rows;
    hash.update(name);
    hash.update(JSON.stringify(rows.map((r) => JSON.stringify(r)).sort()));
  }
  return hash.digest('hex');
}
