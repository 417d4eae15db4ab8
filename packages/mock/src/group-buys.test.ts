import { describe, expect, it } from 'vitest';
import { useMock, Visitor } from '../test/helpers.js';

const ctx = useMock();

const gb = '/v2/public/group-buys/gharart/spring-bundle';

describe('group buys', () => {
  it('shows the fixture group buy publicly', async () => {
    const r = await new Visitor(ctx.base).req('GET', gb);
    expect(r.body).toEqual({
      handle: 'gharart',
      slug: 'spring-bundle',
      title: 'Spring Bundle',
      targetQuantity: 3,
      interestCount: 0,
      status: 'collecting',
      price: 4900,
      currency: 'USD',
      pageSlug: 'spring-bundle',
    });
    const missing = await new Visitor(ctx.base).req('GET', '/v2/public/group-buys/gharart/nope');
    expect([missing.status, missing.body.error]).toEqual([404, 'group_buy_not_found']);
  });

  it('needs a session to express interest', async () => {
    const r = await new Visitor(ctx.base).req('POST', `${gb}/interest`);
    expect([r.status, r.body.error]).toEqual([401, 'visitor_unauthorized']);
  });

  it('counts one interest per visitor; repeats change nothing; my-interest and withdraw work', async () => {
    const v = new Visitor(ctx.base);
    await v.signIn('fan@example.com');
    expect((await v.req('GET', `${gb}/my-interest`)).body).toEqual({ interested: false });
    expect((await v.req('POST', `${gb}/interest`)).body).toEqual({
      interested: true,
      interestCount: 1,
      status: 'collecting',
    });
    expect((await v.req('POST', `${gb}/interest`, {})).body).toEqual({
      interested: true,
      interestCount: 1,
      status: 'collecting',
    });
    const mine = await v.req('GET', `${gb}/my-interest`);
    expect(mine.body.interested).toBe(true);
    expect(Date.parse(mine.body.expressedAt)).not.toBeNaN();
    expect((await v.req('DELETE', `${gb}/my-interest`)).body).toEqual({ interested: false, interestCount: 0 });
    expect((await v.req('GET', gb)).body.interestCount).toBe(0);
  });

  it('counts exactly under 100 concurrent visitors, each clicking twice', async () => {
    const visitors = await Promise.all(
      Array.from({ length: 100 }, async (_, i) => {
        const v = new Visitor(ctx.base);
        v.cookie = (await ctx.mock.store.createSession(`crowd${i}@example.com`)).toString();
        return v;
      }),
    );
    const replies = await Promise.all(
      visitors.flatMap((v) => [v.req('POST', `${gb}/interest`), v.req('POST', `${gb}/interest`)]),
    );
    expect(replies.every((r) => r.status === 200)).toBe(true);
    const after = await new Visitor(ctx.base).req('GET', gb);
    expect(after.body.interestCount).toBe(100);
    expect(after.body.status).toBe('target_reached');
    expect(Math.max(...replies.map((r) => r.body.interestCount))).toBe(100);
  });

  it('reaches target_reached at the target; activation (409 before) emails every interested visitor', async () => {
    const fans = [new Visitor(ctx.base), new Visitor(ctx.base), new Visitor(ctx.base)];
    const dev = new Visitor(ctx.base);
    await fans[0]!.signIn('one@example.com');
    await fans[1]!.signIn('two@example.com');
    await fans[2]!.signIn('three@example.com');
    await fans[0]!.req('POST', `${gb}/interest`);
    await fans[1]!.req('POST', `${gb}/interest`);
    const early = await dev.req('POST', '/_mock/api/group-buys/gharart/spring-bundle/activate');
    expect(early.status).toBe(409);
    expect(early.body.error).toBe('target_not_reached');
    const third = await fans[2]!.req('POST', `${gb}/interest`);
    expect(third.body).toEqual({ interested: true, interestCount: 3, status: 'target_reached' });
    // The page the offer sells stays unpublished while interest is collected.
    const before = await fans[0]!.req('POST', '/v2/public/pages/gharart/spring-bundle/access-check');
    expect([before.status, before.body.error]).toEqual([404, 'page_not_found']);
    await dev.req('PUT', '/_mock/api/handles/gharart', { allowedOrigins: ['https://shop.example.com'] });
    const activated = await dev.req('POST', '/_mock/api/group-buys/gharart/spring-bundle/activate');
    expect(activated.status).toBe(200);
    expect(activated.body.status).toBe('active');
    for (const email of ['one@example.com', 'two@example.com', 'three@example.com']) {
      const mail = await dev.lastMessage(email);
      expect(mail.subject).toBe('Spring Bundle is live');
      // The email sends the visitor to the creator's site, never to an API address.
      expect(mail.link).toBe('https://shop.example.com/spring-bundle');
      expect(mail.text).toContain('https://shop.example.com/spring-bundle');
      expect(mail.text).not.toContain(ctx.base);
    }
    // Activation published the page: interested visitors buy it through the ordinary checkout.
    const after = await fans[0]!.req('POST', '/v2/public/pages/gharart/spring-bundle/access-check');
    expect(after.body).toMatchObject({
      hasAccess: false,
      reason: 'purchase_required',
      page: { slug: 'spring-bundle', mode: 'PAID', price: 4900, currency: 'USD' },
    });
    const checkout = await fans[0]!.req('POST', '/v2/public/pages/gharart/spring-bundle/checkout', {
      successUrl: `${ctx.base}/ok`,
      cancelUrl: `${ctx.base}/no`,
    });
    expect(checkout.status).toBe(200);
    // Withdrawing lowers the count; the offer stays live.
    expect((await fans[0]!.req('DELETE', `${gb}/my-interest`)).body.interestCount).toBe(2);
    expect((await dev.req('GET', gb)).body).toMatchObject({ interestCount: 2, status: 'active' });
  });

  it('emails no API address when the handle has no site: the email says where to go instead', async () => {
    const dev = new Visitor(ctx.base);
    const fans = [new Visitor(ctx.base), new Visitor(ctx.base), new Visitor(ctx.base)];
    for (const [i, fan] of fans.entries()) {
      await fan.signIn(`solo${i}@example.com`);
      await fan.req('POST', `${gb}/interest`);
    }
    expect((await dev.req('POST', '/_mock/api/group-buys/gharart/spring-bundle/activate')).status).toBe(200);
    const mail = await dev.lastMessage('solo0@example.com');
    expect(mail.link).toBeNull();
    expect(mail.text).toContain("Visit the creator's site");
    expect(mail.text).not.toContain('/v2/');
  });
});
