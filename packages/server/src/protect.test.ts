// protect() and checkAccess() against the real mock (and failing upstreams): each answer is the spec's,
// the content runs only for a visitor with access, and every answer is private and never cached.
import { describe, expect, it } from 'vitest';
import { createVisitorAccess, type RefusalHandler } from './index.js';
import {
  buyThroughProxy,
  deadApi,
  hangingApi,
  recordingFetch,
  signInThroughProxy,
  siteRequest,
  SITE,
  useSiteMock,
} from '../test/helpers.js';

const ctx = useSiteMock();
const MASTERCLASS = { handle: 'gharart', page: 'masterclass' };

function counted(body = '<p>Lesson 1: the paid part</p>') {
  const state = { runs: 0 };
  const handler = () => {
    state.runs++;
    return new Response(body, {
      headers: { 'content-type': 'text/html', 'cache-control': 'public, max-age=3600', vary: 'Accept-Encoding' },
    });
  };
  return { state, handler };
}

const withCookie = (cookie: string) => siteRequest('/lessons/1', { headers: { cookie: `_10x_visitor=${cookie}` } });

async function envelope(response: Response): Promise<{ error: string; message: string; requestId: string }> {
  expect(response.headers.get('content-type')).toMatch(/application\/json/);
  expect(response.headers.get('cache-control')).toBe('private, no-store');
  expect(response.headers.get('vary')).toBe('Cookie');
  const body = (await response.json()) as { error: string; message: string; requestId: string };
  expect(body.requestId).toMatch(/^req_/);
  expect(response.headers.get('x-request-id')).toBe(body.requestId);
  return body;
}

describe('protect()', () => {
  it('refuses a stranger with 401 visitor_auth_required and never runs the content', async () => {
    const va = createVisitorAccess({ apiBase: ctx.mock.url, siteUrl: SITE });
    const { state, handler } = counted();
    const response = await va.protect(MASTERCLASS, handler)(siteRequest('/lessons/1'));
    expect(response.status).toBe(401);
    expect((await envelope(response)).error).toBe('visitor_auth_required');
    expect(state.runs).toBe(0);
  });

  it('refuses a signed-in visitor who has not bought with 403 purchase_required, and serves a buyer, privately', async () => {
    const va = createVisitorAccess({ apiBase: ctx.mock.url, siteUrl: SITE });
    const { state, handler } = counted();
    const lesson = va.protect(MASTERCLASS, handler);
    const cookie = await signInThroughProxy(va, ctx.mock.url, 'buyer@example.com');

    const before = await lesson(withCookie(cookie));
    expect(before.status).toBe(403);
    expect((await envelope(before)).error).toBe('purchase_required');
    expect(state.runs).toBe(0);

    await buyThroughProxy(va, ctx.mock.url, cookie);
    const after = await lesson(withCookie(cookie));
    expect(after.status).toBe(200);
    expect(await after.text()).toBe('<p>Lesson 1: the paid part</p>');
    expect(after.headers.get('cache-control')).toBe('private, no-store');
    expect(after.headers.get('vary')).toBe('Accept-Encoding, Cookie');
    expect(after.headers.get('content-type')).toBe('text/html');
    expect(state.runs).toBe(1);

    const decision = await va.checkAccess(withCookie(cookie), MASTERCLASS);
    expect(decision).toMatchObject({
      hasAccess: true,
      reason: 'entitled',
      page: { handle: 'gharart', slug: 'masterclass' },
    });
  });

  it('answers 404 page_not_found for an unknown page or a handle no page can have', async () => {
    const va = createVisitorAccess({ apiBase: ctx.mock.url, siteUrl: SITE });
    const { state, handler } = counted();
    for (const target of [
      { handle: 'gharart', page: 'no-such-page' },
      { handle: 'Not A Handle', page: 'x' },
      { handle: '../..', page: '_mock' },
    ]) {
      const response = await va.protect(target, handler)(siteRequest('/lessons/1'));
      expect(response.status, JSON.stringify(target)).toBe(404);
      expect((await envelope(response)).error).toBe('page_not_found');
    }
    expect(state.runs).toBe(0);
  });

  it('serves a public page to anyone (the API says so), still private', async () => {
    const page = [...ctx.mock.store.pages.values()].find((p) => p.mode === 'PUBLIC');
    if (!page) return expect.fail('the fixture has a public page');
    const va = createVisitorAccess({ apiBase: ctx.mock.url, siteUrl: SITE });
    const response = await va.protect({ handle: page.handle, page: page.slug }, counted().handler)(siteRequest('/x'));
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
  });

  it('fails closed with 503 service_unavailable when the API is down, hangs, fails or answers nonsense', async () => {
    const hanging = await hangingApi();
    try {
      const apis: [string, Parameters<typeof createVisitorAccess>[0]][] = [
        ['unreachable', { apiBase: await deadApi(), siteUrl: SITE }],
        ['hanging', { apiBase: hanging.url, siteUrl: SITE, timeoutMs: 300 }],
        [
          '500',
          {
            apiBase: ctx.mock.url,
            siteUrl: SITE,
            fetch: recordingFetch(() => new Response('{}', { status: 500 })).fetch,
          },
        ],
        [
          '429',
          {
            apiBase: ctx.mock.url,
            siteUrl: SITE,
            fetch: recordingFetch(
              () => new Response('{"error":"rate_limited","message":"x","requestId":"req_1"}', { status: 429 }),
            ).fetch,
          },
        ],
        [
          'not JSON',
          { apiBase: ctx.mock.url, siteUrl: SITE, fetch: recordingFetch(() => new Response('<html>')).fetch },
        ],
        [
          'wrong shape',
          {
            apiBase: ctx.mock.url,
            siteUrl: SITE,
            fetch: recordingFetch(() => Response.json({ hasAccess: true })).fetch,
          },
        ],
      ];
      for (const [name, options] of apis) {
        const { state, handler } = counted();
        const response = await createVisitorAccess(options).protect(MASTERCLASS, handler)(withCookie('sess_x'));
        expect(response.status, name).toBe(503);
        expect(response.headers.get('retry-after'), name).toMatch(/^\d+$/);
        expect((await envelope(response)).error).toBe('service_unavailable');
        expect(state.runs, name).toBe(0);
      }
    } finally {
      await hanging.close();
    }
  });

  it('answers with the creator’s own refusal page, with the status of the refusal, never cached', async () => {
    const va = createVisitorAccess({ apiBase: ctx.mock.url, siteUrl: SITE });
    const seen: string[] = [];
    const refusal: RefusalHandler = (decision) => {
      seen.push(decision.error);
      return new Response(`<h1>Buy the masterclass to read this (${decision.status})</h1>`, {
        headers: { 'content-type': 'text/html', 'cache-control': 'public, max-age=600' },
      });
    };
    const response = await va.protect(MASTERCLASS, counted().handler, { refusal })(siteRequest('/lessons/1'));
    expect(response.status).toBe(401);
    expect(await response.text()).toContain('Buy the masterclass to read this (401)');
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(response.headers.get('vary')).toBe('Cookie');
    expect(seen).toEqual(['visitor_auth_required']);
  });

  it('caches no decision by default: a refund revokes on the next request', async () => {
    const va = createVisitorAccess({ apiBase: ctx.mock.url, siteUrl: SITE });
    const lesson = va.protect(MASTERCLASS, counted().handler);
    const cookie = await signInThroughProxy(va, ctx.mock.url, 'refunded@example.com');
    await buyThroughProxy(va, ctx.mock.url, cookie);
    expect((await lesson(withCookie(cookie))).status).toBe(200);
    const me = (await (
      await va.fetch(siteRequest('/api/v2/visitor/me', { headers: { cookie: `_10x_visitor=${cookie}` } }))
    ).json()) as { visitor: { id: string } };
    const refunded = await fetch(`${ctx.mock.url}/_mock/api/stripe-refund`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ handle: 'gharart', pageSlug: 'masterclass', visitorId: me.visitor.id }),
    });
    expect(refunded.status).toBe(200);
    expect((await lesson(withCookie(cookie))).status).toBe(403);
  });

  it('with grantCacheMs keeps a grant (keyed by the cookie’s hash) for that long, and never a refusal', async () => {
    let accessCalls = 0;
    const rec = recordingFetch((url, init) => {
      if (url.endsWith('/access-check')) accessCalls++;
      return fetch(url, init);
    });
    const va = createVisitorAccess({ apiBase: ctx.mock.url, siteUrl: SITE, grantCacheMs: 5000, fetch: rec.fetch });
    const lesson = va.protect(MASTERCLASS, counted().handler);
    const cookie = await signInThroughProxy(va, ctx.mock.url, 'cached@example.com');
    expect((await lesson(withCookie(cookie))).status).toBe(403);
    expect((await lesson(withCookie(cookie))).status).toBe(403);
    expect(accessCalls).toBe(2);
    await buyThroughProxy(va, ctx.mock.url, cookie);
    expect((await lesson(withCookie(cookie))).status).toBe(200);
    expect((await lesson(withCookie(cookie))).status).toBe(200);
    expect(accessCalls).toBe(3);
    // Another visitor (another cookie) is not served from that grant.
    expect((await lesson(withCookie('sess_someone_else'))).status).toBe(401);
    expect(accessCalls).toBe(4);
    // Nothing in the requests up carries the cache key.
    expect(rec.calls.every((c) => !JSON.stringify(c.headers).includes('sha'))).toBe(true);
  });
});

describe('options', () => {
  it.each([
    [{}, /apiBase/],
    [{ apiBase: 'not a url', siteUrl: SITE }, /apiBase/],
    [{ apiBase: 'ftp://x', siteUrl: SITE }, /apiBase/],
    [{ apiBase: 'http://user:pw@x', siteUrl: SITE }, /apiBase/],
    [{ apiBase: 'http://x', siteUrl: '' }, /siteUrl/],
    [{ apiBase: 'http://x', siteUrl: SITE, prefix: 'api' }, /prefix/],
    [{ apiBase: 'http://x', siteUrl: SITE, prefix: '/a/../b' }, /prefix/],
    [{ apiBase: 'http://x', siteUrl: SITE, timeoutMs: 0 }, /timeoutMs/],
    [{ apiBase: 'http://x', siteUrl: SITE, grantCacheMs: 60_000 }, /grantCacheMs/],
  ])('refuses %j at start-up with a TypeError naming the option', (options, message) => {
    expect(() => createVisitorAccess(options as never)).toThrow(TypeError);
    expect(() => createVisitorAccess(options as never)).toThrow(message);
  });

  it('refuses protect() without { handle, page }', () => {
    const va = createVisitorAccess({ apiBase: 'http://x', siteUrl: SITE });
    expect(() => va.protect({ handle: 'gharart' } as never, () => new Response())).toThrow(TypeError);
  });
});
