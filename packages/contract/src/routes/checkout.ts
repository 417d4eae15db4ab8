import * as z from 'zod/mini';
import { PageParams, RedirectUrl } from '../common.js';
import type { AreaRoutes } from '../route-area.js';
import { defineRoute } from '../route.js';
import { routeMeta } from '../route-meta.js';
import type { meta } from './checkout.meta.js';

/**
 * Body of a checkout: where Stripe sends the visitor afterwards.
 *
 * @example
 * ```ts
 * import { CheckoutRequest } from '@visitor-access/contract';
 * CheckoutRequest.parse({ successUrl: 'https://example.com/thanks', cancelUrl: 'https://example.com/cancelled' });
 * ```
 */
export const CheckoutRequest = z.object({
  successUrl: RedirectUrl,
  cancelUrl: RedirectUrl,
});
export type CheckoutRequest = z.infer<typeof CheckoutRequest>;

/**
 * A Stripe Checkout session to redirect the visitor to.
 *
 * @example
 * ```ts
 * import { CheckoutResponse } from '@visitor-access/contract';
 * const result = CheckoutResponse.safeParse(await response.json());
 * if (!result.success) console.error(result.error.issues);
 * ```
 */
export const CheckoutResponse = z.object({
  url: z.string(),
  sessionId: z.string(),
});
export type CheckoutResponse = z.infer<typeof CheckoutResponse>;

/**
 * The `POST /v2/public/pages/{handle}/{pageSlug}/checkout` route: needs the visitor session cookie.
 *
 * @example
 * ```ts
 * import { routes } from '@visitor-access/contract';
 * routes.checkout.method; // 'POST'
 * routes.checkout.path; // '/v2/public/pages/{handle}/{pageSlug}/checkout'
 * ```
 */
export const checkout = defineRoute({
  ...routeMeta.checkout,
  params: PageParams,
  body: CheckoutRequest,
  responses: { 200: CheckoutResponse },
});

/**
 * The routes of this area, keyed by id, for the route table (`routes`): one per entry of its `meta`.
 *
 * @example
 * ```ts
 * import { checkoutRoutes } from '@visitor-access/contract';
 * Object.keys(checkoutRoutes); // ['checkout']
 * ```
 */
export const checkoutRoutes = { checkout } as const satisfies AreaRoutes<typeof meta>;
