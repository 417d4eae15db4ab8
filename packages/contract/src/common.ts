import * as z from 'zod/mini';

/** Longest URL the platform accepts in a body or query (redirect targets, checkout URLs). */
export const MAX_URL_LENGTH = 2048;

/**
 * A creator handle as it appears in paths: lower-case letters, digits and hyphens.
 *
 * @example
 * ```ts
 * Handle.parse('gharart');
 * ```
 */
export const Handle = z.string().check(z.regex(/^[a-z0-9](?:[a-z0-9-]{0,62})$/, 'Expected a handle'));

/**
 * A page or group-buy slug as it appears in paths.
 *
 * @example
 * ```ts
 * Slug.parse('masterclass');
 * ```
 */
export const Slug = z.string().check(z.regex(/^[a-z0-9](?:[a-z0-9._-]{0,127})$/, 'Expected a slug'));

/**
 * An email address, trimmed and lower-cased before it is checked.
 *
 * @example
 * ```ts
 * Email.parse(' Buyer@Example.com '); // 'buyer@example.com'
 * ```
 */
export const Email = z.pipe(
  z.pipe(
    z.string().check(z.maxLength(320)),
    z.transform((s: string) => s.trim().toLowerCase()),
  ),
  z.email('Enter a valid email address').check(z.maxLength(254)),
);

/**
 * An ISO-8601 timestamp with a time zone, as the platform sends it.
 *
 * @example
 * ```ts
 * IsoDateTime.parse('2026-01-01T00:00:00.000Z');
 * ```
 */
export const IsoDateTime = z.iso.datetime({ offset: true });

/**
 * An absolute http(s) URL of bounded length.
 *
 * @example
 * ```ts
 * HttpUrl.parse('https://example.com/thanks');
 * ```
 */
export const HttpUrl = z.string().check(
  z.maxLength(MAX_URL_LENGTH),
  z.refine((s) => /^https?:\/\//i.test(s) && URL.canParse(s), 'Expected an absolute http(s) URL'),
);

/**
 * A price in the currency's minor unit (cents).
 *
 * @example
 * ```ts
 * Price.parse(1900);
 * ```
 */
export const Price = z.int().check(z.nonnegative());

/**
 * An upper-case ISO-4217 currency code.
 *
 * @example
 * ```ts
 * Currency.parse('USD');
 * ```
 */
export const Currency = z.string().check(z.regex(/^[A-Z]{3}$/, 'Expected an ISO-4217 currency code'));

/**
 * How a page is gated.
 *
 * @example
 * ```ts
 * PageMode.parse('PAID');
 * ```
 */
export const PageMode = z.enum(['PUBLIC', 'FREE_WITH_LOGIN', 'PAID']);
export type PageMode = z.infer<typeof PageMode>;

/** Path parameters of the page routes. */
export const PageParams = z.object({ handle: Handle, pageSlug: Slug });
/** Path parameters of the group-buy routes. */
export const GroupBuyParams = z.object({ handle: Handle, groupBuySlug: Slug });
