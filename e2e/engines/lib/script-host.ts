// A creator's page and a CDN in one small loopback server, for the split-loading journeys
// (chunks.ts): it serves the pages a test writes, and `packages/elements/dist` as built, at `/dist/`.
// What it does with the files a script-tag page loads after its first chunk (the SDK's chunk, any
// later-state chunk) is up to the test: serve them, hold them until released, answer 404, or drop
// the connection. Which files those are is read from the build, never named here: every chunk of a
// bundle (`<name>.<part>.js` beside it, or a file under `dist/chunks/`) other than the loader
// (`<name>.js`) and the files of its first chunk (its `<name>.meta.json` `first` list, or every
// `.js` name the loader itself holds), so the journeys hold for any chunk layout.
import { readFileSync, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { dirname, extname, join, normalize, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const DIST = join(dirname(fileURLToPath(import.meta.url)), '../../../packages/elements/dist');

/** The script-tag bundles: the file a page's `<script>` loads. */
export const BUNDLES = ['paywall-gate.js', 'visitor-access.js'] as const;
export type Bundle = (typeof BUNDLES)[number];

/** What the server does with a later chunk. */
type LaterMode = 'serve' | 'hold' | '404' | 'drop';

interface FileRequest {
  /** Path under dist/, without the query (`paywall-gate.sdk.js`). */
  file: string;
  /** The query the page asked with (`?retry=1`), or ''. */
  query: string;
  later: boolean;
  answer: 'served' | 'held' | '404' | 'dropped';
}

export interface ScriptHost {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  origin: string;
  /** Serves `html` at `path` (with these response headers, e.g. a CSP). */
  page(path: string, html: string, headers?: Record<string, string>): void;
  /** From now on, later chunks are served, held, answered 404 or dropped. `serve` releases what is held. */
  setLater(mode: LaterMode): void;
  /** Every request for a file under /dist/, oldest first. */
  requests(): FileRequest[];
  /** Later chunks asked for and held right now. */
  held(): string[];
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
};

/**
 * Files of the bundles' first chunks, as the build describes them (paths under dist/): the
 * `first` list of `<name>.meta.json`, or, without one, every `.js` name the loader holds.
 */
function firstChunkFiles(): Set<string> {
  const first = new Set<string>();
  for (const bundle of BUNDLES) {
    const loader = join(DIST, bundle);
    if (!existsSync(loader)) {
      throw new Error(`${loader} is missing: run \`npm run build -w @visitor-access/elements\` first`);
    }
    const meta = join(DIST, bundle.replace(/\.js$/, '.meta.json'));
    const listed = existsSync(meta) ? (JSON.parse(readFileSync(meta, 'utf8')) as { first?: unknown }).first : undefined;
    if (Array.isArray(listed) && listed.length) {
      for (const f of listed) if (typeof f === 'string') first.add(f);
      continue;
    }
    for (const [, name] of readFileSync(loader, 'utf8').matchAll(/["'`]([\w./-]+\.js)["'`]/g)) {
      first.add(name!.replace(/^\.\//, ''));
    }
  }
  return first;
}

/**
 * Is this file (a path under dist/) a chunk a script-tag page loads after its first chunk? Chunks
 * are named after their bundle (`paywall-gate.<part>.js`) or sit under `chunks/` (issue 21).
 */
function isLaterChunk(file: string, first: Set<string>): boolean {
  const ofBundle = BUNDLES.some((bundle) => file.startsWith(bundle.replace(/js$/, ''))) || file.startsWith('chunks/');
  return ofBundle && file.endsWith('.js') && !(BUNDLES as readonly string[]).includes(file) && !first.has(file);
}

export async function startScriptHost(): Promise<ScriptHost> {
  const first = firstChunkFiles();
  const pages = new Map<string, { html: string; headers: Record<string, string> }>();
  const log: FileRequest[] = [];
  const waiting: Array<{ entry: FileRequest; send: () => void; res: ServerResponse }> = [];
  const sockets = new Set<Socket>();
  let mode: LaterMode = 'serve';

  const sendFile = (res: ServerResponse, path: string) => {
    let body: Buffer;
    try {
      body = readFileSync(path);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found\n');
      return;
    }
    res
      .writeHead(200, {
        'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
        // Nothing is kept between tests (each test has its own port and profile anyway).
        'cache-control': 'no-store',
      })
      .end(body);
  };

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const page = pages.get(url.pathname);
    if (page) {
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...page.headers })
        .end(page.html);
      return;
    }
    if (!url.pathname.startsWith('/dist/')) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found\n');
      return;
    }
    let file: string;
    try {
      file = decodeURIComponent(url.pathname.slice('/dist/'.length));
    } catch {
      res.writeHead(400, { 'content-type': 'text/plain' }).end('Bad request\n');
      return;
    }
    const path = normalize(join(DIST, file));
    if (!path.startsWith(DIST + sep) || !existsSync(path) || !statSync(path).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found\n');
      return;
    }
    file = relative(DIST, path).split(sep).join('/');
    const later = isLaterChunk(file, first);
    const entry: FileRequest = { file, query: url.search, later, answer: 'served' };
    log.push(entry);
    if (!later || mode === 'serve') return sendFile(res, path);
    if (mode === 'hold') {
      entry.answer = 'held';
      waiting.push({ entry, res, send: () => sendFile(res, path) });
      return;
    }
    if (mode === '404') {
      entry.answer = '404';
      res.writeHead(404, { 'content-type': 'text/plain', 'cache-control': 'no-store' }).end('Not found\n');
      return;
    }
    // The connection dropped mid-way: no status, no body.
    entry.answer = 'dropped';
    req.socket.destroy();
  };

  const server = createServer((req, res) => {
    try {
      handle(req, res);
    } catch (error) {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`${(error as Error).message}\n`);
    }
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    origin: `http://127.0.0.1:${port}`,
    page(path, html, headers = {}) {
      pages.set(path, { html, headers });
    },
    setLater(next) {
      mode = next;
      if (next !== 'serve') return;
      for (const { entry, send, res } of waiting.splice(0)) {
        if (res.destroyed) continue;
        entry.answer = 'served';
        send();
      }
    },
    requests: () => log.map((r) => ({ ...r })),
    held: () => waiting.filter((w) => !w.res.destroyed).map((w) => w.entry.file + w.entry.query),
    async close() {
      waiting.splice(0);
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
