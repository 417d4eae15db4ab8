// How the elements read a failure. The kinds of error and of link notice are declared here, in the
// shared layer, and the components import them (never the other way round).

/** Why the gate shows an error. */
export type ErrorKind =
  | 'network'
  | 'unavailable'
  | 'page_not_found'
  | 'connect_not_configured'
  | 'cookies_blocked'
  | 'payment_pending'
  | 'rate_limited'
  | 'content_unavailable'
  | 'not_configured'
  | 'unknown';

/** Why a link or code from an email cannot be used. */
export type LinkNotice = 'expired' | 'used' | 'invalid';

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

/**
 * What a failed verify means, by how the visitor verified. An expired or used link or code ends the
 * sign-in alike: a notice, and a new link. An invalid one differs: a link's token is the link, so an
 * invalid token is a notice (`invalid`); a typed code may be mistyped while the emailed code still
 * works, so an invalid code is `wrong` (type it again). `undefined`: not a reading of the link.
 */
export function linkNoticeOf(code: string | undefined, via: 'token'): LinkNotice | undefined;
export function linkNoticeOf(code: string | undefined, via: 'code'): 'expired' | 'used' | 'wrong' | undefined;
export function linkNoticeOf(code: string | undefined, via: 'token' | 'code'): LinkNotice | 'wrong' | undefined;
export function linkNoticeOf(code: string | undefined, via: 'token' | 'code'): LinkNotice | 'wrong' | undefined {
  return code === 'expired_magic_link'
    ? 'expired'
    : code === 'used_magic_link'
      ? 'used'
      : code === 'invalid_magic_link' || code === 'invalid_request'
        ? via === 'token'
          ? 'invalid'
          : 'wrong'
        : undefined;
}
