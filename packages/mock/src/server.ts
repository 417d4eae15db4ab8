/**
 * The standalone mock server: the same MSW handlers behind a real HTTP port, for browsers, other
 * languages and end-to-end tests. Built on `@hono/node-server` (the Node ↔ Fetch adapter) and MSW's
 * `getResponse`.
 *
 * @packageDocumentation
 */
import type { IncomingMessage, OutgoingHttpHeaders, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import { getResponse, type HttpHandler } from 'msw';
import type { Fixture } from './fixture.js';
import {
  directRoutes,
  error as errorResponse,
  finish,
  newRequestId,
  responseText,
  type Ctx,
} from './handlers/context.js';
import { createHandlers } from './handlers/index.js';
import { indexPage } from './html.js';
import { loadDataFile, saveDataFile } from './persistence.js';
import { nodeCrypto } from './node-crypto.js';
import { MockStore } from './store.js';

export { DataFileError } from './persistence.js';

/** Options of {@link startServer}. */
export interface StartServerOptions {
  /** Port to listen on; 0 picks a free one. Default 4010. */
  port?: number;
  /** Interface to bind. Default `127.0.0.1`. */
  host?: string;
  /** Handles and pages to start from. Default: the fixture of `product-spec.md`. */
  fixture?: Fixture;
  /** Keep state in this JSON file across restarts (written atomically after every change). */
  dataFile?: string;
  /** Log one line per request (method, path, status, ms, request ID): `true` for stdout, or a function. */
  log?: boolean | ((line: string) => void);
  /** Send `SameSite=None; Secure` session cookies (pages embedded on another site). */
  crossSiteCookies?: boolean;
  /** A store to serve instead of a new one (tests, benchmarks). */
  store?: MockStore;
  /**
   * How requests reach the handlers. `'direct'` (default) matches the mock's own route handlers by their
   * path and calls their resolvers, handing anything else to MSW's `getResponse`; `'msw'` sends every
   * request through `getResponse`. Both run the same handlers; direct skips MSW's per-request machinery.
   */
  dispatch?: 'direct' | 'msw';
}

/** A running standalone mock. */
export interface RunningServer {
  /** Base URL, e.g. `http://127.0.0.1:4010`. */
  url: string;
  port: number;
  store: MockStore;
  /** Stops listening and closes open connections. */
  close(): Promise<void>;
}

interface CompiledRoute {
  method: string;
  pattern: RegExp;
  keys: string[];
  resolve: (info: { request: Request; params: Record<string, string>; direct: true }) => Promise<Response>;
}

/**
 * Compiles the leading handlers built by this package (`*` + a plain path) into regular expressions, in
 * array order, matching the way MSW does: `:name` is one segment decoded with `decodeURIComponent`, a
 * trailing slash is optional. Compiling stops at the first other handler, so MSW's order is kept.
 */
function compileDirect(handlers: HttpHandler[]): CompiledRoute[] {
  const compiled: CompiledRoute[] = [];
  for (const handler of handlers) {
    const route = directRoutes.get(handler);
    if (!route || !route.path.startsWith('*/') || /[*?()+]/.test(route.path.slice(1))) break;
    const keys: string[] = [];
    const source = route.path
      .slice(1)
      .split('/')
      .map((seg) => {
        if (seg.startsWith(':')) {
          keys.push(seg.slice(1));
          return '([^/]+)';
        }
        return seg.replace(/[.\\^$|[\]{}]/g, '\\$&');
      })
      .join('/');
    compiled.push({ method: route.method, pattern: new RegExp(`^${source}/?$`), keys, resolve: route.resolve });
  }
  return compiled;
}

async function dispatchDirect(compiled: CompiledRoute[], handlers: HttpHandler[], request: Request, url: URL) {
  for (const route of compiled) {
    if (route.method !== request.method) continue;
    const m = route.pattern.exec(url.pathname);
    if (!m) continue;
    const params: Record<string, string> = {};
    route.keys.forEach((key, i) => (params[key] = decodeURIComponent(m[i + 1]!)));
    return route.resolve({ request, params, direct: true });
  }
  return getResponse(handlers, request);
}

/**
 * The adapter's request with its body read into memory. MSW clones every request it matches; cloning a
 * streamed body tees the stream, which costs more than the whole handler. Our bodies are small JSON, so
 * they are buffered once (and a request without a body gets none).
 */
async function buffered(request: Request, incoming: IncomingMessage, reuseBodiless: boolean): Promise<Request> {
  const method = request.method;
  const hasBody =
    method !== 'GET' &&
    method !== 'HEAD' &&
    (incoming.headers['transfer-encoding'] !== undefined || Number(incoming.headers['content-length'] ?? 0) > 0);
  // The direct route table never clones: the adapter's lazy request serves as it is.
  if (!hasBody && reuseBodiless) return request;
  if (!hasBody) return new Request(request.url, { method, headers: request.headers });
  return new Request(request.url, { method, headers: request.headers, body: await request.arrayBuffer() });
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
  const dataFile = options.dataFile;
  if (dataFile) {
    if (!loadDataFile(store, dataFile)) saveDataFile(store, dataFile);
  }
  const log = options.log === true ? (line: string) => console.log(line) : options.log || undefined;

  const clientIps = new WeakMap<Request, string>();
  const handlers = createHandlers({
    store,
    ...(options.crossSiteCookies ? { crossSiteCookies: true } : {}),
    clientIp: (request) => clientIps.get(request),
  });
  const direct = options.dispatch === 'msw' ? undefined : compileDirect(handlers);
  let saved = store.revision;
  let baseUrl = '';

  const fetchHandler = async (
    request: Request,
    env: { incoming: IncomingMessage; outgoing: ServerResponse },
  ): Promise<Response> => {
    const started = performance.now();
    const ip = env.incoming.socket.remoteAddress;
    if (ip) clientIps.set(request, ip);
    let response: Response | undefined;
    let url: URL | undefined;
    try {
      url = new URL(request.url);
      const req = await buffered(request, env.incoming, direct !== undefined);
      response = direct ? await dispatchDirect(direct, handlers, req, url) : await getResponse(handlers, req);
    } catch (cause) {
      // Malformed URLs (bad percent-encoding) fail in path matching: that is the client's mistake.
      const requestId = newRequestId();
      const ctx = { requestId } as Ctx;
      response = finish(
        store,
        request,
        url ?? new URL('http://invalid/'),
        requestId,
        started,
        cause instanceof URIError || cause instanceof TypeError
          ? errorResponse(ctx, 'invalid_request', 'The request URL is malformed.')
          : errorResponse(ctx, 'internal_error', 'The mock failed to handle this request; please report it.'),
      );
    }
    if (!response) {
      const requestId = newRequestId();
      const u = url ?? new URL(request.url);
      response =
        request.method === 'GET' && u.pathname === '/'
          ? indexPage(store.pages.values(), baseUrl)
          : errorResponse({ requestId } as Ctx, 'not_found', `There is no route ${request.method} ${u.pathname}.`);
      response = finish(store, request, u, requestId, started, response);
    }
    if (dataFile && store.revision !== saved) {
      // Saved before the client sees the answer: a purchase that was confirmed is on disk.
      saveDataFile(store, dataFile);
      saved = store.revision;
    }
    if (log) {
      const path = url ? url.pathname : request.url;
      log(
        `${request.method} ${path} ${response.status} ${(performance.now() - started).toFixed(1)}ms ${response.headers.get('x-request-id') ?? '-'}`,
      );
    }
    // The adapter streams a standard Response body with a timer between reads; our bodies are small and
    // complete, so we write them in one go (the adapter's documented RESPONSE_ALREADY_SENT escape hatch).
    // A string body goes out in one write with the headers; a Buffer would take a second one.
    const known = responseText.get(response);
    const bytes = known ?? Buffer.from(await response.arrayBuffer());
    const headers: OutgoingHttpHeaders = {};
    response.headers.forEach((value, name) => {
      if (name !== 'set-cookie') headers[name] = value;
    });
    const cookies = response.headers.getSetCookie();
    if (cookies.length) headers['set-cookie'] = cookies;
    headers['content-length'] = typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.byteLength;
    env.outgoing.writeHead(response.status, headers);
    env.outgoing.end(bytes);
    return RESPONSE_ALREADY_SENT;
  };

  const server = createAdaptorServer({ fetch: fetchHandler as never, overrideGlobalObjects: false }) as Server;
  server.keepAliveTimeout = 5000;
  const host = options.host ?? '127.0.0.1';
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
  const port = (server.address() as AddressInfo).port;
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  baseUrl = `http://${shownHost}:${port}`;
  return {
    url: baseUrl,
    port,
    store,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

export { banner } from './banner.js';
export { createStore, MockStore } from './store.js';
export { defaultFixture, parseFixture, FixtureError } from './fixture.js';
