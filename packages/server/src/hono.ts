/**
 * The Hono adapter: the proxy as middleware and `protect()` as a handler, on any runtime Hono runs on.
 *
 * @packageDocumentation
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { ProtectedPage } from './protect.js';
import type { ConnectionInfo } from './upstream.js';
import type { ProtectOptions, VisitorAccess } from './visitor-access.js';

/** How to learn the visitor's address from a Hono context (e.g. `getConnInfo` of your runtime's adapter). */
export type ClientAddressOf = (c: Context) => string | undefined;

/** Options of the Hono adapter. */
export interface HonoAdapterOptions {
  /** The visitor's address for `X-Forwarded-For`; e.g. `(c) => getConnInfo(c).remote.address` from `@hono/node-server/conninfo`. */
  clientAddress?: ClientAddressOf;
}

function infoOf(c: Context, options: HonoAdapterOptions): ConnectionInfo {
  const address = options.clientAddress?.(c);
  return address ? { clientAddress: address } : {};
}

/**
 * Hono middleware: the API under the prefix through the proxy; every other path goes on to the app.
 *
 * @example
 * ```ts
 * import { Hono } from 'hono';
 * import { visitorAccess } from '@visitor-access/server/hono';
 * const app = new Hono();
 * app.use(visitorAccess(va));
 * ```
 */
export function visitorAccess(va: VisitorAccess, options: HonoAdapterOptions = {}): MiddlewareHandler {
  return async (c, next) => {
    const answer = await va.proxy(c.req.raw, infoOf(c, options));
    if (answer) return answer;
    await next();
    return undefined;
  };
}

/**
 * A Hono handler for protected content: the content runs only when the visitor has access.
 *
 * @example
 * ```ts
 * app.get('/lessons/1', protect(va, { handle: 'gharart', page: 'masterclass' }, (c) => c.html('<p>…</p>')));
 * ```
 */
export function protect(
  va: VisitorAccess,
  target: ProtectedPage,
  handler: (c: Context) => Response | Promise<Response>,
  options: ProtectOptions & HonoAdapterOptions = {},
): (c: Context) => Promise<Response> {
  va.protect(target, () => new Response(null)); // checks the target at start-up
  return (c) => va.protect(target, () => handler(c), options)(c.req.raw, infoOf(c, options));
}
