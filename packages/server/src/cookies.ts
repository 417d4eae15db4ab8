import { parseCookie, parseSetCookie, stringifySetCookie } from 'cookie';
import { SESSION_COOKIE } from '@visitor-access/contract';

const identity = (value: string): string => value;
// RFC 6265 cookie-octet: what a session cookie's value may hold. Anything else is garbage, not sent up.
const COOKIE_OCTETS = /^[\x21\x23-\x2B\x2D-\x3A\x3C-\x5B\x5D-\x7E]{1,4096}$/;

/**
 * The visitor's session cookie from a `Cookie` header, exactly as sent, or `undefined` when there is
 * none or its value is not a valid cookie value. The site's other cookies are never read further.
 *
 * @example
 * ```ts
 * sessionCookie('theme=dark; _10x_visitor=abc'); // 'abc'
 * ```
 */
export function sessionCookie(header: string | null): string | undefined {
  if (!header) return undefined;
  const value = parseCookie(header, { decode: identity })[SESSION_COOKIE];
  return value !== undefined && COOKIE_OCTETS.test(value) ? value : undefined;
}

/**
 * The API's `Set-Cookie` for the session, made the site's own: no `Domain`, `Path=/`, `HttpOnly`,
 * `SameSite=Lax`, `Secure` when the site is https; its value and lifetime as the API set them.
 * Any other cookie the API sets is dropped (`undefined`).
 */
export function siteSessionCookie(setCookie: string, secure: boolean): string | undefined {
  let parsed;
  try {
    parsed = parseSetCookie(setCookie, { decode: identity });
  } catch {
    return undefined;
  }
  if (parsed.name !== SESSION_COOKIE) return undefined;
  const value = parsed.value ?? '';
  if (value !== '' && !COOKIE_OCTETS.test(value)) return undefined;
  return stringifySetCookie(
    {
      name: SESSION_COOKIE,
      value,
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure,
      ...(parsed.maxAge !== undefined && Number.isFinite(parsed.maxAge) ? { maxAge: parsed.maxAge } : {}),
      ...(parsed.expires !== undefined && !Number.isNaN(parsed.expires.getTime()) ? { expires: parsed.expires } : {}),
    },
    { encode: identity },
  );
}

/** Every `Set-Cookie` of a response, one string each. */
export function setCookiesOf(headers: { get(name: string): string | null; getSetCookie?(): string[] }): string[] {
  if (typeof headers.getSetCookie === 'function') return headers.getSetCookie();
  const single = headers.get('set-cookie');
  return single ? [single] : [];
}
