import type { Scenario } from '../context.js';
import { authScenarios } from './auth.js';
import { commerceScenarios } from './commerce.js';
import { idempotencyScenarios } from './idempotency.js';
import { pageScenarios } from './pages.js';
import { securityScenarios } from './security.js';
import { wireScenarios } from './wire.js';

/**
 * Every check of the kit, in the order they run: wire conventions, sign-in, pages and checkout, refunds,
 * group buys and reports, idempotency, CORS and security.
 *
 * @example
 * ```ts
 * import { scenarios } from '@visitor-access/conformance';
 * for (const s of scenarios) console.log(s.id, s.title);
 * ```
 */
export const scenarios: readonly Scenario[] = Object.freeze([
  ...wireScenarios,
  ...authScenarios,
  ...pageScenarios,
  ...commerceScenarios,
  ...idempotencyScenarios,
  ...securityScenarios,
]);
