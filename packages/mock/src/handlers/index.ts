import { getResponse, http, type HttpHandler } from 'msw';
import { RegExpRouter } from 'hono/router/reg-exp-router';
import type { RouteId } from '@visitor-access/contract';
import { checkAccess, checkout, listAccess, refund } from './pages.js';
import { devRoutes } from './dev-api.js';
import { edgeAccess, magicLinkLanding } from './edge.js';
import { expressInterest, getGroupBuy, myInterest, withdrawInterest } from './group-buys.js';
import { logout, me, requestMagicLink, verify } from './auth.js';
import { answerEarly, apiRoute, devRoute, fallback, logClientClosed, redactPath } from './pipeline.js';
import { responseText, type AnswerCode } from './respond.js';
import type { ApiHandlerSpec, HandlerOptions, RouteEntry } from './types.js';
import { isWrite } from './input.js';
import { contentReport, supportReport } from './support.js';
import { Faults } from '../faults/faults.js';

export type {
  HandlerOptions,
  Layer,
  Ctx,
  ApiCtx,
  ApiHandler,
  ApiHandlerSpec,
  RouteEntry,
  RequestInfo,
} from './types.js';

/**
 * One handler per route of the contract. The type makes it exhaustive: a route added to the contract
 * does not compile until it has its handler here.
 */
export const apiHandlers: { [Id in RouteId]: ApiHandlerSpec<Id> } = {
  // The hottest route first: MSW tries handlers in order.
  checkAccess,
  me,
  requestMagicLink,
  verify,
  logout,
  checkout,
  listAccess,
  refund,
  getGroupBuy,
  expressInterest,
  myInterest,
  withdrawInterest,
  edgeAccess,
  magicLinkLanding,
  supportReport,
  contentReport,
};

/**
 * Every route as both routers see it: the contract's routes (method, path, auth, idempotency and
 * validation from the contract's route table), then the development API.
 *
 * @example
 * ```ts
 * const routes = createRoutes({ store: createStore(), publicUrl: 'http://localhost:4010' });
 * routes.map((r) => `${r.method} ${r.path}`); // ['POST /v2/public/pages/{handle}/{pageSlug}/access-check', …]
 * ```
 */
export function createRoutes(options: HandlerOptions): RouteEntry[] {
  // Every mock answers `X-Mock-Fault`, and its development API can set faults while it runs: the one
  // `Faults` of these options, created here when the caller brought none.
  options.faults ??= new Faults();
  return [
    ...(Object.keys(apiHandlers) as RouteId[]).map((id) => apiRoute(options, id, apiHandlers[id] as never)),
    ...devRoutes.map((def) => devRoute(options, def)),
  ];
}

/** `{name}` → `:name`, MSW's spelling of a path parameter. */
const mswPath = (template: string) => template.replace(/\{(\w+)\}/g, ':$1');

/**
 * The MSW request handlers of the whole mock: every documented route, the development API under
 * `/_mock`, CORS preflights and a `not_found` fallback for unknown paths under `/v2`, `/_edge` and `/_mock`.
 * The same routes serve the service worker (`./browser`), `setupServer` (`./node`) and the standalone
 * server (`./server`).
 *
 * @example
 * ```ts
 * import { setupServer } from 'msw/node';
 * import { createHandlers, createStore } from '@visitor-access/mock';
 * const store = createStore();
 * const server = setupServer(...createHandlers({ store, apiOrigin: 'http://api.test' }));
 * ```
 */
export function createHandlers(options: HandlerOptions): HttpHandler[] {
  return mswHandlers(options, createRoutes(options));
}

function mswHandlers(options: HandlerOptions, entries: RouteEntry[]): HttpHandler[] {
  const prefix = options.apiOrigin ? options.apiOrigin.replace(/\/$/, '') : '*';
  const verbs = { GET: http.get, POST: http.post, PUT: http.put, DELETE: http.delete } as const;
  return [
    ...entries.map((r) => verbs[r.method as keyof typeof verbs](prefix + mswPath(r.path), (info) => r.resolve(info))),
    // HEAD is GET without the body (mail scanners send it before they GET a link).
    ...entries
      .filter((r) => r.method === 'GET')
      .map((r) =>
        http.head(prefix + mswPath(r.path), async (info) => {
          const response = await r.resolve(info);
          return response.type === 'error'
            ? response
            : new Response(null, { status: response.status, headers: response.headers });
        }),
      ),
    ...['/v2/*', '/_edge/*', '/_mock/*'].map((path) => http.all(prefix + path, (info) => fallback(options, info))),
  ];
}

/**
 * The mock as a transport that matches paths itself sees it (the standalone server): one set of route
 * entries behind a router, and what the transport needs to answer a request before or without a route.
 */
export interface MockDispatch {
  /** Answers a request: its route, else a preflight or 404 `not_found` (with the layers on `/v2`, `/_edge`). */
  dispatch(request: Request, url: URL): Promise<Response>;
  /** Whether a request to this method and path would reach a route that reads a body. */
  takesBody(method: string, pathname: string): boolean;
  /** An answer given before any route runs, with a request ID, CORS and a line in the request log. */
  answerEarly(request: Request, started: number, answer: { code: AnswerCode; message: string } | Response): Response;
  /** Logs a request whose client hung up before its answer (status 499); answers its request ID. */
  logClientClosed(request: Request, started: number): string;
  /** A path as logs show it: sign-in tokens replaced by `[redacted]`. */
  redactPath(path: string): string;
  /** The body of a JSON answer built by the mock, when it kept it as text (written without reading the stream). */
  bodyText(response: Response): string | undefined;
}

/**
 * The one dispatch of the standalone server. `direct` (default) matches the route entries with Hono's
 * `RegExpRouter` (`{name}` is one segment, decoded with `decodeURIComponent` and passed as sent when it
 * does not decode; one trailing slash is ignored; HEAD is GET) and calls their resolvers; `msw` sends the
 * request through MSW's `getResponse` and the same entries as {@link createHandlers}.
 *
 * @example
 * ```ts
 * const mock = createDispatch({ store: createStore(), publicUrl: 'http://localhost:4010' });
 * const url = new URL('http://localhost:4010/v2/public/pages/gharart/welcome/access-check');
 * const response = await mock.dispatch(new Request(url, { method: 'POST' }), url);
 * ```
 */
export function createDispatch(options: HandlerOptions, via: 'direct' | 'msw' = 'direct'): MockDispatch {
  const entries = createRoutes(options);
  const router = new RegExpRouter<RouteEntry>();
  for (const entry of entries) router.add(entry.method, entry.path.replace(/\{(\w+)\}/g, ':$1'), entry);
  const find = (
    method: string,
    pathname: string,
  ): { entry: RouteEntry; params: Record<string, string> } | undefined => {
    // One trailing slash is optional, as in MSW's matching.
    const path = pathname.length > 1 && pathname.endsWith('/') ? pathname.slice(0, -1) : pathname;
    const [matches, stash] = router.match(method, path);
    const first = matches[0];
    if (!first) return undefined;
    const [entry, found] = first;
    const params: Record<string, string> = {};
    // A segment that does not decode is passed as sent: the route's validation refuses it in its own
    // documented way (400 for a JSON route, the "link not valid" page for the landing).
    for (const key of Object.keys(found)) {
      const at = (found as Record<string, number | string>)[key]!;
      params[key] = safeDecode(stash ? stash[at as number]! : (at as string));
    }
    return { entry, params };
  };
  const handlers = via === 'msw' ? mswHandlers(options, entries) : [];
  const throughMsw = async (request: Request, url: URL): Promise<Response> =>
    (await getResponse(handlers, decodable(request, url))) ??
    fallback(options, { request, params: {}, direct: true, url });
  return {
    dispatch(request, url) {
      if (via === 'msw') return throughMsw(request, url);
      // HEAD is GET without the body (Node leaves the body out of a HEAD answer).
      const found = find(request.method === 'HEAD' ? 'GET' : request.method, url.pathname);
      if (found) return found.entry.resolve({ request, params: found.params, direct: true, url });
      return fallback(options, { request, params: {}, direct: true, url });
    },
    takesBody: (method, pathname) => isWrite(method) && find(method, pathname) !== undefined,
    answerEarly: (request, started, answer) => answerEarly(options, request, started, answer),
    logClientClosed: (request, started) => logClientClosed(options, request, started),
    redactPath,
    bodyText: (response) => responseText.get(response),
  };
}

/**
 * The request with every path segment that does not decode re-encoded as sent (`%` → `%25`), so that MSW's
 * matching (which decodes segments and throws on a malformed one) sees what the direct router sees: the
 * segment as sent, which the route then refuses in its own documented way.
 */
function decodable(request: Request, url: URL): Request {
  const segments = url.pathname.split('/');
  let changed = false;
  const fixed = segments.map((segment) => {
    try {
      decodeURIComponent(segment);
      return segment;
    } catch {
      changed = true;
      return segment.replaceAll('%', '%25');
    }
  });
  if (!changed) return request;
  const next = new URL(url);
  next.pathname = fixed.join('/');
  return new Request(next, request);
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
