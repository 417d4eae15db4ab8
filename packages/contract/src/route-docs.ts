import type { ErrorCode } from './errors.js';
import type { RouteDoc } from './route-area.js';
import type { RouteId } from './route-table.js';
import { docs as access } from './routes/access.meta.js';
import { docs as accessCheck } from './routes/access-check.meta.js';
import { docs as auth } from './routes/auth.meta.js';
import { docs as checkout } from './routes/checkout.meta.js';
import { docs as edge } from './routes/edge.meta.js';
import { docs as groupBuys } from './routes/group-buys.meta.js';
import { docs as refund } from './routes/refund.meta.js';
import { docs as support } from './routes/support.meta.js';

export { routeTags, type RouteDoc, type RouteTag } from './route-area.js';

/**
 * Summary, description, tag and documented error codes of every route, for the OpenAPI document and tests:
 * the spread of each area's `docs` (`routes/<area>.meta.ts`).
 *
 * @example
 * ```ts
 * import { routeDocs } from '@visitor-access/contract/openapi';
 * routeDocs.checkout.errors; // ['invalid_request', 'visitor_unauthorized', …]
 * ```
 */
export const routeDocs: Record<RouteId, RouteDoc> = {
  ...auth,
  ...accessCheck,
  ...checkout,
  ...access,
  ...refund,
  ...groupBuys,
  ...edge,
  ...support,
};

/**
 * Every error code a route documents: its own ({@link RouteDoc.errors}) plus those that follow from its
 * kind. Every write (a POST or DELETE) can answer `invalid_request` (a bad body or `Idempotency-Key`),
 * `payload_too_large` (a body over 64 KiB), `unsupported_media_type` (a body that is not JSON), `idempotency_key_reused` and
 * `storage_unavailable`; a route with path parameters, a query or a body `invalid_request`; a visitor
 * route `visitor_unauthorized`; a creator route `creator_unauthorized` and `forbidden`; and every route
 * 503 `service_unavailable` (the service is down for a moment and nothing changed: retry it). The
 * OpenAPI document and the mock's conformance test both read this list.
 *
 * @example
 * ```ts
 * import { routes } from '@visitor-access/contract';
 * import { routeErrors } from '@visitor-access/contract/openapi';
 * routeErrors(routes.logout); // ['invalid_request', 'payload_too_large', 'unsupported_media_type', 'idempotency_key_reused', 'storage_unavailable', 'service_unavailable']
 * ```
 */
export function routeErrors(route: {
  readonly id: string;
  readonly method: string;
  readonly auth: string;
  readonly params?: unknown;
  readonly query?: unknown;
  readonly body?: unknown;
}): ErrorCode[] {
  const codes = new Set<ErrorCode>();
  if (route.auth === 'visitor') codes.add('visitor_unauthorized');
  if (route.auth === 'creator') {
    codes.add('creator_unauthorized');
    codes.add('forbidden');
  }
  // The landing answers a page for people, whatever its token: no JSON errors.
  const html = route.id === 'magicLinkLanding';
  if (!html && (route.params || route.query || route.body)) codes.add('invalid_request');
  for (const code of routeDocs[route.id as RouteId].errors) codes.add(code);
  if (route.method !== 'GET') {
    for (const code of [
      'invalid_request',
      'payload_too_large',
      'unsupported_media_type',
      'idempotency_key_reused',
      'storage_unavailable',
    ] as const)
      codes.add(code);
  }
  // Any server can be down for a moment; nothing changed, and clients retry it.
  codes.add('service_unavailable');
  return [...codes];
}
