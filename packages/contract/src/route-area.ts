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
 * One route of an area's `meta` as the area writes it: method, path template (with `{name}`
 * placeholders) and who may call it. {@link defineMeta} adds the id and the idempotency.
 *
 * @example
 * ```ts
 * const line: RouteLine = ['GET', '/v2/visitor/me', 'visitor'];
 * ```
 */
export type RouteLine = readonly [method: HttpMethod, path: string, auth: AuthKind];

/**
 * The {@link RouteMetaEntry} that {@link defineMeta} makes of the {@link RouteLine} under key `Id`,
 * with its literal types.
 *
 * @example
 * ```ts
 * type Me = MetaOf<'me', readonly ['GET', '/v2/visitor/me', 'visitor']>; // { id: 'me', …, idempotent: false }
 * ```
 */
export interface MetaOf<Id extends string, Line extends RouteLine> extends RouteMetaEntry {
  readonly id: Id;
  readonly method: Line[0];
  readonly path: Line[1];
  readonly auth: Line[2];
  readonly idempotent: Line[0] extends 'GET' ? false : true;
}

/**
 * Makes an area's `meta` from one {@link RouteLine} per route: each entry gets its key as `id`, and
 * `idempotent` follows from the method, so the rule is written once: every write (POST, DELETE)
 * accepts an `Idempotency-Key` and no read does (`product-spec.md`, decision 0177). Literal types are
 * kept, so `routeMeta.me.method` is `'GET'`.
 *
 * @example
 * ```ts
 * export const meta = defineMeta({ me: ['GET', '/v2/visitor/me', 'visitor'] });
 * meta.me; // { id: 'me', method: 'GET', path: '/v2/visitor/me', auth: 'visitor', idempotent: false }
 * ```
 */
export function defineMeta<const Lines extends Record<string, RouteLine>>(
  lines: Lines,
): { readonly [Id in keyof Lines & string]: MetaOf<Id, Lines[Id]> } {
  const meta: Record<string, RouteMetaEntry> = {};
  for (const [id, [method, path, auth]] of Object.entries(lines)) {
    meta[id] = { id, method, path, auth, idempotent: method !== 'GET' };
  }
  return meta as { readonly [Id in keyof Lines & string]: MetaOf<Id, Lines[Id]> };
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
