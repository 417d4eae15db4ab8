import { afterAll, beforeAll, expect, it } from 'vitest';
import { createMockServer } from './node.js';

// `cookieJar: true`: the process behaves like one browser, MSW keeping the cookie of verify and sending
// it on later requests (its own file: MSW's cookie store is one per process).
const api = 'http://api.cookie-jar.test';
const mock = createMockServer({ baseUrl: api, cookieJar: true });
beforeAll(() => mock.listen());
afterAll(() => mock.close());

it('with cookieJar, plain fetch calls after a sign-in are signed in, and after logout they are not', async () => {
  const headers = { 'content-type': 'application/json' };
  const email = 'browser-like@example.com';
  await fetch(`${api}/v2/visitor/auth/magic-link`, { method: 'POST', headers, body: JSON.stringify({ email }) });
  const verified = await fetch(`${api}/v2/visitor/auth/verify`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ token: mock.lastToken(email) }),
  });
  expect(verified.status).toBe(200);
  const me = await fetch(`${api}/v2/visitor/me`);
  expect(me.status).toBe(200);
  expect((await me.json()).visitor.email).toBe(email);
  expect((await fetch(`${api}/v2/visitor/auth/logout`, { method: 'POST' })).status).toBe(204);
  expect((await fetch(`${api}/v2/visitor/me`)).status).toBe(401);
});
