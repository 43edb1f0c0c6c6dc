/**
 * Test helper: runs a group of store tests once per dialect (SQLite in memory and PostgreSQL),
 * each test on a fresh, isolated database (a new in-memory SQLite, or a new PostgreSQL schema that
 * is dropped afterwards). PostgreSQL is skipped with a visible reason only when no server answers,
 * and never under CI. `KOMMUNEPULS_TEST_DIALECTS=sqlite` narrows the run while working.
 */
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import pg from 'pg';
import { isCi, testPostgresUrl } from '../config/config.ts';
import { type Dialect, dropSchema, openStore, type Store } from './store.ts';

const pgUrl = testPostgresUrl();

async function postgresReachable(): Promise<string | null> {
  const client = new pg.Client({ connectionString: pgUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  } finally {
    await client.end().catch(() => undefined);
  }
}

const wanted = (process.env.KOMMUNEPULS_TEST_DIALECTS ?? 'sqlite,postgres').split(',');
const pgProblem = wanted.includes('postgres') ? await postgresReachable() : null;
if (pgProblem !== null && isCi()) {
  throw new Error(`PostgreSQL must be reachable in CI (${pgUrl}): ${pgProblem}`);
}

export interface OpenedTestStore {
  readonly store: Store;
  /** The URL and options that open the same database again (e.g. for a CLI run or a restart). */
  readonly url: string;
  readonly schema: string | undefined;
  dispose(): Promise<void>;
}

/** Opens a fresh isolated store of one dialect; `file` makes SQLite use a file instead of memory. */
export async function openTestStore(dialect: Dialect, file?: string): Promise<OpenedTestStore> {
  if (dialect === 'sqlite') {
    const url = file ?? ':memory:';
    const store = await openStore(url);
    return { store, url, schema: undefined, dispose: () => store.close() };
  }
  const schema = `kp_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const store = await openStore(pgUrl, { schema });
  return {
    store,
    url: pgUrl,
    schema,
    async dispose() {
      await store.close();
      await dropSchema(pgUrl, schema);
    },
  };
}

type StoreTest = (name: string, fn: (store: Store, dialect: Dialect) => Promise<void>) => void;

/** Declares `fn`'s tests once per dialect; each test gets a fresh store. */
export function describeStores(name: string, fn: (test: StoreTest) => void): void {
  for (const dialect of ['sqlite', 'postgres'] as const) {
    if (!wanted.includes(dialect)) continue;
    const skip = dialect === 'postgres' && pgProblem !== null ? `PostgreSQL not reachable at ${pgUrl}: ${pgProblem}` : false;
    describe(`${name} [${dialect}]`, { skip }, () => {
      fn((testName, body) => {
        it(testName, async () => {
          const opened = await openTestStore(dialect);
          try {
            await body(opened.store, dialect);
          } finally {
            await opened.dispose();
          }
        });
      });
    });
  }
}
