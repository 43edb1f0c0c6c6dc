/**
 * CLI: `serve`, `start` (serve, loading the demo into an empty store first) and `demo`.
 */
import { serve } from '@hono/node-server';
import type { Command } from 'commander';
import { isEmpty, loadDemo } from '../demo/demo.service.ts';
import { createApp } from '../server/app.ts';
import { conflict } from '../shared/errors.ts';
import { openStore, type Store } from '../store/store.ts';
import { config, withStore } from './context.ts';
import { say } from './output.ts';

async function runServer(store: Store): Promise<void> {
  const cfg = config();
  const app = createApp(store, cfg);
  const server = serve({ fetch: app.fetch, port: cfg.port, hostname: cfg.host });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  say(`Kommunepuls runs at http://localhost:${cfg.port}/ (store: ${store.dialect} ${store.where})`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      server.close(() => resolve());
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await store.close();
}

function printDemo(summary: Awaited<ReturnType<typeof loadDemo>>): void {
  const r = Object.entries(summary.responses)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  say(`demo loaded: ${summary.units} units, 2019 round with responses (${r})`);
}

export function serveCommands(program: Command): void {
  program
    .command('serve')
    .description('run the web server on the configured store')
    .action(async () => {
      const cfg = config();
      await runServer(await openStore(cfg.db));
    });

  program
    .command('start')
    .description('run the web server; an empty store gets the demo first (what `npm start` runs)')
    .action(async () => {
      const cfg = config();
      const store = await openStore(cfg.db);
      if (await isEmpty(store)) {
        say('empty store: loading the demo …');
        printDemo(await loadDemo(store));
      }
      await runServer(store);
    });

  program
    .command('demo')
    .description('load the demo (fictitious units, the 2019 round, simulated responses)')
    .option('--reset', 'wipe the store first')
    .action(async (opts: { reset?: boolean }) => {
      const summary = await withStore(async (store) => {
        if (!opts.reset && !(await isEmpty(store))) {
          throw conflict('the store is not empty: use "kommunepuls demo --reset" to replace its contents with the demo');
        }
        return loadDemo(store, { reset: opts.reset === true });
      });
      printDemo(summary);
    });
}
