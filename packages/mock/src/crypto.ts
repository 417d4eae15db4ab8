// Random identifiers, SHA-256 and constant-time comparison on Web Crypto, so the same store runs in
// a service worker, in Node tests and in the standalone server.

const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** `bytes` random bytes as base64url (no padding). */
export function randomToken(bytes: number): string {
  const buf = crypto.getRandomValues(new Uint8Array(bytes));
  let out = '';
  let acc = 0;
  let bits = 0;
  for (const b of buf) {
    acc = (acc << 8) | b;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out += B64URL[(acc >> bits) & 63];
    }
  }
  if (bits > 0) out += B64URL[(acc << (6 - bits)) & 63];
  return out;
}

/** A prefixed identifier with `length` random alphanumeric characters, e.g. `vis_4f…`. */
export function randomId(prefix: string, length = 16): string {
  const buf = crypto.getRandomValues(new Uint8Array(length));
  let out = prefix;
  // 62 * 4 = 248: rejecting bytes >= 248 keeps the characters uniform.
  for (let i = 0; i < length; i++) {
    let b = buf[i]!;
    while (b >= 248) b = crypto.getRandomValues(new Uint8Array(1))[0]!;
    out += ALNUM[b % 62];
  }
  return out;
}

let requestPrefix = '';
let requestCounter = 0;

/**
 * A request ID: `req_` + 20 characters, unique per process (a random prefix and a counter). Request IDs
 * need to be unique and unguessable enough to not collide across restarts, not secret.
 */
export function nextRequestId(): string {
  if (requestPrefix === '' || requestCounter >= 36 ** 8 - 1) {
    requestPrefix = randomId('', 12);
    requestCounter = 0;
  }
  return `req_${requestPrefix}${(requestCounter++).toString(36).padStart(8, '0')}`;
}

/** A uniformly random 6-digit code. */
export function randomCode(): string {
  const buf = new Uint32Array(1);
  let n: number;
  do {
    n = crypto.getRandomValues(buf)[0]!;
  } while (n >= 4_294_000_000); // multiple of 1e6: no modulo bias
  return String(n % 1_000_000).padStart(6, '0');
}

const encoder = new TextEncoder();

/** Hashes text to lower-case hex SHA-256; may answer synchronously (Node's `createHash`). */
export type Sha256 = (text: string) => string | Promise<string>;

/** Lower-case hex SHA-256 of a UTF-8 string, on Web Crypto (works everywhere, but asynchronously). */
export async function sha256Hex(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text)));
  let hex = '';
  for (const b of digest) hex += b.toString(16).padStart(2, '0');
  return hex;
}

/** Compares two byte arrays of equal length without an early exit. */
export type TimingSafeEqual = (a: Uint8Array, b: Uint8Array) => boolean;

/**
 * The portable fallback: XORs every byte. The Node entries (`./node`, `./server`) use
 * `crypto.timingSafeEqual` from `node:crypto` instead.
 */
export const portableTimingSafeEqual: TimingSafeEqual = (a, b) => {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
};

/** Compares two hex digests in constant time (for equal lengths) with the given primitive. */
export function equalDigests(a: string, b: string, equal: TimingSafeEqual): boolean {
  const ba = encoder.encode(a);
  const bb = encoder.encode(b);
  if (ba.length !== bb.length) return false;
  return equal(ba, bb);
}
