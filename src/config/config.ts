/**
 * Configuration, validated once. This is the only module that reads `process.env`.
 */
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../shared/errors.ts';

const envSchema = z.object({
  KOMMUNEPULS_DB: z.string().min(1).default('./data/kommunepuls.sqlite'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  KOMMUNEPULS_BASE_URL: z.string().url().optional(),
  SMTP_URL: z.string().optional(),
  /** Sender of invitations and reminders, e.g. `Kommuneundersøkelsen <undersokelse@example.no>`. */
  KOMMUNEPULS_MAIL_FROM: z.string().min(3).optional(),
  /** At most this many messages per second to the SMTP server. */
  KOMMUNEPULS_SMTP_RATE: z.coerce.number().positive().default(10),
  /** Parallel SMTP connections of the outbox worker. */
  KOMMUNEPULS_SMTP_CONNECTIONS: z.coerce.number().int().min(1).max(20).default(2),
  /** How long a worker holds a claimed outbox message; longer than the SMTP timeouts (30 s). */
  /** Seconds between the in-process outreach worker's cycles (queue what is due, then send). */
  KOMMUNEPULS_OUTREACH_POLL_SECONDS: z.coerce.number().positive().default(30),
  KOMMUNEPULS_OUTBOX_LEASE_SECONDS: z.coerce.number().positive().default(300),
  KOMMUNEPULS_REFERENCE_DIR: z.string().optional(),
  /** The Chromium that prints the report's PDF (Debian's package by default). */
  KOMMUNEPULS_CHROMIUM: z.string().min(1).default('/usr/bin/chromium'),
  /** Start the clock at this instant (ISO 8601), e.g. to open a past round's forms in a demo. */
  KOMMUNEPULS_CLOCK: z.iso.datetime({ offset: true }).optional(),
  /** Serve pages with the Secure cookie flag (behind HTTPS). */
  KOMMUNEPULS_SECURE_COOKIES: z.enum(['true', 'false', '1', '0']).optional(),
});

export interface Config {
  /** A file path for SQLite, or a postgres:// URL. */
  readonly db: string;
  readonly port: number;
  readonly host: string;
  /** Base URL used in respondents' links; defaults to http://localhost:PORT. */
  readonly baseUrl: string;
  readonly smtpUrl: string | undefined;
  /** The From of outgoing mail. */
  readonly mailFrom: string;
  /** Messages per second the outbox worker sends at most. */
  readonly smtpRate: number;
  /** Parallel SMTP connections of the outbox worker. */
  readonly smtpConnections: number;
  /** Milliseconds between the in-process outreach worker's cycles. */
  readonly outreachPollMs: number;
  /** Milliseconds a worker holds a claimed message before another worker may take it over. */
  readonly outboxLeaseMs: number;
  /** Folder of the shared public reference data, when present. */
  readonly referenceDir: string;
  /** Instant the clock starts at, when not the real time. */
  readonly clockStart: Date | undefined;
  readonly secureCookies: boolean;
  /** Path of the Chromium executable that prints PDFs. */
  readonly chromium: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('config', `configuration: ${String(issue?.path.join('.'))}: ${issue?.message}`);
  }
  const e = parsed.data;
  return {
    db: e.KOMMUNEPULS_DB,
    port: e.PORT,
    host: e.HOST,
    baseUrl: (e.KOMMUNEPULS_BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    smtpUrl: e.SMTP_URL,
    mailFrom: e.KOMMUNEPULS_MAIL_FROM ?? 'Kommunepuls <kommunepuls@localhost>',
    smtpRate: e.KOMMUNEPULS_SMTP_RATE,
    smtpConnections: e.KOMMUNEPULS_SMTP_CONNECTIONS,
    outreachPollMs: Math.round(e.KOMMUNEPULS_OUTREACH_POLL_SECONDS * 1000),
    outboxLeaseMs: Math.round(e.KOMMUNEPULS_OUTBOX_LEASE_SECONDS * 1000),
    referenceDir: e.KOMMUNEPULS_REFERENCE_DIR ?? path.resolve('..', 'shared', 'reference'),
    clockStart: e.KOMMUNEPULS_CLOCK ? new Date(e.KOMMUNEPULS_CLOCK) : undefined,
    secureCookies: e.KOMMUNEPULS_SECURE_COOKIES === 'true' || e.KOMMUNEPULS_SECURE_COOKIES === '1',
    chromium: e.KOMMUNEPULS_CHROMIUM,
  };
}

/** True when running under CI (the CI runner sets CI=true). Tests use it to refuse silent skips. */
export function isCi(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.CI === 'true' || env.CI === '1';
}

/** PostgreSQL server used by the store tests; overridable for other machines. */
export function testPostgresUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.KOMMUNEPULS_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
}

/** Folder the browser tests write screenshots of every page type to; unset, they write none. */
export function testScreenshotDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.KOMMUNEPULS_SCREENSHOTS || undefined;
}
