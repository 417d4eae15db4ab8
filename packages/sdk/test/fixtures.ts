import type { RouteId } from '@visitor-access/contract';
import type { VisitorAccessClient } from '../src/client.js';
import { masterclassPage } from '../../contract/test/fixtures.js';

export const BASE = 'http://localhost:4010';

export const visitor = { id: 'vis_abc123', email: 'buyer@example.com', createdAt: '2026-01-01T00:00:00.000Z' };

const page = masterclassPage;
// Sent as given: the call's argument is the body on the wire.
const supportReport = { summary: 'Locked out', details: 'Paid, still locked', requestId: 'req_9' };
const contentReport = { handle: 'gharart', pageSlug: 'welcome', reason: 'Spam' };

/** For every route the SDK sends: how to call it, the URL it must hit, a valid answer. */
export const CALLS: Record<
  Exclude<RouteId, 'magicLinkLanding'>,
  {
    method: 'GET' | 'POST' | 'DELETE';
    path: string;
    call: (c: VisitorAccessClient) => PromiseLike<unknown>;
    status: number;
    body: unknown;
    sentBody?: unknown;
  }
> = {
  requestMagicLink: {
    method: 'POST',
    path: '/v2/visitor/auth/magic-link',
    call: (c) => c.auth.requestMagicLink({ email: ' Buyer@Example.com ', returnTo: 'http://localhost:5173/x' }),
    status: 202,
    body: { sent: true, expiresAt: '2026-01-01T00:15:00.000Z' },
    sentBody: { email: 'buyer@example.com', returnTo: 'http://localhost:5173/x' },
  },
  verify: {
    method: 'POST',
    path: '/v2/visitor/auth/verify',
    call: (c) => c.auth.verify({ token: 'tok_123' }),
    status: 200,
    body: { visitor },
    sentBody: { token: 'tok_123' },
  },
  me: { method: 'GET', path: '/v2/visitor/me', call: (c) => c.auth.me(), status: 200, body: { visitor } },
  logout: { method: 'POST', path: '/v2/visitor/auth/logout', call: (c) => c.auth.logout(), status: 204, body: null },
  checkAccess: {
    method: 'POST',
    path: '/v2/public/pages/gharart/masterclass/access-check',
    call: (c) => c.pages.checkAccess('gharart', 'masterclass'),
    status: 200,
    body: { hasAccess: false, reason: 'purchase_required', page },
  },
  checkout: {
    method: 'POST',
    path: '/v2/public/pages/gharart/masterclass/checkout',
    call: (c) =>
      c.pages.checkout('gharart', 'masterclass', {
        successUrl: 'http://localhost:5173/ok',
        cancelUrl: 'http://localhost:5173/no',
      }),
    status: 200,
    body: { url: 'http://localhost:4010/_mock/checkout/cs_1', sessionId: 'cs_1' },
    sentBody: { successUrl: 'http://localhost:5173/ok', cancelUrl: 'http://localhost:5173/no' },
  },
  listAccess: {
    method: 'GET',
    path: '/v2/visitor/access',
    call: (c) => c.access.list(),
    status: 200,
    body: {
      items: [
        {
          resourceType: 'page',
          handle: 'gharart',
          slug: 'masterclass',
          title: 'Masterclass',
          accessType: 'purchase',
          status: 'active',
          grantedAt: '2026-01-01T00:00:00.000Z',
        },
      ],
    },
  },
  refund: {
    method: 'POST',
    path: '/v2/handles/gharart/pages/masterclass/refund',
    call: (c) => c.pages.refund('gharart', 'masterclass', { visitorId: 'vis_abc123' }),
    status: 200,
    body: {
      refund: {
        id: 're_1',
        visitorId: 'vis_abc123',
        handle: 'gharart',
        pageSlug: 'masterclass',
        amount: 1900,
        currency: 'USD',
        status: 'succeeded',
      },
    },
    sentBody: { visitorId: 'vis_abc123' },
  },
  getGroupBuy: {
    method: 'GET',
    path: '/v2/public/group-buys/gharart/spring-bundle',
    call: (c) => c.groupBuys.get('gharart', 'spring-bundle'),
    status: 200,
    body: {
      handle: 'gharart',
      slug: 'spring-bundle',
      title: 'Spring bundle',
      targetQuantity: 3,
      interestCount: 1,
      status: 'collecting',
      price: 4900,
      currency: 'USD',
    },
  },
  expressInterest: {
    method: 'POST',
    path: '/v2/public/group-buys/gharart/spring-bundle/interest',
    call: (c) => c.groupBuys.expressInterest('gharart', 'spring-bundle'),
    status: 200,
    body: { interested: true, interestCount: 2, status: 'collecting' },
  },
  myInterest: {
    method: 'GET',
    path: '/v2/public/group-buys/gharart/spring-bundle/my-interest',
    call: (c) => c.groupBuys.myInterest('gharart', 'spring-bundle'),
    status: 200,
    body: { interested: true, expressedAt: '2026-01-01T00:00:00.000Z' },
  },
  withdrawInterest: {
    method: 'DELETE',
    path: '/v2/public/group-buys/gharart/spring-bundle/my-interest',
    call: (c) => c.groupBuys.withdrawInterest('gharart', 'spring-bundle'),
    status: 200,
    body: { interested: false, interestCount: 1 },
  },
  edgeAccess: {
    method: 'GET',
    path: '/_edge/visitor/access',
    call: (c) => c.edge.access(),
    status: 200,
    body: { visitor: null, items: [] },
  },
  supportReport: {
    method: 'POST',
    path: '/v2/support/report',
    call: (c) => c.support.report(supportReport),
    status: 201,
    body: { reportId: 'rep_1' },
    sentBody: supportReport,
  },
  contentReport: {
    method: 'POST',
    path: '/v2/public/content-report',
    call: (c) => c.support.reportContent(contentReport),
    status: 201,
    body: { reportId: 'rep_2' },
    sentBody: contentReport,
  },
};
