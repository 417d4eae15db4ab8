import { SESSION_COOKIE } from '@visitor-access/contract';
import { sessionCookie } from './cookies.js';
import { isRequestId } from './errors.js';
import type { ResolvedOptions } from './options.js';

/**
 * What the server knows of the connection, which a `Request` does not carry.
 *
 * @example
 * ```ts
 * Deno.serve((request, info) => va.fetch(request, { clientAddress: info.remoteAddr.hostname }));
 * ```
 */
export interface ConnectionInfo {
  /** The visitor's IP address, appended to `X-Forwarded-For` so the API's per-IP limits see visitors. */
  clientAddress?: string;
}

/** Headers passed up as the visitor sent them (everything else is dropped). */
const PASSED_UP = ['content-type', 'accept', 'accept-language', 'idempotency-key', 'user-agent'] as const;

function forwardedFor(request: Request, info: ConnectionInfo | undefined): string | undefined {
  const previous = request.headers.get('x-forwarded-for')?.trim();
  const address = info?.clientAddress?.trim();
  if (!address) return previous || undefined;
  return previous ? `${previous}, ${address}` : address;
}

/**
 * The headers of a request to the API on behalf of a visitor (lower-case names): the listed ones, the
 * site's own `Origin`, `X-Forwarded-For` with the visitor's address appended, the request ID when it
 * looks like one, and of the cookies only the session cookie.
 */
export function upstreamHeaders(
  options: ResolvedOptions,
  request: Request,
  info?: ConnectionInfo,
): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of PASSED_UP) {
    const value = request.headers.get(name);
    if (value !== null) headers[name] = value;
  }
  headers.origin = options.siteOrigin;
  const xff = forwardedFor(request, info);
  if (xff) headers['x-forwarded-for'] = xff;
  const requestId = request.headers.get('x-request-id');
  if (isRequestId(requestId)) headers['x-request-id'] = requestId;
  const session = sessionCookie(request.headers.get('cookie'));
  if (session !== undefined) headers.cookie = `${SESSION_COOKIE}=${session}`;
  return headers;
}

/** What the server reads of the API's answer headers: a `Headers` is one; a transport may pass less. */
export interface UpstreamHeaders {
  get(name: string): string | null;
  getSetCookie?(): string[];
}

/** The API answered: status, headers and the whole body (read within the timeout). */
export interface UpstreamAnswer {
  status: number;
  headers: UpstreamHeaders;
  body: Uint8Array<ArrayBuffer> | ArrayBuffer;
}

/** One call to the API as the server makes it: the URL, and the request's method, headers and body. */
export interface UpstreamRequest {
  method: string;
  /** Lower-case names. */
  headers: Record<string, string>;
  body?: Uint8Array<ArrayBuffer> | string | undefined;
  /** The whole call (headers and body) must finish within this; past it the call is abandoned. */
  timeoutMs: number;
}

/**
 * The key under which a `fetch` passed as the `fetch` option may also offer the server's call
 * directly, as `(url, request) => Promise<UpstreamAnswer | undefined>` (`undefined`: no answer in
 * time, or the API unreachable), without building a `Response` on the way. The Node adapter's
 * `nodeFetch()` does; any other `fetch` is called as a `fetch`. (`Symbol.for`: the same key across
 * copies of the package.)
 */
export const UPSTREAM_CALL: unique symbol = Symbol.for('@visitor-access/server.upstreamCall') as never;

/** A transport's direct form of the server's call (see {@link UPSTREAM_CALL}). */
export type UpstreamCall = (url: string, request: UpstreamRequest) => Promise<UpstreamAnswer | undefined>;

/**
 * One request to the API with the timeout covering headers and body. `undefined` when the API did
 * not answer in time or could not be reached — the caller answers 503.
 */
export async function callUpstream(
  options: ResolvedOptions,
  url: string,
  init: { method: string; headers: Record<string, string>; body?: Uint8Array<ArrayBuffer> | string | undefined },
): Promise<UpstreamAnswer | undefined> {
  if (options.upstreamCall !== undefined) {
    try {
      return await options.upstreamCall(url, { ...init, timeoutMs: options.timeoutMs });
    } catch {
      return undefined;
    }
  }
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs);
  try {
    const response = await options.fetch(url, {
      method: init.method,
      headers: init.headers,
      body: init.body ?? null,
      redirect: 'manual',
      signal: controller.signal,
    });
    const body = await response.arrayBuffer();
    return { status: response.status, headers: response.headers, body };
  } catch {
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}
