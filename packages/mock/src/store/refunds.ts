// Refunds (a creator's, or one made in Stripe) and the creator JWTs the refund route accepts.
import { SignJWT, jwtVerify } from 'jose';
import { randomId } from '../crypto.js';
import type { RefundRecord } from '../records.js';
import { fail, grantKey, ok, pageKey, type Kernel, type Result } from './state.js';

/** How far in the future a creator JWT's `iat` may be (clock skew between machines). */
const MAX_CLOCK_SKEW_S = 60;

export class RefundsSlice {
  /** HS256 secret for creator JWTs: new for every store, so tokens do not survive a restart. */
  readonly #secret = crypto.getRandomValues(new Uint8Array(32));

  constructor(private readonly k: Kernel) {}

  /** Refunds a purchase and revokes access at once. */
  refund(handle: string, slug: string, visitorId: string, source: 'creator' | 'stripe'): Result<RefundRecord> {
    if (!this.k.t.pages.has(pageKey(handle, slug))) {
      return fail('page_not_found', `There is no page "${slug}" for "${handle}".`);
    }
    const key = grantKey(visitorId, handle, slug);
    const purchase = this.k.t.purchases.get(key);
    if (!purchase) return fail('purchase_not_found', 'This visitor has no purchase of this page.');
    if (purchase.grantType === 'REFUNDED') return fail('already_refunded', 'This purchase was already refunded.');
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
    this.k.t.purchases.update(key, { grantType: 'REFUNDED', revokedAt: now, refundId: refund.id });
    this.k.t.refunds.put(refund.id, refund);
    return ok(refund);
  }

  async issueCreatorToken(handle: string): Promise<string> {
    const now = Math.floor(this.k.now() / 1000);
    return new SignJWT({ handle })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(handle)
      .setIssuer('visitor-access-mock')
      .setIssuedAt(now)
      .setExpirationTime(now + 24 * 60 * 60)
      .sign(this.#secret);
  }

  async verifyCreatorToken(authorization: string | null): Promise<Result<{ handle: string }>> {
    const m = /^Bearer ([A-Za-z0-9_.-]{1,4096})$/.exec(authorization ?? '');
    if (!m) return fail('creator_unauthorized', 'Send a creator JWT as "Authorization: Bearer <token>".');
    try {
      const { payload } = await jwtVerify(m[1]!, this.#secret, {
        algorithms: ['HS256'],
        issuer: 'visitor-access-mock',
        currentDate: new Date(this.k.now()),
      });
      // Issued in the future (beyond a minute of clock skew): not a token this mock gave out.
      if (typeof payload.iat !== 'number' || payload.iat > this.k.now() / 1000 + MAX_CLOCK_SKEW_S) {
        return fail('creator_unauthorized', 'The creator JWT is not valid: it was issued in the future.');
      }
      const handle = typeof payload.handle === 'string' ? payload.handle : payload.sub;
      if (!handle) return fail('creator_unauthorized', 'The creator JWT names no handle.');
      return ok({ handle });
    } catch {
      return fail('creator_unauthorized', 'The creator JWT is not valid or has expired.');
    }
  }
}
