// The small app each runtime runs (bundled by the runtimes test): the proxy under /api and one
// protected lesson, from the package's public API only.
import { createVisitorAccess, paywalledContentScript, type ConnectionInfo } from '@visitor-access/server';

export function makeApp(
  apiBase: string,
  siteUrl: string,
): (request: Request, info?: ConnectionInfo) => Promise<Response> {
  const va = createVisitorAccess({ apiBase, siteUrl, timeoutMs: 5000 });
  const lesson = va.protect(
    { handle: 'gharart', page: 'masterclass' },
    () => new Response('<p>the paid lesson</p>', { headers: { 'content-type': 'text/html' } }),
  );
  return async (request, info) => {
    const { pathname } = new URL(request.url);
    if (pathname === '/lessons/1') return lesson(request, info);
    if (pathname === '/masterclass') {
      const head = paywalledContentScript({ url: `${siteUrl}/masterclass`, name: 'Masterclass' });
      return new Response(`<!doctype html><head>${head}</head><paywall-gate class="paywall-gate"></paywall-gate>`, {
        headers: { 'content-type': 'text/html' },
      });
    }
    return va.fetch(request, info);
  };
}
