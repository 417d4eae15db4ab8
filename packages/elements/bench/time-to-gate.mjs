// Time to a usable gate on a slow phone: a page with <paywall-gate> loaded by a script tag, from
// navigation start until the email field is visible and enabled, against a bare 25-line plain-DOM
// gate (bare-gate.js: one access-check request, one form) on the same page, served the same way
// (one static server, brotli or gzip as the browser asks, no cache) against the same mock, in the
// same run. Chromium throttled through CDP like a mid-range phone on a slow network: 150 ms round
// trip, 1.6 Mbit/s down, 750 kbit/s up, CPU 4× slower. Pages are loaded in interleaved rounds, each
// in a fresh browser context (empty cache, no cookie: a signed-out visitor on a PAID page).
//
// Usage: node packages/elements/bench/time-to-gate.mjs [--rounds N] [--json]
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../../../scripts/find-chromium.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../../..');
const args = process.argv.slice(2);
const ROUNDS = Number(args[args.indexOf('--rounds') + 1]) || 21;
export const THROTTLE = { latencyMs: 150, downKbit: 1600, upKbit: 750, cpu: 4 };

const scripts = {
  'bare-gate.js': readFileSync(join(here, 'bare-gate.js')),
  'paywall-gate.js': readFileSync(join(root, 'packages/elements/dist/paywall-gate.js')),
  'visitor-access.js': readFileSync(join(root, 'packages/elements/dist/visitor-access.js')),
};
// `--extra name.js=/path/to/script.js` adds a side: a variant of a bundle, to measure one lever.
for (const [i, arg] of args.entries()) {
  if (arg !== '--extra') continue;
  const [name, path] = args[i + 1].split('=');
  scripts[name] = readFileSync(path);
}
const encoded = Object.fromEntries(
  Object.entries(scripts).map(([name, body]) => [
    name,
    {
      br: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
      gzip: gzipSync(body, { level: 9 }),
      identity: body,
    },
  ]),
);

const { startServer } = await import(join(root, 'packages/mock/dist/server.js'));
const mock = await startServer({ port: 0, host: '127.0.0.1' });
// The page is on another origin than the API, as on a creator's site.
const api = mock.url.replace(/\/+$/, '');

const page = (script) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Masterclass</title>
<link rel="preconnect" href="${api}" crossorigin="use-credentials">
<script src="/${script}" data-api-base="${api}" defer></script>
</head>
<body>
<h1>Wood carving masterclass</h1>
<p>Twelve lessons on carving spoons, bowls and figures, from choosing wood to the last cut.</p>
<paywall-gate handle="gharart" page="masterclass"></paywall-gate>
</body>
</html>`;

const encodings = new Set();
const site = createServer((req, res) => {
  const name = req.url.slice(1).split('?')[0];
  const headers = { 'cache-control': 'no-store' };
  if (name === '' || name.endsWith('.html')) {
    const script = name === '' ? 'bare-gate.js' : name.replace(/\.html$/, '.js');
    if (!scripts[script]) return res.writeHead(404).end();
    return res.writeHead(200, { ...headers, 'content-type': 'text/html; charset=utf-8' }).end(page(script));
  }
  const file = encoded[name];
  if (!file) return res.writeHead(404).end();
  const accept = String(req.headers['accept-encoding'] ?? '');
  const encoding = /\bbr\b/.test(accept) ? 'br' : /\bgzip\b/.test(accept) ? 'gzip' : 'identity';
  encodings.add(encoding);
  res.writeHead(200, {
    ...headers,
    'content-type': 'text/javascript; charset=utf-8',
    ...(encoding === 'identity' ? {} : { 'content-encoding': encoding }),
    vary: 'accept-encoding',
  });
  res.end(file[encoding]);
});
await new Promise((resolve) => site.listen(0, 'localhost', resolve));
const siteUrl = `http://localhost:${site.address().port}`;

// From navigation start to the first frame in which an email field of a gate is visible and enabled.
const probe = () => {
  const usable = () =>
    [...document.querySelectorAll('paywall-gate')].some((gate) => {
      const input = gate.shadowRoot?.querySelector('input[type=email]');
      return input && !input.disabled && input.checkVisibility({ visibilityProperty: true, opacityProperty: true });
    });
  const tick = () => {
    if (usable()) {
      performance.mark('va-usable');
      window.__usable = performance.now();
    } else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  // The gate's state changes, for the breakdown printed with --verbose.
  window.__states = [];
  new MutationObserver((records) => {
    for (const r of records) {
      if (r.attributeName === 'state')
        window.__states.push(`${r.target.getAttribute('state')}@${Math.round(performance.now())}`);
    }
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ['state'] });
};

const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
async function load(script) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
  try {
    const tab = await context.newPage();
    await tab.addInitScript(probe);
    const cdp = await context.newCDPSession(tab);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: THROTTLE.latencyMs,
      downloadThroughput: (THROTTLE.downKbit * 1000) / 8,
      uploadThroughput: (THROTTLE.upKbit * 1000) / 8,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE.cpu });
    await tab.goto(`${siteUrl}/${script.replace(/\.js$/, '.html')}`, { waitUntil: 'commit' });
    await tab.waitForFunction(() => window.__usable !== undefined, undefined, { timeout: 60_000, polling: 100 });
    return await tab.evaluate(() => ({
      usable: window.__usable,
      states: window.__states,
      requests: performance.getEntriesByType('resource').map((e) => ({
        name: e.name,
        bytes: e.transferSize,
        start: Math.round(e.startTime),
        end: Math.round(e.responseEnd),
      })),
    }));
  } finally {
    await context.close();
  }
}

const sides = Object.keys(scripts);
const times = Object.fromEntries(sides.map((s) => [s, []]));
const requests = {};
try {
  await load('bare-gate.js'); // warm-up: the browser's own first-run costs
  for (let round = 0; round < ROUNDS; round++) {
    for (let i = 0; i < sides.length; i++) {
      const side = sides[(round + i) % sides.length];
      const { usable, requests: seen, states } = await load(side);
      if (args.includes('--verbose')) {
        const r = seen.map((e) => `${e.name.split('/').pop()} ${e.start}–${e.end}`).join(', ');
        console.error(`${side.padEnd(18)} usable ${Math.round(usable)} ms; ${r}; ${states.join(' ')}`);
      }
      times[side].push(usable);
      requests[side] = seen;
    }
  }
} finally {
  await browser.close();
  site.close();
  await mock.close();
}

const median = (a) => {
  const s = [...a].sort((x, y) => x - y);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const result = { rounds: ROUNDS, throttle: THROTTLE, encodings: [...encodings], sides: {} };
for (const side of sides) {
  const perRound = times[side].map((t, i) => t / times['bare-gate.js'][i]);
  const q1 = (a) => [...a].sort((x, y) => x - y)[Math.floor((a.length - 1) / 4)];
  result.sides[side] = {
    medianMs: median(times[side]),
    // The fastest quarter of the loads: the least touched by a busy machine, whose delays add the
    // same milliseconds to both pages and so pull every ratio towards 1.
    fastQuarterMs: q1(times[side]),
    ratio: median(perRound),
    minMs: Math.min(...times[side]),
    maxMs: Math.max(...times[side]),
    requests: requests[side].map(
      (r) => `${r.name.replace(siteUrl, '').replace(api, 'API')} ${r.bytes} B ${r.start}–${r.end} ms`,
    ),
  };
}
if (args.includes('--json')) console.log(JSON.stringify(result));
else console.log(JSON.stringify(result, null, 2));
