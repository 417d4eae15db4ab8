// Which clients and origins count as "this machine".

/**
 * Whether an IP address is a loopback address (exempt from per-IP throttles; allowed on the development API).
 * An unknown address (a client that reset its connection before it was read) is not: it could be anyone.
 */
export function isLoopback(ip: string | undefined): boolean {
  if (!ip) return false;
  return ip === '::1' || ip.startsWith('127.') || ip.startsWith('::ffff:127.') || ip === 'localhost';
}

/** `http://localhost:*`, `http://127.0.0.1:*` and `http://[::1]:*`: the origins of pages on this machine. */
export function isLocalOrigin(origin: string): boolean {
  return /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/.test(origin);
}

/** Whether a host name or address to bind to is loopback only. */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/**
 * Whether a request's `Host` header names this machine (`localhost`, `127.0.0.1`, `[::1]`, any port) or the
 * mock's configured public host. The development API refuses any other: a page on a host name that
 * resolves to 127.0.0.1 (DNS rebinding) reaches the mock's port, but carries its own name in `Host`.
 *
 * @example
 * ```ts
 * isDevHost('localhost:4010', 'http://localhost:4010'); // true
 * isDevHost('rebind.attacker.example:4010', 'http://localhost:4010'); // false
 * ```
 */
export function isDevHost(host: string | null | undefined, publicUrl: string): boolean {
  if (!host) return false;
  const h = host.toLowerCase();
  if (/^(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/.test(h)) return true;
  try {
    // The public URL's host only (its path, if it has one, does not matter here).
    return new URL(publicUrl).host.toLowerCase() === h;
  } catch {
    return false;
  }
}
