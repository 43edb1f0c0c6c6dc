/**
 * Backup and restore of the whole store, for a running system.
 *
 * SQLite: SQLite's online backup API (better-sqlite3 `backup`) copies a consistent snapshot while
 * the server keeps writing; the backup is itself a SQLite database. PostgreSQL: `pg_dump` in its
 * custom format, of the store's schema only (a consistent snapshot too); restore runs
 * `pg_restore` into `psql --single-transaction`, so the old contents are dropped and the backup
 * loaded in one transaction: a failed restore leaves the store as it was. Both write the backup
 * to a temporary name and rename it, so a half-written file never carries the backup's name.
 *
 * A restore refuses a file that is not a backup of this kind of store, a backup of a newer
 * version (migrations this one does not know), and a target that holds data unless `replace` is
 * given; after it, the store is opened once so that an older backup is migrated forward.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { AppError } from '../shared/errors.ts';
import { msg } from '../shared/i18n/message.ts';
import { shorten } from '../shared/text.ts';
import { migrationNames } from './migrations.ts';
import { type Dialect, dialectOf, openStore, splitSchema, sqlitePath } from './store.ts';

export interface BackupResult {
  readonly dialect: Dialect;
  readonly file: string;
  readonly bytes: number;
}

export interface RestoreResult {
  readonly dialect: Dialect;
  /** Migrations of this version applied to the restored store (an older backup). */
  readonly migrated: readonly string[];
}

const sqliteMagic = Buffer.from('SQLite format 3\0', 'latin1');
const pgMagic = Buffer.from('PGDMP', 'latin1');

export async function backupStore(dbUrl: string, out: string): Promise<BackupResult> {
  const { url, schema } = splitSchema(dbUrl);
  const dialect = dialectOf(url);
  const partial = path.join(path.dirname(path.resolve(out)), `.${path.basename(out)}.partial-${process.pid}`);
  try {
    if (dialect === 'sqlite') await backupSqlite(sqlitePath(url), partial);
    else await backupPostgres(url, schemaOf(schema), partial);
    fs.renameSync(partial, out);
  } finally {
    fs.rmSync(partial, { force: true });
  }
  return { dialect, file: out, bytes: fs.statSync(out).size };
}

export async function restoreStore(dbUrl: string, from: string, options: { replace: boolean }): Promise<RestoreResult> {
  const { url, schema } = splitSchema(dbUrl);
  const dialect = dialectOf(url);
  const carried =
    dialect === 'sqlite'
      ? await restoreSqlite(sqlitePath(url), from, options.replace)
      : await restorePostgres(url, schemaOf(schema), from, options.replace);
  // Opening migrates an older backup forward: what it applied is what the backup did not carry.
  const store = await openStore(dbUrl);
  await store.close();
  return { dialect, migrated: migrationNames(dialect).filter((n) => !carried.includes(n)) };
}

function schemaOf(schema: string | undefined): string {
  if (schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new AppError('config', msg('config.schema_name', { schema }));
  return schema ?? 'public';
}

function refuseNewer(names: readonly string[], dialect: Dialect): readonly string[] {
  const known = new Set(migrationNames(dialect));
  const unknown = names.filter((n) => !known.has(n));
  if (unknown.length > 0) throw new AppError('conflict', msg('backup.newer', { names: shorten(unknown.join(', ')) }));
  return names;
}

function startsWith(file: string, magic: Buffer): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(magic.length);
    return fs.readSync(fd, head, 0, magic.length, 0) === magic.length && head.equals(magic);
  } finally {
    fs.closeSync(fd);
  }
}

function mustExist(file: string): void {
  if (!fs.existsSync(file)) throw new AppError('not_found', msg('cli.no_such_file', { file }));
}

// ---- SQLite ----

function hasTables(db: SqliteDatabase.Database): boolean {
  return (
    (db.prepare(`select count(*) as n from sqlite_master where type = 'table' and name not like 'sqlite_%'`).get() as { n: number }).n > 0
  );
}

function migrationsOf(db: SqliteDatabase.Database): string[] | undefined {
  const table = db.prepare(`select 1 from sqlite_master where type = 'table' and name = 'kp_migration'`).get();
  if (!table) return undefined;
  return (db.prepare('select name from kp_migration order by name').all() as { name: string }[]).map((r) => r.name);
}

async function backupSqlite(file: string, partial: string): Promise<void> {
  if (file === ':memory:') throw new AppError('config', msg('backup.in_memory'));
  if (!fs.existsSync(file)) throw new AppError('not_found', msg('backup.no_store', { file }));
  const db = new SqliteDatabase(file, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    if (migrationsOf(db) === undefined) throw new AppError('invalid_input', msg('backup.not_sqlite_backup', { file }));
    await db.backup(partial);
  } finally {
    db.close();
  }
}

async function restoreSqlite(target: string, from: string, replace: boolean): Promise<readonly string[]> {
  if (target === ':memory:') throw new AppError('config', msg('backup.in_memory'));
  mustExist(from);
  if (!startsWith(from, sqliteMagic)) throw new AppError('invalid_input', msg('backup.not_sqlite_backup', { file: from }));
  const source = new SqliteDatabase(from, { readonly: true, fileMustExist: true });
  try {
    const names = migrationsOf(source);
    if (names === undefined) throw new AppError('invalid_input', msg('backup.not_sqlite_backup', { file: from }));
    refuseNewer(names, 'sqlite');
    if (fs.existsSync(target)) {
      const existing = new SqliteDatabase(target, { fileMustExist: true });
      const full = hasTables(existing);
      existing.close();
      if (full && !replace) throw new AppError('conflict', msg('backup.target_has_data', { where: target }));
      for (const f of [target, `${target}-wal`, `${target}-shm`]) fs.rmSync(f, { force: true });
    }
    fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
    await source.backup(target);
    return names;
  } finally {
    source.close();
  }
}

// ---- PostgreSQL ----

/** Runs a client tool; its stdin (if given) is written first, then `pipeFrom`'s stdout. */
function runTool(tool: string, args: readonly string[], input?: { prefix: string; pipeFrom?: ReturnType<typeof spawn> }): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { stdio: [input ? 'pipe' : 'ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout?.on('data', (b: Buffer) => out.push(b));
    child.stderr?.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e: NodeJS.ErrnoException) =>
      reject(e.code === 'ENOENT' ? new AppError('config', msg('backup.tool_missing', { tool })) : e),
    );
    child.on('close', (code) => {
      if (code === 0) return resolve(Buffer.concat(out).toString('utf8'));
      const detail = shorten(Buffer.concat(err).toString('utf8').trim().split('\n').slice(-3).join(' ') || `exit ${code}`);
      reject(new AppError('config', msg('backup.tool_failed', { tool, detail })));
    });
    if (input && child.stdin) {
      child.stdin.on('error', () => undefined); // the tool's own exit code tells what went wrong
      child.stdin.write(input.prefix);
      if (input.pipeFrom?.stdout) input.pipeFrom.stdout.pipe(child.stdin);
      else child.stdin.end();
    }
  });
}

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const tableCount = (url: string, schema: string) =>
  withClient(url, async (c) => {
    const r = await c.query('select count(*)::int as n from information_schema.tables where table_schema = $1', [schema]);
    return (r.rows[0] as { n: number }).n;
  });

async function backupPostgres(url: string, schema: string, partial: string): Promise<void> {
  const present = await withClient(url, async (c) => (await c.query('select to_regclass($1) as t', [`${schema}.kp_migration`])).rows[0]?.t);
  if (!present) throw new AppError('not_found', msg('backup.no_store', { file: `${url} (${schema})` }));
  await runTool('pg_dump', [
    '--format=custom',
    `--schema=${schema}`,
    '--no-owner',
    '--no-privileges',
    `--file=${partial}`,
    `--dbname=${url}`,
  ]);
}

async function restorePostgres(url: string, schema: string, from: string, replace: boolean): Promise<readonly string[]> {
  mustExist(from);
  if (!startsWith(from, pgMagic)) throw new AppError('invalid_input', msg('backup.not_postgres_backup', { file: from }));
  const list = await runTool('pg_restore', ['--list', from]);
  const tables = [...list.matchAll(/^\d+; \d+ \d+ TABLE (\S+) (\S+) /gm)].map((m) => ({ schema: m[1] as string, name: m[2] as string }));
  const own = tables.find((t) => t.name === 'kp_migration');
  if (!own) throw new AppError('invalid_input', msg('backup.not_postgres_backup', { file: from }));
  if (own.schema !== schema) throw new AppError('conflict', msg('backup.other_schema', { found: own.schema, expected: schema }));
  const copied = await runTool('pg_restore', ['--data-only', `--schema=${schema}`, '--table=kp_migration', '--file=-', from]);
  const names = [...copied.matchAll(/^(\d{3}_[a-z0-9_]+)\t/gm)].map((m) => m[1] as string);
  refuseNewer(names, 'postgres');
  if ((await tableCount(url, schema)) > 0 && !replace) {
    throw new AppError('conflict', msg('backup.target_has_data', { where: `${new URL(url).pathname.slice(1)} (${schema})` }));
  }
  // The schema itself is made here (the dump's own CREATE SCHEMA is left out of the list), so the
  // drop, the creation and the whole load are one transaction of psql.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kp-restore-'));
  try {
    const useList = path.join(dir, 'list');
    fs.writeFileSync(
      useList,
      list
        .split('\n')
        .filter((l) => !/^\d+; \d+ \d+ SCHEMA - /.test(l))
        .join('\n'),
    );
    const restore = spawn('pg_restore', ['--no-owner', '--no-privileges', `--use-list=${useList}`, '--file=-', from], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const prefix = `drop schema if exists "${schema}" cascade;\ncreate schema "${schema}";\n`;
    await runTool('psql', ['--single-transaction', '--quiet', '--no-psqlrc', '-v', 'ON_ERROR_STOP=1', `--dbname=${url}`], {
      prefix,
      pipeFrom: restore,
    });
    return names;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
