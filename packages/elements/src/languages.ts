/**
 * The shipped languages for npm users (decision 0110): which languages ship, which one a page
 * language gets, and how to hand one to the elements from your bundler instead of letting them
 * download `locales/<tag>.js` beside the module. Not part of the script-tag bundles: a page using
 * the script tag gets its language from beside the script.
 *
 * @example
 * ```ts
 * import ja from '@visitor-access/elements/locales/ja';
 * import { registerLanguage } from '@visitor-access/elements/languages.js';
 * registerLanguage('ja', ja);
 * ```
 *
 * @packageDocumentation
 */
export type { Translation } from './internal/strings.js';
export { registerLanguage, shippedLanguages, shippedLanguage, setLocalesBase } from './internal/locale.js';
