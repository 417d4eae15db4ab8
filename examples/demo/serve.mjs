// The demo site: the HTML pages in ./site, the script-tag bundle from packages/elements/dist, and —
// through @visitor-access/server, as a creator's production site would — the visitor API under /api
// on this site's own origin and the protected lessons behind protect(). Each page's `data-api-base`
// is rewritten to this site's /api, its mailbox link to the mock's own address.
import { existsSync, readFileSync, statSync, createReadStream } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createVisitorAccess } from '@visitor-access/server';
import { nodeFetch, toNodeHandler } from '@visitor-access/server/node';

const here = dirname(fileURLToPath(import.meta.url));
const site = join(here, 'site');
// Protected fragments for `<paywall-gate src>`: outside ./site, served only through protect(): the
// API said this visitor (by the site's own session cookie) has access to the page.
const content = join(here, 'content');
const bundle = join(here, '../../packages/elements/dist/visitor-access.js');
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};
/** Where the API is served on the site. */
const PREFIX = '/api';

/**
 * Starts the demo site. The mock behind it should be started with `--public-url {site}/api` (as
 * `npm start` does), so that its links and its checkout land on the site too.
 *
 * @example
 * ```js
 * const demo = await startDemo({ apiBase: 'http://localhost:4010' });
 * console.log(demo.url); // http://localhost:4020/  (the API at http://localhost:4020/api)
 * await demo.close();
 * ```
 * `sameSiteApi: false` points the pages at `apiBase` itself (the API on its own host, as the engine
 * tests of cookie policies need); the lessons are protected the same way.
 *
 * @param {{ apiBase: string, port?: number, host?: string, siteUrl?: string, sameSiteApi?: boolean }} options
 * @returns {Promise<{ url: string, port: number, close: () => Promise<void> }>}
 */
export async function startDemo({ apiBase, port = 4020, host = 'localhost', siteUrl, sameSiteApi = true }) {
  const base = apiBase.replace(/\/+$/, '');
  /** Made once the port (and so the site's URL) is known. */
  let va;
  /** @type {import('node:http').RequestListener | undefined} */
  let api;
  /** One protect() per lesson page. */
  const lessons = new Map();
  let origin = '';
  const server = createServer((req, res) => {
    // One bad request must never take the site (and `npm start` with it) down.
    try {
      handle(req, res);
    } catch (error) {
      console.error('[demo] request failed', error);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('Something went wrong\n');
    }
  });
  const handle = (req, res) => {
    let path;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      res.writeHead(400, { 'content-type': 'text/plain' }).end('Bad request: the address is malformed\n');
      return;
    }
    if (path.includes('\0')) {
      res.writeHead(400, { 'content-type': 'text/plain' }).end('Bad request\n');
      return;
    }
    // The API under the site's origin: the visitor routes, the sign-in link's landing and (the mock
    // being a development API) its checkout page; everything else under /api is 404 and goes nowhere.
    if (path === PREFIX || path.startsWith(`${PREFIX}/`)) {
      void api(req, res);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    // The language files, beside the bundle (decision 0110): a page in Japanese fetches locales/ja.js.
    const language = /^\/locales\/([\w-]+\.js)$/.exec(path);
    if (language) {
      const file = join(here, '../../packages/elements/dist/locales', language[1]);
      if (!existsSync(file)) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': types['.js'], 'cache-control': 'no-store' });
      createReadStream(file).pipe(res);
      return;
    }
    // The script and the chunks it loads from beside itself (decision 0151), with their source maps.
    if (/^\/visitor-access(\.[\w-]+)?\.js(\.map)?$/.test(path)) {
      const file = join(dirname(bundle), path.slice(1));
      if (!existsSync(file)) {
        res
          .writeHead(503, { 'content-type': 'text/plain' })
          .end('Build the elements first: npm run build -w @visitor-access/elements\n');
        return;
      }
      res.writeHead(200, { 'content-type': types['.js'], 'cache-control': 'no-store' });
      createReadStream(file).pipe(res);
      return;
    }
    const protectedPage = /^\/content\/([a-z0-9-]+)\.html$/.exec(path);
    if (protectedPage) {
      const slug = protectedPage[1];
      const file = join(content, `${slug}.html`);
      if (!existsSync(file)) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      let lesson = lessons.get(slug);
      if (!lesson) {
        // 401 signed out, 403 not bought, 503 the API down (fail closed); the file is read only on access.
        lesson = toNodeHandler(
          va.protect(
            { handle: 'gharart', page: slug },
            () => new Response(readFileSync(file, 'utf8'), { headers: { 'content-type': types['.html'] } }),
          ),
        );
        lessons.set(slug, lesson);
      }
      void lesson(req, res);
      return;
    }
    const name = path === '/' ? 'index.html' : path.replace(/^\//, '').replace(/\/$/, '');
    let file = normalize(join(site, name));
    if (!file.startsWith(site)) return void res.writeHead(404).end('Not found');
    if (!extname(file)) file += '.html';
    if (!existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    let body = readFileSync(file, 'utf8');
    // The pages are written for the default ports: the elements talk to this site's /api, and the
    // mailbox link points at the mock actually running.
    if (file.endsWith('.html'))
      body = body
        .replaceAll('data-api-base="http://localhost:4010"', `data-api-base="${sameSiteApi ? origin + PREFIX : base}"`)
        .replaceAll('http://localhost:4010', base);
    res.writeHead(200, {
      'content-type': types[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(undefined));
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  origin = (siteUrl ?? `http://${host}:${actualPort}`).replace(/\/+$/, '');
  va = createVisitorAccess({ apiBase: base, siteUrl: origin, prefix: PREFIX, devMockCheckout: true, fetch: nodeFetch() });
  api = toNodeHandler(va);
  return {
    url: `${origin}/`,
    port: actualPort,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve(undefined));
        server.closeAllConnections();
      }),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const apiBase = process.env.VA_API_BASE ?? 'http://localhost:4010';
  const demo = await startDemo({ apiBase, port: Number(process.env.PORT ?? 4020) });
  console.log(`Demo site: ${demo.url} (API ${apiBase}, served at ${demo.url}api)`);
  console.log(`Start the mock with --public-url ${demo.url}api so its links land on this site.`);
}
