// The frame of every page the mock serves to people (the index, the mailbox, the magic-link landing, the
// fake Stripe Checkout, fault and problem pages): the document, its strict CSP with a per-response nonce
// for the one inline script, and the helpers the pages share. Pages are written with `html` from
// `hono/html`: every value put into a template is escaped unless it is itself `html` (or `raw`), so a
// string that came from a request or the store can only ever be text. The pages take the elements'
// visual language (./style.ts) and follow the visitor's OS colour scheme, since they are whole pages
// rather than parts of a host page.
import { html as honoHtml, raw } from 'hono/html';
import { english } from '../locales/index.js';
import type { PageLocale } from '../locales/index.js';
import { randomToken } from '../crypto.js';
import { STYLE } from './style.js';

/** A piece of HTML: escaped text and markup, as `html` makes it. */
export type Html = Exclude<ReturnType<typeof honoHtml>, Promise<unknown>>;

/** What a page template takes: text (escaped), numbers, HTML, nothing (`undefined`, `false`), or lists. */
type Part = string | number | boolean | null | undefined | Html | readonly Part[];

/**
 * `html` from `hono/html`, synchronous: the pages never put a promise into a template, and the types
 * make sure of it.
 */
export function html(strings: TemplateStringsArray, ...values: Part[]): Html {
  const out = honoHtml(strings, ...values);
  if (out instanceof Promise) throw new TypeError('A page template was given a promise.');
  return out;
}

/**
 * Escapes text for HTML element content and double-quoted attributes.
 *
 * @example
 * ```ts
 * escapeHtml('<b>"hi"</b>'); // '&#60;b&#62;&#34;hi&#34;&#60;/b&#62;'
 * ```
 */
export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * A page string with `{name}` placeholders as HTML: the string is text, each value is text or HTML
 * (`fillHtml('Sent to {email}', { email: html\`<strong>${email}</strong>\` })`). An unknown name stays.
 */
export function fillHtml(template: string, values: Record<string, string | Html>): Html {
  const parts = template.split(/(\{\w+\})/);
  return html`${parts.map((part, i) => (i % 2 ? (values[part.slice(1, -1)] ?? part) : part))}`;
}

/** An HTML response with a strict CSP; `script` (if any) runs with a per-response nonce. */
export function htmlPage(
  status: number,
  title: string,
  body: Html,
  script?: string,
  locale: PageLocale = english,
): Response {
  const nonce = randomToken(16);
  const csp = [
    "default-src 'none'",
    `style-src 'unsafe-inline'`,
    script ? `script-src 'nonce-${nonce}'` : "script-src 'none'",
    "connect-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
  const page = html`<!doctype html>
<html lang="${locale.lang}" dir="${locale.dir}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark"><meta name="referrer" content="no-referrer">
<title>${title}</title><style>${raw(STYLE)}</style></head>
<body>${body}${script ? html`<script nonce="${nonce}">${raw(script)}</script>` : ''}</body></html>`;
  return new Response(page.toString(), {
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': csp,
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
    },
  });
}

/** The bar on top of every page; its name leads to the mock's front page. */
export const TOP_BAR = html`<header class="top"><a class="brand" href="/">Visitor Access <span class="badge">mock</span></a></header>`;

/** An http(s) URL as it may go into `href`, or undefined (nothing else is ever made a link). */
export function safeHref(url: string | null | undefined): string | undefined {
  if (!url || !URL.canParse(url)) return undefined;
  const protocol = new URL(url).protocol;
  return protocol === 'http:' || protocol === 'https:' ? url : undefined;
}

/** The first letter or digit of a name, upper case: the avatar of a person or a creator. */
export const initial = (text: string) => (/[\p{L}\p{N}]/u.exec(text)?.[0] ?? '?').toUpperCase();

/** A price in minor units, formatted in its currency (the way the elements format it). */
export function formatMoney(minor: number, currency: string, lang = 'en'): string {
  try {
    const format = new Intl.NumberFormat(lang, { style: 'currency', currency: currency.toUpperCase() });
    return format.format(minor / 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2));
  } catch {
    return `${(minor / 100).toFixed(2)} ${currency.toUpperCase()}`;
  }
}
