// Every route's documented cases, sent to the standalone mock; every answer — status and body — checked
// against docs/openapi.json (ajv) and the contract's schemas. The first build answered 422 on
// POST /v2/support/report, which the document did not list there; this is the test that would have said so.
import { mkdtempSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { routeList, type RouteId } from '@visitor-access/contract';
import { documentedStatuses, problems } from '../test/documented.js';
import { advance, startMock, Visitor } from '../test/helpers.js';
import type { RunningServer } from './server.js';

const dir = mkdtempSync(join(tmpdir(), 'va-documented-'));
let mock: RunningServer;
let failSaves = false;
beforeAll(async () => {
  mock = await startMock({
    dataFile: join(dir, 'state.json'),
    dataFileOptions: {
      fs: {
        writeSync: (fd, data, offset, length) => {
          if (failSaves) throw new Error('ENOSPC: no space left on device');
          return writeSync(fd, data, offset, length);
        },
      },
    },
  });
});
afterAll(async () => {
  await mock.close();
  rmSync(dir, { recursive: true, force: true });
});

const seen = new Map<RouteId, Set<number>>();
const found: string[] = [];

interface Send {
  params?: Record<string, string>;
  body?: unknown;
  headers?: Record<string, string>;
  query?: string;
  as?: Visitor;
}

/** Sends one case of a route and checks the answer against the documents. */
async function send(id: RouteId, expected: number, options: Send = {}): Promise<any> {
  const route = routeList.find((r) => r.id === id)!;
  const path = route.path.replace(/\{(\w+)\}/g, (_, n: string) => encodeURIComponent(options.params?.[n] ?? 'x'));
  const v = options.as ?? new Visitor(mock.url);
  const res = await v.req(route.method, path + (options.query ?? ''), options.body, options.headers ?? {});
  const list = problems(id, res.status, res.headers.get('content-type'), res.text);
  found.push(...list);
  (seen.get(id) ?? seen.set(id, new Set()).get(id)!).add(res.status);
  expect(res.status, `${id} → ${res.text.slice(0, 300)}`).toBe(expected);
  return res;
}

const gb = { handle: 'gharart', groupBuySlug: 'spring-bundle' };
const mc = { handle: 'gharart', pageSlug: 'masterclass' };
const urls = { successUrl: 'http://localhost:5173/ok', cancelUrl: 'http://localhost:5173/no' };
const text = { 'content-type': 'text/plain' };

/** The generic answers of a write: 415, a bad key, 422, and 503 when the data file cannot be written. */
async function writeCases(id: RouteId, valid: Send, as: Visitor) {
  await send(id, 415, { ...valid, as, headers: { ...valid.headers, ...text } });
  await send(id, 400, { ...valid, as, headers: { ...valid.headers, 'idempotency-key': 'bad key with spaces' } });
  const key = `k-${id}-${Math.random()}`;
  const first = await send(id, (await statusOf(id)) as number, {
    ...valid,
    as,
    headers: { ...valid.headers, 'idempotency-key': key },
  });
  void first;
  await send(id, 422, { ...valid, as, body: { other: 1 }, headers: { ...valid.headers, 'idempotency-key': key } });
}
async function statusOf(id: RouteId): Promise<number> {
  return Number(Object.keys(routeList.find((r) => r.id === id)!.responses)[0]);
}

describe('every answer the mock gives is documented', () => {
  it('sends every route’s cases and validates each answer against docs/openapi.json and the contract', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const buyer = new Visitor(mock.url);
    const buyerInfo = await buyer.signIn('documented@example.com');
    const anon = new Visitor(mock.url);

    // 1 magic link
    await send('requestMagicLink', 202, { body: { email: 'a@example.com' } });
    await send('requestMagicLink', 400, { body: { email: 'nope' } });
    await send('requestMagicLink', 400, { body: { email: 'a@example.com', returnTo: 'javascript:alert(1)' } });
    await send('requestMagicLink', 400, { body: { email: 'a@example.com', returnTo: 'https://evil.example/' } });
    for (let i = 0; i < 5; i++) await send('requestMagicLink', i < 4 ? 202 : 429, { body: { email: 'a@example.com' } });
    await writeCases('requestMagicLink', { body: { email: 'b@example.com' } }, anon);

    // 2 verify
    const { token } = await anon.requestLink('v@example.com');
    await send('verify', 200, { body: { token } });
    await send('verify', 401, { body: { token } }); // used
    await send('verify', 401, { body: { token: 'x'.repeat(16) + '.' + 'y'.repeat(43) } }); // invalid
    await send('verify', 400, { body: { token: '' } });
    await anon.req('POST', '/v2/visitor/auth/magic-link', { email: 'late@example.com' });
    const late = await anon.lastMessage('late@example.com');
    await advance(mock.url, 16 * 60 * 1000);
    await send('verify', 401, { body: { token: late.token } }); // expired
    await anon.req('POST', '/v2/visitor/auth/magic-link', { email: 'v2@example.com' });
    await writeCases(
      'verify',
      { body: { token: (await anon.lastMessage('v2@example.com')).token } },
      new Visitor(mock.url),
    );

    // 3 me
    await send('me', 200, { as: buyer });
    await send('me', 401);

    // 4 logout
    const leaving = new Visitor(mock.url);
    await leaving.signIn('leaving@example.com');
    await send('logout', 204, { as: leaving });
    await send('logout', 204);
    await writeCases('logout', {}, anon);

    // 5 access check
    await send('checkAccess', 200, { params: { handle: 'gharart', pageSlug: 'welcome' } });
    await send('checkAccess', 200, { params: mc });
    await send('checkAccess', 200, { params: mc, as: buyer });
    await send('checkAccess', 200, { params: { handle: 'gharart', pageSlug: 'members-lounge' }, as: buyer });
    await send('checkAccess', 404, { params: { handle: 'gharart', pageSlug: 'draft-notes' } });
    await send('checkAccess', 400, { params: { handle: 'Bad Handle', pageSlug: 'x' } });
    await send('checkAccess', 400, { params: mc, body: 'not an object' });
    await writeCases('checkAccess', { params: mc }, anon);

    // 6 checkout
    await send('checkout', 401, { params: mc, body: urls });
    await send('checkout', 200, { params: mc, body: urls, as: buyer });
    await send('checkout', 404, { params: { handle: 'gharart', pageSlug: 'nope' }, body: urls, as: buyer });
    await send('checkout', 409, { params: { handle: 'gharart', pageSlug: 'welcome' }, body: urls, as: buyer });
    await send('checkout', 409, { params: { handle: 'no-connect', pageSlug: 'premium' }, body: urls, as: buyer });
    await send('checkout', 400, { params: mc, body: { ...urls, successUrl: 'https://evil.example/' }, as: buyer });
    await send('checkout', 400, { params: mc, body: { successUrl: 3 }, as: buyer });
    await writeCases('checkout', { params: mc, body: urls }, buyer);
    await buyer.buy('gharart', 'masterclass');
    await send('checkout', 409, { params: mc, body: urls, as: buyer }); // already entitled

    // 7 access list
    await send('listAccess', 200, { as: buyer });
    await send('listAccess', 401);

    // 8 refund
    const creator = await anon.creatorToken('gharart');
    const other = await anon.creatorToken('no-connect');
    const auth = (t: string) => ({ authorization: `Bearer ${t}` });
    const refundBody = { visitorId: buyerInfo.id };
    await send('refund', 401, { params: mc, body: refundBody });
    await send('refund', 403, { params: mc, body: refundBody, headers: auth(other) });
    await send('refund', 404, {
      params: { handle: 'gharart', pageSlug: 'nope' },
      body: refundBody,
      headers: auth(creator),
    });
    await send('refund', 404, { params: mc, body: { visitorId: 'vis_nobody' }, headers: auth(creator) });
    await send('refund', 400, { params: mc, body: { visitorId: 'bob' }, headers: auth(creator) });
    await send('refund', 200, { params: mc, body: refundBody, headers: auth(creator) });
    await send('refund', 409, { params: mc, body: refundBody, headers: auth(creator) });
    await send('refund', 415, { params: mc, body: refundBody, headers: { ...auth(creator), ...text } });
    await send('refund', 400, { params: mc, body: refundBody, headers: { ...auth(creator), 'idempotency-key': ' ' } });
    await send('refund', 409, { params: mc, body: refundBody, headers: { ...auth(creator), 'idempotency-key': 'r1' } });
    await buyer.buy('gharart', 'masterclass');
    await send('refund', 200, { params: mc, body: refundBody, headers: { ...auth(creator), 'idempotency-key': 'r2' } });
    await send('refund', 422, {
      params: mc,
      body: { visitorId: 'vis_other' },
      headers: { ...auth(creator), 'idempotency-key': 'r2' },
    });

    // 9–12 group buys
    await send('getGroupBuy', 200, { params: gb });
    await send('getGroupBuy', 404, { params: { ...gb, groupBuySlug: 'nope' } });
    await send('getGroupBuy', 400, { params: { ...gb, handle: 'BAD!' } });
    await send('expressInterest', 401, { params: gb });
    await send('expressInterest', 200, { params: gb, as: buyer });
    await send('expressInterest', 404, { params: { ...gb, groupBuySlug: 'nope' }, as: buyer });
    await send('expressInterest', 400, { params: gb, body: [], as: buyer });
    await writeCases('expressInterest', { params: gb }, buyer);
    await send('myInterest', 200, { params: gb, as: buyer });
    await send('myInterest', 401, { params: gb });
    await send('myInterest', 400, { params: { ...gb, handle: 'BAD!' }, as: buyer });
    await send('myInterest', 404, { params: { ...gb, groupBuySlug: 'nope' }, as: buyer });
    await send('withdrawInterest', 200, { params: gb, as: buyer });
    await send('withdrawInterest', 401, { params: gb });
    await send('withdrawInterest', 404, { params: { ...gb, groupBuySlug: 'nope' }, as: buyer });
    await writeCases('withdrawInterest', { params: gb }, buyer);

    // 13, 14 edge
    await send('edgeAccess', 200);
    await send('edgeAccess', 200, { as: buyer });
    await anon.req('POST', '/v2/visitor/auth/magic-link', { email: 'land@example.com' });
    const land = await anon.lastMessage('land@example.com');
    await send('magicLinkLanding', 200, { params: { token: land.token } });
    await send('magicLinkLanding', 401, { params: { token: 'nonsense' } });
    await send('magicLinkLanding', 401, { params: { token: 'y'.repeat(600) } });

    // 15, 16 reports
    const report = { summary: 'Stuck', details: 'It spins' };
    await send('supportReport', 201, { body: report });
    await send('supportReport', 400, { body: { summary: '' } });
    await writeCases('supportReport', { body: report }, anon);
    await send('contentReport', 201, { body: { handle: 'gharart', reason: 'spam' } });
    await send('contentReport', 400, { body: { handle: 'gharart' } });
    await writeCases('contentReport', { body: { handle: 'gharart', reason: 'spam' } }, anon);

    // 503 storage_unavailable on every write whose change cannot be saved.
    const visiting = new Visitor(mock.url);
    const visitingInfo = await visiting.signIn('visiting@example.com');
    await visiting.buy('gharart', 'masterclass');
    failSaves = true;
    await send('requestMagicLink', 503, { body: { email: 'disk@example.com' } });
    const another = new Visitor(mock.url);
    failSaves = false;
    await another.req('POST', '/v2/visitor/auth/magic-link', { email: 'disk2@example.com' });
    const diskToken = (await another.lastMessage('disk2@example.com')).token;
    failSaves = true;
    await send('verify', 503, { body: { token: diskToken } });
    await send('logout', 503, { as: buyer });
    await send('checkAccess', 503, { params: { handle: 'gharart', pageSlug: 'members-lounge' }, as: visiting });
    await send('checkout', 503, { params: mc, body: urls, as: buyer });
    await send('refund', 503, { params: mc, body: { visitorId: visitingInfo.id }, headers: auth(creator) });
    await send('expressInterest', 503, { params: gb, as: buyer });
    await send('supportReport', 503, { body: report });
    await send('contentReport', 503, { body: { handle: 'gharart', reason: 'spam' } });
    failSaves = false;
    await send('expressInterest', 200, { params: gb, as: buyer });
    failSaves = true;
    await send('withdrawInterest', 503, { params: gb, as: buyer });
    failSaves = false;
    spy.mockRestore();

    // 413 payload_too_large on every write: a body over 64 KiB is refused before it is read (issue 19).
    for (const r of routeList) {
      if (r.method === 'GET') continue;
      await send(r.id, 413, { params: { ...mc, ...gb, token: 'x' }, body: { padding: 'x'.repeat(70 * 1024) } });
    }

    // 503 service_unavailable on every route, as fault injection gives it (X-Mock-Fault: 503): every
    // route documents it. The landing answers a browser's navigation with a page, which is documented
    // too. Injected 429s on routes that do not throttle, and the 400 for a malformed X-Mock-Fault, are
    // the mock's test aids (the platform has no such header): they are left out here (decision 0047).
    const down = { 'x-mock-fault': '503' };
    for (const r of routeList) {
      await send(r.id, 503, { params: { ...mc, ...gb, token: 'x' }, headers: down, as: buyer });
    }
    await send('magicLinkLanding', 503, { params: { token: 'x' }, headers: { ...down, accept: 'text/html' } });

    expect(found).toEqual([]);
    // Every route got its cases, and what was never seen is only what the mock cannot give from here
    // (429 on routes the mock does not throttle for loopback clients).
    for (const r of routeList) {
      const missing = documentedStatuses(r.id).filter((s) => !seen.get(r.id)?.has(s));
      expect(
        missing.filter((s) => s !== 429),
        r.id,
      ).toEqual([]);
    }
  });
});
