/**
 * The `kommunepuls` command line. Every command prints one clear line on failure
 * (`error: registry.csv line 57, column folketall: "12a" is not a number`) and exits non-zero.
 * The line is in the language of KOMMUNEPULS_LANG (nb, nn or en; English unless set).
 */
import { Command, CommanderError } from 'commander';
import { configuredLang } from '../config/config.ts';
import { AppError } from '../shared/errors.ts';
import { analyzeCommands } from './analyze.cmd.ts';
import { backupCommands } from './backup.cmd.ts';
import { demoCommands } from './demo.cmd.ts';
import { exportCommands } from './export.cmd.ts';
import { linkCommands } from './links.cmd.ts';
import { outreachCommands } from './outreach.cmd.ts';
import { registryCommands } from './registry.cmd.ts';
import { reportCommands } from './report.cmd.ts';
import { roundCommands } from './round.cmd.ts';
import { serveCommands } from './serve.cmd.ts';
import { statusCommands } from './status.cmd.ts';
import { userCommands } from './user.cmd.ts';

export function buildProgram(): Command {
  const program = new Command('kommunepuls')
    .description('Kommunepuls: the yearly survey of all municipalities, end to end')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  registryCommands(program);
  roundCommands(program);
  linkCommands(program);
  outreachCommands(program);
  userCommands(program);
  statusCommands(program);
  analyzeCommands(program);
  exportCommands(program);
  reportCommands(program);
  serveCommands(program);
  demoCommands(program);
  backupCommands(program);
  program.commands.forEach(function override(c: Command) {
    c.exitOverride();
    c.commands.forEach(override);
  });
  return program;
}

export async function main(argv: readonly string[]): Promise<number> {
  try {
    await buildProgram().parseAsync([...argv]);
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      // Commander has printed its message (or the help) already.
      return e.exitCode === 0 || e.code === 'commander.helpDisplayed' || e.code === 'commander.version' ? 0 : 2;
    }
    if (e instanceof AppError) {
      process.stderr.write(`error: ${e.text(configuredLang())}\n`);
      return 1;
    }
    process.stderr.write(`error: unexpected failure: ${e instanceof Error ? e.message : String(e)}\n`);
    if (process.env.KOMMUNEPULS_DEBUG) console.error(e);
    return 1;
  }
}
