import type { RouteMetaEntry } from './route-area.js';
import { meta as access } from './routes/access.meta.js';
import { meta as accessCheck } from './routes/access-check.meta.js';
import { meta as auth } from './routes/auth.meta.js';
import { meta as checkout } from './routes/checkout.meta.js';
import { meta as edge } from './routes/edge.meta.js';
import { meta as groupBuys } from './routes/group-buys.meta.js';
import { meta as refund } from './routes/refund.meta.js';
import { meta as support } from './routes/support.meta.js';

export { buildPath, pathParamNames } from './route.js';
export type { AuthKind, HttpMethod } from './route.js';
export type { RouteMetaEntry } from './route-area.js';

/**
 * What the wire needs of a route — id, method, path template, auth and whether it takes an
 * `Idempotency-Key` — without any schema: the spread of each area's `routes/<area>.meta.ts`, in the
 * order `product-spec.md` numbers the routes. The route table (`routes`) is built from these
 * entries plus the zod/mini schemas; this module imports no zod, so a client that does not validate
 * (`@visitor-access/sdk/lite`, the script-tag bundle) can route requests without shipping zod.
 *
 * @example
 * ```ts
 * import { routeMeta } from '@visitor-access/contract/route-meta';
 * routeMeta.checkout; // { id: 'checkout', method: 'POST', path: '/v2/public/pages/{handle}/{pageSlug}/checkout', … }
 * ```
 */
export const routeMeta = {
  ...auth,
  ...accessCheck,
  ...checkout,
  ...access,
  ...refund,
  ...groupBuys,
  ...edge,
  ...support,
} as const satisfies Record<string, RouteMetaEntry>;

/**
 * The id of a documented route, from the zod-free {@link routeMeta}.
 *
 * @example
 * ```ts
 * const id: RouteMetaId = 'checkAccess';
 * ```
 */
export type RouteMetaId = keyof typeof routeMeta;
