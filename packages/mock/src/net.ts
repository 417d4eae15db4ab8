// Which clients and origins count as "this machine".

/** Whether an IP address is a loopback address (exempt from per-IP throttles; allowed on the development API). */
export function isLoopback(ip: string | undefined): boolean {
  if (!ip) return true;
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
