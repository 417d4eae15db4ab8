// A creator's site on Express, built on @visitor-access/server's Node adapter: the visitor API under
// /api on this site's own origin, and the lesson behind protect() — sent only after the API said the
// visitor has access, private and never cached.
//
//   npx visitor-access-mock --public-url http://localhost:3000/api &
//   npm run build && npm start            # PORT, VA_API_BASE, SITE_URL
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import express from 'express';
import { createVisitorAccess, paywalledContentScript } from '@visitor-access/server';
import { nodeFetch, nodeMiddleware, toNodeHandler } from '@visitor-access/server/node';

export interface SiteOptions {
  /** The Visitor Access API, e.g. `http://localhost:4010`. */
  apiBase: string;
  /** This site's own public URL (configuration, never a request header). */
  siteUrl: string;
  /** Against the reference mock only: serve its checkout page through /api too. */
  devMockCheckout?: boolean;
}

const MASTERCLASS = { handle: 'gharart', page: 'masterclass' };

/** The site as an Express app. */
export function createApp({ apiBase, siteUrl, devMockCheckout = false }: SiteOptions): express.Express {
  // On Node, `nodeFetch()` calls the API with about half the CPU of the global fetch (docs/server.md).
  const va = createVisitorAccess({ apiBase, siteUrl, devMockCheckout, fetch: nodeFetch() });
  const app = express();
  app.disable('x-powered-by');
  // First, before any body parser: the proxy reads the raw body itself (64 KiB at most).
  app.use(nodeMiddleware(va));

  // The paid page: the gate for everyone (the markup says which part is paid); the lesson comes
  // through the gate's src once the visitor has access.
  app.get('/masterclass', (_req, res) => {
    res.type('html').send(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Block printing masterclass</title>
${paywalledContentScript({ type: 'Course', url: `${siteUrl}/masterclass`, name: 'Block printing masterclass' })}
<script src="https://unpkg.com/@visitor-access/elements/dist/visitor-access.js" data-api-base="${siteUrl}/api" defer></script>
</head><body><h1>Block printing masterclass</h1>
<paywall-gate class="paywall-gate" handle="gharart" page="masterclass" src="/masterclass/lesson"></paywall-gate>
</body></html>`);
  });

  // The lesson: 401 signed out, 403 not bought, 503 API down; the handler runs only on access.
  app.get(
    '/masterclass/lesson',
    toNodeHandler(
      va.protect(
        MASTERCLASS,
        () =>
          new Response('<h2>Lesson 1 — Carving your first block</h2>', {
            headers: { 'content-type': 'text/html; charset=utf-8' },
          }),
      ),
    ),
  );
  return app;
}

/** Starts the site; `port: 0` picks a free port (tests). */
export async function startSite(options: {
  apiBase: string;
  port?: number;
  host?: string;
  siteUrl?: string;
  devMockCheckout?: boolean;
}): Promise<{ url: string; close: () => Promise<void> }> {
  const host = options.host ?? 'localhost';
  const app: { site?: express.Express } = {};
  // The site's URL is known once the port is: the app is made after listening.
  const server: Server = await new Promise((resolve, reject) => {
    const s = express()
      .use((req, res, next) => app.site!(req, res, next))
      .listen(options.port ?? 3000, host, (error?: Error) => (error ? reject(error) : resolve(s)));
  });
  const siteUrl = options.siteUrl ?? `http://${host}:${(server.address() as AddressInfo).port}`;
  app.site = createApp({
    apiBase: options.apiBase,
    siteUrl,
    ...(options.devMockCheckout !== undefined ? { devMockCheckout: options.devMockCheckout } : {}),
  });
  return {
    url: siteUrl,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const apiBase = process.env.VA_API_BASE ?? 'http://localhost:4010';
  const site = await startSite({
    apiBase,
    port: Number(process.env.PORT ?? 3000),
    ...(process.env.SITE_URL ? { siteUrl: process.env.SITE_URL } : {}),
    devMockCheckout: process.env.NODE_ENV !== 'production',
  });
  console.log(`Site: ${site.url}/masterclass (API ${apiBase} at ${site.url}/api)`);
}
