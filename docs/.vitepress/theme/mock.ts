// Starts the reference mock in this browser, once per page load, and registers the elements. The
// mock runs on MSW's service worker (@visitor-access/mock/browser): the elements' requests to
// /v2/… on the site's own origin are answered by it, so the live examples need nothing but the
// static files of the site. Only on that origin: a request to any other origin (a real API, another
// mock) goes out as usual and is never answered from this page's store (decision 0142). State lives in
// memory: a reload starts from the fixture again.
import type { MockStore } from '@visitor-access/mock/browser';
import { withBase } from 'vitepress';

/** Where the creator's site serves the paid lesson: `<paywall-gate src>` fetches it after access. */
export const LESSON_PATH = '/lessons/masterclass.html';

const LESSON = `<h3>Lesson 1 — Carving your first block</h3>
<p>Transfer the drawing onto the block, cut away from the line, and keep the gouge low. This is the
paid content: it was not in the page, and this site sent it only after asking the API whether you
have access.</p>`;

/** A request the creator's own server answered (the lesson), for the request log. */
export interface SiteRequest {
  requestId: string;
  method: string;
  path: string;
  status: number;
  at: string;
  site: true;
}

const siteRequests: SiteRequest[] = [];
let store: MockStore | undefined;
let started: Promise<void> | undefined;

export function startMock(): Promise<void> {
  started ??= (async () => {
    const [{ createMockWorker }, { http, HttpResponse }, elements] = await Promise.all([
      import('@visitor-access/mock/browser'),
      import('msw'),
      import('@visitor-access/elements'),
    ]);
    // Scoped to the page's own origin, the API base the elements get below. Without it MSW would answer
    // /v2, /_edge and /_mock paths on every origin, so a reader's request to a real server from this tab
    // would be answered from the in-page mailbox and store.
    const mock = createMockWorker({ apiOrigin: location.origin });
    store = mock.store;
    // The creator's server, for the lesson: what every site serving `src` content must do (see the
    // security notes) — ask the API's access check with the visitor's cookie, and send the lesson
    // only when it says yes. Here the "server" is a handler in this page, and its question goes to
    // the mock like any other request.
    mock.worker.use(
      http.get(withBase(LESSON_PATH), async () => {
        let hasAccess = false;
        try {
          const check = await fetch('/v2/public/pages/gharart/masterclass/access-check', {
            method: 'POST',
            credentials: 'include',
            headers: { 'content-type': 'application/json' },
            body: '{}',
          });
          hasAccess = check.ok && (await check.json()).hasAccess === true;
        } catch {
          // No answer: refuse rather than leak.
        }
        const status = hasAccess ? 200 : 403;
        siteRequests.unshift({
          requestId: `site ${siteRequests.length + 1}`,
          method: 'GET',
          path: LESSON_PATH,
          status,
          // The mock's clock (which the example can move on), so the log sorts with the API's requests.
          at: new Date(mock.store.now()).toISOString(),
          site: true,
        });
        return hasAccess
          ? new HttpResponse(LESSON, {
              headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'private, no-store' },
            })
          : new HttpResponse('No access\n', { status, headers: { 'content-type': 'text/plain' } });
      }),
    );
    await mock.start({ serviceWorker: { url: withBase('/mockServiceWorker.js') } });
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

/** The mock's store (for what the mock's own HTML pages show: a checkout session, a link's state). */
export function mockStore(): MockStore {
  if (!store) throw new Error('The mock has not started');
  return store;
}

/** The lesson requests the site's "server" answered, newest first. */
export function siteLog(): readonly SiteRequest[] {
  return siteRequests;
}

/** Forgets the site's own request log (Start over). */
export function clearSiteLog(): void {
  siteRequests.length = 0;
}

/** JSON from the mock (API paths are on the site's origin, whatever the docs' base), with the request ID. */
export async function api<T>(
  path: string,
  init: { method?: string; body?: unknown } = {},
): Promise<{ ok: boolean; status: number; body: T; requestId: string | null }> {
  const method = init.method ?? 'GET';
  const res = await fetch(path, {
    method,
    credentials: 'include',
    // Writes are JSON (the mock refuses anything else), with a body even when it is empty.
    headers: method === 'GET' ? {} : { 'content-type': 'application/json' },
    body: method === 'GET' ? undefined : JSON.stringify(init.body ?? {}),
  });
  const body = (await res.json().catch(() => ({}))) as T;
  return { ok: res.ok, status: res.status, body, requestId: res.headers.get('x-request-id') };
}
