// The purchase row's one owner: granting a purchase, the entitlement rule (a purchase neither refunded nor
// revoked), the status an access list shows, and revoking a purchase when it is refunded.
import { randomId } from '../crypto.js';
import type { PurchaseRecord } from '../records.js';
import type { Index } from './table.js';
import { grantKey, pageKey, type Kernel } from './state.js';

/** A purchase to record: amount and currency default to the page's price. */
export interface GrantInput {
  visitorId: string;
  handle: string;
  slug: string;
  amount?: number;
  currency?: string;
  checkoutSessionId?: string;
}

/** What a purchase is worth now, as the access list shows it. */
export type PurchaseStatus = 'active' | 'refunded' | 'revoked';

export class PurchasesSlice {
  readonly #byVisitor: Index<PurchaseRecord>;

  constructor(private readonly k: Kernel) {
    this.#byVisitor = k.t.purchases.index((p) => p.visitorId);
  }

  /** The purchase records of a visitor (active, refunded or revoked). */
  of(visitorId: string): PurchaseRecord[] {
    return this.k.t.purchases.lookup(this.#byVisitor, visitorId);
  }

  /** A visitor's purchase of a page, whatever its status. */
  find(visitorId: string, handle: string, slug: string): PurchaseRecord | undefined {
    return this.k.t.purchases.get(grantKey(visitorId, handle, slug));
  }

  /** The status rule: refunded, else revoked, else active. */
  status(p: PurchaseRecord): PurchaseStatus {
    return p.grantType === 'REFUNDED' ? 'refunded' : p.revokedAt !== undefined ? 'revoked' : 'active';
  }

  /** Whether a visitor holds an active purchase of a page. O(1). */
  isEntitled(visitorId: string, handle: string, slug: string): boolean {
    const p = this.find(visitorId, handle, slug);
    return p !== undefined && this.status(p) === 'active';
  }

  /** Records a purchase (what paying at the fake checkout does). */
  grant(input: GrantInput): PurchaseRecord {
    const page = this.k.t.pages.get(pageKey(input.handle, input.slug));
    return this.k.t.purchases.put(grantKey(input.visitorId, input.handle, input.slug), {
      id: randomId('pur_'),
      visitorId: input.visitorId,
      handle: input.handle,
      slug: input.slug,
      amount: input.amount ?? page?.price ?? 0,
      currency: input.currency ?? page?.currency ?? 'USD',
      grantedAt: this.k.now(),
      grantType: 'PURCHASE',
      revokedAt: undefined,
      refundId: undefined,
      checkoutSessionId: input.checkoutSessionId,
    });
  }

  /** Marks a purchase refunded by `refundId` and revokes its access at `at`. */
  refund(p: PurchaseRecord, refundId: string, at: number): PurchaseRecord {
    return this.k.t.purchases.update(grantKey(p.visitorId, p.handle, p.slug), {
      grantType: 'REFUNDED',
      revokedAt: at,
      refundId,
    });
  }
}
