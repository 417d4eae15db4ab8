// Why a sign-in cookie did not stick (cookies off, two loopback host names, a third-party API), with
// the approximate public-suffix guess it needs: safe to import without a DOM side effect.

/**
 * Whether this page can keep a cookie at all: a first-party cookie written and read back.
 * `navigator.cookieEnabled` alone is not enough: Chromium and WebKit answer `true` with every
 * cookie blocked (Firefox answers `false`).
 */
export function canKeepCookies(): boolean {
  if (typeof document === 'undefined' || globalThis.navigator?.cookieEnabled === false) return false;
  try {
    document.cookie = 'va_cookie_check=1; path=/; max-age=10; SameSite=Lax';
    const kept = document.cookie.includes('va_cookie_check=1');
    document.cookie = 'va_cookie_check=; path=/; max-age=0; SameSite=Lax';
    return kept;
  } catch {
    // A sandboxed document without its origin: no cookies either.
    return false;
  }
}

/** Why a sign-in cookie did not stick, as far as the page can tell. */
export type CookieTrouble = 'disabled' | 'host' | 'third-party' | 'unknown';

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\]|.+\.localhost)$/;
// Second-level labels under which registrations happen (example.co.uk): enough of the public suffix
// list for the message to name the right cause on the sites creators use, without shipping the list.
const SECOND_LEVEL = /^(co|com|org|net|ac|gov|edu|ne|or|go|gob|nic|ltd|plc|sch|mil)$/;

/** The registrable part of a host name ("www.example.co.uk" → "example.co.uk"), approximately. */
export function siteOf(hostname: string): string {
  if (/^[\d.]+$/.test(hostname) || hostname.startsWith('[') || !hostname.includes('.')) return hostname;
  const labels = hostname.split('.');
  const take = labels.length > 2 && labels.at(-1)!.length === 2 && SECOND_LEVEL.test(labels.at(-2)!) ? 3 : 2;
  return labels.slice(-take).join('.');
}

/**
 * Tells apart why a browser did not keep the session cookie after a successful sign-in: cookies
 * turned off; page and API on two loopback host names (`localhost` vs `127.0.0.1`, which browsers
 * treat as two sites); the API on another site (a third-party cookie the browser blocks); or
 * none of these (`unknown`: a privacy extension, an enterprise policy…).
 *
 * @example
 * ```ts
 * cookieTrouble('http://localhost:5173/', 'http://127.0.0.1:4010', true); // 'host'
 * cookieTrouble('https://shop.example/', 'https://api.other.example', true); // 'third-party'
 * ```
 */
export function cookieTrouble(pageUrl: string, apiUrl: string, cookiesEnabled: boolean): CookieTrouble {
  if (!cookiesEnabled) return 'disabled';
  let page: URL;
  let api: URL;
  try {
    page = new URL(pageUrl);
    api = new URL(apiUrl);
  } catch {
    return 'unknown';
  }
  if (page.hostname !== api.hostname && LOOPBACK.test(page.hostname) && LOOPBACK.test(api.hostname)) return 'host';
  // Browsers compare sites by scheme too: an http page and an https API are two sites.
  if (siteOf(page.hostname) !== siteOf(api.hostname) || page.protocol !== api.protocol) return 'third-party';
  return 'unknown';
}

/**
 * The two ways out of a host-name mismatch on one machine (decision 0054): the page's own address
 * with the API's host name (`pageOnApiHost`), and the API's own address with the page's host name
 * (`apiOnPageHost`). Each keeps its own port: a page served on :5130 is not served on the API's :5110.
 *
 * @example
 * ```ts
 * hostFixes('http://127.0.0.1:5130/post', 'http://localhost:5110');
 * // { pageOnApiHost: 'localhost:5130', apiOnPageHost: '127.0.0.1:5110' }
 * ```
 */
export function hostFixes(pageUrl: string, apiUrl: string): { pageOnApiHost: string; apiOnPageHost: string } {
  try {
    const page = new URL(pageUrl);
    const api = new URL(apiUrl);
    const pageOnApi = new URL(page.origin);
    pageOnApi.hostname = api.hostname;
    const apiOnPage = new URL(api.origin);
    apiOnPage.hostname = page.hostname;
    return { pageOnApiHost: pageOnApi.host, apiOnPageHost: apiOnPage.host };
  } catch {
    return { pageOnApiHost: '', apiOnPageHost: '' };
  }
}
