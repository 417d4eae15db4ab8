/**
 * The visitor session cookie's name.
 *
 * @example
 * ```ts
 * import { SESSION_COOKIE } from '@visitor-access/contract';
 * SESSION_COOKIE; // '_10x_visitor'
 * ```
 */
export const SESSION_COOKIE = '_10x_visitor';
/**
 * How long a magic link (and its code) stays valid.
 *
 * @example
 * ```ts
 * import { MAGIC_LINK_TTL_MS } from '@visitor-access/contract';
 * MAGIC_LINK_TTL_MS; // 900000 (15 minutes)
 * ```
 */
export const MAGIC_LINK_TTL_MS = 15 * 60 * 1000;
/**
 * How long a session lasts from sign-in.
 *
 * @example
 * ```ts
 * import { SESSION_TTL_SECONDS } from '@visitor-access/contract';
 * SESSION_TTL_SECONDS; // 2592000 (30 days)
 * ```
 */
export const SESSION_TTL_SECONDS = 30 * 24 * 60 * 60;
/**
 * How many wrong codes kill a sign-in request.
 *
 * @example
 * ```ts
 * import { MAX_CODE_ATTEMPTS } from '@visitor-access/contract';
 * MAX_CODE_ATTEMPTS; // 5
 * ```
 */
export const MAX_CODE_ATTEMPTS = 5;
/**
 * How long an idempotency key is remembered.
 *
 * @example
 * ```ts
 * import { IDEMPOTENCY_TTL_MS } from '@visitor-access/contract';
 * IDEMPOTENCY_TTL_MS; // 86400000 (24 hours)
 * ```
 */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
