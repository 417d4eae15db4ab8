/**
 * The part of the contract that needs no zod, for code whose bytes count (the elements, the
 * script-tag bundle): the shared constants (`SESSION_COOKIE`, `RETURN_PARAMS`, the time limits) and
 * the value rules every package applies (`normaliseEmail`, `isHttpOrigin`), and the one abort-clean
 * `sleep` they share. The package index exports the same names.
 *
 * @example
 * ```ts
 * import { RETURN_PARAMS, normaliseEmail } from '@visitor-access/contract/lite';
 * new URL(location.href).searchParams.get(RETURN_PARAMS.checkout); // 'success', 'cancelled' or null
 * normaliseEmail(' Buyer@Example.com '); // 'buyer@example.com'
 * ```
 *
 * @packageDocumentation
 */
export * from './constants.js';
export { isHttpOrigin, normaliseEmail } from './values.js';
export { sleep } from './sleep.js';
