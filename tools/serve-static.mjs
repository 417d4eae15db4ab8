// A small static file server for built sites (the docs in site/, the examples' dist/), with an
// optional reverse proxy of API paths to another origin — the "API under the site's own origin"
// setup the examples use in development. For tests and local previews, on loopback only.
//   node tools/serve-static.mjs DIR [--port 8080] [--proxy http://localhost:4010]
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};
const API_PATHS = ['/v2/', '/_edge/', '/_mock/'];

/**
 * Serves `dir` (and, with `proxy`, forwards /v2, /_edge and /_mock to that origin).
 *
 * @param {{ dir: string, port?: number, host?: string, proxy?: string, onRequest?: (path: string) => void }} options
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export async function serveStatic({ dir, port = 0, host = 'localhost', proxy, onRequest }) {
  const root = resolve(dir);
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    onRequest?.(url.pathname);
    if (proxy && API_PATHS.some((p) => url.pathname.startsWith(p))) {
      try {
        const headers = Object.fromEntries(
          Object.entries(req.headers).filter(([k, v]) => k !== 'host' && k !== 'connection' && typeof v === 'string'),
        );
        const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
        const answer = await fetch(new URL(`${url.pathname}${url.search}`, proxy), {
          method: req.method,
          headers,
          body: hasBody ? Readable.toWeb(req) : undefined,
          duplex: hasBody ? 'half' : undefined,
          redirect: 'manual',
        });
        const out = {};
        answer.headers.forEach((value, key) => {
          if (key !== 'set-cookie' && key !== 'content-encoding' && key !== 'content-length') out[key] = value;
        });
        const cookies = answer.headers.getSetCookie();
        if (cookies.length) out['set-cookie'] = cookies;
        res.writeHead(answer.status, out);
        res.end(Buffer.from(await answer.arrayBuffer()));
      } catch {
        res.writeHead(502, { 'content-type': 'text/plain' }).end('API unreachable\n');
      }
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    let file = normalize(join(root, decodeURIComponent(url.pathname)));
    if (!file.startsWith(root)) return void res.writeHead(404).end('Not found');
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    else if (!existsSync(file) && existsSync(`${file}.html`)) file = `${file}.html`;
    if (!existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(file).pipe(res);
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => ok(undefined));
  });
  const address = server.address();
  return {
    url: `http://${host}:${typeof address === 'object' && address ? address.port : port}`,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections?.();
        server.close(() => ok(undefined));
      }),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const arg = (name) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const served = await serveStatic({
    dir: process.argv[2] ?? 'site',
    port: Number(arg('--port') ?? 8080),
    proxy: arg('--proxy'),
  });
  console.log(
    `Serving ${process.argv[2] ?? 'site'} on ${served.url}${arg('--proxy') ? ` (API paths → ${arg('--proxy')})` : ''}`,
  );
}
