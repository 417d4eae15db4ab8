import type { ErrorCode } from './errors.js';
import type { RouteId } from './route-table.js';

/**
 * What a route documents beyond its runtime shape: kept apart from `routes` so it never reaches a browser bundle.
 *
 * @example
 * ```ts
 * import { routeDocs, type RouteDoc } from '@visitor-access/contract/openapi';
 * const doc: RouteDoc = routeDocs.refund;
 * doc.errors.includes('already_refunded'); // true
 * ```
 */
export interface RouteDoc {
  readonly summary: string;
  readonly description?: string;
  readonly tag: 'auth' | 'pages' | 'access' | 'refunds' | 'group-buys' | 'edge' | 'support';
  /**
   * Error codes particular to the route. The codes every route of its kind can answer (a write's
   * 415, 422 and 503, a visitor route's 401…) are added by {@link routeErrors}, not restated here.
   */
  readonly errors: readonly ErrorCode[];
}

/**
 * Summary, description, tag and documented error codes of every route, for the OpenAPI document and tests.
 *
 * @example
 * ```ts
 * import { routeDocs } from '@visitor-access/contract/openapi';
 * routeDocs.checkout.errors; // ['invalid_request', 'visitor_unauthorized', …]
 * ```
 */
export const routeDocs: Record<RouteId, RouteDoc> = {
  requestMagicLink: {
    tag: 'auth',
    summary: 'Request a magic link',
    description:
      'Emails a sign-in link (valid 15 minutes) and a 6-digit code. The answer is the same whether or not the email is known. Throttled to 5 requests per email per 15 minutes.',
    errors: ['invalid_redirect_url', 'rate_limited'],
  },
  verify: {
    tag: 'auth',
    summary: 'Verify a magic link or sign-in code',
    description:
      'Consumes the token (or the code; either consumes both) and sets the `_10x_visitor` session cookie. Visitors are created on first verify. Retried with its `Idempotency-Key` (an answer lost on the way), it answers the same visitor and sets the same cookie again.',
    errors: ['invalid_magic_link', 'expired_magic_link', 'used_magic_link', 'rate_limited'],
  },
  me: {
    tag: 'auth',
    summary: 'The signed-in visitor',
    errors: [],
  },
  logout: {
    tag: 'auth',
    summary: 'Sign out',
    description: 'Revokes the session on the server and clears the cookie. Succeeds without a session too.',
    errors: [],
  },
  checkAccess: {
    tag: 'pages',
    summary: 'Check access to a page',
    description:
      'PUBLIC pages answer `public`. FREE_WITH_LOGIN and PAID pages need a session (`visitor_auth_required`); PAID pages then need an active purchase (`purchase_required`, else `entitled`). Free-login visits are recorded in the access list.',
    errors: ['page_not_found', 'rate_limited'],
  },
  checkout: {
    tag: 'pages',
    summary: 'Start a checkout for a paid page',
    description:
      'Checks, in order: session (401 visitor_unauthorized), page (404 page_not_found), mode PAID (409 page_not_paid), Stripe connected (409 connect_not_configured), not already entitled (409 already_entitled), URLs on allowed origins (400 invalid_redirect_url). Redirect the visitor to `url`.',
    errors: [
      'page_not_found',
      'page_not_paid',
      'connect_not_configured',
      'already_entitled',
      'invalid_redirect_url',
      'rate_limited',
    ],
  },
  listAccess: {
    tag: 'access',
    summary: "The visitor's access history",
    description:
      "Paid pages, free-login pages and allowlisted files, with resource type, access type and status, newest first. A request whose `Origin` is one creator's allowed origin sees only that creator's items.",
    errors: [],
  },
  refund: {
    tag: 'refunds',
    summary: "Refund a visitor's purchase (creator only)",
    description:
      "Initiates a Stripe refund and revokes the visitor's access at once. A second refund answers 409 already_refunded.",
    errors: ['page_not_found', 'purchase_not_found', 'already_refunded', 'rate_limited'],
  },
  getGroupBuy: {
    tag: 'group-buys',
    summary: 'A group buy',
    errors: ['group_buy_not_found'],
  },
  expressInterest: {
    tag: 'group-buys',
    summary: 'Express interest in a group buy',
    description: 'One interest per visitor: repeating it changes nothing. Reaching the target sets `target_reached`.',
    errors: ['group_buy_not_found'],
  },
  myInterest: {
    tag: 'group-buys',
    summary: "The visitor's interest in a group buy",
    errors: ['group_buy_not_found'],
  },
  withdrawInterest: {
    tag: 'group-buys',
    summary: 'Withdraw interest in a group buy',
    errors: ['group_buy_not_found'],
  },
  edgeAccess: {
    tag: 'edge',
    summary: 'The current visitor and their access, as the edge sees it',
    description:
      "Never 401: without a session `visitor` is null and `items` is empty. A request whose `Origin` is one creator's allowed origin sees only that creator's items.",
    errors: [],
  },
  magicLinkLanding: {
    tag: 'edge',
    summary: 'The magic-link landing page (HTML)',
    description:
      'Never consumes the token: it answers a page with one Continue button whose click POSTs to verify and then goes to `returnTo`. Expired, used and unknown links answer a page (status 401) with a way to ask for a new link.',
    errors: [],
  },
  supportReport: {
    tag: 'support',
    summary: 'Report a problem to support',
    description: 'Include the request ID of the failing call when you have it.',
    errors: ['rate_limited'],
  },
  contentReport: {
    tag: 'support',
    summary: 'Report abusive content',
    errors: ['rate_limited'],
  },
};

/**
 * Every error code a route documents: its own ({@link RouteDoc.errors}) plus those that follow from its
 * kind. Every write (a POST or DELETE) can answer `invalid_request` (a bad body or `Idempotency-Key`),
 * `payload_too_large` (a body over 64 KiB), `unsupported_media_type` (a body that is not JSON), `idempotency_key_reused` and
 * `storage_unavailable`; a route with path parameters, a query or a body `invalid_request`; a visitor
 * route `visitor_unauthorized`; a creator route `creator_unauthorized` and `forbidden`; and every route
 * 503 `service_unavailable` (the service is down for a moment and nothing changed: retry it). The
 * OpenAPI document and the mock's conformance test both read this list.
 *
 * @example
 * ```ts
 * import { routes } from '@visitor-access/contract';
 * import { routeErrors } from '@visitor-access/contract/openapi';
 * routeErrors(routes.logout); // ['invalid_request', 'payload_too_large', 'unsupported_media_type', 'idempotency_key_reused', 'storage_unavailable', 'service_unavailable']
 * ```
 */
export function routeErrors(route: {
  readonly id: string;
  readonly method: string;
  readonly auth: string;
  readonly params?: unknown;
  readonly query?: unknown;
  readonly body?: unknown;
}): ErrorCode[] {
  const codes = new Set<ErrorCode>();
  if (route.auth === 'visitor') codes.add('visitor_unauthorized');
  if (route.auth === 'creator') {
    codes.add('creator_unauthorized');
    codes.add('forbidden');
  }
  // The landing answers a page for people, whatever its token: no JSON errors.
  const html = route.id === 'magicLinkLanding';
  if (!html && (route.params || route.query || route.body)) codes.add('invalid_request');
  for (const code of routeDocs[route.id as RouteId].errors) codes.add(code);
  if (route.method !== 'GET') {
    for (const code of [
      'invalid_request',
      'payload_too_large',
      'unsupported_media_type',
      'idempotency_key_reused',
      'storage_unavailable',
    ] as const)
      codes.add(code);
  }
  // Any server can be down for a moment; nothing changed, and clients retry it.
  codes.add('service_unavailable');
  return [...codes];
}
