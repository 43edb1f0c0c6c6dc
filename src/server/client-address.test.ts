import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Hono } from 'hono';
import { loadConfig, parseTrustedProxies } from '../config/config.ts';
import { clientAddress, proxyTrust } from './client-address.ts';

/** What the app takes as the client's address for a connection from `socket` with these headers. */
async function seen(trusted: string | undefined, socket: string | null, forwardedFor: string | string[] = []): Promise<string> {
  const trust = proxyTrust(parseTrustedProxies(trusted));
  const app = new Hono();
  app.get('/', (c) => c.text(clientAddress(c, trust)));
  const headers = new Headers();
  for (const h of typeof forwardedFor === 'string' ? [forwardedFor] : forwardedFor) headers.append('x-forwarded-for', h);
  // @hono/node-server hands the socket to the app as env.incoming.socket.
  const env = socket === null ? undefined : { incoming: { socket: { remoteAddress: socket } } };
  return (await app.request('/', { headers }, env)).text();
}

describe('client address', () => {
  it('is the socket address, and ignores X-Forwarded-For when no proxy is trusted', async () => {
    assert.equal(await seen(undefined, '203.0.113.7'), '203.0.113.7');
    assert.equal(await seen(undefined, '127.0.0.1', '198.51.100.1'), '127.0.0.1');
  });

  it('ignores X-Forwarded-For from a connection that is not a trusted proxy', async () => {
    assert.equal(await seen('loopback', '203.0.113.7', '198.51.100.1'), '203.0.113.7');
  });

  it('takes the rightmost untrusted X-Forwarded-For entry behind a trusted proxy, not what the client wrote on the left', async () => {
    assert.equal(await seen('loopback', '127.0.0.1', '198.51.100.1'), '198.51.100.1');
    assert.equal(await seen('loopback', '127.0.0.1', '6.6.6.6, 198.51.100.1'), '198.51.100.1', 'a forged entry on the left');
    assert.equal(await seen('loopback,10.0.0.0/8', '::ffff:127.0.0.1', '6.6.6.6, 198.51.100.1, 10.1.2.3'), '198.51.100.1');
  });

  it('reads several X-Forwarded-For headers as one list and accepts ports and IPv6', async () => {
    assert.equal(await seen('loopback', '127.0.0.1', ['6.6.6.6', '198.51.100.1']), '198.51.100.1');
    assert.equal(await seen('10.0.0.5', '10.0.0.5', '[2001:db8::1]:4711'), '2001:db8::1');
    assert.equal(await seen('10.0.0.5', '10.0.0.5', '198.51.100.1:4711'), '198.51.100.1');
    assert.equal(await seen('fd00::/8', 'fd00::1', '2001:DB8::2'), '2001:db8::2');
  });

  it('falls back to the proxy when the header is missing or malformed, so a client cannot mint new keys', async () => {
    assert.equal(await seen('loopback', '127.0.0.1'), '127.0.0.1');
    assert.equal(await seen('loopback', '127.0.0.1', 'random-junk-1'), '127.0.0.1');
    assert.equal(await seen('loopback', '127.0.0.1', '198.51.100.1, junk'), '127.0.0.1');
  });

  it('takes the leftmost entry when every hop is a trusted proxy', async () => {
    assert.equal(await seen('10.0.0.0/8', '10.0.0.1', '10.0.0.3, 10.0.0.2'), '10.0.0.3');
  });

  it('is "unknown" without a socket (in-process requests)', async () => {
    assert.equal(await seen('loopback', null, '198.51.100.1'), 'unknown');
  });
});

describe('trusted proxies setting', () => {
  it('is empty by default and reads addresses, CIDR ranges and "loopback"', () => {
    assert.deepEqual(loadConfig({}).trustedProxies, []);
    assert.deepEqual(loadConfig({ KOMMUNEPULS_TRUSTED_PROXIES: ' 10.0.0.5, fd00::/8 ,loopback' }).trustedProxies, [
      { address: '10.0.0.5', prefix: 32, family: 'ipv4' },
      { address: 'fd00::', prefix: 8, family: 'ipv6' },
      { address: '127.0.0.0', prefix: 8, family: 'ipv4' },
      { address: '::1', prefix: 128, family: 'ipv6' },
    ]);
  });

  it('refuses entries that are not addresses or ranges', () => {
    for (const bad of ['proxy.example.no', '10.0.0.0/33', '10.0.0.1/8/2', 'fd00::/129', '10.0.0.0/x'])
      assert.throws(() => loadConfig({ KOMMUNEPULS_TRUSTED_PROXIES: bad }), /KOMMUNEPULS_TRUSTED_PROXIES/, bad);
  });
});
