import type {
  GroupBuy,
  InterestResponse,
  MyInterestResponse,
  WithdrawInterestResponse,
} from '@visitor-access/contract';
import type { APIPromise } from '../api-promise.js';
import type { RequestOptions } from '../options.js';
import { APIResource } from '../resource.js';

/**
 * Group buys: an offer that goes live once enough visitors are interested.
 *
 * @example
 * ```ts
 * const gb = await client.groupBuys.get('gharart', 'spring-bundle');
 * ```
 */
export class GroupBuys extends APIResource {
  /**
   * A group buy: title, target, how many are interested, status.
   *
   * @example
   * ```ts
   * const { interestCount, targetQuantity } = await client.groupBuys.get('gharart', 'spring-bundle');
   * ```
   */
  get(handle: string, groupBuySlug: string, options?: RequestOptions): APIPromise<GroupBuy> {
    return this.core.call('getGroupBuy', { params: { handle, groupBuySlug }, options });
  }

  /**
   * Registers the visitor's interest (once per visitor; repeats change nothing).
   *
   * @example
   * ```ts
   * const { interestCount, status } = await client.groupBuys.expressInterest('gharart', 'spring-bundle');
   * ```
   */
  expressInterest(handle: string, groupBuySlug: string, options?: RequestOptions): APIPromise<InterestResponse> {
    return this.core.call('expressInterest', { params: { handle, groupBuySlug }, options });
  }

  /**
   * Whether the visitor is interested, and since when.
   *
   * @example
   * ```ts
   * const { interested } = await client.groupBuys.myInterest('gharart', 'spring-bundle');
   * ```
   */
  myInterest(handle: string, groupBuySlug: string, options?: RequestOptions): APIPromise<MyInterestResponse> {
    return this.core.call('myInterest', { params: { handle, groupBuySlug }, options });
  }

  /**
   * Withdraws the visitor's interest.
   *
   * @example
   * ```ts
   * const { interestCount } = await client.groupBuys.withdrawInterest('gharart', 'spring-bundle');
   * ```
   */
  withdrawInterest(
    handle: string,
    groupBuySlug: string,
    options?: RequestOptions,
  ): APIPromise<WithdrawInterestResponse> {
    return this.core.call('withdrawInterest', { params: { handle, groupBuySlug }, options });
  }
}
