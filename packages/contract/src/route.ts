import type * as z from 'zod/mini';

/**
 * Who may call a route. `visitor-optional` uses the session cookie when it is present.
 *
 * @example
 * ```ts
 * import { routes, type AuthKind } from '@visitor-access/contract';
 * const auth: AuthKind = routes.refund.auth; // 'creator'
 * ```
 */
export type AuthKind = 'none' | 'visitor' | 'visitor-optional' | 'creator';

/**
 * HTTP methods the platform uses.
 *
 * @example
 * ```ts
 * import { routes, type HttpMethod } from '@visitor-access/contract';
 * const method: HttpMethod = routes.withdrawInterest.method; // 'DELETE'
 * ```
 */
export type HttpMethod = 'GET' | 'POST' | 'DELETE';

/**
 * The schema of a response, or `'html'` for a page rendered for people, or `null` for no body.
 *
 * @example
 * ```ts
 * import { routes, type ResponseSchema } from '@visitor-access/contract';
 * const noBody: ResponseSchema = routes.logout.responses[204]; // null
 * ```
 */
export type ResponseSchema = z.ZodMiniType | 'html' | null;

/** A schema slot of a route: a zod/mini schema, or `undefined` where the route has none. */
type SchemaSlot = z.ZodMiniType | undefined;

/**
 * What a route is besides its `params`, `query` and `body` schemas: the part {@link defineRoute}
 * needs in full.
 *
 * @example
 * ```ts
 * const facts: RouteFacts<'me', { 200: typeof VisitorResponse }> = { ...routeMeta.me, responses: { 200: VisitorResponse } };
 * ```
 */
export interface RouteFacts<
  Id extends string = string,
  Responses extends Record<number, ResponseSchema> = Record<number, ResponseSchema>,
> {
  /** Stable identifier, also the OpenAPI `operationId`. */
  readonly id: Id;
  readonly method: HttpMethod;
  /** Path template with `{name}` placeholders. */
  readonly path: string;
  readonly auth: AuthKind;
  /** Whether the body may be left out entirely. */
  readonly bodyOptional?: boolean;
  /** Success responses by status. */
  readonly responses: Responses;
  /** Whether the route accepts `Idempotency-Key`. */
  readonly idempotent: boolean;
}

/**
 * One documented route: the single description that the SDK, the mock and the OpenAPI document
 * are all built from.
 *
 * @example
 * ```ts
 * import { routeList, type RouteDef } from '@visitor-access/contract';
 * const writes = routeList.filter((r: RouteDef) => r.method !== 'GET');
 * ```
 */
export interface RouteDef<
  Id extends string = string,
  Params extends SchemaSlot = SchemaSlot,
  Query extends SchemaSlot = SchemaSlot,
  Body extends SchemaSlot = SchemaSlot,
  Responses extends Record<number, ResponseSchema> = Record<number, ResponseSchema>,
> extends RouteFacts<Id, Responses> {
  readonly params: Params;
  readonly query: Query;
  readonly body: Body;
}

/**
 * Declares a route, keeping its literal types for inference. `params`, `query` and `body` that are
 * left out are `undefined` in the route: it has none.
 *
 * @example
 * ```ts
 * const me = defineRoute({ ...routeMeta.me, responses: { 200: VisitorResponse } });
 * me.body; // undefined
 * ```
 */
export function defineRoute<
  const Id extends string,
  const Responses extends Record<number, ResponseSchema>,
  Params extends SchemaSlot = undefined,
  Query extends SchemaSlot = undefined,
  Body extends SchemaSlot = undefined,
>(
  def: RouteFacts<Id, Responses> & { readonly params?: Params; readonly query?: Query; readonly body?: Body },
): RouteDef<Id, Params, Query, Body, Responses> {
  const { id, method, path, auth, idempotent, params, query, body, bodyOptional, responses } = def;
  return {
    id,
    method,
    path,
    auth,
    idempotent,
    params: params as Params,
    query: query as Query,
    body: body as Body,
    ...(bodyOptional === undefined ? {} : { bodyOptional }),
    responses,
  };
}

/**
 * Fills a path template with encoded parameters.
 *
 * @example
 * ```ts
 * buildPath('/v2/public/pages/{handle}/{pageSlug}/checkout', { handle: 'gharart', pageSlug: 'masterclass' });
 * // '/v2/public/pages/gharart/masterclass/checkout'
 * ```
 */
export function buildPath(template: string, params: Record<string, string> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new TypeError(`Missing path parameter "${name}"`);
    return encodeURIComponent(value);
  });
}

/**
 * The names of the `{placeholders}` in a path template, in order.
 *
 * @example
 * ```ts
 * pathParamNames('/v2/public/group-buys/{handle}/{groupBuySlug}'); // ['handle', 'groupBuySlug']
 * ```
 */
export function pathParamNames(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
}
