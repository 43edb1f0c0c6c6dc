/**
 * CLI: `backup --out FILE` and `restore --from FILE [--replace]` — the whole store (KOMMUNEPULS_DB)
 * to one file and back; see store/backup.ts for how each dialect does it.
 */
import type { Command } from 'commander';
import { formatNumber } from '../shared/numbers.ts';
import { backupStore, restoreStore } from '../store/backup.ts';
import { config } from './context.ts';
import { printJson, say } from './output.ts';

export function backupCommands(program: Command): void {
  program
    .command('backup')
    .description('back up the whole store to one file while the system runs (SQLite online backup; PostgreSQL pg_dump)')
    .requiredOption('--out <file>', 'the backup file (written under a temporary name, then renamed)')
    .option('--json', 'JSON output')
    .action(async (opts: { out: string; json?: boolean }) => {
      const r = await backupStore(config().db, opts.out);
      if (opts.json) return printJson(r);
      say(`backup of the ${r.dialect} store written to ${r.file} (${formatNumber(r.bytes / 1024, 0)} kB)`);
    });
  program
    .command('restore')
    .description('restore the store from a backup file (stop the server first); an older backup is migrated forward')
    .requiredOption('--from <file>', 'a file written by `kommunepuls backup` for the same kind of database')
    .option('--replace', 'replace a store that holds data (everything in it is lost)')
    .option('--json', 'JSON output')
    .action(async (opts: { from: string; replace?: boolean; json?: boolean }) => {
      const r = await restoreStore(config().db, opts.from, { replace: opts.replace === true });
      if (opts.json) return printJson(r);
      say(
        `restored the ${r.dialect} store from ${opts.from}${r.migrated.length > 0 ? `; migrated forward: ${r.migrated.join(', ')}` : ''}`,
      );
    });
}
