// The plumbing every handler shares: request IDs, the error envelope, body and parameter validation
// against the contract schemas, the session cookie, CORS, idempotency replays and the request log.
import { http, HttpResponse, type HttpHandler } from 'msw';
import type * as z from 'zod/mini';
import {
  ERROR_STATUS,
  SESSION_COOKIE,
  SESSION_TTL_SECONDS,
  type ErrorBody,
  type ErrorDetail,
} from '@visitor-access/contract';
import { nextRequestId } from '../crypto.js';
import type { MockStore, Result, StoreErrorCode, VisitorRecord } from '../store.js';

/** Options of {@link createHandlers}. */
export interface HandlerOptions {
  /** The state the handlers read and change. */
  store: MockStore;
  /**
   * The origin the API is served from, e.g. `http://localhost:4010`. Handlers then only match requests to
   * that origin; without it they match the API paths on any origin, and links in emails use the origin of
   * the request.
   */
  apiOrigin?: string;
  /** Send `SameSite=None; Secure` cookies, for pages embedded on another site. Default: `SameSite=Lax`. */
  crossSiteCookies?: boolean;
  /**
   * Leave `HttpOnly` off the session cookie. Only for the service worker: a worker cannot set cookies,
   * so MSW copies them into `document.cookie`, which refuses `HttpOnly` cookies.
   */
  scriptReadableCookie?: boolean;
  /** The client's IP address, for per-IP throttles (loopback and unknown addresses are exempt). */
  clientIp?: (request: Request) => string | undefined;
}

const MOCK_STATUS: Record<string, number> = {
  handle_not_found: 404,
  checkout_session_not_found: 404,
  checkout_session_closed: 409,
  target_not_reached: 409,
  internal_error: 500,
};

/** The HTTP status of an error code. */
export function statusOf(code: string): number {
  return (ERROR_STATUS as Record<string, number>)[code] ?? MOCK_STATUS[code] ?? 400;
}

/** Everything a handler gets about one request. */
export interface Ctx {
  request: Request;
  url: URL;
  params: Record<string, string>;
  store: MockStore;
  options: HandlerOptions;
  requestId: string;
  /** The origin links and the fake checkout use. */
  apiOrigin: string;
  clientIp: string | undefined;
  /** Whether the standalone server called the resolver directly (see `responseText`). */
  direct: boolean;
  /** The session cookie's value, if the request carries one (see {@link requestSessionCookie}). */
  session: string | undefined;
}

/** Headers every JSON response carries. */
const JSON_TYPE = 'application/json; charset=utf-8';

/** A JSON response. */
export function json(ctx: Ctx, status: number, body: unknown, headers?: Record<string, string>): Response {
  const text = JSON.stringify(body);
  const init = { status, headers: { 'content-type': JSON_TYPE, 'cache-control': 'no-store', ...headers } };
  // Called by the standalone server's route table, the Response never leaves the server, which writes
  // `text` itself: building the body stream would be wasted work. Through MSW it gets a real body.
  // With a cookie, MSW's HttpResponse: in a browser, `new Response()` silently drops `Set-Cookie` (a
  // forbidden response header), so the service worker would never set the session cookie. HttpResponse
  // records it first, and MSW then writes it to `document.cookie`. Without one, the plain (cheaper) Response.
  const payload = ctx.direct ? null : text;
  const response = headers?.['set-cookie'] ? new HttpResponse(payload, init) : new Response(payload, init);
  responseText.set(response, text);
  return response;
}

/**
 * The body text of the JSON responses built here, so the standalone server can write it without reading
 * the Response's stream back (a measurable cost per request).
 */
export const responseText = new WeakMap<Response, string>();

/** An error response in the envelope of `product-spec.md`. */
export function error(
  ctx: Ctx,
  code: StoreErrorCode | 'not_found' | 'idempotency_key_reused' | 'internal_error',
  message: string,
  extra: { details?: ErrorDetail[]; retryAfterSeconds?: number | undefined } = {},
): Response {
  const body: ErrorBody = { error: code, message, requestId: ctx.requestId };
  if (extra.details) body.details = extra.details;
  const headers: Record<string, string> = {};
  if (extra.retryAfterSeconds !== undefined) headers['retry-after'] = String(extra.retryAfterSeconds);
  return json(ctx, statusOf(code), body, headers);
}

/** The response for a failed store result. */
export function failure(ctx: Ctx, result: Extract<Result<unknown>, { ok: false }>): Response {
  return error(ctx, result.error, result.message, { retryAfterSeconds: result.retryAfterSeconds });
}

/** A store result as a JSON response (`status` on success). */
export function reply<T>(ctx: Ctx, result: Result<T>, status = 200, map?: (value: T) => unknown): Response {
  if (!result.ok) return failure(ctx, result);
  return json(ctx, status, map ? map(result.value) : result.value);
}

function issuesToDetails(issues: readonly { path: readonly PropertyKey[]; message: string }[]): ErrorDetail[] {
  return issues.slice(0, 20).map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

const MAX_BODY_BYTES = 64 * 1024;

/** Reads the request body as text, bounded to 64 KiB. */
export async function readText(ctx: Ctx): Promise<string | Response> {
  // Bodies up to 1 MiB are read in full before refusing them, so the connection stays usable for the
  // client's next request; beyond that the answer comes straight away.
  const length = ctx.request.headers.get('content-length');
  const declared = Number(length ?? '0');
  // No body announced (and not chunked): nothing to read, and not touching the stream is much cheaper.
  if ((length === null || declared === 0) && !ctx.request.headers.has('transfer-encoding')) {
    if (length !== null || ctx.request.body === null) return '';
  }
  if (declared > 16 * MAX_BODY_BYTES) return error(ctx, 'invalid_request', 'The request body is larger than 64 KiB.');
  let text: string;
  try {
    text = await ctx.request.text();
  } catch {
    return error(ctx, 'invalid_request', 'The request body could not be read.');
  }
  if (text.length > MAX_BODY_BYTES) return error(ctx, 'invalid_request', 'The request body is larger than 64 KiB.');
  return text;
}

/** Parses body text as JSON and validates it; an empty body is `undefined` (for optional bodies). */
export function parseBody<S extends z.ZodMiniType>(ctx: Ctx, text: string, schema: S): z.output<S> | Response {
  let value: unknown = undefined;
  if (text.trim() !== '') {
    try {
      value = JSON.parse(text);
    } catch {
      return error(ctx, 'invalid_request', 'The request body is not valid JSON.');
    }
  }
  const result = schema.safeParse(value);
  if (!result.success) {
    const details = issuesToDetails(result.error.issues);
    const message =
      value === undefined
        ? 'The request needs a JSON body.'
        : `The request body is not valid: ${details.map((d) => `${d.path || 'body'}: ${d.message}`).join('; ')}`;
    return error(ctx, 'invalid_request', message, { details });
  }
  return result.data;
}

/** Reads and validates a JSON body in one go. */
export async function body<S extends z.ZodMiniType>(ctx: Ctx, schema: S): Promise<z.output<S> | Response> {
  const text = await readText(ctx);
  if (text instanceof Response) return text;
  return parseBody(ctx, text, schema);
}

/** Validates path parameters or a query object against a schema. */
export function validate<S extends z.ZodMiniType>(
  ctx: Ctx,
  value: unknown,
  schema: S,
  what: string,
): z.output<S> | Response {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const details = issuesToDetails(result.error.issues);
  return error(
    ctx,
    'invalid_request',
    `The ${what} is not valid: ${details.map((d) => `${d.path}: ${d.message}`).join('; ')}`,
    {
      details,
    },
  );
}

/** The session cookie's value from the request's `Cookie` header, if sent. */
export function sessionCookie(request: Request): string | undefined {
  const header = request.headers.get('cookie');
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === SESSION_COOKIE) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/**
 * The session cookie of a request: its `Cookie` header, or — under the service worker only — the cookie
 * MSW read from `document.cookie`. A page's request reaches the worker without its `Cookie` header (a
 * forbidden header in browsers), so MSW hands the document's cookies to resolvers separately. Elsewhere
 * MSW's `cookies` is not used: in Node it also holds MSW's own process-wide cookie jar, which must not sign
 * one client of the standalone server in as another.
 */
export function requestSessionCookie(
  request: Request,
  cookies: Record<string, string> | undefined,
): string | undefined {
  const fromHeader = sessionCookie(request);
  if (fromHeader !== undefined || typeof document === 'undefined') return fromHeader;
  return cookies?.[SESSION_COOKIE];
}

/** The signed-in visitor, or null. */
export function currentVisitor(ctx: Ctx): Promise<VisitorRecord | null> {
  return ctx.store.visitorForCookie(ctx.session);
}

/** The signed-in visitor, or a 401 `visitor_unauthorized` response. */
export async function requireVisitor(ctx: Ctx): Promise<VisitorRecord | Response> {
  const visitor = await currentVisitor(ctx);
  return visitor ?? error(ctx, 'visitor_unauthorized', 'Sign in first: this needs a visitor session.');
}

/** The `Set-Cookie` value for a new session, or for clearing it (`value` null). */
export function sessionCookieHeader(ctx: Ctx, value: string | null): string {
  const secure = ctx.url.protocol === 'https:';
  const sameSite = ctx.options.crossSiteCookies ? 'SameSite=None; Secure' : `SameSite=Lax${secure ? '; Secure' : ''}`;
  const maxAge = value === null ? 0 : SESSION_TTL_SECONDS;
  return `${SESSION_COOKIE}=${value ?? ''};${ctx.options.scriptReadableCookie ? '' : ' HttpOnly;'} Path=/; Max-Age=${maxAge}; ${sameSite}`;
}

// ------------------------------------------------------------------ idempotency

const inFlight = new WeakMap<MockStore, Map<string, Promise<void>>>();

/**
 * What "the same body" means between repeats: the JSON value, not its spelling. Re-serialised
 * with sorted keys, so spacing and key order do not turn a retry into `idempotency_key_reused`.
 * A body that is not JSON is compared as sent.
 */
function fingerprintOf(text: string): string {
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

/**
 * Runs a write once per `Idempotency-Key`: the same key and body within 24 hours answers the first response
 * again with `Idempotent-Replayed: true`; the same key with another body answers 422.
 */
export async function idempotent(ctx: Ctx, text: string, run: () => Promise<Response>): Promise<Response> {
  const key = ctx.request.headers.get('idempotency-key');
  if (key === null) return run();
  if (!/^[\x21-\x7e]{1,255}$/.test(key)) {
    return error(ctx, 'invalid_request', 'Idempotency-Key must be 1 to 255 printable ASCII characters.', {
      details: [{ path: 'Idempotency-Key', message: 'Expected 1 to 255 printable ASCII characters' }],
    });
  }
  // Keys are scoped to the route and the caller, so two visitors cannot collide.
  const caller = (ctx.session ?? '').split('.')[0] ?? '';
  const auth = ctx.request.headers.get('authorization') ?? '';
  const scoped = `${ctx.request.method} ${ctx.url.pathname}|${caller}|${auth.slice(-16)}|${key}`;
  const pending = inFlight.get(ctx.store) ?? new Map<string, Promise<void>>();
  inFlight.set(ctx.store, pending);
  // Wait while another request with this key runs. A loop, not one wait: when that request fails (and so
  // leaves nothing to replay), only one of the requests that waited for it may run next.
  for (let waiting = pending.get(scoped); waiting; waiting = pending.get(scoped)) await waiting;

  const fingerprint = fingerprintOf(text);
  const stored = ctx.store.idempotentResponse(scoped);
  if (stored) {
    if (stored.fingerprint !== fingerprint) {
      return error(
        ctx,
        'idempotency_key_reused',
        'This Idempotency-Key was already used with a different request body.',
      );
    }
    return new Response(stored.body, {
      status: stored.status,
      headers: { 'content-type': stored.contentType, 'cache-control': 'no-store', 'idempotent-replayed': 'true' },
    });
  }
  let done!: () => void;
  pending.set(scoped, new Promise<void>((resolve) => (done = resolve)));
  try {
    const response = await run();
    // Only successes are remembered: a failed write changed nothing, so running it again is safe, and bad
    // input never leaves a trace in the store.
    if (response.status >= 200 && response.status < 300) {
      const copy = responseText.get(response) ?? (await response.clone().text());
      ctx.store.rememberResponse({
        key: scoped,
        fingerprint,
        status: response.status,
        body: copy,
        contentType: response.headers.get('content-type') ?? JSON_TYPE,
      });
    }
    return response;
  } finally {
    pending.delete(scoped);
    done();
  }
}

// ------------------------------------------------------------------ CORS and the wrapper

const EXPOSED = 'x-request-id, retry-after, idempotent-replayed';

/** Adds CORS headers for allowed origins (and `Vary: Origin` always). */
export function applyCors(store: MockStore, request: Request, headers: Headers, handle?: string): void {
  headers.append('vary', 'Origin');
  const origin = request.headers.get('origin');
  if (!origin || !store.isAllowedOrigin(origin, handle)) return;
  headers.set('access-control-allow-origin', origin);
  headers.set('access-control-allow-credentials', 'true');
  headers.set('access-control-expose-headers', EXPOSED);
}

/** Answers a CORS preflight: 204, with the CORS headers only for allowed origins. */
export function preflight(store: MockStore, request: Request, requestId: string, handle?: string): Response {
  const headers = new Headers({ 'x-request-id': requestId });
  applyCors(store, request, headers, handle);
  if (headers.has('access-control-allow-origin')) {
    headers.set('access-control-allow-methods', 'GET, POST, PUT, DELETE, OPTIONS');
    const asked = request.headers.get('access-control-request-headers');
    headers.set(
      'access-control-allow-headers',
      asked && /^[A-Za-z0-9 ,_-]{1,500}$/.test(asked) ? asked : 'content-type, idempotency-key, authorization',
    );
    headers.set('access-control-max-age', '600');
  }
  return new Response(null, { status: 204, headers });
}

/** A new request ID. */
export const newRequestId = (): string => nextRequestId();

/** Finishes a response: request ID, CORS, request log. */
export function finish(
  store: MockStore,
  request: Request,
  url: URL,
  requestId: string,
  started: number,
  response: Response,
  handle?: string,
): Response {
  response.headers.set('x-request-id', requestId);
  applyCors(store, request, response.headers, handle);
  store.logRequest({
    requestId,
    method: request.method,
    path: url.pathname + url.search,
    status: response.status,
    durationMs: Math.round((performance.now() - started) * 100) / 100,
    at: store.now(),
  });
  return response;
}

type Method = 'get' | 'post' | 'put' | 'delete' | 'all' | 'options';

/** Builds an MSW handler whose resolver gets a {@link Ctx} and always answers. */
export function route(
  options: HandlerOptions,
  method: Method,
  path: string,
  run: (ctx: Ctx) => Promise<Response> | Response,
): HttpHandler {
  const prefix = options.apiOrigin ? options.apiOrigin.replace(/\/$/, '') : '*';
  const resolve = async ({
    request,
    params,
    cookies,
    direct = false,
  }: {
    request: Request;
    params: Record<string, unknown>;
    cookies?: Record<string, string>;
    direct?: boolean;
  }): Promise<Response> => {
    const started = performance.now();
    const url = new URL(request.url);
    const flat: Record<string, string> = {};
    for (const [k, v] of Object.entries(params)) if (typeof v === 'string') flat[k] = v;
    const ctx: Ctx = {
      request,
      url,
      params: flat,
      store: options.store,
      options,
      requestId: newRequestId(),
      apiOrigin: options.apiOrigin?.replace(/\/$/, '') ?? url.origin,
      clientIp: options.clientIp?.(request),
      direct,
      session: requestSessionCookie(request, cookies),
    };
    let response: Response;
    try {
      response = await run(ctx);
    } catch (cause) {
      // A bug, not bad input: report it plainly rather than hang the client.
      console.error('[visitor-access-mock] handler failed', cause);
      response = error(ctx, 'internal_error', 'The mock failed to handle this request; please report it.');
    }
    return finish(options.store, request, url, ctx.requestId, started, response, flat.handle);
  };
  const handler = http[method](prefix + path, resolve);
  if (method !== 'all' && method !== 'options') {
    directRoutes.set(handler, { method: method.toUpperCase(), path: prefix + path, resolve });
  }
  return handler;
}

/** What the standalone server needs to call a route's resolver without MSW's per-request machinery. */
export interface DirectRoute {
  method: string;
  /** The MSW path, e.g. `* /v2/visitor/me` (without the space). */
  path: string;
  resolve: (info: { request: Request; params: Record<string, string>; direct: true }) => Promise<Response>;
}

/** The handlers built by {@link route}, with their resolvers. */
export const directRoutes = new WeakMap<HttpHandler, DirectRoute>();
