// Test helpers of @visitor-access/server: a recording upstream, raw HTTP for targets a URL parser
// would normalise, servers that fail in the ways an API fails, and a buyer made through the proxy.
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { startServer, type RunningServer } from '@visitor-access/mock/server';
import { afterAll, beforeAll } from 'vitest';
import type { VisitorAccess } from '../src/index.js';

export interface Recorded {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string;
}

/** A fetch that records every request before passing it on (or answering with `answer`). */
export function recordingFetch(answer?: (url: string, init: RequestInit) => Response | Promise<Response>) {
  const calls: Recorded[] = [];
  const fetchImpl = (async (input: string | URL | Request, init: RequestInit = {}) => {
    const url = String(input);
    const headers = Object.fromEntries(new Headers(init.headers).entries());
    const body =
      init.body === undefined || init.body === null
        ? ''
        : typeof init.body === 'string'
          ? init.body
          : new TextDecoder().decode(init.body as Uint8Array);
    calls.push({ url, method: init.method ?? 'GET', headers, body });
    return answer ? answer(url, init) : fetch(input, init);
  }) as typeof fetch;
  return { fetch: fetchImpl, calls };
}

/** Listens on a free loopback port. */
export async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Closes a server and every connection it still holds. */
export async function close(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

/** An API that accepts connections and never answers. */
export async function hangingApi(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer(() => {});
  const url = await listen(server);
  return { url, close: () => close(server) };
}

/** A loopback URL where nothing listens. */
export async function deadApi(): Promise<string> {
  const server = createServer();
  const url = await listen(server);
  await close(server);
  return url;
}

export interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Sends bytes exactly as written (a request target no client library would send) and reads the answer. */
export function rawHttp(base: string, text: string, timeoutMs = 10_000): Promise<RawAnswer> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let data = '';
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer within ${timeoutMs} ms to ${text.split('\r\n')[0]}`));
    }, timeoutMs);
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (data += chunk));
    socket.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    socket.on('close', () => {
      clearTimeout(timer);
      const [head = '', ...rest] = data.split('\r\n\r\n');
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers: Record<string, string> = {};
      for (const line of lines) {
        const at = line.indexOf(':');
        const name = line.slice(0, at).toLowerCase();
        headers[name] = headers[name] ? `${headers[name]}\n${line.slice(at + 1).trim()}` : line.slice(at + 1).trim();
      }
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: rest.join('\r\n\r\n') });
    });
    socket.write(text);
  });
}

/** A GET with this exact request target, `Connection: close`. */
export function rawGet(base: string, target: string, extraHeaders = ''): Promise<RawAnswer> {
  return rawHttp(
    base,
    `GET ${target} HTTP/1.1\r\nHost: ${new URL(base).host}\r\n${extraHeaders}Connection: close\r\n\r\n`,
  );
}

/** The creator's site in these tests: the handle `gharart` of {@link useSiteMock} allows it. */
export const SITE = 'https://site.example';

/**
 * The reference mock for one test file, started before its tests and closed after them, with the
 * handle `gharart` allowing {@link SITE}. Read `mock` inside tests and hooks (it is set in `beforeAll`).
 */
export function useSiteMock(): { mock: RunningServer } {
  const file = {} as { mock: RunningServer };
  beforeAll(async () => {
    file.mock = await startServer({ port: 0, host: '127.0.0.1', log: false });
    file.mock.store.upsertHandle('gharart', { allowedOrigins: [SITE] });
  });
  afterAll(() => file.mock.close());
  return file;
}

/** Request through the core, as the site's origin would receive it. */
export function siteRequest(path: string, init: RequestInit = {}, site = SITE): Request {
  return new Request(site + path, init);
}

/** The session cookie's value from a response's `Set-Cookie`. */
export function sessionFrom(response: Response): string | undefined {
  for (const line of response.headers.getSetCookie()) {
    const match = /^_10x_visitor=([^;]*)/.exec(line);
    if (match) return match[1];
  }
  return undefined;
}

const json = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

/** Signs in through the proxy with the 6-digit code read from the mock's mailbox; the session cookie's value. */
export async function signInThroughProxy(va: VisitorAccess, mockUrl: string, email: string): Promise<string> {
  const asked = await va.fetch(siteRequest('/api/v2/visitor/auth/magic-link', json({ email })));
  if (asked.status !== 202) throw new Error(`magic-link: ${asked.status} ${await asked.text()}`);
  const mail = (await (await fetch(`${mockUrl}/_mock/api/messages?to=${encodeURIComponent(email)}`)).json()) as {
    messages: { code?: string; token?: string }[];
  };
  const code = mail.messages[0]?.code;
  if (!code) throw new Error('no sign-in code in the mailbox');
  const verified = await va.fetch(siteRequest('/api/v2/visitor/auth/verify', json({ email, code })));
  const cookie = sessionFrom(verified);
  if (verified.status !== 200 || !cookie) throw new Error(`verify: ${verified.status} ${await verified.text()}`);
  return cookie;
}

/** Buys the page through the proxy (checkout) and completes the payment on the mock's checkout API. */
export async function buyThroughProxy(
  va: VisitorAccess,
  mockUrl: string,
  cookie: string,
  page = 'gharart/masterclass',
): Promise<void> {
  const started = await va.fetch(
    siteRequest(`/api/v2/public/pages/${page}/checkout`, {
      ...json({ successUrl: 'https://site.example/masterclass', cancelUrl: 'https://site.example/masterclass' }),
      headers: { 'content-type': 'application/json', cookie: `_10x_visitor=${cookie}` },
    }),
  );
  if (started.status !== 200) throw new Error(`checkout: ${started.status} ${await started.text()}`);
  const { url } = (await started.json()) as { url: string };
  const id = new URL(url).pathname.split('/').pop()!;
  const done = await fetch(`${mockUrl}/_mock/api/checkout/${id}/complete`, json({ outcome: 'paid' }));
  if (done.status !== 200) throw new Error(`complete: ${done.status} ${await done.text()}`);
}
