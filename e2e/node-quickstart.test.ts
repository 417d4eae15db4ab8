import { describe, expect, it } from 'vitest';
import { createClient, VisitorUnauthorizedError } from '@visitor-access/sdk';
import { startServer } from '@visitor-access/mock/server';
// @ts-expect-error -- plain ESM example, no types
import { runJourney } from '@visitor-access/example-node-quickstart/index.mjs';

describe('examples/node-quickstart: the whole journey with the SDK against the standalone mock', () => {
  it('signs in by code, buys, is refunded and signs out, as the steps say', async () => {
    const steps: string[] = await runJourney({ log: () => {} });
    expect(steps).toEqual([
      '1. masterclass before sign-in: visitor_auth_required',
      expect.stringMatching(/^2\. signed in as reader-\d+@example\.com \(vis_/),
      '3. masterclass after sign-in: purchase_required (1900 USD)',
      '4. masterclass after paying: entitled',
      '5. creator refunded 1900 USD',
      expect.stringMatching(/^6\. masterclass after refund: purchase_required; access list: masterclass=refunded/),
      expect.stringMatching(/^7\. signed out \(me → visitor_unauthorized, request req_/),
    ]);
  });
});

describe('docs/sdk.md "Node usage with cookies": passing the cookie header yourself', () => {
  it('a client given the cookie from verify is signed in; one without it is not', async () => {
    const mock = await startServer({ port: 0, host: '127.0.0.1', log: false });
    try {
      const anon = createClient({ baseUrl: mock.url, sessionChannel: false });
      const email = `cookie-${Date.now()}@example.com`;
      await anon.auth.requestMagicLink({ email });
      const mail = await (await fetch(`${mock.url}/_mock/api/messages?to=${encodeURIComponent(email)}`)).json();
      const { response } = await anon.auth.verify({ email, code: mail.messages[0].code }).withResponse();
      const cookie = response.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
      expect(cookie).toMatch(/^_10x_visitor=/);

      const signedIn = createClient({ baseUrl: mock.url, sessionChannel: false, headers: { cookie } });
      await expect(signedIn.auth.me()).resolves.toMatchObject({ visitor: { email } });
      await expect(anon.auth.me()).rejects.toBeInstanceOf(VisitorUnauthorizedError);
    } finally {
      await mock.close();
    }
  });
});
