/**
 * Running outreach: one cycle decides what is due for the open rounds and sends the queue; the
 * worker repeats cycles until stopped. Used by `kommunepuls outreach run` and, in-process, by
 * `serve` (startOutreachWorker).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Config } from '../config/config.ts';
import { isOpen, listRounds } from '../round/round.service.ts';
import { type Clock, clockFrom, systemClock } from '../shared/clock.ts';
import { AppError } from '../shared/errors.ts';
import type { Store } from '../store/store.ts';
import { type ScheduleResult, scheduleDue } from './outbox.service.ts';
import { createMailTransport, type MailTransport, type RunOutboxResult, runOutbox } from './outbox.worker.ts';

export interface CycleResult {
  readonly scheduled: ReadonlyMap<number, ScheduleResult>;
  readonly sending: RunOutboxResult;
}

export interface CycleOptions {
  /** Only this round; otherwise every round whose window is open now. */
  readonly year?: number;
  readonly clock?: Clock;
  readonly signal?: AbortSignal;
}

/** The clock the configuration asks for (KOMMUNEPULS_CLOCK), or the wall clock. */
export function configuredClock(cfg: Config): Clock {
  return cfg.clockStart ? clockFrom(cfg.clockStart) : systemClock;
}

/** Decides what is due (one round, or every open round), then sends until the queue is empty. */
export async function outreachCycle(store: Store, transport: MailTransport, cfg: Config, o: CycleOptions = {}): Promise<CycleResult> {
  const clock = o.clock ?? configuredClock(cfg);
  const now = clock();
  const years = o.year !== undefined ? [o.year] : (await listRounds(store)).filter((r) => isOpen(r, now)).map((r) => r.year);
  const scheduled = new Map<number, ScheduleResult>();
  for (const year of years) scheduled.set(year, await scheduleDue(store, year, now, cfg.baseUrl));
  const sending = await runOutbox(store, transport, {
    from: cfg.mailFrom,
    ratePerSecond: cfg.smtpRate,
    // Twice as many lanes as connections, so a connection that finishes a message finds the next
    // one waiting in the pool while its lane records the first.
    concurrency: cfg.smtpConnections * 2,
    batch: Math.max(10, cfg.smtpConnections * 10),
    leaseMs: cfg.outboxLeaseMs,
    now: clock,
    ...(o.year !== undefined ? { year: o.year } : {}),
    ...(o.signal ? { signal: o.signal } : {}),
  });
  return { scheduled, sending };
}

export function describeCycle(r: CycleResult): string {
  const parts = [...r.scheduled].map(
    ([year, s]) =>
      `${year}: queued ${s.invitations} invitation(s) and ${s.reminders} reminder(s)${s.reminderDay ? ` (day ${s.reminderDay})` : ''}`,
  );
  const s = r.sending;
  parts.push(`sent ${s.sent}, failed ${s.failed}, to retry ${s.retrying}`);
  return parts.join('; ');
}

export interface WorkerOptions {
  readonly signal: AbortSignal;
  /** Only this round (the CLI); otherwise every open round (serve). */
  readonly year?: number;
  /** One cycle, then return. */
  readonly once?: boolean;
  readonly clock?: Clock;
  /** Pause between cycles (default 30 s). */
  readonly pollMs?: number;
  /** Receives a line per cycle that did something, and errors. */
  readonly log?: (line: string) => void;
  /** A transport to use instead of one made from SMTP_URL (tests). */
  readonly transport?: MailTransport;
}

/**
 * Runs outreach until the signal aborts: a cycle, a pause, a cycle … An error in a cycle is
 * logged and the next cycle tries again, so a mail server that is down does not stop `serve`.
 * Without SMTP_URL (and no transport given) it logs that and returns at once.
 */
export async function startOutreachWorker(store: Store, cfg: Config, o: WorkerOptions): Promise<void> {
  const log = o.log ?? (() => undefined);
  if (!o.transport && !cfg.smtpUrl) {
    log('outreach: SMTP_URL is not set, so no invitations or reminders are sent');
    return;
  }
  const transport = o.transport ?? createMailTransport({ smtpUrl: cfg.smtpUrl as string, connections: cfg.smtpConnections });
  const cycleOptions: CycleOptions = {
    signal: o.signal,
    ...(o.year !== undefined ? { year: o.year } : {}),
    ...(o.clock ? { clock: o.clock } : {}),
  };
  try {
    while (!o.signal.aborted) {
      try {
        const r = await outreachCycle(store, transport, cfg, cycleOptions);
        const did =
          [...r.scheduled.values()].some((s) => s.invitations + s.reminders > 0) ||
          r.sending.sent + r.sending.failed + r.sending.retrying > 0;
        if (did || o.once) log(`outreach: ${describeCycle(r)}`);
      } catch (e) {
        if (o.once) throw e;
        log(`outreach: cycle failed: ${e instanceof AppError || e instanceof Error ? e.message : String(e)}`);
      }
      if (o.once) break;
      await sleep(o.pollMs ?? 30_000, undefined, { signal: o.signal }).catch(() => undefined);
    }
  } finally {
    if (!o.transport) transport.close();
  }
}
