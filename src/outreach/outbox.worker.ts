/**
 * The outbox worker: claims queued messages, sends them over SMTP and records the outcome.
 *
 * Delivery is at least once, and in practice exactly once:
 * - A claim is one UPDATE that sets a lease (`claimed_until`) and counts the attempt; it commits
 *   before anything is sent. A worker that dies leaves its claims to expire, after which another
 *   run takes them over (a crash before the server's 250 loses nothing).
 * - A message is marked sent right after the server's 250 for it: by the next commit, which takes
 *   along the other messages whose 250 came while the previous commit was under way.
 * - The one window for a duplicate is between the server's 250 and that commit: if the process
 *   dies (or the database fails) in it, the message was delivered but is still queued, and it is
 *   sent again once the lease expires. The Message-ID (`<outbox-ID@kommunepuls>`) stays the same,
 *   so a receiving system that deduplicates by Message-ID can drop the second copy.
 * - A lease must outlast a send (SMTP timeouts here are 10–30 s; the default lease is 5 min), or
 *   a second worker could take over a message that is still being sent.
 * - Failing, holding back for a retry and giving back need the worker's own lease: a worker whose
 *   lease ran out and was taken over changes nothing of the message the other worker now holds.
 *   Marking sent needs only that the message is still queued, so the first 250 is recorded once.
 * - A message still queued when its round's window has closed is marked failed, not sent: its
 *   link would only lead to the closed page.
 * - An SMTP rejection (5xx except 503) marks the message failed with the server's reply. Anything
 *   else (4xx, a refused or broken connection, a timeout) leaves it queued with the error, held
 *   back for a growing delay; after `maxAttempts` it is marked failed.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import nodemailer from 'nodemailer';
import { getRound } from '../round/round.service.ts';
import type { Clock } from '../shared/clock.ts';
import { msg } from '../shared/i18n/message.ts';
import { formatOsloDate } from '../shared/time.ts';
import type { Store } from '../store/store.ts';
import { problemOf, storeProblem } from './outbox.problem.ts';
import * as repo from './outbox.repository.ts';

/** What the worker needs of a transport; a nodemailer transporter fits. */
export interface MailTransport {
  sendMail(mail: { from: string; to: string; subject: string; text: string; messageId: string }): Promise<unknown>;
  close(): void;
}

export interface TransportOptions {
  readonly smtpUrl: string;
  /** Parallel connections; the worker sends this many messages at a time. */
  readonly connections: number;
}

/**
 * A pooled SMTP transport. The pool's own re-sending after a dropped connection is off: a retry
 * goes through the outbox, where it is counted and visible.
 */
export function createMailTransport(o: TransportOptions): MailTransport {
  return nodemailer.createTransport({
    url: o.smtpUrl,
    pool: true,
    maxConnections: o.connections,
    maxRequeues: 0,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
}

export function messageIdOf(outboxId: number): string {
  return `<outbox-${outboxId}@kommunepuls>`;
}

export interface RunOutboxOptions {
  /** The From header. */
  readonly from: string;
  /** Messages claimed at a time. */
  readonly batch?: number;
  /** At most this many messages per second (no limit when left out). */
  readonly ratePerSecond?: number;
  /** Messages sent in parallel (match the transport's connections). */
  readonly concurrency?: number;
  readonly leaseMs?: number;
  /** After this many attempts a message that keeps failing transiently is marked failed. */
  readonly maxAttempts?: number;
  /** Only this round's messages. */
  readonly year?: number;
  readonly now?: Clock;
  /** Stops claiming; messages being sent finish, claimed ones not yet started are given back. */
  readonly signal?: AbortSignal;
}

export interface RunOutboxResult {
  readonly sent: number;
  readonly failed: number;
  /** Left queued after a transient error, for a later attempt. */
  readonly retrying: number;
}

/**
 * Records "sent" for messages as soon as their 250 arrives. When a commit is already under way,
 * the marks that arrive meanwhile go together in the next one (group commit): each message is
 * still recorded at the first commit after its 250, with fewer commits than messages, which
 * matters on PostgreSQL where every commit waits for the disk.
 */
class SentMarks {
  private pending: { id: number; at: string; done: () => void; fail: (e: unknown) => void }[] = [];
  private flushing = false;
  constructor(private readonly store: Store) {}

  mark(id: number, at: string): Promise<void> {
    return new Promise((done, fail) => {
      this.pending.push({ id, at, done, fail });
      if (!this.flushing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0);
      try {
        await repo.markSentMany(this.store.db, batch);
        for (const m of batch) m.done();
      } catch (e) {
        for (const m of batch) m.fail(e);
      }
    }
    this.flushing = false;
  }
}

/** Spaces sends evenly at `perSecond`, shared by all parallel lanes. */
class RateLimiter {
  private next = 0;
  constructor(private readonly perSecond: number | undefined) {}

  /** Waits for the next slot; false when aborted meanwhile. */
  async wait(signal: AbortSignal | undefined): Promise<boolean> {
    if (!this.perSecond || !Number.isFinite(this.perSecond)) return !signal?.aborted;
    const now = performance.now();
    const at = Math.max(now, this.next);
    this.next = at + 1000 / this.perSecond;
    if (at > now) await sleep(at - now, undefined, { signal }).catch(() => undefined);
    return !signal?.aborted;
  }
}

interface SmtpError {
  message?: string;
  code?: string;
  responseCode?: number;
  response?: string;
  permanent?: boolean;
}

/** A 5xx reply (except 503, a session out of step) or a malformed envelope will not improve by retrying. */
export function isPermanent(e: SmtpError): boolean {
  if (e.permanent !== undefined) return e.permanent;
  if (e.responseCode !== undefined) return e.responseCode >= 500 && e.responseCode < 600 && e.responseCode !== 503;
  return e.code === 'EENVELOPE';
}

function reason(e: SmtpError): string {
  const text = e.response ?? e.message ?? String(e);
  const code = e.responseCode !== undefined && !text.startsWith(String(e.responseCode)) ? `${e.responseCode} ` : '';
  return `${code}${text}`.slice(0, 1000);
}

/** Delay before a transient failure is tried again: 30 s, doubling, at most an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(3_600_000, 30_000 * 2 ** Math.max(0, attempts - 1));
}

/**
 * Sends queued messages until none can be claimed (or the signal stops it). Safe to run in
 * several processes at once on one store.
 */
export async function runOutbox(store: Store, transport: MailTransport, o: RunOutboxOptions): Promise<RunOutboxResult> {
  const now = o.now ?? (() => new Date());
  const batch = o.batch ?? 10;
  const lanes = Math.max(1, o.concurrency ?? 1);
  const leaseMs = o.leaseMs ?? 300_000;
  const maxAttempts = o.maxAttempts ?? 10;
  const limiter = new RateLimiter(o.ratePerSecond);
  const result = { sent: 0, failed: 0, retrying: 0 };
  const marks = new SentMarks(store);
  // A letter whose link stopped working is not sent: the window closes before it goes out.
  const closes = new Map<number, Promise<Date>>();
  const closesAt = (year: number) => {
    let d = closes.get(year);
    if (!d) {
      d = getRound(store, year).then((r) => r.closesAt);
      closes.set(year, d);
    }
    return d;
  };

  const sendOne = async (row: repo.OutboxRow): Promise<void> => {
    const claimed = { id: row.id, lease: row.claimed_until };
    if (row.attempts > maxAttempts) {
      const last = problemOf(row.last_error) ?? msg('outreach.no_reply');
      await repo.markFailed(store.db, claimed, storeProblem(msg('outreach.gave_up', { attempts: maxAttempts, last })));
      result.failed++;
      return;
    }
    const closed = await closesAt(row.round_year);
    if (now() >= closed) {
      await repo.markFailed(
        store.db,
        claimed,
        storeProblem(msg('outreach.not_sent_closed', { year: row.round_year, date: formatOsloDate(new Date(closed.getTime() - 1)) })),
      );
      result.failed++;
      return;
    }
    try {
      await transport.sendMail({ from: o.from, to: row.to_address, subject: row.subject, text: row.body, messageId: messageIdOf(row.id) });
    } catch (e) {
      const err = e as SmtpError;
      if (isPermanent(err)) {
        await repo.markFailed(store.db, claimed, reason(err));
        result.failed++;
      } else {
        await repo.markRetry(store.db, claimed, reason(err), new Date(now().getTime() + retryDelayMs(row.attempts)).toISOString());
        result.retrying++;
      }
      return;
    }
    // The server has the message: record it at once (the duplicate window is until this commits).
    await marks.mark(row.id, now().toISOString());
    result.sent++;
  };

  // Lanes take messages from a shared buffer; whichever lane finds it empty claims the next
  // batch (one claim at a time), so no lane waits for the others to finish a batch.
  const buffer: repo.OutboxRow[] = [];
  let exhausted = false;
  let claiming: Promise<void> | undefined;
  const claimBatch = async () => {
    const at = now();
    const rows = await repo.claim(store.db, {
      now: at.toISOString(),
      until: new Date(at.getTime() + leaseMs).toISOString(),
      batch,
      skipLocked: store.dialect === 'postgres',
      ...(o.year !== undefined ? { year: o.year } : {}),
    });
    if (rows.length === 0) exhausted = true;
    buffer.push(...rows);
  };
  const take = async (): Promise<repo.OutboxRow | undefined> => {
    while (buffer.length === 0 && !exhausted && !o.signal?.aborted) {
      claiming ??= claimBatch().finally(() => {
        claiming = undefined;
      });
      await claiming;
    }
    return o.signal?.aborted ? undefined : buffer.shift();
  };
  const lane = async () => {
    while (await limiter.wait(o.signal)) {
      const row = await take();
      if (!row) return;
      await sendOne(row);
    }
  };
  // Every lane ends before the buffer is given back, also when one of them failed.
  const ended = await Promise.allSettled(Array.from({ length: lanes }, lane));
  // Claimed but not started (stopped, or a lane failed): give them back at once.
  await repo.release(
    store.db,
    buffer.splice(0).map((r) => ({ id: r.id, lease: r.claimed_until })),
  );
  for (const e of ended) if (e.status === 'rejected') throw e.reason;
  return result;
}
