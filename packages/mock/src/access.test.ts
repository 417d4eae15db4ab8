import { describe, expect, it } from 'vitest';
import { useMock, Visitor } from '../test/helpers.js';

const ctx = useMock();

const check = (v: Visitor, handle: string, slug: string) =>
  v.req('POST', `/v2/public/pages/${handle}/${slug}/access-check`);
const urls = { successUrl: 'http://localhost:5173/thanks', cancelUrl: 'http://localhost:5173/cancelled' };

describe('access check', () => {
  it('answers each reason of the spec', async () => {
    const anon = new Visitor(ctx.base);
    const pub = await check(anon, 'gharart', 'welcome');
    expect(pub.status).toBe(200);
    expect(pub.body).toEqual({
      hasAccess: true,
      reason: 'public',
      page: { handle: 'gharart', slug: 'welcome', title: 'Welcome to Gharart', mode: 'PUBLIC' },
    });
    expect((await check(anon, 'gharart', 'members-lounge')).body).toMatchObject({
      hasAccess: false,
      reason: 'visitor_auth_required',
    });
    const paidAnon = await check(anon, 'gharart', 'masterclass');
    expect(paidAnon.body).toMatchObject({ hasAccess: false, reason: 'visitor_auth_required' });
    expect(paidAnon.body.page).toMatchObject({ mode: 'PAID', price: 1900, currency: 'USD' });

    const v = new Visitor(ctx.base);
    await v.signIn('reader@example.com');
    expect((await check(v, 'gharart', 'members-lounge')).body).toMatchObject({ hasAccess: true, reason: 'entitled' });
    expect((await check(v, 'gharart', 'masterclass')).body).toMatchObject({
      hasAccess: false,
      reason: 'purchase_required',
    });
    await v.buy('gharart', 'masterclass');
    expect((await check(v, 'gharart', 'masterclass')).body).toMatchObject({ hasAccess: true, reason: 'entitled' });
  });

  it('answers 404 page_not_found for unpublished and missing pages', async () => {
    for (const [h, s] of [
      ['gharart', 'draft-notes'],
      ['gharart', 'nope'],
      ['nobody', 'welcome'],
    ] as const) {
      const r = await check(new Visitor(ctx.base), h, s);
      expect(r.status).toBe(404);
      expect(r.body.error).toBe('page_not_found');
      expect(r.body.requestId).toBe(r.headers.get('x-request-id'));
    }
  });
});

describe('checkout', () => {
  it('checks in the documented order', async () => {
    const anon = new Visitor(ctx.base);
    expect((await anon.req('POST', '/v2/public/pages/nobody/none/checkout', { successUrl: 'x' })).body.error).toBe(
      'visitor_unauthorized',
    );
    const v = new Visitor(ctx.base);
    await v.signIn('order@example.com');
    const bad = { successUrl: 'https://evil.example/a', cancelUrl: 'https://evil.example/b' };
    expect((await v.req('POST', '/v2/public/pages/gharart/nope/checkout', bad)).body.error).toBe('page_not_found');
    expect((await v.req('POST', '/v2/public/pages/gharart/draft-notes/checkout', bad)).body.error).toBe(
      'page_not_found',
    );
    const notPaid = await v.req('POST', '/v2/public/pages/gharart/welcome/checkout', bad);
    expect([notPaid.status, notPaid.body.error]).toEqual([409, 'page_not_paid']);
    const noConnect = await v.req('POST', '/v2/public/pages/no-connect/premium/checkout', bad);
    expect([noConnect.status, noConnect.body.error]).toEqual([409, 'connect_not_configured']);
    const redirect = await v.req('POST', '/v2/public/pages/gharart/masterclass/checkout', bad);
    expect([redirect.status, redirect.body.error]).toEqual([400, 'invalid_redirect_url']);
    await v.buy('gharart', 'masterclass');
    const entitled = await v.req('POST', '/v2/public/pages/gharart/masterclass/checkout', bad);
    expect([entitled.status, entitled.body.error]).toEqual([409, 'already_entitled']);
  });

  it('serves a fake Stripe page with title, price, Pay and Cancel; paying redirects with markers and grants access', async () => {
    const v = new Visitor(ctx.base);
    await v.signIn('payer@example.com');
    const c = await v.req('POST', '/v2/public/pages/gharart/masterclass/checkout', urls);
    expect(c.status).toBe(200);
    expect(c.body.url).toBe(`${ctx.mock.publicUrl}/_mock/checkout/${c.body.sessionId}`);
    const page = await fetch(c.body.url);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('Block-Printing Masterclass');
    expect(html).toContain('$19.00');
    expect(html).toMatch(/<button[^>]*>Pay<\/button>/);
    expect(html).toMatch(/<button[^>]*>Cancel<\/button>/);
    // Nothing is bought before Pay.
    expect((await check(v, 'gharart', 'masterclass')).body.reason).toBe('purchase_required');
    const done = await v.req('POST', `/_mock/api/checkout/${c.body.sessionId}/complete`, { outcome: 'paid' });
    expect(done.body.redirectTo).toBe(
      `http://localhost:5173/thanks?va_checkout=success&session_id=${c.body.sessionId}`,
    );
    expect((await check(v, 'gharart', 'masterclass')).body.hasAccess).toBe(true);
    const again = await v.req('POST', `/_mock/api/checkout/${c.body.sessionId}/complete`, { outcome: 'paid' });
    expect(again.status).toBe(409);
  });

  it('cancelling creates nothing and redirects to cancelUrl with the marker', async () => {
    const v = new Visitor(ctx.base);
    await v.signIn('canceller@example.com');
    const c = await v.req('POST', '/v2/public/pages/gharart/masterclass/checkout', urls);
    const done = await v.req('POST', `/_mock/api/checkout/${c.body.sessionId}/complete`, { outcome: 'cancelled' });
    expect(done.body.redirectTo).toBe(
      `http://localhost:5173/cancelled?va_checkout=cancelled&session_id=${c.body.sessionId}`,
    );
    expect((await check(v, 'gharart', 'masterclass')).body.reason).toBe('purchase_required');
    expect((await v.req('GET', '/v2/visitor/access')).body.items).toEqual([]);
  });

  it('accepts redirect URLs on the handle’s allowed origins once the creator adds them', async () => {
    const v = new Visitor(ctx.base);
    await v.signIn('shop@example.com');
    const shop = { successUrl: 'https://shop.example/ok', cancelUrl: 'https://shop.example/no' };
    expect((await v.req('POST', '/v2/public/pages/gharart/masterclass/checkout', shop)).body.error).toBe(
      'invalid_redirect_url',
    );
    const put = await v.req('PUT', '/_mock/api/handles/gharart', { allowedOrigins: ['https://shop.example'] });
    expect(put.body).toEqual({ handle: 'gharart', connectConfigured: true, allowedOrigins: ['https://shop.example'] });
    expect((await v.req('POST', '/v2/public/pages/gharart/masterclass/checkout', shop)).status).toBe(200);
  });
});

describe('refunds', () => {
  it('a creator refund revokes access at once; a second refund is 409 already_refunded', async () => {
    const buyer = new Visitor(ctx.base);
    const visitor = await buyer.signIn('refundme@example.com');
    await buyer.buy('gharart', 'masterclass');
    const creator = new Visitor(ctx.base);
    const token = await creator.creatorToken('gharart');
    const r = await creator.req(
      'POST',
      '/v2/handles/gharart/pages/masterclass/refund',
      { visitorId: visitor.id },
      {
        authorization: `Bearer ${token}`,
      },
    );
    expect(r.status).toBe(200);
    expect(r.body.refund).toMatchObject({
      visitorId: visitor.id,
      handle: 'gharart',
      pageSlug: 'masterclass',
      amount: 1900,
      currency: 'USD',
      status: 'succeeded',
    });
    expect((await check(buyer, 'gharart', 'masterclass')).body).toMatchObject({
      hasAccess: false,
      reason: 'purchase_required',
    });
    const second = await creator.req(
      'POST',
      '/v2/handles/gharart/pages/masterclass/refund',
      { visitorId: visitor.id },
      {
        authorization: `Bearer ${token}`,
      },
    );
    expect([second.status, second.body.error]).toEqual([409, 'already_refunded']);
    const items = (await buyer.req('GET', '/v2/visitor/access')).body.items;
    expect(items[0]).toMatchObject({ slug: 'masterclass', accessType: 'purchase', status: 'refunded' });
    expect(items[0].revokedAt).toBeDefined();
  });

  it('rejects a missing or bad JWT with 401 and another handle’s JWT with 403', async () => {
    const buyer = new Visitor(ctx.base);
    const visitor = await buyer.signIn('guarded@example.com');
    await buyer.buy('gharart', 'masterclass');
    const path = '/v2/handles/gharart/pages/masterclass/refund';
    const none = await buyer.req('POST', path, { visitorId: visitor.id });
    expect([none.status, none.body.error]).toEqual([401, 'creator_unauthorized']);
    const forged = await buyer.req(
      'POST',
      path,
      { visitorId: visitor.id },
      { authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.e30.x' },
    );
    expect([forged.status, forged.body.error]).toEqual([401, 'creator_unauthorized']);
    const other = await buyer.creatorToken('no-connect');
    const wrong = await buyer.req('POST', path, { visitorId: visitor.id }, { authorization: `Bearer ${other}` });
    expect([wrong.status, wrong.body.error]).toEqual([403, 'forbidden']);
    expect((await check(buyer, 'gharart', 'masterclass')).body.hasAccess).toBe(true);
  });

  it('answers purchase_not_found when the visitor bought nothing', async () => {
    const creator = new Visitor(ctx.base);
    const token = await creator.creatorToken('gharart');
    const r = await creator.req(
      'POST',
      '/v2/handles/gharart/pages/masterclass/refund',
      { visitorId: 'vis_nobody' },
      {
        authorization: `Bearer ${token}`,
      },
    );
    expect([r.status, r.body.error]).toEqual([404, 'purchase_not_found']);
  });

  it('a refund made in Stripe (simulated webhook) revokes the same way', async () => {
    const buyer = new Visitor(ctx.base);
    const visitor = await buyer.signIn('stripe@example.com');
    await buyer.buy('gharart', 'masterclass');
    const body = { handle: 'gharart', pageSlug: 'masterclass', visitorId: visitor.id };
    const r = await buyer.req('POST', '/_mock/api/stripe-refund', body);
    expect(r.status).toBe(200);
    expect((await check(buyer, 'gharart', 'masterclass')).body.hasAccess).toBe(false);
    expect((await buyer.req('POST', '/_mock/api/stripe-refund', body)).body.error).toBe('already_refunded');
  });
});

describe('access list and edge access', () => {
  it('lists purchases, free-login visits and the allowlisted file, newest first', async () => {
    const v = new Visitor(ctx.base);
    await v.signIn('vip@example.com');
    await check(v, 'gharart', 'members-lounge');
    await check(v, 'gharart', 'members-lounge'); // a second visit is not a second item
    await v.buy('gharart', 'masterclass');
    const list = await v.req('GET', '/v2/visitor/access');
    expect(list.status).toBe(200);
    const items = list.body.items as {
      resourceType: string;
      slug: string;
      accessType: string;
      status: string;
      grantedAt: string;
    }[];
    expect(items.map((i) => [i.resourceType, i.slug, i.accessType, i.status])).toEqual([
      ['page', 'masterclass', 'purchase', 'active'],
      ['page', 'members-lounge', 'free_login', 'active'],
      ['file', 'lookbook-2026.pdf', 'allowlist', 'active'],
    ]);
    const times = items.map((i) => Date.parse(i.grantedAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);

    const edge = await v.req('GET', '/_edge/visitor/access');
    expect(edge.body.visitor).toMatchObject({ email: 'vip@example.com' });
    expect(edge.body.items).toEqual(items);
  });

  it('edge access without a session is visitor null and no items; access list is 401', async () => {
    const anon = new Visitor(ctx.base);
    expect((await anon.req('GET', '/_edge/visitor/access')).body).toEqual({ visitor: null, items: [] });
    const list = await anon.req('GET', '/v2/visitor/access');
    expect([list.status, list.body.error]).toEqual([401, 'visitor_unauthorized']);
  });

  it('another visitor does not see the allowlisted file', async () => {
    const v = new Visitor(ctx.base);
    await v.signIn('plain@example.com');
    expect((await v.req('GET', '/v2/visitor/access')).body.items).toEqual([]);
  });
});

describe('development API edits', () => {
  it('PUT pages changes what access-check answers; unpublishing hides the page', async () => {
    const v = new Visitor(ctx.base);
    const r = await v.req('PUT', '/_mock/api/pages/gharart/welcome', { mode: 'PAID', price: 500, currency: 'EUR' });
    expect(r.body).toMatchObject({ slug: 'welcome', mode: 'PAID', price: 500, currency: 'EUR' });
    expect((await check(v, 'gharart', 'welcome')).body.reason).toBe('visitor_auth_required');
    await v.req('PUT', '/_mock/api/pages/gharart/welcome', { published: false });
    expect((await check(v, 'gharart', 'welcome')).status).toBe(404);
    const noHandle = await v.req('PUT', '/_mock/api/pages/ghost/x', { title: 'X', mode: 'PUBLIC' });
    expect([noHandle.status, noHandle.body.error]).toEqual([404, 'handle_not_found']);
  });

  it('PUT handles can connect Stripe', async () => {
    const v = new Visitor(ctx.base);
    await v.signIn('connect@example.com');
    await v.req('PUT', '/_mock/api/handles/no-connect', { connectConfigured: true });
    expect((await v.req('POST', '/v2/public/pages/no-connect/premium/checkout', urls)).status).toBe(200);
  });
});
