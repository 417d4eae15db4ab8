import * as z from 'zod/mini';
import { Currency, Handle, PageMode, PageParams, Price, Slug } from '../common.js';
import type { AreaRoutes } from '../route-area.js';
import { defineRoute } from '../route.js';
import { routeMeta } from '../route-meta.js';
import type { meta } from './access-check.meta.js';

/**
 * Why a visitor has, or lacks, access to a page.
 *
 * @example
 * ```ts
 * import { AccessReason } from '@visitor-access/contract';
 * AccessReason.parse('purchase_required');
 * ```
 */
export const AccessReason = z.enum(['public', 'visitor_auth_required', 'entitled', 'purchase_required']);
export type AccessReason = z.infer<typeof AccessReason>;

/**
 * What a visitor may know of a page before having access.
 *
 * @example
 * ```ts
 * import { PageSummary } from '@visitor-access/contract';
 * const result = PageSummary.safeParse(await response.json());
 * if (!result.success) console.error(result.error.issues);
 * ```
 */
export const PageSummary = z.object({
  handle: Handle,
  slug: Slug,
  title: z.string(),
  mode: PageMode,
  price: z.optional(Price),
  currency: z.optional(Currency),
});
export type PageSummary = z.infer<typeof PageSummary>;

/**
 * Answer to an access check.
 *
 * @example
 * ```ts
 * import { AccessCheckResponse } from '@visitor-access/contract';
 * const result = AccessCheckResponse.safeParse(await response.json());
 * if (!result.success) console.error(result.error.issues);
 * ```
 */
export const AccessCheckResponse = z.object({
  hasAccess: z.boolean(),
  reason: AccessReason,
  page: PageSummary,
});
export type AccessCheckResponse = z.infer<typeof AccessCheckResponse>;

/**
 * Body of an access check: none is needed; an empty object is accepted.
 *
 * @example
 * ```ts
 * import { AccessCheckRequest } from '@visitor-access/contract';
 * AccessCheckRequest.parse(undefined); // no body is fine
 * ```
 */
export const AccessCheckRequest = z.optional(z.object({}));

/**
 * The `POST /v2/public/pages/{handle}/{pageSlug}/access-check` route: uses the visitor session cookie when present.
 *
 * @example
 * ```ts
 * import { routes } from '@visitor-access/contract';
 * routes.checkAccess.method; // 'POST'
 * routes.checkAccess.path; // '/v2/public/pages/{handle}/{pageSlug}/access-check'
 * ```
 */
export const checkAccess = defineRoute({
  ...routeMeta.checkAccess,
  params: PageParams,
  body: AccessCheckRequest,
  bodyOptional: true,
  responses: { 200: AccessCheckResponse },
});

/**
 * The routes of this area, keyed by id, for the route table (`routes`): one per entry of its `meta`.
 *
 * @example
 * ```ts
 * import { accessCheckRoutes } from '@visitor-access/contract';
 * Object.keys(accessCheckRoutes); // ['checkAccess']
 * ```
 */
export const accessCheckRoutes = { checkAccess } as const satisfies AreaRoutes<typeof meta>;
