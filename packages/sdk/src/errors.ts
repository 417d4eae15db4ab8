import type { ErrorCode, ErrorDetail } from '@visitor-access/contract';

/**
 * Base class of every error the SDK throws, so one `instanceof` check catches them all.
 *
 * @example
 * ```ts
 * try {
 *   await client.auth.me();
 * } catch (err) {
 *   if (err instanceof VisitorAccessError) console.warn(err.message);
 * }
 * ```
 */
export class VisitorAccessError extends Error {}

/**
 * Fields an {@link ApiError} is built from.
 *
 * @example
 * ```ts
 * const init: ApiErrorInit = { status: 404, code: 'page_not_found', message: 'No such page', requestId: 'req_1' };
 * new PageNotFoundError(init);
 * ```
 */
export interface ApiErrorInit {
  status: number;
  code: ErrorCode | (string & {});
  message: string;
  requestId?: string | undefined;
  details?: ErrorDetail[] | undefined;
  response?: Response | undefined;
}

/**
 * The server answered with an error status (or the SDK refused to send an invalid request, see
 * {@link InvalidRequestError}). `code` is one of the documented codes, typed so that codes a newer
 * server adds still type-check.
 *
 * @example
 * ```ts
 * try {
 *   await client.pages.checkout('gharart', 'masterclass', { successUrl, cancelUrl });
 * } catch (err) {
 *   if (err instanceof ApiError) console.log(err.status, err.code, err.requestId);
 * }
 * ```
 */
export class ApiError extends VisitorAccessError {
  /** HTTP status of the answer. */
  readonly status: number;
  /** Machine-readable error code, e.g. `page_not_found`; `unknown_error` when the body had none. */
  readonly code: ErrorCode | (string & {});
  /** The `x-request-id` of the failing answer: quote it to support. `undefined` if nothing was sent. */
  readonly requestId: string | undefined;
  /** Failing fields, for validation errors. */
  readonly details: ErrorDetail[] | undefined;
  /** The raw response (its body already read), when there was one. */
  readonly response: Response | undefined;

  constructor(init: ApiErrorInit) {
    super(init.message);
    this.status = init.status;
    this.code = init.code;
    this.requestId = init.requestId;
    this.details = init.details;
    this.response = init.response;
  }
}

/**
 * 400 `invalid_request`: bad JSON or a field that fails its schema. The SDK also throws it, with
 * `status` 400, `requestId` and `response` undefined, when it refuses to send a request whose body or
 * path parameters fail the contract schema; `details` then lists the failing fields.
 *
 * @example
 * ```ts
 * try {
 *   await client.auth.requestMagicLink({ email: 'not-an-email' });
 * } catch (err) {
 *   if (err instanceof InvalidRequestError) console.log(err.details); // [{ path: 'email', message: '…' }]
 * }
 * ```
 */
export class InvalidRequestError extends ApiError {}
/**
 * 400 `invalid_redirect_url`: a `returnTo`, `successUrl` or `cancelUrl` is not on an allowed origin.
 *
 * @example
 * ```ts
 * if (err instanceof InvalidRedirectUrlError) showMessage('That return address is not allowed.');
 * ```
 */
export class InvalidRedirectUrlError extends ApiError {}
/**
 * 401 `visitor_unauthorized`: no valid visitor session. The client also emits `signed_out`.
 *
 * @example
 * ```ts
 * if (err instanceof VisitorUnauthorizedError) showSignIn();
 * ```
 */
export class VisitorUnauthorizedError extends ApiError {}
/**
 * 401 `expired_magic_link`: the link or code is older than 15 minutes.
 *
 * @example
 * ```ts
 * if (err instanceof ExpiredMagicLinkError) offerNewLink();
 * ```
 */
export class ExpiredMagicLinkError extends ApiError {}
/**
 * 401 `used_magic_link`: the link or code was already consumed.
 *
 * @example
 * ```ts
 * if (err instanceof UsedMagicLinkError) offerNewLink();
 * ```
 */
export class UsedMagicLinkError extends ApiError {}
/**
 * 401 `invalid_magic_link`: unknown or malformed token, wrong code, or too many wrong codes.
 *
 * @example
 * ```ts
 * if (err instanceof InvalidMagicLinkError) showMessage('That code is not right.');
 * ```
 */
export class InvalidMagicLinkError extends ApiError {}
/**
 * 401 `creator_unauthorized`: missing or bad creator JWT (see the `creatorToken` option).
 *
 * @example
 * ```ts
 * if (err instanceof CreatorUnauthorizedError) await refreshCreatorToken();
 * ```
 */
export class CreatorUnauthorizedError extends ApiError {}
/**
 * 403 `forbidden`: the creator JWT belongs to another handle.
 *
 * @example
 * ```ts
 * if (err instanceof ForbiddenError) showMessage('You can only refund your own pages.');
 * ```
 */
export class ForbiddenError extends ApiError {}
/**
 * 404 `page_not_found`: no such page, or it is unpublished.
 *
 * @example
 * ```ts
 * if (err instanceof PageNotFoundError) show404();
 * ```
 */
export class PageNotFoundError extends ApiError {}
/**
 * 404 `group_buy_not_found`.
 *
 * @example
 * ```ts
 * if (err instanceof GroupBuyNotFoundError) show404();
 * ```
 */
export class GroupBuyNotFoundError extends ApiError {}
/**
 * 404 `purchase_not_found`: the visitor never bought the page being refunded.
 *
 * @example
 * ```ts
 * if (err instanceof PurchaseNotFoundError) showMessage('No purchase to refund.');
 * ```
 */
export class PurchaseNotFoundError extends ApiError {}
/**
 * 404 `not_found`: the route itself does not exist (wrong `baseUrl`?).
 *
 * @example
 * ```ts
 * if (err instanceof NotFoundError) console.error('Check baseUrl');
 * ```
 */
export class NotFoundError extends ApiError {}
/**
 * 409 `page_not_paid`: checkout of a page that is not PAID.
 *
 * @example
 * ```ts
 * if (err instanceof PageNotPaidError) openPage();
 * ```
 */
export class PageNotPaidError extends ApiError {}
/**
 * 409 `connect_not_configured`: the creator has not connected Stripe yet.
 *
 * @example
 * ```ts
 * if (err instanceof ConnectNotConfiguredError) showMessage('Purchases are not open yet.');
 * ```
 */
export class ConnectNotConfiguredError extends ApiError {}
/**
 * 409 `already_refunded`.
 *
 * @example
 * ```ts
 * if (err instanceof AlreadyRefundedError) showMessage('Already refunded.');
 * ```
 */
export class AlreadyRefundedError extends ApiError {}
/**
 * 409 `already_entitled`: the visitor already has access; no checkout needed.
 *
 * @example
 * ```ts
 * if (err instanceof AlreadyEntitledError) openPage();
 * ```
 */
export class AlreadyEntitledError extends ApiError {}
/**
 * 422 `idempotency_key_reused`: the same `Idempotency-Key` was sent with another body.
 *
 * @example
 * ```ts
 * if (err instanceof IdempotencyKeyReusedError) console.error('Use a fresh idempotencyKey per operation');
 * ```
 */
export class IdempotencyKeyReusedError extends ApiError {}
/**
 * 415 `unsupported_media_type`: a write sent a body that is not `application/json`. The SDK always
 * sends JSON; this comes from hand-made requests.
 *
 * @example
 * ```ts
 * if (err instanceof UnsupportedMediaTypeError) console.error('Send JSON with content-type: application/json');
 * ```
 */
export class UnsupportedMediaTypeError extends ApiError {}
/**
 * 413 `payload_too_large`: a write's body is over 64 KiB. The SDK's bodies are far smaller; this comes
 * from hand-made requests.
 *
 * @example
 * ```ts
 * if (err instanceof PayloadTooLargeError) console.error('Send a smaller body (at most 64 KiB)');
 * ```
 */
export class PayloadTooLargeError extends ApiError {}
/**
 * 503 `storage_unavailable`: the server could not save the change, so nothing changed. Writes are
 * retried with their `Idempotency-Key`; this reaches you after the last retry.
 *
 * @example
 * ```ts
 * if (err instanceof StorageUnavailableError) showMessage('Nothing was saved. Try again in a moment.');
 * ```
 */
export class StorageUnavailableError extends ApiError {}
/**
 * 503 `service_unavailable`: the service is down for a moment and nothing changed. Reads and writes
 * with an `Idempotency-Key` are retried; this reaches you after the last retry. The mock answers it on
 * demand (`X-Mock-Fault: 503`, `--fail-rate`).
 *
 * @example
 * ```ts
 * if (err instanceof ServiceUnavailableError) showMessage('The service is busy. Try again in a moment.');
 * ```
 */
export class ServiceUnavailableError extends ApiError {}
/**
 * 429 `rate_limited`. `retryAfter` is the server's `Retry-After` in seconds, when it sent one.
 *
 * @example
 * ```ts
 * if (err instanceof RateLimitError) showMessage(`Try again in ${err.retryAfter ?? 60} seconds.`);
 * ```
 */
export class RateLimitError extends ApiError {
  /** Seconds to wait before trying again, from `Retry-After`. */
  readonly retryAfter: number | undefined;
  constructor(init: ApiErrorInit) {
    super(init);
    this.retryAfter = parseRetryAfter(init.response?.headers.get('retry-after'));
  }
}

/**
 * The request never got an answer: DNS, refused connection, CORS rejection, offline. The
 * underlying error is in `cause`.
 *
 * @example
 * ```ts
 * if (err instanceof ConnectionError) showMessage('You seem to be offline.');
 * ```
 */
export class ConnectionError extends VisitorAccessError {
  constructor(message = 'Could not reach the Visitor Access API', options?: { cause?: unknown }) {
    super(message, options);
  }
}

/**
 * An attempt took longer than the `timeout` option.
 *
 * @example
 * ```ts
 * if (err instanceof TimeoutError) showMessage('The server is slow, try again.');
 * ```
 */
export class TimeoutError extends VisitorAccessError {
  constructor(message = 'The request timed out', options?: { cause?: unknown }) {
    super(message, options);
  }
}

/**
 * One way a response failed its schema.
 *
 * @example
 * ```ts
 * if (err instanceof ResponseValidationError) {
 *   for (const issue of err.issues as ValidationIssue[]) console.error(issue.path, issue.message);
 * }
 * ```
 */
export interface ValidationIssue {
  /** Dotted path of the failing field, e.g. `page.price`; empty for the whole body. */
  path: string;
  message: string;
}

/**
 * The request succeeded but the answer does not match the contract schema (an API/SDK version
 * mismatch). Not an {@link ApiError}: the HTTP call itself worked. Turn it off with
 * `validateResponses: false`.
 *
 * @example
 * ```ts
 * if (err instanceof ResponseValidationError) console.error(err.path, err.issues, err.requestId);
 * ```
 */
export class ResponseValidationError extends VisitorAccessError {
  /** Path of the first failing field, e.g. `page.price`. */
  readonly path: string;
  /** Every failing field. */
  readonly issues: ValidationIssue[];
  readonly requestId: string | undefined;
  readonly response: Response | undefined;

  constructor(init: { issues: ValidationIssue[]; requestId?: string | undefined; response?: Response | undefined }) {
    const first = init.issues[0] ?? { path: '', message: 'Invalid response' };
    super(`Unexpected response from the API at "${first.path || '(root)'}": ${first.message}`);
    this.issues = init.issues;
    this.path = first.path;
    this.requestId = init.requestId;
    this.response = init.response;
  }
}

type ApiErrorClass = new (init: ApiErrorInit) => ApiError;

const ERROR_CLASSES: Record<ErrorCode, ApiErrorClass> = {
  invalid_request: InvalidRequestError,
  invalid_redirect_url: InvalidRedirectUrlError,
  visitor_unauthorized: VisitorUnauthorizedError,
  expired_magic_link: ExpiredMagicLinkError,
  used_magic_link: UsedMagicLinkError,
  invalid_magic_link: InvalidMagicLinkError,
  creator_unauthorized: CreatorUnauthorizedError,
  forbidden: ForbiddenError,
  page_not_found: PageNotFoundError,
  group_buy_not_found: GroupBuyNotFoundError,
  purchase_not_found: PurchaseNotFoundError,
  not_found: NotFoundError,
  page_not_paid: PageNotPaidError,
  connect_not_configured: ConnectNotConfiguredError,
  already_refunded: AlreadyRefundedError,
  already_entitled: AlreadyEntitledError,
  payload_too_large: PayloadTooLargeError,
  unsupported_media_type: UnsupportedMediaTypeError,
  idempotency_key_reused: IdempotencyKeyReusedError,
  rate_limited: RateLimitError,
  storage_unavailable: StorageUnavailableError,
  service_unavailable: ServiceUnavailableError,
};

// Names live on the prototypes, as `Error.prototype.name` does, rather than in one constructor per
// class, and cannot be read from the classes: a minifier renames them. The five fixed classes are
// spelled here; a code's class name is made from its code, in PascalCase plus `Error`
// (`page_not_found` → `PageNotFoundError`), save `RateLimitError`. Spelling the 22 names as strings
// instead (as ky's `name = 'HTTPError'`) costs about 110 bytes brotli in every bundle (decision 0178);
// `client.test.ts` checks that every exported class's name is its export name.
const setName = (cls: abstract new (...args: never[]) => Error, name: string) => {
  cls.prototype.name = name;
};
setName(VisitorAccessError, 'VisitorAccessError');
setName(ApiError, 'ApiError');
setName(ConnectionError, 'ConnectionError');
setName(TimeoutError, 'TimeoutError');
setName(ResponseValidationError, 'ResponseValidationError');
for (const code in ERROR_CLASSES) {
  setName(
    ERROR_CLASSES[code as ErrorCode],
    code === 'rate_limited'
      ? 'RateLimitError'
      : `${code.replace(/(?:^|_)([a-z])/g, (_, c: string) => c.toUpperCase())}Error`,
  );
}

/** The class the factory picks for a code. */
export function errorClassFor(code: string): ApiErrorClass {
  return Object.prototype.hasOwnProperty.call(ERROR_CLASSES, code) ? ERROR_CLASSES[code as ErrorCode] : ApiError;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Builds the right {@link ApiError} subclass for an error answer. `body` is the parsed JSON body, or
 * anything else (text, `undefined`) when the body was not JSON: then the code is `unknown_error`
 * (`rate_limited` for a 429), and the request ID comes from the
 * `x-request-id` header.
 *
 * @example
 * ```ts
 * const res = await fetch(url);
 * if (!res.ok) throw errorFromResponse(res, await res.json().catch(() => undefined));
 * ```
 */
export function errorFromResponse(response: Response, body: unknown): ApiError {
  const requestId = response.headers.get('x-request-id') ?? undefined;
  const status = response.status;
  const code = isRecord(body) ? body.error : undefined;
  if (typeof code === 'string' && code) {
    const { message, details, requestId: bodyId } = body as Record<string, unknown>;
    return new (errorClassFor(code))({
      status,
      code,
      message: typeof message === 'string' && message ? message : `Request failed (${code})`,
      requestId: typeof bodyId === 'string' ? bodyId : requestId,
      details: Array.isArray(details)
        ? details.filter(
            (d): d is ErrorDetail => isRecord(d) && typeof d.path === 'string' && typeof d.message === 'string',
          )
        : undefined,
      response,
    });
  }
  const fallback = status === 429 ? 'rate_limited' : 'unknown_error';
  return new (errorClassFor(fallback))({
    status,
    code: fallback,
    message: `Request failed with status ${status}${response.statusText ? ` ${response.statusText}` : ''}`,
    requestId,
    response,
  });
}

/** `Retry-After` as seconds: delta-seconds or an HTTP date; `undefined` when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - Date.now()) / 1000));
}
