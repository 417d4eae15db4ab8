// Refunds (a creator's, or one made in Stripe): the refund record, and the purchase's revocation by its
// owner (`purchases.ts`).
import { randomId } from '../crypto.js';
import type { RefundRecord } from '../records.js';
import type { PurchasesSlice } from './purchases.js';
import { fail, ok, pageKey, type Kernel, type Result } from './state.js';

export class RefundsSlice {
  constructor(
    private readonly k: Kernel,
    private readonly purchases: PurchasesSlice,
  ) {}

  /** Refunds a purchase and revokes access at once. */
  refund(handle: string, slug: string, visitorId: string, source: 'creator' | 'stripe'): Result<RefundRecord> {
    if (!this.k.t.pages.has(pageKey(handle, slug))) {
      return fail('page_not_found', `There is no page "${slug}" for "${handle}".`);
    }
    const purchase = this.purchases.find(visitorId, handle, slug);
    if (!purchase) return fail('purchase_not_found', 'This visitor has no purchase of this page.');
    if (this.purchases.status(purchase) === 'refunded') {
      return fail('already_refunded', 'This purchase was already refunded.');
    }
    const now = this.k.now();
    const refund: RefundRecord = {
      id: randomId('re_'),
      visitorId,
      handle,
      pageSlug: slug,
      amount: purchase.amount,
      currency: purchase.currency,
      status: 'succeeded',
      source,
      createdAt: now,
    };
    this.purchases.refund(purchase, refund.id, now);
    this.k.t.refunds.put(refund.id, refund);
    return ok(refund);
  }
}
