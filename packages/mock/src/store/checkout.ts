// Checkout sessions (the fake Stripe Checkout); paying one grants a purchase (`purchases.ts`).
import { RETURN_PARAMS } from '@visitor-access/contract';
import { randomId } from '../crypto.js';
import type { CheckoutSessionRecord, VisitorRecord } from '../records.js';
import type { PagesSlice } from './pages.js';
import type { PurchasesSlice } from './purchases.js';
import { PURGE_AFTER_MS, fail, ok, type Kernel, type Result } from './state.js';

/** A checkout to start (see `MockStore.startCheckout`). */
export interface CheckoutInput {
  handle: string;
  slug: string;
  visitor: VisitorRecord;
  successUrl: string;
  cancelUrl: string;
  selfOrigin: string;
}

export class CheckoutSlice {
  constructor(
    private readonly k: Kernel,
    private readonly pages: PagesSlice,
    private readonly purchases: PurchasesSlice,
  ) {}

  /** Starts a fake Stripe Checkout, with the checks in the documented order. */
  start(input: CheckoutInput): Result<CheckoutSessionRecord> {
    const page = this.pages.published(input.handle, input.slug);
    if (!page) return fail('page_not_found', `There is no published page "${input.slug}" for "${input.handle}".`);
    if (page.mode !== 'PAID') return fail('page_not_paid', 'This page is not a paid page; there is nothing to buy.');
    if (!this.k.t.handles.get(input.handle)?.connectConfigured) {
      return fail('connect_not_configured', 'The creator has not connected Stripe yet, so this page cannot be bought.');
    }
    if (this.purchases.isEntitled(input.visitor.id, input.handle, input.slug)) {
      return fail('already_entitled', 'You already have access to this page.');
    }
    for (const url of [input.successUrl, input.cancelUrl]) {
      if (!this.pages.isAllowedRedirect(url, input.selfOrigin, input.handle)) {
        return fail('invalid_redirect_url', `The redirect URL ${url} is not on an origin this creator allows.`);
      }
    }
    const record: CheckoutSessionRecord = {
      id: randomId('cs_test_', 24),
      visitorId: input.visitor.id,
      handle: page.handle,
      slug: page.slug,
      title: page.title,
      amount: page.price ?? 0,
      currency: page.currency ?? 'USD',
      successUrl: input.successUrl,
      cancelUrl: input.cancelUrl,
      status: 'open',
      createdAt: this.k.now(),
      completedAt: undefined,
    };
    return ok(this.k.t.checkouts.put(record.id, record));
  }

  /**
   * Pays or cancels a fake checkout; paying creates the purchase. Paying for a page the visitor already
   * owns (another session paid first) is refused with `already_entitled` and changes nothing: no double
   * charge. Answers where to send the visitor.
   */
  complete(id: string, outcome: 'paid' | 'cancelled'): Result<{ redirectTo: string; session: CheckoutSessionRecord }> {
    const open = this.k.t.checkouts.get(id);
    if (!open) return fail('checkout_session_not_found', 'There is no checkout session with this ID.');
    if (open.status !== 'open') {
      return fail('checkout_session_closed', `This checkout session is already ${open.status}.`);
    }
    if (outcome === 'paid' && this.purchases.isEntitled(open.visitorId, open.handle, open.slug)) {
      return fail('already_entitled', 'You already own this page, so this payment was not taken.');
    }
    const session = this.k.t.checkouts.update(id, { status: outcome, completedAt: this.k.now() });
    if (outcome === 'paid') {
      this.purchases.grant({
        visitorId: session.visitorId,
        handle: session.handle,
        slug: session.slug,
        amount: session.amount,
        currency: session.currency,
        checkoutSessionId: session.id,
      });
    }
    const target = new URL(outcome === 'paid' ? session.successUrl : session.cancelUrl);
    target.searchParams.set(RETURN_PARAMS.checkout, outcome === 'paid' ? 'success' : 'cancelled');
    target.searchParams.set(RETURN_PARAMS.sessionId, session.id);
    return ok({ redirectTo: target.href, session });
  }

  /** Checkout sessions 24 hours after they were completed, or (never completed) created, as Stripe expires them. */
  purge(now: number): void {
    for (const [id, c] of this.k.t.checkouts) {
      if (now >= (c.completedAt ?? c.createdAt) + PURGE_AFTER_MS) this.k.t.checkouts.delete(id);
    }
  }
}
