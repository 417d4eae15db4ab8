// Benchmarks of @visitor-access/server against its built dist (run `npm run build` first). The API (the
// reference mock), the site and the bare baselines run in their own processes; the load runs here, 64
// keep-alive connections, rounds interleaved so every side sees the same background load on a shared
// machine. POSTs carry `{}` as the SDK sends them. docs/decisions/0103 and 0108.
//  1. The protected URL (GET /lessons/1 on the site: the access check through the server, then the
//     content) vs a bare node:http site that makes the same single access-check call by hand with the
//     same client and serves the content: p50/p99 latency at 64 connections and CPU per request (every
//     process of each side, the API included) — target <= 1.15x. For reference, vs the bare site on the
//     other client and vs the access-check call straight to the API.
//  2. The proxy (POST /api/v2/public/pages/gharart/masterclass/access-check on the site) vs the same call
//     straight to the API: the same figures; the latency target with the API 20 ms away (on loopback
//     the added hop is most of the work: figures only). For reference, vs a bare pass-through proxy.
//     Both with the API on loopback and with the API 20 ms away, as in use.
//  3. RSS of the site after 100,000 proxied requests, after a full GC (<= 150 MB), and its heap used after
//     GC halfway and at the end (bounded: it grows by at most 5 MB over the second half).
// BENCH_DURATION_MS (default 2000) sets each round's length; BENCH_SITE_TRANSPORT=fetch runs the site on
// the global fetch instead of nodeFetch; BENCH_QUICK=1 the loopback figures only.
import { spawn } from 'node:child_process';
import http from 'node:http';
import os from 'node:os';
import { fileURLToPath } from 'node:url';

const CONCURRENCY = 64;
const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 2000);
const ROUNDS = 3;
const PROXIED = Number(process.env.BENCH_PROXIED ?? 100_000);
const TARGET = 1.15;
const RSS_TARGET_MB = 150;
// Bounded memory: the heap used after GC grows by at most this over the second 50,000 requests.
const HEAP_GROWTH_MB = 5;
// The API as creators meet it is across a network: the second set of figures adds this to every API answer.
const API_LATENCY_MS = Number(process.env.BENCH_API_LATENCY_MS ?? 20);
// The site's upstream transport: 'node' (nodeFetch, the Node adapter's) or 'fetch' (the global fetch).
const SITE_TRANSPORT = process.env.BENCH_SITE_TRANSPORT ?? 'node';
// BENCH_QUICK=1: the loopback figures only, without the 100k-request memory run (for iterating).
const QUICK = process.env.BENCH_QUICK === '1';
// BENCH_BEFORE_DIST: the dist folder of another build (a previous version), measured in the same rounds.
const BEFORE = process.env.BENCH_BEFORE_DIST;
const BEFORE_NAME = BEFORE?.split('/').filter(Boolean).pop();
const ACCESS_CHECK = '/v2/public/pages/gharart/masterclass/access-check';

function startChild(kind, args, env = {}) {
  const child = spawn(
    process.execPath,
    ['--expose-gc', fileURLToPath(new URL('./child.mjs', import.meta.url)), kind, ...args],
    {
      stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
      env: { ...process.env, ...env },
    },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      if (out.includes('\n')) resolve({ child, ...JSON.parse(out.split('\n')[0]) });
    });
    child.once('exit', (code) => reject(new Error(`${kind} exited with ${code}`)));
  });
}

const ask = (s, what) =>
  new Promise((resolve) => {
    s.child.once('message', (m) => resolve(m[what]));
    s.child.send(what);
  });

/** Load on one URL for DURATION_MS (or `count` requests) at 64 connections: latencies and count. */
function load(port, method, path, headers, count = Infinity) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const latencies = [];
  let done = 0;
  let started = 0;
  let errors = 0;
  const end = performance.now() + (count === Infinity ? DURATION_MS : 3_600_000);
  const one = () =>
    new Promise((resolve) => {
      const t0 = performance.now();
      const req = http.request({ host: '127.0.0.1', port, path, method, agent, headers }, (res) => {
        res.resume();
        res.on('end', () => {
          if (res.statusCode !== 200) errors++;
          latencies.push(performance.now() - t0);
          done++;
          resolve();
        });
      });
      req.on('error', () => {
        errors++;
        resolve();
      });
      // As the SDK sends it: a JSON body on a POST.
      req.end(method === 'POST' ? '{}' : undefined);
    });
  const worker = async () => {
    while (performance.now() < end && started < count) {
      started++;
      await one();
    }
  };
  const t0 = performance.now();
  return Promise.all(Array.from({ length: CONCURRENCY }, worker)).then(() => {
    agent.destroy();
    latencies.sort((a, b) => a - b);
    const q = (p) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN;
    return { rps: done / ((performance.now() - t0) / 1000), p50: q(0.5), p99: q(0.99), errors, done };
  });
}

/** One measured round: latencies, and the CPU of the given processes per request. */
async function round(processes, port, method, path, headers) {
  const before = await Promise.all(processes.map((p) => ask(p, 'cpu')));
  const r = await load(port, method, path, headers);
  const after = await Promise.all(processes.map((p) => ask(p, 'cpu')));
  r.cpuUs = after.reduce((sum, v, i) => sum + v - before[i], 0) / Math.max(1, r.done);
  return r;
}

/** The API, the site in front of it and the bare baselines; the interleaved rounds of every case. */
async function measure(latencyMs, proxied) {
  const api = await startChild('api', [String(latencyMs)]);
  const apiBase = `http://127.0.0.1:${api.port}`;
  const site = await startChild('site', [apiBase, SITE_TRANSPORT], { BENCH_SITE_DIST: '' });
  const bare = await startChild('bare', [apiBase, 'fetch']);
  const bareUndici = await startChild('bare', [apiBase, 'undici']);
  const before = BEFORE ? await startChild('site', [apiBase, 'fetch'], { BENCH_SITE_DIST: BEFORE }) : undefined;
  const cookie = { cookie: `_10x_visitor=${api.cookie}`, 'content-type': 'application/json' };
  const cases = {
    direct: () => round([api], api.port, 'POST', ACCESS_CHECK, cookie),
    bare: () => round([bare, api], bare.port, 'GET', '/lessons/1', cookie),
    bareUndici: () => round([bareUndici, api], bareUndici.port, 'GET', '/lessons/1', cookie),
    protected: () => round([site, api], site.port, 'GET', '/lessons/1', cookie),
    proxy: () => round([site, api], site.port, 'POST', `/api${ACCESS_CHECK}`, cookie),
    bareProxy: () => round([bareUndici, api], bareUndici.port, 'POST', `/api${ACCESS_CHECK}`, cookie),
    ...(before && {
      protectedBefore: () => round([before, api], before.port, 'GET', '/lessons/1', cookie),
      proxyBefore: () => round([before, api], before.port, 'POST', `/api${ACCESS_CHECK}`, cookie),
    }),
  };
  // Warm-up, then interleaved rounds: direct, bare, bareUndici, protected, proxy, bareProxy, direct, …
  for (const run of Object.values(cases)) await run();
  const results = Object.fromEntries(Object.keys(cases).map((name) => [name, []]));
  for (let i = 0; i < ROUNDS; i++) for (const [name, run] of Object.entries(cases)) results[name].push(await run());
  let memory;
  if (proxied > 0) {
    // Memory: that many proxied requests, then the site's RSS after a full GC.
    // Bounded: the heap used after GC grows no more over the second half than the first half's end.
    const start = await ask(site, 'rss');
    const first = await load(site.port, 'POST', `/api${ACCESS_CHECK}`, cookie, Math.ceil(proxied / 2));
    const half = await ask(site, 'rss');
    const second = await load(site.port, 'POST', `/api${ACCESS_CHECK}`, cookie, Math.floor(proxied / 2));
    const bulk = { done: first.done + second.done, errors: first.errors + second.errors };
    memory = { start, half, after: await ask(site, 'rss'), bulk };
  }
  for (const s of [site, bare, bareUndici, before, api].filter(Boolean)) {
    s.child.removeAllListeners('exit');
    s.child.kill();
  }
  return { results, memory };
}

const loadBefore = os.loadavg();
const loopback = await measure(0, QUICK ? 0 : PROXIED);
const network = QUICK ? undefined : await measure(API_LATENCY_MS, 0);

const median = (list, key) => list.map((r) => r[key]).sort((a, b) => a - b)[list.length >> 1];
const fmt = (n, d = 2) => (Number.isFinite(n) ? n.toFixed(d) : 'n/a');
const verdict = (ok) => (ok ? 'PASS' : 'MISS');
const MB = 1024 * 1024;

const rows = (set, where, comparisons) => {
  for (const [name, baseline, label, targets] of comparisons) {
    for (const [key, unit] of [
      ['p50', 'p50 latency ms, 64 conns'],
      ['p99', 'p99 latency ms, 64 conns'],
      ['cpuUs', 'CPU µs per request (all processes of each side)'],
      ['rps', 'requests/s'],
    ]) {
      const value = median(set.results[name], key);
      const base = median(set.results[baseline], key);
      const ratio = value / base;
      const target = targets[key];
      const digits = key === 'rps' || key === 'cpuUs' ? 0 : 2;
      console.log(
        `| ${where}: ${label}: ${unit} | ${fmt(value, digits)} | ${fmt(base, digits)} | ${fmt(ratio)} | ${target ? `<= ${target}` : ''} | ${target ? verdict(ratio <= target) : ''} |`,
      );
    }
  }
};
const ALL = { p50: TARGET, p99: TARGET, cpuUs: TARGET };
const LATENCY = { p50: TARGET, p99: TARGET };
// The target of the protected URL: against a bare site making the same access-check call with the same
// client (undici.request when the site runs on nodeFetch, fetch when on the global fetch) and serving
// the content — latency and CPU. For reference: against the other bare site and the API alone.
// The proxy against the same call straight to the API: on loopback the hop is most of the work (figures
// only); with the API across a network the latency target applies. For reference: against a bare
// pass-through proxy on undici.request (what the proxy's rules cost over the hop itself).
// docs/decisions/0103, 0108.
const same = SITE_TRANSPORT === 'node' ? 'bareUndici' : 'bare';
const other = SITE_TRANSPORT === 'node' ? 'bare' : 'bareUndici';
const clientOf = { bare: 'fetch', bareUndici: 'undici.request' };
const comparisons = (network) => [
  ['protected', same, `protected URL vs a bare site making the access-check call (${clientOf[same]})`, ALL],
  ['protected', other, `protected URL vs a bare site making the access-check call (${clientOf[other]})`, {}],
  ['protected', 'direct', 'protected URL vs the access-check call straight to the API', {}],
  ['proxy', 'direct', 'proxied access-check vs the same call direct', network ? LATENCY : {}],
  ['proxy', 'bareProxy', 'proxied access-check vs a bare pass-through proxy (undici.request)', {}],
  ...(BEFORE
    ? [
        ['protectedBefore', same, `before (${BEFORE_NAME}): protected URL vs the bare site (${clientOf[same]})`, {}],
        ['proxyBefore', 'direct', `before (${BEFORE_NAME}): proxied access-check vs the same call direct`, {}],
      ]
    : []),
];
console.log(
  `Load average before: ${loadBefore.map((n) => n.toFixed(1)).join(' ')}, after: ${os
    .loadavg()
    .map((n) => n.toFixed(1))
    .join(' ')}; site transport: ${SITE_TRANSPORT}\n`,
);
console.log('| measure | value | baseline | ratio | target | |');
console.log('|---|---|---|---|---|---|');
rows(loopback, 'API on loopback', comparisons(false));
if (network) rows(network, `API ${API_LATENCY_MS} ms away`, comparisons(true));
const { memory } = loopback;
if (memory) {
  const { start, half, after, bulk } = memory;
  console.log(
    `| site RSS MB after ${bulk.done} proxied requests (after GC) | ${fmt(after.rss / MB, 0)} | ${fmt(start.rss / MB, 0)} before, ${fmt(half.rss / MB, 0)} halfway | | <= ${RSS_TARGET_MB} | ${verdict(after.rss / MB <= RSS_TARGET_MB)} |`,
  );
  const growth = (after.heapUsed - half.heapUsed) / MB;
  console.log(
    `| site heap used MB after ${bulk.done} proxied requests (after GC): growth over the second half | ${fmt(after.heapUsed / MB, 1)} | ${fmt(start.heapUsed / MB, 1)} before, ${fmt(half.heapUsed / MB, 1)} halfway | | growth <= ${HEAP_GROWTH_MB} | ${verdict(growth <= HEAP_GROWTH_MB)} |`,
  );
}
const errors = [loopback, network]
  .filter(Boolean)
  .flatMap((set) => Object.values(set.results).flat())
  .concat(memory ? [memory.bulk] : [])
  .reduce((sum, r) => sum + r.errors, 0);
if (errors) console.log(`\n${errors} requests did not answer 200.`);
process.exit(errors ? 1 : 0);
