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
  Params extends z.ZodMiniType | undefined = z.ZodMiniType | undefined,
  Query extends z.ZodMiniType | undefined = z.ZodMiniType | undefined,
  Body extends z.ZodMiniType | undefined = z.ZodMiniType | undefined,
  Responses extends Record<number, ResponseSchema> = Record<number, ResponseSchema>,
> {
  /** Stable identifier, also the OpenAPI `operationId`. */
  readonly id: Id;
  readonly method: HttpMethod;
  /** Path template with `{name}` placeholders. */
  readonly path: string;
  readonly auth: AuthKind;
  readonly params: Params;
  readonly query: Query;
  readonly body: Body;
  /** Whether the body may be left out entirely. */
  readonly bodyOptional?: boolean;
  /** Success responses by status. */
  readonly responses: Responses;
  /** Whether the route accepts `Idempotency-Key`. */
  readonly idempotent: boolean;
}

/**
 * Declares a route, keeping its literal types for inference.
 *
 * @example
 * ```ts
 * const me = defineRoute({ id: 'me', method: 'GET', path: '/v2/visitor/me', auth: 'visitor', ... });
 * ```
 */
export function defineRoute<
  const Id extends string,
  Params extends z.ZodMiniType | undefined,
  Query extends z.ZodMiniType | undefined,
  Body extends z.ZodMiniType | undefined,
  const Responses extends Record<number, ResponseSchema>,
>(def: RouteDef<Id, Params, Query, Body, Responses>): RouteDef<Id, Params, Query, Body, Responses> {
  return def;
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
