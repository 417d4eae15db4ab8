// Idempotency-Key on every write (product-spec.md). A key is scoped to the route and to who asks — the
// session for visitor routes, the creator for creator routes — and the pipeline checks who asks before it
// looks for a replay, so a replay is only ever given to a caller that passes the route's check now.
// The stored answer is found by a hash of the scoped key; a verify's Set-Cookie is kept sealed with
// AES-GCM (Web Crypto) under a key derived by HKDF from the raw scoped key, which is never stored: the data
// file alone holds no usable session cookie, and a changed sealed value fails to open rather than decrypt
// to something else.
import type { IdempotencyRecord } from '../records.js';
import type { MockStore } from '../store/index.js';
import { error, JSON_TYPE, responseText, responseWithCookies, type Answering } from './respond.js';

/** The request's `Idempotency-Key`: absent, valid, or the 400 answer for a malformed one. */
export function idempotencyKey(ctx: Answering, request: Request): string | undefined | Response {
  const key = request.headers.get('idempotency-key');
  if (key === null) return undefined;
  if (/^[\x21-\x7e]{1,255}$/.test(key)) return key;
  return error(ctx, 'invalid_request', 'Idempotency-Key must be 1 to 255 printable ASCII characters.', {
    details: [{ path: 'Idempotency-Key', message: 'Expected 1 to 255 printable ASCII characters' }],
  });
}

/**
 * What "the same body" means between repeats: the JSON value, not its spelling. Re-serialised with
 * sorted keys, so spacing and key order do not turn a retry into `idempotency_key_reused`. A body that
 * is not JSON is compared as sent.
 */
export function fingerprintOf(text: string): string {
  if (text.trim() === '') return '';
  try {
    return JSON.stringify(JSON.parse(text), (_key, value: unknown) =>
      value && typeof value === 'object' && !Array.isArray(value)
        ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
        : value,
    );
  } catch {
    return text;
  }
}

const hexToBytes = (hex: string) => Uint8Array.from(hex.match(/../g) ?? [], (h) => parseInt(h, 16));
const bytesToHex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/** How a sealed cookie starts: AES-256-GCM, then the 12-byte IV and the ciphertext with its tag, in hex. */
const SEALED = 'gcm1:';
const encoder = new TextEncoder();

/** The AES-GCM key of one scoped Idempotency-Key: HKDF-SHA-256 over the raw key (which is never stored). */
async function sealKey(scoped: string): Promise<CryptoKey> {
  const ikm = await crypto.subtle.importKey('raw', encoder.encode(scoped), 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    {
      name: 'HKDF',
      hash: 'SHA-256',
      salt: encoder.encode('visitor-access-mock/idempotency'),
      info: encoder.encode('replayed session cookie'),
    },
    ikm,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** Seals a Set-Cookie value for the idempotency record. */
export async function sealCookie(scoped: string, cookie: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const sealed = new Uint8Array(
    await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, await sealKey(scoped), encoder.encode(cookie)),
  );
  return SEALED + bytesToHex(iv) + bytesToHex(sealed);
}

/**
 * Opens a sealed Set-Cookie value; undefined when it does not open (another key, a changed record, or a
 * record sealed by an earlier version of the mock, which kept it differently).
 */
export async function openCookie(scoped: string, sealed: string): Promise<string | undefined> {
  if (!sealed.startsWith(SEALED) || !/^[0-9a-f]+$/.test(sealed.slice(SEALED.length))) return undefined;
  const bytes = hexToBytes(sealed.slice(SEALED.length));
  if (bytes.length < 12 + 16) return undefined;
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: bytes.subarray(0, 12) },
      await sealKey(scoped),
      bytes.subarray(12),
    );
    return new TextDecoder().decode(plain);
  } catch {
    return undefined;
  }
}

/** One write's idempotency: its scoped key and hash, and the body's fingerprint. */
export interface KeyedWrite {
  scoped: string;
  keyHash: string;
  fingerprint: string;
}

export async function keyedWrite(
  store: MockStore,
  routeId: string,
  scope: string,
  key: string,
  text: string,
): Promise<KeyedWrite> {
  const scoped = `${routeId}|${scope}|${key}`;
  return { scoped, keyHash: await store.digest(`idempotency|${scoped}`), fingerprint: fingerprintOf(text) };
}

/** The replay of a remembered answer, with `Idempotent-Replayed: true` (and its cookie set again). */
export async function replay(
  ctx: Answering,
  store: MockStore,
  write: KeyedWrite,
  stored: IdempotencyRecord,
): Promise<Response> {
  if (stored.fingerprint !== write.fingerprint) {
    return error(ctx, 'idempotency_key_reused', 'This Idempotency-Key was already used with a different request body.');
  }
  const headers: Record<string, string> = {
    'content-type': stored.contentType,
    'cache-control': 'no-store',
    'idempotent-replayed': 'true',
  };
  if (stored.sealedCookie) {
    const cookie = await openCookie(write.scoped, stored.sealedCookie);
    if (cookie !== undefined) headers['set-cookie'] = cookie;
  }
  const body = stored.status === 204 ? null : stored.body;
  const response = responseWithCookies(ctx, body, { status: stored.status, headers });
  if (body !== null) responseText.set(response, body);
  return response;
}

/** Remembers a successful answer under its key (in the unit of work of the write itself). */
export async function remember(store: MockStore, write: KeyedWrite, response: Response): Promise<void> {
  const body = responseText.get(response) ?? (await response.clone().text());
  const cookie = response.headers.get('set-cookie');
  const sealedCookie = cookie ? await sealCookie(write.scoped, cookie) : undefined;
  store.rememberResponse({
    keyHash: write.keyHash,
    fingerprint: write.fingerprint,
    status: response.status,
    body,
    contentType: response.headers.get('content-type') ?? JSON_TYPE,
    ...(sealedCookie ? { sealedCookie } : {}),
  });
}
