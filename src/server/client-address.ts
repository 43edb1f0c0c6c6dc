/**
 * The one answer to "which address is this request from?", used by every rate limit. Behind the
 * TLS proxy the README prescribes, every connection comes from the proxy, so the socket address
 * alone would put all respondents under one key and let one person lock everyone out. The proxy
 * names the client in X-Forwarded-For, but any client can send that header too, so it is read
 * only when the connection comes from a proxy listed in KOMMUNEPULS_TRUSTED_PROXIES, and then
 * from the right: each proxy appends the address it saw, so the rightmost entry that is not one
 * of our proxies is the client as seen by the first proxy we trust; entries to the left of it
 * were written by the client and are ignored.
 */
import { BlockList, isIP } from 'node:net';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { ProxyRange } from '../config/config.ts';

/** Tells whether an address belongs to a trusted proxy. */
export interface ProxyTrust {
  trusts(address: string): boolean;
}

/** `::ffff:10.0.0.1` (IPv4 on an IPv6 socket) and `10.0.0.1` are the same client. */
function plain(address: string): string {
  const lower = address.toLowerCase();
  return lower.startsWith('::ffff:') && isIP(lower.slice(7)) === 4 ? lower.slice(7) : lower;
}

export function proxyTrust(ranges: readonly ProxyRange[]): ProxyTrust {
  const list = new BlockList();
  for (const r of ranges) list.addSubnet(r.address, r.prefix, r.family);
  return {
    trusts(address) {
      const a = plain(address);
      const version = isIP(a);
      return ranges.length > 0 && version !== 0 && list.check(a, version === 4 ? 'ipv4' : 'ipv6');
    },
  };
}

/** An X-Forwarded-For entry as an address: `1.2.3.4`, `1.2.3.4:5678`, `[::1]:5678` or `::1`; else null. */
function forwardedAddress(entry: string): string | null {
  let a = entry.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(a);
  if (bracketed) a = bracketed[1] as string;
  else if (/^[\d.]+:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(':'));
  return isIP(a) === 0 ? null : plain(a);
}

function socketAddress(c: Context): string | null {
  try {
    const a = getConnInfo(c).remote.address;
    return a ? plain(a) : null;
  } catch {
    // Not served by @hono/node-server (e.g. app.request in tests): no socket to ask.
    return null;
  }
}

/**
 * The client's address: the socket's, unless the socket is a trusted proxy; then the rightmost
 * X-Forwarded-For entry that is not a trusted proxy (the leftmost when all are). An entry that
 * is not an address stops the walk and the proxy's own address is used, so a malformed header
 * cannot mint fresh rate-limit keys.
 */
export function clientAddress(c: Context, trust: ProxyTrust): string {
  const socket = socketAddress(c);
  if (socket === null) return 'unknown';
  if (!trust.trusts(socket)) return socket;
  const header = c.req.header('x-forwarded-for');
  if (!header) return socket;
  const hops = header.split(',');
  let client = socket;
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = forwardedAddress(hops[i] as string);
    if (hop === null) return client;
    client = hop;
    if (!trust.trusts(hop)) return hop;
  }
  return client;
}
