/** The visitor session cookie's name. */
export const SESSION_COOKIE = '_10x_visitor';
/** How long a magic link (and its code) stays valid. */
export const MAGIC_LINK_TTL_MS = 15 * 60 * 1000;
/** How long a session lasts from sign-in. */
export const SESSION_TTL_SECONDS = 30 * 24 * 60 * 60;
/** How many wrong codes kill a sign-in request. */
export const MAX_CODE_ATTEMPTS = 5;
/** How long an idempotency key is remembered. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
