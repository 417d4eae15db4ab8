import * as z from 'zod/mini';
import { Currency, Handle, PageParams, Price, Slug } from '../common.js';
import type { AreaRoutes } from '../route-area.js';
import { defineRoute } from '../route.js';
import { routeMeta } from '../route-meta.js';
import type { meta } from './refund.meta.js';

/**
 * Body of a creator refund.
 *
 * @example
 * ```ts
 * import { RefundRequest } from '@visitor-access/contract';
 * RefundRequest.parse({ visitorId: 'vis_abc123' });
 * ```
 */
export const RefundRequest = z.object({
  visitorId: z.string().check(z.regex(/^vis_[A-Za-z0-9_-]{1,64}$/, 'Expected a visitor ID (vis_…)')),
});
export type RefundRequest = z.infer<typeof RefundRequest>;

/**
 * A refund that went through.
 *
 * @example
 * ```ts
 * import { Refund } from '@visitor-access/contract';
 * const result = Refund.safeParse(await response.json());
 * if (!result.success) console.error(result.error.issues);
 * ```
 */
export const Refund = z.object({
  id: z.string(),
  visitorId: z.string(),
  handle: Handle,
  pageSlug: Slug,
  amount: Price,
  currency: Currency,
  status: z.literal('succeeded'),
});
export type Refund = z.infer<typeof Refund>;

/**
 * Answer to a refund.
 *
 * @example
 * ```ts
 * import { RefundResponse } from '@visitor-access/contract';
 * const result = RefundResponse.safeParse(await response.json());
 * if (!result.success) console.error(result.error.issues);
 * ```
 */
export const RefundResponse = z.object({ refund: Refund });
export type RefundResponse = z.infer<typeof RefundResponse>;

/**
 * The `POST /v2/handles/{handle}/pages/{pageSlug}/refund` route: needs a creator JWT (`Authorization: Bearer`).
 *
 * @example
 * ```ts
 * import { routes } from '@visitor-access/contract';
 * routes.refund.method; // 'POST'
 * routes.refund.path; // '/v2/handles/{handle}/pages/{pageSlug}/refund'
 * ```
 */
export const refund = defineRoute({
  ...routeMeta.refund,
  params: PageParams,
  body: RefundRequest,
  responses: { 200: RefundResponse },
});

/**
 * The routes of this area, keyed by id, for the route table (`routes`): one per entry of its `meta`.
 *
 * @example
 * ```ts
 * import { refundRoutes } from '@visitor-access/contract';
 * Object.keys(refundRoutes); // ['refund']
 * ```
 */
export const refundRoutes = { refund } as const satisfies AreaRoutes<typeof meta>;
