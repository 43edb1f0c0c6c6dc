/**
 * A fresh store for one benchmark run: a SQLite file in a temporary folder, or a new schema on
 * the test PostgreSQL server; `dispose` closes it and removes the folder or drops the schema.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { testPostgresUrl } from '../src/config/config.ts';
import { dropSchema, openStore, type Store } from '../src/store/store.ts';

export async function openBenchStore(dialect: string, name: string): Promise<{ store: Store; url: string; dispose: () => Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `kp-bench-${name}-`));
  const schema = `kp_bench_${randomBytes(4).toString('hex')}`;
  const postgres = dialect === 'postgres';
  const store = await openStore(postgres ? testPostgresUrl() : path.join(dir, 'bench.sqlite'), postgres ? { schema } : {});
  return {
    store,
    /** KOMMUNEPULS_DB for a server process on the same database. */
    url: postgres ? `${testPostgresUrl()}?schema=${schema}` : path.join(dir, 'bench.sqlite'),
    async dispose() {
      await store.close();
      if (postgres) await dropSchema(testPostgresUrl(), schema);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
