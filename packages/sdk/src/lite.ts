/**
 * The same client as `@visitor-access/sdk`, without the contract's zod/mini schemas: requests are
 * not checked before they are sent (the server answers `invalid_request` with `details` instead)
 * and answers are not validated. What is left is routing, typed errors with request IDs, retries
 * with idempotency keys, timeouts and session events — with no zod in the bundle. The script-tag
 * bundle of `@visitor-access/elements` is built on it.
 *
 * @example
 * ```ts
 * import { createClient } from '@visitor-access/sdk/lite';
 * const client = createClient({ baseUrl: 'https://api.example.com' });
 * ```
 *
 * @packageDocumentation
 */
import { VisitorAccessClient } from './client.js';
import type { ClientOptions } from './options.js';

export * from './public.js';

/**
 * Creates a client for the Visitor Access API that validates nothing on this side (no zod in the
 * bundle). `validateResponses` has no effect here.
 *
 * @example
 * ```ts
 * import { createClient } from '@visitor-access/sdk/lite';
 *
 * const client = createClient({ baseUrl: 'http://localhost:4010' });
 * const { reason } = await client.pages.checkAccess('gharart', 'masterclass');
 * ```
 */
export function createClient(options: ClientOptions): VisitorAccessClient {
  return new VisitorAccessClient(options);
}
