// The examples built on @visitor-access/server, each as its users run it (built by `npm run build`):
// Express on the Node adapter, a Cloudflare Worker on workerd (through miniflare), and the one file that
// runs on Deno and on Bun. Against the reference mock started with `--public-url {site}/api`, each must
// carry the paywalled-content markup in its paid page, refuse the lesson to a stranger (401) and to a
// visitor who has not bought (403), forward a whole sign-in through /api (the emailed link lands on the
// site, the cookie is the site's own), forward the mock's checkout (development option), and then
// serve the lesson to the buyer, private and never cached. (examples/server, the Hono one, is driven
// in Chromium by framework-examples.test.ts.)
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Miniflare } from 'miniflare';
import { startServer } from '@visitor-access/mock/server';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, root } from '@visitor-access/tools/npm-start';

const example = (name: string, file: string) => {
  const path = fileURLToPath(new URL(`../examples/${name}/${file}`, import.meta.url));
  if (!existsSync(path)) throw new Error(`examples/${name} is not built: npm run build`);
  return path;
};
const LESSON = 'Carving your first block';
type Mock = Awaited<ReturnType<typeof startServer>>;

const cleanups: (() => Promise<unknown> | unknown)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A mock whose links land on `site` under /api, as in production behind the site's proxy. */
async function mockFor(site: string): Promise<Mock> {
  const mock = await startServer({ port: 0, host: '127.0.0.1', log: false, publicUrl: `${site}/api` });
  cleanups.push(() => mock.close());
  return mock;
}

const cookieOf = (res: Response) => {
  const set = res.headers.getSetCookie().find((c) => c.startsWith('_10x_visitor='));
  return set ? { header: set, pair: set.split(';')[0]! } : undefined;
};

/** The journey every example must pass, over HTTP against the running site. */
async function journey(site: string, mock: Mock): Promise<void> {
  // The paid page: the gate, the markup naming it, not a word of the lesson.
  const page = await fetch(`${site}/masterclass`);
  expect(page.status).toBe(200);
  const html = await page.text();
  expect(html).toContain('<script type="application/ld+json">');
  expect(html).toContain('"isAccessibleForFree":false');
  expect(html).toContain('"cssSelector":".paywall-gate"');
  expect(html).toContain('class="paywall-gate"');
  expect(html).toContain(`data-api-base="${site}/api"`);
  expect(html).not.toContain(LESSON);

  // A stranger: 401, the envelope, nothing of the lesson, never cached.
  const stranger = await fetch(`${site}/masterclass/lesson`);
  expect(stranger.status).toBe(401);
  expect(stranger.headers.get('cache-control')).toContain('no-store');
  const strangerText = await stranger.text();
  expect(strangerText).not.toContain(LESSON);
  expect(JSON.parse(strangerText).error).toBe('visitor_auth_required');

  // A sign-in through /api: the emailed link lands on the site, under /api.
  const email = `ex-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;
  const sent = await fetch(`${site}/api/v2/visitor/auth/magic-link`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, returnTo: `${site}/masterclass` }),
  });
  expect(sent.status).toBe(202);
  const [mail] = mock.store.messagesTo(email);
  expect(mail!.link!.startsWith(`${site}/api/_edge/visitor/access/t/`)).toBe(true);
  const landing = await fetch(mail!.link!);
  expect(landing.status).toBe(200);
  expect(await landing.text()).toContain('data-api="/api"');
  const verified = await fetch(`${site}/api/v2/visitor/auth/verify`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token: mail!.token }),
  });
  expect(verified.status).toBe(200);
  const cookie = cookieOf(verified)!;
  // The site's own first-party cookie: no Domain, the whole site, HttpOnly.
  expect(cookie.header).not.toMatch(/domain=/i);
  expect(cookie.header).toMatch(/path=\//i);
  expect(cookie.header).toMatch(/httponly/i);
  const headers = { cookie: `theme=dark; ${cookie.pair}` };

  // Signed in, not bought: 403.
  const notBought = await fetch(`${site}/masterclass/lesson`, { headers });
  expect(notBought.status).toBe(403);
  expect(await notBought.text()).not.toContain(LESSON);

  // Checkout through /api, its page and its Pay on the site too (the development option).
  const checkout = await fetch(`${site}/api/v2/public/pages/gharart/masterclass/checkout`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ successUrl: `${site}/masterclass`, cancelUrl: `${site}/masterclass` }),
  });
  expect(checkout.status).toBe(200);
  const { url, sessionId } = (await checkout.json()) as { url: string; sessionId: string };
  expect(url).toBe(`${site}/api/_mock/checkout/${sessionId}`);
  expect((await fetch(url)).status).toBe(200);
  const paid = await fetch(`${site}/api/_mock/api/checkout/${sessionId}/complete`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: new URL(site).origin },
    body: JSON.stringify({ outcome: 'paid' }),
  });
  expect(paid.status).toBe(200);
  // The rest of the development API never goes through.
  expect((await fetch(`${site}/api/_mock/api/messages`)).status).toBe(404);

  // The buyer: the lesson, private and never cached.
  const lesson = await fetch(`${site}/masterclass/lesson`, { headers });
  expect(lesson.status).toBe(200);
  expect(lesson.headers.get('cache-control')).toBe('private, no-store');
  expect(lesson.headers.get('vary')).toMatch(/cookie/i);
  expect(await lesson.text()).toContain(LESSON);
}

/** A site answers 503 for the lesson when the API cannot be reached, never the lesson. */
async function downJourney(site: string): Promise<void> {
  const res = await fetch(`${site}/masterclass/lesson`, { headers: { cookie: '_10x_visitor=forged' } });
  expect(res.status).toBe(503);
  expect(await res.text()).not.toContain(LESSON);
}

async function deadApi(): Promise<string> {
  const port = await freePort();
  return `http://127.0.0.1:${port}`;
}

describe('examples on @visitor-access/server', () => {
  it('express: the Node adapter in front of Express', async () => {
    const { startSite } = await import(example('express', 'dist/server.js'));
    const port = await freePort();
    const siteUrl = `http://127.0.0.1:${port}`;
    const mock = await mockFor(siteUrl);
    const site = await startSite({ apiBase: mock.url, port, host: '127.0.0.1', devMockCheckout: true });
    cleanups.push(() => site.close());
    expect(site.url).toBe(siteUrl);
    await journey(site.url, mock);

    const down = await startSite({ apiBase: await deadApi(), port: 0, host: '127.0.0.1' });
    try {
      await downJourney(down.url);
    } finally {
      await down.close();
    }
  }, 60_000);

  it('worker: the same core on workerd (miniflare)', async () => {
    const port = await freePort();
    const siteUrl = `http://127.0.0.1:${port}`;
    const mock = await mockFor(siteUrl);
    const mf = new Miniflare({
      modules: true,
      scriptPath: example('worker', 'dist/worker.js'),
      compatibilityDate: '2026-04-01',
      host: '127.0.0.1',
      port,
      bindings: { VA_API_BASE: mock.url, SITE_URL: siteUrl, VA_DEV_MOCK_CHECKOUT: '1' },
    });
    cleanups.push(() => mf.dispose());
    const ready = await mf.ready;
    expect(ready.origin).toBe(siteUrl);
    await journey(siteUrl, mock);
  }, 90_000);

  const runtimes: [string, (script: string) => [string, string[]]][] = [
    ['deno', (script) => [join(root, 'node_modules/.bin/deno'), ['run', '--allow-net', '--allow-env', script]]],
    ['bun', (script) => [join(root, 'node_modules/.bin/bun'), [script]]],
  ];
  for (const [name, command] of runtimes) {
    it(`deno-bun: the same file on ${name}`, async () => {
      const port = await freePort();
      const siteUrl = `http://127.0.0.1:${port}`;
      const mock = await mockFor(siteUrl);
      const home = mkdtempSync(join(tmpdir(), `va-${name}-`));
      cleanups.push(() => rmSync(home, { recursive: true, force: true }));
      const [bin, args] = command(example('deno-bun', 'dist/site.js'));
      const child: ChildProcess = spawn(bin, args, {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: {
          PATH: process.env.PATH,
          HOME: home,
          DENO_DIR: join(home, 'deno'),
          DENO_NO_UPDATE_CHECK: '1',
          BUN_INSTALL_CACHE_DIR: join(home, 'bun'),
          PORT: String(port),
          HOST: '127.0.0.1',
          VA_API_BASE: mock.url,
          SITE_URL: siteUrl,
          VA_DEV_MOCK_CHECKOUT: '1',
        },
      });
      cleanups.push(() => child.exitCode === null && child.kill('SIGKILL'));
      let out = '';
      child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
      const deadline = Date.now() + 30_000;
      while (!out.includes('Site on ')) {
        if (Date.now() > deadline || child.exitCode !== null) throw new Error(`${name} did not start: ${out}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(out).toContain(`Site on ${name === 'deno' ? 'Deno' : 'Bun'}`);
      await journey(siteUrl, mock);
    }, 90_000);
  }
});
