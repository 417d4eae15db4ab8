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
    const format = new Intl.NumberFormat(locale, { style: 'currency', currency: currency.toUpperCase() });
    const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
    return format.format(minor / 10 ** digits);
  } catch {
    return `${(minor / 100).toFixed(2)} ${currency.toUpperCase()}`;
  }
}

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

/** The language of an element: its `locale` property, the nearest `lang`, or the browser's. */
export function languageOf(element: HTMLElement, locale: string | undefined): string {
  return locale || element.closest<HTMLElement>('[lang]')?.lang || globalThis.navigator?.language || 'en';
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
