import assert from 'node:assert/strict';
import net from 'node:net';
import { describe, it } from 'node:test';
import { say } from '../shared/i18n/message.ts';
import type { Lang } from '../shared/i18n/types.ts';
import { describeStores } from '../store/testing.ts';
import { startCaptureSmtp } from './capture-smtp.ts';
import { at, baseUrl, miniRoundWithContacts } from './fixtures.ts';
import { listOutbox, type OutboxMessage, scheduleDue } from './outbox.service.ts';
import { createMailTransport, isPermanent, retryDelayMs, runOutbox } from './outbox.worker.ts';

const from = 'Kommunepuls <undersokelse@example.no>';
/** Why a message was not sent, worded in a language ('' when there is no reason). */
const why = (m: OutboxMessage | undefined, lang: Lang = 'en') => (m?.lastError ? say(m.lastError, lang) : '');

async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

describe('SMTP outcomes', () => {
  it('treats 5xx (but 503) and a bad envelope as permanent, 4xx and connection errors as transient', () => {
    assert.equal(isPermanent({ responseCode: 550 }), true);
    assert.equal(isPermanent({ responseCode: 503 }), false);
    assert.equal(isPermanent({ responseCode: 451 }), false);
    assert.equal(isPermanent({ code: 'ECONNECTION' }), false);
    assert.equal(isPermanent({ code: 'EENVELOPE' }), true);
    assert.equal(isPermanent({ responseCode: 550, permanent: false }), false);
  });
  it('waits longer after each transient failure, at most an hour', () => {
    assert.deepEqual([1, 2, 3].map(retryDelayMs), [30_000, 60_000, 120_000]);
    assert.equal(retryDelayMs(20), 3_600_000);
  });
});

describeStores('outbox worker', (test) => {
  test('sends each queued message once with a Message-ID from its row and marks it sent', async (store) => {
    await miniRoundWithContacts(store);
    await scheduleDue(store, 2019, at.opening, baseUrl);
    const smtp = await startCaptureSmtp();
    const transport = createMailTransport({ smtpUrl: smtp.url, connections: 2 });
    try {
      const r = await runOutbox(store, transport, { from, batch: 5, concurrency: 2, now: () => at.day3 });
      assert.deepEqual(r, { sent: 22, failed: 0, retrying: 0 });
      assert.deepEqual(await runOutbox(store, transport, { from, now: () => at.day3 }), { sent: 0, failed: 0, retrying: 0 });
      const rows = await listOutbox(store, 2019, { limit: 100 });
      assert.ok(rows.every((m) => m.status === 'sent' && m.sentAt?.getTime() === at.day3.getTime() && m.attempts === 1));
      const got = smtp.messages();
      assert.deepEqual(got.map((m) => m.messageId).sort(), rows.map((m) => `<outbox-${m.id}@kommunepuls>`).sort());
      const one = rows.find((m) => m.role === 'skolesjef' && m.unitNumber === '0302');
      const mail = got.find((m) => m.messageId === `<outbox-${one?.id}@kommunepuls>`);
      assert.deepEqual(mail?.to, ['skolesjef.0302@kommune.example.no']);
      assert.equal(mail?.from, 'undersokelse@example.no');
      assert.equal(mail?.subject, 'Invitasjon til kommuneundersøkelsen – Lillevik');
      assert.equal(mail?.text.trim(), one?.body);
    } finally {
      transport.close();
      await smtp.close();
    }
  });

  test('records an SMTP rejection as failed with the server’s reason and sends the others', async (store) => {
    await miniRoundWithContacts(store);
    await scheduleDue(store, 2019, at.opening, baseUrl);
    const smtp = await startCaptureSmtp({
      rejectRecipient: (a) => (a === 'skolesjef.0401@kommune.example.no' ? 'Mailbox unavailable: no such user' : undefined),
    });
    const transport = createMailTransport({ smtpUrl: smtp.url, connections: 1 });
    try {
      assert.deepEqual(await runOutbox(store, transport, { from, now: () => at.day3 }), { sent: 21, failed: 1, retrying: 0 });
      const [failed] = await listOutbox(store, 2019, { status: 'failed' });
      assert.equal(failed?.unitNumber, '0401');
      assert.match(why(failed), /^550 .*no such user/);
      assert.match(why(failed, 'nb'), /^sendingen feilet: 550 .*no such user/);
      assert.equal(smtp.messages().length, 21);
      assert.equal(
        smtp.messages().some((m) => m.to.includes('skolesjef.0401@kommune.example.no')),
        false,
      );
    } finally {
      transport.close();
      await smtp.close();
    }
  });

  test('leaves a message queued after a 4xx or a refused connection, counts the attempt and tries again later', async (store) => {
    await miniRoundWithContacts(store);
    await scheduleDue(store, 2019, at.opening, baseUrl);
    const down = createMailTransport({ smtpUrl: `smtp://127.0.0.1:${await freePort()}`, connections: 1 });
    const r1 = await runOutbox(store, down, { from, now: () => at.day3, batch: 22 });
    down.close();
    assert.deepEqual(r1, { sent: 0, failed: 0, retrying: 22 });
    const queued = await listOutbox(store, 2019, { status: 'queued', limit: 100 });
    assert.equal(queued.length, 22);
    assert.ok(queued.every((m) => m.attempts === 1 && /ECONNREFUSED|connect/i.test(why(m))));
    // Held back: a run right away finds nothing to claim.
    let busy = true;
    const smtp = await startCaptureSmtp({ onData: () => (busy ? { reject: 451, message: 'Try again later' } : undefined) });
    const transport = createMailTransport({ smtpUrl: smtp.url, connections: 1 });
    try {
      assert.deepEqual(await runOutbox(store, transport, { from, now: () => at.day3 }), { sent: 0, failed: 0, retrying: 0 });
      const later = new Date(at.day3.getTime() + retryDelayMs(1) + 1);
      assert.deepEqual(await runOutbox(store, transport, { from, now: () => later, batch: 22 }), { sent: 0, failed: 0, retrying: 22 });
      const after451 = await listOutbox(store, 2019, { limit: 1 });
      assert.deepEqual([after451[0]?.status, after451[0]?.attempts], ['queued', 2]);
      assert.match(why(after451[0]), /^451 .*Try again later/);
      busy = false;
      const muchLater = new Date(later.getTime() + retryDelayMs(2) + 1);
      assert.deepEqual(await runOutbox(store, transport, { from, now: () => muchLater }), { sent: 22, failed: 0, retrying: 0 });
      const sent = await listOutbox(store, 2019, { limit: 1 });
      assert.deepEqual([sent[0]?.status, sent[0]?.attempts, sent[0]?.lastError], ['sent', 3, null]);
    } finally {
      transport.close();
      await smtp.close();
    }
  });

  test('gives up after the most attempts and marks the message failed', async (store) => {
    await miniRoundWithContacts(store);
    await scheduleDue(store, 2019, at.opening, baseUrl);
    const down = createMailTransport({ smtpUrl: `smtp://127.0.0.1:${await freePort()}`, connections: 1 });
    try {
      let t = at.day3.getTime();
      for (let i = 0; i < 2; i++) {
        await runOutbox(store, down, { from, now: () => new Date(t), batch: 22, maxAttempts: 1 });
        t += 3_600_001;
      }
      const failed = await listOutbox(store, 2019, { status: 'failed', limit: 100 });
      assert.equal(failed.length, 22);
      assert.match(why(failed[0]), /^gave up after 1 attempts: \S/);
      assert.match(why(failed[0], 'nb'), /^ga opp etter 1 forsøk: sendingen feilet: \S/);
    } finally {
      down.close();
    }
  });

  test('does not send a message still queued when the round has closed, and says why', async (store) => {
    await miniRoundWithContacts(store);
    await scheduleDue(store, 2019, at.opening, baseUrl);
    const smtp = await startCaptureSmtp();
    const transport = createMailTransport({ smtpUrl: smtp.url, connections: 1 });
    try {
      assert.deepEqual(await runOutbox(store, transport, { from, now: () => at.closed }), { sent: 0, failed: 22, retrying: 0 });
      const [m] = await listOutbox(store, 2019, { limit: 1 });
      assert.deepEqual([m?.status, why(m)], ['failed', 'not sent: the 2019 round closed on 29. januar 2020']);
      assert.equal(why(m, 'nb'), 'ikke sendt: undersøkelsen for 2019 stengte 29. januar 2020');
      assert.equal(smtp.messages().length, 0);
    } finally {
      transport.close();
      await smtp.close();
    }
  });

  test('keeps to the rate limit', async (store) => {
    await miniRoundWithContacts(store);
    await scheduleDue(store, 2019, at.opening, baseUrl);
    const smtp = await startCaptureSmtp();
    const transport = createMailTransport({ smtpUrl: smtp.url, connections: 2 });
    try {
      const started = performance.now();
      const r = await runOutbox(store, transport, { from, now: () => at.day3, ratePerSecond: 50, concurrency: 2 });
      const ms = performance.now() - started;
      assert.equal(r.sent, 22);
      // 22 messages at 50/s: the last one starts 21 × 20 ms after the first.
      assert.ok(ms >= 420, `took ${ms} ms`);
    } finally {
      transport.close();
      await smtp.close();
    }
  });

  test('two workers on one store send every message exactly once', async (store) => {
    await miniRoundWithContacts(store);
    await scheduleDue(store, 2019, at.opening, baseUrl);
    const smtp = await startCaptureSmtp();
    const a = createMailTransport({ smtpUrl: smtp.url, connections: 2 });
    const b = createMailTransport({ smtpUrl: smtp.url, connections: 2 });
    try {
      const [ra, rb] = await Promise.all([
        runOutbox(store, a, { from, batch: 3, concurrency: 2, now: () => at.day3 }),
        runOutbox(store, b, { from, batch: 3, concurrency: 2, now: () => at.day3 }),
      ]);
      assert.equal((ra?.sent ?? 0) + (rb?.sent ?? 0), 22);
      const ids = smtp.messages().map((m) => m.messageId);
      assert.equal(ids.length, 22);
      assert.equal(new Set(ids).size, 22);
    } finally {
      a.close();
      b.close();
      await smtp.close();
    }
  });

  test('a stop signal lets the message being sent finish and gives the rest of the batch back', async (store) => {
    await miniRoundWithContacts(store);
    await scheduleDue(store, 2019, at.opening, baseUrl);
    const controller = new AbortController();
    const smtp = await startCaptureSmtp({
      onData: (info) => {
        if (info.received === 2) controller.abort();
        return undefined;
      },
    });
    const transport = createMailTransport({ smtpUrl: smtp.url, connections: 1 });
    try {
      const r = await runOutbox(store, transport, { from, batch: 10, now: () => at.day3, signal: controller.signal });
      assert.equal(r.sent, 3);
      const queued = await listOutbox(store, 2019, { status: 'queued', limit: 100 });
      assert.equal(queued.length, 19);
      assert.ok(queued.every((m) => m.attempts === 0));
      // Given back: another run takes them at once, without waiting for the lease.
      assert.equal((await runOutbox(store, transport, { from, now: () => at.day3 })).sent, 19);
      assert.equal(new Set(smtp.messages().map((m) => m.messageId)).size, 22);
    } finally {
      transport.close();
      await smtp.close();
    }
  });
});
