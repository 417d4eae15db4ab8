import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMockServer } from './node.js';

const mock = createMockServer({ baseUrl: 'http://api.visitor-access.test' });
beforeAll(() => mock.listen());
afterEach(() => mock.reset());
afterAll(() => mock.close());

const api = 'http://api.visitor-access.test';

describe('@visitor-access/mock/node', () => {
  it('answers plain fetch through setupServer', async () => {
    const res = await fetch(`${api}/v2/public/pages/gharart/welcome/access-check`, { method: 'POST' });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toMatch(/^req_/);
    expect(await res.json()).toMatchObject({ hasAccess: true, reason: 'public' });
  });

  it('signIn gives a cookie header, and the mailbox helper reads sign-in mail', async () => {
    const cookie = await mock.signIn('node@example.com');
    const res = await fetch(`${api}/v2/public/pages/gharart/masterclass/access-check`, {
      method: 'POST',
      headers: { cookie },
    });
    expect((await res.json()).reason).toBe('purchase_required');

    await fetch(`${api}/v2/visitor/auth/magic-link`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'mail@example.com' }),
    });
    expect(mock.mailbox('mail@example.com')).toHaveLength(1);
    expect(mock.lastToken('mail@example.com')).toMatch(/\./);
  });

  it('goes through the real sign-in as docs/mock.md shows; the cookie of verify signs later requests in', async () => {
    const headers = { 'content-type': 'application/json' };
    const email = 'me@example.com';
    const sent = await fetch(`${api}/v2/visitor/auth/magic-link`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ email }),
    });
    expect(sent.status).toBe(202);
    const res = await fetch(`${api}/v2/visitor/auth/verify`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ token: mock.lastToken(email) }),
    });
    expect(res.status).toBe(200);
    const cookie = res.headers.getSetCookie()[0]!.split(';')[0]!;
    expect(cookie).toMatch(/^_10x_visitor=/);
    const me = await fetch(`${api}/v2/visitor/me`, { headers: { cookie } });
    expect(me.status).toBe(200);
    expect((await me.json()).visitor.email).toBe(email);
    // A request without the cookie is anonymous: MSW's process-wide cookie store is not used by default,
    // so the last visitor who verified is never lent to anyone else.
    expect((await fetch(`${api}/v2/visitor/me`)).status).toBe(401);
    const anonymous = await fetch(`${api}/v2/public/pages/gharart/masterclass/access-check`, { method: 'POST' });
    expect((await anonymous.json()).reason).toBe('visitor_auth_required');
  });

  it('moves the store’s clock for expiry, with no waiting', async () => {
    const headers = { 'content-type': 'application/json' };
    const email = 'late@example.com';
    await fetch(`${api}/v2/visitor/auth/magic-link`, { method: 'POST', headers, body: JSON.stringify({ email }) });
    mock.store.clock.advance(15 * 60 * 1000);
    const res = await fetch(`${api}/v2/visitor/auth/verify`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ token: mock.lastToken(email) }),
    });
    expect(res.status).toBe(401);
    expect((await res.json()).error).toBe('expired_magic_link');
  });

  it('leaves other hosts alone', async () => {
    // Nothing listens here: the request is not intercepted, so it fails to connect.
    await expect(fetch('http://127.0.0.1:1/v2/visitor/me')).rejects.toThrow();
  });
});
