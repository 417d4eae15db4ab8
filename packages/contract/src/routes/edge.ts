import * as z from 'zod/mini';
import { RedirectUrl } from '../common.js';
import type { AreaRoutes } from '../route-area.js';
import { defineRoute } from '../route.js';
import { routeMeta } from '../route-meta.js';
import type { meta } from './edge.meta.js';
import { AccessItem } from './access.js';
import { MagicLinkToken } from './auth.js';

/**
 * What the edge knows of the current visitor: who they are (or null) and their access.
 *
 * @example
 * ```ts
 * import { EdgeAccessResponse } from '@visitor-access/contract';
 * const result = EdgeAccessResponse.safeParse(await response.json());
 * if (!result.success) console.error(result.error.issues);
 * ```
 */
export const EdgeAccessResponse = z.object({
  visitor: z.nullable(z.object({ id: z.string(), email: z.string() })),
  items: z.array(AccessItem),
});
export type EdgeAccessResponse = z.infer<typeof EdgeAccessResponse>;

/**
 * The `GET /_edge/visitor/access` route: uses the visitor session cookie when present.
 *
 * @example
 * ```ts
 * import { routes } from '@visitor-access/contract';
 * routes.edgeAccess.method; // 'GET'
 * routes.edgeAccess.path; // '/_edge/visitor/access'
 * ```
 */
export const edgeAccess = defineRoute({
  ...routeMeta.edgeAccess,
  responses: { 200: EdgeAccessResponse },
});

/**
 * Query of the magic-link landing.
 *
 * @example
 * ```ts
 * import { LandingQuery } from '@visitor-access/contract';
 * LandingQuery.parse({ returnTo: 'https://gharart.example/masterclass' });
 * ```
 */
export const LandingQuery = z.object({ returnTo: z.optional(RedirectUrl) });

/**
 * The `GET /_edge/visitor/access/t/{token}` route: no auth.
 *
 * @example
 * ```ts
 * import { routes } from '@visitor-access/contract';
 * routes.magicLinkLanding.method; // 'GET'
 * routes.magicLinkLanding.path; // '/_edge/visitor/access/t/{token}'
 * ```
 */
export const magicLinkLanding = defineRoute({
  ...routeMeta.magicLinkLanding,
  params: z.object({ token: MagicLinkToken }),
  query: LandingQuery,
  responses: { 200: 'html', 401: 'html' },
});

/**
 * The routes of this area, keyed by id, for the route table (`routes`): one per entry of its `meta`.
 *
 * @example
 * ```ts
 * import { edgeRoutes } from '@visitor-access/contract';
 * Object.keys(edgeRoutes); // ['edgeAccess', 'magicLinkLanding']
 * ```
 */
export const edgeRoutes = { edgeAccess, magicLinkLanding } as const satisfies AreaRoutes<typeof meta>;
