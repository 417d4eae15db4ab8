// Issue 19 point 6: a write whose attempt times out in the SDK may have been done by the server all the
// same (the answer was late, not lost). The SDK retries it with the same Idempotency-Key, so the repeat
// gets the first answer back: one email, one session, one checkout, one refund… For every write route,
// against the standalone mock over real sockets: the first attempt asks the mock for
// `X-Mock-Fault: latency=…` well past the client's timeout, the retries ask for no fault.
import { startServer, type RunningServer } from '@visitor-access/mock/server';
import { createClient, TimeoutError, type VisitorAccessClient } from '@visitor-access/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The SDK's timeout per attempt, and how long the mock holds the first attempt. The retry waits in
// `slowFirst` (inside its own attempt's time) for the mock to finish the held one, at most
// LATENCY_MS - TIMEOUT_MS - backoff; what is left for the replay itself is over 2 s.
const TIMEOUT_MS = 2_500;
const LATENCY_MS = 3_000;

interface Attempt {
  method: string;
  path: string;
  key: string | null;
  fault: string;
  /** `idempotent-replayed` of the answer, or `timeout` when the SDK gave up waiting. */
  outcome: string;
}

let mock: RunningServer;
beforeAll(async () => {
  mock = await startServer({ port: 0, host: '127.0.0.1', log: false });
});
afterAll(() => mock.close());

let n = 0;
const newEmail = () => `slow-${process.pid}-${++n}-${Date.now()}@example.com`;

/**
 * A fetch with a cookie jar that asks the mock to hold the first attempt of each request `slow` times
 * for LATENCY_MS (past the SDK's timeout) and records every attempt.
 */
function slowFirst(options: { slow?: number; overtake?: boolean } = {}) {
  const jar = new Map<string, string>();
  const attempts: Attempt[] = [];
  let slowLeft = options.slow ?? 0;
  const doFetch: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    if (jar.size) request.headers.set('cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
    const fault = slowLeft > 0 ? `latency=${LATENCY_MS}` : 'none';
    if (slowLeft > 0) slowLeft--;
    request.headers.set('x-mock-fault', fault);
    const path = new URL(request.url).pathname;
    const earlier = attempts.filter(
      (a) => a.path === path && a.key !== null && a.key === request.headers.get('idempotency-key'),
    );
    // The mock holds a slow request for its whole latency even after the client gave up (the answer comes
    // late; the work is done): the retry goes out once the mock has finished the held attempt, so what
    // answers it is the replay. With `overtake`, the retry goes at once and does the work itself.
    if (!options.overtake && earlier.length > 0) await servedAll(path, earlier.length);
    const attempt: Attempt = {
      method: request.method,
      path,
      key: request.headers.get('idempotency-key'),
      fault,
      outcome: 'timeout',
    };
    attempts.push(attempt);
    const response = await fetch(request);
    attempt.outcome = response.headers.get('idempotent-replayed') === 'true' ? 'replayed' : `fresh ${response.status}`;
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      if (/max-age=0\b/i.test(line) || value === '') jar.delete(name);
      else jar.set(name, value);
    }
    return response;
  };
  const client = (extra: { creatorToken?: string } = {}): VisitorAccessClient =>
    createClient({ baseUrl: mock.url, fetch: doFetch, timeout: TIMEOUT_MS, sessionChannel: false, ...extra });
  return {
    jar,
    attempts,
    client,
    /** The next `count` attempts are slow. */
    slowNext(count = 1) {
      slowLeft = count;
    },
  };
}

/** Waits until the mock's request log has `count` answers to slow requests on `path`. */
async function servedAll(path: string, count: number): Promise<void> {
  await expect
    .poll(
      () => mock.store.requests(1_000).filter((r) => r.path === path && r.fault === `latency=${LATENCY_MS}`).length,
      {
        timeout: LATENCY_MS * 3,
        interval: 50,
      },
    )
    .toBeGreaterThanOrEqual(count);
}

async function messagesTo(email: string): Promise<{ token?: string; code?: string }[]> {
  const answer = await fetch(`${mock.url}/_mock/api/messages?to=${encodeURIComponent(email)}`);
  return ((await answer.json()) as { messages: { token?: string; code?: string }[] }).messages;
}

/** A client signed in (without faults) as a new visitor. */
async function signedIn() {
  const io = slowFirst();
  const c = io.client();
  const email = newEmail();
  await c.auth.requestMagicLink({ email });
  const [message] = await messagesTo(email);
  const { visitor } = await c.auth.verify({ email, code: message!.code! });
  io.attempts.length = 0;
  return { ...io, c, email, visitor };
}

/** The timed-out first attempt and the replay that answered the call, with one key. */
function expectOneReplayedWrite(attempts: Attempt[], method: string, path: string, answeredBy = 'replayed') {
  const writes = attempts.filter((a) => a.method === method && a.path === path);
  expect(writes.map((a) => [a.fault, a.outcome])).toEqual([
    [`latency=${LATENCY_MS}`, 'timeout'],
    ['none', answeredBy],
  ]);
  expect(writes[0]!.key).toMatch(/^[0-9a-f-]{36}$/);
  expect(writes[1]!.key).toBe(writes[0]!.key);
}

describe('a write that timed out is retried with its Idempotency-Key and answered by the replay', () => {
  it('requestMagicLink: one email, and the call resolves with the first answer', async () => {
    const io = slowFirst({ slow: 1 });
    const email = newEmail();
    const answer = await io.client().auth.requestMagicLink({ email });
    expect(answer.sent).toBe(true);
    expectOneReplayedWrite(io.attempts, 'POST', '/v2/visitor/auth/magic-link');
    expect(await messagesTo(email)).toHaveLength(1);
  });

  it('requestMagicLink, when the retry overtakes the held attempt: still one email', async () => {
    const io = slowFirst({ slow: 1, overtake: true });
    const email = newEmail();
    await expect(io.client().auth.requestMagicLink({ email })).resolves.toMatchObject({ sent: true });
    expect(io.attempts.map((a) => a.outcome)).toEqual(['timeout', 'fresh 202']);
    await servedAll('/v2/visitor/auth/magic-link', 1);
    expect(await messagesTo(email)).toHaveLength(1);
  });

  it('verify: the link is used once, and the replay sets the session cookie', async () => {
    const io = slowFirst();
    const c = io.client();
    const email = newEmail();
    await c.auth.requestMagicLink({ email });
    const [message] = await messagesTo(email);
    io.attempts.length = 0;
    io.slowNext();
    const { visitor } = await c.auth.verify({ token: message!.token! });
    expect(visitor.email).toBe(email);
    expectOneReplayedWrite(io.attempts, 'POST', '/v2/visitor/auth/verify');
    expect(io.jar.get('_10x_visitor')).toBeTruthy();
    await expect(c.auth.me()).resolves.toMatchObject({ visitor: { id: visitor.id, email } });
    const sessions = [...mock.store.sessions.values()].filter((s) => s.visitorId === visitor.id);
    expect(sessions).toHaveLength(1);
  });

  it('logout: the session ends, and the retry is answered as the first was', async () => {
    const s = await signedIn();
    s.slowNext();
    await s.c.auth.logout();
    // A key is scoped to the session that sent it: the held attempt ended that session, so the retry is
    // a logout of no session (204 again), not a replay. Same outcome for the person: signed out.
    expectOneReplayedWrite(s.attempts, 'POST', '/v2/visitor/auth/logout', 'fresh 204');
    await expect(s.c.auth.me()).rejects.toMatchObject({ code: 'visitor_unauthorized' });
    const sessions = [...mock.store.sessions.values()].filter((x) => x.visitorId === s.visitor.id);
    expect(sessions.filter((x) => x.revokedAt === undefined)).toHaveLength(0);
  });

  it('checkout: one checkout session, and the replay gives its URL', async () => {
    const s = await signedIn();
    s.slowNext();
    const answer = await s.c.pages.checkout('gharart', 'masterclass', {
      successUrl: 'http://localhost:5173/ok',
      cancelUrl: 'http://localhost:5173/no',
    });
    expectOneReplayedWrite(s.attempts, 'POST', '/v2/public/pages/gharart/masterclass/checkout');
    const opened = [...mock.store.checkouts.values()].filter((x) => x.visitorId === s.visitor.id);
    expect(opened.map((x) => x.id)).toEqual([answer.sessionId]);
  });

  it('refund: one refund, and the replay gives it', async () => {
    const s = await signedIn();
    const { sessionId } = await s.c.pages.checkout('gharart', 'masterclass', {
      successUrl: 'http://localhost:5173/ok',
      cancelUrl: 'http://localhost:5173/no',
    });
    const paid = await fetch(`${mock.url}/_mock/api/checkout/${sessionId}/complete`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ outcome: 'paid' }),
    });
    expect(paid.status).toBe(200);
    const minted = await fetch(`${mock.url}/_mock/api/creator-token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ handle: 'gharart' }),
    });
    const { token } = (await minted.json()) as { token: string };
    const creator = slowFirst({ slow: 1 });
    const { refund } = await creator
      .client({ creatorToken: token })
      .pages.refund('gharart', 'masterclass', { visitorId: s.visitor.id });
    expectOneReplayedWrite(creator.attempts, 'POST', '/v2/handles/gharart/pages/masterclass/refund');
    const refunds = [...mock.store.refunds.values()].filter((x) => x.visitorId === s.visitor.id);
    expect(refunds.map((x) => x.id)).toEqual([refund.id]);
  });

  it('expressInterest and withdrawInterest: each done once, each answered by its replay', async () => {
    const s = await signedIn();
    const before = (await s.c.groupBuys.get('gharart', 'spring-bundle')).interestCount;
    s.slowNext();
    const expressed = await s.c.groupBuys.expressInterest('gharart', 'spring-bundle');
    expect(expressed).toMatchObject({ interested: true, interestCount: before + 1 });
    expectOneReplayedWrite(s.attempts, 'POST', '/v2/public/group-buys/gharart/spring-bundle/interest');

    s.attempts.length = 0;
    s.slowNext();
    const withdrawn = await s.c.groupBuys.withdrawInterest('gharart', 'spring-bundle');
    expect(withdrawn).toMatchObject({ interested: false, interestCount: before });
    expectOneReplayedWrite(s.attempts, 'DELETE', '/v2/public/group-buys/gharart/spring-bundle/my-interest');
    await expect(s.c.groupBuys.myInterest('gharart', 'spring-bundle')).resolves.toEqual({ interested: false });
  });

  it('support.report and support.reportContent: one report each', async () => {
    const s = await signedIn();
    const summary = `Locked out ${s.email}`;
    s.slowNext();
    await s.c.support.report({ summary, details: 'Paid, still locked' });
    expectOneReplayedWrite(s.attempts, 'POST', '/v2/support/report');
    expect(mock.store.reports.filter((r) => r.body.summary === summary)).toHaveLength(1);

    s.attempts.length = 0;
    const reason = `Spam ${s.email}`;
    s.slowNext();
    await s.c.support.reportContent({ handle: 'gharart', pageSlug: 'welcome', reason });
    expect(s.attempts.filter((a) => a.method === 'POST').map((a) => [a.fault, a.outcome])).toEqual([
      [`latency=${LATENCY_MS}`, 'timeout'],
      ['none', 'replayed'],
    ]);
    expect(mock.store.reports.filter((r) => r.body.reason === reason)).toHaveLength(1);
  });
});

describe('what is not retried after a timeout', () => {
  it('a GET that timed out fails with TimeoutError after one attempt', async () => {
    const s = await signedIn();
    s.slowNext();
    await expect(s.c.access.list()).rejects.toBeInstanceOf(TimeoutError);
    expect(s.attempts.map((a) => [a.method, a.outcome])).toEqual([['GET', 'timeout']]);
  });

  it('an access check without a key that timed out fails with TimeoutError after one attempt', async () => {
    const io = slowFirst({ slow: 1 });
    await expect(io.client().pages.checkAccess('gharart', 'members-lounge')).rejects.toBeInstanceOf(TimeoutError);
    expect(io.attempts.map((a) => [a.method, a.key, a.outcome])).toEqual([['POST', null, 'timeout']]);
  });

  it('a write that times out on every attempt fails with TimeoutError, and was still done once', async () => {
    const io = slowFirst({ slow: 3 });
    const email = newEmail();
    const error = await io
      .client()
      .auth.requestMagicLink({ email }, { timeout: TIMEOUT_MS })
      .then(undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(io.attempts.map((a) => a.outcome)).toEqual(['timeout', 'timeout', 'timeout']);
    expect(new Set(io.attempts.map((a) => a.key)).size).toBe(1);
    // The mock finished the first attempt after the client left; the repeats found its answer.
    await expect.poll(() => messagesTo(email).then((m) => m.length)).toBe(1);
  });
});
