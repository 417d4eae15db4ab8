import type { ErrorKind } from '../paywall-gate/paywall-gate-machine.js';

/** What the elements need to know about a failure, whatever threw it. */
export interface Failure {
  kind: ErrorKind;
  /** The server's error code, or a client-side one such as `network`. */
  code: string;
  message: string;
  requestId?: string | undefined;
  retryAfter?: number | undefined;
}

// Duck-typed on the SDK's error shape (`code`, `status`, `requestId`, `retryAfter`, `name`) so this
// module does not pull every error class into the bundle.
export function describeFailure(error: unknown): Failure {
  const e = (error ?? {}) as {
    name?: string;
    code?: unknown;
    status?: unknown;
    message?: string;
    requestId?: string;
    retryAfter?: number;
  };
  const message = typeof e.message === 'string' ? e.message : String(error);
  const requestId = typeof e.requestId === 'string' ? e.requestId : undefined;
  if (e.name === 'ConnectionError' || e.name === 'TimeoutError' || error instanceof TypeError) {
    return { kind: 'network', code: 'network', message, requestId };
  }
  const code = typeof e.code === 'string' ? e.code : 'unknown';
  // The server answered, but cannot serve now (503 service_unavailable, storage_unavailable, 5xx):
  // the visitor's connection is fine, so it is not "check your connection".
  const down = typeof e.status === 'number' && e.status >= 500;
  const kind: ErrorKind =
    code === 'page_not_found' || code === 'connect_not_configured' || code === 'rate_limited'
      ? code
      : down
        ? 'unavailable'
        : 'unknown';
  return { kind, code, message, requestId, retryAfter: typeof e.retryAfter === 'number' ? e.retryAfter : undefined };
}

/** The server code of an error, if any. */
export function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}
