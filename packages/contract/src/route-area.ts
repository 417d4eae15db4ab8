import type { ErrorCode } from './errors.js';
import type { AuthKind, HttpMethod, RouteDef } from './route.js';

/**
 * The OpenAPI tags, in the order the document lists them. Every route documents exactly one.
 *
 * @example
 * ```ts
 * import { routeTags } from '@visitor-access/contract/openapi';
 * routeTags.includes('refunds'); // true
 * ```
 */
export const routeTags = ['auth', 'pages', 'access', 'refunds', 'group-buys', 'edge', 'support'] as const;

/**
 * One OpenAPI tag of {@link routeTags}.
 *
 * @example
 * ```ts
 * const tag: RouteTag = 'group-buys';
 * ```
 */
export type RouteTag = (typeof routeTags)[number];

/**
 * What the wire needs of one route: id, method, path template, auth and whether it takes an
 * `Idempotency-Key`, without any schema. One entry of `routeMeta`.
 *
 * @example
 * ```ts
 * const entry: RouteMetaEntry = { id: 'me', method: 'GET', path: '/v2/visitor/me', auth: 'visitor', idempotent: false };
 * ```
 */
export interface RouteMetaEntry {
  readonly id: string;
  readonly method: HttpMethod;
  /** Path template with `{name}` placeholders. */
  readonly path: string;
  readonly auth: AuthKind;
  /** Whether the route accepts `Idempotency-Key`: every write does (`product-spec.md`). */
  readonly idempotent: boolean;
}

/**
 * What a route documents beyond its runtime shape: kept apart from `routes` so it never reaches a browser bundle.
 *
 * @example
 * ```ts
 * import { routeDocs, type RouteDoc } from '@visitor-access/contract/openapi';
 * const doc: RouteDoc = routeDocs.refund;
 * doc.errors.includes('already_refunded'); // true
 * ```
 */
export interface RouteDoc {
  readonly summary: string;
  readonly description?: string;
  readonly tag: RouteTag;
  /**
   * Error codes particular to the route. The codes every route of its kind can answer (a write's
   * 415, 422 and 503, a visitor route's 401…) are added by `routeErrors`, not restated here.
   */
  readonly errors: readonly ErrorCode[];
}

/**
 * The check an area's `<area>.meta.ts` puts on its `docs`: exactly one entry per route of its `meta`.
 *
 * @example
 * ```ts
 * export const docs = { me: { tag: 'auth', summary: 'The signed-in visitor', errors: [] } } satisfies AreaDocs<typeof meta>;
 * ```
 */
export type AreaDocs<Meta> = { readonly [Id in keyof Meta]: RouteDoc };

/**
 * The check an area's `<area>.ts` puts on its route object: exactly one route per entry of its
 * `meta`, with the id of that entry.
 *
 * @example
 * ```ts
 * export const authRoutes = { requestMagicLink, verify, me, logout } as const satisfies AreaRoutes<typeof meta>;
 * ```
 */
export type AreaRoutes<Meta> = { readonly [Id in keyof Meta]: RouteDef<Id & string> };
