/**
 * Opens the store: SQLite (a file path, or ":memory:") or PostgreSQL (a postgres:// URL), both
 * behind one Kysely instance so every repository has one code path. Migrations run on open.
 */
import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  PostgresDialect,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
} from 'kysely';
import pg from 'pg';
import { AppError } from '../shared/errors.ts';
import { msg } from '../shared/i18n/message.ts';
import type { Dialect } from './dialect.ts';
import { migrate } from './migrations.ts';
import type { Database } from './schema.ts';

export type { Dialect } from './dialect.ts';

export interface Store {
  readonly db: Kysely<Database>;
  readonly dialect: Dialect;
  /** A human-readable description (path or host/database), without credentials. */
  readonly where: string;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** PostgreSQL only: a schema to live in (created if missing); used to isolate tests. */
  readonly schema?: string;
  /** Tests only: apply the migrations up to and including this one. */
  readonly migrateUntil?: string;
}

export function dialectOf(url: string): Dialect {
  return /^postgres(ql)?:\/\//i.test(url) ? 'postgres' : 'sqlite';
}

// int8 (count(*), sum of integers) comes back from pg as a string; our counts fit in a double.
const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 20) return (v: string) => Number(v);
    if (oid === 1700) return (v: string) => Number(v); // numeric, e.g. avg()
    return pg.types.getTypeParser(oid, format);
  },
};

/**
 * A SQLite location as a path: `sqlite:/tmp/x.db`, `sqlite:///tmp/x.db` and `sqlite:x.db` are
 * read as the paths people mean (a plain path needs no prefix), not as a folder named "sqlite:".
 */
export function sqlitePath(url: string): string {
  const m = /^sqlite:(\/\/)?(.*)$/i.exec(url);
  return m ? (m[2] as string) : url;
}

/**
 * SQLite transactions begin IMMEDIATE. A plain `begin` is deferred: two processes on one file
 * (two servers, or the CLI beside a server) can both read in a transaction, and the second to
 * write then fails at once with SQLITE_BUSY, since busy_timeout cannot help a transaction whose
 * read snapshot is stale. Taking the write lock at `begin` makes such transactions queue (up to
 * busy_timeout) and each reads what the one before it committed: the read-decide-write of a form
 * save needs exactly that. PostgreSQL gets the same guarantee from row locks (`for update`).
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;
  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }
}

function openSqlite(location: string): { db: Kysely<Database>; where: string } {
  const file = sqlitePath(location);
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const database = new SqliteDatabase(file);
  // WAL + synchronous=NORMAL: a committed transaction survives a killed process.
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  return { db: new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database }) }), where: file };
}

function openPostgres(url: string, schema: string | undefined): { db: Kysely<Database>; where: string } {
  if (schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(schema)) {
    throw new AppError('config', msg('config.schema_name', { schema }));
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    types: pgTypes,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  const u = new URL(url);
  return {
    db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }),
    where: `${u.hostname}:${u.port || 5432}${u.pathname}${schema ? ` (schema ${schema})` : ''}`,
  };
}

async function ensureSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`create schema if not exists ${schema}`);
  } finally {
    await client.end();
  }
}

/**
 * A `schema` query parameter in a postgres:// URL selects the schema to live in, so several
 * installations (or test runs) can share one database: postgres://host/db?schema=kommunepuls
 */
export function splitSchema(url: string): { url: string; schema: string | undefined } {
  if (dialectOf(url) !== 'postgres') return { url, schema: undefined };
  const u = new URL(url);
  const schema = u.searchParams.get('schema') ?? undefined;
  u.searchParams.delete('schema');
  return { url: u.toString(), schema };
}

export async function openStore(rawUrl: string, options: OpenOptions = {}): Promise<Store> {
  const split = splitSchema(rawUrl);
  const url = split.url;
  options = { ...options, schema: options.schema ?? split.schema };
  const dialect = dialectOf(url);
  if (dialect === 'postgres' && options.schema) await ensureSchema(url, options.schema);
  const { db, where } = dialect === 'postgres' ? openPostgres(url, options.schema) : openSqlite(url);
  try {
    await migrate(db, dialect, options.migrateUntil ? { until: options.migrateUntil } : {});
  } catch (e) {
    await db.destroy();
    throw e;
  }
  return { db, dialect, where, close: () => db.destroy() };
}

/** Drops a PostgreSQL schema and all in it (test clean-up). */
export async function dropSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`drop schema if exists ${schema} cascade`);
  } finally {
    await client.end();
  }
}
