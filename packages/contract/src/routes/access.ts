import * as z from 'zod/mini';
import { Handle, IsoDateTime } from '../common.js';
import type { AreaRoutes } from '../route-area.js';
import { defineRoute } from '../route.js';
import { routeMeta } from '../route-meta.js';
import type { meta } from './access.meta.js';

/**
 * One entry of a visitor's access history.
 *
 * @example
 * ```ts
 * import { AccessItem } from '@visitor-access/contract';
 * const result = AccessItem.safeParse(await response.json());
 * if (!result.success) console.error(result.error.issues);
 * ```
 */
export const AccessItem = z.object({
  resourceType: z.enum(['page', 'file']),
  handle: Handle,
  slug: z.string(),
  title: z.string(),
  accessType: z.enum(['purchase', 'free_login', 'allowlist']),
  status: z.enum(['active', 'refunded', 'revoked']),
  grantedAt: IsoDateTime,
  revokedAt: z.optional(IsoDateTime),
});
export type AccessItem = z.infer<typeof AccessItem>;

/**
 * A visitor's access history, newest first.
 *
 * @example
 * ```ts
 * import { AccessListResponse } from '@visitor-access/contract';
 * const result = AccessListResponse.safeParse(await response.json());
 * if (!result.success) console.error(result.error.issues);
 * ```
 */
export const AccessListResponse = z.object({ items: z.array(AccessItem) });
export type AccessListResponse = z.infer<typeof AccessListResponse>;

/**
 * The `GET /v2/visitor/access` route: needs the visitor session cookie.
 *
 * @example
 * ```ts
 * import { routes } from '@visitor-access/contract';
 * routes.listAccess.method; // 'GET'
 * routes.listAccess.path; // '/v2/visitor/access'
 * ```
 */
export const listAccess = defineRoute({
  ...routeMeta.listAccess,
  responses: { 200: AccessListResponse },
});

/**
 * The routes of this area, keyed by id, for the route table (`routes`): one per entry of its `meta`.
 *
 * @example
 * ```ts
 * import { accessRoutes } from '@visitor-access/contract';
 * Object.keys(accessRoutes); // ['listAccess']
 * ```
 */
export const accessRoutes = { listAccess } as const satisfies AreaRoutes<typeof meta>;
