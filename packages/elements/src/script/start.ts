import { setDefaultApiBase } from '../internal/client.js';
import { loadSdk } from '../internal/sdk-lazy.js';

// What the first chunk of a script-tag bundle does when it runs (the loader adds it, decision 0151):
// sets the API base the loader read from the script tag, registers the elements (each once, however
// many copies of the scripts the page has), then fetches the SDK and ky (`<script>.sdk.js`) and the
// all-in-one's other elements after the first usable paint: when a gate has drawn its first state,
// at once when the page shows one of the other elements (whose first state is a request of its own),
// or at the latest 1 s after the page has loaded.

/** The elements of the all-in-one script that are not the gate (the loader preloads their chunk). */
export const OTHER_TAGS = ['visitor-session', 'visitor-access-list', 'group-buy-card'];

const define = (elements: Record<string, CustomElementConstructor>) => {
  for (const [tag, element] of Object.entries(elements)) {
    if (!customElements.get(tag)) customElements.define(tag, element);
  }
};

/**
 * Registers `elements` now, and `more` (elements in a chunk of their own) at once when the page
 * shows one of them, else with the SDK after the first usable paint.
 */
export function start(
  elements: Record<string, CustomElementConstructor>,
  more?: { tags: string[]; load: () => Promise<{ elements: Record<string, CustomElementConstructor> }> },
): void {
  const apiBase = (globalThis as { [k: symbol]: unknown })[Symbol.for('visitor-access.api-base')];
  if (typeof apiBase === 'string' && apiBase) setDefaultApiBase(apiBase);
  define(elements);
  const later = () => {
    void loadSdk().catch(() => undefined);
    more?.load().then(
      (chunk) => define(chunk.elements),
      (error: unknown) => console.error('Visitor Access: the elements chunk did not load.', error),
    );
  };
  if (more && document.querySelector(more.tags.join())) return later();
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
