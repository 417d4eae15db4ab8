import * as z from 'zod/mini';
import { Currency, GroupBuyParams, Handle, IsoDateTime, Price, Slug } from '../common.js';
import { defineRoute } from '../route.js';

/** Where a group buy stands. */
export const GroupBuyStatus = z.enum(['collecting', 'target_reached', 'active']);
export type GroupBuyStatus = z.infer<typeof GroupBuyStatus>;

/** A group buy as the public sees it. */
export const GroupBuy = z.object({
  handle: Handle,
  slug: Slug,
  title: z.string(),
  targetQuantity: z.int().check(z.positive()),
  interestCount: z.int().check(z.nonnegative()),
  status: GroupBuyStatus,
  price: z.optional(Price),
  currency: z.optional(Currency),
});
export type GroupBuy = z.infer<typeof GroupBuy>;

/** Answer to expressing interest. */
export const InterestResponse = z.object({
  interested: z.literal(true),
  interestCount: z.int().check(z.nonnegative()),
  status: GroupBuyStatus,
});
export type InterestResponse = z.infer<typeof InterestResponse>;

/** The visitor's own interest. */
export const MyInterestResponse = z.object({
  interested: z.boolean(),
  expressedAt: z.optional(IsoDateTime),
});
export type MyInterestResponse = z.infer<typeof MyInterestResponse>;

/** Answer to withdrawing interest. */
export const WithdrawInterestResponse = z.object({
  interested: z.literal(false),
  interestCount: z.int().check(z.nonnegative()),
});
export type WithdrawInterestResponse = z.infer<typeof WithdrawInterestResponse>;

const common = { params: GroupBuyParams, query: undefined } as const;

export const getGroupBuy = defineRoute({
  ...common,
  id: 'getGroupBuy',
  method: 'GET',
  path: '/v2/public/group-buys/{handle}/{groupBuySlug}',
  auth: 'none',
  body: undefined,
  responses: { 200: GroupBuy },
  idempotent: false,
});

export const expressInterest = defineRoute({
  ...common,
  id: 'expressInterest',
  method: 'POST',
  path: '/v2/public/group-buys/{handle}/{groupBuySlug}/interest',
  auth: 'visitor',
  body: z.optional(z.object({})),
  bodyOptional: true,
  responses: { 200: InterestResponse },
  idempotent: true,
});

export const myInterest = defineRoute({
  ...common,
  id: 'myInterest',
  method: 'GET',
  path: '/v2/public/group-buys/{handle}/{groupBuySlug}/my-interest',
  auth: 'visitor',
  body: undefined,
  responses: { 200: MyInterestResponse },
  idempotent: false,
});

export const withdrawInterest = defineRoute({
  ...common,
  id: 'withdrawInterest',
  method: 'DELETE',
  path: '/v2/public/group-buys/{handle}/{groupBuySlug}/my-interest',
  auth: 'visitor',
  body: undefined,
  responses: { 200: WithdrawInterestResponse },
  idempotent: false,
});
