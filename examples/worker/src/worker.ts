// A creator's site as a Cloudflare Worker, built on @visitor-access/server (web standards only, so it
// runs unchanged on workerd): the visitor API under /api on the site's own origin, and the lesson
// behind protect(). Configure it with the Worker's variables (wrangler.toml `[vars]`):
//   VA_API_BASE = "https://api.10x.example"   SITE_URL = "https://example.com"
import { createVisitorAccess, paywalledContentScript, type VisitorAccess } from '@visitor-access/server';

export interface Env {
  VA_API_BASE: string;
  SITE_URL: string;
  /** "1" against the reference mock only: serve its checkout page through /api too. */
  VA_DEV_MOCK_CHECKOUT?: string;
}

const MASTERCLASS = { handle: 'gharart', page: 'masterclass' };

// One VisitorAccess per isolate, made on the first request (the variables arrive with it).
let site: { va: VisitorAccess; lesson: (request: Request) => Promise<Response> } | undefined;

function siteFor(env: Env) {
  if (!site) {
    const va = createVisitorAccess({
      apiBase: env.VA_API_BASE,
      siteUrl: env.SITE_URL,
      devMockCheckout: env.VA_DEV_MOCK_CHECKOUT === '1',
    });
    const lesson = va.protect(
      MASTERCLASS,
      () =>
        new Response('<h2>Lesson 1 — Carving your first block</h2>', {
          headers: { 'content-type': 'text/html; charset=utf-8' },
        }),
    );
    site = { va, lesson };
  }
  return site;
}

const paidPage = (siteUrl: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Block printing masterclass</title>
${paywalledContentScript({ type: 'Course', url: `${siteUrl}/masterclass`, name: 'Block printing masterclass' })}
<script src="https://unpkg.com/@visitor-access/elements/dist/visitor-access.js" data-api-base="${siteUrl}/api" defer></script>
</head><body><h1>Block printing masterclass</h1>
<paywall-gate class="paywall-gate" handle="gharart" page="masterclass" src="/masterclass/lesson"></paywall-gate>
</body></html>`;

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const { va, lesson } = siteFor(env);
    const info = { clientAddress: request.headers.get('cf-connecting-ip') ?? undefined };
    const api = await va.proxy(request, info);
    if (api) return api;
    const { pathname } = new URL(request.url);
    if (request.method === 'GET' && pathname === '/masterclass')
      return new Response(paidPage(env.SITE_URL), { headers: { 'content-type': 'text/html; charset=utf-8' } });
    if (request.method === 'GET' && pathname === '/masterclass/lesson') return lesson(request);
    return new Response('Not found', { status: 404 });
  },
};
