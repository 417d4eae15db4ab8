// A tiny static server for the demo site: the HTML pages in ./site and the script-tag bundle
// from packages/elements/dist. Each page's `data-api-base` is rewritten to the mock's URL.
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApiError, createClient } from '@visitor-access/sdk';

const here = dirname(fileURLToPath(import.meta.url));
const site = join(here, 'site');
// Protected fragments for `<paywall-gate src>`: outside ./site, served only after the API says the
// visitor (by the session cookie the browser sends here too: cookies ignore the port) has access.
const content = join(here, 'content');
const bundle = join(here, '../../packages/elements/dist/visitor-access.js');
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/**
 * Starts the demo site on localhost (same site as a mock on localhost, so the session cookie flows).
 *
 * @example
 * ```js
 * const demo = await startDemo({ apiBase: 'http://localhost:4010' });
 * console.log(demo.url); // http://localhost:4020/
 * await demo.close();
 * ```
 * @param {{ apiBase: string, port?: number, host?: string }} options
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export async function startDemo({ apiBase, port = 4020, host = 'localhost' }) {
  const base = apiBase.replace(/\/+$/, '');
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
    if (path === '/visitor-access.js' || path === '/visitor-access.js.map') {
      const file = path.endsWith('.map') ? `${bundle}.map` : bundle;
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
      serveProtected(req, res, base, protectedPage[1]).catch((error) => {
        console.error('[demo] protected page failed', error);
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end();
      });
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
    // The pages are written for the default ports; point them (script tag and mailbox link) at the
    // mock actually running.
    if (file.endsWith('.html')) body = body.replaceAll('http://localhost:4010', base);
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
  return {
    url: `http://${host}:${actualPort}/`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve(undefined));
        server.closeAllConnections();
      }),
  };
}

/** One SDK client per API base: it retries what fails for a moment (503, a dropped connection). */
const clients = new Map();
const clientFor = (apiBase) => {
  let client = clients.get(apiBase);
  if (!client) clients.set(apiBase, (client = createClient({ baseUrl: apiBase, sessionChannel: false })));
  return client;
};

/**
 * Sends a protected fragment only to a visitor the API says has access to the page: the same
 * check a creator's server must make, since the gate alone cannot keep a URL secret. The check goes
 * through the SDK, which retries a passing failure; one that lasts is a 503 (try again), never a
 * 403 (no access) — the visitor may well have paid.
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {string} apiBase
 * @param {string} slug
 */
async function serveProtected(req, res, apiBase, slug) {
  const file = join(content, `${slug}.html`);
  if (!existsSync(file)) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
  let hasAccess = false;
  try {
    const check = await clientFor(apiBase).pages.checkAccess('gharart', slug, {
      headers: { cookie: req.headers.cookie ?? '' },
    });
    hasAccess = check.hasAccess === true;
  } catch (error) {
    // Refuse rather than leak; say "try again" when the API could not answer.
    if (!(error instanceof ApiError) || error.status >= 500 || error.status === 429) {
      res
        .writeHead(503, { 'content-type': 'text/plain', 'cache-control': 'no-store', 'retry-after': '1' })
        .end('The access check could not be made just now. Try again.\n');
      return;
    }
  }
  if (!hasAccess) {
    res.writeHead(403, { 'content-type': 'text/plain', 'cache-control': 'no-store' }).end('No access\n');
    return;
  }
  res.writeHead(200, { 'content-type': types['.html'], 'cache-control': 'private, no-store', vary: 'Cookie' });
  res.end(req.method === 'HEAD' ? undefined : readFileSync(file, 'utf8'));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const apiBase = process.env.VA_API_BASE ?? 'http://localhost:4010';
  const demo = await startDemo({ apiBase, port: Number(process.env.PORT ?? 4020) });
  console.log(`Demo site: ${demo.url} (API ${apiBase})`);
}
