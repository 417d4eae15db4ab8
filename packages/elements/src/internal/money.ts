// Apart from `analytics.ts`, which the script-tag bundles load with the SDK (decision 0153): the
// elements compute an event's value when it happens.

/** A price in minor units (cents) as the major-unit number analytics tools expect (1900 USD → 19). */
export function majorUnits(minor: number, currency: string): number {
  let digits = 2;
  try {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    // An unknown currency code: cents, as most currencies have.
  }
  return minor / 10 ** digits;
}
