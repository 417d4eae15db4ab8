// Bounded input on the standalone server (issue 19): a body is refused by its Content-Length before it is
// read, a stream is read only up to 64 KiB, a route that takes no body (and an unknown path) never reads
// one; a client that hangs up is not a server failure; faults hold a bounded number of requests; and the
// development API answers this machine only, by address and by Host header.
import http from 'node:http';
import { getResponse } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createHandlers, createStore } from './index.js';
import { nodeCrypto } from './node-crypto.js';
import type { RunningServer } from './server.js';
import { startMock, Visitor } from '../test/helpers.js';

interface Sent {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** Bytes the client had written when the answer came. */
  writtenWhenAnswered: number;
}

/** A JSON upload to the mock on `port`, on a connection of its own; the caller writes the body. */
function jsonUpload(port: number, method: string, path: string, headers: Record<string, string>): http.ClientRequest {
  return http.request({
    host: '127.0.0.1',
    port,
    method,
    path,
    agent: false,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

/**
 * Sends `total` bytes in 64 KiB chunks (chunked, or with a Content-Length when `declare`), slowly enough
 * that the answer can come before the upload ends; stops writing once the answer came.
 */
function upload(
  port: number,
  method: string,
  path: string,
  total: number,
  opts: { declare?: boolean; headers?: Record<string, string>; keepSending?: boolean } = {},
): Promise<Sent> {
  return new Promise((resolve, reject) => {
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    let written = 0;
    let answered = false;
    const req = jsonUpload(port, method, path, {
      ...(opts.declare ? { 'content-length': String(total) } : {}),
      ...opts.headers,
    });
    // What arrived on the socket, for when the server closes it (as Node does after answering early) while
    // this client is still writing: the write fails with EPIPE before the answer is parsed.
    let raw = '';
    req.on('socket', (socket) => socket.on('data', (d: Buffer) => (raw += d.toString('latin1'))));
    req.on('response', (res) => {
      answered = true;
      const at = written;
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => {
        resolve({ status: res.statusCode!, headers: res.headers, body, writtenWhenAnswered: at });
        if (!opts.keepSending) req.destroy();
      });
    });
    req.on('error', (e) => {
      if (answered) return;
      const at = written;
      // Give the socket's last bytes a moment, then read the answer from them.
      setTimeout(() => {
        const split = raw.indexOf('\r\n\r\n');
        const status = /^HTTP\/1\.1 (\d{3})/.exec(raw)?.[1];
        if (split < 0 || !status) return reject(e);
        const headers: http.IncomingHttpHeaders = {};
        for (const line of raw.slice(0, split).split('\r\n').slice(1)) {
          const colon = line.indexOf(':');
          headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
        }
        resolve({ status: Number(status), headers, body: raw.slice(split + 4), writtenWhenAnswered: at });
      }, 20);
    });
    const pump = () => {
      if (req.destroyed || (answered && !opts.keepSending)) return;
      if (written >= total) {
        req.end();
        return;
      }
      const n = Math.min(chunk.length, total - written);
      written += n;
      const more = req.write(n === chunk.length ? chunk : chunk.subarray(0, n));
      // A pause between chunks until 1 MiB is out: the server has the time to answer mid-upload.
      if (written < 1024 * 1024) setTimeout(pump, 2);
      else if (more) setImmediate(pump);
      else req.once('drain', pump);
    };
    req.flushHeaders();
    pump();
  });
}

describe.each(['direct', 'msw'] as const)('request bodies (%s dispatch)', (dispatch) => {
  let mock: RunningServer;
  beforeAll(async () => {
    mock = await startMock({ dispatch });
  });
  afterAll(() => mock.close());

  it('refuses a Content-Length over 64 KiB before reading it: 413 payload_too_large, envelope, request ID', async () => {
    const res = await upload(mock.port, 'POST', '/v2/support/report', 200 * 1024 * 1024, { declare: true });
    expect(res.status).toBe(413);
    const body = JSON.parse(res.body);
    expect(body).toMatchObject({ error: 'payload_too_large', message: expect.stringContaining('64 KiB') });
    expect(body.requestId).toBe(res.headers['x-request-id']);
    // Answered at once: long before 200 MiB were sent.
    expect(res.writtenWhenAnswered).toBeLessThan(16 * 1024 * 1024);
  });

  it('stops reading a chunked upload past 64 KiB and answers 413 while the client is still sending', async () => {
    const res = await upload(mock.port, 'POST', '/v2/support/report', 64 * 1024 * 1024);
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body).error).toBe('payload_too_large');
    expect(res.writtenWhenAnswered).toBeLessThan(16 * 1024 * 1024);
    const logged = mock.store.requests(5).find((r) => r.requestId === res.headers['x-request-id']);
    expect(logged).toMatchObject({ method: 'POST', path: '/v2/support/report', status: 413 });
  });

  it('the development API has the same limit', async () => {
    const res = await upload(mock.port, 'PUT', '/_mock/api/faults', 8 * 1024 * 1024);
    expect([res.status, JSON.parse(res.body).error]).toEqual([413, 'payload_too_large']);
  });

  it('never reads a body sent to an unknown path or a route that takes none', async () => {
    const unknown = await upload(mock.port, 'POST', '/v2/nowhere', 64 * 1024 * 1024);
    expect([unknown.status, JSON.parse(unknown.body).error]).toEqual([404, 'not_found']);
    expect(unknown.writtenWhenAnswered).toBeLessThan(16 * 1024 * 1024);
    // A method the path does not take: no route, so no body either.
    const wrongMethod = await upload(mock.port, 'PUT', '/_mock/api/messages', 64 * 1024 * 1024);
    expect(wrongMethod.status).toBe(404);
    expect(wrongMethod.writtenWhenAnswered).toBeLessThan(16 * 1024 * 1024);
    const outside = await upload(mock.port, 'POST', '/somewhere/else', 64 * 1024 * 1024);
    expect(outside.status).toBe(404);
  });

  it('a body just under the limit is read and validated as usual', async () => {
    const details = 'x'.repeat(60 * 1024);
    const res = await fetch(`${mock.url}/v2/support/report`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ summary: 'Big but fine', details }),
    });
    // The contract bounds the field itself: a documented 400 or a 201, never a 413.
    expect([201, 400]).toContain(res.status);
  });

  it('memory stays flat while four clients push 64 MiB each at once', async () => {
    globalThis.gc?.();
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    const answers = await Promise.all(
      [0, 1, 2, 3].map(() =>
        upload(mock.port, 'POST', '/v2/visitor/auth/magic-link', 64 * 1024 * 1024, { keepSending: true }),
      ),
    );
    clearInterval(sampler);
    expect(answers.map((a) => a.status)).toEqual([413, 413, 413, 413]);
    // Buffering would take 256 MiB; the client side here holds one 64 KiB chunk each.
    expect((peak - before) / 1024 / 1024).toBeLessThan(96);
  });

  it('a client that hangs up mid-upload is logged as such: no stack, no 500, the real method and path', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      await hangUpMidUpload(
        mock.port,
        'POST',
        '/v2/visitor/auth/magic-link',
        { 'content-length': '1000' },
        '{"email":"half',
      );
      await vi.waitFor(
        () => {
          const last = mock.store.requests(1)[0];
          expect(last).toMatchObject({ method: 'POST', path: '/v2/visitor/auth/magic-link', status: 499 });
        },
        { timeout: 3000 },
      );
      expect(mock.store.requests(20).some((r) => r.status >= 500)).toBe(false);
      expect(errors).not.toHaveBeenCalled();
    } finally {
      errors.mockRestore();
    }
  });
});

/** Starts a JSON upload, sends `partial` of it, and hangs up 100 ms later, as a client that goes away does. */
async function hangUpMidUpload(
  port: number,
  method: string,
  path: string,
  headers: Record<string, string>,
  partial: string,
): Promise<void> {
  const req = jsonUpload(port, method, path, headers);
  req.on('error', () => undefined);
  req.write(partial);
  await new Promise((r) => setTimeout(r, 100));
  req.destroy();
}

describe('the request log names a hang-up', () => {
  it('prints "client closed" with the method and path', async () => {
    const lines: string[] = [];
    const mock = await startMock({ log: (l) => lines.push(l) });
    try {
      await hangUpMidUpload(mock.port, 'PUT', '/_mock/api/faults', { 'transfer-encoding': 'chunked' }, '{"latency"');
      await vi.waitFor(() => expect(lines.join('\n')).toMatch(/^PUT \/_mock\/api\/faults client closed req_/m), {
        timeout: 3000,
      });
      expect(lines.join('\n')).not.toMatch(/ 500 /);
    } finally {
      await mock.close();
    }
  });
});

describe('GET / and held faults', () => {
  let mock: RunningServer;
  beforeAll(async () => {
    mock = await startMock({ faults: { maxHeld: 2, timeoutMs: 60_000 } });
  });
  afterAll(() => mock.close());
  afterEach(() => mock.faults.reset());

  it('GET / carries an x-request-id and is in the request log', async () => {
    const res = await fetch(`${mock.url}/`);
    expect(res.status).toBe(200);
    const id = res.headers.get('x-request-id');
    expect(id).toMatch(/^req_/);
    expect(mock.store.requests(1)[0]).toMatchObject({ requestId: id, method: 'GET', path: '/' });
  });

  it('holds at most maxHeld requests with latency or timeout; beyond it 503 at once; places come back', async () => {
    const path = `${mock.url}/v2/public/pages/gharart/welcome/access-check`;
    const controllers = [new AbortController(), new AbortController()];
    const held = [
      fetch(path, { method: 'POST', headers: { 'x-mock-fault': 'timeout' }, signal: controllers[0]!.signal }),
      // Its place comes back when its delay is over, whether or not its client is still there.
      fetch(path, { method: 'POST', headers: { 'x-mock-fault': 'latency=2000' }, signal: controllers[1]!.signal }),
    ].map((p) => p.catch(() => 'aborted'));
    await vi.waitFor(() => expect(mock.faults.held).toBe(2), { timeout: 3000 });
    const t0 = performance.now();
    const busy = await fetch(path, { method: 'POST', headers: { 'x-mock-fault': 'latency=30000' } });
    expect(performance.now() - t0).toBeLessThan(10_000);
    expect(busy.status).toBe(503);
    expect(busy.headers.get('x-mock-fault')).toBe('held-limit');
    expect(busy.headers.get('x-request-id')).toMatch(/^req_/);
    expect((await busy.json()).error).toBe('service_unavailable');
    // A request without a holding fault still goes through.
    expect((await fetch(path, { method: 'POST' })).status).toBe(200);
    for (const c of controllers) c.abort();
    await Promise.all(held);
    await vi.waitFor(() => expect(mock.faults.held).toBe(0), { timeout: 3000 });
    const again = await fetch(path, { method: 'POST', headers: { 'x-mock-fault': 'latency=10' } });
    expect(again.status).toBe(200);
  });
});

describe('a delayed request whose client hangs up', () => {
  let mock: RunningServer;
  beforeAll(async () => {
    mock = await startMock();
  });
  afterAll(() => mock.close());

  it('a delayed request whose client hung up is still done after its whole delay, and then gives its place back', async () => {
    // A slow server, not a slow network: the link goes out as it would have, late (the SDK's retry with
    // the same key is then answered by the replay). Once, a hang-up cut the delay of a request without a
    // body short (its copy kept the client's signal, in the direct dispatch only) and the work was done
    // at once, while a request with a body waited its whole delay.
    const email = `hung-up-${Date.now()}@example.com`;
    // A write without a body (a DELETE sends no Content-Length): its body was once read from the
    // connection after the delay, which its client had closed: a 500.
    const visitor = new Visitor(mock.url);
    await visitor.signIn(`hung-up-delete-${Date.now()}@example.com`);
    await visitor.req('POST', '/v2/public/group-buys/gharart/spring-bundle/interest');
    const controllers = [new AbortController(), new AbortController(), new AbortController()];
    const held = [
      fetch(`${mock.url}/v2/visitor/auth/magic-link`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-mock-fault': 'latency=1500' },
        body: JSON.stringify({ email }),
        signal: controllers[0]!.signal,
      }),
      fetch(`${mock.url}/v2/public/pages/gharart/welcome/access-check`, {
        method: 'POST',
        headers: { 'x-mock-fault': 'latency=1500' },
        signal: controllers[1]!.signal,
      }),
      fetch(`${mock.url}/v2/public/group-buys/gharart/spring-bundle/my-interest`, {
        method: 'DELETE',
        headers: {
          cookie: `_10x_visitor=${visitor.cookie}`,
          'idempotency-key': crypto.randomUUID(),
          'x-mock-fault': 'latency=1500',
        },
        signal: controllers[2]!.signal,
      }),
    ].map((p) => p.catch(() => 'aborted'));
    await vi.waitFor(() => expect(mock.faults.held).toBe(3), { timeout: 3000 });
    for (const c of controllers) c.abort();
    expect(await Promise.all(held)).toEqual(['aborted', 'aborted', 'aborted']);
    await new Promise((r) => setTimeout(r, 300));
    expect(mock.faults.held).toBe(3);
    expect(mock.store.messagesTo(email)).toHaveLength(0);
    await vi.waitFor(() => expect(mock.faults.held).toBe(0), { timeout: 3000 });
    expect(mock.store.messagesTo(email)).toHaveLength(1);
    // Done, late: the interest withdrawn; and no request of the three failed on the mock's side.
    expect((await visitor.req('GET', '/v2/public/group-buys/gharart/spring-bundle/my-interest')).body).toEqual({
      interested: false,
    });
    expect(mock.store.requests(10).filter((r) => r.status >= 500)).toEqual([]);
  });
});

/** A request with a chosen Host header (fetch does not let a caller set it). */
function withHost(port: number, method: string, path: string, host: string, body?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        agent: false,
        headers: { host, ...(body ? { 'content-type': 'application/json' } : {}) },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode!));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('the development API answers this machine only', () => {
  let mock: RunningServer;
  beforeAll(async () => {
    mock = await startMock({ publicUrl: 'https://mock.example.test' });
  });
  afterAll(() => mock.close());

  it('refuses a Host header that is not localhost, 127.0.0.1, [::1] or the public host (DNS rebinding)', async () => {
    const p = mock.port;
    for (const host of [`localhost:${p}`, `127.0.0.1:${p}`, `[::1]:${p}`, 'localhost', 'mock.example.test']) {
      expect(await withHost(p, 'GET', '/_mock/api/messages', host), host).toBe(200);
    }
    for (const host of [
      `rebind.attacker.example:${p}`,
      'mock.example.test:8443',
      '127.0.0.2',
      'localhost.attacker.example',
    ]) {
      expect(await withHost(p, 'GET', '/_mock/api/messages', host), host).toBe(403);
      expect(await withHost(p, 'GET', '/_mock/mailbox', host), host).toBe(403);
      expect(await withHost(p, 'POST', '/_mock/api/reset', host, '{}'), host).toBe(403);
    }
    // The API itself answers any host name (a creator's site may proxy it).
    expect(await withHost(p, 'GET', '/v2/visitor/me', 'rebind.attacker.example')).toBe(401);
  });

  it('an unknown client address is not loopback behind a network, but in-process MSW is this machine', async () => {
    const store = createStore(nodeCrypto);
    const networked = createHandlers({ store, clientIp: () => undefined, apiOrigin: 'http://mock.test' });
    const refused = await getResponse(networked, new Request('http://mock.test/_mock/api/messages'));
    expect(refused?.status).toBe(403);
    const write = await getResponse(
      networked,
      new Request('http://mock.test/_mock/api/reset', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      }),
    );
    expect(write?.status).toBe(403);
    const inProcess = createHandlers({ store, apiOrigin: 'http://mock.test' });
    expect((await getResponse(inProcess, new Request('http://mock.test/_mock/api/messages')))?.status).toBe(200);
  });
});

describe('request bodies in-process (MSW: setupServer, the service worker)', () => {
  it('reads a streamed body only up to 64 KiB, then stops: 413 payload_too_large', async () => {
    const store = createStore(nodeCrypto);
    const handlers = createHandlers({ store, apiOrigin: 'http://mock.test' });
    let pulled = 0;
    const chunk = new Uint8Array(16 * 1024).fill(0x61);
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += chunk.byteLength;
        if (pulled > 256 * 1024 * 1024) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const res = await getResponse(
      handlers,
      new Request('http://mock.test/v2/support/report', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        duplex: 'half',
      } as RequestInit),
    );
    expect(res?.status).toBe(413);
    expect((await res!.json()).error).toBe('payload_too_large');
    // Reading stopped (MSW tees the body for its own clone, so the source is not cancelled, only left).
    expect(pulled).toBeLessThan(1024 * 1024);
    // A declared length over the limit is refused without reading at all.
    const declared = await getResponse(
      handlers,
      new Request('http://mock.test/v2/support/report', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': String(10 * 1024 * 1024) },
        body: '{}',
      }),
    );
    expect(declared?.status).toBe(413);
  });
});
