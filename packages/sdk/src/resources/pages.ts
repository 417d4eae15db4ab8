import type {
  AccessCheckResponse,
  CheckoutRequest,
  CheckoutResponse,
  RefundRequest,
  RefundResponse,
} from '@visitor-access/contract';
import type { APIPromise } from '../api-promise.js';
import type { RequestOptions } from '../options.js';
import { APIResource } from '../resource.js';

/**
 * A creator's pages: access checks, checkout and refunds.
 *
 * @example
 * ```ts
 * const { hasAccess, reason } = await client.pages.checkAccess('gharart', 'masterclass');
 * ```
 */
export class Pages extends APIResource {
  /**
   * Whether the current visitor may see a page, and why (`public`, `visitor_auth_required`,
   * `purchase_required`, `entitled`), with what the page is and costs.
   *
   * @example
   * ```ts
   * const access = await client.pages.checkAccess('gharart', 'masterclass');
   * if (access.reason === 'purchase_required') showBuyButton(access.page.price, access.page.currency);
   * ```
   */
  checkAccess(handle: string, pageSlug: string, options?: RequestOptions): APIPromise<AccessCheckResponse> {
    return this.core.call('checkAccess', { params: { handle, pageSlug }, options });
  }

  /**
   * Starts a Stripe Checkout for a PAID page; send the visitor to `url`. Carries an `Idempotency-Key`.
   *
   * @example
   * ```ts
   * const { url } = await client.pages.checkout('gharart', 'masterclass', {
   *   successUrl: `${location.origin}/thanks`,
   *   cancelUrl: location.href,
   * });
   * location.assign(url);
   * ```
   */
  checkout(
    handle: string,
    pageSlug: string,
    body: CheckoutRequest,
    options?: RequestOptions,
  ): APIPromise<CheckoutResponse> {
    return this.core.call('checkout', { params: { handle, pageSlug }, body, options });
  }

  /**
   * Refunds a visitor's purchase and revokes their access at once. Needs the `creatorToken` option
   * (a creator JWT for `handle`). Carries an `Idempotency-Key`.
   *
   * @example
   * ```ts
   * const creator = createClient({ baseUrl, creatorToken: () => getCreatorJwt() });
   * const { refund } = await creator.pages.refund('gharart', 'masterclass', { visitorId: 'vis_123' });
   * ```
   */
  refund(handle: string, pageSlug: string, body: RefundRequest, options?: RequestOptions): APIPromise<RefundResponse> {
    return this.core.call('refund', { params: { handle, pageSlug }, body, options });
  }
}
