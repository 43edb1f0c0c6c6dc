/**
 * The outreach scenario of `npm run bench` (BENCH_SCENARIOS=outreach): per dialect, 10 000
 * invitations (BENCH_OUTREACH_MESSAGES) sent by our outbox worker to the loopback capture SMTP
 * server, beside a bare pooled nodemailer send of the same messages over as many connections
 * (BENCH_OUTREACH_CONNECTIONS, 4). Each run is a child process (outreach.bench.ts).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

export interface OutreachRow {
  dialect: string;
  messages: number;
  connections: number;
  contacts_ms: number;
  contacts_per_s: number;
  schedule_ms: number;
  scheduled: number;
  scheduled_per_s: number;
  worker_ms: number;
  worker_per_s: number;
  worker_sent: number;
  rows_sent: number;
  worker_received: number;
  worker_duplicates: number;
  worker_cpu_pct: number;
  bare_ms: number;
  bare_per_s: number;
  bare_received: number;
  bare_duplicates: number;
  bare_cpu_pct: number;
  worker_cpu_us_per_mail: number;
  bare_cpu_us_per_mail: number;
  ratio: number;
  peak_rss_mb: number;
}

export function outreachScenario(dialects: readonly string[]): OutreachRow[] {
  const messages = process.env.BENCH_OUTREACH_MESSAGES ?? '10000';
  const connections = process.env.BENCH_OUTREACH_CONNECTIONS ?? '4';
  console.log(
    `\nOutreach: ${messages} invitations to the loopback capture SMTP server (its own process, headers only), ${connections} SMTP connections. ` +
      'worker = our outbox (claim in batches, send, mark each sent after its 250); bare = nodemailer pool sending the same messages, nothing recorded. ' +
      'CPU/mail = CPU time of the sending process per message. duplicates = Message-IDs received more than once.\n',
  );
  const rows: OutreachRow[] = [];
  for (const dialect of dialects) {
    const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(here, 'outreach.bench.ts'), dialect, messages, connections], {
      encoding: 'utf8',
      maxBuffer: 1 << 22,
    });
    if (r.status !== 0) {
      console.log(`outreach ${dialect}: failed\n${r.stderr}`);
      continue;
    }
    const row = JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as OutreachRow;
    rows.push(row);
    console.log(
      `${dialect.padEnd(8)} | contacts import ${row.contacts_ms} ms (${row.contacts_per_s}/s) | schedule ${row.scheduled} in ${row.schedule_ms} ms (${row.scheduled_per_s}/s) | ` +
        `worker ${row.worker_per_s} mails/s (${row.worker_ms} ms, ${row.worker_cpu_us_per_mail} µs CPU/mail) | bare ${row.bare_per_s} mails/s (${row.bare_ms} ms, ${row.bare_cpu_us_per_mail} µs CPU/mail) | ` +
        `worker/bare ${row.ratio.toFixed(2)} | rows sent ${row.rows_sent}/${row.messages} | received ${row.worker_received}, duplicates ${row.worker_duplicates} (bare ${row.bare_duplicates}) | peak ${row.peak_rss_mb} MB`,
    );
  }
  return rows;
}
