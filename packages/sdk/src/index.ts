/**
 * The typed client of the Visitor Access API: passwordless sign-in, page access, checkout,
 * refunds, group buys, reports, and session events shared across tabs.
 *
 * @example
 * ```ts
 * import { createClient, VisitorUnauthorizedError } from '@visitor-access/sdk';
 * const client = createClient({ baseUrl: 'http://localhost:4010' });
 * ```
 *
 * @packageDocumentation
 */
export { createClient } from './create-client.js';
export * from './public.js';
