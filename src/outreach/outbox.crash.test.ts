/**
 * The crash test: `kommunepuls outreach run` in a child process sends to a real SMTP server on
 * loopback (in this process) and is killed with SIGKILL in the middle of a batch, while the server
 * holds messages it has not answered yet. A second run later must deliver the rest, so that every
 * message arrives exactly once (counted by Message-ID) and every row ends 'sent'.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { describeStores } from '../store/testing.ts';
import { startCaptureSmtp } from './capture-smtp.ts';
import { baseUrl, miniRoundWithContacts } from './fixtures.ts';
import { listOutbox, outboxStatus } from './outbox.service.ts';

const bin = path.resolve('bin/kommunepuls.mjs');

function runCli(env: Record<string, string>): {
  child: ChildProcess;
  done: Promise<{ code: number | null; signal: string | null; out: string; err: string }>;
} {
  const child = spawn(process.execPath, [bin, 'outreach', 'run', '--year', '2019', '--once'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (d) => {
    out += d;
  });
  child.stderr?.on('data', (d) => {
    err += d;
  });
  const done = new Promise<{ code: number | null; signal: string | null; out: string; err: string }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, out, err })),
  );
  return { child, done };
}

describeStores(
  'outbox worker killed in the middle of a batch',
  (test) => {
    test('delivers every message exactly once after a restart and leaves every row sent', async (store, { url }) => {
      await miniRoundWithContacts(store);
      let victim: ChildProcess | undefined;
      let holding = false;
      let accepted = 0;
      const killAfter = 7;
      const smtp = await startCaptureSmtp({
        onData: () => {
          if (holding) return 'hold';
          if (accepted < killAfter || !victim) {
            accepted++;
            return undefined;
          }
          // Hold this message (and any other in flight) unanswered, give the child time to commit
          // what was answered already, then kill it before any held message gets its 250.
          holding = true;
          const child = victim;
          setTimeout(() => child.kill('SIGKILL'), 500);
          return 'hold';
        },
      });
      const env = {
        KOMMUNEPULS_DB: url,
        SMTP_URL: smtp.url,
        KOMMUNEPULS_BASE_URL: baseUrl,
        KOMMUNEPULS_SMTP_CONNECTIONS: '2',
        KOMMUNEPULS_SMTP_RATE: '1000',
        KOMMUNEPULS_OUTBOX_LEASE_SECONDS: '60',
      };
      try {
        const first = runCli({ ...env, KOMMUNEPULS_CLOCK: '2020-01-05T09:00:00Z' });
        victim = first.child;
        const killed = await first.done;
        assert.equal(killed.signal, 'SIGKILL', `the worker was not killed: ${killed.out}${killed.err}`);
        assert.equal(smtp.messages().length, killAfter);
        const mid = await outboxStatus(store, 2019);
        assert.deepEqual([mid.total, mid.byStatus.sent], [22, killAfter], 'every message the server accepted was recorded as sent');

        // Restarted after the dead worker's leases (60 s) have run out.
        victim = undefined;
        holding = false;
        const second = await runCli({ ...env, KOMMUNEPULS_CLOCK: '2020-01-05T09:05:00Z' }).done;
        assert.equal(second.code, 0, second.err);
        assert.match(second.out, /2019: queued 0 invitation\(s\) and 0 reminder\(s\); sent 15, failed 0, to retry 0/);

        const rows = await listOutbox(store, 2019, { limit: 100 });
        assert.equal(rows.length, 22);
        assert.ok(
          rows.every((m) => m.status === 'sent'),
          'every row is sent',
        );
        const perId = new Map<string, number>();
        for (const m of smtp.messages()) perId.set(m.messageId, (perId.get(m.messageId) ?? 0) + 1);
        assert.deepEqual([...perId.keys()].sort(), rows.map((m) => `<outbox-${m.id}@kommunepuls>`).sort());
        assert.ok(
          [...perId.values()].every((n) => n === 1),
          'no message arrived twice',
        );
        // The messages that were in flight when the worker died were tried twice.
        assert.ok(rows.some((m) => m.attempts === 2));
      } finally {
        victim?.kill('SIGKILL');
        await smtp.close();
      }
    });
  },
  { file: true },
);
