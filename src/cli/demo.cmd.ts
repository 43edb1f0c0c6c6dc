/**
 * CLI: `demo [--reset] [--seed N] [--registry DIR]` — loads the demo into the configured store:
 * a fictitious country (or, with --registry, the real division in DIR's kommune.geojson and
 * bydel.geojson), the 2019 round with simulated responses and the rounds 2015–2018 with the trend
 * question. A store that holds anything is left alone unless --reset is given.
 */
import path from 'node:path';
import type { Command } from 'commander';
import { type DemoSummary, isEmpty, loadDemo } from '../demo/demo.service.ts';
import { conflict } from '../shared/errors.ts';
import { msg } from '../shared/i18n/message.ts';
import { intOption, withStore } from './context.ts';
import { printTable, say } from './output.ts';

/** What the demo holds and how to log in, for `demo` and for `start` on an empty store. */
export function printDemoSummary(summary: DemoSummary): void {
  const source = summary.registry === 'fiktiv' ? 'a fictitious country' : `the division in ${summary.registry}`;
  say(`demo loaded: ${summary.units} units (${source}), ${summary.rounds.length} rounds (${summary.rounds.map((r) => r.year).join(', ')})`);
  printTable(
    ['år', 'registerår', 'rolle', 'kommuner', 'sendt inn', 'påbegynt', 'bydeler', 'sendt inn', 'påbegynt'],
    summary.rounds.flatMap((r) =>
      Object.entries(r.roles).map(([role, c]) => [
        String(r.year),
        String(r.registryYear),
        role,
        c.kommune.units,
        c.kommune.submitted,
        c.kommune.inProgress,
        c.bydel.units,
        c.bydel.submitted,
        c.bydel.inProgress,
      ]),
    ),
  );
  const maps = Object.entries(summary.maps).map(([level, n]) => `${level} ${n}`);
  if (maps.length > 0) say(`map shapes per registry year: ${maps.join(', ')}`);
  say(`demo login: ${summary.login.email} / ${summary.login.password}`);
}

export function demoCommands(program: Command): void {
  program
    .command('demo')
    .description('load the demo: fictitious units (or --registry DIR), rounds 2015–2019, simulated responses, an admin login')
    .option('--reset', 'wipe the store first (everything in it is deleted)')
    .option('--seed <n>', 'seed of the simulated data (default 2019); the same seed gives the same demo')
    .option('--registry <dir>', 'a folder with kommune.geojson and bydel.geojson (e.g. ../shared/reference/geo/2019): real municipalities')
    .action(async (opts: { reset?: boolean; seed?: string; registry?: string }) => {
      const seed = intOption('seed', opts.seed);
      const summary = await withStore(async (store, cfg) => {
        if (!opts.reset && !(await isEmpty(store))) {
          throw conflict(msg('cli.store_not_empty'));
        }
        return loadDemo(store, {
          reset: opts.reset === true,
          baseUrl: cfg.baseUrl,
          ...(seed === undefined ? {} : { seed }),
          ...(opts.registry === undefined ? {} : { registry: path.resolve(opts.registry) }),
        });
      });
      printDemoSummary(summary);
    });
}
