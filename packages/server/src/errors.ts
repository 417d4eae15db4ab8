import { fixedResponse } from './fixed-body.js';

/**
 * An error body as the platform sends it: `{ error, message, requestId }`.
 *
 * @example
 * ```ts
 * const body = (await response.json()) as ErrorEnvelope; // { error: 'not_found', message: '…', requestId: 'req_…' }
 * ```
 */
export interface ErrorEnvelope {
  error: string;
  message: string;
  requestId: string;
}

const ID_ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/**
 * A request ID of the server's own: `req_` and 20 random characters (Web Crypto), for the answers
 * it makes itself (404 outside the forwarded routes, 413, 503 when the API fails).
 *
 * @example
 * ```ts
 * newRequestId(); // 'req_k3x0…'
 * ```
 */
export function newRequestId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(20));
  let id = 'req_';
  for (const byte of bytes) id += ID_ALPHABET[byte % ID_ALPHABET.length];
  return id;
}

/** The headers every answer that depends on the visitor's cookie carries. */
export const PRIVATE_HEADERS: Readonly<Record<string, string>> = {
  'cache-control': 'private, no-store',
  vary: 'Cookie',
};

/**
 * An error answer with the platform's envelope, the request ID in `x-request-id`, and never cached.
 *
 * @example
 * ```ts
 * errorResponse(404, 'not_found', 'No such route.');
 * ```
 */
export function errorResponse(
  status: number,
  error: string,
  message: string,
  options: { requestId?: string; headers?: Record<string, string> } = {},
): Response {
  const requestId = options.requestId ?? newRequestId();
  const body: ErrorEnvelope = { error, message, requestId };
  return fixedResponse(JSON.stringify(body), {
    status,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'x-request-id': requestId,
      ...PRIVATE_HEADERS,
      ...options.headers,
    },
  });
}

/** The answer when the platform API is unreachable, failing, or too slow (fail closed). */
export function unavailable(retryAfterSeconds = 5): Response {
  return errorResponse(
    503,
    'service_unavailable',
    'The access service is not answering right now. Try again in a few seconds.',
    { headers: { 'retry-after': String(retryAfterSeconds) } },
  );
}

/** Whether a request ID looks like one (so a forged header cannot smuggle anything into logs). */
export function isRequestId(value: string | null): value is string {
  return value !== null && /^[A-Za-z0-9_.:-]{1,128}$/.test(value);
}
