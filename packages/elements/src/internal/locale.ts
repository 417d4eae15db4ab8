// Which shipped language an element speaks, and loading it before the element's first paint
// (decision 0110). English is in every bundle; each other shipped language is its own module
// (`dist/locales/<tag>.js`, `@visitor-access/elements/locales/<tag>`), downloaded only by a page
// in that language. Each base language has one shipped variant, so a page language is matched by
// its base (`fr-CA` → `fr`, `pt-PT` → `pt-BR`, `zh-TW` → `zh-CN`), and the file is asked for by
// the base (`locales/pt.js` is the same file as `locales/pt-BR.js`).
import { SHIPPED } from './shipped.js';
import { addLanguage, registerStrings } from './strings.js';
import type { Translation } from './strings.js';

/** The shipped languages other than English, as BCP 47 tags. */
export const shippedLanguages = ['fr', 'de', 'es', 'it', 'pt-BR', 'nl', 'hi', 'ja', 'ko', 'zh-CN', 'ar', 'he'];

/**
 * The language of an element: its `locale` property, else the nearest `lang` (its own, an
 * ancestor's, `<html lang>`), else English. The page decides, never the browser (decision 0110).
 */
export function languageOf(element: HTMLElement, locale: string | undefined): string {
  return locale || element.closest<HTMLElement>('[lang]')?.lang || 'en';
}

// The languages asked for (or given with `registerLanguage`), by base: the promise of each file.
const pending: Record<string, unknown> = {};
// Language files are at `<base>locales/<tag>.js`: base is the package's dist folder, for npm users
// (this module is `dist/internal/locale.js`) and for the script tag alike (its chunks, this code
// among them, sit flat in the folder of the script: `dist/paywall-gate.first.js`, decision 0151).
// Without import.meta (an IIFE build): its own <script>, while it runs. Unknown: a relative URL
// that fails, so English.
let base: string | undefined = import.meta.url
  ? import.meta.url.replace(/(internal\/)?[^/]+$/, '')
  : (document.currentScript as HTMLScriptElement | null)?.src + '/../';

/**
 * The shipped language for a page language, by its base language, else none (English).
 *
 * @example
 * ```ts
 * shippedLanguage('fr-CA'); // 'fr'
 * shippedLanguage('pt'); // 'pt-BR'
 * shippedLanguage('en-GB'); // undefined
 * ```
 */
export function shippedLanguage(lang: string): string | undefined {
  const match = SHIPPED.exec(lang)?.[1]!.toLowerCase();
  return match && shippedLanguages.find((tag) => tag.startsWith(match));
}

/**
 * Where the language files are: `<url>locales/<base>.js`, `url` ending in `/`. By default, this
 * package's `dist/` folder (npm) or the script-tag bundle's own folder.
 *
 * @example
 * ```ts
 * setLocalesBase('https://cdn.example.com/visitor-access/'); // …/visitor-access/locales/ja.js
 * ```
 */
export function setLocalesBase(url: string): void {
  base = url;
}

/**
 * @internal What to await before painting in `lang`: nothing for English, else the promise of its
 * file, settled when it has arrived (and is added) or failed to (then the element speaks English).
 */
export function languageReady(lang: string): unknown {
  const tag = SHIPPED.exec(lang)?.[1]!.toLowerCase();
  return (
    tag &&
    (pending[tag] ??= import(/* @vite-ignore */ base + `locales/${tag}.js`).then(
      (module: { default: Partial<Translation> }) => addLanguage(tag, module.default),
      () => {},
    ))
  );
}

/**
 * Adds a whole shipped language as if the element had downloaded it: for npm users whose bundler
 * serves the language modules (then no language file is fetched). `registerStrings` overrides still
 * win over it.
 *
 * @example
 * ```ts
 * import ja from '@visitor-access/elements/locales/ja';
 * import { registerLanguage } from '@visitor-access/elements/languages.js';
 * registerLanguage('ja', ja);
 * ```
 */
export function registerLanguage(lang: string, strings: Partial<Translation>): void {
  pending[lang.split('-')[0]!.toLowerCase()] = 1;
  addLanguage(lang, strings);
  // Elements on the page already render again.
  registerStrings(lang, {});
}
