import type { Profile, Scenario } from '../context.js';
import { authScenarios } from './auth.js';
import { commerceScenarios } from './commerce.js';
import { idempotencyScenarios } from './idempotency.js';
import { pageScenarios } from './pages.js';
import { siteProxyScenarios as proxyScenarios } from './proxy.js';
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

/**
 * The `site-proxy` profile's own checks, run after {@link scenarios} under that profile only: the proxy's
 * documented behaviour where the API's checks do not apply (creator route 404, no CORS, the site's Origin).
 *
 * @example
 * ```ts
 * import { siteProxyScenarios } from '@visitor-access/conformance';
 * siteProxyScenarios.map((s) => s.id); // ['proxy.creator-route', 'proxy.no-cors', 'proxy.origin-not-forwarded']
 * ```
 */
export const siteProxyScenarios: readonly Scenario[] = Object.freeze([...proxyScenarios]);

/**
 * The checks a profile runs: {@link scenarios}, plus {@link siteProxyScenarios} under `site-proxy`.
 *
 * @example
 * ```ts
 * scenariosFor('site-proxy').length === scenarios.length + siteProxyScenarios.length; // true
 * ```
 */
export function scenariosFor(profile: Profile): readonly Scenario[] {
  return profile === 'site-proxy' ? [...scenarios, ...siteProxyScenarios] : scenarios;
}
