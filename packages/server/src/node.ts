/**
 * The Node adapter: `node:http` (and so Express and Connect) in front of the web-standard core. The
 * Node ↔ Fetch conversion is `@hono/node-server`'s (maintained), not hand-written.
 *
 * @packageDocumentation
 */
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import { fixedBodyOf } from './fixed-body.js';
import { errorResponse } from './errors.js';
import type { ConnectionInfo } from './upstream.js';
import type { VisitorAccess } from './visitor-access.js';

export { nodeFetch, type NodeFetchOptions } from './node-fetch.js';

/** A web-standard handler, such as `va.fetch` or what `va.protect()` returns. */
export type WebHandler = (request: Request, info?: ConnectionInfo) => Response | Promise<Response>;

/** A `node:http` request listener. */
export type NodeListener = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

function infoOf(incoming: { socket?: { remoteAddress?: string | undefined } | null }): ConnectionInfo {
  const address = incoming.socket?.remoteAddress;
  // The visitor's address is the socket's: a header the visitor sent never names it.
  return address ? { clientAddress: address.replace(/^::ffff:/, '') } : {};
}

/**
 * An answer the core built from bytes it holds (the proxy's, the error envelopes) is written straight
 * to Node's response, without reading its stream back; any other answer goes through the conversion.
 */
function sendFixed(response: Response, outgoing: ServerResponse): Response {
  const body = fixedBodyOf(response);
  if (body === undefined || outgoing.headersSent) return response;
  const headers: OutgoingHttpHeaders = {};
  for (const [name, value] of response.headers) if (name !== 'set-cookie') headers[name] = value;
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers['set-cookie'] = cookies;
  const noBody = body === null || response.status === 204 || response.status === 304;
  if (!noBody) headers['content-length'] = typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength;
  outgoing.writeHead(response.status, headers);
  outgoing.end(noBody ? undefined : body);
  return RESPONSE_ALREADY_SENT;
}

/**
 * A `node:http` listener for a web-standard handler (or a whole `VisitorAccess`, answered by its `fetch`).
 *
 * @example
 * ```ts
 * import { createServer } from 'node:http';
 * import { toNodeHandler } from '@visitor-access/server/node';
 * createServer(toNodeHandler(va)).listen(3000);
 * ```
 */
export function toNodeHandler(handler: WebHandler | Pick<VisitorAccess, 'fetch'>): NodeListener {
  const web: WebHandler = typeof handler === 'function' ? handler : (request, info) => handler.fetch(request, info);
  const listener = getRequestListener(
    async (request, env) => sendFixed(await web(request, infoOf(env.incoming)), env.outgoing as ServerResponse),
    {
      // Leave the process's Request and Response alone.
      overrideGlobalObjects: false,
      // A request Node could parse but not turn into a URL (a backslash in the target, a broken Host) is
      // the client's mistake; anything else thrown (the site's own handler failing) is the server's.
      errorHandler: (error) =>
        (error as Error | undefined)?.name === 'RequestError'
          ? errorResponse(400, 'invalid_request', 'The request could not be read.')
          : errorResponse(500, 'internal_error', 'The server failed to answer this request.'),
    },
  );
  return (req, res) => listener(req, res);
}

function pathOf(url: string): string | undefined {
  try {
    // The same reading as the conversion's: an absolute-form target is a URL, anything else a path.
    return /^https?:\/\//i.test(url) ? new URL(url).pathname : new URL('http://localhost' + url).pathname;
  } catch {
    return undefined;
  }
}

/** An Express / Connect `next`. */
export type NextFunction = (error?: unknown) => void;

/**
 * Express / Connect middleware: answers the API under the prefix through the proxy and passes
 * every other request on. Mount it before any body parser (it reads the raw body, 64 KiB at most).
 *
 * @example
 * ```ts
 * import express from 'express';
 * import { nodeMiddleware, toNodeHandler } from '@visitor-access/server/node';
 * const app = express();
 * app.use(nodeMiddleware(va));
 * app.get('/lessons/1', toNodeHandler(va.protect({ handle: 'gharart', page: 'masterclass' }, () => new Response('…'))));
 * ```
 */
export function nodeMiddleware(
  va: Pick<VisitorAccess, 'fetch' | 'prefix'>,
): (req: IncomingMessage & { originalUrl?: string }, res: ServerResponse, next: NextFunction) => void {
  const listener = toNodeHandler(va);
  return (req, res, next) => {
    // Express rewrites `req.url` under a mount path; the proxy matches the whole path.
    const pathname = pathOf(req.originalUrl ?? req.url ?? '');
    if (pathname === undefined || (pathname !== va.prefix && !pathname.startsWith(va.prefix + '/'))) {
      next();
      return;
    }
    if (req.originalUrl !== undefined) req.url = req.originalUrl;
    listener(req, res).catch(next);
  };
}
