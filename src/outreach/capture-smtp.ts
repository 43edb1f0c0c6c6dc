/**
 * A loopback SMTP server that keeps what it receives, for the demo, the tests and the bench.
 *
 * It speaks real SMTP (smtp-server), so the outbox worker runs the same code path as against a
 * production relay. No authentication, no TLS, 127.0.0.1 only. A message counts as received once
 * it is stored here, and only then does the client get its 250, as a real server commits the
 * message before it answers. Hooks let a test reject recipients (5xx), or hold a message without
 * ever answering (to kill the sender in the middle of a send).
 */
import { simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerError } from 'smtp-server';

export interface CapturedMessage {
  /** The Message-ID header, with its angle brackets (`<outbox-12@kommunepuls>`). */
  readonly messageId: string;
  /** Addresses of the To header. */
  readonly to: readonly string[];
  /** RCPT TO addresses of the envelope. */
  readonly envelopeTo: readonly string[];
  readonly from: string;
  readonly subject: string;
  readonly text: string;
  readonly receivedAt: Date;
}

/** What the onData hook decides for a message whose data has arrived. */
export type DataDecision =
  | undefined
  | 'accept'
  /** Never answer: the client waits until its timeout or until it dies. The message is not kept. */
  | 'hold'
  | { readonly reject: number; readonly message: string };

export interface DataInfo {
  /** Messages kept so far (before this one). */
  readonly received: number;
  readonly envelopeTo: readonly string[];
  readonly raw: Buffer;
}

export interface CaptureSmtpOptions {
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  readonly host?: string;
  /** Return a reply text to refuse a recipient at RCPT TO with 550 (a permanent rejection). */
  readonly rejectRecipient?: (address: string) => string | undefined;
  /** Called when a message's data has arrived, before it is kept and answered. */
  readonly onData?: (info: DataInfo) => DataDecision | Promise<DataDecision>;
  /** Called after a message has been kept (e.g. to print it). */
  readonly onMessage?: (message: CapturedMessage) => void;
  /**
   * `full` (the default) parses each message with mailparser. `headers` only reads the header
   * block (Message-ID, To, From and the subject as sent, MIME words not decoded; no text): cheap
   * enough that a benchmark measures the sender rather than this server.
   */
  readonly parse?: 'full' | 'headers';
}

export interface CaptureSmtp {
  readonly port: number;
  /** `smtp://127.0.0.1:PORT` for SMTP_URL. */
  readonly url: string;
  /** The messages kept so far, in the order they arrived. */
  messages(): readonly CapturedMessage[];
  clear(): void;
  /** Resolves once `count` messages are kept, or rejects after `timeoutMs`. */
  waitFor(count: number, timeoutMs?: number): Promise<readonly CapturedMessage[]>;
  close(): Promise<void>;
}

function smtpError(code: number, message: string): SMTPServerError {
  const err: SMTPServerError = new Error(message);
  err.responseCode = code;
  return err;
}

function addresses(value: unknown): string[] {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  return list.flatMap((a: { value?: { address?: string }[] }) => (a.value ?? []).map((v) => v.address ?? '')).filter((a) => a !== '');
}

async function parseFull(raw: Buffer, envelopeTo: string[]): Promise<CapturedMessage> {
  const parsed = await simpleParser(raw);
  return {
    messageId: parsed.messageId ?? '',
    to: addresses(parsed.to),
    envelopeTo,
    from: addresses(parsed.from)[0] ?? '',
    subject: parsed.subject ?? '',
    text: parsed.text ?? '',
    receivedAt: new Date(),
  };
}

function fromHeaders(raw: Buffer, envelopeTo: string[]): CapturedMessage {
  const end = raw.indexOf('\r\n\r\n');
  const head = raw
    .subarray(0, end < 0 ? raw.length : end)
    .toString('utf8')
    .replace(/\r\n[ \t]+/g, ' ');
  const header = (name: string) => new RegExp(`^${name}:[ \t]*(.*)$`, 'im').exec(head)?.[1]?.trim() ?? '';
  const mailbox = (v: string) => [...v.matchAll(/<([^>]+)>|([^\s,<>]+@[^\s,<>]+)/g)].map((m) => m[1] ?? m[2] ?? '');
  return {
    messageId: header('message-id'),
    to: mailbox(header('to')),
    envelopeTo,
    from: mailbox(header('from'))[0] ?? '',
    subject: header('subject'),
    text: '',
    receivedAt: new Date(),
  };
}

export async function startCaptureSmtp(options: CaptureSmtpOptions = {}): Promise<CaptureSmtp> {
  const kept: CapturedMessage[] = [];
  const waiters = new Set<() => void>();
  const host = options.host ?? '127.0.0.1';

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    banner: 'Kommunepuls capture server',
    // A held message must not keep the test's connections alive after the sender is gone.
    socketTimeout: 60_000,
    onRcptTo(address, _session, callback) {
      const reason = options.rejectRecipient?.(address.address);
      callback(reason === undefined ? null : smtpError(550, reason));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        void (async () => {
          const raw = Buffer.concat(chunks);
          const envelopeTo = session.envelope.rcptTo.map((r) => r.address);
          const decision = await options.onData?.({ received: kept.length, envelopeTo, raw });
          if (decision === 'hold') return;
          if (typeof decision === 'object') return callback(smtpError(decision.reject, decision.message));
          const message = options.parse === 'headers' ? fromHeaders(raw, envelopeTo) : await parseFull(raw, envelopeTo);
          kept.push(message);
          options.onMessage?.(message);
          for (const w of waiters) w();
          callback(null, 'OK: kept');
        })().catch((e: unknown) => callback(smtpError(451, `capture failed: ${(e as Error).message}`)));
      });
    },
  });
  server.on('error', () => undefined);

  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const address = server.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;

  return {
    port,
    url: `smtp://${host}:${port}`,
    messages: () => kept.slice(),
    clear: () => {
      kept.length = 0;
    },
    waitFor(count, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (kept.length < count) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(kept.slice());
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`capture SMTP: ${kept.length} of ${count} messages after ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        // Connections the test left hanging (held messages) are dropped, not waited for.
        for (const c of server.connections) c.close();
        server.close(() => resolve());
      }),
  };
}
