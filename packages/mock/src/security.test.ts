// The security decisions of product-spec.md ("Decisions added on 2026-12-01"), each as the attack or
// accident that the first build let through.
import { spawn } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { getResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { startMock, useMock, Visitor } from '../test/helpers.js';
import { createHandlers } from './handlers/index.js';
import { nodeCrypto } from './node-crypto.js';
import { MockStore } from './store/index.js';

const ctx = useMock();

const page = '/v2/public/pages/gharart/masterclass/checkout';
const urls = { successUrl: 'http://localhost:5173/ok', cancelUrl: 'http://localhost:5173/no' };

/** A raw HTTP request with any Host header (fetch does not let one be set). */
function raw(
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: any }> {
  const url = new URL(ctx.base);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, method, path, headers }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => {
        let parsed: unknown = text;
        try {
          parsed = JSON.parse(text);
        } catch {
          // HTML or empty
        }
        resolve({ status: res.statusCode!, headers: res.headers, body: parsed });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('the public origin is configuration, never the Host header', () => {
  it('links, redirect origins and checkout URLs ignore Host: attacker.example', async () => {
    const evil = { host: 'attacker.example', 'content-type': 'application/json' };
    const sent = await raw(
      'POST',
      '/v2/visitor/auth/magic-link',
      evil,
      JSON.stringify({ email: 'victim@example.com' }),
    );
    expect(sent.status).toBe(202);
    const [mail] = ctx.mock.store.messagesTo('victim@example.com');
    expect(mail!.link).toBe(`${ctx.mock.publicUrl}/_edge/visitor/access/t/${mail!.token}`);
    expect(mail!.link!.startsWith('http://localhost:')).toBe(true);

    // The attacker's origin is not the mock's own, so it is no allowed returnTo…
    const returnTo = await raw(
      'POST',
      '/v2/visitor/auth/magic-link',
      evil,
      JSON.stringify({ email: 'victim@example.com', returnTo: 'http://attacker.example/steal' }),
    );
    expect([returnTo.status, returnTo.body.error]).toEqual([400, 'invalid_redirect_url']);

    // …nor a checkout redirect, and the checkout URL is the mock's.
    const cookie = `_10x_visitor=${await ctx.mock.store.createSession('victim@example.com')}`;
    const c = await raw(
      'POST',
      page,
      { ...evil, cookie },
      JSON.stringify({ ...urls, successUrl: 'http://attacker.example/x' }),
    );
    expect([c.status, c.body.error]).toEqual([400, 'invalid_redirect_url']);
    const ok = await raw('POST', page, { ...evil, cookie }, JSON.stringify(urls));
    expect(ok.body.url).toBe(`${ctx.mock.publicUrl}/_mock/checkout/${ok.body.sessionId}`);
  });

  it('--public-url moves links and the checkout; it must be an origin (a path prefix aside)', async () => {
    const other = await startMock({ publicUrl: 'https://mock.example.test:8443' });
    const v = new Visitor(other.url);
    await v.req('POST', '/v2/visitor/auth/magic-link', { email: 'p@example.com' });
    expect(other.store.messagesTo('p@example.com')[0]!.link).toMatch(/^https:\/\/mock\.example\.test:8443\/_edge\//);
    const verified = await v.req('POST', '/v2/visitor/auth/verify', {
      token: other.store.messagesTo('p@example.com')[0]!.token,
    });
    // Served over https (behind a proxy): the cookie is Secure.
    expect(verified.headers.get('set-cookie')).toContain('Secure');
    await other.close();
    await expect(startMock({ publicUrl: 'http://localhost:4010/path?x' })).rejects.toThrow(
      /--public-url must be an origin/,
    );
  });
});

describe('writes take JSON only', () => {
  it('answers 415 to text/plain and form posts, on the API and the development API, and changes nothing', async () => {
    const cases: [string, string, Record<string, string>, string][] = [
      ['POST', '/v2/visitor/auth/magic-link', { 'content-type': 'text/plain' }, '{"email":"x@example.com"}'],
      ['POST', '/v2/support/report', { 'content-type': 'application/x-www-form-urlencoded' }, 'summary=a&details=b'],
      ['POST', '/_mock/api/reset', { 'content-type': 'text/plain' }, ''],
      ['POST', '/_mock/api/clock', { 'content-type': 'text/plain;charset=UTF-8' }, '{"advanceMs":1e9}'],
      ['PUT', '/_mock/api/pages/gharart/welcome', { 'content-type': 'multipart/form-data; boundary=x' }, '--x--'],
      ['POST', '/v2/visitor/auth/logout', {}, 'no type at all'],
    ];
    ctx.mock.store.ensureVisitor('keep@example.com');
    for (const [method, path, headers, body] of cases) {
      const r = await fetch(ctx.base + path, { method, headers, body });
      expect([r.status, (await r.json()).error], `${method} ${path}`).toEqual([415, 'unsupported_media_type']);
    }
    expect(ctx.mock.store.visitors.size).toBe(1);
    expect(ctx.mock.store.messagesTo()).toEqual([]);
    expect(Math.abs(ctx.mock.store.now() - Date.now())).toBeLessThan(60_000);
  });
});

describe('the development API is for this machine', () => {
  it('refuses changes from a page on another site, and gives CORS only to localhost pages', async () => {
    ctx.mock.store.ensureVisitor('keep@example.com');
    const evil = await fetch(`${ctx.base}/_mock/api/reset`, {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'content-type': 'application/json' },
      body: '{}',
    });
    expect([evil.status, (await evil.json()).error]).toEqual([403, 'forbidden']);
    expect(ctx.mock.store.visitors.size).toBe(1);
    // A handle's own allowed origin gets CORS on the API, not on the development API.
    ctx.mock.store.upsertHandle('gharart', { allowedOrigins: ['https://gharart.example'] });
    const read = await fetch(`${ctx.base}/_mock/api/messages`, { headers: { origin: 'https://gharart.example' } });
    expect(read.headers.get('access-control-allow-origin')).toBeNull();
    const api = await fetch(`${ctx.base}/v2/public/group-buys/gharart/spring-bundle`, {
      headers: { origin: 'https://gharart.example' },
    });
    expect(api.headers.get('access-control-allow-origin')).toBe('https://gharart.example');
    const local = await fetch(`${ctx.base}/_mock/api/messages`, { headers: { origin: 'http://localhost:5173' } });
    expect(local.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    const fine = await fetch(`${ctx.base}/_mock/api/reset`, {
      method: 'POST',
      headers: { origin: 'http://127.0.0.1:8080', 'content-type': 'application/json' },
    });
    expect(fine.status).toBe(200);
  });

  it('answers only loopback clients', async () => {
    const store = new MockStore(nodeCrypto);
    const handlers = createHandlers({ store, apiOrigin: 'http://mock.test', clientIp: () => '192.168.1.20' });
    for (const [method, path] of [
      ['GET', '/_mock/api/messages'],
      ['GET', '/_mock/mailbox'],
      ['POST', '/_mock/api/reset'],
    ]) {
      const res = (await getResponse(handlers, new Request(`http://mock.test${path}`, { method })))!;
      expect([res.status, (await res.json()).error], path).toEqual([403, 'forbidden']);
    }
    // The API itself answers anyone.
    const api = (await getResponse(
      handlers,
      new Request('http://mock.test/v2/public/group-buys/gharart/spring-bundle'),
    ))!;
    expect(api.status).toBe(200);
  });

  it('warns when --host is not loopback', async () => {
    const cli = join(import.meta.dirname, 'cli.ts');
    // 192.0.2.1 (TEST-NET) cannot be bound here, so nothing opens; the warning comes before binding.
    const child = spawn(process.execPath, ['--import', 'tsx', cli, '--port', '0', '--host', '192.0.2.1'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(err).toContain('Warning: --host 192.0.2.1 makes the mock reachable from other machines');
  });
});

describe('idempotent replays re-check who asks', () => {
  it('after logout, a replayed checkout answers 401, not the first answer', async () => {
    const v = new Visitor(ctx.base);
    await v.signIn('replay@example.com');
    const headers = { 'idempotency-key': 'chk-1' };
    expect((await v.req('POST', page, urls, headers)).status).toBe(200);
    const cookie = v.cookie;
    await v.req('POST', '/v2/visitor/auth/logout');
    v.cookie = cookie; // the old cookie, replayed
    const replay = await v.req('POST', page, urls, headers);
    expect([replay.status, replay.body.error]).toEqual([401, 'visitor_unauthorized']);
    expect(replay.headers.get('idempotent-replayed')).toBeNull();
  });

  it('keys are scoped to the session: another session with the same key runs its own write', async () => {
    const a = new Visitor(ctx.base);
    await a.signIn('scope@example.com');
    const b = new Visitor(ctx.base);
    await b.signIn('scope@example.com'); // the same visitor, a second session
    const headers = { 'idempotency-key': 'shared' };
    const first = await a.req('POST', page, urls, headers);
    const second = await b.req('POST', page, urls, headers);
    expect(second.headers.get('idempotent-replayed')).toBeNull();
    expect(second.body.sessionId).not.toBe(first.body.sessionId);
  });

  it('a verify retried with its key after a lost answer signs in, with the same cookie again', async () => {
    const v = new Visitor(ctx.base);
    const { token } = await v.requestLink('lost@example.com');
    const headers = { 'idempotency-key': 'verify-1' };
    const first = await v.req('POST', '/v2/visitor/auth/verify', { token }, headers);
    expect(first.status).toBe(200);
    const cookie = first.headers.get('set-cookie');
    v.cookie = undefined; // the answer never arrived
    const retry = await v.req('POST', '/v2/visitor/auth/verify', { token }, headers);
    expect([retry.status, retry.headers.get('idempotent-replayed')]).toEqual([200, 'true']);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.get('set-cookie')).toBe(cookie);
    expect((await v.req('GET', '/v2/visitor/me')).body.visitor.email).toBe('lost@example.com');
    // Without the key, the link is used up, as before.
    const again = await v.req('POST', '/v2/visitor/auth/verify', { token });
    expect(again.body.error).toBe('used_magic_link');
    // The session secret is not stored in the clear with the replay.
    const secret = cookie!.split(';')[0]!.split('.')[1]!;
    expect(JSON.stringify(ctx.mock.store.toJSON())).not.toContain(secret);
  });

  it('logout, access-check and withdrawing interest take keys too', async () => {
    const v = new Visitor(ctx.base);
    await v.signIn('keys@example.com');
    for (const [method, path] of [
      ['POST', '/v2/public/pages/gharart/members-lounge/access-check'],
      ['DELETE', '/v2/public/group-buys/gharart/spring-bundle/my-interest'],
      ['POST', '/v2/visitor/auth/logout'],
    ] as const) {
      const first = await v.req(method, path, undefined, { 'idempotency-key': `k-${path}` });
      const second = await v.req(method, path, undefined, { 'idempotency-key': `k-${path}` });
      expect(first.status, path).toBeLessThan(300);
      if (method !== 'POST' || !path.endsWith('logout')) {
        expect(second.headers.get('idempotent-replayed'), path).toBe('true');
      }
    }
  });
});

describe('creator sites see their own items', () => {
  it('an Origin that is one handle’s allowed origin lists only that handle’s items', async () => {
    const v = new Visitor(ctx.base);
    const visitor = await v.signIn('two-shops@example.com');
    ctx.mock.store.upsertHandle('gharart', { allowedOrigins: ['https://gharart.example'] });
    ctx.mock.store.upsertHandle('no-connect', { connectConfigured: true, allowedOrigins: ['https://other.example'] });
    ctx.mock.store.grantPurchase({ visitorId: visitor.id, handle: 'gharart', slug: 'masterclass' });
    ctx.mock.store.grantPurchase({ visitorId: visitor.id, handle: 'no-connect', slug: 'premium' });
    const handles = async (path: string, origin?: string) =>
      (((await v.req('GET', path, undefined, origin ? { origin } : {})).body.items as { handle: string }[]) ?? [])
        .map((i) => i.handle)
        .sort();
    for (const path of ['/v2/visitor/access', '/_edge/visitor/access']) {
      expect(await handles(path, 'https://gharart.example'), path).toEqual(['gharart']);
      expect(await handles(path, 'https://other.example'), path).toEqual(['no-connect']);
      // No origin (server to server) or a development page: everything.
      expect(await handles(path), path).toEqual(['gharart', 'no-connect']);
      expect(await handles(path, 'http://localhost:5173'), path).toEqual(['gharart', 'no-connect']);
    }
  });
});

describe('refused redirects', () => {
  it('answer invalid_redirect_url whatever their scheme or shape', async () => {
    const v = new Visitor(ctx.base);
    await v.signIn('redirects@example.com');
    for (const url of [
      'javascript:alert(1)',
      'data:text/html,hi',
      '//evil.example/x',
      '/relative',
      'x',
      'https://evil.example/',
    ]) {
      const ml = await v.req('POST', '/v2/visitor/auth/magic-link', { email: 'r@example.com', returnTo: url });
      expect([ml.status, ml.body.error], `returnTo ${url}`).toEqual([400, 'invalid_redirect_url']);
      const c = await v.req('POST', page, { ...urls, cancelUrl: url });
      expect([c.status, c.body.error], `cancelUrl ${url}`).toEqual([400, 'invalid_redirect_url']);
    }
  });
});

describe('the clock stays in range', () => {
  it('refuses to move more than 10 years either way, and keeps answering', async () => {
    const v = new Visitor(ctx.base);
    for (const body of [{ advanceMs: 1e13 }, { advanceMs: -11 * 366 * 864e5 }, { set: '2300-01-01T00:00:00.000Z' }]) {
      const r = await v.req('POST', '/_mock/api/clock', body);
      expect([r.status, r.body.error], JSON.stringify(body)).toEqual([400, 'invalid_request']);
    }
    expect((await v.req('POST', '/_mock/api/clock', { advanceMs: 9 * 365 * 864e5 })).status).toBe(200);
    expect((await v.req('POST', '/_mock/api/clock', { advanceMs: 2 * 365 * 864e5 })).status).toBe(400);
    expect((await v.req('POST', '/v2/public/pages/gharart/welcome/access-check')).status).toBe(200);
    expect(() => ctx.mock.store.clock.advance(5 * 365 * 864e5)).toThrow(RangeError);
  });
});

describe('no double charge', () => {
  it('of several checkout sessions opened before paying, only the first can be paid', async () => {
    const v = new Visitor(ctx.base);
    await v.signIn('twice@example.com');
    const sessions = [];
    for (let i = 0; i < 3; i++) sessions.push((await v.req('POST', page, urls)).body.sessionId as string);
    const pay = (id: string) => v.req('POST', `/_mock/api/checkout/${id}/complete`, { outcome: 'paid' });
    expect((await pay(sessions[0]!)).status).toBe(200);
    for (const id of sessions.slice(1)) {
      const r = await pay(id);
      expect([r.status, r.body.error]).toEqual([409, 'already_entitled']);
      // No payment recorded: the session is still open, and nothing was bought.
      expect(ctx.mock.store.checkouts.get(id)?.status).toBe('open');
    }
    expect(ctx.mock.store.purchases.size).toBe(1);
    expect([...ctx.mock.store.checkouts.values()].filter((c) => c.status === 'paid')).toHaveLength(1);
    // Cancelling one of them is still fine.
    expect((await v.req('POST', `/_mock/api/checkout/${sessions[2]}/complete`, { outcome: 'cancelled' })).status).toBe(
      200,
    );
  });
});

describe('tokens stay out of logs', () => {
  it('the request log shows landing paths with the token redacted', async () => {
    const v = new Visitor(ctx.base);
    const { token } = await v.requestLink('log@example.com');
    await fetch(
      `${ctx.base}/_edge/visitor/access/t/${token}?returnTo=${encodeURIComponent('http://localhost:5173/x')}`,
    );
    await fetch(`${ctx.base}/_edge/visitor/access/t/${token}/extra`);
    const log = await v.req('GET', '/_mock/api/requests?limit=5');
    const text = JSON.stringify(log.body);
    expect(text).not.toContain(token);
    expect(text).not.toContain(token.split('.')[1]);
    expect(log.body.requests[1].path).toBe(
      `/_edge/visitor/access/t/[redacted]?returnTo=${encodeURIComponent('http://localhost:5173/x')}`,
    );
    expect(log.body.requests[0].path).toBe('/_edge/visitor/access/t/[redacted]/extra');
  });
});
