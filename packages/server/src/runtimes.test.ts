// Issue 17 point 3: the same core on Cloudflare's runtime (workerd through Miniflare), Deno and Bun —
// each from npm. One app (test/runtime-app.ts) is bundled with esbuild (what Wrangler does for a
// Worker) and served by each runtime on loopback against the real mock; on each, a protected URL
// refuses a stranger and serves a buyer, and the proxy forwards a sign-in by magic link.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '@visitor-access/mock/server';
import { entries } from '../test/runtime-entries.js';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const SITE = 'http://localhost:8787';
const START_TIMEOUT_MS = 30_000;

let mock: RunningServer;
let work: string;
beforeAll(async () => {
  mock = await startServer({ port: 0, host: '127.0.0.1', log: false });
  work = mkdtempSync(join(tmpdir(), 'va-server-runtimes-'));
});
afterAll(async () => {
  await mock.close();
  rmSync(work, { recursive: true, force: true });
});

/** Bundles one runtime's entry with the app into a single ES module file. */
async function bundle(name: keyof typeof entries): Promise<string> {
  const outfile = join(work, `${name}.mjs`);
  await build({
    stdin: { contents: entries[name], resolveDir: join(here, '../test'), sourcefile: `${name}-entry.js`, loader: 'js' },
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    conditions: name === 'workerd' ? ['workerd', 'worker'] : [name],
    target: 'es2022',
    outfile,
    logLevel: 'silent',
  });
  return outfile;
}

/** The first file that exists and is a real binary (an install placeholder is a few bytes). */
function binary(name: string, candidates: (() => string)[]): string {
  for (const candidate of candidates) {
    try {
      const path = candidate();
      if (existsSync(path) && statSync(path).size > 1_000_000) return path;
    } catch {
      // not installed on this platform
    }
  }
  throw new Error(`No ${name} binary: run npm ci (the ${name} npm package ships it).`);
}

const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));
const arch = process.arch === 'arm64' ? 'arm64' : 'x64';
const denoBinary = () =>
  binary('deno', [
    () => join(packageDir('deno'), 'deno'),
    () => join(packageDir(`@deno/${process.platform}-${arch}${process.platform === 'linux' ? '-glibc' : ''}`), 'deno'),
  ]);
const bunBinary = () =>
  binary('bun', [
    () => join(packageDir(`@oven/bun-${process.platform}-${arch === 'arm64' ? 'aarch64' : 'x64'}`), 'bin', 'bun'),
    () => join(packageDir('bun'), 'bin', 'bun.exe'),
  ]);

/** Starts a child that prints `LISTENING <port>`; its base URL. */
function serve(
  command: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(command, args, {
    env: { ...process.env, ...env, NO_COLOR: '1', DENO_NO_UPDATE_CHECK: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${command} did not start within ${START_TIMEOUT_MS} ms:\n${output}`));
    }, START_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /LISTENING (\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ url: `http://127.0.0.1:${match[1]}`, child });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${command} exited (${code}) before listening:\n${output}`));
    });
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

const json = (body: unknown, cookie?: string): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...(cookie ? { cookie: `_10x_visitor=${cookie}` } : {}) },
  body: JSON.stringify(body),
});

/** The journey every runtime must pass. `email` is unique per runtime. */
async function journey(site: string, email: string): Promise<void> {
  // A stranger is refused, privately.
  const stranger = await fetch(`${site}/lessons/1`);
  expect(stranger.status).toBe(401);
  expect(stranger.headers.get('cache-control')).toBe('private, no-store');
  expect(((await stranger.json()) as { error: string }).error).toBe('visitor_auth_required');

  // Sign-in by magic link through the proxy: request, the token from the mock's mailbox, verify.
  const asked = await fetch(`${site}/api/v2/visitor/auth/magic-link`, json({ email, returnTo: `${SITE}/masterclass` }));
  expect(asked.status).toBe(202);
  const mail = (await (await fetch(`${mock.url}/_mock/api/messages?to=${encodeURIComponent(email)}`)).json()) as {
    messages: { token: string }[];
  };
  const token = mail.messages[0]!.token;
  const landing = await fetch(`${site}/api/_edge/visitor/access/t/${token}`, { redirect: 'manual' });
  expect(landing.status).toBe(200);
  const verified = await fetch(`${site}/api/v2/visitor/auth/verify`, json({ token }));
  expect(verified.status).toBe(200);
  const setCookie = verified.headers.getSetCookie();
  expect(setCookie).toHaveLength(1);
  expect(setCookie[0]).toMatch(/^_10x_visitor=[^;]+; Max-Age=\d+; Path=\/; HttpOnly; SameSite=Lax$/);
  const cookie = /^_10x_visitor=([^;]+)/.exec(setCookie[0]!)![1]!;

  // Signed in, not bought: 403.
  expect((await fetch(`${site}/lessons/1`, { headers: { cookie: `_10x_visitor=${cookie}` } })).status).toBe(403);

  // A purchase: checkout through the proxy, the payment completed on the mock's checkout API.
  const checkout = await fetch(
    `${site}/api/v2/public/pages/gharart/masterclass/checkout`,
    json({ successUrl: `${SITE}/masterclass`, cancelUrl: `${SITE}/masterclass` }, cookie),
  );
  expect(checkout.status).toBe(200);
  const { url } = (await checkout.json()) as { url: string };
  const completed = await fetch(
    `${mock.url}/_mock/api/checkout/${new URL(url).pathname.split('/').pop()}/complete`,
    json({ outcome: 'paid' }),
  );
  expect(completed.status).toBe(200);

  // The buyer is served.
  const buyer = await fetch(`${site}/lessons/1`, { headers: { cookie: `_10x_visitor=${cookie}` } });
  expect(buyer.status).toBe(200);
  expect(await buyer.text()).toBe('<p>the paid lesson</p>');
  expect(buyer.headers.get('cache-control')).toBe('private, no-store');
  expect(buyer.headers.get('vary')).toMatch(/Cookie/);

  // The markup is in the page; nothing else of /_mock is reachable.
  expect(await (await fetch(`${site}/masterclass`)).text()).toContain('"isAccessibleForFree":false');
  expect((await fetch(`${site}/api/_mock/api/messages`)).status).toBe(404);
}

describe('the same core on other runtimes', { timeout: 90_000 }, () => {
  it('workerd (Cloudflare Workers, through Miniflare)', async () => {
    const script = await bundle('workerd');
    const mf = new Miniflare({
      // The bundle as one module by name (a path outside the working directory would be refused).
      modules: [{ type: 'ESModule', path: 'worker.mjs', contents: readFileSync(script, 'utf8') }],
      compatibilityDate: '2025-09-01',
      // No nodejs_compat flag: the core needs web standards only.
      bindings: { VA_API_BASE: mock.url, VA_SITE_URL: SITE },
      host: '127.0.0.1',
      port: 0,
    });
    try {
      const url = (await mf.ready).origin;
      await journey(url, 'workerd@example.com');
    } finally {
      await mf.dispose();
    }
  });

  it('Deno', async () => {
    const script = await bundle('deno');
    const { url, child } = await serve(
      denoBinary(),
      ['run', '--no-prompt', '--allow-net=127.0.0.1', '--allow-env=VA_API_BASE,VA_SITE_URL', script],
      { VA_API_BASE: mock.url, VA_SITE_URL: SITE, DENO_DIR: join(work, 'deno-dir') },
    );
    try {
      await journey(url, 'deno@example.com');
    } finally {
      await stop(child);
    }
  });

  it('Bun', async () => {
    const script = await bundle('bun');
    const { url, child } = await serve(bunBinary(), ['run', script], {
      VA_API_BASE: mock.url,
      VA_SITE_URL: SITE,
      BUN_INSTALL_CACHE_DIR: join(work, 'bun-cache'),
    });
    try {
      await journey(url, 'bun@example.com');
    } finally {
      await stop(child);
    }
  });
});
