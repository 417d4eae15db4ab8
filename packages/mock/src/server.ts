/**
 * The standalone mock server: the same MSW handlers behind a real HTTP port, for browsers, other
 * languages and end-to-end tests. Built on `@hono/node-server` (the Node ↔ Fetch adapter) and MSW's
 * `getResponse`.
 *
 * @packageDocumentation
 */
import type { IncomingMessage, OutgoingHttpHeaders, Server, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import { isHttpOrigin } from '@visitor-access/contract';
import { Faults } from './faults/faults.js';
import type { ConnectionFault } from './faults/layer.js';
import type { FaultOptions } from './faults/settings.js';
import type { Fixture } from './fixture.js';
import { createDispatch } from './handlers/index.js';
import { MAX_BODY_BYTES } from './handlers/input.js';
import type { HandlerOptions, Layer } from './handlers/types.js';
import { indexPage } from './pages/index.js';
import { isLoopbackHost } from './net.js';
import { clientAddress, trustedProxies } from './trust-proxy.js';
import { openDataFile, type DataFile, type DataFileOptions } from './persistence.js';
import { nodeCrypto } from './node-crypto.js';
import { MockStore } from './store/index.js';

export { DataFileError } from './persistence.js';

/** Options of {@link startServer}. */
export interface StartServerOptions {
  /** Port to listen on; 0 picks a free one. Default 4010. */
  port?: number;
  /** Interface to bind. Default `127.0.0.1`. */
  host?: string;
  /**
   * The mock's public URL: the links in emails, the checkout `url` and the mock's own redirect origin.
   * Default `http://localhost:PORT`. Never taken from a request's `Host` header. With a path prefix
   * (`https://site.example/api`, behind a site's proxy that strips it) every link and the landing page's
   * calls carry the prefix; the mock itself still answers at its root.
   */
  publicUrl?: string;
  /** Handles and pages to start from. Default: the fixture of `product-spec.md`. */
  fixture?: Fixture;
  /**
   * Keep state in this file across restarts: an append-only journal, locked to this process, every
   * change flushed before its answer leaves.
   */
  dataFile?: string;
  /** Journal tuning and test hooks (see `DataFileOptions`). */
  dataFileOptions?: DataFileOptions;
  /** Log one line per request (method, path, status, ms, request ID): `true` for stdout, or a function. */
  log?: boolean | ((line: string) => void);
  /** Send `SameSite=None; Secure` session cookies (pages embedded on another site). */
  crossSiteCookies?: boolean;
  /** A store to serve instead of a new one (tests, benchmarks). */
  store?: MockStore;
  /** Layers around every `/v2` and `/_edge` request (see `HandlerOptions.layers`). */
  layers?: Layer[];
  /**
   * Faults for every `/v2` and `/_edge` request that does not ask for its own with `X-Mock-Fault`:
   * `{ latency, failRate, seed, rules, timeoutMs }` (the CLI's `--latency`, `--fail-rate`, `--fail-seed`),
   * or a `Faults` to share. `PUT /_mock/api/faults` changes them while the server runs.
   */
  faults?: FaultOptions | Faults;
  /**
   * How requests reach the handlers. `'direct'` (default) matches the routes by their path and calls
   * their resolvers; `'msw'` sends every request through MSW's `getResponse`. Both run the same routes.
   */
  dispatch?: 'direct' | 'msw';
  /**
   * Addresses of proxies whose `X-Forwarded-For` names the client (the CLI's `--trust-proxy`, repeatable),
   * e.g. `['127.0.0.1']` for a creator's server on this machine that proxies the API. A request from one
   * of them counts as coming from the address that proxy appended, for the per-IP sign-in limits and the
   * development API's this-machine rule. Default: none; the header is never read from any other client
   * (loopback included).
   */
  trustProxy?: string[];
}

/** A running standalone mock. */
export interface RunningServer {
  /** The address it listens on, e.g. `http://127.0.0.1:4010`. */
  url: string;
  /**
   * The public URL links and the checkout use, e.g. `http://localhost:4010` (open your pages on its host
   * name), or a site's URL with the prefix its proxy serves the API under, e.g. `https://site.example/api`.
   */
  publicUrl: string;
  port: number;
  store: MockStore;
  /** The fault injection's settings (`faults.set({ failRate: 0.3 })`, `faults.reset()`). */
  faults: Faults;
  /** Stops listening, closes open connections, and releases the data file. */
  close(): Promise<void>;
}

/**
 * The warning for `--host` other than loopback, or undefined.
 *
 * @example
 * ```ts
 * exposureWarning('0.0.0.0'); // 'Warning: --host 0.0.0.0 makes the mock reachable from other machines…'
 * exposureWarning('127.0.0.1'); // undefined
 * ```
 */
export function exposureWarning(host: string): string | undefined {
  if (isLoopbackHost(host)) return undefined;
  return (
    `Warning: --host ${host} makes the mock reachable from other machines. Anyone who can reach it can use ` +
    `the API as any visitor whose email they type (the mailbox shows every sign-in link). The development ` +
    `API (/_mock) still answers this machine only, but a proxy or tunnel on this machine would expose it ` +
    `to others. Use --host 127.0.0.1 unless you need this.`
  );
}

/**
 * Reads a request body from the socket, at most `limit` bytes: past it, reading stops at once (nothing
 * more is held in memory). `closed` when the client hung up first.
 */
function readBody(incoming: IncomingMessage, limit: number): Promise<Buffer | 'too-large' | 'closed'> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let total = 0;
    let settled = false;
    const settle = (value: Buffer | 'too-large' | 'closed') => {
      if (settled) return;
      settled = true;
      incoming.off('data', onData);
      incoming.off('end', onEnd);
      incoming.off('error', onClosed);
      incoming.off('close', onClosed);
      resolve(value);
    };
    const onData = (chunk: Buffer) => {
      total += chunk.length;
      if (total > limit) {
        incoming.pause();
        chunks.length = 0;
        settle('too-large');
      } else chunks.push(chunk);
    };
    const onEnd = () => settle(Buffer.concat(chunks, total));
    const onClosed = () => settle(incoming.complete ? Buffer.concat(chunks, total) : 'closed');
    incoming.on('data', onData);
    incoming.once('end', onEnd);
    incoming.once('error', onClosed);
    incoming.once('close', onClosed);
  });
}

/** How long an answered connection may go on sending the body the mock did not read. */
const LINGER_MS = 2000;

/**
 * A lingering close (RFC 9112 §9.6) for a connection answered before its body was read: Node closes such
 * a connection as soon as the answer is written, and closing a socket with unread bytes resets it, which
 * can throw away the answer itself before the client reads it. Instead the answer is followed by a FIN,
 * what the client still sends is read and thrown away (never kept), and the socket goes when the client
 * closes its side or after {@link LINGER_MS}.
 */
function lingerOnClose(socket: Socket): void {
  let lingering = false;
  socket.destroySoon = function lingeringClose(this: Socket) {
    if (lingering) return;
    lingering = true;
    this.end();
    const timer = setTimeout(() => this.destroy(), LINGER_MS);
    this.once('close', () => clearTimeout(timer));
    this.resume();
  };
}

/** Whether a client hung up: its request was aborted or its socket is gone. */
function hungUp(incoming: IncomingMessage, cause?: unknown): boolean {
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  return (
    incoming.destroyed ||
    incoming.socket.destroyed ||
    code === 'ECONNRESET' ||
    code === 'ERR_STREAM_PREMATURE_CLOSE' ||
    (cause instanceof Error && cause.message === 'aborted')
  );
}

/**
 * Starts the standalone mock server.
 *
 * @example
 * ```ts
 * import { startServer } from '@visitor-access/mock/server';
 * const mock = await startServer({ port: 0 });
 * await fetch(`${mock.url}/v2/public/pages/gharart/welcome/access-check`, { method: 'POST' });
 * await mock.close();
 * ```
 */
export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const store =
    options.store ?? new MockStore({ ...(options.fixture ? { fixture: options.fixture } : {}), ...nodeCrypto });
  let configuredPublicUrl: string | undefined;
  if (options.publicUrl !== undefined) {
    configuredPublicUrl = checkPublicUrl(options.publicUrl);
  }
  const trusted = trustedProxies(options.trustProxy ?? []);
  const data: DataFile | undefined = options.dataFile
    ? openDataFile(store, options.dataFile, options.dataFileOptions)
    : undefined;
  const log = options.log === true ? (line: string) => console.log(line) : options.log || undefined;

  const clientIps = new WeakMap<Request, string>();
  const hosts = new WeakMap<Request, string>();
  const faults = options.faults instanceof Faults ? options.faults : new Faults(options.faults);
  // A timeout or a reset is done to the socket of the request that asked for it. The layer deciding it
  // runs deep inside the dispatch (through MSW's getResponse, perhaps) and answers with a network error
  // that this map recognises. (Not an AsyncLocalStorage: on Node 20 it turns on promise hooks for every
  // request of the process, which cost a tenth of the access check's throughput.)
  const dropped = new WeakMap<
    Response,
    { fault: 'timeout' | 'reset'; requestId: string; release: (() => void) | undefined }
  >();
  const connectionFault: ConnectionFault = (kind, ctx, _timeoutMs, release) => {
    const answer = Response.error();
    dropped.set(answer, { fault: kind, requestId: ctx.requestId, release });
    return Promise.resolve(answer);
  };
  let port = 0;
  const handlerOptions: HandlerOptions = {
    store,
    faults,
    connectionFault,
    ...(options.crossSiteCookies ? { crossSiteCookies: true } : {}),
    ...(options.layers ? { layers: options.layers } : {}),
    // A client whose address is unknown (it reset the connection at once) is `unknown`: not this machine.
    clientIp: (request) => clientIps.get(request) ?? 'unknown',
    requestHost: (request) => hosts.get(request),
    // Configuration, never the Host header: links, checkout URLs and the mock's own origin.
    get publicUrl() {
      return configuredPublicUrl ?? `http://localhost:${port}`;
    },
  };
  const mock = createDispatch(handlerOptions, options.dispatch === 'msw' ? 'msw' : 'direct');
  const direct = options.dispatch !== 'msw';

  const dispatch = (request: Request, url: URL, started: number): Promise<Response> => {
    if ((request.method === 'GET' || request.method === 'HEAD') && url.pathname === '/') {
      return Promise.resolve(
        mock.answerEarly(request, started, indexPage(store.pages.values(), handlerOptions.publicUrl!)),
      );
    }
    return mock.dispatch(request, url);
  };

  /**
   * The request as the routes get it. A body is read only for a route that takes one, and at most 64 KiB of
   * it: a `Content-Length` over the limit is refused before reading, a stream as soon as it passes it.
   * (MSW clones every request it matches, and cloning a streamed body tees it: so the body is read once,
   * here, for both dispatchers. The direct router reuses the adapter's lazy request when there is none.)
   */
  const prepare = (
    request: Request,
    incoming: IncomingMessage,
    url: URL,
    started: number,
  ): Request | Response | Promise<Request | Response | 'closed'> => {
    const method = request.method;
    const length = incoming.headers['content-length'];
    const announced = incoming.headers['transfer-encoding'] !== undefined || Number(length ?? 0) > 0;
    if (!announced || !mock.takesBody(method, url.pathname)) {
      if (direct && !announced) return request;
      // No body for this route (a GET, an unknown path): the client's bytes are never read into memory.
      return new Request(request.url, { method, headers: request.headers });
    }
    const bodiless = () => new Request(request.url, { method, headers: request.headers });
    const tooLarge = () =>
      mock.answerEarly(bodiless(), started, {
        code: 'payload_too_large',
        message: 'The request body is larger than 64 KiB.',
      });
    if (Number(length ?? 0) > MAX_BODY_BYTES) return tooLarge();
    return readBody(incoming, MAX_BODY_BYTES).then((body) => {
      if (body === 'closed') return 'closed';
      if (body === 'too-large') return tooLarge();
      return new Request(request.url, { method, headers: request.headers, body: new Uint8Array(body) });
    });
  };

  const fetchHandler = async (
    request: Request,
    env: { incoming: IncomingMessage; outgoing: ServerResponse },
  ): Promise<Response> => {
    const started = performance.now();
    const incoming = env.incoming;
    const ip = clientAddress(incoming.socket.remoteAddress, incoming.headers['x-forwarded-for'], trusted);
    const host = incoming.headers.host;
    const known = (req: Request) => {
      if (ip) clientIps.set(req, ip);
      if (host !== undefined) hosts.set(req, host);
      return req;
    };
    let response: Response;
    let path = '?';
    let url: URL | undefined;
    const closed = (req: Request) => {
      // A client hanging up is not a failure of the mock: one line, no stack, status 499 in the request log.
      const requestId = mock.logClientClosed(req, started);
      log?.(`${request.method} ${mock.redactPath(path)} client closed ${requestId}`);
      return RESPONSE_ALREADY_SENT;
    };
    try {
      url = new URL(request.url);
      path = url.pathname;
      const prepared = prepare(known(request), incoming, url, started);
      // Without a body to read, no await (one microtask less on the hot path).
      const req = prepared instanceof Promise ? await prepared : prepared;
      if (req === 'closed') return closed(new Request(url, { method: request.method }));
      response = req instanceof Response ? req : await dispatch(known(req), url, started);
    } catch (cause) {
      const where = url ? new Request(url, { method: request.method, headers: request.headers }) : undefined;
      if (where && hungUp(incoming, cause)) return closed(where);
      // Malformed URLs (bad percent-encoding) fail in path matching: that is the client's mistake.
      const malformed = cause instanceof URIError || cause instanceof TypeError;
      if (!malformed) console.error('[visitor-access-mock] request failed', cause);
      response = mock.answerEarly(
        where ?? new Request('http://invalid/'),
        started,
        malformed
          ? { code: 'invalid_request', message: 'The request URL is malformed.' }
          : { code: 'internal_error', message: 'The mock failed to handle this request; please report it.' },
      );
    }
    // A body left unread (refused, or not needed) is not read now either: the connection closes after the
    // answer, lingering so that the answer reaches the client first.
    const unread = !incoming.complete && !incoming.destroyed;
    if (unread) lingerOnClose(incoming.socket);
    const slot = dropped.get(response);
    if (slot) {
      log?.(`${request.method} ${mock.redactPath(path)} ${slot.fault} (fault) ${slot.requestId}`);
      dropConnection(incoming, slot.fault, faults.timeoutMs, slot.release);
      return RESPONSE_ALREADY_SENT;
    }
    if (log) {
      const fault = response.headers.get('x-mock-fault');
      log(
        `${request.method} ${mock.redactPath(path)} ${response.status} ${(performance.now() - started).toFixed(1)}ms ${response.headers.get('x-request-id') ?? '-'}${fault ? ` (fault ${fault})` : ''}`,
      );
    }
    if (incoming.socket.destroyed) return RESPONSE_ALREADY_SENT;
    // The adapter streams a standard Response body with a timer between reads; our bodies are small and
    // complete, so we write them in one go (the adapter's documented RESPONSE_ALREADY_SENT escape hatch).
    // A string body goes out in one write with the headers; a Buffer would take a second one.
    const text = mock.bodyText(response);
    const bytes = text ?? Buffer.from(await response.arrayBuffer());
    const headers: OutgoingHttpHeaders = {};
    response.headers.forEach((value, name) => {
      if (name !== 'set-cookie') headers[name] = value;
    });
    const cookies = response.headers.getSetCookie();
    if (cookies.length) headers['set-cookie'] = cookies;
    headers['content-length'] = typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.byteLength;
    if (unread) headers.connection = 'close';
    env.outgoing.writeHead(response.status, headers);
    env.outgoing.end(bytes);
    return RESPONSE_ALREADY_SENT;
  };

  const server = createAdaptorServer({
    fetch: fetchHandler as never,
    overrideGlobalObjects: false,
    // The adapter's own drain of an unread body (a listener, a timer and a resume on every POST, ~4 % of
    // the access check's CPU) is not needed: an unread body is handled here (`lingerOnClose`), and Node
    // dumps an unread empty body itself before the next request on the connection. (The adapter's lazy
    // request is handed on only without a body: `prepare` reads a body from the socket itself.)
    autoCleanupIncoming: false,
  }) as Server;
  server.keepAliveTimeout = 5000;
  const host = options.host ?? '127.0.0.1';
  try {
    await new Promise<void>((resolve, reject) => {
      const onError = (error: NodeJS.ErrnoException) => {
        reject(
          error.code === 'EADDRINUSE'
            ? new Error(`Port ${options.port ?? 4010} on ${host} is already in use. Pick another with --port.`)
            : error,
        );
      };
      server.once('error', onError);
      server.listen(options.port ?? 4010, host, () => {
        server.off('error', onError);
        resolve();
      });
    });
  } catch (error) {
    data?.close();
    throw error;
  }
  port = (server.address() as AddressInfo).port;
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}`,
    publicUrl: handlerOptions.publicUrl!,
    port,
    store,
    faults,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => {
          data?.close();
          if (error) reject(error);
          else resolve();
        });
        server.closeAllConnections();
      }),
  };
}

/**
 * `reset`: the connection is destroyed at once with a TCP RST, no answer. `timeout`: nothing is sent, and
 * the connection is closed after `timeoutMs` (sooner if the client hangs up; `close()` ends it too).
 */
function dropConnection(
  incoming: IncomingMessage,
  fault: 'timeout' | 'reset',
  timeoutMs: number,
  release: (() => void) | undefined,
): void {
  const socket = incoming.socket;
  if (fault === 'reset') {
    release?.();
    socket.resetAndDestroy();
    return;
  }
  const timer = setTimeout(() => socket.destroy(), timeoutMs);
  socket.once('close', () => {
    clearTimeout(timer);
    // The socket is free again: another request may be held (see `Faults.maxHeld`).
    release?.();
  });
}

/**
 * A public URL is an http(s) origin, optionally with a path prefix that a proxy serves the mock under
 * (`https://site.example/api`): links are built as `{publicUrl}/_edge/…`. No query, fragment or
 * credentials; trailing slashes are dropped.
 */
function checkPublicUrl(value: string): string {
  const trimmed = value.replace(/\/+$/, '');
  const url = URL.canParse(trimmed) ? new URL(trimmed) : undefined;
  // Its origin and path, and nothing else: no query, fragment or credentials survive this comparison.
  if (!url || !isHttpOrigin(url.origin) || `${url.origin}${url.pathname.replace(/\/+$/, '')}` !== trimmed) {
    throw new Error(
      `--public-url must be an origin such as http://localhost:4010 (scheme, host, optional port), optionally with a path prefix such as https://site.example/api, not "${value}".`,
    );
  }
  return trimmed;
}

export { banner } from './banner.js';
export {
  DEFAULT_TIMEOUT_MS,
  FAULT_HEADER,
  faultOptions,
  type FaultOptions,
  type FaultRule,
  type FaultSettings,
  type FaultSettingsView,
} from './faults/settings.js';
export { Faults } from './faults/faults.js';
export { createStore, MockStore } from './store/index.js';
export { defaultFixture, parseFixture, FixtureError } from './fixture.js';
