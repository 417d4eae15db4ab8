import { http, type HttpHandler } from 'msw';
import type { RouteId } from '@visitor-access/contract';
import { checkAccess, checkout, listAccess, refund } from './pages.js';
import { devRoutes } from './dev-api.js';
import { edgeAccess, magicLinkLanding } from './edge.js';
import { expressInterest, getGroupBuy, myInterest, withdrawInterest } from './group-buys.js';
import { logout, me, requestMagicLink, verify } from './auth.js';
import { apiRoute, devRoute, fallback } from './pipeline.js';
import type { ApiHandlerSpec, HandlerOptions, RouteEntry } from './types.js';
import { contentReport, supportReport } from './support.js';
import { Faults } from '../faults.js';

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
  const prefix = options.apiOrigin ? options.apiOrigin.replace(/\/$/, '') : '*';
  const verbs = { GET: http.get, POST: http.post, PUT: http.put, DELETE: http.delete } as const;
  const entries = createRoutes(options);
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
