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

  it('leaves other hosts alone', async () => {
    // Nothing listens here: the request is not intercepted, so it fails to connect.
    await expect(fetch('http://127.0.0.1:1/v2/visitor/me')).rejects.toThrow();
  });
});
