/**
 * The body limits against a real HTTP server (@hono/node-server on a free loopback port): a
 * chunked body far over the limit, with no Content-Length, must be answered 413 without the
 * server holding it in memory, and a client that hangs up mid-body is one log line, not a stack.
 */
import assert from 'node:assert/strict';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import { mock } from 'node:test';
import { serve } from '@hono/node-server';
import { ensureLinks } from '../collect/link.service.ts';
import { loadConfig } from '../config/config.ts';
import { importRegistry } from '../registry/registry.service.ts';
import { miniRegistryCsv, writeMiniTemplate } from '../round/fixtures.ts';
import { createRound } from '../round/round.service.ts';
import type { Store } from '../store/store.ts';
import { describeStores } from '../store/testing.ts';
import { logIn } from './admin/testing.ts';
import { createApp } from './app.ts';

const template = writeMiniTemplate();
const cfg = loadConfig({ KOMMUNEPULS_CLOCK: '2020-01-15T10:00:00Z' });
const MB = 1024 * 1024;

async function listen(store: Store) {
  const app = createApp(store, cfg);
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await once(server, 'listening');
  return { app, port: (server.address() as AddressInfo).port, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/**
 * Posts `size` bytes with Transfer-Encoding: chunked over a raw socket, stopping as soon as the
 * server answers or hangs up, and returns what it answered. Memory is sampled meanwhile.
 */
async function postChunked(port: number, path: string, size: number, headers: Record<string, string> = {}) {
  const socket = net.connect(port, '127.0.0.1');
  await once(socket, 'connect');
  let answer = '';
  let closed = false;
  socket.on('data', (d) => {
    answer += d.toString('utf8');
  });
  socket.on('error', () => undefined);
  const ended = new Promise<void>((resolve) =>
    socket.once('close', () => {
      closed = true;
      resolve();
    }),
  );
  const extra = Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('');
  socket.write(
    `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n${extra}\r\n`,
  );
  const piece = Buffer.alloc(256 * 1024, 'x');
  const chunk = Buffer.concat([Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from('\r\n')]);
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 2);
  let sent = 0;
  while (sent < size && !closed && answer === '') {
    sent += piece.length;
    if (!socket.write(chunk)) {
      // The server stops reading once over the limit, so the wait may end in a closed socket.
      await Promise.race([once(socket, 'drain').catch(() => undefined), ended, new Promise((r) => setTimeout(r, 50))]);
    }
  }
  if (!closed && answer === '') socket.write('0\r\n\r\n');
  await Promise.race([ended, new Promise((r) => setTimeout(r, 5_000))]);
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  socket.destroy();
  return { status: Number(answer.slice(9, 12)), answer, sent, grewBy: peak - before };
}

describeStores('request body limits on a real server', (test) => {
  test('answers a 100 MB chunked login post with 413 after reading a little of it, without buffering it', async (store) => {
    const server = await listen(store);
    try {
      const res = await postChunked(server.port, '/logg-inn', 100 * MB);
      assert.equal(res.status, 413, res.answer.slice(0, 200));
      assert.match(res.answer, /Forespørselen er for stor: høyst 16 kB er tillatt her/);
      assert.match(res.answer, /\r\nconnection: close\r\n/i);
      assert.ok(res.grewBy < 40 * MB, `memory grew by ${Math.round(res.grewBy / MB)} MB`);
    } finally {
      await server.close();
    }
  });

  test('answers a 100 MB chunked upload with 413 while holding at most the 20 MB upload limit', async (store) => {
    const server = await listen(store);
    try {
      const session = await logIn(server.app, store);
      const res = await postChunked(server.port, '/registry/import', 100 * MB, { cookie: session.cookie });
      assert.equal(res.status, 413, res.answer.slice(0, 200));
      assert.match(res.answer, /høyst 20 MB er tillatt her/);
      assert.ok(res.grewBy < 75 * MB, `memory grew by ${Math.round(res.grewBy / MB)} MB`);
    } finally {
      await server.close();
    }
  });

  test('answers a respondent’s 50 MB chunked post with the respondent’s 413 page', async (store) => {
    await importRegistry(store, 2019, miniRegistryCsv, 'r.csv');
    await createRound(store, { year: 2019, template });
    const link = (await ensureLinks(store, 2019, 'kommunedirektor'))[0];
    assert.ok(link);
    const server = await listen(store);
    try {
      const res = await postChunked(server.port, `/s/${link.token}/side/om_deg`, 50 * MB);
      assert.equal(res.status, 413, res.answer.slice(0, 200));
      assert.match(res.answer, /<meta name="robots" content="noindex">/);
      assert.match(res.answer, /høyst 1 MB er tillatt\. Svarene på denne siden ble ikke lagret/);
      assert.ok(res.grewBy < 40 * MB, `memory grew by ${Math.round(res.grewBy / MB)} MB`);
    } finally {
      await server.close();
    }
  });

  test('logs a client that hangs up in the middle of its post as one line, without a stack or the link', async (store) => {
    await importRegistry(store, 2019, miniRegistryCsv, 'r.csv');
    await createRound(store, { year: 2019, template });
    const link = (await ensureLinks(store, 2019, 'kommunedirektor'))[0];
    assert.ok(link);
    const server = await listen(store);
    const warn = mock.method(console, 'warn', () => undefined);
    const error = mock.method(console, 'error', () => undefined);
    try {
      for (const path of ['/logg-inn', `/s/${link.token}/side/om_deg`]) {
        const socket = net.connect(server.port, '127.0.0.1');
        await once(socket, 'connect');
        socket.write(
          `POST ${path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n`,
        );
        socket.write('5\r\na=123\r\n');
        await new Promise((r) => setTimeout(r, 100));
        socket.destroy();
      }
      for (let i = 0; i < 100 && warn.mock.callCount() < 2; i++) await new Promise((r) => setTimeout(r, 20));
      assert.equal(error.mock.callCount(), 0, 'no error logged');
      const lines = warn.mock.calls.map((c) => String(c.arguments[0]));
      assert.deepEqual(lines, [
        'POST /logg-inn: the client closed the connection before the request was read',
        'POST /s/…/side/om_deg: the client closed the connection before the request was read',
      ]);
    } finally {
      warn.mock.restore();
      error.mock.restore();
      await server.close();
    }
  });
});
