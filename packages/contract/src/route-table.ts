import { accessCheckRoutes } from './routes/access-check.js';
import { accessRoutes } from './routes/access.js';
import { authRoutes } from './routes/auth.js';
import { checkoutRoutes } from './routes/checkout.js';
import { edgeRoutes } from './routes/edge.js';
import { groupBuysRoutes } from './routes/group-buys.js';
import { refundRoutes } from './routes/refund.js';
import { supportRoutes } from './routes/support.js';

/**
 * Every documented route, keyed by its id: the spread of each area's routes (`routes/<area>.ts`), in
 * the order `product-spec.md` numbers them. The SDK has exactly one method per entry, the mock one
 * handler per entry, and `docs/openapi.json` one operation per entry.
 *
 * @example
 * ```ts
 * import { routes } from '@visitor-access/contract';
 * routes.checkout.path; // '/v2/public/pages/{handle}/{pageSlug}/checkout'
 * ```
 */
export const routes = {
  ...authRoutes,
  ...accessCheckRoutes,
  ...checkoutRoutes,
  ...accessRoutes,
  ...refundRoutes,
  ...groupBuysRoutes,
  ...edgeRoutes,
  ...supportRoutes,
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
