// Starts the reference mock in this browser, once per page load, and registers the elements. The
// mock runs on MSW's service worker (@visitor-access/mock/browser): the elements' requests to
// /v2/… on the site's own origin are answered by it, so the live examples need nothing but the
// static files of the site. State lives in memory: a reload starts from the fixture again.
import { withBase } from 'vitepress';

let started: Promise<void> | undefined;

export function startMock(): Promise<void> {
  started ??= (async () => {
    const [{ createMockWorker }, elements] = await Promise.all([
      import('@visitor-access/mock/browser'),
      import('@visitor-access/elements'),
    ]);
    await createMockWorker().start({ serviceWorker: { url: withBase('/mockServiceWorker.js') } });
    // The API is the mock on this very origin; the elements are defined only once it answers, so
    // their first request never reaches the static server.
    elements.setDefaultApiBase(location.origin);
    await import('@visitor-access/elements/define.js');
  })();
  started.catch(() => {
    started = undefined;
  });
  return started;
}

/** JSON from the mock, with the request ID of the answer. */
export async function api<T>(
  path: string,
  init: { method?: string; body?: unknown } = {},
): Promise<{ ok: boolean; status: number; body: T; requestId: string | null }> {
  const res = await fetch(path, {
    method: init.method ?? 'GET',
    credentials: 'include',
    headers: init.body === undefined ? {} : { 'content-type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const body = (await res.json().catch(() => ({}))) as T;
  return { ok: res.ok, status: res.status, body, requestId: res.headers.get('x-request-id') };
}
