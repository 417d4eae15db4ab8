// The proxy against the real reference mock, plus recording and failing upstreams: only the contract's
// visitor routes leave, with only the headers and cookie the spec lists, and every answer the site
// sends down is the site's own (cookie, Location, caching).
import { createServer } from 'node:http';
import { describe, expect, it } from 'vitest';
import { routeList } from '@visitor-access/contract';
import { createVisitorAccess, MAX_BODY_BYTES } from './index.js';
import {
  close,
  deadApi,
  hangingApi,
  listen,
  recordingFetch,
  sessionFrom,
  signInThroughProxy,
  siteRequest,
  SITE,
  useSiteMock,
} from '../test/helpers.js';

const ctx = useSiteMock();
const vaFor = (extra: Partial<Parameters<typeof createVisitorAccess>[0]> = {}) =>
  createVisitorAccess({ apiBase: ctx.mock.url, siteUrl: SITE, ...extra });

/** A concrete path for a route template (valid-looking parameters). */
function concrete(path: string): string {
  return path
    .replace('{handle}', 'gharart')
    .replace('{pageSlug}', 'masterclass')
    .replace('{groupBuySlug}', 'class-of-10')
    .replace('{token}', 'tok_abc');
}

describe('which routes leave', () => {
  it('forwards every contract route whose auth is not creator, by method and path, to the API origin', async () => {
    const rec = recordingFetch(
      () => new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } }),
    );
    const va = vaFor({ fetch: rec.fetch });
    const visitorRoutes = routeList.filter((r) => r.auth !== 'creator');
    expect(visitorRoutes.map((r) => r.id)).toContain('magicLinkLanding');
    for (const route of visitorRoutes) {
      const init: RequestInit = route.method === 'GET' ? {} : { method: route.method, body: '{}' };
      const response = await va.fetch(siteRequest('/api' + concrete(route.path), init));
      expect(response.status, `${route.method} ${route.path}`).toBe(200);
    }
    expect(rec.calls.map((c) => `${c.method} ${c.url}`)).toEqual(
      visitorRoutes.map((r) => `${r.method} ${ctx.mock.url}${concrete(r.path)}`),
    );
  });

  it('never forwards the creator (JWT) refund route, nor a documented path with another method', async () => {
    const rec = recordingFetch();
    const va = vaFor({ fetch: rec.fetch });
    const refund = routeList.find((r) => r.auth === 'creator')!;
    for (const [method, path] of [
      [refund.method, refund.path],
      ['GET', '/v2/visitor/auth/magic-link'],
      ['PUT', '/v2/visitor/me'],
      ['OPTIONS', '/v2/visitor/me'],
      ['GET', '/v2/visitor/me/'],
      ['GET', '/V2/visitor/me'],
      ['GET', ''],
      ['GET', '/'],
      ['GET', '/v2'],
    ] as const) {
      const response = await va.fetch(
        siteRequest('/api' + concrete(path), {
          method,
          headers: { authorization: 'Bearer creator.jwt.here' },
          ...(method === 'POST' ? { body: '{}' } : {}),
        }),
      );
      expect(response.status, `${method} ${path}`).toBe(404);
      const body = (await response.json()) as { error: string; requestId: string };
      expect(body.error).toBe('not_found');
      expect(body.requestId).toMatch(/^req_[a-z0-9]{20}$/);
      expect(response.headers.get('x-request-id')).toBe(body.requestId);
    }
    expect(rec.calls).toEqual([]);
  });

  it("serves none of the mock's development API; with devMockCheckout only the checkout page and its completion", async () => {
    const devPaths: [string, string][] = [
      ['GET', '/_mock/api/messages'],
      ['GET', '/_mock/mailbox'],
      ['POST', '/_mock/api/reset'],
      ['POST', '/_mock/api/creator-token'],
      ['PUT', '/_mock/api/faults'],
      ['GET', '/_mock/api/requests'],
      ['POST', '/_mock/api/stripe-refund'],
    ];
    for (const devMockCheckout of [false, true]) {
      const rec = recordingFetch();
      const va = vaFor({ fetch: rec.fetch, devMockCheckout });
      for (const [method, path] of devPaths) {
        const response = await va.fetch(
          siteRequest('/api' + path, { method, ...(method !== 'GET' ? { body: '{}' } : {}) }),
        );
        expect(response.status, `${method} ${path}`).toBe(404);
      }
      const page = await va.fetch(siteRequest('/api/_mock/checkout/cs_test_nope'));
      const complete = await va.fetch(
        siteRequest('/api/_mock/api/checkout/cs_test_nope/complete', { method: 'POST', body: '{"outcome":"paid"}' }),
      );
      if (devMockCheckout) {
        expect(page.status).toBe(404); // the mock's own "no such checkout" page
        expect(await page.text()).toContain('Checkout not found');
        expect(complete.status).not.toBe(503);
        expect(rec.calls.map((c) => new URL(c.url).pathname)).toEqual([
          '/_mock/checkout/cs_test_nope',
          '/_mock/api/checkout/cs_test_nope/complete',
        ]);
      } else {
        expect([page.status, complete.status]).toEqual([404, 404]);
        expect(rec.calls).toEqual([]);
      }
    }
  });

  it('answers undefined from proxy() outside the prefix, and 404 from fetch()', async () => {
    const va = vaFor({ prefix: '/va-api' });
    expect(await va.proxy(siteRequest('/masterclass'))).toBeUndefined();
    expect(await va.proxy(siteRequest('/va-apix/v2/visitor/me'))).toBeUndefined();
    expect((await va.fetch(siteRequest('/masterclass'))).status).toBe(404);
    expect((await va.proxy(siteRequest('/va-api/v2/visitor/me')))?.status).toBe(401);
  });

  it('keeps the query as sent', async () => {
    const rec = recordingFetch(() => new Response('ok'));
    const va = vaFor({ fetch: rec.fetch });
    await va.fetch(siteRequest('/api/_edge/visitor/access/t/tok_1?returnTo=https%3A%2F%2Fsite.example%2Fmasterclass'));
    expect(rec.calls[0]!.url).toBe(
      `${ctx.mock.url}/_edge/visitor/access/t/tok_1?returnTo=https%3A%2F%2Fsite.example%2Fmasterclass`,
    );
  });
});

describe('headers up', () => {
  it('sends the listed headers, the site origin, X-Forwarded-For with the visitor appended, and only the session cookie', async () => {
    const rec = recordingFetch(() => new Response('{}'));
    const va = vaFor({ fetch: rec.fetch });
    await va.fetch(
      siteRequest('/api/v2/visitor/auth/magic-link', {
        method: 'POST',
        body: '{"email":"a@example.com"}',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          'accept-language': 'fr',
          'idempotency-key': 'key-1',
          'user-agent': 'test-agent',
          origin: 'https://evil.example',
          host: 'evil.example',
          'x-forwarded-host': 'evil.example',
          'x-forwarded-proto': 'http',
          'x-forwarded-for': '203.0.113.9',
          'x-request-id': 'req_from_the_site_1',
          authorization: 'Bearer creator.jwt',
          'x-mock-fault': 'status=500',
          cookie: 'theme=dark; _10x_visitor=sess_abc; _ga=GA1.2; other=1',
        },
      }),
      { clientAddress: '198.51.100.7' },
    );
    expect(rec.calls[0]!.headers).toEqual({
      'content-type': 'application/json',
      accept: 'application/json',
      'accept-language': 'fr',
      'idempotency-key': 'key-1',
      'user-agent': 'test-agent',
      origin: SITE,
      'x-forwarded-for': '203.0.113.9, 198.51.100.7',
      'x-request-id': 'req_from_the_site_1',
      cookie: '_10x_visitor=sess_abc',
    });
    expect(rec.calls[0]!.body).toBe('{"email":"a@example.com"}');
  });

  it('drops a request ID that does not look like one', async () => {
    const rec = recordingFetch(() => new Response('{}'));
    const va = vaFor({ fetch: rec.fetch });
    await va.fetch(siteRequest('/api/v2/visitor/me', { headers: { 'x-request-id': 'req 1\u00e9<script>' } }));
    expect(rec.calls[0]!.headers['x-request-id']).toBeUndefined();
  });

  it('sends no cookie at all when the session cookie is missing or not a cookie value', async () => {
    const rec = recordingFetch(() => new Response('{}'));
    const va = vaFor({ fetch: rec.fetch });
    for (const cookie of ['theme=dark', '_10x_visitor="a b"', '_10x_visitor=a\\b', '_10x_visitor=']) {
      await va.fetch(siteRequest('/api/v2/visitor/me', { headers: { cookie } }));
    }
    expect(rec.calls.map((c) => c.headers.cookie)).toEqual([undefined, undefined, undefined, undefined]);
  });
});

describe('answers down', () => {
  it('makes the session cookie the site’s own, private and uncached, with the request ID passed through', async () => {
    const va = vaFor();
    const cookie = await signInThroughProxy(va, ctx.mock.url, 'down@example.com');
    const me = await va.fetch(siteRequest('/api/v2/visitor/me', { headers: { cookie: `_10x_visitor=${cookie}` } }));
    expect(me.status).toBe(200);
    expect(((await me.json()) as { visitor: { email: string } }).visitor.email).toBe('down@example.com');
    expect(me.headers.get('cache-control')).toBe('private, no-store');
    expect(me.headers.get('vary')).toBe('Cookie');
    expect(me.headers.get('x-request-id')).toMatch(/^req_/);

    const out = await va.fetch(
      siteRequest('/api/v2/visitor/auth/logout', { method: 'POST', headers: { cookie: `_10x_visitor=${cookie}` } }),
    );
    expect(out.headers.getSetCookie()).toHaveLength(1);
  });

  it('rewrites Set-Cookie: no Domain, Path=/, HttpOnly, SameSite=Lax, Secure only on https; drops other cookies', async () => {
    const upstream = () =>
      new Response('{}', {
        headers: [
          ['content-type', 'application/json'],
          [
            'set-cookie',
            '_10x_visitor=sess_1; Domain=api.example; Path=/v2; Max-Age=2592000; SameSite=None; Secure; HttpOnly',
          ],
          ['set-cookie', 'tracker=1; Domain=example; Path=/'],
          ['x-powered-by', 'mock'],
          ['access-control-allow-origin', '*'],
          ['idempotent-replayed', 'true'],
          ['retry-after', '3'],
        ],
      });
    const https = vaFor({ fetch: recordingFetch(upstream).fetch });
    const a = await https.fetch(siteRequest('/api/v2/visitor/auth/verify', { method: 'POST', body: '{}' }));
    expect(a.headers.getSetCookie()).toEqual([
      '_10x_visitor=sess_1; Max-Age=2592000; Path=/; HttpOnly; Secure; SameSite=Lax',
    ]);
    expect(a.headers.get('x-powered-by')).toBeNull();
    expect(a.headers.get('access-control-allow-origin')).toBeNull();
    expect(a.headers.get('idempotent-replayed')).toBe('true');
    expect(a.headers.get('retry-after')).toBe('3');

    const http = createVisitorAccess({
      apiBase: ctx.mock.url,
      siteUrl: 'http://localhost:3000',
      fetch: recordingFetch(upstream).fetch,
    });
    const b = await http.fetch(
      new Request('http://localhost:3000/api/v2/visitor/auth/verify', { method: 'POST', body: '{}' }),
    );
    expect(b.headers.getSetCookie()).toEqual(['_10x_visitor=sess_1; Max-Age=2592000; Path=/; HttpOnly; SameSite=Lax']);
  });

  it('rewrites a Location on the API origin to the same path under the prefix, and leaves others alone', async () => {
    const locations = [
      [`${'API'}/_edge/visitor/access/t/x?returnTo=1`, `${SITE}/api/_edge/visitor/access/t/x?returnTo=1`],
      ['/v2/visitor/me', `${SITE}/api/v2/visitor/me`],
      [`${SITE}/masterclass?va_checkout=success`, `${SITE}/masterclass?va_checkout=success`],
      ['https://checkout.stripe.example/c/1', 'https://checkout.stripe.example/c/1'],
    ];
    for (const [given, expected] of locations) {
      const location = given!.replace('API', ctx.mock.url);
      const va = vaFor({
        fetch: recordingFetch(() => new Response(null, { status: 303, headers: { location } })).fetch,
      });
      const answer = await va.fetch(siteRequest('/api/_edge/visitor/access/t/x'));
      expect(answer.status).toBe(303);
      expect(answer.headers.get('location')).toBe(expected);
    }
  });

  it('works under an API base path', async () => {
    const rec = recordingFetch(
      () => new Response(null, { status: 302, headers: { location: 'https://api.example/base/v2/visitor/me' } }),
    );
    const va = createVisitorAccess({ apiBase: 'https://api.example/base/', siteUrl: SITE, fetch: rec.fetch });
    const answer = await va.fetch(siteRequest('/api/v2/visitor/me'));
    expect(rec.calls[0]!.url).toBe('https://api.example/base/v2/visitor/me');
    expect(answer.headers.get('location')).toBe(`${SITE}/api/v2/visitor/me`);
  });
});

describe('bodies', () => {
  it('refuses a declared Content-Length over 64 KiB with 413 payload_too_large, sending nothing', async () => {
    const rec = recordingFetch();
    const va = vaFor({ fetch: rec.fetch });
    const response = await va.fetch(
      siteRequest('/api/v2/support/report', { method: 'POST', body: 'x'.repeat(MAX_BODY_BYTES + 1) }),
    );
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: string }).error).toBe('payload_too_large');
    expect(rec.calls).toEqual([]);
  });

  it('stops reading a streamed body without a length as soon as it passes 64 KiB', async () => {
    const rec = recordingFetch();
    const va = vaFor({ fetch: rec.fetch });
    let pulled = 0;
    const chunk = new Uint8Array(16 * 1024);
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += chunk.byteLength;
        controller.enqueue(chunk);
        // An endless body: only a reader that stops can finish this test.
      },
    });
    const response = await va.fetch(
      siteRequest('/api/v2/support/report', { method: 'POST', body, duplex: 'half' } as RequestInit),
    );
    expect(response.status).toBe(413);
    expect(pulled).toBeLessThanOrEqual(MAX_BODY_BYTES + 3 * chunk.byteLength);
    expect(rec.calls).toEqual([]);
  });

  it('forwards a body of exactly 64 KiB', async () => {
    const rec = recordingFetch(() => new Response('{}'));
    const va = vaFor({ fetch: rec.fetch });
    const response = await va.fetch(
      siteRequest('/api/v2/support/report', { method: 'POST', body: 'y'.repeat(MAX_BODY_BYTES) }),
    );
    expect(response.status).toBe(200);
    expect(rec.calls[0]!.body).toHaveLength(MAX_BODY_BYTES);
  });

  it('gives up on a body that does not arrive within the timeout (408), sending nothing', async () => {
    const rec = recordingFetch();
    const va = vaFor({ fetch: rec.fetch, timeoutMs: 300 });
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"email":'));
        // …and nothing more, ever.
      },
    });
    const response = await va.fetch(
      siteRequest('/api/v2/visitor/auth/magic-link', { method: 'POST', body, duplex: 'half' } as RequestInit),
    );
    expect(response.status).toBe(408);
    expect(((await response.json()) as { error: string }).error).toBe('request_timeout');
    expect(rec.calls).toEqual([]);
  });
});

describe('when the API fails', () => {
  it('answers 503 service_unavailable with Retry-After and its own request ID when the API is unreachable', async () => {
    const va = createVisitorAccess({ apiBase: await deadApi(), siteUrl: SITE });
    const response = await va.fetch(siteRequest('/api/v2/visitor/me'));
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
    const body = (await response.json()) as { error: string; requestId: string };
    expect(body.error).toBe('service_unavailable');
    expect(body.requestId).toMatch(/^req_/);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
  });

  it('answers 503 within the timeout when the API hangs, and keeps answering everything else meanwhile', async () => {
    const hanging = await hangingApi();
    try {
      const va = createVisitorAccess({ apiBase: hanging.url, siteUrl: SITE, timeoutMs: 400 });
      const started = Date.now();
      const pending = va.fetch(siteRequest('/api/v2/visitor/me'));
      // The site is not blocked by the hanging call.
      expect((await va.fetch(siteRequest('/api/v2/visitor/nothing'))).status).toBe(404);
      expect(await va.proxy(siteRequest('/about'))).toBeUndefined();
      const response = await pending;
      expect(response.status).toBe(503);
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(((await response.json()) as { requestId: string }).requestId).toMatch(/^req_/);
    } finally {
      await hanging.close();
    }
  });

  it('answers 503 when the API answers headers and then stalls its body', async () => {
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"visitor":');
    });
    const url = await listen(server);
    try {
      const va = createVisitorAccess({ apiBase: url, siteUrl: SITE, timeoutMs: 300 });
      expect((await va.fetch(siteRequest('/api/_edge/visitor/access'))).status).toBe(503);
    } finally {
      await close(server);
    }
  });

  it('turns any 5xx of the API into 503 service_unavailable with a request ID of its own', async () => {
    for (const status of [500, 502, 503, 504]) {
      const va = vaFor({
        fetch: recordingFetch(
          () => new Response('{"error":"storage_unavailable","message":"x","requestId":"req_up"}', { status }),
        ).fetch,
      });
      const response = await va.fetch(siteRequest('/api/v2/visitor/me'));
      expect(response.status).toBe(503);
      const body = (await response.json()) as { error: string; requestId: string };
      expect(body.error).toBe('service_unavailable');
      expect(body.requestId).not.toBe('req_up');
    }
  });
});

describe('sign-in through the proxy against the mock', () => {
  it('requests a link, verifies the emailed token, and the session cookie is the site’s', async () => {
    const va = vaFor();
    const email = 'link@example.com';
    const asked = await va.fetch(
      siteRequest('/api/v2/visitor/auth/magic-link', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, returnTo: `${SITE}/masterclass` }),
      }),
    );
    expect(asked.status).toBe(202);
    const mail = (await (await fetch(`${ctx.mock.url}/_mock/api/messages?to=${email}`)).json()) as {
      messages: { token: string }[];
    };
    const landing = await va.fetch(siteRequest(`/api/_edge/visitor/access/t/${mail.messages[0]!.token}`));
    expect(landing.status).toBe(200);
    expect(landing.headers.get('content-type')).toMatch(/text\/html/);
    const verified = await va.fetch(
      siteRequest('/api/v2/visitor/auth/verify', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token: mail.messages[0]!.token }),
      }),
    );
    expect(verified.status).toBe(200);
    const setCookie = verified.headers.getSetCookie();
    expect(setCookie).toHaveLength(1);
    expect(setCookie[0]).toMatch(/^_10x_visitor=[^;]+; Max-Age=\d+; Path=\/; HttpOnly; Secure; SameSite=Lax$/);
    expect(setCookie[0]).not.toMatch(/Domain/i);
    expect(sessionFrom(verified)).toBeTruthy();
  });

  it('passes the API’s own refusals through unchanged (a garbage session is 401, never a 5xx)', async () => {
    const va = vaFor();
    const me = await va.fetch(
      siteRequest('/api/v2/visitor/me', { headers: { cookie: '_10x_visitor=garbage-garbage' } }),
    );
    expect(me.status).toBe(401);
    const body = (await me.json()) as { error: string };
    expect(body.error).toBe('visitor_unauthorized');
  });
});
