/**
 * CLI: `serve` and `start` (serve, loading the demo into an empty store first; `demo` itself is in
 * demo.cmd.ts).
 */
import { serve } from '@hono/node-server';
import type { Command } from 'commander';
import { ensureLinks, linkUrl } from '../collect/link.service.ts';
import type { Config } from '../config/config.ts';
import { demoClockStart, isEmpty, loadDemo } from '../demo/demo.service.ts';
import { type CaptureSmtp, startCaptureSmtp } from '../outreach/capture-smtp.ts';
import { startOutreachWorker } from '../outreach/outreach.runner.ts';
import { isOpen, listRounds } from '../round/round.service.ts';
import { createApp } from '../server/app.ts';
import { formatOsloDateTime } from '../shared/time.ts';
import { openStore, type Store } from '../store/store.ts';
import { config } from './context.ts';
import { printDemoSummary } from './demo.cmd.ts';
import { say } from './output.ts';

async function runServer(store: Store, cfg: Config = config(), capture?: CaptureSmtp): Promise<void> {
  const app = createApp(store, cfg, capture ? { capture } : {});
  const server = serve({ fetch: app.fetch, port: cfg.port, hostname: cfg.host });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  say(`Kommunepuls runs at http://localhost:${cfg.port}/ (store: ${store.dialect} ${store.where})`);
  // Invitations and reminders go out from the same process (the outbox makes a second worker,
  // e.g. \`kommunepuls outreach run\`, safe beside it).
  const stopWorker = new AbortController();
  const worker = startOutreachWorker(store, cfg, {
    signal: stopWorker.signal,
    pollMs: capture ? Math.min(5_000, cfg.outreachPollMs) : cfg.outreachPollMs,
    log: say,
  });
  await new Promise<void>((resolve) => {
    const stop = () => {
      stopWorker.abort();
      server.close(() => resolve());
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await worker.catch(() => undefined);
  await capture?.close();
  await store.close();
}

/**
 * The demo's round (2019) was collected in January 2020. So that its forms can be tried, `start`
 * sets the clock inside the newest round's window when that window is not open now and no clock
 * is configured, and prints a respondent's link to try.
 */
async function demoClock(store: Store, cfg: Config): Promise<Config> {
  const rounds = await listRounds(store);
  const newest = rounds.at(-1);
  if (!newest) return cfg;
  let out = cfg;
  if (!cfg.clockStart && !isOpen(newest, new Date())) {
    const start = demoClockStart(newest);
    out = { ...cfg, clockStart: start };
    say(
      `demo clock: the ${newest.year} round's window is closed now, so the clock starts at ${formatOsloDateTime(start)} (set KOMMUNEPULS_CLOCK to choose)`,
    );
  }
  const [link] = await ensureLinks(store, newest.year, 'kommunedirektor');
  if (link) say(`a respondent's form to try: ${linkUrl(cfg.baseUrl, link.token)} (all links: kommunepuls links --year ${newest.year})`);
  return out;
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
        printDemoSummary(await loadDemo(store, { baseUrl: cfg.baseUrl }));
      }
      let demoCfg = await demoClock(store, cfg);
      let capture: CaptureSmtp | undefined;
      if (!demoCfg.smtpUrl) {
        // The demo sends its invitations to a mail server inside this process, shown in the pages.
        capture = await startCaptureSmtp({ host: '127.0.0.1', port: 0 });
        demoCfg = { ...demoCfg, smtpUrl: capture.url, smtpRate: Math.max(demoCfg.smtpRate, 50) };
        say(`demo mail: invitations and reminders go to a local capture server (${capture.url}); see them at /utsendelser/fanget`);
      }
      await runServer(store, demoCfg, capture);
    });
}
