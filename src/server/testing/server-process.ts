/**
 * Test helper: runs `kommunepuls serve` as a real process on a free port, so browser tests talk
 * to the server a respondent would, and can stop it, kill it with SIGKILL, and start it again on
 * the same database and port (open pages keep working after a restart). The server's clock
 * starts at `clock` and keeps running across restarts, as a real clock would.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

const bin = path.resolve(import.meta.dirname, '../../../bin/kommunepuls.mjs');

export interface ServerOptions {
  /** KOMMUNEPULS_DB: a SQLite file or a postgres:// URL (with `?schema=`). */
  readonly db: string;
  /** The instant the server's clock starts at (ISO 8601), e.g. inside the round's window. */
  readonly clock?: string;
  /** More environment for the server, e.g. SMTP_URL or KOMMUNEPULS_OUTREACH_POLL_SECONDS. */
  readonly env?: Readonly<Record<string, string>>;
}

export interface ServerProcess {
  /** `http://127.0.0.1:PORT`, the same across restarts. */
  readonly url: string;
  /** Stops the server with SIGTERM and waits until it has exited. */
  stop(): Promise<void>;
  /** Kills the server with SIGKILL (no clean-up in the server) and waits until it is gone. */
  kill(): Promise<void>;
  /** Starts it again on the same database and port. */
  start(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

// A failed test must not leave servers behind.
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const c of running) c.kill('SIGKILL');
});

const exited = (child: ChildProcess): Promise<void> =>
  child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', () => resolve()));

async function waitForHealth(url: string, child: ChildProcess, output: () => string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the server exited (${child.exitCode ?? child.signalCode}) before answering /health:\n${output()}`);
    }
    try {
      const res = await fetch(`${url}/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill('SIGKILL');
  throw new Error(`the server did not answer /health within ${timeoutMs} ms:\n${output()}`);
}

export async function startServer(options: ServerOptions): Promise<ServerProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // The clock keeps running across restarts: each start continues from where the first began.
  const clockStart = options.clock ? new Date(options.clock).getTime() : undefined;
  const startedAt = Date.now();
  let child: ChildProcess | undefined;

  async function start(): Promise<void> {
    if (child && child.exitCode === null && child.signalCode === null) throw new Error('the server is running already');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...options.env,
      KOMMUNEPULS_DB: options.db,
      PORT: String(port),
      HOST: '127.0.0.1',
    };
    delete env.KOMMUNEPULS_CLOCK;
    if (clockStart !== undefined) env.KOMMUNEPULS_CLOCK = new Date(clockStart + (Date.now() - startedAt)).toISOString();
    let output = '';
    const c = spawn(process.execPath, [bin, 'serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    c.stdout?.on('data', (d: Buffer) => {
      output += d.toString();
    });
    c.stderr?.on('data', (d: Buffer) => {
      output += d.toString();
    });
    child = c;
    running.add(c);
    c.once('exit', () => running.delete(c));
    await waitForHealth(url, c, () => output);
  }

  async function signal(sig: NodeJS.Signals): Promise<void> {
    const c = child;
    if (!c) return;
    const gone = exited(c);
    c.kill(sig);
    // A server that does not stop within 10 s is killed, so a test never hangs on it.
    const timer = setTimeout(() => c.kill('SIGKILL'), 10_000);
    await gone;
    clearTimeout(timer);
  }

  await start();
  return { url, start, stop: () => signal('SIGTERM'), kill: () => signal('SIGKILL') };
}
