// Benchmarks of @visitor-access/mock against its built dist (run `npm run build` first).
//  1. access-check throughput at 64 concurrent keep-alive connections: the standalone mock vs a bare
//     node:http server answering the same JSON, in the same run (ratio; target >= 0.5), with p50/p99.
//  2. access-check time with 1,000 vs 1,000,000 purchases in the store (ratio; target <= 1.5).
//  3. heap per 100,000 purchases.
//  4. a write (POST support report of 2 kB over HTTP, --data journal flushed with fdatasync) with 100,000
//     records stored vs 1,000, 16 writers at once (so writes land while the journal compacts), alternating
//     between two servers in the same run (ratio; target <= 1.5); the bytes each write appends, and the
//     compactions each server did (none may fail).
//  5. RSS of the standalone mock after 100,000 magic-link requests and the purge window (the clock moved
//     25 hours, then 10 s idle as a long-running mock would be), after a full GC (target <= 250 MB).
//  6. RSS of the standalone mock while four clients upload 256 MiB each at once (chunked), against its RSS
//     at start: bodies are refused past 64 KiB and never buffered (target: flat, <= start + 64 MB).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getResponse } from 'msw';
import { createHandlers, createStore } from '../dist/index.js';
import { nodeCrypto } from '../dist/node-crypto.js';
import { startServer } from '../dist/server.js';

const CONCURRENCY = 64;
const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 2000);
const gc = globalThis.gc ?? (() => {});

function load(port, path, headers) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const latencies = [];
  let done = 0;
  let errors = 0;
  const end = performance.now() + DURATION_MS;
  const one = () =>
    new Promise((resolve) => {
      const started = performance.now();
      const req = http.request({ host: '127.0.0.1', port, path, method: 'POST', agent, headers }, (res) => {
        res.resume();
        res.on('end', () => {
          if (res.statusCode !== 200) errors++;
          latencies.push(performance.now() - started);
          done++;
          resolve();
        });
      });
      req.on('error', () => {
        errors++;
        resolve();
      });
      req.end();
    });
  const worker = async () => {
    while (performance.now() < end) await one();
  };
  const t0 = performance.now();
  return Promise.all(Array.from({ length: CONCURRENCY }, worker)).then(() => {
    agent.destroy();
    latencies.sort((a, b) => a - b);
    const q = (p) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN;
    return { rps: done / ((performance.now() - t0) / 1000), p50: q(0.5), p99: q(0.99), errors, done };
  });
}

function startChild(kind) {
  const child = spawn(
    process.execPath,
    ['--expose-gc', fileURLToPath(new URL('./serve-child.mjs', import.meta.url)), kind],
    {
      stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      if (out.includes('\n')) resolve({ child, ...JSON.parse(out.split('\n')[0]) });
    });
    child.once('exit', (code) => reject(new Error(`${kind} server exited with ${code}`)));
  });
}

// Servers run in their own process (as they would in use); the load loop runs here. Rounds alternate
// bare and mock so that both see the same background load on a shared machine; the best round counts.
async function throughput() {
  const bare = await startChild('bare');
  const mock = await startChild('mock');
  const headers = (s) => ({ cookie: `_10x_visitor=${s.cookie}` });
  await load(bare.port, bare.path, headers(bare)); // warm-up
  await load(mock.port, mock.path, headers(mock));
  const cpu = (s) =>
    new Promise((resolve) => {
      s.child.once('message', (m) => resolve(m.cpu));
      s.child.send('cpu');
    });
  const measured = async (s) => {
    const before = await cpu(s);
    const r = await load(s.port, s.path, headers(s));
    r.cpuUsPerRequest = (await cpu(s)) - before;
    r.cpuUsPerRequest /= r.done;
    return r;
  };
  const rounds = { base: [], mock: [] };
  for (let i = 0; i < 3; i++) {
    rounds.base.push(await measured(bare));
    rounds.mock.push(await measured(mock));
  }
  for (const s of [bare, mock]) {
    s.child.removeAllListeners('exit');
    s.child.kill();
  }
  const best = (list) => list.reduce((a, b) => (b.rps > a.rps ? b : a));
  const leastCpu = (list) => Math.min(...list.map((r) => r.cpuUsPerRequest));
  return {
    base: best(rounds.base),
    mock: best(rounds.mock),
    cpu: { base: leastCpu(rounds.base), mock: leastCpu(rounds.mock) },
  };
}

async function checker(purchases) {
  const store = createStore({
    ...nodeCrypto,
    fixture: {
      handles: [
        {
          handle: 'gharart',
          connectConfigured: true,
          pages: [{ slug: 'masterclass', title: 'M', mode: 'PAID', price: 1900, currency: 'USD' }],
        },
      ],
    },
  });
  for (let i = 1; i < purchases; i++)
    store.grantPurchase({ visitorId: `vis_synthetic${i}`, handle: 'gharart', slug: 'masterclass' });
  const cookie = await store.createSession('probe@example.com');
  const visitor = [...store.visitors.values()][0];
  store.grantPurchase({ visitorId: visitor.id, handle: 'gharart', slug: 'masterclass' });
  if (store.purchases.size !== purchases) throw new Error('purchases not stored');
  const handlers = createHandlers({ store, apiOrigin: 'http://mock.test' });
  const url = 'http://mock.test/v2/public/pages/gharart/masterclass/access-check';
  return async (n) => {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) {
      const res = await getResponse(
        handlers,
        new Request(url, { method: 'POST', headers: { cookie: `_10x_visitor=${cookie}` } }),
      );
      if (res.status !== 200) throw new Error(`status ${res.status}`);
      await res.text();
    }
    return (performance.now() - t0) / n;
  };
}

// Both stores live in the same heap and their samples alternate, so garbage collection of the big heap
// weighs on both equally: what is left is the cost of the lookup itself.
async function lookupScaling() {
  const small = await checker(1_000);
  const large = await checker(1_000_000);
  await small(1000);
  await large(1000);
  const s = [];
  const l = [];
  for (let i = 0; i < 7; i++) {
    s.push(await small(1000));
    l.push(await large(1000));
  }
  const median = (a) => a.sort((x, y) => x - y)[a.length >> 1];
  return { small: median(s), large: median(l) };
}

function heapPer100k() {
  gc();
  const store = createStore(nodeCrypto);
  gc();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < 100_000; i++)
    store.grantPurchase({ visitorId: `vis_mem${i}`, handle: 'gharart', slug: 'masterclass' });
  gc();
  const after = process.memoryUsage().heapUsed;
  if (store.purchases.size !== 100_000) throw new Error('purchases not stored');
  return (after - before) / 1024 / 1024;
}

/** One HTTP request on a keep-alive agent; resolves with the status. */
function send(agent, port, method, path, body) {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, path, method, agent, headers: body ? { 'content-type': 'application/json' } : {} },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

// A store of `records` purchases, saved to a journal in `dir`, behind a server.
async function writer(dir, records) {
  const store = createStore(nodeCrypto);
  await store.exclusive(() => {
    for (let i = 0; i < records; i++)
      store.grantPurchase({ visitorId: `vis_w${i}`, handle: 'gharart', slug: 'masterclass' });
  });
  const file = join(dir, `state-${records}.json`);
  const warnings = [];
  const server = await startServer({
    port: 0,
    store,
    dataFile: file,
    log: false,
    dataFileOptions: { warn: (m) => warnings.push(m) },
  });
  if (store.purchases.size !== records) throw new Error('records not stored');
  return { server, file, warnings, agent: new http.Agent({ keepAlive: true, maxSockets: WRITERS }) };
}

const WRITERS = 16;

async function writeCost() {
  const dir = mkdtempSync(join(tmpdir(), 'va-bench-write-'));
  const small = await writer(dir, 1_000);
  const large = await writer(dir, 100_000);
  const body = JSON.stringify({ summary: 'Bench', details: 'd'.repeat(2000) });
  // `n` writes by 16 writers at once; the time per write.
  const round = async (w, n) => {
    let next = 0;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: WRITERS }, async () => {
        while (next++ < n) {
          const status = await send(w.agent, w.server.port, 'POST', '/v2/support/report', body);
          if (status !== 201) throw new Error(`write answered ${status}`);
        }
      }),
    );
    return (performance.now() - t0) / n;
  };
  await round(small, 200);
  await round(large, 200); // warm-up
  const sizes = [statSync(small.file).size, statSync(large.file).size];
  const s = [];
  const l = [];
  const N = 800;
  for (let i = 0; i < 5; i++) {
    s.push(await round(small, N));
    l.push(await round(large, N));
  }
  const failed = [...small.warnings, ...large.warnings].filter((m) => /compacting .* failed/.test(m)).length;
  const bytes = [(statSync(small.file).size - sizes[0]) / (5 * N), (statSync(large.file).size - sizes[1]) / (5 * N)];
  for (const w of [small, large]) {
    w.agent.destroy();
    await w.server.close();
  }
  rmSync(dir, { recursive: true, force: true });
  const median = (a) => a.sort((x, y) => x - y)[a.length >> 1];
  return { small: median(s), large: median(l), bytesSmall: bytes[0], bytesLarge: bytes[1], failed };
}

/**
 * One chunked upload of `total` bytes (a 64 KiB buffer written again and again: this process holds no
 * more), ended when the server answers or closes; resolves with the status (or 0) and the bytes sent.
 */
function bigUpload(port, path, total) {
  return new Promise((resolve) => {
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    let written = 0;
    let status = 0;
    const req = http.request({
      host: '127.0.0.1',
      port,
      path,
      method: 'POST',
      agent: false,
      headers: { 'content-type': 'application/json' },
    });
    const done = () => resolve({ status, written });
    req.on('response', (res) => {
      status = res.statusCode;
      res.resume();
      res.on('end', () => {
        req.destroy();
        done();
      });
    });
    req.on('error', done);
    const pump = () => {
      while (!req.destroyed && written < total) {
        written += chunk.length;
        if (!req.write(chunk)) return req.once('drain', pump);
      }
      if (!req.destroyed) req.end();
    };
    pump();
  });
}

async function memoryDuringUploads() {
  const child = await startChild('plain');
  const rss = (now) =>
    new Promise((resolve) => {
      child.child.once('message', (m) => resolve(m.rss));
      child.child.send(now ? 'rss-now' : 'rss');
    });
  const start = await rss(false);
  let peak = start;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      peak = Math.max(peak, await rss(true));
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  const SIZE = 256 * 1024 * 1024;
  const paths = ['/v2/support/report', '/v2/visitor/auth/magic-link', '/v2/nowhere', '/_mock/api/faults'];
  const uploads = await Promise.all(paths.map((p) => bigUpload(child.port, p, SIZE)));
  sampling = false;
  await sampler;
  child.child.removeAllListeners('exit');
  child.child.kill();
  return { start, peak, uploads };
}

async function memoryAfterMagicLinks() {
  const child = await startChild('plain');
  const rss = () =>
    new Promise((resolve) => {
      child.child.once('message', (m) => resolve(m));
      child.child.send('rss');
    });
  const start = await rss();
  const agent = new http.Agent({ keepAlive: true, maxSockets: 32 });
  const TOTAL = 100_000;
  let next = 0;
  let failed = 0;
  const worker = async () => {
    while (next < TOTAL) {
      const i = next++;
      // 20,000 addresses, 5 requests each: the per-email throttle (5 per 15 minutes) never refuses one.
      const status = await send(
        agent,
        child.port,
        'POST',
        '/v2/visitor/auth/magic-link',
        JSON.stringify({ email: `rss${i % 20_000}@example.com` }),
      );
      if (status !== 202) failed++;
    }
  };
  await Promise.all(Array.from({ length: 32 }, worker));
  const loaded = await rss();
  // The purge window: links are kept 24 hours past their 15 minutes; moving the clock purges at once.
  const moved = await send(
    agent,
    child.port,
    'POST',
    '/_mock/api/clock',
    JSON.stringify({ advanceMs: 25 * 60 * 60 * 1000 }),
  );
  if (moved !== 200) throw new Error(`clock answered ${moved}`);
  const purgedNow = await rss();
  // A mock kept running goes quiet between bursts: V8 gives memory back to the system when idle.
  await new Promise((resolve) => setTimeout(resolve, 10_000));
  const purged = await rss();
  agent.destroy();
  child.child.removeAllListeners('exit');
  child.child.kill();
  return { start, loaded, purgedNow, purged, failed };
}

const fmt = (n, d = 2) => (Number.isFinite(n) ? n.toFixed(d) : 'n/a');
// BENCH_ONLY=throughput,writes… runs a part (while working on it); `npm run bench` runs everything.
const only = process.env.BENCH_ONLY?.split(',');
const part = (name, run, empty) => (!only || only.includes(name) ? run() : empty);
const none = { rps: NaN, p50: NaN, p99: NaN, errors: 0 };
const t = await part('throughput', throughput, { base: none, mock: none, cpu: { base: NaN, mock: NaN } });
const scaling = await part('lookup', lookupScaling, { small: NaN, large: NaN });
gc();
const mem = part('heap', heapPer100k, NaN);
const writes = await part('writes', writeCost, {
  small: NaN,
  large: NaN,
  bytesSmall: NaN,
  bytesLarge: NaN,
  failed: 0,
});
const uploads = await part('uploads', memoryDuringUploads, { start: NaN, peak: NaN, uploads: [] });
const rssNone = { rss: NaN, links: NaN, messages: NaN };
const rss = await part('rss', memoryAfterMagicLinks, {
  start: rssNone,
  loaded: rssNone,
  purgedNow: rssNone,
  purged: rssNone,
  failed: 0,
});
const MB = 1024 * 1024;

const ratio = t.mock.rps / t.base.rps;
const scale = scaling.large / scaling.small;
console.log('| measure | value | baseline | ratio | target |');
console.log('|---|---|---|---|---|');
console.log(
  `| access-check req/s, 64 conns (mock vs bare node:http) | ${fmt(t.mock.rps, 0)} | ${fmt(t.base.rps, 0)} | ${fmt(ratio)} | >= 0.5 |`,
);
console.log(
  `| server CPU µs per request (lower is better) | ${fmt(t.cpu.mock, 0)} | ${fmt(t.cpu.base, 0)} | ${fmt(t.cpu.base / t.cpu.mock)} | |`,
);
console.log(`| p50 latency ms | ${fmt(t.mock.p50)} | ${fmt(t.base.p50)} | ${fmt(t.mock.p50 / t.base.p50)} | |`);
console.log(`| p99 latency ms | ${fmt(t.mock.p99)} | ${fmt(t.base.p99)} | ${fmt(t.mock.p99 / t.base.p99)} | |`);
console.log(
  `| access-check ms, 1M vs 1k purchases (in-process) | ${fmt(scaling.large, 4)} | ${fmt(scaling.small, 4)} | ${fmt(scale)} | <= 1.5 |`,
);
console.log(`| heap MiB per 100,000 purchases | ${globalThis.gc ? fmt(mem, 1) : 'n/a (run with --expose-gc)'} | | | |`);
const writeRatio = writes.large / writes.small;
console.log(
  `| write ms (HTTP, --data, fdatasync, 16 writers at once), 100k vs 1k records stored | ${fmt(writes.large)} | ${fmt(writes.small)} | ${fmt(writeRatio)} | <= 1.5 |`,
);
if (writes.failed) console.log(`| compactions that failed during the write bench | ${writes.failed} | | | 0 |`);
const uploadGrowth = (uploads.peak - uploads.start) / MB;
console.log(
  `| RSS MB, peak during 4 concurrent 256 MiB chunked uploads (vs at start) | ${fmt(uploads.peak / MB, 0)} | ${fmt(uploads.start / MB, 0)} | +${fmt(uploadGrowth, 0)} MB | <= +64 MB |`,
);
if (uploads.uploads.length)
  console.log(
    `| the uploads: answers ${uploads.uploads.map((u) => u.status || 'closed').join(', ')}; MiB sent before the answer ${uploads.uploads.map((u) => fmt(u.written / MB, 1)).join(', ')} | | | | |`,
  );
console.log(
  `| file growth per write (compactions included), 100k vs 1k records stored | ${fmt(writes.bytesLarge, 0)} | ${fmt(writes.bytesSmall, 0)} | ${fmt(writes.bytesLarge / writes.bytesSmall)} | |`,
);
console.log(
  `| RSS MB after 100,000 magic-link requests and the purge window (10 s idle, after GC) | ${fmt(rss.purged.rss / MB, 0)} | ${fmt(rss.start.rss / MB, 0)} at start, ${fmt(rss.loaded.rss / MB, 0)} before the purge, ${fmt(rss.purgedNow.rss / MB, 0)} right after it | | <= 250 |`,
);
console.log(
  `| links / messages kept: before the purge ${rss.loaded.links} / ${rss.loaded.messages}, after ${rss.purged.links} / ${rss.purged.messages} | | | | |`,
);
if (rss.failed) console.log(`magic-link requests not answered 202: ${rss.failed}`);
if (t.mock.errors || t.base.errors) console.log(`errors: mock ${t.mock.errors}, bare ${t.base.errors}`);
if (writeRatio > 1.5 || writes.failed || uploadGrowth > 64 || rss.purged.rss / MB > 250)
  console.log('\nNOTE: a persistence or memory target was missed on this run.');
if (ratio < 0.5 || scale > 1.5)
  console.log('\nNOTE: a target was missed on this run (the machine is shared; figures are noisy).');
process.exit(0);
