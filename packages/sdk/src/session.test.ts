import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BASE, visitor } from '../test/fixtures.js';
import { createClient, type SessionEvent, type VisitorAccessClient } from './index.js';

const server = setupServer(
  http.post(`${BASE}/v2/visitor/auth/verify`, () => HttpResponse.json({ visitor })),
  http.get(`${BASE}/v2/visitor/me`, ({ request }) =>
    request.headers.get('cookie')
      ? HttpResponse.json({ visitor })
      : HttpResponse.json({ error: 'visitor_unauthorized', message: 'Sign in', requestId: 'req_1' }, { status: 401 }),
  ),
  http.get(`${BASE}/v2/visitor/access`, () =>
    HttpResponse.json({ error: 'visitor_unauthorized', message: 'Sign in', requestId: 'req_2' }, { status: 401 }),
  ),
  http.post(`${BASE}/v2/visitor/auth/logout`, () => new HttpResponse(null, { status: 204 })),
);
const clients: VisitorAccessClient[] = [];
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  for (const c of clients.splice(0)) c.close();
});
afterAll(() => server.close());

let channelSeq = 0;
function make(channel: string | false = false, headers?: Record<string, string>) {
  const c = createClient({ baseUrl: BASE, sessionChannel: channel, ...(headers ? { headers } : {}) });
  clients.push(c);
  return c;
}

/** `count` clients sharing a fresh session channel `name`, as tabs of one site. */
function onOneChannel<N extends 2 | 3>(
  count: N,
): {
  name: string;
  clients: N extends 2
    ? [VisitorAccessClient, VisitorAccessClient]
    : [VisitorAccessClient, VisitorAccessClient, VisitorAccessClient];
} {
  const name = `va-test-${++channelSeq}`;
  return { name, clients: Array.from({ length: count }, () => make(name)) as never };
}

function record(c: VisitorAccessClient) {
  const events: SessionEvent[] = [];
  const unsubscribe = c.onSessionChange((e) => events.push(e));
  return { events, unsubscribe };
}

/** Resolves when `events` reaches `n` entries. */
function until(events: SessionEvent[], n: number): Promise<void> {
  return new Promise((resolve) => {
    const poll = () => (events.length >= n ? resolve() : setImmediate(poll));
    poll();
  });
}

describe('onSessionChange', () => {
  it('replays unknown first, then follows verify, logout and a 401', async () => {
    const c = make();
    const { events } = record(c);
    expect(events).toEqual([{ state: 'unknown' }]);
    await c.auth.verify({ token: 'tok' });
    expect(c.session).toEqual({ state: 'signed_in', visitor });
    await c.auth.logout();
    await c.auth.me().catch(() => undefined);
    await c.auth.verify({ token: 'tok' });
    await c.access.list().catch(() => undefined);
    expect(events.map((e) => e.state)).toEqual(['unknown', 'signed_in', 'signed_out', 'signed_in', 'signed_out']);
    expect(events[1]).toEqual({ state: 'signed_in', visitor });
  });

  it('me() success signs in; repeats of the same state are not announced', async () => {
    const c = make(false, { cookie: '_10x_visitor=abc' });
    const { events } = record(c);
    await c.auth.me();
    await c.auth.me();
    expect(events).toEqual([{ state: 'unknown' }, { state: 'signed_in', visitor }]);
  });

  it('replays the current state to a late subscriber and stops after unsubscribe', async () => {
    const c = make();
    await c.auth.verify({ token: 'tok' });
    const { events, unsubscribe } = record(c);
    expect(events).toEqual([{ state: 'signed_in', visitor }]);
    unsubscribe();
    await c.auth.logout();
    expect(events).toHaveLength(1);
  });

  it('a throwing listener does not break the call or other listeners', async () => {
    const c = make();
    const errors: unknown[] = [];
    const original = (globalThis as { reportError?: unknown }).reportError;
    (globalThis as { reportError?: unknown }).reportError = (e: unknown) => errors.push(e);
    try {
      c.onSessionChange((e) => {
        if (e.state === 'signed_in') throw new Error('listener bug');
      });
      const { events } = record(c);
      await expect(c.auth.verify({ token: 'tok' })).resolves.toEqual({ visitor });
      expect(events.at(-1)?.state).toBe('signed_in');
      expect(errors).toHaveLength(1);
    } finally {
      (globalThis as { reportError?: unknown }).reportError = original;
    }
  });
});

describe('across clients (BroadcastChannel)', () => {
  it('a sign-in and a sign-out in one client reach the others, without echo', async () => {
    const {
      name,
      clients: [a, b, c],
    } = onOneChannel(3);
    const seenA = record(a).events;
    const seenB = record(b).events;
    const seenC = record(c).events;
    const raw = new BroadcastChannel(name);
    const onWire: unknown[] = [];
    raw.onmessage = (e) => onWire.push(e.data);
    try {
      await a.auth.verify({ token: 'tok' });
      await Promise.all([until(seenB, 2), until(seenC, 2)]);
      expect(b.session).toEqual({ state: 'signed_in', visitor });
      expect(seenC.at(-1)).toEqual({ state: 'signed_in', visitor });

      await c.auth.logout();
      await Promise.all([until(seenA, 3), until(seenB, 3)]);
      expect(a.session).toEqual({ state: 'signed_out' });
      expect(seenB.map((e) => e.state)).toEqual(['unknown', 'signed_in', 'signed_out']);

      // A sentinel posted now arrives after anything b or c could have echoed.
      const sentinel = new BroadcastChannel(name);
      sentinel.postMessage('sentinel');
      await until(onWire as SessionEvent[], 3);
      sentinel.close();
      expect(onWire).toHaveLength(3);
      expect(seenA.map((e) => e.state)).toEqual(['unknown', 'signed_in', 'signed_out']);
    } finally {
      raw.close();
    }
  });

  it('ignores malformed messages on the channel', async () => {
    const {
      name,
      clients: [a, b],
    } = onOneChannel(2);
    const seenB = record(b).events;
    const raw = new BroadcastChannel(name);
    raw.postMessage({ type: 'visitor-access:session', from: 'x', event: { state: 'signed_in', visitor: { id: 1 } } });
    raw.postMessage('garbage');
    raw.close();
    await a.auth.verify({ token: 'tok' });
    await until(seenB, 2);
    expect(seenB).toEqual([{ state: 'unknown' }, { state: 'signed_in', visitor }]);
  });

  it('a closed client no longer follows other tabs', async () => {
    const {
      clients: [a, b, c],
    } = onOneChannel(3);
    const seenB = record(b).events;
    const seenC = record(c).events;
    b.close();
    await a.auth.verify({ token: 'tok' });
    await until(seenC, 2);
    expect(b.session).toEqual({ state: 'unknown' });
    expect(seenB).toEqual([{ state: 'unknown' }]);
  });
});
