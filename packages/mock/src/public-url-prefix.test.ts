// `--public-url` with a path prefix (`http://site/api`): the mock behind a site's proxy that serves the API
// under `/api` and strips it. Every link the mock makes (the emailed link, the landing page's own calls,
// the checkout URL and its page's complete call) carries the prefix; its own origin (redirects, CORS of the
// development API) is the public URL's origin; the mock itself still answers at its root.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startMock, Visitor } from '../test/helpers.js';
import type { RunningServer } from './server.js';

let mock: RunningServer;
let proxy: Server;
let site: string;

/**
 * The site: `/api/…` forwarded to the mock with the prefix stripped (what a site's proxy does); anything
 * else is the site's own 404. Only for this test — the real one is `@visitor-access/server`.
 */
function startSite(upstream: () => string): Promise<Server> {
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    if (!path.startsWith('/api/')) {
      res.writeHead(404).end('not the API');
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string' && k !== 'host') headers.set(k, v);
      const body = chunks.length ? Buffer.concat(chunks) : undefined;
      fetch(upstream() + path.slice('/api'.length), { method: req.method, headers, body, redirect: 'manual' }).then(
        async (answer) => {
          const out: Record<string, string | string[]> = {};
          answer.headers.forEach((v, k) => {
            if (k !== 'set-cookie' && k !== 'content-encoding' && k !== 'content-length') out[k] = v;
          });
          if (answer.headers.getSetCookie().length) out['set-cookie'] = answer.headers.getSetCookie();
          res.writeHead(answer.status, out).end(Buffer.from(await answer.arrayBuffer()));
        },
        () => res.writeHead(502).end(),
      );
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

beforeAll(async () => {
  // The site first (its address is the public URL), then the mock behind it.
  proxy = await startSite(() => mock.url);
  site = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  mock = await startMock({ publicUrl: `${site}/api/` });
});
afterAll(async () => {
  proxy.closeAllConnections();
  await new Promise((r) => proxy.close(r));
  await mock.close();
});
beforeEach(() => mock.store.reset());

describe('--public-url with a path prefix', () => {
  it('is kept as given (a trailing slash dropped) and puts the prefix in every link', async () => {
    expect(mock.publicUrl).toBe(`${site}/api`);
    const v = new Visitor(`${site}/api`);
    const returnTo = `${site}/masterclass`; // on the public URL's origin: the mock's own, so allowed
    const sent = await v.req('POST', '/v2/visitor/auth/magic-link', { email: 'pre@example.com', returnTo });
    expect(sent.status).toBe(202);
    const [mail] = mock.store.messagesTo('pre@example.com');
    expect(mail!.link).toBe(
      `${site}/api/_edge/visitor/access/t/${mail!.token}?returnTo=${encodeURIComponent(returnTo)}`,
    );
  });

  it('signs in through the proxy: the landing page calls the API under the prefix, then returns to the site', async () => {
    const v = new Visitor(`${site}/api`);
    const returnTo = `${site}/masterclass`;
    await v.req('POST', '/v2/visitor/auth/magic-link', { email: 'land@example.com', returnTo });
    const [mail] = mock.store.messagesTo('land@example.com');
    // The browser opens the emailed link: it lands on the site, through the proxy.
    const landing = await fetch(mail!.link!);
    expect(landing.status).toBe(200);
    const html = await landing.text();
    expect(html).toContain('data-api="/api"');
    expect(html).toContain(`data-return-to="${returnTo}"`);
    expect(html).toContain("button.dataset.api + '/v2/visitor/auth/verify'");
    // What its script does on Continue: POST {api}/v2/visitor/auth/verify on the page's own origin.
    const verified = await v.req('POST', '/v2/visitor/auth/verify', { token: mail!.token });
    expect(verified.status).toBe(200);
    expect(v.cookie).toBeTruthy();
    expect((await v.req('GET', '/v2/visitor/me')).body.visitor.email).toBe('land@example.com');

    // A used link's page asks for a new one under the prefix too.
    const used = await (await fetch(mail!.link!)).text();
    expect(used).toContain('data-api="/api"');
    expect(used).toContain("form.dataset.api + '/v2/visitor/auth/magic-link'");
  });

  it('serves the checkout under the prefix, and its page completes it there and returns to the site', async () => {
    const v = new Visitor(`${site}/api`);
    mock.store.ensureVisitor('buy@example.com');
    v.cookie = await mock.store.createSession('buy@example.com');
    const c = await v.req('POST', '/v2/public/pages/gharart/masterclass/checkout', {
      successUrl: `${site}/masterclass?bought=1`,
      cancelUrl: `${site}/masterclass`,
    });
    expect(c.status).toBe(200);
    expect(c.body.url).toBe(`${site}/api/_mock/checkout/${c.body.sessionId}`);
    const page = await fetch(c.body.url);
    expect(page.status).toBe(200);
    // The page derives its complete call from its own path: under the prefix, on the site.
    expect(await page.text()).toContain("location.pathname.replace('/_mock/checkout/', '/_mock/api/checkout/')");
    const completePath = new URL(c.body.url).pathname.replace('/_mock/checkout/', '/_mock/api/checkout/') + '/complete';
    const done = await fetch(site + completePath, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: site },
      body: JSON.stringify({ outcome: 'paid' }),
    });
    expect(done.status).toBe(200);
    // The public URL's origin is the mock's own for the development API's CORS.
    expect(done.headers.get('access-control-allow-origin')).toBe(site);
    expect((await done.json()).redirectTo).toMatch(new RegExp(`^${site}/masterclass\\?bought=1&va_checkout=success&`));
    const check = await v.req('POST', '/v2/public/pages/gharart/masterclass/access-check');
    expect(check.body.hasAccess).toBe(true);
  });

  it('a fault page’s Try again loads the same address under the prefix', async () => {
    const v = new Visitor(`${site}/api`);
    await v.req('POST', '/v2/visitor/auth/magic-link', { email: 'fault@example.com' });
    const [mail] = mock.store.messagesTo('fault@example.com');
    for (const fault of ['503', '429']) {
      const page = await fetch(mail!.link!, { headers: { 'x-mock-fault': fault, accept: 'text/html' } });
      expect(page.status).toBe(Number(fault));
      const again = /<a class="button primary block" href="([^"]+)">Try again<\/a>/.exec(await page.text())?.[1];
      expect(again).toBe(`/api/_edge/visitor/access/t/${mail!.token}`);
      // Followed on the site, it reaches the landing page again (through the proxy).
      expect((await fetch(new URL(again!, site))).status).toBe(200);
    }
  });

  it('refuses redirects off the public origin, whatever the prefix', async () => {
    const v = new Visitor(`${site}/api`);
    const evil = await v.req('POST', '/v2/visitor/auth/magic-link', {
      email: 'x@example.com',
      returnTo: 'http://attacker.example/api/x',
    });
    expect([evil.status, evil.body.error]).toEqual([400, 'invalid_redirect_url']);
  });

  it('refuses a public URL with a query, a fragment, credentials, dot segments or another scheme', async () => {
    for (const bad of [
      'http://localhost:4010/api?x=1',
      'http://localhost:4010/api#top',
      'http://user:pw@localhost:4010/api',
      'http://localhost:4010/a/../api',
      'ftp://localhost/api',
      '/api',
    ]) {
      await expect(startMock({ publicUrl: bad }), bad).rejects.toThrow(/--public-url must be an origin/);
    }
    const nested = await startMock({ publicUrl: 'https://site.example/deep/api' });
    expect(nested.publicUrl).toBe('https://site.example/deep/api');
    await nested.close();
  });
});
