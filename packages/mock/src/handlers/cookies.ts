// The session cookie: reading it from a request, and the Set-Cookie that sets or clears it.
import { SESSION_COOKIE, SESSION_TTL_SECONDS } from '@visitor-access/contract';

/** The session cookie's value from the request's `Cookie` header, if sent. */
export function sessionCookie(request: Request): string | undefined {
  const header = request.headers.get('cookie');
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === SESSION_COOKIE) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/**
 * The session cookie of a request: its `Cookie` header, or — under the service worker only — the cookie
 * MSW read from `document.cookie`. A page's request reaches the worker without its `Cookie` header (a
 * forbidden header in browsers), so MSW hands the document's cookies to resolvers separately. Elsewhere
 * MSW's `cookies` is not used: in Node it also holds MSW's own process-wide cookie jar, which must not sign
 * one client of the standalone server in as another.
 */
export function requestSessionCookie(
  request: Request,
  cookies: Record<string, string> | undefined,
): string | undefined {
  const fromHeader = sessionCookie(request);
  if (fromHeader !== undefined || typeof document === 'undefined') return fromHeader;
  return cookies?.[SESSION_COOKIE];
}

/** The `Set-Cookie` value for a new session, or for clearing it (`value` null). */
export function sessionCookieHeader(
  value: string | null,
  options: { secure: boolean; crossSite?: boolean | undefined; scriptReadable?: boolean | undefined },
): string {
  const sameSite = options.crossSite ? 'SameSite=None; Secure' : `SameSite=Lax${options.secure ? '; Secure' : ''}`;
  const maxAge = value === null ? 0 : SESSION_TTL_SECONDS;
  return `${SESSION_COOKIE}=${value ?? ''};${options.scriptReadable ? '' : ' HttpOnly;'} Path=/; Max-Age=${maxAge}; ${sameSite}`;
}
