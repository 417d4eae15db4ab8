// Rules of values on the wire that every package applies, written once and without zod, so the
// browser's code (`@visitor-access/contract/lite`) can use them without carrying a schema library.

/**
 * An email address as the platform keys it: trimmed and lower-cased. The `Email` schema applies the
 * same rule before it checks the shape; a store, a mailbox or a per-email counter uses this so two
 * spellings of one address are one visitor.
 *
 * @example
 * ```ts
 * import { normaliseEmail } from '@visitor-access/contract/lite';
 * normaliseEmail(' Buyer@Example.com '); // 'buyer@example.com'
 * ```
 */
export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

/**
 * Whether `value` is exactly an http(s) origin, as `URL` writes one: scheme, host and optional port,
 * lower case, with no path (not even `/`), query, fragment or credentials. A creator's allowed
 * origins, a fixture's origins and the `--origin` of a conformance run are checked with it.
 *
 * @example
 * ```ts
 * import { isHttpOrigin } from '@visitor-access/contract/lite';
 * isHttpOrigin('https://shop.example.com'); // true
 * isHttpOrigin('https://shop.example.com/'); // false: a path
 * isHttpOrigin('ftp://shop.example.com'); // false: not http(s)
 * ```
 */
export function isHttpOrigin(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value;
}
