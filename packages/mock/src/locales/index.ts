// The language of the mock's visitor-facing pages (landing, mailbox, checkout): the visitor's
// `Accept-Language`, among the languages the elements ship (decision 0112). The mock never imports
// the elements: its page strings are its own, kept whole by locales.test.ts.
import { ar } from './ar.js';
import { de } from './de.js';
import { en } from './en.js';
import type { PageStrings } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';
import { he } from './he.js';
import { hi } from './hi.js';
import { it } from './it.js';
import { ja } from './ja.js';
import { ko } from './ko.js';
import { nl } from './nl.js';
import { ptBR } from './pt-BR.js';
import { zhCN } from './zh-CN.js';

export type { PageStrings } from './en.js';

/** The page languages, English first, by BCP 47 tag. */
export const pageLanguages: Record<string, PageStrings> = {
  en,
  fr,
  de,
  es,
  it,
  'pt-BR': ptBR,
  nl,
  hi,
  ja,
  ko,
  'zh-CN': zhCN,
  ar,
  he,
};

/** A page's language: its tag (for `lang`), direction (for `dir`) and strings. */
export interface PageLocale {
  lang: string;
  dir: 'ltr' | 'rtl';
  t: PageStrings;
}

const locale = (lang: string): PageLocale => ({
  lang,
  dir: lang === 'ar' || lang === 'he' ? 'rtl' : 'ltr',
  t: pageLanguages[lang]!,
});

/** English, for pages asked for without a language. */
export const english: PageLocale = locale('en');

/** The shipped language for one tag: exact (case-insensitive), else by base language (`pt-PT` → `pt-BR`). */
function match(tag: string): string | undefined {
  const tags = Object.keys(pageLanguages);
  const lower = tag.toLowerCase();
  const base = lower.split('-')[0];
  return tags.find((t) => t.toLowerCase() === lower) ?? tags.find((t) => t.toLowerCase().split('-')[0] === base);
}

/**
 * The page language for an `Accept-Language` header: its languages by q-value (highest first, ties in
 * the header's order, `q=0` never), the first one shipped wins; none (or no header) → English.
 *
 * @example
 * ```ts
 * pickLocale('de-CH;q=0.4, ja;q=0.9').lang; // 'ja'
 * pickLocale('sv, *;q=0.1').lang; // 'en'
 * ```
 */
export function pickLocale(acceptLanguage: string | null | undefined): PageLocale {
  const wanted = (acceptLanguage ?? '')
    .slice(0, 1000)
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      // A q that is not a number between 0 and 1 drops the entry.
      const q = params.find((p) => /^\s*q\s*=/i.test(p));
      const weight =
        q === undefined ? 1 : /^\s*q\s*=\s*(0(\.\d{0,3})?|1(\.0{0,3})?)\s*$/i.test(q) ? Number(q.split('=')[1]) : 0;
      return { tag: tag.trim(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((w) => w.tag && w.tag !== '*' && w.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const { tag } of wanted) {
    const found = match(tag);
    if (found) return locale(found);
  }
  return english;
}

/** Fills `{name}` placeholders with plain text (the page escapes it). */
export function fillText(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in values ? String(values[name]) : m));
}

/** The page language of a request (its `Accept-Language`). */
export const pageLocale = (request: Request): PageLocale => pickLocale(request.headers.get('accept-language'));
