// A creator's site rendered on the server, on Hono + Node: the paid lesson is sent only to a
// visitor the API says has access. The server asks the API's access check itself, forwarding the
// visitor's session cookie, before it sends a byte of the lesson — the page source of everyone
// else holds a <paywall-gate> (sign-in and checkout) and no lesson at all.
//
//   npx visitor-access-mock &            # the API on http://localhost:4010
//   npm run build && npm start           # this site on http://localhost:3000
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { proxy } from 'hono/proxy';
import { createClient, type AccessCheckResponse } from '@visitor-access/sdk';
import { gatePage, homePage, lessonPage, unavailablePage } from './pages.js';

export interface SiteOptions {
  /** The Visitor Access API, e.g. `http://localhost:4010`. */
  apiBase: string;
  /** This site's own public URL (configuration, never taken from request headers). */
  siteUrl: string;
}

const SESSION_COOKIE = '_10x_visitor';
// Query parameters the gate and the checkout return put in the address.
const MARKERS = ['after', 'va_checkout', 'session_id', 'va_gate', 'va_token'];

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

  app.get('/visitor-access.js', async (c) =>
    c.body(await readFile(bundle), 200, {
      'content-type': 'text/javascript; charset=utf-8',
      'cache-control': 'public, max-age=300',
    }),
  );

  app.get('/', (c) => c.html(homePage()));

  app.get('/masterclass', async (c) => {
    // Whatever happens next depends on who is asking: never let a shared cache keep it.
    c.header('cache-control', 'private, no-store');
    c.header('vary', 'Cookie');
    const cookie = sessionCookie(c.req.header('cookie'));
    let access: AccessCheckResponse;
    try {
      access = await api.pages.checkAccess('gharart', 'masterclass', cookie ? { headers: { cookie } } : {});
    } catch (error) {
      // No answer, or an error: refuse rather than leak, and say which request to look up.
      const requestId = (error as { requestId?: string }).requestId ?? api.lastRequestId;
      return c.html(unavailablePage(requestId), 503);
    }
    const url = new URL(c.req.url);
    if (access.hasAccess) {
      // Back from checkout (?va_checkout=…) or from the gate's reload (?after=granted) with access:
      // send the lesson at the clean address, so a later reload does not replay those markers.
      if ([...url.searchParams.keys()].some((key) => MARKERS.includes(key))) return c.redirect('/masterclass', 303);
      return c.html(lessonPage(access.page.title, siteUrl));
    }
    // The gate reloads the page once access is granted. If it did and this server still sees no
    // session, the cookie is not reaching the server: say so instead of reloading in a loop.
    const cookieMissing = url.searchParams.get('after') === 'granted' && access.reason === 'visitor_auth_required';
    return c.html(gatePage({ siteUrl, reason: access.reason, cookieMissing }));
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
