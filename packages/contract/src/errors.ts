import * as z from 'zod/mini';

/**
 * Every error code the platform documents, plus the codes `product-spec.md` adds, mapped to the
 * HTTP status that carries it.
 *
 * @example
 * ```ts
 * import { ERROR_STATUS } from '@visitor-access/contract';
 * ERROR_STATUS.used_magic_link; // 401
 * ```
 */
export const ERROR_STATUS = {
  invalid_request: 400,
  invalid_redirect_url: 400,
  visitor_unauthorized: 401,
  expired_magic_link: 401,
  used_magic_link: 401,
  invalid_magic_link: 401,
  creator_unauthorized: 401,
  forbidden: 403,
  page_not_found: 404,
  group_buy_not_found: 404,
  purchase_not_found: 404,
  not_found: 404,
  page_not_paid: 409,
  connect_not_configured: 409,
  already_refunded: 409,
  already_entitled: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  idempotency_key_reused: 422,
  rate_limited: 429,
  storage_unavailable: 503,
  service_unavailable: 503,
} as const;

/**
 * A known error code.
 *
 * @example
 * ```ts
 * const code: ErrorCode = 'expired_magic_link';
 * ```
 */
export type ErrorCode = keyof typeof ERROR_STATUS;

/**
 * All known error codes, in a stable order.
 *
 * @example
 * ```ts
 * ERROR_CODES.includes('page_not_found'); // true
 * ```
 */
export const ERROR_CODES = Object.keys(ERROR_STATUS) as ErrorCode[];

/**
 * One failing field of a validation error.
 *
 * @example
 * ```ts
 * ErrorDetail.parse({ path: 'email', message: 'Enter a valid email address' });
 * ```
 */
export const ErrorDetail = z.object({
  path: z.string(),
  message: z.string(),
});
export type ErrorDetail = z.infer<typeof ErrorDetail>;

/**
 * The body of every error response. `error` is a string rather than the closed union so that a
 * client built today still parses codes a newer server adds.
 *
 * @example
 * ```ts
 * ErrorBody.parse({ error: 'page_not_found', message: 'No such page', requestId: 'req_1' });
 * ```
 */
export const ErrorBody = z.object({
  error: z.string(),
  message: z.string(),
  requestId: z.string(),
  details: z.optional(z.array(ErrorDetail)),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

/**
 * Whether a string is one of the known error codes.
 *
 * @example
 * ```ts
 * isErrorCode('rate_limited'); // true
 * isErrorCode('teapot'); // false
 * ```
 */
export function isErrorCode(code: string): code is ErrorCode {
  return Object.prototype.hasOwnProperty.call(ERROR_STATUS, code);
}
