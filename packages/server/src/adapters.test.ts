// The adapters: node:http / Connect-style middleware and Hono, in front of the same core; and the
// core itself uses web standards only (no node: import outside the Node adapter).
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '@visitor-access/mock/server';
import { createVisitorAccess } from './index.js';
import { protect, visitorAccess } from './hono.js';
import { nodeMiddleware, toNodeHandler } from './node.js';
import { close, listen, recordingFetch, signInThroughProxy } from '../test/helpers.js';

let mock: RunningServer;
beforeAll(async () => {
  mock = await startServer({ port: 0, host: '127.0.0.1', log: false });
});
afterAll(() => mock.close());

describe('the core', () => {
  it('imports no Node built-in (nor undici) outside the Node adapter (node.ts, node-fetch.ts)', () => {
    const dir = dirname(fileURLToPath(import.meta.url));
    const core = readdirSync(dir).filter(
      (f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'node.ts' && f !== 'node-fetch.ts',
    );
    expect(core.length).toBeGreaterThan(5);
    for (const file of core) {
      const source = readFileSync(join(dir, file), 'utf8');
      expect(source, file).not.toMatch(/from\s+['"](node:|@hono\/node-server|undici)/);
      expect(source, file).not.toMatch(/\b(process|Buffer|require)\./);
    }
  });
});

describe('node: toNodeHandler and nodeMiddleware (Express / Connect)', () => {
  let server: Server;
  let url: string;
  const calls: string[] = [];
  beforeAll(async () => {
    const rec = recordingFetch();
    const va = createVisitorAccess({ apiBase: mock.url, siteUrl: 'http://localhost:3000', fetch: rec.fetch });
    const middleware = nodeMiddleware(va);
    const lesson = toNodeHandler(va.protect({ handle: 'gharart', page: 'masterclass' }, () => new Response('lesson')));
    // A Connect-style chain: the middleware first, then the site's own routes.
    server = createServer((req, res) => {
      calls.push(req.url ?? '');
      middleware(req, res, (error) => {
        if (error) {
          res.statusCode = 500;
          res.end('error');
          return;
        }
        if (req.url === '/lessons/1') return void lesson(req, res);
        res.setHeader('content-type', 'text/plain');
        res.end(`site: ${req.url}`);
      });
    });
    url = await listen(server);
  });
  afterAll(() => close(server));

  it('answers the API under the prefix, and passes everything else on', async () => {
    const me = await fetch(`${url}/api/v2/visitor/me`);
    expect(me.status).toBe(401);
    expect(((await me.json()) as { error: string }).error).toBe('visitor_unauthorized');
    expect(me.headers.get('cache-control')).toBe('private, no-store');

    const other = await fetch(`${url}/about`);
    expect(await other.text()).toBe('site: /about');
    const near = await fetch(`${url}/apix/v2/visitor/me`);
    expect(await near.text()).toBe('site: /apix/v2/visitor/me');

    const nothing = await fetch(`${url}/api/v2/nothing`);
    expect(nothing.status).toBe(404);
  });

  it('protects a content URL through toNodeHandler', async () => {
    const response = await fetch(`${url}/lessons/1`);
    expect(response.status).toBe(401);
  });

  it('signs in through the proxy and sets the site’s own cookie over HTTP', async () => {
    const va = createVisitorAccess({ apiBase: mock.url, siteUrl: url });
    const site = createServer(toNodeHandler(va));
    const siteUrl = await listen(site);
    try {
      const direct = createVisitorAccess({ apiBase: mock.url, siteUrl });
      const cookie = await signInThroughProxy(direct, mock.url, 'node@example.com');
      const me = await fetch(`${siteUrl}/api/v2/visitor/me`, { headers: { cookie: `_10x_visitor=${cookie}` } });
      expect(me.status).toBe(200);
    } finally {
      await close(site);
    }
  });

  it('answers a handler that throws with a 500 envelope and keeps serving', async () => {
    const site = createServer(
      toNodeHandler((request) => {
        if (new URL(request.url).pathname === '/boom') throw new Error('the site’s own bug');
        return new Response('fine');
      }),
    );
    const siteUrl = await listen(site);
    try {
      const boom = await fetch(`${siteUrl}/boom`);
      expect(boom.status).toBe(500);
      expect(((await boom.json()) as { error: string }).error).toBe('internal_error');
      expect(await (await fetch(`${siteUrl}/fine`)).text()).toBe('fine');
    } finally {
      await close(site);
    }
  });

  it('uses the socket’s address for X-Forwarded-For', async () => {
    const rec = recordingFetch(() => new Response('{}'));
    const va = createVisitorAccess({ apiBase: mock.url, siteUrl: 'http://localhost:3000', fetch: rec.fetch });
    const site = createServer(toNodeHandler(va));
    const siteUrl = await listen(site);
    try {
      await fetch(`${siteUrl}/api/v2/visitor/me`, { headers: { 'x-forwarded-for': '10.0.0.1' } });
      expect(rec.calls[0]!.headers['x-forwarded-for']).toBe('10.0.0.1, 127.0.0.1');
    } finally {
      await close(site);
    }
  });
});

describe('hono: visitorAccess() middleware and protect()', () => {
  const va = () => createVisitorAccess({ apiBase: mock.url, siteUrl: 'https://site.example' });

  it('serves the API under the prefix and lets the app answer the rest', async () => {
    const app = new Hono();
    app.use(visitorAccess(va()));
    app.get('/about', (c) => c.text('about'));
    expect((await app.request('https://site.example/api/v2/visitor/me')).status).toBe(401);
    expect(await (await app.request('https://site.example/about')).text()).toBe('about');
    expect((await app.request('https://site.example/api/nothing')).status).toBe(404);
  });

  it('protects a route, running the handler with the context only for a visitor with access', async () => {
    const app = new Hono();
    let runs = 0;
    app.get(
      '/lessons/1',
      protect(va(), { handle: 'gharart', page: 'masterclass' }, (c) => {
        runs++;
        return c.html('<p>lesson</p>');
      }),
    );
    const response = await app.request('https://site.example/lessons/1');
    expect(response.status).toBe(401);
    expect(runs).toBe(0);
  });

  it('passes the address the app names to X-Forwarded-For', async () => {
    const rec = recordingFetch(() => new Response('{}'));
    const app = new Hono();
    app.use(
      visitorAccess(createVisitorAccess({ apiBase: mock.url, siteUrl: 'https://site.example', fetch: rec.fetch }), {
        clientAddress: () => '192.0.2.4',
      }),
    );
    await app.request('https://site.example/api/v2/visitor/me');
    expect(rec.calls[0]!.headers['x-forwarded-for']).toBe('192.0.2.4');
  });
});
