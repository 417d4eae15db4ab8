// The one place every request passes through. A route of the contract becomes a handler here: its
// method, path, auth, idempotency and request validation are read from the contract's route table, so a
// new route is one contract entry plus one handler function. The same route entries serve MSW (browser,
// setupServer) and the standalone server's direct router.
//
// Stages of an API request (/v2, /_edge), in order:
//   request ID → layers (options.layers: e.g. fault injection) → JSON-only (writes) → body → [writes: the
//   store's lock and one unit of work] → auth → params → creator's handle → Idempotency-Key (replay or
//   422) → query/body → handler → remember the answer → commit (or undo and 503) → CORS, log.
// The development API (/_mock) answers this machine only and takes no layers.
import type * as z from 'zod/mini';
import { routes, type RouteId } from '@visitor-access/contract';
import { nextRequestId } from '../crypto.js';
import { isDevHost, isLocalOrigin, isLoopback } from '../net.js';
import { StorageUnavailableError } from '../store/index.js';
import type { VisitorRecord } from '../records.js';
import { requestSessionCookie, sessionCookieHeader } from './cookies.js';
import { applyCors, preflight, type CorsPolicy } from './cors.js';
import { idempotencyKey, keyedWrite, remember, replay } from './idempotency.js';
import { isWrite, jsonOnly, parseBody, readText, validate } from './input.js';
import { error, failure, type AnswerCode } from './respond.js';
import { faultLayer, mswConnectionFault } from '../faults/layer.js';
import type {
  ApiCtx,
  ApiHandlerSpec,
  Ctx,
  DevRoute,
  DevRouteDef,
  HandlerOptions,
  Layer,
  RequestInfo,
  RouteEntry,
} from './types.js';

/** Declares a development-API route, typing its handler's input from its schemas. */
export function devRouteOf<
  P extends z.ZodMiniType | undefined = undefined,
  Q extends z.ZodMiniType | undefined = undefined,
  B extends z.ZodMiniType | undefined = undefined,
>(def: DevRouteDef<P, Q, B>): DevRoute {
  return def as unknown as DevRoute;
}

/** The contract route whose `{token}` parameter is a secret: logged as `[redacted]`. */
const SECRET_PATHS = Object.values(routes)
  .filter((r) => /\{token\}/.test(r.path))
  .map((r) => new RegExp(`^${r.path.replace(/\{token\}.*$/, '').replace(/[.*+?^$()|[\]\\]/g, '\\$&')}[^/?#]+`));

/** A path for logs: sign-in tokens replaced by `[redacted]` (the request log and stdout never hold one). */
export function redactPath(path: string): string {
  for (const re of SECRET_PATHS) {
    const m = re.exec(path);
    if (m) return `${m[0].slice(0, m[0].lastIndexOf('/') + 1)}[redacted]${path.slice(m[0].length)}`;
  }
  return path;
}

/** The request context shared by every kind of route. */
function baseCtx(options: HandlerOptions, info: RequestInfo): Ctx {
  const { request } = info;
  const url = info.url ?? new URL(request.url);
  const params: Record<string, string> = {};
  for (const [k, v] of Object.entries(info.params)) if (typeof v === 'string') params[k] = v;
  const publicUrl = (options.publicUrl ?? options.apiOrigin ?? url.origin).replace(/\/+$/, '');
  return {
    request,
    url,
    params,
    store: options.store,
    options,
    requestId: nextRequestId(),
    publicUrl,
    publicOrigin: originOf(publicUrl),
    clientIp: options.clientIp?.(request),
    direct: info.direct ?? false,
    cookieStore: options.cookieStore ?? false,
    session: requestSessionCookie(request, info.cookies),
    origin: request.headers.get('origin'),
  };
}

let lastPublicUrl = '';
let lastPublicOrigin = '';
/** The origin of a public URL (`https://site.example/api` → `https://site.example`), parsed once per URL. */
function originOf(publicUrl: string): string {
  if (publicUrl !== lastPublicUrl) {
    lastPublicOrigin = URL.canParse(publicUrl) ? new URL(publicUrl).origin : publicUrl;
    lastPublicUrl = publicUrl;
  }
  return lastPublicOrigin;
}

/** The path prefix of the public URL (`https://site.example/api` → `/api`; a bare origin → ``). */
export function prefixOf(ctx: Pick<Ctx, 'publicUrl' | 'publicOrigin'>): string {
  return ctx.publicUrl.slice(ctx.publicOrigin.length);
}

/** Request ID, CORS and the request log on every answer. */
function finish(ctx: Ctx, started: number, response: Response, policy: CorsPolicy): Response {
  // A network error (an injected reset or timeout, under MSW) has no headers to set: it is only logged.
  if (response.type !== 'error') {
    response.headers.set('x-request-id', ctx.requestId);
    applyCors(policy, ctx.request, response.headers);
  }
  ctx.store.logRequest({
    requestId: ctx.requestId,
    method: ctx.request.method,
    path: redactPath(ctx.url.pathname + ctx.url.search),
    status: response.status,
    durationMs: Math.round((performance.now() - started) * 100) / 100,
    at: ctx.store.now(),
    ...(ctx.fault ? { fault: ctx.fault } : {}),
  });
  return response;
}

/** The layers of an API request: the fault injection first, then the caller's own. */
function layersOf(options: HandlerOptions): Layer[] {
  const own = options.layers ?? [];
  return options.faults ? [faultLayer(options.faults, options.connectionFault ?? mswConnectionFault), ...own] : own;
}

/** Runs `core` inside the layers. */
function layered(layers: Layer[], ctx: Ctx, core: (ctx: Ctx) => Promise<Response>): () => Promise<Response> {
  return layers.reduceRight<() => Promise<Response>>(
    (next, layer) => () => layer(ctx, next),
    () => core(ctx),
  );
}

/** Runs a write in the store's lock and one unit of work; a failed save answers 503 with nothing changed. */
async function inUnit(ctx: Ctx, run: () => Promise<Response>): Promise<Response> {
  if (!isWrite(ctx.request.method)) return run();
  let response: Response;
  try {
    response = await ctx.store.exclusive(run);
  } catch (cause) {
    if (!(cause instanceof StorageUnavailableError)) throw cause;
    (ctx.options.onStorageError ?? defaultStorageError)(cause, ctx.requestId);
    return error(
      ctx,
      'storage_unavailable',
      'The mock could not save this change (its data file could not be written), so nothing changed. Try again.',
    );
  }
  if (ctx.store.purgeDue()) {
    void ctx.store
      .exclusive(() => ctx.store.purge())
      .catch((e: Error) => (ctx.options.onStorageError ?? defaultStorageError)(e, ctx.requestId));
  }
  return response;
}

function defaultStorageError(cause: Error, requestId: string): void {
  const detail = (cause.cause as Error | undefined)?.message ?? cause.message;
  console.error(`[visitor-access-mock] ${requestId}: a change could not be saved and was undone: ${detail}`);
}

async function guarded(ctx: Ctx, run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (cause) {
    // A bug, not bad input: report it plainly rather than hang the client.
    console.error('[visitor-access-mock] handler failed', cause);
    return error(ctx, 'internal_error', 'The mock failed to handle this request; please report it.');
  }
}

/** The scope an Idempotency-Key lives in: who asks, as the route's auth sees them. */
const scopeOf = (auth: string, sessionId: string | undefined, creator: string | undefined) =>
  auth === 'creator' ? `creator:${creator}` : auth === 'none' ? '' : sessionId ? `session:${sessionId}` : '';

/** Builds the route entry of one contract route. */
export function apiRoute<Id extends RouteId>(options: HandlerOptions, id: Id, spec: ApiHandlerSpec<Id>): RouteEntry {
  const route = routes[id];
  const layers = layersOf(options);
  const core = async (ctx: Ctx): Promise<Response> => {
    const write = isWrite(ctx.request.method);
    if (write) {
      const refused = jsonOnly(ctx, ctx.request);
      if (refused) return refused;
    }
    const text = write ? await readText(ctx, ctx.request) : '';
    if (text instanceof Response) return text;
    return inUnit(ctx, async () => {
      // Who asks, first: a replay below is only given to a caller that passes this check now.
      let visitor: VisitorRecord | null = null;
      let sessionId: string | undefined;
      if (route.auth === 'visitor' || route.auth === 'visitor-optional') {
        const found = await ctx.store.sessionForCookie(ctx.session);
        visitor = found?.visitor ?? null;
        sessionId = found?.session.id;
        if (!visitor && route.auth === 'visitor') {
          return error(ctx, 'visitor_unauthorized', 'Sign in first: this needs a visitor session.');
        }
      }
      let creator: { handle: string } | undefined;
      if (route.auth === 'creator') {
        const auth = await ctx.store.verifyCreatorToken(ctx.request.headers.get('authorization'));
        if (!auth.ok) return failure(ctx, auth);
        creator = auth.value;
      }
      const params = route.params && !spec.raw ? validate(ctx, ctx.params, route.params) : ctx.params;
      if (params instanceof Response) return params;
      if (creator && (params as { handle?: string }).handle !== creator.handle) {
        return error(
          ctx,
          'forbidden',
          `This creator token is for "${creator.handle}", not "${(params as { handle?: string }).handle}".`,
        );
      }
      const key = route.idempotent ? idempotencyKey(ctx, ctx.request) : undefined;
      if (key instanceof Response) return key;
      const keyed = key
        ? await keyedWrite(ctx.store, id, scopeOf(route.auth, sessionId, creator?.handle), key, text)
        : undefined;
      if (keyed) {
        const stored = ctx.store.idempotentResponse(keyed.keyHash);
        if (stored) return replay(ctx, ctx.store, keyed, stored);
      }
      const query =
        route.query && !spec.raw ? validate(ctx, Object.fromEntries(ctx.url.searchParams), route.query) : undefined;
      if (query instanceof Response) return query;
      let body: unknown = undefined;
      if (route.body) {
        if (text === '' && route.bodyOptional) body = undefined;
        else {
          const parsed = parseBody(ctx, text, route.body);
          if (parsed instanceof Response) return parsed;
          body = parsed;
        }
      }
      const secure = ctx.publicUrl.startsWith('https:') || ctx.url.protocol === 'https:';
      const apiCtx = Object.assign(ctx, {
        route,
        input: { params, query, body },
        visitor,
        creator,
        cookie: (value: string | null) =>
          sessionCookieHeader(value, {
            secure,
            crossSite: options.crossSiteCookies,
            scriptReadable: options.scriptReadableCookie,
          }),
      }) as unknown as ApiCtx<Id>;
      const response = await spec.handler(apiCtx);
      // Only successes are remembered: a refused write changed nothing, so running it again is safe.
      if (keyed && response.status >= 200 && response.status < 300) await remember(ctx.store, keyed, response);
      return response;
    });
  };
  return {
    method: route.method,
    path: route.path,
    kind: 'api',
    resolve: async (info) => {
      const started = performance.now();
      const ctx = baseCtx(options, info);
      const response = await guarded(ctx, layered(layers, ctx, core));
      const handle = ctx.params.handle;
      return finish(ctx, started, response, { kind: 'api', store: options.store, handle });
    },
  };
}

/** Whether a request may use the development API: this machine, and (for writes) a page of this machine. */
function devRefusal(ctx: Ctx): Response | undefined {
  if (ctx.options.clientIp && !isLoopback(ctx.clientIp)) {
    return error(ctx, 'forbidden', 'The development API answers requests from this machine only.');
  }
  if (ctx.options.requestHost && !isDevHost(ctx.options.requestHost(ctx.request), ctx.publicUrl)) {
    return error(
      ctx,
      'forbidden',
      "The development API answers requests to localhost, 127.0.0.1, [::1] or the mock's public URL only.",
    );
  }
  if (
    isWrite(ctx.request.method) &&
    ctx.origin !== null &&
    !isLocalOrigin(ctx.origin) &&
    ctx.origin !== ctx.publicOrigin
  ) {
    return error(ctx, 'forbidden', `The development API does not take changes from pages on ${ctx.origin}.`);
  }
  return undefined;
}

/** Builds the route entry of a development-API route. */
export function devRoute(options: HandlerOptions, def: DevRoute): RouteEntry {
  const core = async (ctx: Ctx): Promise<Response> => {
    const refused = devRefusal(ctx);
    if (refused) return refused;
    const write = isWrite(ctx.request.method);
    if (write) {
      const wrongType = jsonOnly(ctx, ctx.request);
      if (wrongType) return wrongType;
    }
    const text = write ? await readText(ctx, ctx.request) : '';
    if (text instanceof Response) return text;
    const run = async () => {
      const params = def.params ? validate(ctx, ctx.params, def.params) : ctx.params;
      if (params instanceof Response) return params;
      const query = def.query ? validate(ctx, Object.fromEntries(ctx.url.searchParams), def.query) : undefined;
      if (query instanceof Response) return query;
      const body = def.body ? parseBody(ctx, text, def.body) : undefined;
      if (body instanceof Response) return body;
      return def.run(Object.assign(ctx, { input: { params, query, body } }));
    };
    return def.unlocked ? run() : inUnit(ctx, run);
  };
  return {
    method: def.method,
    path: def.path,
    kind: 'dev',
    resolve: async (info) => {
      const started = performance.now();
      const ctx = baseCtx(options, info);
      const response = await guarded(ctx, () => core(ctx));
      return finish(ctx, started, response, { kind: 'dev', self: ctx.publicOrigin });
    },
  };
}

/**
 * The answer to any path the routes do not know: preflights, and 404 `not_found`. An unknown `/v2` or
 * `/_edge` path gets the layers (faults) too; a preflight never does, so a browser always gets to send
 * the request and see its fault.
 */
export async function fallback(options: HandlerOptions, info: RequestInfo): Promise<Response> {
  const started = performance.now();
  const ctx = baseCtx(options, info);
  const policy = policyOf(options, ctx);
  if (ctx.request.method === 'OPTIONS') {
    const response = preflight(policy, ctx.request, ctx.requestId);
    ctx.store.logRequest({
      requestId: ctx.requestId,
      method: 'OPTIONS',
      path: redactPath(ctx.url.pathname),
      status: 204,
      durationMs: Math.round((performance.now() - started) * 100) / 100,
      at: ctx.store.now(),
    });
    return response;
  }
  const notFound = () =>
    Promise.resolve(
      error(ctx, 'not_found', `There is no route ${ctx.request.method} ${redactPath(ctx.url.pathname)}.`),
    );
  const api = /^\/(v2|_edge)(\/|$)/.test(ctx.url.pathname);
  const response = api ? await guarded(ctx, layered(layersOf(options), ctx, notFound)) : await notFound();
  return finish(ctx, started, response, policy);
}

/** The CORS policy of a path: the development API's, or the API's (with the handle the path names). */
function policyOf(options: HandlerOptions, ctx: Ctx): CorsPolicy {
  return ctx.url.pathname.startsWith('/_mock') || ctx.url.pathname === '/'
    ? { kind: 'dev', self: ctx.publicOrigin }
    : { kind: 'api', store: options.store, handle: handleFromPath(ctx.url.pathname) };
}

/**
 * An answer given before any route runs (the standalone server refusing a body by its size, the index
 * page): the error envelope or `answer`, with a request ID, CORS and a line in the request log.
 */
export function answerEarly(
  options: HandlerOptions,
  request: Request,
  started: number,
  answer: { code: AnswerCode; message: string } | Response,
): Response {
  const ctx = baseCtx(options, { request, params: {}, direct: true });
  const response = answer instanceof Response ? answer : error(ctx, answer.code, answer.message);
  return finish(ctx, started, response, policyOf(options, ctx));
}

/**
 * Records a request whose client hung up before it was answered: status 499 ("client closed request"),
 * with its real method and path. It is not a failure of the mock.
 */
export function logClientClosed(options: HandlerOptions, request: Request, started: number): string {
  const ctx = baseCtx(options, { request, params: {}, direct: true });
  ctx.store.logRequest({
    requestId: ctx.requestId,
    method: request.method,
    path: redactPath(ctx.url.pathname + ctx.url.search),
    status: CLIENT_CLOSED,
    durationMs: Math.round((performance.now() - started) * 100) / 100,
    at: ctx.store.now(),
  });
  return ctx.requestId;
}

/** The request log's status for a request whose client hung up first (nginx's convention). */
export const CLIENT_CLOSED = 499;

/** The handle a path names, for choosing which allowed origins apply. */
const handleFromPath = (pathname: string): string | undefined =>
  /^\/v2\/(?:public\/pages|handles|public\/group-buys)\/([^/]+)\//.exec(pathname)?.[1];
