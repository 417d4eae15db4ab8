import { MAX_BODY_BYTES, readLimitedBody } from './body.js';
import { fixedResponse } from './fixed-body.js';
import { setCookiesOf, siteSessionCookie } from './cookies.js';
import { errorResponse, PRIVATE_HEADERS, unavailable } from './errors.js';
import type { ResolvedOptions } from './options.js';
import { forwardedRoutes, matchRoute, type ForwardedRoute } from './routes.js';
import { callUpstream, upstreamHeaders, type ConnectionInfo, type UpstreamAnswer } from './upstream.js';

/** Headers of the API's answer passed down as they are (besides `Set-Cookie` and `Location`, rewritten). */
const PASSED_DOWN = ['content-type', 'x-request-id', 'retry-after', 'idempotent-replayed'] as const;

/** Where a `Location` on the API's origin goes: the same path under the site's prefix. */
export function rewriteLocation(options: ResolvedOptions, location: string): string {
  let url: URL;
  try {
    url = new URL(location, options.apiBase + '/');
  } catch {
    return location;
  }
  const base = options.apiBasePath;
  if (url.origin !== options.apiOrigin) return location;
  if (base !== '' && url.pathname !== base && !url.pathname.startsWith(base + '/')) return location;
  return options.siteOrigin + options.prefix + url.pathname.slice(base.length) + url.search + url.hash;
}

/** The answer to send down for the API's answer. */
export function downstream(options: ResolvedOptions, answer: UpstreamAnswer): Response {
  if (answer.status >= 500) {
    const retryAfter = Number(answer.headers.get('retry-after'));
    return unavailable(Number.isInteger(retryAfter) && retryAfter > 0 && retryAfter <= 3600 ? retryAfter : 5);
  }
  const headers = new Headers(PRIVATE_HEADERS);
  for (const name of PASSED_DOWN) {
    const value = answer.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  for (const setCookie of setCookiesOf(answer.headers)) {
    const own = siteSessionCookie(setCookie, options.secure);
    if (own !== undefined) headers.append('set-cookie', own);
  }
  const location = answer.headers.get('location');
  if (location !== null) headers.set('location', rewriteLocation(options, location));
  const noBody = answer.status === 204 || answer.status === 304 || answer.status < 200;
  const body = answer.body instanceof Uint8Array ? answer.body : new Uint8Array(answer.body);
  return fixedResponse(noBody ? null : body, { status: answer.status, headers });
}

/** The proxy: the visitor routes of the contract under `prefix`, nothing else. */
export class Proxy {
  readonly #options: ResolvedOptions;
  readonly #table: ForwardedRoute[];

  constructor(options: ResolvedOptions) {
    this.#options = options;
    this.#table = forwardedRoutes(options.devMockCheckout);
  }

  /** Whether a path is under the prefix (the prefix itself included). */
  owns(pathname: string): boolean {
    const prefix = this.#options.prefix;
    return pathname === prefix || pathname.startsWith(prefix + '/');
  }

  /** Answers a request whose path is under the prefix. */
  async handle(request: Request, url: URL, info?: ConnectionInfo): Promise<Response> {
    const options = this.#options;
    const rest = url.pathname.slice(options.prefix.length);
    const match = matchRoute(this.#table, request.method, rest);
    if (!match) {
      await request.body?.cancel().catch(() => {});
      return errorResponse(404, 'not_found', `No visitor route answers ${request.method} ${options.prefix}${rest}.`);
    }
    let body: Uint8Array<ArrayBuffer> | undefined;
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      let read;
      try {
        read = await readLimitedBody(request, MAX_BODY_BYTES, options.timeoutMs);
      } catch {
        return errorResponse(400, 'invalid_request', 'The request body could not be read.');
      }
      if (!read.ok && read.reason === 'too_large') {
        return errorResponse(413, 'payload_too_large', `Request bodies are limited to ${MAX_BODY_BYTES} bytes.`);
      }
      if (!read.ok) {
        return errorResponse(408, 'request_timeout', 'The request body did not arrive in time.');
      }
      body = read.body;
    }
    const target = options.apiBase + match.path + url.search;
    // Belt and braces: whatever the path held, the request goes to the API's origin and the matched path.
    const check = new URL(target);
    if (check.origin !== options.apiOrigin || check.pathname !== options.apiBasePath + match.path) {
      return errorResponse(404, 'not_found', `No visitor route answers ${request.method} ${options.prefix}${rest}.`);
    }
    const answer = await callUpstream(options, target, {
      method: request.method,
      headers: upstreamHeaders(options, request, info),
      body,
    });
    if (!answer) return unavailable();
    return downstream(options, answer);
  }
}
