import { startEarlyChecks } from '../internal/early-check.js';
import { SHIPPED } from '../internal/shipped.js';

// The file a page's <script> tag loads (dist/paywall-gate.js, dist/visitor-access.js): a classic
// script of well under 1 kB (decision 0151). It reads `data-api-base` from its own tag, sends the
// access check of every gate already in the page, and adds the first chunk (Lit and the elements'
// first states: `paywall-gate.first.js` beside itself) as a module script with the tag's nonce, so a
// nonce-only CSP allows it (and `'strict-dynamic'` too); a host allow-list CSP allows it as a file of
// the same place. The chunk's own imports carry that nonce. Module scripts are fetched with CORS: a
// host serving the files from another origin than the page must send Access-Control-Allow-Origin
// (unpkg and jsDelivr do). Safe with async/defer (document.currentScript is null then, so the tag is
// found by its src) and when loaded twice (a module runs once; the elements are registered once).

/** The first chunk's files, its entry last: written by build.mjs. */
declare const FIRST_CHUNK: string[];
/** The SDK chunk's file, and the elements it brings (a selector; '' for none): written by build.mjs. */
declare const SDK_CHUNK: string;
declare const LATER_TAGS: string;

const ours = 'script[src*="visitor-access"],script[src*="paywall-gate"]';
const script =
  (document.currentScript as HTMLScriptElement | null) ??
  document.querySelector<HTMLScriptElement>(ours.replaceAll('script[', 'script[data-api-base][')) ??
  document.querySelector<HTMLScriptElement>(ours);
const apiBase = script?.dataset.apiBase;
startEarlyChecks(apiBase);
// The first price formatter of a page costs tens of milliseconds on a phone (ICU's currency data):
// made while the first chunk is on the wire, not when the gate draws its price (decision 0090).
if (document.querySelector('paywall-gate')) {
  setTimeout(() => {
    try {
      new Intl.NumberFormat(document.documentElement.lang || undefined, { style: 'currency', currency: 'USD' }).format(
        0,
      );
    } catch {
      // A page language ICU does not know: the gate falls back on its own.
    }
  });
}
// What the first chunk starts with (script/start.ts reads it).
(globalThis as { [k: symbol]: unknown })[Symbol.for('visitor-access.api-base')] ??= apiBase;
(globalThis as { [k: symbol]: unknown })[Symbol.for('visitor-access.analytics')] ??= script?.dataset.analytics;
const from = script?.src || document.baseURI;
// A page in a shipped language other than English: its language file is fetched beside the first
// chunk (a modulepreload), not after it; the elements wait for it before their first paint (0110).
const lang = SHIPPED.exec(document.documentElement.lang)?.[1];
const files = lang ? [`locales/${lang.toLowerCase()}.js`, ...FIRST_CHUNK] : [...FIRST_CHUNK];
// A page showing an element the SDK's chunk brings, and no gate whose first paint it would slow
// down: that chunk is fetched beside the first one, not after it (decision 0155).
if (LATER_TAGS && document.querySelector(LATER_TAGS) && !document.querySelector('paywall-gate')) {
  files.unshift(SDK_CHUNK);
}
files.forEach((file, i) => {
  const last = i === files.length - 1;
  const tag = document.createElement(last ? 'script' : 'link') as HTMLScriptElement & HTMLLinkElement;
  if (last) tag.type = 'module';
  else tag.rel = 'modulepreload';
  tag[last ? 'src' : 'href'] = new URL(file, from).href;
  tag.nonce = script?.nonce ?? '';
  tag.onerror = () => console.error(`Visitor Access: ${tag.src || tag.href} did not load.`);
  document.head.append(tag);
});
