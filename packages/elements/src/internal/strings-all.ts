import { groupBuyStrings, listStrings, resolveIn, sharedStrings } from './strings.js';
import type { Strings } from './strings.js';
import { laterStrings } from './strings-later.js';

// Every English string at once, for the public API (`defaultStrings`, `resolveStrings`): the
// elements themselves resolve over their own blocks (`english`), never over this.

/**
 * Every visible string of the elements, in English. Placeholders in braces (`{email}`) are
 * filled in by the element; the result is always rendered as text, never as HTML.
 *
 * @example
 * ```ts
 * import { defaultStrings } from '@visitor-access/elements';
 * defaultStrings.signInHeading; // 'Sign in'
 * ```
 */
export const defaultStrings: typeof sharedStrings & typeof laterStrings & typeof listStrings & typeof groupBuyStrings =
  /* @__PURE__ */ Object.assign({}, sharedStrings, laterStrings, listStrings, groupBuyStrings);

/**
 * Resolves the strings for a language: overrides, then the exact tag, then its base language,
 * then English.
 *
 * @example
 * ```ts
 * resolveStrings('fr-CA', { retry: 'Réessayer' }).retry; // 'Réessayer'
 * ```
 */
export function resolveStrings(lang: string | undefined, overrides?: Partial<Strings>): Strings {
  return resolveIn(defaultStrings, lang, overrides);
}
