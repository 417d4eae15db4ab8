import { routes } from '@visitor-access/contract';
import { VisitorAccessClient } from './client.js';
import { contractValidator } from './validator.js';
import type { ClientOptions } from './options.js';

/**
 * Creates a client for the Visitor Access API that checks every request and validates every
 * answer with the contract's zod/mini schemas. `@visitor-access/sdk/lite` has the same
 * `createClient` without the schemas (and without zod in the bundle).
 *
 * @example
 * ```ts
 * import { createClient } from '@visitor-access/sdk';
 *
 * const client = createClient({ baseUrl: 'http://localhost:4010' });
 * await client.auth.requestMagicLink({ email: 'buyer@example.com' });
 * ```
 */
export function createClient(options: ClientOptions): VisitorAccessClient {
  return new VisitorAccessClient(options, contractValidator(routes));
}
