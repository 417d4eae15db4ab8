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
/**
 * The query parameters that mark a page's address on the way back to it, by what they carry. The
 * platform's checkout return adds `checkout` (`success` or `cancelled`) and `sessionId`; the elements
 * add `gate` (`handle/page`, the element that sold the page) to their checkout return address,
 * `buy` (`handle/page`) to a sign-in link asked for by "Buy for …", and `signedIn` (`1`) to every
 * sign-in link's return address; a magic link opened on the page itself carries `token` (in the
 * query, or in the fragment). The elements read them once and strip every one of them from the
 * address; a server that renders the page may redirect to the address without them.
 *
 * @example
 * ```ts
 * import { RETURN_PARAMS } from '@visitor-access/contract/lite';
 * const url = new URL('https://shop.example/course?va_checkout=success&session_id=cs_1&va_gate=gharart/masterclass');
 * url.searchParams.get(RETURN_PARAMS.checkout); // 'success'
 * for (const name of Object.values(RETURN_PARAMS)) url.searchParams.delete(name);
 * url.href; // 'https://shop.example/course'
 * ```
 */
export const RETURN_PARAMS = {
  token: 'va_token',
  checkout: 'va_checkout',
  sessionId: 'session_id',
  gate: 'va_gate',
  buy: 'va_buy',
  signedIn: 'va_signed_in',
} as const;
