/**
 * The CSS selector the markup names by default: the class `paywalledContentJsonLd` asks the gated part to carry.
 *
 * @example
 * ```ts
 * `<paywall-gate class="${DEFAULT_PAYWALL_SELECTOR.slice(1)}" handle="gharart" page="masterclass"></paywall-gate>`;
 * ```
 */
export const DEFAULT_PAYWALL_SELECTOR = '.paywall-gate';

/** Options of {@link paywalledContentJsonLd}. */
export interface PaywalledContentOptions {
  /** The schema.org type of the page: `WebPage` (default), `Article`, `NewsArticle`, `Course`, … */
  type?: string | string[];
  /** The page's canonical URL. */
  url?: string;
  /** The page's title (`name`; also `headline` for article types). */
  name?: string;
  /** A short description. */
  description?: string;
  /**
   * Class selector(s) of the gated part(s). Google reads class selectors only, so give the gate (or
   * the element wrapping the paid part) a class: `<paywall-gate class="paywall-gate">`. Default `.paywall-gate`.
   */
  selector?: string | string[];
}

/** The JSON-LD object: Google's paywalled-content structured data. */
export interface PaywalledContentJsonLd {
  '@context': 'https://schema.org';
  '@type': string | string[];
  url?: string;
  name?: string;
  headline?: string;
  description?: string;
  isAccessibleForFree: false;
  hasPart:
    | { '@type': 'WebPageElement'; isAccessibleForFree: false; cssSelector: string }
    | { '@type': 'WebPageElement'; isAccessibleForFree: false; cssSelector: string }[];
}

const CLASS_SELECTOR = /^\.-?[A-Za-z_][A-Za-z0-9_-]*$/;
const ARTICLE_TYPES = new Set(['Article', 'NewsArticle', 'BlogPosting', 'Report', 'ScholarlyArticle', 'TechArticle']);

/**
 * Google's structured data for a paid (or sign-in-only) page: `"isAccessibleForFree": false` and a
 * `hasPart` `WebPageElement` naming the gated part's class selector. Emit it in the page's HTML
 * whether or not the visitor has access (with {@link jsonLdScript}).
 *
 * @example
 * ```ts
 * const data = paywalledContentJsonLd({ url: 'https://example.com/masterclass', name: 'Masterclass' });
 * const html = `<head>${jsonLdScript(data)}</head>`;
 * ```
 */
export function paywalledContentJsonLd(options: PaywalledContentOptions = {}): PaywalledContentJsonLd {
  const selectors = [options.selector ?? DEFAULT_PAYWALL_SELECTOR].flat();
  if (selectors.length === 0) throw new TypeError('paywalledContentJsonLd: give at least one selector.');
  for (const selector of selectors) {
    if (!CLASS_SELECTOR.test(selector)) {
      throw new TypeError(
        `paywalledContentJsonLd: Google reads class selectors only (such as .paywall-gate), got ${JSON.stringify(selector)}.`,
      );
    }
  }
  const type = options.type ?? 'WebPage';
  const parts = selectors.map((cssSelector) => ({
    '@type': 'WebPageElement' as const,
    isAccessibleForFree: false as const,
    cssSelector,
  }));
  const isArticle = [type].flat().some((t) => ARTICLE_TYPES.has(t));
  return {
    '@context': 'https://schema.org',
    '@type': type,
    ...(options.url !== undefined ? { url: options.url } : {}),
    ...(options.name !== undefined ? { name: options.name, ...(isArticle ? { headline: options.name } : {}) } : {}),
    ...(options.description !== undefined ? { description: options.description } : {}),
    isAccessibleForFree: false,
    hasPart: parts.length === 1 ? parts[0]! : parts,
  };
}

/**
 * JSON for inside a `<script>` element: `<`, `>`, `&` and the two JavaScript line separators are
 * escaped, so no value can close the script or open a comment.
 *
 * @example
 * ```ts
 * jsonForScript({ name: '</script>' }); // '{"name":"\\u003c/script\\u003e"}'
 * ```
 */
export function jsonForScript(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * A `<script type="application/ld+json">` element holding the data, safe to put in HTML.
 *
 * @example
 * ```ts
 * jsonLdScript(paywalledContentJsonLd({ name: 'Masterclass' }));
 * // '<script type="application/ld+json">{"@context":"https://schema.org",…}</script>'
 * ```
 */
export function jsonLdScript(data: unknown): string {
  return `<script type="application/ld+json">${jsonForScript(data)}</script>`;
}

/**
 * {@link paywalledContentJsonLd} rendered as its `<script>` element in one call.
 *
 * @example
 * ```ts
 * const head = paywalledContentScript({ url: 'https://example.com/masterclass', name: 'Masterclass' });
 * ```
 */
export function paywalledContentScript(options: PaywalledContentOptions = {}): string {
  return jsonLdScript(paywalledContentJsonLd(options));
}
