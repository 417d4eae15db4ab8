import { readFile } from 'node:fs/promises';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';

// The API is reached through this app's own origin (/v2, /_edge, /_mock proxied to the mock on
// :4010): the session cookie is then first-party, as in production behind a same-site API.
const api = process.env.VA_API ?? 'http://localhost:4010';
const proxy = { '/v2': api, '/_edge': api, '/_mock': api };

/**
 * The server half of `<paywall-gate src="/lessons/masterclass.html">`: the lesson (kept outside
 * `public/`, so it is never in the build) is sent only to a visitor the API says has access, asked
 * with the visitor's own session cookie. In production your server or an edge function does the
 * same (see examples/server).
 * @returns {import('vite').Plugin}
 */
function lessons() {
  /** @type {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, next: () => void) => Promise<void>} */
  const serve = async (req, res, next) => {
    if (req.url?.split('?')[0] !== '/lessons/masterclass.html') return next();
    const cookie = /(?:^|;\s*)(_10x_visitor=[^;]*)/.exec(req.headers.cookie ?? '')?.[1];
    let hasAccess = false;
    try {
      const check = await fetch(`${api}/v2/public/pages/gharart/masterclass/access-check`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
        body: '{}',
      });
      hasAccess = check.ok && (await check.json()).hasAccess === true;
    } catch {
      // No answer from the API: refuse rather than leak.
    }
    res.setHeader('cache-control', 'private, no-store');
    res.setHeader('vary', 'Cookie');
    if (!hasAccess) {
      res.writeHead(403, { 'content-type': 'text/plain' }).end('No access\n');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(await readFile(new URL('./lessons/masterclass.html', import.meta.url)));
  };
  return {
    name: 'lessons',
    configureServer: (server) => void server.middlewares.use(serve),
    configurePreviewServer: (server) => void server.middlewares.use(serve),
  };
}

export default defineConfig({
  plugins: [svelte(), lessons()],
  server: { proxy },
  preview: { proxy },
});
