// One file, two runtimes: a creator's site on @visitor-access/server's web-standard handler, served by
// `Deno.serve` on Deno and `Bun.serve` on Bun. The visitor API under /api on the site's own origin,
// and the lesson behind protect().
//
//   deno run --allow-net --allow-env dist/site.js      bun dist/site.js
//   (PORT, VA_API_BASE, SITE_URL; VA_DEV_MOCK_CHECKOUT=1 against the reference mock)
import { createVisitorAccess, paywalledContentScript } from '@visitor-access/server';

declare const Deno:
  | {
      env: { get(name: string): string | undefined };
      serve(
        options: { port: number; hostname: string; onListen?: (addr: { port: number }) => void },
        handler: (request: Request, info: { remoteAddr: { hostname: string } }) => Promise<Response>,
      ): unknown;
    }
  | undefined;
declare const Bun:
  | {
      env: Record<string, string | undefined>;
      serve(options: {
        port: number;
        hostname: string;
        fetch: (request: Request, server: { requestIP(r: Request): { address: string } | null }) => Promise<Response>;
      }): { port: number };
    }
  | undefined;

const env = (name: string): string | undefined => (typeof Deno !== 'undefined' ? Deno.env.get(name) : Bun?.env[name]);
const port = Number(env('PORT') ?? 3000);
const host = env('HOST') ?? 'localhost';
const apiBase = env('VA_API_BASE') ?? 'http://localhost:4010';
const siteUrl = env('SITE_URL') ?? `http://${host}:${port}`;

const va = createVisitorAccess({ apiBase, siteUrl, devMockCheckout: env('VA_DEV_MOCK_CHECKOUT') === '1' });
const lesson = va.protect(
  { handle: 'gharart', page: 'masterclass' },
  () =>
    new Response('<h2>Lesson 1 — Carving your first block</h2>', {
      headers: { 'content-type': 'text/html; charset=utf-8' },
    }),
);
const paidPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Block printing masterclass</title>
${paywalledContentScript({ type: 'Course', url: `${siteUrl}/masterclass`, name: 'Block printing masterclass' })}
<script src="https://unpkg.com/@visitor-access/elements/dist/visitor-access.js" data-api-base="${siteUrl}/api" defer></script>
</head><body><h1>Block printing masterclass</h1>
<paywall-gate class="paywall-gate" handle="gharart" page="masterclass" src="/masterclass/lesson"></paywall-gate>
</body></html>`;

/** The whole site: the same on both runtimes. */
export async function handle(request: Request, clientAddress?: string): Promise<Response> {
  const info = clientAddress ? { clientAddress } : {};
  const api = await va.proxy(request, info);
  if (api) return api;
  const { pathname } = new URL(request.url);
  if (request.method === 'GET' && pathname === '/masterclass')
    return new Response(paidPage, { headers: { 'content-type': 'text/html; charset=utf-8' } });
  if (request.method === 'GET' && pathname === '/masterclass/lesson') return lesson(request, info);
  return new Response('Not found', { status: 404 });
}

const ready = (runtime: string, listening: number) =>
  console.log(`Site on ${runtime}: ${siteUrl}/masterclass (listening on ${listening}, API ${apiBase} at /api)`);

if (typeof Deno !== 'undefined') {
  Deno.serve({ port, hostname: host, onListen: ({ port: p }) => ready('Deno', p) }, (request, info) =>
    handle(request, info.remoteAddr.hostname),
  );
} else if (typeof Bun !== 'undefined') {
  const server = Bun.serve({
    port,
    hostname: host,
    fetch: (request, s) => handle(request, s.requestIP(request)?.address),
  });
  ready('Bun', server.port);
}
