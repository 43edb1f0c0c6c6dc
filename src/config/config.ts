/**
 * Configuration, validated once. This is the only module that reads `process.env`.
 */
import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../shared/errors.ts';
import { type Message, msg } from '../shared/i18n/message.ts';
import type { Lang } from '../shared/i18n/types.ts';
import { issueMessage } from '../shared/validation.ts';

/** The language of the command line's messages: bokmål, nynorsk or English (the default). */
const langSchema = z.enum(['nb', 'nn', 'en'] satisfies Lang[]).default('en');

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
  /** Proxies whose X-Forwarded-For is believed: addresses, CIDR ranges or `loopback`, comma-separated. */
  KOMMUNEPULS_TRUSTED_PROXIES: z.string().optional(),
  KOMMUNEPULS_LANG: langSchema,
  /** The accessibility statement: where to report a problem (an e-mail address; default the sender of the mail). */
  KOMMUNEPULS_A11Y_CONTACT: z.email().optional(),
  /** The accessibility statement: the day the pages were last checked automatically (YYYY-MM-DD). */
  KOMMUNEPULS_A11Y_CHECKED: z.iso.date().optional(),
});

const configError = (what: Message) => new AppError('config', msg('config.invalid', { what }));

/** One trusted proxy entry: an address and the length of its network prefix (32/128 for one address). */
export interface ProxyRange {
  readonly address: string;
  readonly prefix: number;
  readonly family: 'ipv4' | 'ipv6';
}

/**
 * Parses `KOMMUNEPULS_TRUSTED_PROXIES`: comma-separated addresses (`10.0.0.5`, `::1`), CIDR
 * ranges (`10.0.0.0/8`, `fd00::/8`) and the word `loopback` (127.0.0.0/8 and ::1). Empty means
 * no proxy is trusted and the connection's own address is the client's.
 */
export function parseTrustedProxies(value: string | undefined): ProxyRange[] {
  const out: ProxyRange[] = [];
  for (const raw of (value ?? '').split(',')) {
    const entry = raw.trim();
    if (entry === '') continue;
    if (entry.toLowerCase() === 'loopback') {
      out.push({ address: '127.0.0.0', prefix: 8, family: 'ipv4' }, { address: '::1', prefix: 128, family: 'ipv6' });
      continue;
    }
    const [address = '', bits, extra] = entry.split('/');
    const version = isIP(address);
    const max = version === 4 ? 32 : 128;
    const prefix = bits === undefined ? max : /^\d{1,3}$/.test(bits) ? Number(bits) : Number.NaN;
    if (version === 0 || extra !== undefined || !(prefix >= 0 && prefix <= max)) {
      throw configError(msg('common.at', { where: 'KOMMUNEPULS_TRUSTED_PROXIES', what: msg('config.not_proxy', { entry }) }));
    }
    out.push({ address, prefix, family: version === 4 ? 'ipv4' : 'ipv6' });
  }
  return out;
}

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
  /** Proxies whose X-Forwarded-For names the client (none: the connection's address is the client). */
  readonly trustedProxies: readonly ProxyRange[];
  /** The language the command line prints its messages in. */
  readonly lang: Lang;
  /** The accessibility statement's contact for problems, and the day of the last automated check. */
  readonly accessibility: { readonly contact: string; readonly checked: string | undefined };
}

/** The bare address of `Name <address>` (or the text itself). */
function addressOf(from: string): string {
  return /<([^>]+)>/.exec(from)?.[1] ?? from;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // With the input on the issue, zod's locales can say what was received ("received NaN").
  const parsed = envSchema.safeParse(env, { reportInput: true });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw configError(issue ? issueMessage(issue) : msg('common.invalid_input'));
  }
  const e = parsed.data;
  return {
    db: e.KOMMUNEPULS_DB,
    port: e.PORT,
    host: e.HOST,
    baseUrl: (e.KOMMUNEPULS_BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    smtpUrl: e.SMTP_URL,
    mailFrom: e.KOMMUNEPULS_MAIL_FROM ?? 'Kommunepuls <kommunepuls@localhost>',
    accessibility: {
      contact: e.KOMMUNEPULS_A11Y_CONTACT ?? addressOf(e.KOMMUNEPULS_MAIL_FROM ?? 'kommunepuls@localhost'),
      checked: e.KOMMUNEPULS_A11Y_CHECKED,
    },
    smtpRate: e.KOMMUNEPULS_SMTP_RATE,
    smtpConnections: e.KOMMUNEPULS_SMTP_CONNECTIONS,
    outreachPollMs: Math.round(e.KOMMUNEPULS_OUTREACH_POLL_SECONDS * 1000),
    outboxLeaseMs: Math.round(e.KOMMUNEPULS_OUTBOX_LEASE_SECONDS * 1000),
    referenceDir: e.KOMMUNEPULS_REFERENCE_DIR ?? path.resolve('..', 'shared', 'reference'),
    clockStart: e.KOMMUNEPULS_CLOCK ? new Date(e.KOMMUNEPULS_CLOCK) : undefined,
    secureCookies: e.KOMMUNEPULS_SECURE_COOKIES === 'true' || e.KOMMUNEPULS_SECURE_COOKIES === '1',
    chromium: e.KOMMUNEPULS_CHROMIUM,
    trustedProxies: parseTrustedProxies(e.KOMMUNEPULS_TRUSTED_PROXIES),
    lang: e.KOMMUNEPULS_LANG,
  };
}

/**
 * The language of the command line's messages, read on its own: an error in another setting is
 * then still worded in the language asked for, and a bad KOMMUNEPULS_LANG gives English.
 */
export function configuredLang(env: NodeJS.ProcessEnv = process.env): Lang {
  const r = langSchema.safeParse(env.KOMMUNEPULS_LANG);
  return r.success ? r.data : 'en';
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
