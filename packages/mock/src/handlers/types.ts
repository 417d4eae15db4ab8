// The types every handler, layer and entry shares: the options of the handlers, the context of one
// request, the layers around API requests, and the route entries both routers see. Types only: any module
// (the pipeline, the fault injection, the pages) imports them without importing the pipeline.
import type * as z from 'zod/mini';
import type { routes, RouteId, routeMeta } from '@visitor-access/contract';
import type { Faults } from '../faults/faults.js';
import type { ConnectionFault } from '../faults/layer.js';
import type { VisitorRecord } from '../records.js';
import type { MockStore } from '../store/index.js';
import type { Answering } from './respond.js';

/** Options of {@link createHandlers}. */
export interface HandlerOptions {
  /** The state the handlers read and change. */
  store: MockStore;
  /**
   * The origin the API is served from, e.g. `http://localhost:4010`. Handlers then only match requests to
   * that origin (MSW); without it they match the API paths on any origin.
   */
  apiOrigin?: string;
  /**
   * The mock's public URL: links in emails, the checkout `url`, the mock's own redirect origin (this
   * URL's origin), and whether cookies are `Secure`. It may end in a path prefix when a proxy serves the
   * mock under one (`https://site.example/api`): links and the landing page's own calls then carry the
   * prefix, while the mock still answers at its root (the proxy strips the prefix). The standalone
   * server always sets it (`--public-url`, default `http://localhost:PORT`), so the `Host` header never
   * decides any of these. Default: `apiOrigin`, else (in-process MSW only) the origin the calling code used.
   */
  publicUrl?: string;
  /** Send `SameSite=None; Secure` cookies, for pages embedded on another site. Default: `SameSite=Lax`. */
  crossSiteCookies?: boolean;
  /**
   * Leave `HttpOnly` off the session cookie. Only for the service worker: a worker cannot set cookies,
   * so MSW copies them into `document.cookie`, which refuses `HttpOnly` cookies.
   */
  scriptReadableCookie?: boolean;
  /**
   * Hand `Set-Cookie` to MSW's cookie store, which sends it back on later intercepted requests of this
   * process, like one browser would. The service worker entry needs it (it is how the cookie reaches
   * `document.cookie`); in Node it is opt-in (`createMockServer({ cookieJar: true })`), because that
   * store is shared by every request of the process.
   */
  cookieStore?: boolean;
  /**
   * The client's IP address, for per-IP throttles and the development API's loopback rule. Set by the
   * standalone server (behind a network): the development API then answers loopback addresses only, and
   * a request whose address is unknown is refused. Without it (MSW in a browser or a test) every request
   * comes from this process.
   */
  clientIp?: (request: Request) => string | undefined;
  /**
   * The `Host` header as the client sent it. Set by the standalone server: the development API then
   * answers only `localhost`, `127.0.0.1`, `[::1]` (any port) and the public URL's host (DNS rebinding).
   */
  requestHost?: (request: Request) => string | undefined;
  /**
   * Layers around every `/v2` and `/_edge` request (not `/_mock`), outermost first: each gets the request's
   * context and `next()`, and may answer by itself (fault injection, latency).
   */
  layers?: Layer[];
  /**
   * The mock's fault injection (`X-Mock-Fault`, `--latency`, `--fail-rate`, `/_mock/api/faults`): applied
   * before `layers`. `createRoutes` creates one (no defaults, the header only) when it is left out.
   */
  faults?: Faults;
  /**
   * What `timeout` and `reset` faults do to the connection. The standalone server acts on the socket;
   * without it (MSW) a reset is a network error and a timeout is one after `timeoutMs`.
   */
  connectionFault?: ConnectionFault;
  /** Where the cause of a failed save goes. Default: stderr. */
  onStorageError?: (error: Error, requestId: string) => void;
}

/** Everything a handler gets about one request. */
export interface Ctx extends Answering {
  request: Request;
  url: URL;
  store: MockStore;
  options: HandlerOptions;
  /**
   * The mock's public URL (see {@link HandlerOptions.publicUrl}), with its path prefix if it has one
   * (`https://site.example/api`): the base of every link the mock makes.
   */
  publicUrl: string;
  /** The public URL's origin (`https://site.example`): the mock's own origin for redirects and CORS. */
  publicOrigin: string;
  clientIp: string | undefined;
  /** The session cookie's value, if the request carries one. */
  session: string | undefined;
  /** The request's `Origin` header. */
  origin: string | null;
  /** Path parameters as matched (not yet validated). */
  params: Record<string, string>;
  /** The fault injected into this request, as the request log names it (e.g. `503`, `latency=200`). */
  fault?: string | undefined;
}

/** A layer around API requests: answer by itself, or call `next()` (and change what it answers). */
export type Layer = (ctx: Ctx, next: () => Promise<Response>) => Promise<Response>;

type Out<S> = S extends z.ZodMiniType ? z.output<S> : undefined;
type Route<Id extends RouteId> = (typeof routes)[Id];

/** What an API handler gets: the context plus the validated input and who asks, per the contract. */
export interface ApiCtx<Id extends RouteId> extends Ctx {
  route: Route<Id>;
  input: { params: Out<Route<Id>['params']>; query: Out<Route<Id>['query']>; body: Out<Route<Id>['body']> };
  /** The signed-in visitor: always there on `visitor` routes, maybe on `visitor-optional` ones. */
  visitor: (typeof routeMeta)[Id]['auth'] extends 'visitor' ? VisitorRecord : VisitorRecord | null;
  /** The handle of the creator JWT, on creator routes. */
  creator: (typeof routeMeta)[Id]['auth'] extends 'creator' ? { handle: string } : undefined;
  /** The `Set-Cookie` value for a new session (or `null` to clear it), as this mock sets cookies. */
  cookie(value: string | null): string;
}

/** The handler of one contract route. */
export type ApiHandler<Id extends RouteId> = (ctx: ApiCtx<Id>) => Response | Promise<Response>;

/** How a handler wants its input: `raw` leaves params and query unvalidated (the HTML landing page). */
export interface ApiHandlerSpec<Id extends RouteId> {
  handler: ApiHandler<Id>;
  raw?: boolean;
}

/** A development-API route (`/_mock`): not in the contract, validated the same way. */
export interface DevRouteDef<P, Q, B> {
  method: 'GET' | 'POST' | 'PUT';
  /** Path template with `{name}` placeholders. */
  path: string;
  params?: P;
  query?: Q;
  body?: B;
  run(ctx: Ctx & { input: { params: Out<P>; query: Out<Q>; body: Out<B> } }): Response | Promise<Response>;
  /**
   * Run a write outside the store's lock and unit of work: for a route that changes nothing itself and
   * waits on other requests to the mock (the scanner), which must not wait for its lock.
   */
  unlocked?: boolean;
}

/** A development-API route of any input (see {@link devRouteOf}). */
export type DevRoute = DevRouteDef<z.ZodMiniType | undefined, z.ZodMiniType | undefined, z.ZodMiniType | undefined>;

/** One route as both routers see it. */
export interface RouteEntry {
  method: string;
  /** Path template with `{name}` placeholders. */
  path: string;
  kind: 'api' | 'dev';
  resolve(info: RequestInfo): Promise<Response>;
}

/** What a router hands a resolver. */
export interface RequestInfo {
  request: Request;
  params: Record<string, unknown>;
  cookies?: Record<string, string>;
  direct?: boolean;
  /** The request's URL, when the router already parsed it (parsed again otherwise). */
  url?: URL;
}
