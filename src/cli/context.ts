/**
 * What every CLI command shares: the validated config, opening the store for the length of one
 * command, and reading input files with a clear error when they are missing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { type Config, loadConfig } from '../config/config.ts';
import { AppError, invalid } from '../shared/errors.ts';
import { msg } from '../shared/i18n/message.ts';
import { shorten } from '../shared/text.ts';
import { openStore, type Store } from '../store/store.ts';

export function config(): Config {
  return loadConfig();
}

export async function withStore<T>(fn: (store: Store, cfg: Config) => Promise<T>): Promise<T> {
  const cfg = config();
  const store = await openStore(cfg.db);
  try {
    return await fn(store, cfg);
  } finally {
    await store.close();
  }
}

export function readInput(file: string): { text: Buffer; name: string } {
  try {
    return { text: fs.readFileSync(file), name: path.basename(file) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new AppError(
      'not_found',
      code === 'ENOENT' ? msg('cli.no_such_file', { file }) : msg('cli.cannot_read', { file, detail: (e as Error).message }),
    );
  }
}

export function intOption(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw)) throw invalid(msg('cli.not_whole_number', { option: name, value: shorten(raw) }));
  return Number(raw);
}

export function requiredInt(name: string, raw: string | undefined): number {
  const v = intOption(name, raw);
  if (v === undefined) throw invalid(msg('cli.required', { option: name }));
  return v;
}
