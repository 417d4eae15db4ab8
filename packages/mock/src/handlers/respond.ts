// Building answers: JSON bodies, the error envelope of product-spec.md, store results.
import { HttpResponse } from 'msw';
import { ERROR_STATUS, type ErrorBody, type ErrorCode, type ErrorDetail } from '@visitor-access/contract';
import type { Result, StoreErrorCode } from '../store/index.js';

/** The mock's own codes (development API) and their statuses; the contract's come from ERROR_STATUS. */
const MOCK_STATUS: Record<Exclude<AnswerCode, ErrorCode>, number> = {
  handle_not_found: 404,
  checkout_session_not_found: 404,
  checkout_session_closed: 409,
  target_not_reached: 409,
  message_not_found: 404,
  internal_error: 500,
};

/** The HTTP status of an error code. */
export function statusOf(code: string): number {
  return (ERROR_STATUS as Record<string, number>)[code] ?? (MOCK_STATUS as Record<string, number>)[code] ?? 400;
}

/** What building an answer needs to know of the request. */
export interface Answering {
  requestId: string;
  /** Whether the standalone server called the resolver directly (see `responseText`). */
  direct: boolean;
  /** Whether `Set-Cookie` goes through MSW's cookie store (see `responseWithCookies`). */
  cookieStore?: boolean | undefined;
}

export const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * The body text of the JSON responses built here, so the standalone server can write it without reading
 * the Response's stream back (a measurable cost per request).
 */
export const responseText = new WeakMap<Response, string>();

/**
 * A Response that may carry `Set-Cookie`. With `ctx.cookieStore` (the service worker entry, or Node tests
 * that asked for it) that is MSW's HttpResponse, which hands the cookie to MSW's cookie store: in a browser
 * that is the only way it reaches `document.cookie` (`new Response()` drops `Set-Cookie`, a forbidden
 * header). MSW's store is one per process and is sent back on every later intercepted request, so in Node
 * it is off by default: otherwise a request sent without a cookie would arrive signed in as the last
 * visitor who verified. Node's plain Response keeps `Set-Cookie` as it is.
 */
export function responseWithCookies(
  ctx: Answering,
  body: string | null,
  init: ResponseInit & { headers: Record<string, string> },
): Response {
  return init.headers['set-cookie'] && ctx.cookieStore ? new HttpResponse(body, init) : new Response(body, init);
}

/** A JSON response. */
export function json(ctx: Answering, status: number, body: unknown, headers?: Record<string, string>): Response {
  const text = JSON.stringify(body);
  const init = { status, headers: { 'content-type': JSON_TYPE, 'cache-control': 'no-store', ...headers } };
  // Called by the standalone server's route table, the Response never leaves the server, which writes
  // `text` itself: building the body stream would be wasted work. Through MSW it gets a real body.
  const response = responseWithCookies(ctx, ctx.direct ? null : text, init);
  responseText.set(response, text);
  return response;
}

/** Error codes an answer may carry: the contract's, the store's (the development API's among them) and two more. */
export type AnswerCode = ErrorCode | StoreErrorCode | 'message_not_found' | 'internal_error';

/** An error response in the envelope of `product-spec.md`. */
export function error(
  ctx: Answering,
  code: AnswerCode,
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
export function failure(ctx: Answering, result: Extract<Result<unknown>, { ok: false }>): Response {
  return error(ctx, result.error, result.message, { retryAfterSeconds: result.retryAfterSeconds });
}

/** A store result as a JSON response (`status` on success). */
export function reply<T>(ctx: Answering, result: Result<T>, status = 200, map?: (value: T) => unknown): Response {
  if (!result.ok) return failure(ctx, result);
  return json(ctx, status, map ? map(result.value) : result.value);
}
