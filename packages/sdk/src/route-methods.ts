import type { RouteId } from '@visitor-access/contract';
import type { VisitorAccessClient } from './client.js';

type ResourceName = 'auth' | 'pages' | 'access' | 'groupBuys' | 'edge' | 'support';

/**
 * Which SDK method serves each route of the contract: `[resource, method]`. A test keeps it
 * complete in both directions.
 *
 * @example
 * ```ts
 * ROUTE_METHODS.checkout; // ['pages', 'checkout']
 * ```
 */
export const ROUTE_METHODS = {
  requestMagicLink: ['auth', 'requestMagicLink'],
  verify: ['auth', 'verify'],
  me: ['auth', 'me'],
  logout: ['auth', 'logout'],
  checkAccess: ['pages', 'checkAccess'],
  checkout: ['pages', 'checkout'],
  listAccess: ['access', 'list'],
  refund: ['pages', 'refund'],
  getGroupBuy: ['groupBuys', 'get'],
  expressInterest: ['groupBuys', 'expressInterest'],
  myInterest: ['groupBuys', 'myInterest'],
  withdrawInterest: ['groupBuys', 'withdrawInterest'],
  edgeAccess: ['edge', 'access'],
  magicLinkLanding: ['edge', 'landingUrl'],
  supportReport: ['support', 'report'],
  contentReport: ['support', 'reportContent'],
} as const satisfies Record<RouteId, readonly [ResourceName, string]>;

// Compile-time check that every named method exists on its resource.
type Check<M> = {
  [K in keyof M]: M[K] extends readonly [infer R extends ResourceName, infer F extends string]
    ? F extends keyof VisitorAccessClient[R]
      ? true
      : never
    : never;
};
// Not exported: the assignment is the check (it does not compile when a method is missing).
const _routeMethodsCheck: Check<typeof ROUTE_METHODS> extends Record<RouteId, true> ? true : never = true;
