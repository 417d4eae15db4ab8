// The standalone server's `--trust-proxy`: which address a request comes from when a proxy this mock was
// told to trust forwards it (Node only; the in-process entries have no sockets). See decision 0162.
import { isIP } from 'node:net';

/** An address as the socket reports it, with an IPv4-mapped IPv6 address (`::ffff:10.0.0.1`) as IPv4. */
function plainAddress(ip: string): string {
  return ip.toLowerCase().startsWith('::ffff:') && isIP(ip.slice(7)) === 4 ? ip.slice(7) : ip.toLowerCase();
}

/**
 * Checks `--trust-proxy` addresses: each must be an IP address (IPv4 or IPv6). Answers them normalised,
 * or throws naming the first that is not one.
 */
export function trustedProxies(addresses: readonly string[]): ReadonlySet<string> {
  for (const a of addresses) {
    if (isIP(a) === 0) throw new Error(`--trust-proxy must be an IP address such as 127.0.0.1 or ::1, not "${a}".`);
  }
  return new Set(addresses.map(plainAddress));
}

/**
 * The client's address: the socket's, unless the socket is a trusted proxy. From a trusted proxy it is the
 * nearest address in `X-Forwarded-For` that is not itself a trusted proxy, read from the right (each proxy
 * appends the address it was called from, so the entries to the left of the last untrusted one could have
 * been written by anyone). A trusted proxy's request without the header is the proxy's own; a malformed
 * entry makes the address `unknown` (throttled like any other, and not this machine).
 *
 * @example
 * ```ts
 * const trusted = trustedProxies(['127.0.0.1']);
 * clientAddress('127.0.0.1', '198.51.100.7, 203.0.113.9', trusted); // '203.0.113.9'
 * clientAddress('203.0.113.9', '127.0.0.1', trusted); // '203.0.113.9' (not a trusted proxy: ignored)
 * ```
 */
export function clientAddress(
  socketIp: string | undefined,
  forwardedFor: string | string[] | undefined,
  trusted: ReadonlySet<string>,
): string | undefined {
  if (socketIp === undefined || trusted.size === 0 || !trusted.has(plainAddress(socketIp))) return socketIp;
  if (forwardedFor === undefined) return socketIp;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor).split(',');
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i]!.trim();
    if (isIP(hop) === 0) return 'unknown';
    const address = plainAddress(hop);
    if (!trusted.has(address)) return address;
  }
  // Every hop is a trusted proxy: the leftmost is as far as the chain goes.
  return plainAddress(hops[0]!.trim());
}
