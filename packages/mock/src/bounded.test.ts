// State stays bounded (product-spec.md): a mock kept running for weeks must not grow with every request.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { advance, startMock, Visitor } from '../test/helpers.js';
import type { RunningServer } from './server.js';

let mock: RunningServer;
beforeAll(async () => {
  mock = await startMock();
});
afterAll(() => mock.close());
beforeEach(() => mock.store.reset());

const HOUR = 60 * 60 * 1000;

describe('bounded state', () => {
  it('purges links, codes and throttle entries 24 hours after they expire; the mailbox keeps its newest 1,000', async () => {
    const v = new Visitor(mock.url);
    // 1,200 sign-in requests from 300 addresses (4 each: under the throttle).
    for (let batch = 0; batch < 1200; batch += 50) {
      const replies = await Promise.all(
        Array.from({ length: 50 }, (_, j) =>
          v.req(
            'POST',
            '/v2/visitor/auth/magic-link',
            { email: `many${(batch + j) % 300}@example.com` },
            {
              'idempotency-key': `ml-${batch + j}`,
            },
          ),
        ),
      );
      expect(replies.map((r) => r.status)).toEqual(Array(50).fill(202));
    }
    expect(mock.store.magicLinks.size).toBe(1200);
    expect(mock.store.messages).toHaveLength(1000);
    const newest = mock.store.messagesTo()[0]!;
    expect(newest.id).toBe(mock.store.messages.at(-1)!.id); // the newest are the ones kept
    expect(mock.store.throttles.size).toBe(300);
    expect(mock.store.idempotency.size).toBe(1200);

    // The throttle window (15 minutes) ends: its entries go; the links are kept a day past expiry.
    await advance(mock.url, 16 * 60 * 1000);
    expect(mock.store.throttles.size).toBe(0);
    expect(mock.store.magicLinks.size).toBe(1200);
    // A used link is kept the same day too (the landing page says "already used").
    await advance(mock.url, 24 * HOUR);
    expect(mock.store.magicLinks.size).toBe(0);
    expect(mock.store.idempotency.size).toBe(0);
    // The mailbox is for people: it keeps its newest 1,000 however old.
    expect(mock.store.messages).toHaveLength(1000);
  });

  it('purges ended sessions and closed checkout sessions a day later; keeps purchases', async () => {
    const v = new Visitor(mock.url);
    await v.signIn('bounded@example.com');
    await v.buy('gharart', 'masterclass');
    const other = new Visitor(mock.url);
    await other.signIn('leaves@example.com');
    await other.req('POST', '/v2/visitor/auth/logout');
    expect(mock.store.sessions.size).toBe(2);
    await advance(mock.url, 25 * HOUR);
    expect(mock.store.sessions.size).toBe(1); // the revoked one
    expect(mock.store.checkouts.size).toBe(0);
    expect(mock.store.purchases.size).toBe(1);
    expect((await v.req('POST', '/v2/public/pages/gharart/masterclass/access-check')).body.reason).toBe('entitled');
    await advance(mock.url, 30 * 24 * HOUR);
    expect(mock.store.sessions.size).toBe(0); // expired (30 days) and a day more
  });

  it('keeps the newest 1,000 support reports', async () => {
    await mock.store.exclusive(() => {
      for (let i = 0; i < 1100; i++) mock.store.addReport('support', { summary: `r${i}` });
    });
    expect(mock.store.reports).toHaveLength(1000);
    expect(mock.store.reports[0]!.body.summary).toBe('r100');
  });

  it('keeps the last 1,000 requests in the log', async () => {
    for (let i = 0; i < 1010; i += 101) {
      await Promise.all(
        Array.from({ length: 101 }, () => fetch(`${mock.url}/v2/public/group-buys/gharart/spring-bundle`)),
      );
    }
    const log = await new Visitor(mock.url).req('GET', '/_mock/api/requests?limit=1000');
    expect(log.body.requests).toHaveLength(1000);
  });
});
