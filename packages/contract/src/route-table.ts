import { checkAccess } from './routes/access-check.js';
import { listAccess } from './routes/access.js';
import { logout, me, requestMagicLink, verify } from './routes/auth.js';
import { checkout } from './routes/checkout.js';
import { edgeAccess, magicLinkLanding } from './routes/edge.js';
import { expressInterest, getGroupBuy, myInterest, withdrawInterest } from './routes/group-buys.js';
import { refund } from './routes/refund.js';
import { contentReport, supportReport } from './routes/support.js';

/**
 * Every documented route, keyed by its id. The SDK has exactly one method per entry, the mock one
 * handler per entry, and `docs/openapi.json` one operation per entry.
 *
 * @example
 * ```ts
 * import { routes } from '@visitor-access/contract';
 * routes.checkout.path; // '/v2/public/pages/{handle}/{pageSlug}/checkout'
 * ```
 */
export const routes = {
  requestMagicLink,
  verify,
  me,
  logout,
  checkAccess,
  checkout,
  listAccess,
  refund,
  getGroupBuy,
  expressInterest,
  myInterest,
  withdrawInterest,
  edgeAccess,
  magicLinkLanding,
  supportReport,
  contentReport,
} as const;

/**
 * The id of a documented route.
 *
 * @example
 * ```ts
 * import type { RouteId } from '@visitor-access/contract';
 * const id: RouteId = 'checkout';
 * ```
 */
export type RouteId = keyof typeof routes;

/**
 * The route table as a list, in the order `product-spec.md` numbers them.
 *
 * @example
 * ```ts
 * routeList.map((r) => `${r.method} ${r.path}`);
 * ```
 */
export const routeList = Object.values(routes);
