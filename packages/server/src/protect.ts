import { AccessCheckResponse, buildPath, ErrorBody, routes, type PageSummary } from '@visitor-access/contract';
import { sessionCookie } from './cookies.js';
import { errorResponse, isRequestId, newRequestId, PRIVATE_HEADERS } from './errors.js';
import type { ResolvedOptions } from './options.js';
import { callUpstream, upstreamHeaders, type ConnectionInfo } from './upstream.js';

/**
 * The page a content URL belongs to.
 *
 * @example
 * ```ts
 * const target: ProtectedPage = { handle: 'gharart', page: 'masterclass' };
 * ```
 */
export interface ProtectedPage {
  /** The creator's handle, e.g. `gharart`. */
  handle: string;
  /** The page's slug, e.g. `masterclass`. */
  page: string;
}

/** The visitor may see the page. */
export interface AccessGranted {
  hasAccess: true;
  reason: 'public' | 'entitled';
  page: PageSummary;
  requestId: string;
}

/** The visitor may not see the page: the status and envelope `protect()` answers with. */
export interface AccessRefused {
  hasAccess: false;
  /** 401 signed out, 403 not bought, 404 unknown page, 503 the API failed (fail closed). */
  status: 401 | 403 | 404 | 503;
  /** `visitor_auth_required`, `purchase_required`, `page_not_found` or `service_unavailable`. */
  error: string;
  message: string;
  requestId: string;
}

/**
 * The decision for one request and page.
 *
 * @example
 * ```ts
 * const decision = await va.checkAccess(request, { handle: 'gharart', page: 'masterclass' });
 * if (!decision.hasAccess) console.log(decision.status, decision.error);
 * ```
 */
export type AccessDecision = AccessGranted | AccessRefused;

const MESSAGES = {
  visitor_auth_required: 'Sign in to see this content.',
  purchase_required: 'This content is for buyers of the page.',
  page_not_found: 'There is no such page.',
  service_unavailable: 'The access service is not answering right now. Try again in a few seconds.',
} as const;

function refused(status: AccessRefused['status'], error: keyof typeof MESSAGES, requestId?: string): AccessRefused {
  return { hasAccess: false, status, error, message: MESSAGES[error], requestId: requestId ?? newRequestId() };
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  let hex = '';
  for (const byte of new Uint8Array(digest)) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

const MAX_CACHED_GRANTS = 10_000;

/** Access checks against the API, with the opt-in short grant cache. */
export class AccessChecker {
  readonly #options: ResolvedOptions;
  /** SHA-256 of the session cookie + page → grant and its expiry. Refusals are never kept. */
  readonly #grants = new Map<string, { until: number; decision: AccessGranted }>();

  constructor(options: ResolvedOptions) {
    this.#options = options;
  }

  /**
   * The access check's URL for a page, or `undefined` for a handle or slug no page can have. `protect()`
   * works it out once, when it wraps the handler; `checkAccess()` on each call.
   */
  urlFor(target: ProtectedPage): string | undefined {
    try {
      return (
        this.#options.apiBase + buildPath(routes.checkAccess.path, { handle: target.handle, pageSlug: target.page })
      );
    } catch {
      return undefined;
    }
  }

  async check(
    request: Request,
    target: ProtectedPage,
    info?: ConnectionInfo,
    url: string | undefined = this.urlFor(target),
  ): Promise<AccessDecision> {
    const options = this.#options;
    if (url === undefined) return refused(404, 'page_not_found');
    const cookie = sessionCookie(request.headers.get('cookie'));
    let key: string | undefined;
    if (options.grantCacheMs > 0 && cookie !== undefined) {
      key = `${await sha256Hex(cookie)} ${target.handle}/${target.page}`;
      const hit = this.#grants.get(key);
      if (hit && hit.until > Date.now()) return hit.decision;
      if (hit) this.#grants.delete(key);
    }
    const headers = upstreamHeaders(options, request, info);
    // The check is the server's own request: it takes JSON and sends an empty object, whatever the visitor sent.
    headers['content-type'] = 'application/json';
    headers.accept = 'application/json';
    delete headers['idempotency-key'];
    const answer = await callUpstream(options, url, { method: 'POST', headers, body: '{}' });
    if (!answer) return refused(503, 'service_unavailable');
    const upstreamId = answer.headers.get('x-request-id');
    const requestId = isRequestId(upstreamId) ? upstreamId : undefined;
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder().decode(answer.body));
    } catch {
      return refused(503, 'service_unavailable');
    }
    if (answer.status === 200) {
      const parsed = AccessCheckResponse.safeParse(json);
      if (!parsed.success) return refused(503, 'service_unavailable');
      const { hasAccess, reason, page } = parsed.data;
      if (hasAccess && (reason === 'public' || reason === 'entitled')) {
        const decision: AccessGranted = { hasAccess: true, reason, page, requestId: requestId ?? newRequestId() };
        if (key !== undefined) this.#remember(key, decision);
        return decision;
      }
      if (reason === 'visitor_auth_required') return refused(401, 'visitor_auth_required', requestId);
      return refused(403, 'purchase_required', requestId);
    }
    const code = ErrorBody.safeParse(json).data?.error;
    if (answer.status === 404 || code === 'page_not_found' || (answer.status === 400 && code === 'invalid_request')) {
      // An unknown page, or a handle or slug no page can have.
      return refused(404, 'page_not_found', requestId);
    }
    if (answer.status === 401) return refused(401, 'visitor_auth_required', requestId);
    // Throttled, failing or answering something undocumented: fail closed.
    return refused(503, 'service_unavailable');
  }

  #remember(key: string, decision: AccessGranted): void {
    if (this.#grants.size >= MAX_CACHED_GRANTS) {
      const oldest = this.#grants.keys().next().value;
      if (oldest !== undefined) this.#grants.delete(oldest);
    }
    this.#grants.set(key, { until: Date.now() + this.#options.grantCacheMs, decision });
  }
}

/**
 * A refusal page of the creator's own, in place of the envelope (its status is set to the refusal's).
 *
 * @example
 * ```ts
 * const refusal: RefusalHandler = (decision) => new Response(buyPage(decision.error), { headers: { 'content-type': 'text/html' } });
 * ```
 */
export type RefusalHandler = (decision: AccessRefused, request: Request) => Response | Promise<Response>;

/** The answer for a refused request: the creator's page or the envelope, never cached. */
export async function refusalResponse(
  decision: AccessRefused,
  request: Request,
  refusal: RefusalHandler | undefined,
): Promise<Response> {
  if (decision.status === 503 || !refusal) {
    return errorResponse(decision.status, decision.error, decision.message, {
      requestId: decision.requestId,
      ...(decision.status === 503 ? { headers: { 'retry-after': '5' } } : {}),
    });
  }
  return privateResponse(await refusal(decision, request), decision.status);
}

function makePrivate(headers: Headers): void {
  headers.set('cache-control', PRIVATE_HEADERS['cache-control']!);
  const vary = headers.get('vary');
  if (!vary) headers.set('vary', 'Cookie');
  else if (!/(^|,)\s*(cookie|\*)\s*(,|$)/i.test(vary)) headers.set('vary', `${vary}, Cookie`);
}

/**
 * The same answer made `private, no-store` and `Vary: Cookie`: in place when its headers can be
 * changed and its status stays, else a new `Response` (a `fetch()` answer's headers are immutable).
 */
export function privateResponse(response: Response, status = response.status): Response {
  if (status === response.status) {
    try {
      makePrivate(response.headers);
      return response;
    } catch {
      // Immutable headers: copied below.
    }
  }
  const headers = new Headers(response.headers);
  makePrivate(headers);
  return new Response(response.body, { status, statusText: response.statusText, headers });
}
