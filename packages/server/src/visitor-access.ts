import { errorResponse } from './errors.js';
import { resolveOptions, type VisitorAccessOptions } from './options.js';
import {
  AccessChecker,
  privateResponse,
  refusalResponse,
  type AccessDecision,
  type ProtectedPage,
  type RefusalHandler,
} from './protect.js';
import { Proxy } from './proxy.js';
import type { ConnectionInfo } from './upstream.js';

/**
 * A content handler: the creator's own code that answers with the protected content.
 *
 * @example
 * ```ts
 * const handler: ContentHandler = () => new Response('<p>Lesson 1</p>', { headers: { 'content-type': 'text/html' } });
 * ```
 */
export type ContentHandler = (request: Request, info?: ConnectionInfo) => Response | Promise<Response>;

/**
 * Options of {@link VisitorAccess.protect}.
 *
 * @example
 * ```ts
 * va.protect(target, handler, { refusal: (d) => new Response(`<h1>${d.status}</h1>`, { headers: { 'content-type': 'text/html' } }) });
 * ```
 */
export interface ProtectOptions {
  /** Answers a refusal (401, 403, 404) with the creator's own page instead of the JSON envelope. */
  refusal?: RefusalHandler;
}

/**
 * The creator's server: the proxy, protected content and access checks, from one configuration.
 *
 * @example
 * ```ts
 * const va = createVisitorAccess({ apiBase: 'https://api.10x.example', siteUrl: 'https://example.com' });
 * export default { fetch: (request: Request) => va.fetch(request) };
 * ```
 */
export interface VisitorAccess {
  /** The prefix the API is served under, e.g. `/api`. */
  readonly prefix: string;
  /** Answers every request: the proxy under the prefix, 404 `not_found` (envelope) for anything else. */
  fetch(request: Request, info?: ConnectionInfo): Promise<Response>;
  /** The proxy's answer for a path under the prefix, `undefined` for any other path (for the site to answer). */
  proxy(request: Request, info?: ConnectionInfo): Promise<Response | undefined>;
  /** Wraps a content handler: it runs only when the visitor has access to the page. */
  protect(
    target: ProtectedPage,
    handler: ContentHandler,
    options?: ProtectOptions,
  ): (request: Request, info?: ConnectionInfo) => Promise<Response>;
  /** The access decision for a request and a page, for uses `protect()` does not cover. */
  checkAccess(request: Request, target: ProtectedPage, info?: ConnectionInfo): Promise<AccessDecision>;
}

function urlOf(request: Request): URL | undefined {
  try {
    // Only the path and query are used: the host the request names never chooses anything.
    return new URL(request.url);
  } catch {
    return undefined;
  }
}

/**
 * Creates the creator's server from its configuration. A wrong option throws a `TypeError` here,
 * at start-up, not on the first visitor.
 *
 * @example
 * ```ts
 * import { createVisitorAccess } from '@visitor-access/server';
 * const va = createVisitorAccess({ apiBase: 'http://localhost:4010', siteUrl: 'http://localhost:3000' });
 * const lesson = va.protect({ handle: 'gharart', page: 'masterclass' }, () => new Response('<p>Lesson 1</p>'));
 * ```
 */
export function createVisitorAccess(options: VisitorAccessOptions): VisitorAccess {
  const resolved = resolveOptions(options);
  const proxy = new Proxy(resolved);
  const checker = new AccessChecker(resolved);

  const proxyOrUndefined = async (request: Request, info?: ConnectionInfo): Promise<Response | undefined> => {
    const url = urlOf(request);
    if (url === undefined || !proxy.owns(url.pathname)) return undefined;
    return proxy.handle(request, url, info);
  };

  return {
    prefix: resolved.prefix,
    proxy: proxyOrUndefined,
    async fetch(request, info) {
      const answer = await proxyOrUndefined(request, info);
      return answer ?? errorResponse(404, 'not_found', 'Nothing is served at this path.');
    },
    protect(target, handler, protectOptions = {}) {
      if (!target || typeof target.handle !== 'string' || typeof target.page !== 'string') {
        throw new TypeError('@visitor-access/server: protect() needs { handle, page }.');
      }
      const page = { handle: target.handle, page: target.page };
      const url = checker.urlFor(page);
      return async (request, info) => {
        const decision = await checker.check(request, page, info, url);
        if (!decision.hasAccess) return refusalResponse(decision, request, protectOptions.refusal);
        return privateResponse(await handler(request, info));
      };
    },
    checkAccess: (request, target, info) => checker.check(request, target, info),
  };
}
