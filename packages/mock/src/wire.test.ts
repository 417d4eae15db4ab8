import { describe, expect, it } from 'vitest';
import { useMock, Visitor } from '../test/helpers.js';

const ctx = useMock();

describe('idempotency keys', () => {
  it('replays the first response for the same key and body, with Idempotent-Replayed', async () => {
    const v = new Visitor(ctx.base);
    await v.signIn('idem@example.com');
    const body = { successUrl: 'http://localhost:5173/ok', cancelUrl: 'http://localhost:5173/no' };
    const headers = { 'idempotency-key': 'checkout-1' };
    const first = await v.req('POST', '/v2/public/pages/gharart/masterclass/checkout', body, headers);
    const second = await v.req('POST', '/v2/public/pages/gharart/masterclass/checkout', body, headers);
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(ctx.mock.store.checkouts.size).toBe(1);

    const other = await v.req(
      'POST',
      '/v2/public/pages/gharart/masterclass/checkout',
      { ...body, cancelUrl: 'http://localhost:5173/x' },
      headers,
    );
    expect([other.status, other.body.error]).toEqual([422, 'idempotency_key_reused']);
  });

  it('the same JSON with other spacing or key order is the same body', async () => {
    const v = new Visitor(ctx.base);
    await v.signIn('idem-spelling@example.com');
    const headers = { 'idempotency-key': 'checkout-2' };
    const path = '/v2/public/pages/gharart/masterclass/checkout';
    const first = await v.req(
      'POST',
      path,
      '{"successUrl":"http://localhost:5173/ok","cancelUrl":"http://localhost:5173/no"}',
      headers,
    );
    const again = await v.req(
      'POST',
      path,
      '{ "cancelUrl": "http://localhost:5173/no",\n  "successUrl": "http://localhost:5173/ok" }',
      headers,
    );
    expect(first.status).toBe(200);
    expect([again.status, again.headers.get('idempotent-replayed')]).toEqual([200, 'true']);
    expect(again.body).toEqual(first.body);
    expect(ctx.mock.store.checkouts.size).toBe(1);
  });

  it('does not replay a magic-link email twice, and keys expire after 24 hours', async () => {
    const v = new Visitor(ctx.base);
    const headers = { 'idempotency-key': 'ml-1' };
    await v.req('POST', '/v2/visitor/auth/magic-link', { email: 'once@example.com' }, headers);
    await v.req('POST', '/v2/visitor/auth/magic-link', { email: 'once@example.com' }, headers);
    expect(ctx.mock.store.messagesTo('once@example.com')).toHaveLength(1);
    await v.req('POST', '/_mock/api/clock', { advanceMs: 24 * 60 * 60 * 1000 });
    const later = await v.req('POST', '/v2/visitor/auth/magic-link', { email: 'once@example.com' }, headers);
    expect(later.headers.get('idempotent-replayed')).toBeNull();
    expect(ctx.mock.store.messagesTo('once@example.com')).toHaveLength(2);
  });

  it('runs a write once when the same key arrives 20 times at once; the others replay it', async () => {
    const v = new Visitor(ctx.base);
    const headers = { 'idempotency-key': 'burst-1' };
    const replies = await Promise.all(
      Array.from({ length: 20 }, () =>
        v.req('POST', '/v2/visitor/auth/magic-link', { email: 'burst@example.com' }, headers),
      ),
    );
    expect(replies.map((r) => r.status)).toEqual(Array(20).fill(202));
    expect(replies.filter((r) => r.headers.get('idempotent-replayed') === 'true')).toHaveLength(19);
    expect(new Set(replies.map((r) => r.text)).size).toBe(1);
    expect((await v.req('GET', '/_mock/api/messages?to=burst@example.com')).body.messages).toHaveLength(1);
  });

  it('scopes keys per visitor', async () => {
    const a = new Visitor(ctx.base);
    const b = new Visitor(ctx.base);
    await a.signIn('a@example.com');
    await b.signIn('b@example.com');
    const headers = { 'idempotency-key': 'same' };
    await a.req('POST', '/v2/public/group-buys/gharart/spring-bundle/interest', undefined, headers);
    const rb = await b.req('POST', '/v2/public/group-buys/gharart/spring-bundle/interest', undefined, headers);
    expect(rb.headers.get('idempotent-replayed')).toBeNull();
    expect(rb.body.interestCount).toBe(2);
  });
});

describe('CORS', () => {
  it('allows localhost origins with credentials and answers preflights', async () => {
    const origin = 'http://localhost:5173';
    const pre = await fetch(`${ctx.base}/v2/public/pages/gharart/masterclass/checkout`, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type, idempotency-key',
      },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe(origin);
    expect(pre.headers.get('access-control-allow-credentials')).toBe('true');
    expect(pre.headers.get('access-control-allow-methods')).toContain('POST');
    expect(pre.headers.get('access-control-allow-headers')).toBe('content-type, idempotency-key');
    expect(pre.headers.get('vary')).toContain('Origin');
    const r = await fetch(`${ctx.base}/v2/public/pages/gharart/welcome/access-check`, {
      method: 'POST',
      headers: { origin: 'http://127.0.0.1:8080' },
    });
    expect(r.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:8080');
    expect(r.headers.get('access-control-allow-credentials')).toBe('true');
    expect(r.headers.get('access-control-expose-headers')).toContain('x-request-id');
  });

  it('gives other origins no CORS headers until the handle allows them', async () => {
    const origin = 'https://shop.example';
    const path = '/v2/public/pages/gharart/welcome/access-check';
    const pre = await fetch(ctx.base + path, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST' },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBeNull();
    const r = await fetch(ctx.base + path, { method: 'POST', headers: { origin } });
    expect(r.headers.get('access-control-allow-origin')).toBeNull();
    expect(r.headers.get('access-control-allow-credentials')).toBeNull();
    await new Visitor(ctx.base).req('PUT', '/_mock/api/handles/gharart', { allowedOrigins: [origin] });
    const allowed = await fetch(ctx.base + path, { method: 'POST', headers: { origin } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe(origin);
    // …but only for that handle's routes.
    const otherHandle = await fetch(`${ctx.base}/v2/public/pages/no-connect/premium/access-check`, {
      method: 'POST',
      headers: { origin },
    });
    expect(otherHandle.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('request IDs and the request log', () => {
  it('puts x-request-id on every response and shows it in the log, newest first', async () => {
    const v = new Visitor(ctx.base);
    const responses = [
      await v.req('POST', '/v2/public/pages/gharart/welcome/access-check'),
      await v.req('GET', '/v2/visitor/me'),
      await v.req('GET', '/v2/nothing-here'),
      await v.req('POST', '/v2/visitor/auth/logout'),
    ];
    const ids = responses.map((r) => r.headers.get('x-request-id'));
    for (const id of ids) expect(id).toMatch(/^req_[A-Za-z0-9]{20}$/);
    expect(new Set(ids).size).toBe(4);
    const html = await fetch(`${ctx.base}/_mock/mailbox`);
    expect(html.headers.get('x-request-id')).toMatch(/^req_/);
    const log = await v.req('GET', '/_mock/api/requests?limit=5');
    const entries = log.body.requests as {
      requestId: string;
      method: string;
      path: string;
      status: number;
      durationMs: number;
    }[];
    expect(entries.slice(1, 5).map((e) => e.requestId)).toEqual([...ids].reverse());
    expect(entries[2]).toMatchObject({ method: 'GET', path: '/v2/nothing-here', status: 404 });
    expect(typeof entries[0]!.durationMs).toBe('number');
  });

  it('answers unknown routes with 404 not_found in the error envelope', async () => {
    for (const [method, path] of [
      ['GET', '/v2/unknown'],
      ['DELETE', '/v2/visitor/me'],
      ['GET', '/_mock/api/nothing'],
      ['GET', '/totally/elsewhere'],
    ] as const) {
      const r = await new Visitor(ctx.base).req(method, path);
      expect(r.status).toBe(404);
      expect(r.body).toEqual({
        error: 'not_found',
        message: expect.any(String),
        requestId: r.headers.get('x-request-id'),
      });
    }
  });
});

describe('mailbox and dev API', () => {
  it('lists every email newest first with clickable links, escaping everything', async () => {
    const v = new Visitor(ctx.base);
    await v.req('POST', '/v2/visitor/auth/magic-link', { email: 'first@example.com' });
    await v.req('POST', '/v2/visitor/auth/magic-link', { email: 'second@example.com' });
    const html = await (await fetch(`${ctx.base}/_mock/mailbox`)).text();
    // Recipients carry a <wbr> before the @ (where a long one breaks on a phone): compare them as read.
    const read = html.replaceAll('<wbr>', '');
    expect(read.indexOf('second@example.com')).toBeGreaterThan(-1);
    expect(read.indexOf('second@example.com')).toBeLessThan(read.indexOf('first@example.com'));
    const link = (await v.lastMessage('first@example.com')).link;
    expect(html).toContain(`<a href="${link}">`);
    await v.req('POST', '/v2/support/report', { summary: '<img src=x onerror=alert(1)>', details: 'd' });
    await v.req('PUT', '/_mock/api/pages/gharart/xss', { title: '<script>alert(1)</script>', mode: 'PUBLIC' });
    const index = await (await fetch(`${ctx.base}/`)).text();
    expect(index).not.toContain('<script>alert(1)');
    expect(index).toContain('&lt;script&gt;');
  });

  it('filters messages by address and resets to the fixture with an empty mailbox and the real clock', async () => {
    const v = new Visitor(ctx.base);
    await v.signIn('reset@example.com');
    await v.req('POST', '/_mock/api/clock', { set: '2030-01-01T00:00:00.000Z' });
    expect((await v.req('GET', '/_mock/api/clock')).body.now.startsWith('2030-01-01T00:00')).toBe(true);
    expect((await v.req('GET', '/_mock/api/messages?to=RESET@example.com')).body.messages).toHaveLength(1);
    expect((await v.req('GET', '/_mock/api/messages?to=other@example.com')).body.messages).toHaveLength(0);
    expect((await v.req('POST', '/_mock/api/reset')).body).toEqual({ ok: true });
    expect((await v.req('GET', '/_mock/api/messages')).body.messages).toEqual([]);
    expect(Math.abs(Date.parse((await v.req('GET', '/_mock/api/clock')).body.now) - Date.now())).toBeLessThan(60_000);
    expect((await v.req('GET', '/v2/visitor/me')).status).toBe(401);
  });

  it('reports answer 201 with a report ID', async () => {
    const v = new Visitor(ctx.base);
    for (const [path, body] of [
      ['/v2/support/report', { summary: 'Cannot open page', details: 'It spins', requestId: 'req_x' }],
      ['/v2/public/content-report', { handle: 'gharart', pageSlug: 'welcome', reason: 'spam' }],
    ] as const) {
      const r = await v.req('POST', path, body);
      expect(r.status, path).toBe(201);
      expect(r.body.reportId, path).toMatch(/^rep_/);
    }
  });
});
