// nodeFetch, the Node adapter's transport for the upstream call (undici.request with a keep-alive
// pool): as a plain fetch, and as the server's transport (its direct call, without a Response) —
// every Set-Cookie kept, the timeout over headers and body, the body limit, redirects never
// followed, bodies streamed, the API down; and the buyer journey against the mock through it.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '@visitor-access/mock/server';
import { createVisitorAccess, MAX_BODY_BYTES } from './index.js';
import { nodeFetch, toNodeHandler } from './node.js';
import {
  buyThroughProxy,
  close,
  deadApi,
  hangingApi,
  listen,
  signInThroughProxy,
  siteRequest,
} from '../test/helpers.js';

const SITE = 'https://site.example';
const ACCESS = '/v2/public/pages/gharart/masterclass/access-check';

let mock: RunningServer;
beforeAll(async () => {
  mock = await startServer({ port: 0, host: '127.0.0.1', log: false });
  mock.store.upsertHandle('gharart', { allowedOrigins: [SITE] });
});
afterAll(() => mock.close());

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => close(s)));
});

/** An upstream of our own making, answering every request with `handler`; the requests it saw. */
async function upstream(handler: (req: IncomingMessage, res: ServerResponse, body: string) => void) {
  const seen: { method: string; url: string; body: string; headers: IncomingMessage['headers'] }[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('latin1');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      seen.push({ method: req.method!, url: req.url!, body, headers: req.headers });
      handler(req, res, body);
    });
  });
  servers.push(server);
  return { url: await listen(server), seen };
}

describe('nodeFetch as a fetch', () => {
  it('keeps every Set-Cookie, does not follow a redirect with redirect: manual, and streams the body', async () => {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const api = await upstream((req, res) => {
      if (req.url === '/redirect') {
        res.writeHead(302, { location: '/elsewhere' }).end();
        return;
      }
      if (req.url === '/stream') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.write('first ');
        void released.then(() => res.end('second'));
        return;
      }
      res.setHeader('set-cookie', ['a=1; Path=/', 'b=2; Path=/']);
      res.end('ok');
    });
    const f = nodeFetch();
    const cookies = await f(`${api.url}/cookies`, { redirect: 'manual' });
    expect(cookies.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2; Path=/']);
    expect(await cookies.text()).toBe('ok');

    const redirect = await f(`${api.url}/redirect`, { redirect: 'manual' });
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get('location')).toBe('/elsewhere');
    expect(api.seen.map((r) => r.url)).not.toContain('/elsewhere');

    // The first chunk arrives while the upstream still holds the rest back: the body streams.
    const streamed = await f(`${api.url}/stream`, { redirect: 'manual' });
    const reader = streamed.body!.getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toBe('first ');
    release();
    let rest = '';
    for (let next = await reader.read(); !next.done; next = await reader.read())
      rest += new TextDecoder().decode(next.value);
    expect(rest).toBe('second');
  });

  it('leaves what it does not take (a followed redirect, a Request) to the global fetch, unchanged', async () => {
    const api = await upstream((req, res) => {
      if (req.url === '/redirect') res.writeHead(302, { location: '/target' }).end();
      else res.end(`at ${req.url}`);
    });
    const f = nodeFetch();
    expect(await (await f(`${api.url}/redirect`)).text()).toBe('at /target');
    expect(await (await f(new Request(`${api.url}/plain`))).text()).toBe('at /plain');
  });

  it('aborts on the signal and fails as fetch does when nothing listens', async () => {
    const hanging = await hangingApi();
    try {
      const f = nodeFetch();
      const controller = new AbortController();
      const pending = f(hanging.url, { redirect: 'manual', signal: controller.signal });
      controller.abort(new Error('stop'));
      await expect(pending).rejects.toThrow('stop');
      await expect(f(await deadApi(), { redirect: 'manual' })).rejects.toThrow(TypeError);
    } finally {
      await hanging.close();
    }
  });
});

describe('nodeFetch as the server transport', () => {
  it('passes every session Set-Cookie down as the site’s own and no redirect is followed', async () => {
    const api = await upstream((req, res) => {
      res.setHeader('set-cookie', ['_10x_visitor=abc; Path=/; Domain=api.example; Max-Age=60', 'other=1; Path=/']);
      res.setHeader('location', `/_edge/visitor/access/elsewhere`);
      res.writeHead(302).end();
    });
    const va = createVisitorAccess({ apiBase: api.url, siteUrl: SITE, fetch: nodeFetch() });
    const answer = await va.fetch(siteRequest('/api/_edge/visitor/access/t/tok_1'));
    expect(answer.status).toBe(302);
    expect(answer.headers.getSetCookie()).toEqual([
      '_10x_visitor=abc; Max-Age=60; Path=/; HttpOnly; Secure; SameSite=Lax',
    ]);
    expect(answer.headers.get('location')).toBe(`${SITE}/api/_edge/visitor/access/elsewhere`);
    expect(api.seen).toHaveLength(1);
  });

  it('answers 503 within the timeout when the API hangs before or during its answer', async () => {
    const hanging = await hangingApi();
    const slowBody = await upstream((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"hasAccess":');
    });
    try {
      for (const apiBase of [hanging.url, slowBody.url]) {
        const va = createVisitorAccess({ apiBase, siteUrl: SITE, timeoutMs: 300, fetch: nodeFetch() });
        const started = Date.now();
        const proxied = await va.fetch(siteRequest(`/api${ACCESS}`, { method: 'POST', body: '{}' }));
        expect(proxied.status).toBe(503);
        const decision = await va.checkAccess(siteRequest('/lesson'), { handle: 'gharart', page: 'masterclass' });
        expect(decision).toMatchObject({ hasAccess: false, status: 503 });
        // Both within a few timeouts, not the API's pace (loose: the machine is shared).
        expect(Date.now() - started).toBeLessThan(5_000);
      }
    } finally {
      await hanging.close();
    }
  });

  it('answers 503 when the API is down', async () => {
    const va = createVisitorAccess({ apiBase: await deadApi(), siteUrl: SITE, fetch: nodeFetch() });
    expect((await va.fetch(siteRequest('/api/v2/visitor/me'))).status).toBe(503);
  });

  it('forwards a body up to 64 KiB byte for byte and refuses a larger one before calling the API', async () => {
    const api = await upstream((_req, res, body) => {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ length: body.length }));
    });
    const va = createVisitorAccess({ apiBase: api.url, siteUrl: SITE, fetch: nodeFetch() });
    const site = createServer(toNodeHandler(va));
    servers.push(site);
    const siteUrl = await listen(site);
    const fits = 'x'.repeat(MAX_BODY_BYTES);
    const ok = await fetch(`${siteUrl}/api/v2/visitor/auth/magic-link`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: fits,
    });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ length: MAX_BODY_BYTES });
    expect(api.seen[0]!.body).toBe(fits);
    const tooLarge = await fetch(`${siteUrl}/api/v2/visitor/auth/magic-link`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: fits + 'x',
    });
    expect(tooLarge.status).toBe(413);
    expect((await tooLarge.json()).error).toBe('payload_too_large');
    expect(api.seen).toHaveLength(1);
  });

  it('signs in, refuses a stranger and serves a buyer against the mock, through node:http', async () => {
    const va = createVisitorAccess({ apiBase: mock.url, siteUrl: SITE, fetch: nodeFetch() });
    const lesson = va.protect({ handle: 'gharart', page: 'masterclass' }, () => new Response('<p>lesson</p>'));
    const site = createServer(
      toNodeHandler((request, info) =>
        new URL(request.url).pathname === '/lesson' ? lesson(request, info) : va.fetch(request, info),
      ),
    );
    servers.push(site);
    const siteUrl = await listen(site);
    const cookie = await signInThroughProxy(va, mock.url, 'node-fetch@example.com');
    const stranger = await fetch(`${siteUrl}/lesson`, { headers: { cookie: `_10x_visitor=${cookie}` } });
    expect(stranger.status).toBe(403);
    expect(stranger.headers.get('cache-control')).toBe('private, no-store');
    await buyThroughProxy(va, mock.url, cookie);
    const buyer = await fetch(`${siteUrl}/lesson`, { headers: { cookie: `_10x_visitor=${cookie}` } });
    expect(buyer.status).toBe(200);
    expect(await buyer.text()).toBe('<p>lesson</p>');
    expect(buyer.headers.get('cache-control')).toBe('private, no-store');
    expect(buyer.headers.get('vary')).toBe('Cookie');
    const me = await fetch(`${siteUrl}/api/v2/visitor/me`, { headers: { cookie: `_10x_visitor=${cookie}` } });
    expect(me.status).toBe(200);
    expect(me.headers.get('cache-control')).toBe('private, no-store');
    expect(me.headers.get('x-request-id')).toMatch(/^req_/);
    const notFound = await fetch(`${siteUrl}/api/v2/nothing`);
    expect(notFound.status).toBe(404);
    expect((await notFound.json()).error).toBe('not_found');
  });
});
