import * as z from 'zod/mini';
import { HttpUrl, PageParams } from '../common.js';
import { defineRoute } from '../route.js';

/** Body of a checkout: where Stripe sends the visitor afterwards. */
export const CheckoutRequest = z.object({
  successUrl: HttpUrl,
  cancelUrl: HttpUrl,
});
export type CheckoutRequest = z.infer<typeof CheckoutRequest>;

/** A Stripe Checkout session to redirect the visitor to. */
export const CheckoutResponse = z.object({
  url: z.string(),
  sessionId: z.string(),
});
export type CheckoutResponse = z.infer<typeof CheckoutResponse>;

export const checkout = defineRoute({
  id: 'checkout',
  method: 'POST',
  path: '/v2/public/pages/{handle}/{pageSlug}/checkout',
  auth: 'visitor',
  params: PageParams,
  query: undefined,
  body: CheckoutRequest,
  responses: { 200: CheckoutResponse },
  idempotent: true,
});
