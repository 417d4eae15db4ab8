import * as z from 'zod/mini';
import { Currency, Handle, PageParams, Price, Slug } from '../common.js';
import { defineRoute } from '../route.js';

/** Body of a creator refund. */
export const RefundRequest = z.object({
  visitorId: z.string().check(z.regex(/^vis_[A-Za-z0-9_-]{1,64}$/, 'Expected a visitor ID (vis_…)')),
});
export type RefundRequest = z.infer<typeof RefundRequest>;

/** A refund that went through. */
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

/** Answer to a refund. */
export const RefundResponse = z.object({ refund: Refund });
export type RefundResponse = z.infer<typeof RefundResponse>;

export const refund = defineRoute({
  id: 'refund',
  method: 'POST',
  path: '/v2/handles/{handle}/pages/{pageSlug}/refund',
  auth: 'creator',
  params: PageParams,
  query: undefined,
  body: RefundRequest,
  responses: { 200: RefundResponse },
  idempotent: true,
});
