import * as z from 'zod/mini';
import { EMAIL, ISO_DATETIME, httpUrlCheck, nonNegativeInt, redirectUrlCheck } from './checks.js';
import { normaliseEmail } from './values.js';

export { normaliseEmail };

/**
 * Longest URL the platform accepts in a body or query (redirect targets, checkout URLs).
 *
 * @example
 * ```ts
 * import { MAX_URL_LENGTH } from '@visitor-access/contract';
 * MAX_URL_LENGTH; // 2048
 * ```
 */
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
 * An email address, trimmed and lower-cased ({@link normaliseEmail}) before it is checked.
 *
 * @example
 * ```ts
 * Email.parse(' Buyer@Example.com '); // 'buyer@example.com'
 * ```
 */
export const Email = z.string().check(
  // Too long before trimming: stop there, as the first stage of a pipe would.
  z.maxLength(320, { abort: true }),
  z.overwrite(normaliseEmail),
  z.regex(EMAIL, 'Enter a valid email address'),
  z.maxLength(254),
);

/**
 * An ISO-8601 timestamp with a time zone, as the platform sends it.
 *
 * @example
 * ```ts
 * IsoDateTime.parse('2026-01-01T00:00:00.000Z');
 * ```
 */
export const IsoDateTime = z.string().check(z.regex(ISO_DATETIME, 'Invalid datetime'));

/**
 * An absolute http(s) URL of bounded length.
 *
 * @example
 * ```ts
 * HttpUrl.parse('https://example.com/thanks');
 * ```
 */
export const HttpUrl = z.string().check(z.maxLength(MAX_URL_LENGTH), httpUrlCheck);

/**
 * Where the platform may send a visitor (`returnTo`, `successUrl`, `cancelUrl`): an absolute http(s)
 * URL of bounded length without credentials. Any other shape answers 400 `invalid_redirect_url`
 * (the origin must also be one the creator allows, which only the server knows).
 *
 * @example
 * ```ts
 * RedirectUrl.safeParse('javascript:alert(1)').success; // false: invalid_redirect_url
 * ```
 */
export const RedirectUrl = z.string().check(redirectUrlCheck);

/**
 * A price in the currency's minor unit (cents).
 *
 * @example
 * ```ts
 * Price.parse(1900);
 * ```
 */
export const Price = z.number().check(nonNegativeInt);

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

/**
 * Path parameters of the page routes.
 *
 * @example
 * ```ts
 * import { PageParams } from '@visitor-access/contract';
 * PageParams.parse({ handle: 'gharart', pageSlug: 'masterclass' });
 * ```
 */
export const PageParams = z.object({ handle: Handle, pageSlug: Slug });
/**
 * Path parameters of the group-buy routes.
 *
 * @example
 * ```ts
 * import { GroupBuyParams } from '@visitor-access/contract';
 * GroupBuyParams.parse({ handle: 'gharart', groupBuySlug: 'spring-bundle' });
 * ```
 */
export const GroupBuyParams = z.object({ handle: Handle, groupBuySlug: Slug });
