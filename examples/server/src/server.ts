// A creator's site rendered on the server, on Hono + Node, built on @visitor-access/server: the
// visitor API is served under this site's own origin at /api (so the session cookie is the site's
// first-party cookie, in every browser), the paid lesson is sent only after the API said the visitor
// has access, and the paid page carries Google's paywalled-content markup.
//
//   npx visitor-access-mock --public-url http://localhost:3000/api &   # the API, its links on this site
//   npm run build && npm start                                         # this site on http://localhost:3000
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { Hono, type Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { RETURN_PARAMS, SESSION_COOKIE } from '@visitor-access/contract/lite';
import { createVisitorAccess, paywalledContentScript } from '@visitor-access/server';
import { protect, visitorAccess } from '@visitor-access/server/hono';
import { nodeFetch } from '@visitor-access/server/node';
import { LESSON_PATH, gatePage, homePage, lessonFragment, lessonPage, unavailablePage } from './pages.js';

export interface SiteOptions {
  /** The Visitor Access API, e.g. `http://localhost:4010`. */
  apiBase: string;
  /** This site's own public URL (configuration, never taken from request headers). */
  siteUrl: string;
  /** Against the reference mock only: serve its checkout page through /api too. */
  devMockCheckout?: boolean;
}

const MASTERCLASS = { handle: 'gharart', page: 'masterclass' };
// Query parameters the elements and the checkout return put in the address.
const MARKERS: string[] = Object.values(RETURN_PARAMS);

/** The visitor's address on Node (for the API's per-IP limits); none under `app.request()` in tests. */
const clientAddress = (c: Context) =>
  (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket?.remoteAddress;

/** The site as a Hono app (no port opened: `serve()` it, or call `app.request()` in tests). */
export function createSite({ apiBase, siteUrl, devMockCheckout = false }: SiteOptions): Hono {
  // On Node, `nodeFetch()` calls the API with about half the CPU of the global fetch (docs/server.md).
  const va = createVisitorAccess({ apiBase, siteUrl, prefix: '/api', devMockCheckout, fetch: nodeFetch() });
  const bundle = fileURLToPath(import.meta.resolve('@visitor-access/elements/visitor-access.js'));
  // Google's paywalled-content markup, in the paid page whether or not the visitor has access.
  const markup = paywalledContentScript({
    type: 'Course',
    url: `${siteUrl}/masterclass`,
    name: 'Block printing masterclass',
  });
  const app = new Hono();

  // The API under /api: only the visitor routes and the sign-in link's landing go up, with only the
  // session cookie; its Set-Cookie comes back as this site's own cookie.
  app.use(visitorAccess(va, { clientAddress }));

  // The script, and the chunks it loads from beside itself (decision 0151).
  const scriptFile = /^visitor-access(\.[\w-]+)?\.js$/;
  app.get('/:file{visitor-access[\\w.-]*\\.js}', async (c) => {
    const file = c.req.param('file');
    const body = scriptFile.test(file) ? await readFile(join(dirname(bundle), file)).catch(() => undefined) : undefined;
    if (!body) return c.notFound();
    return c.body(body, 200, {
      'content-type': 'text/javascript; charset=utf-8',
      'cache-control': 'public, max-age=300',
    });
  });

  app.get('/', (c) => c.html(homePage()));

  app.get('/masterclass', async (c) => {
    // Whatever happens next depends on who is asking: never let a shared cache keep it.
    c.header('cache-control', 'private, no-store');
    c.header('vary', 'Cookie');
    // Signed out (no session cookie): the gate, without asking the API.
    if (!getCookie(c, SESSION_COOKIE)) return c.html(gatePage({ siteUrl, reason: 'visitor_auth_required', markup }));
    const access = await va.checkAccess(c.req.raw, MASTERCLASS, { clientAddress: clientAddress(c) });
    if (access.hasAccess) {
      // Back from checkout (?va_checkout=…) with access: send the lesson at the clean address, so a
      // later reload does not replay those markers.
      if (Object.keys(c.req.query()).some((key) => MARKERS.includes(key))) return c.redirect('/masterclass', 303);
      return c.html(lessonPage({ title: access.page.title, siteUrl, markup }));
    }
    // No answer, or an error: refuse rather than leak, and say which request to look up.
    if (access.status === 503) return c.html(unavailablePage(access.requestId), 503);
    if (access.status === 404) return c.notFound();
    return c.html(gatePage({ siteUrl, reason: access.error, markup }));
  });

  // The gate's `src`: the lesson only after the same check (401 signed out, 403 not bought, 503 API
  // down — never a byte of the lesson), private and never cached.
  app.get(
    LESSON_PATH,
    protect(va, MASTERCLASS, (c) => c.html(lessonFragment()), { clientAddress }),
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
}) {
  const host = options.host ?? 'localhost';
  // The site's URL is known once the port is: the app is made after listening.
  const app: { site?: Hono } = {};
  const server = serve({
    fetch: (request, env) => app.site!.fetch(request, env),
    port: options.port ?? 3000,
    hostname: host,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', () => resolve());
    server.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const siteUrl = options.siteUrl ?? `http://${host}:${port}`;
  app.site = createSite({
    apiBase: options.apiBase,
    siteUrl,
    ...(options.devMockCheckout !== undefined ? { devMockCheckout: options.devMockCheckout } : {}),
  });
  return {
    url: siteUrl,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const apiBase = process.env.VA_API_BASE ?? 'http://localhost:4010';
  const site = await startSite({
    apiBase,
    port: Number(process.env.PORT ?? 3000),
    ...(process.env.SITE_URL ? { siteUrl: process.env.SITE_URL } : {}),
    // The mock's checkout page through /api, in development only.
    devMockCheckout: process.env.NODE_ENV !== 'production',
  });
  console.log(`Site: ${site.url}/masterclass (API ${apiBase} at ${site.url}/api)`);
  console.log(`Start the mock with --public-url ${site.url}/api so its links land on this site.`);
}
