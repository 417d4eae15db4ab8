import { setDefaultAnalytics } from '../internal/analytics.js';
import { setDefaultApiBase } from '../internal/client.js';
import { loadSdk, sdkArrived } from '../internal/sdk-lazy.js';

// What the first chunk of a script-tag bundle does when it runs (the loader adds it, decision 0151):
// sets the API base the loader read from the script tag, registers the elements (each once, however
// many copies of the scripts the page has), then fetches the SDK and ky (`<script>.sdk.js`) after the
// first usable paint: when a gate has drawn its first state, or at the latest when the page has
// loaded. `dist/visitor-access.js` keeps its other elements in the SDK's chunk (decision 0155): they
// are registered when it arrives, and it is fetched at once when the page shows one of them or no
// gate, and asked for again a few times if it does not load while one of them waits for it.

/** The elements the SDK's chunk brings (a selector; '' for none): written by build.mjs. */
declare const LATER_TAGS: string;

/** How long to wait before asking again for an SDK chunk that did not load, while an element waits for it. */
const RETRY_MS = [2000, 5000, 10_000, 30_000];

const define = (elements: Record<string, CustomElementConstructor> = {}) => {
  for (const [tag, element] of Object.entries(elements)) {
    if (!customElements.get(tag)) customElements.define(tag, element);
  }
};

export function start(elements: Record<string, CustomElementConstructor>): void {
  const apiBase = (globalThis as { [k: symbol]: unknown })[Symbol.for('visitor-access.api-base')];
  if (typeof apiBase === 'string' && apiBase) setDefaultApiBase(apiBase);
  const analytics = (globalThis as { [k: symbol]: unknown })[Symbol.for('visitor-access.analytics')];
  if (typeof analytics === 'string') setDefaultAnalytics(analytics);
  define(elements);
  let attempt = 0;
  const later = (): void =>
    void loadSdk().catch(() => {
      if (
        LATER_TAGS &&
        attempt < RETRY_MS.length &&
        [...document.querySelectorAll(LATER_TAGS)].some((element) => !customElements.get(element.localName))
      ) {
        setTimeout(later, RETRY_MS[attempt++]);
      }
    });
  if (LATER_TAGS) {
    // Whoever asked for the chunk (this, or a gate's first request), its elements are registered.
    void sdkArrived.then((chunk) => define(chunk.elements));
    if (document.querySelector(LATER_TAGS) || !document.querySelector('paywall-gate')) return later();
  }
  const drawn = (event: Event) => {
    // The first state a visitor can use: anything after the check (the form, the content, an error).
    const state = (event as CustomEvent<{ state: string }>).detail?.state;
    if (state === 'checking' || state === 'verifying') return;
    removeEventListener('va-state-change', drawn);
    // After the frame that shows the state.
    requestAnimationFrame(() => setTimeout(later));
  };
  addEventListener('va-state-change', drawn);
  if (document.readyState === 'complete') setTimeout(later, 1000);
  else addEventListener('load', () => setTimeout(later, 1000), { once: true });
}
