// The mail-scanner simulator (POST /_mock/api/scan): it opens every link of the newest email the way
// security gateways do, and the link still signs the person in afterwards. The page a scanner lands on
// never signs anyone in. The browser half (the person clicks after the scan) is in pages-in-chromium.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockServer } from './node.js';
import { SCAN_MAX_BYTES, SCANNER_USER_AGENT, linksOf, scanLinks } from './scanner.js';
import type { RunningServer } from './server.js';
import { startMock, Visitor } from '../test/helpers.js';

const scan = (base: string, to: unknown) =>
  fetch(`${base}/_mock/api/scan`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ to }),
  });

it('finds every link of a message once, in order', () => {
  expect(
    linksOf({
      link: 'http://localhost:4010/_edge/visitor/access/t/a.b',
      text: 'Click to sign in: http://localhost:4010/_edge/visitor/access/t/a.b\n\nMore (see https://shop.example/x?y=1). Or https://shop.example/z.',
    }),
  ).toEqual([
    'http://localhost:4010/_edge/visitor/access/t/a.b',
    'https://shop.example/x?y=1',
    'https://shop.example/z',
  ]);
  expect(linksOf({ link: null, text: 'No links here.' })).toEqual([]);
});

describe.each(['direct', 'msw'] as const)('the standalone server (%s router)', (dispatch) => {
  let mock: RunningServer;
  let site: Server;
  let siteUrl: string;
  const siteSaw: Array<{ method: string; url: string; headers: IncomingHttpHeaders }> = [];
  beforeAll(async () => {
    mock = await startMock({ dispatch });
    // The creator's own site, which a group buy's "now live" email links to: it redirects, as sites do.
    site = createServer((req, res) => {
      siteSaw.push({ method: req.method!, url: req.url!, headers: req.headers });
      if (req.url === '/spring-bundle') res.writeHead(301, { location: '/shop/spring-bundle' }).end();
      else res.writeHead(200, { 'content-type': 'text/html', 'set-cookie': 'tracker=1' }).end('<h1>Shop</h1>');
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await mock.close();
    await new Promise((resolve) => site.close(resolve));
  });

  it('fetches the sign-in link with HEAD and GET, sets no cookie, and the link and code still work', async () => {
    const email = `scanned-${dispatch}@example.com`;
    const v = new Visitor(mock.url);
    const returnTo = 'http://localhost:5173/after';
    await v.req('POST', '/v2/visitor/auth/magic-link', { email, returnTo });
    const message = await v.lastMessage(email);
    const sessionsBefore = mock.store.sessions.size;

    const res = await scan(mock.url, email);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.scanned).toEqual([message.link]);
    expect(message.link).toContain(`?returnTo=${encodeURIComponent(returnTo)}`);
    expect(body.requests).toEqual([
      { method: 'HEAD', url: message.link, status: 200, setCookie: false },
      { method: 'GET', url: message.link, status: 200, setCookie: false },
    ]);
    // The scanner's requests went through the mock like anyone's, with the token redacted in the log.
    const log = mock.store.requests(10).filter((r) => r.path.startsWith('/_edge/visitor/access/t/'));
    expect(log.map((r) => [r.method, r.status, r.path.split('?')[0]])).toEqual([
      ['GET', 200, '/_edge/visitor/access/t/[redacted]'],
      ['HEAD', 200, '/_edge/visitor/access/t/[redacted]'],
    ]);
    // Nobody was signed in, and the link is as good as new.
    expect(mock.store.sessions.size).toBe(sessionsBefore);
    expect(await mock.store.inspectToken(message.token)).toMatchObject({ state: 'valid' });
    const landing = await fetch(message.link!);
    expect(landing.status).toBe(200);
    expect(landing.headers.get('set-cookie')).toBeNull();
    expect(await landing.text()).toContain('id="continue"');
    // What the Continue button sends: it signs in once.
    const verified = await v.req('POST', '/v2/visitor/auth/verify', { token: message.token });
    expect([verified.status, verified.body.visitor.email]).toEqual([200, email]);
    expect(verified.headers.get('set-cookie')).toMatch(/^_10x_visitor=/);

    // The code of a scanned email works too.
    const other = `scanned-code-${dispatch}@example.com`;
    await v.req('POST', '/v2/visitor/auth/magic-link', { email: other });
    expect((await scan(mock.url, other)).status).toBe(200);
    const { code } = await v.lastMessage(other);
    expect((await new Visitor(mock.url).req('POST', '/v2/visitor/auth/verify', { email: other, code })).status).toBe(
      200,
    );
  });

  /** Sends the fixture's group buy's "now live" email, which links to gharart's first allowed origin. */
  async function liveEmail(origin: string, prefix: string): Promise<string> {
    mock.store.reset();
    mock.store.upsertHandle('gharart', { allowedOrigins: [origin] });
    for (const n of [1, 2, 3]) {
      const v = new Visitor(mock.url);
      await v.signIn(`${prefix}-${n}-${dispatch}@example.com`);
      expect((await v.req('POST', '/v2/public/group-buys/gharart/spring-bundle/interest')).status).toBe(200);
    }
    const activated = await fetch(`${mock.url}/_mock/api/group-buys/gharart/spring-bundle/activate`, {
      method: 'POST',
    });
    expect(activated.status).toBe(200);
    return `${prefix}-1-${dispatch}@example.com`;
  }

  it('follows redirects to other sites with a browser-like User-Agent and no cookies', async () => {
    const to = await liveEmail(siteUrl, 'gb');
    siteSaw.length = 0;
    const body = await (await scan(mock.url, to)).json();
    const url = `${siteUrl}/spring-bundle`;
    const finalUrl = `${siteUrl}/shop/spring-bundle`;
    expect(body).toEqual({
      scanned: [url],
      requests: [
        { method: 'HEAD', url, status: 200, finalUrl, setCookie: true },
        { method: 'GET', url, status: 200, finalUrl, setCookie: true },
      ],
    });
    expect(siteSaw.map((r) => `${r.method} ${r.url}`)).toEqual([
      'HEAD /spring-bundle',
      'HEAD /shop/spring-bundle',
      'GET /spring-bundle',
      'GET /shop/spring-bundle',
    ]);
    for (const r of siteSaw) {
      expect(r.headers['user-agent']).toBe(SCANNER_USER_AGENT);
      expect(r.headers.cookie).toBeUndefined();
    }
  });

  it('never follows a redirect to another port or host, and reports nothing of it (no port oracle)', async () => {
    // Another service on this machine, which the creator's site redirects to.
    const hits: string[] = [];
    const other = createServer((req, res) => {
      hits.push(`${req.method} ${req.url}`);
      res.writeHead(418, { 'set-cookie': 'internal=1' }).end('internal');
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const otherUrl = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
    const redirecting = createServer((req, res) => res.writeHead(302, { location: `${otherUrl}/admin` }).end());
    await new Promise<void>((resolve) => redirecting.listen(0, '127.0.0.1', resolve));
    const redirectingUrl = `http://127.0.0.1:${(redirecting.address() as AddressInfo).port}`;
    try {
      const to = await liveEmail(redirectingUrl, 'oracle');
      const body = await (await scan(mock.url, to)).json();
      const url = `${redirectingUrl}/spring-bundle`;
      const notFollowed = expect.stringMatching(/^not followed/);
      expect(body.requests).toEqual([
        { method: 'HEAD', url, status: 302, setCookie: false, error: notFollowed },
        { method: 'GET', url, status: 302, setCookie: false, error: notFollowed },
      ]);
      expect(JSON.stringify(body)).not.toContain('418');
      expect(hits).toEqual([]);
    } finally {
      await new Promise((resolve) => other.close(resolve));
      await new Promise((resolve) => redirecting.close(resolve));
    }
  });

  it('a link that does not answer is reported, not fatal; no message is 404; a bad address is 400', async () => {
    // Port 9 (discard) is closed on this machine: the connection is refused.
    const to = await liveEmail('http://127.0.0.1:9', 'refused');
    const res = await scan(mock.url, to);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.scanned).toEqual(['http://127.0.0.1:9/spring-bundle']);
    expect(body.requests).toEqual([
      { method: 'HEAD', url: 'http://127.0.0.1:9/spring-bundle', setCookie: false, error: expect.any(String) },
      { method: 'GET', url: 'http://127.0.0.1:9/spring-bundle', setCookie: false, error: expect.any(String) },
    ]);
    mock.store.reset();
    const noMail = await scan(mock.url, 'nobody-ever@example.com');
    expect([noMail.status, (await noMail.json()).error]).toEqual([404, 'message_not_found']);
    const bad = await scan(mock.url, 'not an email');
    expect([bad.status, (await bad.json()).error]).toEqual([400, 'invalid_request']);
  });
});

describe('MSW in Node', () => {
  const mock = createMockServer({ baseUrl: 'http://scan.test' });
  beforeAll(() => mock.listen());
  afterAll(() => mock.close());

  it('scans in-process: the link survives, HEAD answers without a body', async () => {
    const email = 'in-process@example.com';
    await fetch('http://scan.test/v2/visitor/auth/magic-link', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email }),
    });
    const res = await scan('http://scan.test', email);
    const body = await res.json();
    const link = mock.mailbox(email)[0]!.link!;
    expect(body).toEqual({
      scanned: [link],
      requests: [
        { method: 'HEAD', url: link, status: 200, setCookie: false },
        { method: 'GET', url: link, status: 200, setCookie: false },
      ],
    });
    const head = await fetch(link, { method: 'HEAD' });
    expect([head.status, await head.text()]).toEqual([200, '']);
    const verified = await fetch('http://scan.test/v2/visitor/auth/verify', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: mock.lastToken(email) }),
    });
    expect(verified.status).toBe(200);
  });
});

describe('scanLinks', () => {
  it('requests nothing outside what is allowed, and reads at most SCAN_MAX_BYTES of an answer', async () => {
    let hits = 0;
    let sentBytes = 0;
    let leftAtClose = -1;
    const big = Buffer.alloc(1024 * 1024, 0x62);
    const site = createServer((req, res) => {
      hits++;
      res.writeHead(200, { 'content-type': 'text/html' });
      // HEAD has no body to send.
      if (req.method === 'HEAD') return res.end();
      // 400 MiB, written as fast as the reader takes it.
      let left = 400;
      const pump = () => {
        while (left > 0) {
          left--;
          sentBytes += big.length;
          if (!res.write(big)) return res.once('drain', pump);
        }
        res.end();
      };
      res.on('close', () => {
        leftAtClose = left;
        left = 0;
      });
      pump();
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
    try {
      const outside = await scanLinks(['http://127.0.0.1:1/x'], { allowed: (u) => u.origin === origin });
      expect(outside.requests).toEqual([
        {
          method: 'HEAD',
          url: 'http://127.0.0.1:1/x',
          setCookie: false,
          error: expect.stringMatching(/^not followed/),
        },
        { method: 'GET', url: 'http://127.0.0.1:1/x', setCookie: false, error: expect.stringMatching(/^not followed/) },
      ]);
      const result = await scanLinks([`${origin}/big`], { allowed: (u) => u.origin === origin });
      expect(result.requests.map((r) => r.status)).toEqual([200, 200]);
      expect(hits).toBe(2);
      // The site could not push its 400 MiB: the scanner stopped after SCAN_MAX_BYTES and hung up.
      await new Promise((r) => setTimeout(r, 100));
      expect(leftAtClose).toBeGreaterThan(0);
      expect(sentBytes).toBeLessThan(64 * 1024 * 1024 + SCAN_MAX_BYTES);
    } finally {
      site.closeAllConnections();
      await new Promise((resolve) => site.close(resolve));
    }
  });
});
