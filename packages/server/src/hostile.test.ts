// Point 4 of issue 17: hostile input gets nowhere. Raw request targets go through the Node adapter as
// bytes (no client library normalises them first); every request that leaves must go to the API's
// origin and to a path of the forwarded route table, and no answer is a 5xx.
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '@visitor-access/mock/server';
import { createVisitorAccess } from './index.js';
import { toNodeHandler } from './node.js';
import { forwardedRoutes } from './routes.js';
import { close, listen, rawGet, rawHttp, recordingFetch, type Recorded } from '../test/helpers.js';

let mock: RunningServer;
let site: Server;
let siteUrl: string;
let calls: Recorded[];
let protectedRuns = 0;

beforeAll(async () => {
  mock = await startServer({ port: 0, host: '127.0.0.1', log: false });
  const rec = recordingFetch();
  calls = rec.calls;
  const va = createVisitorAccess({
    apiBase: mock.url,
    siteUrl: 'https://site.example',
    fetch: rec.fetch,
    timeoutMs: 2000,
  });
  const lesson = va.protect({ handle: 'gharart', page: 'masterclass' }, () => {
    protectedRuns++;
    return new Response('the paid lesson');
  });
  site = createServer(
    toNodeHandler(async (request, info) => {
      if (new URL(request.url).pathname === '/lesson') return lesson(request, info);
      return (await va.proxy(request, info)) ?? new Response('site page', { status: 200 });
    }),
  );
  siteUrl = await listen(site);
});
afterAll(async () => {
  await close(site);
  await mock.close();
});

const table = forwardedRoutes(false);
function isForwardedPath(pathname: string, method: string): boolean {
  const parts = pathname.split('/').slice(1);
  return table.some(
    (r) =>
      r.method === method &&
      r.segments.length === parts.length &&
      r.segments.every((s, i) => s.startsWith('{') || s === parts[i]),
  );
}

function expectOnlyApiCalls(): void {
  const api = new URL(mock.url);
  for (const call of calls) {
    const url = new URL(call.url);
    expect(url.origin, call.url).toBe(api.origin);
    expect(isForwardedPath(url.pathname, call.method), call.url).toBe(true);
    for (const segment of url.pathname.split('/')) {
      expect(['.', '..']).not.toContain(decodeURIComponent(segment));
      expect(decodeURIComponent(segment)).not.toMatch(/[\\/]/);
    }
  }
}

describe('hostile request targets never reach another host or an unlisted path', () => {
  const targets = [
    'http://evil.example/api/v2/visitor/me',
    'https://evil.example/api/_mock/api/messages',
    '//evil.example/api/v2/visitor/me',
    '/api//evil.example/v2/visitor/me',
    '/api/http://evil.example/v2/visitor/me',
    '/api/https:%2F%2Fevil.example/v2/visitor/me',
    '/api/../_mock/api/messages',
    '/api/%2e%2e/_mock/api/messages',
    '/api/%2E%2E/%2E%2E/_mock/api/reset',
    '/api/v2/%2e%2e/_mock/api/messages',
    '/api/v2/visitor/..%2f..%2f_mock/api/messages',
    '/api/v2/public/pages/..%2f..%2f_mock/api/messages/access-check',
    '/api/v2/public/pages/%2e%2e/masterclass/access-check',
    '/api/v2/public/pages/gharart%2f..%2f..%2f_mock/masterclass/access-check',
    '/api/v2/public/pages/%252e%252e/masterclass/access-check',
    '/api/v2/public/group-buys/@evil.example/x',
    '/api/v2/public/group-buys/evil.example%40/x',
    '/api/_edge/visitor/access/t/%2F%2Fevil.example',
    '/api/_edge/visitor/access/t/http:%2F%2Fevil.example',
    '/api/_edge/visitor/access/t/%5c%5cevil.example',
    '/api/_edge/visitor/access/t/..',
    '/api/_edge/visitor/access/t/%2e',
    '/api/_edge/visitor/access/t/%zz',
    '/api/_mock/api/messages',
    '/api/_mock/checkout/cs_test_x',
    '/api/v2/handles/gharart/pages/masterclass/refund',
    '/api?x=http://evil.example',
    '/api/v2/visitor/me#@evil.example',
    '/api/v2/visitor/me?@evil.example',
    '/api/v2/visitor/me%3F@evil.example',
    '/api/v2/visitor/me%00',
  ];
  it.each(targets)('GET %s', async (target) => {
    const answer = await rawGet(siteUrl, target);
    expect(answer.status).toBeGreaterThanOrEqual(200);
    expect(answer.status).toBeLessThan(500);
    expectOnlyApiCalls();
  });

  it('refuses backslash targets without a request leaving', async () => {
    const before = calls.length;
    for (const target of [
      '/api\\..\\_mock\\api\\messages',
      '/api/v2\\visitor\\me',
      '\\\\evil.example/api/v2/visitor/me',
    ]) {
      const answer = await rawGet(siteUrl, target);
      expect(answer.status).toBeGreaterThanOrEqual(400);
      expect(answer.status).toBeLessThan(500);
    }
    expect(calls.length).toBe(before);
  });

  it('a creator JWT route is not forwarded by the visitor proxy', async () => {
    const before = calls.length;
    const answer = await rawHttp(
      siteUrl,
      'POST /api/v2/handles/gharart/pages/masterclass/refund HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer a.b.c\r\n' +
        'Content-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}',
    );
    expect(answer.status).toBe(404);
    expect(JSON.parse(answer.body)).toMatchObject({ error: 'not_found' });
    expect(calls.length).toBe(before);
  });
});

describe('forged Host and X-Forwarded-* headers', () => {
  it('never choose the target, the Origin sent up, a cookie domain or a Location', async () => {
    const before = calls.length;
    const forged = 'X-Forwarded-Host: evil.example\r\nX-Forwarded-Proto: http\r\nForwarded: host=evil.example\r\n';
    const answer = await rawHttp(
      siteUrl,
      `POST /api/v2/visitor/auth/magic-link HTTP/1.1\r\nHost: evil.example\r\n${forged}` +
        'Content-Type: application/json\r\nContent-Length: 27\r\nConnection: close\r\n\r\n{"email":"h@example.com"}  ',
    );
    expect(answer.status).toBeLessThan(500);
    const sent = calls.slice(before);
    expect(sent).toHaveLength(1);
    expect(new URL(sent[0]!.url).origin).toBe(new URL(mock.url).origin);
    expect(sent[0]!.headers.origin).toBe('https://site.example');
    expect(Object.keys(sent[0]!.headers)).not.toContain('x-forwarded-host');
    expect(Object.keys(sent[0]!.headers)).not.toContain('forwarded');
    expect(JSON.stringify(sent[0]!.headers)).not.toContain('evil');
    // The visitor's address is the socket's, appended after whatever the visitor claimed.
    expect(sent[0]!.headers['x-forwarded-for']).toBe('127.0.0.1');
  });
});

describe('protected content under hostile input', () => {
  it('a garbage or oversized session cookie is refused with 401, never a 5xx, and the content never runs', async () => {
    for (const cookie of [
      '_10x_visitor=garbage',
      '_10x_visitor=%ZZ%00',
      '_10x_visitor=' + 'a'.repeat(5000),
      '_10x_visitor="quoted"',
      '_10x_visitor=a; _10x_visitor=b',
      'theme=dark',
    ]) {
      const answer = await rawGet(siteUrl, '/lesson', `Cookie: ${cookie}\r\n`);
      expect(answer.status, cookie).toBe(401);
      expect(answer.headers['cache-control']).toBe('private, no-store');
      expect(answer.body).not.toContain('the paid lesson');
    }
    expect(protectedRuns).toBe(0);
  });
});

describe('oversized and slow bodies over the wire', () => {
  it('answers 413 to a declared oversized body before it is sent', async () => {
    const before = calls.length;
    const answer = await rawHttp(
      siteUrl,
      'POST /api/v2/support/report HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n' +
        'Content-Length: 10000000\r\nConnection: close\r\n\r\n{"summary":',
    );
    expect(answer.status).toBe(413);
    expect(calls.length).toBe(before);
  });

  it('answers 408 to a body that stops arriving, within the timeout, sending nothing', async () => {
    const before = calls.length;
    const started = Date.now();
    const answer = await rawHttp(
      siteUrl,
      'POST /api/v2/visitor/auth/magic-link HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n' +
        'Content-Length: 100\r\nConnection: close\r\n\r\n{"email":',
      15_000,
    );
    expect(answer.status).toBe(408);
    expect(JSON.parse(answer.body)).toMatchObject({ error: 'request_timeout' });
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(calls.length).toBe(before);
  });

  it('answers 413 to a chunked body that passes 64 KiB', async () => {
    const before = calls.length;
    const chunk = 'x'.repeat(8192);
    const chunks = Array.from({ length: 12 }, () => `${(8192).toString(16)}\r\n${chunk}\r\n`).join('');
    const answer = await rawHttp(
      siteUrl,
      'POST /api/v2/support/report HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n' +
        `Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n${chunks}0\r\n\r\n`,
    );
    expect(answer.status).toBe(413);
    expect(calls.length).toBe(before);
  });
});
