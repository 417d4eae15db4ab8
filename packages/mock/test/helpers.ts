// Test helpers: a standalone server on a free loopback port, and a tiny HTTP client with a cookie jar
// (one per simulated visitor).
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { CheckoutSessionRecord } from '../src/records.js';
import { startServer, type RunningServer, type StartServerOptions } from '../src/server.js';

export interface Reply<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

/**
 * Starts the mock on 127.0.0.1 with a free port. `VA_MOCK_DISPATCH=msw` runs the suites through MSW's
 * `getResponse` instead of the server's direct route table.
 */
export function startMock(options: StartServerOptions = {}): Promise<RunningServer> {
  const dispatch = process.env.VA_MOCK_DISPATCH === 'msw' ? ('msw' as const) : ('direct' as const);
  return startServer({ port: 0, host: '127.0.0.1', dispatch, ...options });
}

/** The mock of one test file, as {@link useMock} gives it: set once the server is up. */
export interface FileMock {
  mock: RunningServer;
  /** The server's URL (`mock.url`). */
  base: string;
}

/**
 * One mock for the test file that calls it: started before its tests, its store reset before each
 * test and closed after them. Read `mock` and `base` inside tests and hooks (they are set in `beforeAll`).
 */
export function useMock(options: StartServerOptions = {}): FileMock {
  const file = {} as FileMock;
  beforeAll(async () => {
    file.mock = await startMock(options);
    file.base = file.mock.url;
  });
  afterAll(() => file.mock.close());
  beforeEach(() => file.mock.store.reset());
  return file;
}

/** One visitor's browser: remembers the session cookie like a browser would. */
export class Visitor {
  cookie: string | undefined;
  constructor(readonly base: string) {}

  async req<T = any>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Reply<T>> {
    const h: Record<string, string> = { ...headers };
    if (this.cookie) h.cookie = `_10x_visitor=${this.cookie}`;
    let payload: string | undefined;
    if (body !== undefined) {
      payload = typeof body === 'string' ? body : JSON.stringify(body);
      h['content-type'] ??= 'application/json';
    }
    const res = await fetch(this.base + path, { method, headers: h, body: payload, redirect: 'manual' });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie?.startsWith('_10x_visitor=')) {
      const value = setCookie.slice('_10x_visitor='.length).split(';')[0]!;
      this.cookie = /Max-Age=0/.test(setCookie) ? undefined : value;
    }
    const text = await res.text();
    let parsed: any = undefined;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: res.status, headers: res.headers, body: parsed as T, text };
  }

  /** The newest sign-in email for `email`, read through the development API. */
  async lastMessage(
    email: string,
  ): Promise<{ token: string; code: string; link: string | null; subject: string; text: string }> {
    const r = await fetch(`${this.base}/_mock/api/messages?to=${encodeURIComponent(email)}`);
    const { messages } = (await r.json()) as {
      messages: { token: string; code: string; link: string | null; subject: string; text: string }[];
    };
    if (!messages[0]) throw new Error(`no mail for ${email}`);
    return messages[0];
  }

  /** Asks for a sign-in link for `email` and answers the email it sent. */
  async requestLink(
    email: string,
  ): Promise<{ token: string; code: string; link: string | null; subject: string; text: string }> {
    const sent = await this.req('POST', '/v2/visitor/auth/magic-link', { email });
    if (sent.status !== 202) throw new Error(`magic-link ${sent.status} ${sent.text}`);
    return this.lastMessage(email);
  }

  /** Signs in through the real flow: request a link, read the mailbox, verify the token. */
  async signIn(email: string): Promise<{ id: string; email: string }> {
    const { token } = await this.requestLink(email);
    const verified = await this.req('POST', '/v2/visitor/auth/verify', { token });
    if (verified.status !== 200) throw new Error(`verify ${verified.status} ${verified.text}`);
    return verified.body.visitor;
  }

  /** A creator JWT for `handle` from the development API. */
  async creatorToken(handle: string): Promise<string> {
    const r = await this.req('POST', '/_mock/api/creator-token', { handle });
    return r.body.token;
  }

  /** Buys a page through checkout and the fake Stripe page's Pay. */
  async buy(handle: string, slug: string): Promise<string> {
    const c = await this.req('POST', `/v2/public/pages/${handle}/${slug}/checkout`, {
      successUrl: 'http://localhost:5173/thanks',
      cancelUrl: 'http://localhost:5173/cancelled',
    });
    if (c.status !== 200) throw new Error(`checkout ${c.status} ${c.text}`);
    const done = await this.req('POST', `/_mock/api/checkout/${c.body.sessionId}/complete`, { outcome: 'paid' });
    if (done.status !== 200) throw new Error(`complete ${done.status} ${done.text}`);
    return c.body.sessionId;
  }
}

/** Moves the mock's clock. */
export async function advance(base: string, ms: number): Promise<void> {
  const r = await fetch(`${base}/_mock/api/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ advanceMs: ms }),
  });
  if (r.status !== 200) throw new Error(`clock ${r.status}`);
}

/** A mock in a child process (see test/serve.ts): for kill -9 and two-process tests. */
export interface ChildMock {
  child: ChildProcess;
  url: string;
}

/** Starts test/serve.ts with `options`; resolves with its URL, or rejects with what it printed. */
export function startChildMock(options: Record<string, unknown>): Promise<ChildMock> {
  return import('node:child_process').then(
    ({ spawn }) =>
      new Promise<ChildMock>((resolve, reject) => {
        const child = spawn(
          process.execPath,
          ['--import', 'tsx', new URL('./serve.ts', import.meta.url).pathname, JSON.stringify(options)],
          { stdio: ['ignore', 'pipe', 'pipe'] },
        );
        let out = '';
        let err = '';
        child.stdout!.on('data', (d: Buffer) => {
          out += d.toString();
          const m = /READY (\S+)/.exec(out);
          if (m) resolve({ child, url: m[1]! });
        });
        child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
        child.once('exit', (code) => reject(new Error(`exited ${code}: ${err}`)));
      }),
  );
}

/** An open checkout session of the sample zine (19.00 USD), as the fake Checkout page renders it. */
export const checkoutSession = (over: Partial<CheckoutSessionRecord> = {}): CheckoutSessionRecord => ({
  id: 'cs_test_1',
  visitorId: 'vis_1',
  handle: 'gharart',
  slug: 'zine',
  title: 'Zine',
  amount: 1900,
  currency: 'USD',
  successUrl: 'http://localhost:5173/ok',
  cancelUrl: 'http://localhost:5173/no',
  status: 'open',
  createdAt: 0,
  ...over,
});
