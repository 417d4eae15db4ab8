// SDK benchmarks: (1) browser bundle size of an app that calls every method, (2) per-call overhead
// against bare fetch on a local server. Runs against the built dist; prints a table; always exits 0.
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { dirname } from 'node:path';
import { gzipSync, brotliCompressSync, constants as zc } from 'node:zlib';
import { build } from 'esbuild';
import ky from 'ky';

const here = dirname(fileURLToPath(import.meta.url));
const SIZE_TARGET = 11 * 1024;
const RATIO_TARGET = 1.25;

async function bundleSize(entryModule) {
  const entry = `
    import { createClient } from '${entryModule}';
    const c = createClient({ baseUrl: 'https://api.example.com', creatorToken: () => 't' });
    c.onSessionChange((e) => console.log(e.state));
    const h = 'gharart', p = 'masterclass', g = 'spring-bundle';
    export const all = [
      c.auth.requestMagicLink({ email: 'a@b.co' }), c.auth.verify({ token: 't' }), c.auth.me(), c.auth.logout(),
      c.pages.checkAccess(h, p), c.pages.checkout(h, p, { successUrl: 'https://x.co', cancelUrl: 'https://x.co' }),
      c.pages.refund(h, p, { visitorId: 'vis_1' }), c.access.list(),
      c.groupBuys.get(h, g), c.groupBuys.expressInterest(h, g), c.groupBuys.myInterest(h, g), c.groupBuys.withdrawInterest(h, g),
      c.edge.access(), c.edge.landingUrl('t'), c.support.report({ summary: 's', details: 'd' }),
      c.support.reportContent({ handle: h, reason: 'r' }), c.lastRequestId, c.session,
    ];`;
  const result = await build({
    stdin: { contents: entry, resolveDir: here, loader: 'js' },
    bundle: true,
    minify: true,
    treeShaking: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    metafile: true,
    legalComments: 'none',
  });
  const code = result.outputFiles[0].contents;
  const byPackage = {};
  for (const [file, info] of Object.entries(Object.values(result.metafile.outputs)[0].inputs)) {
    const m = file.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/) ?? file.match(/packages\/([^/]+)/);
    const key = m ? m[1] : file;
    byPackage[key] = (byPackage[key] ?? 0) + info.bytesInOutput;
  }
  return {
    min: code.length,
    gzip: gzipSync(code, { level: 9 }).length,
    brotli: brotliCompressSync(code, { params: { [zc.BROTLI_PARAM_QUALITY]: 11 } }).length,
    byPackage,
  };
}

async function overhead() {
  const { createClient } = await import('@visitor-access/sdk');
  const body = JSON.stringify({
    hasAccess: true,
    reason: 'entitled',
    page: { handle: 'gharart', slug: 'masterclass', title: 'Masterclass', mode: 'PAID', price: 1900, currency: 'USD' },
  });
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json', 'x-request-id': 'req_bench' });
      res.end(body);
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${server.address().port}`;
  const url = `${base}/v2/public/pages/gharart/masterclass/access-check`;
  const client = createClient({ baseUrl: base, sessionChannel: false });

  const bare = async () => {
    const res = await fetch(url, { method: 'POST', headers: { accept: 'application/json' }, credentials: 'include' });
    if (!res.ok) throw new Error(String(res.status));
    return res.json();
  };
  const sdk = () => client.pages.checkAccess('gharart', 'masterclass');
  // ky alone, with the SDK's defaults (retries, 10 s timeout, credentials), no SDK code: the floor
  // that any client built on ky starts from.
  const kyClient = ky.create({ credentials: 'include' });
  const kyOnly = async () => (await kyClient(url, { method: 'post', headers: { accept: 'application/json' } })).json();

  // The same request with the 10 s per-attempt timeout the SDK applies by default: in Node, undici's
  // handling of any AbortSignal is a large share of the SDK's overhead, so it is reported apart.
  const bareWithTimeout = async () => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 10_000);
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { accept: 'application/json' },
        credentials: 'include',
        signal: controller.signal,
      });
      if (!res.ok) throw new Error(String(res.status));
      return await res.json();
    } finally {
      clearTimeout(timer);
    }
  };

  const N = 200;
  const ROUNDS = 12;
  const time = async (fn) => {
    const t0 = performance.now();
    for (let i = 0; i < N; i++) await fn();
    return performance.now() - t0;
  };
  await time(bare);
  await time(bareWithTimeout);
  await time(kyOnly);
  await time(sdk); // warm-up
  const sides = { bare: [], bareWithTimeout: [], kyOnly: [], sdk: [] };
  const fns = { bare, bareWithTimeout, kyOnly, sdk };
  const order = Object.keys(fns);
  for (let r = 0; r < ROUNDS; r++) {
    // Rotate the order so that machine noise and warm-up drift hit every side alike.
    for (let i = 0; i < order.length; i++) {
      const name = order[(r + i) % order.length];
      globalThis.gc?.();
      sides[name].push(await time(fns[name]));
    }
  }
  server.close();
  const median = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
  // The ratio is the median of per-round ratios: each round's sides ran back to back under the same load.
  const ratio = median(sides.sdk.map((t, i) => t / sides.bare[i]));
  const timeoutRatio = median(sides.bareWithTimeout.map((t, i) => t / sides.bare[i]));
  const kyRatio = median(sides.kyOnly.map((t, i) => t / sides.bare[i]));
  return {
    bareMs: median(sides.bare) / N,
    bareTimeoutMs: median(sides.bareWithTimeout) / N,
    kyMs: median(sides.kyOnly) / N,
    kyRatio,
    sdkMs: median(sides.sdk) / N,
    ratio,
    timeoutRatio,
    calls: N * ROUNDS,
  };
}

const kb = (n) => `${(n / 1024).toFixed(2)} kB`;
const mark = (ok) => (ok ? 'ok' : 'MISSED');

const LITE_TARGET = SIZE_TARGET;
for (const [label, mod, target] of [
  ['@visitor-access/sdk (validates with zod/mini)', '@visitor-access/sdk', SIZE_TARGET],
  ['@visitor-access/sdk/lite (no zod)', '@visitor-access/sdk/lite', LITE_TARGET],
]) {
  const size = await bundleSize(mod);
  console.log(`${label} — bundle (browser, minified, every method called)`);
  console.log(`  min      ${kb(size.min)}`);
  console.log(`  gzip     ${kb(size.gzip)}`);
  console.log(`  brotli   ${kb(size.brotli)}   target <= ${kb(target)}   ${mark(size.brotli <= target)}`);
  console.log(
    `  min bytes by package: ${Object.entries(size.byPackage)
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `${k} ${kb(v)}`)
      .join(', ')}`,
  );
}

const o = await overhead();
console.log(`@visitor-access/sdk — per-call overhead (${o.calls} sequential calls per side, 127.0.0.1)`);
console.log(`  bare fetch   ${o.bareMs.toFixed(3)} ms/call   1.00x`);
console.log(
  `  bare fetch + 10 s timeout signal   ${o.bareTimeoutMs.toFixed(3)} ms/call   ${o.timeoutRatio.toFixed(2)}x   (for reference)`,
);
console.log(`  ky alone     ${o.kyMs.toFixed(3)} ms/call   ${o.kyRatio.toFixed(2)}x   (the floor of any client on ky)`);
console.log(
  `  sdk          ${o.sdkMs.toFixed(3)} ms/call   ${o.ratio.toFixed(2)}x   target <= ${RATIO_TARGET}x   ${mark(o.ratio <= RATIO_TARGET)}`,
);
