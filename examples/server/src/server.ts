// A creator's site rendered on the server, on Hono + Node: the paid lesson is sent only to a
// visitor the API says has access. The server asks the API's access check itself, forwarding the
// visitor's session cookie, before it sends a byte of the lesson — the page source of everyone
// else holds a <paywall-gate> (sign-in and checkout) and no lesson at all. Visitors who get access
// on that page (they pay, or another tab does) receive the lesson through the gate's `src`, from
// a route that makes the same check.
//
//   npx visitor-access-mock &            # the API on http://localhost:4010
//   npm run build && npm start           # this site on http://localhost:3000
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { proxy } from 'hono/proxy';
import { createClient } from '@visitor-access/sdk';
import { LESSON_PATH, gatePage, homePage, lessonFragment, lessonPage, unavailablePage } from './pages.js';

export interface SiteOptions {
  /** The Visitor Access API, e.g. `http://localhost:4010`. */
  apiBase: string;
  /** This site's own public URL (configuration, never taken from request headers). */
  siteUrl: string;
}

const SESSION_COOKIE = '_10x_visitor';
// Query parameters the elements and the checkout return put in the address.
const MARKERS = ['va_checkout', 'session_id', 'va_gate', 'va_token', 'va_buy'];

/** The visitor's session cookie alone: the site's other cookies are none of the API's business. */
function sessionCookie(header: string | undefined): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE) return `${SESSION_COOKIE}=${value.join('=')}`;
  }
  return undefined;
}

/** The site as a Hono app (no port opened: `serve()` it, or call `app.request()` in tests). */
export function createSite({ apiBase, siteUrl }: SiteOptions): Hono {
  const api = createClient({ baseUrl: apiBase, sessionChannel: false });
  const bundle = fileURLToPath(import.meta.resolve('@visitor-access/elements/visitor-access.js'));
  const app = new Hono();

  // The API under this site's origin. The session cookie is set by whichever host answers the
  // sign-in, without a Domain: reached through this origin, it is this site's cookie, so the
  // browser sends it with every page request below. (An API on another host keeps its cookie.)
  const forward = (c: { req: { url: string; raw: Request } }) => {
    const url = new URL(c.req.url);
    return proxy(new URL(`${url.pathname}${url.search}`, apiBase), {
      raw: c.req.raw,
      headers: { ...Object.fromEntries(c.req.raw.headers), host: undefined },
    });
  };
  app.all('/v2/*', forward);
  app.all('/_edge/*', forward);

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

  /** The access check, asked with the visitor's session cookie alone; `undefined` with a request ID when it failed. */
  const checkAccess = async (cookieHeader: string | undefined) => {
    const cookie = sessionCookie(cookieHeader);
    try {
      return { access: await api.pages.checkAccess('gharart', 'masterclass', cookie ? { headers: { cookie } } : {}) };
    } catch (error) {
      return { requestId: (error as { requestId?: string }).requestId ?? api.lastRequestId };
    }
  };

  app.get('/masterclass', async (c) => {
    // Whatever happens next depends on who is asking: never let a shared cache keep it.
    c.header('cache-control', 'private, no-store');
    c.header('vary', 'Cookie');
    const { access, requestId } = await checkAccess(c.req.header('cookie'));
    // No answer, or an error: refuse rather than leak, and say which request to look up.
    if (!access) return c.html(unavailablePage(requestId), 503);
    if (access.hasAccess) {
      // Back from checkout (?va_checkout=…) with access: send the lesson at the clean address, so a
      // later reload does not replay those markers.
      const url = new URL(c.req.url);
      if ([...url.searchParams.keys()].some((key) => MARKERS.includes(key))) return c.redirect('/masterclass', 303);
      return c.html(lessonPage(access.page.title, siteUrl));
    }
    return c.html(gatePage({ siteUrl, reason: access.reason }));
  });

  // The gate's `src`: the same check, for a visitor who got access on the gate page.
  app.get(LESSON_PATH, async (c) => {
    c.header('cache-control', 'private, no-store');
    c.header('vary', 'Cookie');
    const { access, requestId } = await checkAccess(c.req.header('cookie'));
    if (!access) return c.text(`Try again in a moment (request ${requestId ?? 'unknown'})\n`, 503);
    if (!access.hasAccess) return c.text('No access\n', 403);
    return c.html(lessonFragment());
  });

  return app;
}

/** Starts the site; `port: 0` picks a free port (tests). */
export async function startSite(options: { apiBase: string; port?: number; host?: string; siteUrl?: string }) {
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
  app.site = createSite({ apiBase: options.apiBase, siteUrl });
  return {
    url: siteUrl,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const apiBase = process.env.VA_API_BASE ?? 'http://localhost:4010';
  const site = await startSite({ apiBase, port: Number(process.env.PORT ?? 3000) });
  console.log(`Site: ${site.url}/masterclass (API ${apiBase})`);
}
