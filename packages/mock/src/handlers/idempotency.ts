// Idempotency-Key on every write (product-spec.md). A key is scoped to the route and to who asks — the
// session for visitor routes, the creator for creator routes — and the pipeline checks who asks before it
// looks for a replay, so a replay is only ever given to a caller that passes the route's check now.
// The stored answer is found by a hash of the scoped key; a verify's Set-Cookie is kept encrypted with a
// key stream derived from the raw key, so the data file alone holds no usable session cookie.
import type { IdempotencyRecord } from '../records.js';
import type { MockStore } from '../store.js';
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

/** XORs `data` with SHA-256(`seal|scoped|i`) blocks: the same call seals and unseals. */
async function keystreamXor(store: MockStore, scoped: string, data: Uint8Array): Promise<Uint8Array> {
  const out = new Uint8Array(data.length);
  for (let block = 0; block * 32 < data.length; block++) {
    const pad = hexToBytes(await store.digest(`seal|${scoped}|${block}`));
    for (let i = 0; i < 32 && block * 32 + i < data.length; i++) out[block * 32 + i] = data[block * 32 + i]! ^ pad[i]!;
  }
  return out;
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
    const plain = await keystreamXor(store, write.scoped, hexToBytes(stored.sealedCookie));
    headers['set-cookie'] = new TextDecoder().decode(plain);
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
  const sealedCookie = cookie
    ? bytesToHex(await keystreamXor(store, write.scoped, new TextEncoder().encode(cookie)))
    : undefined;
  store.rememberResponse({
    keyHash: write.keyHash,
    fingerprint: write.fingerprint,
    status: response.status,
    body,
    contentType: response.headers.get('content-type') ?? JSON_TYPE,
    ...(sealedCookie ? { sealedCookie } : {}),
  });
}
