// Small browser helpers shared by the elements. Everything here is safe to import without a DOM
// side effect.

const IN_APP =
  /FBAN|FBAV|FB_IAB|FBIOS|Instagram|Line\/|GSA\/|Gmail|LinkedInApp|Twitter|MicroMessenger|Snapchat|TikTok|musical_ly|BytedanceWebview|Pinterest/i;

/**
 * Whether a user agent belongs to an in-app browser (Gmail, Instagram, Facebook, LINE, …), where
 * a magic link tapped in the mail app may open in a different browser than this one.
 *
 * @example
 * ```ts
 * isInAppBrowser('Mozilla/5.0 (iPhone) … Instagram 300.0'); // true
 * ```
 */
export function isInAppBrowser(userAgent: string): boolean {
  return IN_APP.test(userAgent);
}

/**
 * Formats an amount in minor units (cents) for a locale, honouring the currency's own number of
 * decimals (JPY has none).
 *
 * @example
 * ```ts
 * formatPrice(1900, 'USD', 'en-US'); // '$19.00'
 * ```
 */
export function formatPrice(minor: number, currency: string, locale?: string): string {
  try {
    const key = `${locale}|${currency}`;
    let format = formats.get(key);
    if (!format) {
      format = new Intl.NumberFormat(locale, { style: 'currency', currency: currency.toUpperCase() });
      formats.set(key, format);
    }
    const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
    // A symbol ending in a neutral sign after Latin letters ("19.00 US$" in Arabic) keeps its sign
    // beside its letters in right-to-left text ("US$", not "$US") with a mark after it.
    return format.format(minor / 10 ** digits).replace(/[A-Z]\p{Sc}$/u, '$&\u200e');
  } catch {
    return `${(minor / 100).toFixed(2)} ${currency.toUpperCase()}`;
  }
}

// A formatter costs far more to make than to use (on a slow phone, tens of milliseconds for the
// first one), and a gate formats its price on every render: one per locale and currency.
const formats = new Map<string, Intl.NumberFormat>();

/**
 * Formats an ISO date for a locale (date only).
 *
 * @example
 * ```ts
 * formatDate('2026-01-02T10:00:00.000Z', 'en-GB'); // '2 Jan 2026'
 * ```
 */
export function formatDate(iso: string, locale?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(date);
  } catch {
    return date.toISOString().slice(0, 10);
  }
}

/** A pragmatic email check: one `@`, a dot in the domain, no spaces. The server has the final word. */
export function isEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) && value.length <= 254;
}

/**
 * The language of an element: its `locale` property, else the nearest `lang` (its own, an
 * ancestor's, `<html lang>`), else English. The page decides, never the browser (decision 0110).
 */
export function languageOf(element: HTMLElement, locale: string | undefined): string {
  return locale || element.closest<HTMLElement>('[lang]')?.lang || 'en';
}

export const storage = {
  get(key: string): string | null {
    try {
      return globalThis.localStorage?.getItem(key) ?? null;
    } catch {
      return null;
    }
  },
  set(key: string, value: string | null): void {
    try {
      if (value === null) globalThis.localStorage?.removeItem(key);
      else globalThis.localStorage?.setItem(key, value);
    } catch {
      // Storage may be blocked (private mode, cookies off): the feature degrades to this tab only.
    }
  },
};

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
 * The two ways out of a host-name mismatch on one machine (decision 0120): the page's own address
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
