import type { AuthKind, HttpMethod } from './route.js';

export { buildPath, pathParamNames } from './route.js';
export type { AuthKind, HttpMethod } from './route.js';

/**
 * What the wire needs of a route — id, method, path template, auth and whether it takes an
 * `Idempotency-Key` — without any schema. The route table (`routes`) is built from these
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
  requestMagicLink: {
    id: 'requestMagicLink',
    method: 'POST',
    path: '/v2/visitor/auth/magic-link',
    auth: 'none',
    idempotent: true,
  },
  verify: { id: 'verify', method: 'POST', path: '/v2/visitor/auth/verify', auth: 'none', idempotent: true },
  me: { id: 'me', method: 'GET', path: '/v2/visitor/me', auth: 'visitor', idempotent: false },
  logout: {
    id: 'logout',
    method: 'POST',
    path: '/v2/visitor/auth/logout',
    auth: 'visitor-optional',
    idempotent: true,
  },
  checkAccess: {
    id: 'checkAccess',
    method: 'POST',
    path: '/v2/public/pages/{handle}/{pageSlug}/access-check',
    auth: 'visitor-optional',
    idempotent: true,
  },
  checkout: {
    id: 'checkout',
    method: 'POST',
    path: '/v2/public/pages/{handle}/{pageSlug}/checkout',
    auth: 'visitor',
    idempotent: true,
  },
  listAccess: { id: 'listAccess', method: 'GET', path: '/v2/visitor/access', auth: 'visitor', idempotent: false },
  refund: {
    id: 'refund',
    method: 'POST',
    path: '/v2/handles/{handle}/pages/{pageSlug}/refund',
    auth: 'creator',
    idempotent: true,
  },
  getGroupBuy: {
    id: 'getGroupBuy',
    method: 'GET',
    path: '/v2/public/group-buys/{handle}/{groupBuySlug}',
    auth: 'none',
    idempotent: false,
  },
  expressInterest: {
    id: 'expressInterest',
    method: 'POST',
    path: '/v2/public/group-buys/{handle}/{groupBuySlug}/interest',
    auth: 'visitor',
    idempotent: true,
  },
  myInterest: {
    id: 'myInterest',
    method: 'GET',
    path: '/v2/public/group-buys/{handle}/{groupBuySlug}/my-interest',
    auth: 'visitor',
    idempotent: false,
  },
  withdrawInterest: {
    id: 'withdrawInterest',
    method: 'DELETE',
    path: '/v2/public/group-buys/{handle}/{groupBuySlug}/my-interest',
    auth: 'visitor',
    idempotent: true,
  },
  edgeAccess: {
    id: 'edgeAccess',
    method: 'GET',
    path: '/_edge/visitor/access',
    auth: 'visitor-optional',
    idempotent: false,
  },
  magicLinkLanding: {
    id: 'magicLinkLanding',
    method: 'GET',
    path: '/_edge/visitor/access/t/{token}',
    auth: 'none',
    idempotent: false,
  },
  supportReport: {
    id: 'supportReport',
    method: 'POST',
    path: '/v2/support/report',
    auth: 'visitor-optional',
    idempotent: true,
  },
  contentReport: {
    id: 'contentReport',
    method: 'POST',
    path: '/v2/public/content-report',
    auth: 'none',
    idempotent: true,
  },
} as const satisfies Record<string, RouteMetaEntry>;

/**
 * One entry of {@link routeMeta}.
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
 * The id of a documented route, from the zod-free {@link routeMeta}.
 *
 * @example
 * ```ts
 * const id: RouteMetaId = 'checkAccess';
 * ```
 */
export type RouteMetaId = keyof typeof routeMeta;
