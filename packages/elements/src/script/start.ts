import { setDefaultAnalytics } from '../internal/analytics.js';
import { setDefaultApiBase } from '../internal/client.js';
import { loadSdk } from '../internal/sdk-lazy.js';

// What the first chunk of a script-tag bundle does when it runs (the loader adds it, decision 0151):
// sets the API base the loader read from the script tag, registers the elements (each once, however many copies of
// the scripts the page has), then fetches the SDK and ky (`<script>.sdk.js`) after the first usable
// paint: when a gate has drawn its first state, at once when the page shows an element whose first
// state needs a request of its own (the list, the card, the session line), or at the latest when
// the page has loaded.

export function start(elements: Record<string, CustomElementConstructor>): void {
  const apiBase = (globalThis as { [k: symbol]: unknown })[Symbol.for('visitor-access.api-base')];
  if (typeof apiBase === 'string' && apiBase) setDefaultApiBase(apiBase);
  const analytics = (globalThis as { [k: symbol]: unknown })[Symbol.for('visitor-access.analytics')];
  if (typeof analytics === 'string') setDefaultAnalytics(analytics);
  for (const [tag, element] of Object.entries(elements)) {
    if (!customElements.get(tag)) customElements.define(tag, element);
  }
  const later = () => void loadSdk().catch(() => undefined);
  const others = Object.keys(elements).filter((tag) => tag !== 'paywall-gate');
  if (others.length && document.querySelector(others.join())) return later();
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
