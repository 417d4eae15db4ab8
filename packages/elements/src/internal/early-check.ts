// The script-tag loaders (dist/paywall-gate.js, dist/visitor-access.js) start the access check of
// every <paywall-gate> already in the page as the very first thing they do, before Lit, the gate or
// the SDK have even been fetched; the gate then takes that answer instead of asking again (decisions
// 0090 and 0151). It is the same request the SDK sends (a simple CORS POST: no key, no preflight,
// decision 0015), made with a plain `fetch`: it is not a visitor's action, and only a good answer is
// taken from it. Anything else (no answer, an error status, an answer the gate cannot read) makes
// the gate ask again through the typed client, whose error the gate shows as always.
// Nothing here imports the SDK or Lit: this module is in the loader itself.

/** The body of a 2xx answer, read while the first chunk is on the wire; rejected otherwise. */
type Checks = Map<string, Promise<unknown>>;
const KEY = Symbol.for('visitor-access.early-checks');

/** One store per page, shared by every copy of a script (loaded twice, or both scripts). */
function checks(): Checks {
  const g = globalThis as { [KEY]?: Checks };
  return (g[KEY] ??= new Map());
}

const normalise = (base: string | null | undefined) => base?.replace(/\/+$/, '') || undefined;

/**
 * Starts the access check of every gate in `root` that has a handle, a page and an API base, unless
 * the gate is defined already (another copy of a script ran: its gates have asked for themselves).
 */
export function startEarlyChecks(defaultBase: string | undefined, root: ParentNode = document): void {
  if (customElements.get('paywall-gate')) return;
  startChecks(defaultBase, root);
}

/** {@link startEarlyChecks} without the "already defined" test. */
export function startChecks(defaultBase: string | undefined, root: ParentNode = document): void {
  // Back from checkout, the gate polls for the payment instead: an early answer would go unused.
  // `va_checkout` is the contract's RETURN_PARAMS.checkout, written out here because the loader's
  // budget has no room for the import (decision 0172); early-check.test.ts ties the two together.
  if (/[?&]va_checkout=success/.test(location.search)) return;
  const store = checks();
  for (const gate of root.querySelectorAll('paywall-gate')) {
    const handle = gate.getAttribute('handle');
    const page = gate.getAttribute('page');
    const base = normalise(gate.getAttribute('api-base')) ?? normalise(defaultBase);
    if (!handle || !page || !base || !/^https?:\/\//i.test(base)) continue;
    const key = `${base} ${handle}/${page}`;
    if (store.has(key)) continue;
    const path = `/v2/public/pages/${encodeURIComponent(handle)}/${encodeURIComponent(page)}/access-check`;
    const check = fetch(base + path, {
      method: 'POST',
      credentials: 'include',
      headers: { accept: 'application/json' },
    }).then((response) => (response.ok ? response.json() : Promise.reject(new Error(`HTTP ${response.status}`))));
    // Never an unhandled rejection: the gate that takes it asks again; an untaken one is dropped.
    check.catch(() => undefined);
    store.set(key, check);
  }
}

/** The early answer for this API base, handle and page, if one was started; taken only once. */
export function takeEarlyCheck(base: string, handle: string, page: string): Promise<unknown> | undefined {
  const store = checks();
  const key = `${normalise(base)} ${handle}/${page}`;
  const check = store.get(key);
  store.delete(key);
  return check;
}
