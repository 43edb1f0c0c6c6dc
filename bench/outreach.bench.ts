/**
 * One outreach benchmark run in its own process, on one dialect: a round of `count` units (one
 * role), a contact for each, the invitations scheduled, then sent by our outbox worker to the
 * loopback capture SMTP server (in a child process), and the same messages sent again by a bare
 * pooled nodemailer transport with the same number of connections. Prints one JSON line: times,
 * mails/s of each, their ratio, and the Message-IDs received more than once.
 */
import { type ChildProcess, fork } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import nodemailer from 'nodemailer';
import { importContacts } from '../src/outreach/contact.service.ts';
import { listOutbox, outboxStatus, scheduleDue } from '../src/outreach/outbox.service.ts';
import { createMailTransport, runOutbox } from '../src/outreach/outbox.worker.ts';
import { importRegistry } from '../src/registry/registry.service.ts';
import { createRound, getRound, roundUnits } from '../src/round/round.service.ts';
import { clockFrom } from '../src/shared/clock.ts';
import { openBenchStore } from './store.ts';
import { syntheticRegistry } from './synthetic.ts';

const [dialect = 'sqlite', countArg = '10000', connectionsArg = '4'] = process.argv.slice(2);
const count = Number(countArg);
const connections = Number(connectionsArg);
const role = 'integreringsansvarlig';
const from = 'Kommunepuls <undersokelse@example.no>';
const here = path.dirname(fileURLToPath(import.meta.url));

interface Stats {
  received: number;
  unique: number;
  duplicates: number;
}

function ask<T>(child: ChildProcess, message: string): Promise<T> {
  return new Promise((resolve) => {
    child.once('message', (m) => resolve(m as T));
    child.send(message);
  });
}

const capture = fork(path.join(here, 'capture.child.ts'), [], {
  execArgv: ['--import', 'tsx'],
  stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
});
const { port } = await new Promise<{ port: number }>((resolve) => capture.once('message', (m) => resolve(m as { port: number })));
const smtpUrl = `smtp://127.0.0.1:${port}`;

const { store, dispose } = await openBenchStore(dialect, 'outreach');
try {
  await importRegistry(store, 2019, syntheticRegistry(count).csv, 'registry.csv');
  await createRound(store, { year: 2019, template: 'kommuneundersokelse-2019' });
  const units = (await roundUnits(store, 2019, role)).slice(0, count);
  const csv = [
    'kommunenummer,rolle,navn,epost,telefon',
    ...units.map((u) => `${u},${role},Kontakt ${u},post.${u}@kommune.example.no,22 00 00 00`),
  ].join('\n');
  let t = performance.now();
  await importContacts(store, 2019, csv, 'kontakter.csv', 'bench');
  const contactsMs = performance.now() - t;

  const round = await getRound(store, 2019);
  t = performance.now();
  const scheduled = await scheduleDue(store, 2019, round.opensAt, 'https://svar.example.no');
  const scheduleMs = performance.now() - t;

  const messages = await listOutbox(store, 2019, { limit: count + 1 });
  const sendBare = async (list: typeof messages, prefix: string) => {
    const bare = nodemailer.createTransport({ url: smtpUrl, pool: true, maxConnections: connections, maxRequeues: 0 });
    await Promise.all(
      list.map((m) =>
        bare.sendMail({ from, to: m.toAddress, subject: m.subject, text: m.body, messageId: `<${prefix}-${m.id}@kommunepuls>` }),
      ),
    );
    bare.close();
  };
  // Warm-up (JIT of both processes, the pool's connection set-up): not measured.
  await sendBare(messages.slice(0, 1000), 'warmup');
  await ask(capture, 'clear');

  // Our worker: claim in batches, send over `connections` pooled connections, mark each sent.
  const transport = createMailTransport({ smtpUrl, connections });
  let cpu = process.cpuUsage();
  t = performance.now();
  const result = await runOutbox(store, transport, {
    from,
    batch: Math.max(10, connections * 10),
    concurrency: connections * 2,
    // The worker's clock inside the round's window (the round is the 2019 one, long closed).
    now: clockFrom(new Date(round.opensAt.getTime() + 3_600_000)),
  });
  const workerMs = performance.now() - t;
  const workerCpu = process.cpuUsage(cpu);
  transport.close();
  const workerStats = await ask<Stats>(capture, 'stats');
  const status = await outboxStatus(store, 2019);
  await ask(capture, 'clear');

  // Bare nodemailer: the same messages through a pool with the same connections, nothing recorded.
  cpu = process.cpuUsage();
  t = performance.now();
  await sendBare(messages, 'bare');
  const bareMs = performance.now() - t;
  const bareCpu = process.cpuUsage(cpu);
  const bareStats = await ask<Stats>(capture, 'stats');

  const perS = (n: number, ms: number) => Math.round(n / (ms / 1000));
  process.stdout.write(
    `${JSON.stringify({
      dialect,
      messages: count,
      connections,
      contacts_ms: Math.round(contactsMs),
      contacts_per_s: perS(count, contactsMs),
      schedule_ms: Math.round(scheduleMs),
      scheduled: scheduled.invitations,
      scheduled_per_s: perS(scheduled.invitations, scheduleMs),
      worker_ms: Math.round(workerMs),
      worker_per_s: perS(result.sent, workerMs),
      worker_sent: result.sent,
      rows_sent: status.byStatus.sent,
      worker_received: workerStats.received,
      worker_duplicates: workerStats.duplicates,
      bare_ms: Math.round(bareMs),
      bare_per_s: perS(messages.length, bareMs),
      bare_received: bareStats.received,
      bare_duplicates: bareStats.duplicates,
      worker_cpu_pct: Math.round(((workerCpu.user + workerCpu.system) / 1000 / workerMs) * 100),
      bare_cpu_pct: Math.round(((bareCpu.user + bareCpu.system) / 1000 / bareMs) * 100),
      worker_cpu_us_per_mail: Math.round((workerCpu.user + workerCpu.system) / Math.max(1, result.sent)),
      bare_cpu_us_per_mail: Math.round((bareCpu.user + bareCpu.system) / Math.max(1, messages.length)),
      ratio: Number((perS(result.sent, workerMs) / perS(messages.length, bareMs)).toFixed(2)),
      peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
    })}\n`,
  );
} finally {
  await dispose();
  await new Promise<void>((resolve) => {
    capture.once('exit', () => resolve());
    capture.send('close');
  });
}
