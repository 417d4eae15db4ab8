import * as z from 'zod/mini';
import { Currency, GroupBuyParams, Handle, IsoDateTime, Price, Slug } from '../common.js';
import { nonNegativeInt, positiveInt } from '../checks.js';
import type { AreaRoutes } from '../route-area.js';
import { defineRoute } from '../route.js';
import { routeMeta } from '../route-meta.js';
import type { meta } from './group-buys.meta.js';

/**
 * Where a group buy stands.
 *
 * @example
 * ```ts
 * import { GroupBuyStatus } from '@visitor-access/contract';
 * GroupBuyStatus.parse('target_reached');
 * ```
 */
export const GroupBuyStatus = z.enum(['collecting', 'target_reached', 'active']);
export type GroupBuyStatus = z.infer<typeof GroupBuyStatus>;

/**
 * A group buy as the public sees it.
 *
 * @example
 * ```ts
 * import { GroupBuy } from '@visitor-access/contract';
 * const result = GroupBuy.safeParse(await response.json());
 * if (!result.success) console.error(result.error.issues);
 * ```
 */
export const GroupBuy = z.object({
  handle: Handle,
  slug: Slug,
  title: z.string(),
  targetQuantity: z.number().check(positiveInt),
  interestCount: z.number().check(nonNegativeInt),
  status: GroupBuyStatus,
  price: z.optional(Price),
  currency: z.optional(Currency),
  /**
   * The PAID page this offer sells, unpublished while interest is collected. Once the group buy is
   * `active` the page is published and visitors buy it through that page's ordinary checkout.
   */
  pageSlug: z.optional(Slug),
});
export type GroupBuy = z.infer<typeof GroupBuy>;

/**
 * Answer to expressing interest.
 *
 * @example
 * ```ts
 * import { InterestResponse } from '@visitor-access/contract';
 * const result = InterestResponse.safeParse(await response.json());
 * if (!result.success) console.error(result.error.issues);
 * ```
 */
export const InterestResponse = z.object({
  interested: z.literal(true),
  interestCount: z.number().check(nonNegativeInt),
  status: GroupBuyStatus,
});
export type InterestResponse = z.infer<typeof InterestResponse>;

/**
 * The visitor's own interest.
 *
 * @example
 * ```ts
 * import { MyInterestResponse } from '@visitor-access/contract';
 * const result = MyInterestResponse.safeParse(await response.json());
 * if (!result.success) console.error(result.error.issues);
 * ```
 */
export const MyInterestResponse = z.object({
  interested: z.boolean(),
  expressedAt: z.optional(IsoDateTime),
});
export type MyInterestResponse = z.infer<typeof MyInterestResponse>;

/**
 * Answer to withdrawing interest.
 *
 * @example
 * ```ts
 * import { WithdrawInterestResponse } from '@visitor-access/contract';
 * const result = WithdrawInterestResponse.safeParse(await response.json());
 * if (!result.success) console.error(result.error.issues);
 * ```
 */
export const WithdrawInterestResponse = z.object({
  interested: z.literal(false),
  interestCount: z.number().check(nonNegativeInt),
});
export type WithdrawInterestResponse = z.infer<typeof WithdrawInterestResponse>;

/**
 * The `GET /v2/public/group-buys/{handle}/{groupBuySlug}` route: no auth.
 *
 * @example
 * ```ts
 * import { routes } from '@visitor-access/contract';
 * routes.getGroupBuy.method; // 'GET'
 * routes.getGroupBuy.path; // '/v2/public/group-buys/{handle}/{groupBuySlug}'
 * ```
 */
export const getGroupBuy = defineRoute({
  ...routeMeta.getGroupBuy,
  params: GroupBuyParams,
  responses: { 200: GroupBuy },
});

/**
 * The `POST /v2/public/group-buys/{handle}/{groupBuySlug}/interest` route: needs the visitor session cookie.
 *
 * @example
 * ```ts
 * import { routes } from '@visitor-access/contract';
 * routes.expressInterest.method; // 'POST'
 * routes.expressInterest.path; // '/v2/public/group-buys/{handle}/{groupBuySlug}/interest'
 * ```
 */
export const expressInterest = defineRoute({
  ...routeMeta.expressInterest,
  params: GroupBuyParams,
  body: z.optional(z.object({})),
  bodyOptional: true,
  responses: { 200: InterestResponse },
});

/**
 * The `GET /v2/public/group-buys/{handle}/{groupBuySlug}/my-interest` route: needs the visitor session cookie.
 *
 * @example
 * ```ts
 * import { routes } from '@visitor-access/contract';
 * routes.myInterest.method; // 'GET'
 * routes.myInterest.path; // '/v2/public/group-buys/{handle}/{groupBuySlug}/my-interest'
 * ```
 */
export const myInterest = defineRoute({
  ...routeMeta.myInterest,
  params: GroupBuyParams,
  responses: { 200: MyInterestResponse },
});

/**
 * The `DELETE /v2/public/group-buys/{handle}/{groupBuySlug}/my-interest` route: needs the visitor session cookie.
 *
 * @example
 * ```ts
 * import { routes } from '@visitor-access/contract';
 * routes.withdrawInterest.method; // 'DELETE'
 * routes.withdrawInterest.path; // '/v2/public/group-buys/{handle}/{groupBuySlug}/my-interest'
 * ```
 */
export const withdrawInterest = defineRoute({
  ...routeMeta.withdrawInterest,
  params: GroupBuyParams,
  responses: { 200: WithdrawInterestResponse },
});

/**
 * The routes of this area, keyed by id, for the route table (`routes`): one per entry of its `meta`.
 *
 * @example
 * ```ts
 * import { groupBuysRoutes } from '@visitor-access/contract';
 * Object.keys(groupBuysRoutes); // ['getGroupBuy', 'expressInterest', 'myInterest', 'withdrawInterest']
 * ```
 */
export const groupBuysRoutes = {
  getGroupBuy,
  expressInterest,
  myInterest,
  withdrawInterest,
} as const satisfies AreaRoutes<typeof meta>;
