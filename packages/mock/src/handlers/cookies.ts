// The session cookie: reading it from a request, and the Set-Cookie that sets or clears it, with the
// `cookie` package (the one MSW uses). Values pass as they are, neither URI-decoded nor encoded: the mock's
// session tokens are cookie-safe, and what a client sends back is compared exactly.
import { SESSION_COOKIE, SESSION_TTL_SECONDS } from '@visitor-access/contract';
import { parseCookie, stringifySetCookie } from 'cookie';

const verbatim = (value: string) => value;

/** The session cookie's value from the request's `Cookie` header, if sent (the first, if sent twice). */
function sessionCookie(request: Request): string | undefined {
  const header = request.headers.get('cookie');
  return header ? parseCookie(header, { decode: verbatim })[SESSION_COOKIE] : undefined;
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
  return stringifySetCookie(
    {
      name: SESSION_COOKIE,
      value: value ?? '',
      httpOnly: !options.scriptReadable,
      path: '/',
      maxAge: value === null ? 0 : SESSION_TTL_SECONDS,
      // A cross-site cookie must be Secure; a same-site one is Secure when the mock is served over https.
      sameSite: options.crossSite ? 'none' : 'lax',
      secure: options.crossSite || options.secure,
    },
    { encode: verbatim },
  );
}
