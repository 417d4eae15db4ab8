// CORS: the API answers the origins a handle allows (and pages on this machine); the development API
// answers pages on this machine only.
import { isLocalOrigin } from '../net.js';
import type { MockStore } from '../store/index.js';

// x-mock-fault: a page can tell an injected fault from a real one (faults.ts).
const EXPOSED = 'x-request-id, retry-after, idempotent-replayed, x-mock-fault';

/** Who may read an answer cross-origin: the API's rule, or the development API's. */
export type CorsPolicy = { kind: 'api'; store: MockStore; handle?: string | undefined } | { kind: 'dev'; self: string };

function allowed(policy: CorsPolicy, origin: string): boolean {
  if (policy.kind === 'dev') return isLocalOrigin(origin) || origin === policy.self;
  return policy.store.isAllowedOrigin(origin, policy.handle);
}

/** Adds CORS headers for allowed origins (and `Vary: Origin` always). */
export function applyCors(policy: CorsPolicy, request: Request, headers: Headers): void {
  headers.append('vary', 'Origin');
  const origin = request.headers.get('origin');
  if (!origin || !allowed(policy, origin)) return;
  headers.set('access-control-allow-origin', origin);
  headers.set('access-control-allow-credentials', 'true');
  headers.set('access-control-expose-headers', EXPOSED);
}

/** Answers a CORS preflight: 204, with the CORS headers only for allowed origins. */
export function preflight(policy: CorsPolicy, request: Request, requestId: string): Response {
  const headers = new Headers({ 'x-request-id': requestId });
  applyCors(policy, request, headers);
  if (headers.has('access-control-allow-origin')) {
    headers.set('access-control-allow-methods', 'GET, POST, PUT, DELETE, OPTIONS');
    const asked = request.headers.get('access-control-request-headers');
    headers.set(
      'access-control-allow-headers',
      asked && /^[A-Za-z0-9 ,_-]{1,500}$/.test(asked)
        ? asked
        : 'content-type, idempotency-key, authorization, x-mock-fault',
    );
    headers.set('access-control-max-age', '600');
  }
  return new Response(null, { status: 204, headers });
}
