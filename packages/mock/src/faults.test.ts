// Failure on demand (product-spec.md): X-Mock-Fault on any /v2 or /_edge request, the defaults
// (--latency, --fail-rate, --fail-seed), rules set while the mock runs, and what a client sees of each —
// on the standalone server (both of its routers) and on MSW in Node, where there is no socket.
import { request as httpRequest } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '@visitor-access/contract';
import { Faults } from './faults/faults.js';
import {
  faultOptions,
  FaultSettingsError,
  FaultSettingsSchema,
  parseFailRate,
  type FaultSettings,
  parseFault,
  parseLatency,
} from './faults/settings.js';
import { createMockServer } from './node.js';
import type { RunningServer } from './server.js';
import { startMock, Visitor } from '../test/helpers.js';

const ORIGIN = 'http://localhost:5173';

/** What a raw HTTP client sees of one request: an answer, or the connection ending without one. */
function raw(
  url: string,
  headers: Record<string, string>,
  waitMs: number,
): Promise<{ status?: number; ended?: 'reset' | 'closed'; bytes: number; afterMs: number }> {
  return new Promise((resolve) => {
    const started = Date.now();
    let bytes = 0;
    const req = httpRequest(url, { headers, agent: false });
    const timer = setTimeout(() => {
      req.destroy();
      resolve({ bytes, afterMs: Date.now() - started });
    }, waitMs);
    req.on('socket', (s) => s.on('data', (d: Buffer) => (bytes += d.length)));
    req.on('response', (res) => {
      clearTimeout(timer);
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode!, bytes, afterMs: Date.now() - started }));
    });
    req.on('error', (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      resolve({ ended: e.code === 'ECONNRESET' ? 'reset' : 'closed', bytes, afterMs: Date.now() - started });
    });
    req.end();
  });
}

describe('parsing', () => {
  it('reads the header, --latency and --fail-rate, and refuses everything else', () => {
    expect(parseFault(' 503 ')).toEqual({ kind: '503' });
    expect(parseFault('LATENCY=250')).toEqual({ kind: 'latency', ms: 250 });
    expect(parseFault('Reset')).toEqual({ kind: 'reset' });
    for (const bad of ['', '500', 'latency=', 'latency=-1', 'latency=60001', 'latency=1.5', 'timeout,reset', 'x'])
      expect(parseFault(bad), bad).toBeUndefined();
    expect(parseLatency('200')).toEqual({ min: 200, max: 200 });
    expect(parseLatency('100-800')).toEqual({ min: 100, max: 800 });
    for (const bad of ['800-100', '-5', '1e3', '70000', 'fast']) expect(parseLatency(bad), bad).toBeUndefined();
    expect(parseFailRate('0.3')).toBe(0.3);
    expect(parseFailRate('30%')).toBe(0.3);
    for (const bad of ['1.5', '-0.1', '101%', 'often']) expect(parseFailRate(bad), bad).toBeUndefined();
    expect(faultOptions({ latency: '50-100', 'fail-rate': '0.25', 'fail-seed': '42' })).toEqual({
      latency: { min: 50, max: 100 },
      failRate: 0.25,
      seed: 42,
    });
    expect(faultOptions({ 'fail-rate': '2' })).toMatch(/^--fail-rate must be a share from 0 to 1/);
    expect(faultOptions({ 'fail-seed': '-1' })).toMatch(/^--fail-seed must be a whole number/);
  });

  it('one schema reads the settings everywhere: what it gives back it takes again, and a bad value is named', () => {
    const given = {
      latency: '100-800',
      failRate: 0.25,
      rules: [{ method: 'post', path: '/v2/visitor/*', fault: ' LATENCY=5 ', times: 2 }],
    };
    const read = FaultSettingsSchema.parse(given);
    expect(read).toEqual({
      latency: { min: 100, max: 800 },
      failRate: 0.25,
      seed: null,
      rules: [{ method: 'POST', path: '/v2/visitor/*', fault: 'latency=5', times: 2 }],
    });
    expect(FaultSettingsSchema.parse(read)).toEqual(read);
    expect(new Faults(given).settings).toEqual(new Faults(read).settings);
    for (const [bad, path] of [
      [{ failRate: 2 }, 'failRate'],
      [{ latency: 60_001 }, 'latency'],
      [{ seed: 1.5 }, 'seed'],
      [{ rules: [{ path: '/v2/visitor/me', fault: '503', method: 'PATCH' }] }, 'rules.0.method'],
    ] as Array<[FaultSettings, string]>) {
      const faults = new Faults();
      expect(() => faults.set(bad), path).toThrow(FaultSettingsError);
      expect(() => faults.set(bad), path).toThrow(new RegExp(`^${path.replace('.', '\\.')}: Expected`));
    }
  });

  it('the same seed gives the same faults, in about the share asked for', () => {
    const run = (seed: number) => {
      const faults = new Faults({ failRate: 0.3, latency: '10-20', seed });
      return Array.from({ length: 400 }, () => faults.decide('GET', '/v2/visitor/me', null));
    };
    const a = run(7);
    expect(run(7)).toEqual(a);
    expect(run(8)).not.toEqual(a);
    const failed = a.filter((d) => 'then' in d && d.then === '503').length;
    expect(failed).toBeGreaterThan(0.2 * 400);
    expect(failed).toBeLessThan(0.4 * 400);
    for (const d of a) if ('delayMs' in d) expect(d.delayMs).toBeGreaterThanOrEqual(10);
    for (const d of a) if ('delayMs' in d) expect(d.delayMs).toBeLessThanOrEqual(20);
  });
});

describe.each(['direct', 'msw'] as const)('the standalone server (%s router)', (dispatch) => {
  let mock: RunningServer;
  beforeAll(async () => {
    mock = await startMock({ dispatch, faults: { timeoutMs: 600 } });
  });
  afterAll(() => mock.close());
  afterEach(() => mock.faults.reset());

  const fault = (value: string) => ({ 'x-mock-fault': value, origin: ORIGIN });

  it('503: service_unavailable in the envelope with its request ID and CORS, and nothing changed', async () => {
    const v = new Visitor(mock.url);
    const email = `fault-503-${dispatch}@example.com`;
    const res = await v.req('POST', '/v2/visitor/auth/magic-link', { email }, fault('503'));
    expect(res.status).toBe(503);
    expect(res.body).toEqual({
      error: 'service_unavailable',
      message: expect.stringMatching(/unavailable.*Nothing changed/),
      requestId: res.headers.get('x-request-id'),
    });
    expect(res.headers.get('x-request-id')).toMatch(/^req_/);
    expect(res.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(res.headers.get('access-control-allow-credentials')).toBe('true');
    expect(res.headers.get('access-control-expose-headers')).toContain('x-mock-fault');
    expect(res.headers.get('x-mock-fault')).toBe('503');
    const mail = await (await fetch(`${mock.url}/_mock/api/messages?to=${email}`)).json();
    expect(mail.messages).toEqual([]);
    // The same request without the header goes through.
    expect((await v.req('POST', '/v2/visitor/auth/magic-link', { email })).status).toBe(202);
  });

  it('429: rate_limited with Retry-After: 1', async () => {
    const res = await new Visitor(mock.url).req('GET', '/v2/visitor/me', undefined, fault('429'));
    expect([res.status, res.body.error, res.headers.get('retry-after')]).toEqual([429, 'rate_limited', '1']);
    expect(res.body.requestId).toBe(res.headers.get('x-request-id'));
  });

  it('latency=MS: the normal answer, after MS milliseconds', async () => {
    const started = performance.now();
    const res = await new Visitor(mock.url).req(
      'POST',
      '/v2/public/pages/gharart/welcome/access-check',
      undefined,
      fault('latency=250'),
    );
    expect(performance.now() - started).toBeGreaterThanOrEqual(245);
    expect([res.status, res.body.reason, res.headers.get('x-mock-fault')]).toEqual([200, 'public', 'latency=250']);
  });

  it('reset: the connection is destroyed without an answer (ECONNRESET, not one byte)', async () => {
    const seen = await raw(`${mock.url}/v2/visitor/me`, fault('reset'), 3000);
    expect(seen).toMatchObject({ ended: 'reset', bytes: 0 });
    await expect(fetch(`${mock.url}/v2/visitor/me`, { headers: fault('reset') })).rejects.toThrow(TypeError);
  });

  it('timeout: no answer, then the connection closes (after timeoutMs; 30 s by default)', async () => {
    const seen = await raw(`${mock.url}/v2/visitor/me`, fault('timeout'), 5000);
    expect(seen.status).toBeUndefined();
    expect(seen.ended).toBeDefined();
    expect(seen.bytes).toBe(0);
    expect(seen.afterMs).toBeGreaterThanOrEqual(550);
    // The default holds on: a client that waits a second sees nothing at all.
    const slow = await startMock({ dispatch });
    try {
      const waited = await raw(`${slow.url}/v2/visitor/me`, fault('timeout'), 1000);
      expect(waited).toEqual({ bytes: 0, afterMs: expect.any(Number) });
      expect(slow.faults.timeoutMs).toBe(30_000);
    } finally {
      await slow.close(); // closes the held connection too
    }
  });

  it('a bad value gets 400 invalid_request naming the header, on every kind of route', async () => {
    for (const [method, path] of [
      ['GET', '/v2/visitor/me'],
      ['POST', '/v2/visitor/auth/magic-link'],
      ['GET', '/_edge/visitor/access/t/abc'],
      ['GET', '/v2/no-such-route'],
    ] as const) {
      const res = await new Visitor(mock.url).req(method, path, undefined, fault('explode'));
      expect(res.status, path).toBe(400);
      expect(res.body).toMatchObject({
        error: 'invalid_request',
        message: expect.stringContaining('X-Mock-Fault must be one of'),
        details: [{ path: 'X-Mock-Fault' }],
      });
      expect(res.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    }
  });

  it('never on /_mock, never on a preflight; a preflight allows the header', async () => {
    mock.faults.set({ failRate: 1 });
    for (let i = 0; i < 5; i++) {
      expect((await fetch(`${mock.url}/_mock/api/clock`, { headers: fault('reset') })).status).toBe(200);
      expect((await fetch(`${mock.url}/_mock/api/messages`)).status).toBe(200);
    }
    const pre = await fetch(`${mock.url}/v2/visitor/me`, {
      method: 'OPTIONS',
      headers: { origin: ORIGIN, 'access-control-request-method': 'GET' },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-headers')).toMatch(/x-mock-fault/i);
    const asked = await fetch(`${mock.url}/v2/visitor/me`, {
      method: 'OPTIONS',
      headers: {
        origin: ORIGIN,
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'x-mock-fault',
      },
    });
    expect(asked.headers.get('access-control-allow-headers')).toMatch(/x-mock-fault/i);
  });

  it('--fail-rate answers that share with 503; X-Mock-Fault: none opts a request out', async () => {
    mock.faults.set({ failRate: 0.5, seed: 1 });
    const statuses: number[] = [];
    for (let i = 0; i < 60; i++) {
      statuses.push((await fetch(`${mock.url}/v2/public/group-buys/gharart/spring-bundle`)).status);
    }
    expect(new Set(statuses)).toEqual(new Set([200, 503]));
    const failed = statuses.filter((s) => s === 503).length;
    expect(failed).toBeGreaterThan(15);
    expect(failed).toBeLessThan(45);
    for (let i = 0; i < 20; i++) {
      const res = await fetch(`${mock.url}/v2/public/group-buys/gharart/spring-bundle`, { headers: fault('none') });
      expect(res.status).toBe(200);
    }
  });

  it('rules from the development API: a fault for chosen paths, a number of times; reset goes back', async () => {
    const put = (body: unknown) =>
      fetch(`${mock.url}/_mock/api/faults`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const set = await put({ rules: [{ path: '/v2/public/group-buys/*', fault: '503', times: 2 }] });
    expect(await set.json()).toEqual({
      latency: null,
      failRate: 0,
      seed: null,
      rules: [{ path: '/v2/public/group-buys/*', fault: '503', remaining: 2 }],
    });
    const gb = () => fetch(`${mock.url}/v2/public/group-buys/gharart/spring-bundle`).then((r) => r.status);
    expect([await gb(), await gb(), await gb()]).toEqual([503, 503, 200]);
    expect((await fetch(`${mock.url}/v2/public/pages/gharart/welcome/access-check`, { method: 'POST' })).status).toBe(
      200,
    );

    await put({ rules: [{ method: 'get', path: '/v2/visitor/me', fault: 'reset' }], latency: '5-10' });
    await expect(fetch(`${mock.url}/v2/visitor/me`)).rejects.toThrow(TypeError);
    const view = await (await fetch(`${mock.url}/_mock/api/faults`)).json();
    expect(view).toMatchObject({ latency: { min: 5, max: 10 }, rules: [{ method: 'GET', path: '/v2/visitor/me' }] });

    const log = await (await fetch(`${mock.url}/_mock/api/requests?limit=10`)).json();
    expect(log.requests.find((r: { path: string }) => r.path === '/v2/visitor/me')).toMatchObject({
      status: 0,
      fault: 'reset',
    });

    await fetch(`${mock.url}/_mock/api/reset`, { method: 'POST' });
    expect(await (await fetch(`${mock.url}/_mock/api/faults`)).json()).toEqual({
      latency: null,
      failRate: 0,
      seed: null,
      rules: [],
    });
    expect((await fetch(`${mock.url}/v2/visitor/me`)).status).toBe(401);
  });

  it('bad settings get 400 with the field, and change nothing', async () => {
    for (const body of [
      { failRate: 2 },
      { latency: '9-1' },
      { rules: [{ path: '/_mock/api/clock', fault: '503' }] },
      { rules: [{ path: '/v2/visitor/me', fault: 'sometimes' }] },
      { rules: [{ path: '/v2/visitor/me', fault: '503', method: 'PATCH' }] },
      { seed: -1 },
      { surprise: true },
    ]) {
      const res = await fetch(`${mock.url}/_mock/api/faults`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect((await res.json()).error).toBe('invalid_request');
    }
    expect((await (await fetch(`${mock.url}/_mock/api/faults`)).json()).rules).toEqual([]);
  });

  it('the magic-link landing answers a browser with a page (Try again, request ID) and other clients with JSON', async () => {
    const v = new Visitor(mock.url);
    await v.req('POST', '/v2/visitor/auth/magic-link', { email: `land-${dispatch}@example.com` });
    const { token } = await v.lastMessage(`land-${dispatch}@example.com`);
    const path = `/_edge/visitor/access/t/${token}?returnTo=${encodeURIComponent(`${ORIGIN}/x`)}`;
    const page = await fetch(mock.url + path, { headers: { ...fault('503'), accept: 'text/html,*/*;q=0.8' } });
    const html = await page.text();
    expect([page.status, page.headers.get('content-type')]).toEqual([503, 'text/html; charset=utf-8']);
    expect(html).toContain('Try again');
    expect(html).toContain(page.headers.get('x-request-id'));
    expect(html).toContain(`href="${path.replace(/&/g, '&amp;')}"`);
    const json = await fetch(mock.url + path, { headers: fault('503') });
    expect((await json.json()).error).toBe('service_unavailable');
    // The link was never touched.
    expect((await v.req('POST', '/v2/visitor/auth/verify', { token })).status).toBe(200);
  });
});

describe('MSW in Node (no socket)', () => {
  const mock = createMockServer({ baseUrl: 'http://faults.test', faults: { timeoutMs: 300 } });
  beforeAll(() => mock.listen());
  afterEach(() => mock.reset());
  afterAll(() => mock.close());
  const me = (headers: Record<string, string> = {}) => fetch('http://faults.test/v2/visitor/me', { headers });

  it('503, 429, latency and a bad value answer as on the server', async () => {
    expect((await (await me({ 'x-mock-fault': '503' })).json()).error).toBe('service_unavailable');
    expect((await me({ 'x-mock-fault': '429' })).headers.get('retry-after')).toBe('1');
    expect((await me({ 'x-mock-fault': 'latency=20' })).status).toBe(401);
    expect((await me({ 'x-mock-fault': 'nope' })).status).toBe(400);
  });

  it('reset: fetch rejects with a TypeError at once; timeout: after timeoutMs, or when the caller aborts', async () => {
    await expect(me({ 'x-mock-fault': 'reset' })).rejects.toThrow(TypeError);
    const started = performance.now();
    await expect(me({ 'x-mock-fault': 'timeout' })).rejects.toThrow(TypeError);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    const aborted = fetch('http://faults.test/v2/visitor/me', {
      headers: { 'x-mock-fault': 'timeout' },
      signal: AbortSignal.timeout(100),
    });
    await expect(aborted).rejects.toThrow(/abort|timeout/i);
  });

  it('defaults and reset', async () => {
    mock.faults.set({ failRate: 1 });
    expect((await me()).status).toBe(503);
    mock.reset();
    expect((await me()).status).toBe(401);
  });
});

it('the contract routes are all under /v2 or /_edge (where faults apply)', () => {
  for (const r of Object.values(routes)) expect(r.path).toMatch(/^\/(v2|_edge)\//);
});
