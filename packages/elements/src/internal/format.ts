// Money and dates in the reader's locale: safe to import without a DOM side effect.

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
