// Time to a usable gate on a slow phone, and the layout shift of the elements while they load.
//
// Time: a page with <paywall-gate> between two paragraphs, loaded by a script tag, from navigation
// start until the email field is visible and enabled, against a bare 25-line plain-DOM gate
// (bare-gate.js: one access-check request, one form) on the same page, against the same mock, in the
// same interleaved run. Each page is served several ways (decisions 0150, 0156):
// - "pasted": the README's snippet — the reserve line, a `modulepreload` of the script's first chunk
//   and one `<script defer>`, no preconnect —, the host serving gzip (what most creators' hosts do);
// - "script-only": the script tag alone (the snippet before 0156): what the `modulepreload` line is worth;
// - "preconnect": the script tag alone with a `preconnect` to the API (what that line is worth);
// - "today": the page `npm run bench` measured before, with a `preconnect` to the API and brotli.
// Ratios compare each script with the bare gate served the same way, load by load.
//
// Layout shift: a PerformanceObserver for `layout-shift`, counted as Lighthouse counts CLS (the
// largest session window: shifts less than 1 s apart, at most 5 s; shifts right after an input are
// left out), from navigation until 1.5 s after the element is usable (the gate's email field, the
// card's button, the list's form or rows), signed out, the gate on a PAID page, at 390 and 1280 px.
//
// Chromium throttled through CDP like a mid-range phone on a slow network: 150 ms round trip,
// 1.6 Mbit/s down, 750 kbit/s up, CPU 4× slower. Each load is a fresh browser context (empty cache,
// no cookie: a signed-out visitor).
//
// Usage: node packages/elements/bench/time-to-gate.mjs [--rounds N] [--cls-rounds N] [--json] [--verbose]
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '@visitor-access/tools/find-chromium';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../../..');
const dist = join(root, 'packages/elements/dist');
const args = process.argv.slice(2);
const option = (name, fallback) => Number(args[args.indexOf(name) + 1]) || fallback;
const ROUNDS = option('--rounds', 9);
const CLS_ROUNDS = option('--cls-rounds', 3);
export const THROTTLE = { latencyMs: 150, downKbit: 1600, upKbit: 750, cpu: 4 };
/** How long after the element is usable layout shifts are still counted. */
const AFTER_USABLE_MS = 1500;

// Files served: the bare gate, and everything in dist/ (the script-tag entries and their chunks).
const cache = new Map();
function file(name) {
  if (!cache.has(name)) {
    const path = name === 'bare-gate.js' ? join(here, 'bare-gate.js') : normalize(join(dist, name));
    if (!path.startsWith(here) && !path.startsWith(dist)) return undefined;
    if (!existsSync(path) || !name.endsWith('.js')) return undefined;
    const body = readFileSync(path);
    cache.set(name, {
      br: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
      gzip: gzipSync(body, { level: 9 }),
      identity: body,
    });
  }
  return cache.get(name);
}
for (const name of ['bare-gate.js', 'paywall-gate.js', 'visitor-access.js']) {
  if (!file(name)) {
    console.error(`${name} is missing: run \`npm run build -w @visitor-access/elements\` first.`);
    process.exit(1);
  }
}

const { startServer } = await import(join(root, 'packages/mock/dist/server.js'));
const mock = await startServer({ port: 0, host: '127.0.0.1' });
// The page is on another origin than the API, as on a creator's site.
const api = mock.url.replace(/\/+$/, '');

const ELEMENTS = {
  gate: '<paywall-gate handle="gharart" page="masterclass"></paywall-gate>',
  card: '<group-buy-card handle="gharart" slug="spring-bundle"></group-buy-card>',
  list: '<visitor-access-list></visitor-access-list>',
};
// The one line of the README's snippet (docs/elements.md for the card and the list) that keeps the
// element's space before the script has arrived (decision 0152).
const RESERVE = {
  gate: '<style>paywall-gate:not(:defined){display:block;min-height:21em}</style>',
  card: '<style>group-buy-card:not(:defined){display:block;min-height:16em}</style>',
  list: '<style>visitor-access-list:not(:defined){display:block;min-height:7.3em}</style>',
};
const MODES = {
  // The README's snippet (decision 0156).
  pasted: { preconnect: false, modulepreload: true, encodings: ['gzip'] },
  // The script tag alone: what the snippet's `modulepreload` line is worth.
  'script-only': { preconnect: false, encodings: ['gzip'] },
  // The script tag alone plus one `preconnect` line: what that line is worth.
  preconnect: { preconnect: true, encodings: ['gzip'] },
  today: { preconnect: true, encodings: ['br', 'gzip'] },
};

const page = (mode, script, element) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Masterclass</title>
${RESERVE[element]}
${MODES[mode].preconnect ? `<link rel="preconnect" href="${api}" crossorigin="use-credentials">\n` : ''}${MODES[mode].modulepreload && script !== 'bare-gate.js' ? `<link rel="modulepreload" href="/${mode}/${script.replace(/\.js$/, '.first.js')}">\n` : ''}<script src="/${mode}/${script}" data-api-base="${api}" defer></script>
</head>
<body>
<h1>Wood carving masterclass</h1>
<p>Twelve lessons on carving spoons, bowls and figures, from choosing wood to the last cut.</p>
${ELEMENTS[element]}
<p>Each lesson is a video of about twenty minutes with a written summary, the tools it uses and the
wood to buy. You can ask questions under every lesson; answers come within two days.</p>
<p>The course is yours for good: lessons added later come at no extra cost.</p>
</body>
</html>`;

const encodings = new Set();
// /<mode>/<script>.<element>.html → the page; /<mode>/<file>.js → a script, encoded as the mode says.
const site = createServer((req, res) => {
  const [, mode, ...rest] = req.url.split('?')[0].split('/');
  const name = rest.join('/');
  const headers = { 'cache-control': 'no-store' };
  if (!MODES[mode]) return res.writeHead(404).end();
  const html = /^([\w-]+\.js)\.(\w+)\.html$/.exec(name);
  if (html) {
    if (!file(html[1]) || !ELEMENTS[html[2]]) return res.writeHead(404).end();
    return res
      .writeHead(200, { ...headers, 'content-type': 'text/html; charset=utf-8' })
      .end(page(mode, html[1], html[2]));
  }
  const body = file(name);
  if (!body) return res.writeHead(404).end();
  const accept = String(req.headers['accept-encoding'] ?? '');
  const encoding = MODES[mode].encodings.find((e) => new RegExp(`\\b${e}\\b`).test(accept)) ?? 'identity';
  encodings.add(`${mode}:${encoding}`);
  res.writeHead(200, {
    ...headers,
    'content-type': 'text/javascript; charset=utf-8',
    ...(encoding === 'identity' ? {} : { 'content-encoding': encoding }),
    vary: 'accept-encoding',
  });
  res.end(body[encoding]);
});
await new Promise((resolve) => site.listen(0, 'localhost', resolve));
const siteUrl = `http://localhost:${site.address().port}`;

// Runs in the page before anything else: marks the first frame in which the element is usable, and
// sums layout shifts as Lighthouse does (largest session window; input-driven shifts left out).
const probe = () => {
  const usable = () => {
    const gate = [...document.querySelectorAll('paywall-gate')].some((el) => {
      const input = el.shadowRoot?.querySelector('input[type=email]');
      return input && !input.disabled && input.checkVisibility({ visibilityProperty: true, opacityProperty: true });
    });
    if (gate) return true;
    // The card and the list: their panel is drawn and no longer busy.
    return [...document.querySelectorAll('group-buy-card, visitor-access-list')].some((el) => {
      const panel = el.shadowRoot?.querySelector('[part~=panel]');
      return (
        panel &&
        panel.getAttribute('aria-busy') !== 'true' &&
        panel.checkVisibility({ visibilityProperty: true, opacityProperty: true })
      );
    });
  };
  const tick = () => {
    if (usable()) {
      performance.mark('va-usable');
      window.__usable = performance.now();
    } else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  window.__cls = { value: 0, shifts: [] };
  let windowValue = 0;
  let first = 0;
  let last = 0;
  new PerformanceObserver((list) => {
    for (const shift of list.getEntries()) {
      if (shift.hadRecentInput) continue;
      if (window.__usable !== undefined && shift.startTime > window.__usable + 1500) continue;
      if (windowValue && shift.startTime - last < 1000 && shift.startTime - first < 5000) {
        windowValue += shift.value;
      } else {
        windowValue = shift.value;
        first = shift.startTime;
      }
      last = shift.startTime;
      window.__cls.value = Math.max(window.__cls.value, windowValue);
      window.__cls.shifts.push(`${shift.value.toFixed(4)}@${Math.round(shift.startTime)}`);
    }
  }).observe({ type: 'layout-shift', buffered: true });
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
/** One load of `/<mode>/<script>.<element>.html` at `width` px; `cls` waits 1.5 s after usable. */
async function load({ mode, script, element = 'gate', width = 390, cls = false }) {
  const height = width < 600 ? 844 : 800;
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1 });
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
    await tab.goto(`${siteUrl}/${mode}/${script}.${element}.html`, { waitUntil: 'commit' });
    await tab.waitForFunction(() => window.__usable !== undefined, undefined, { timeout: 60_000, polling: 100 });
    if (cls) await tab.waitForTimeout(AFTER_USABLE_MS);
    return await tab.evaluate(() => ({
      usable: window.__usable,
      cls: window.__cls,
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

const median = (a) => {
  const s = [...a].sort((x, y) => x - y);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const q1 = (a) => [...a].sort((x, y) => x - y)[Math.floor((a.length - 1) / 4)];

// Time: every script in both modes, interleaved (the order rotates each round).
const SCRIPTS = ['bare-gate.js', 'paywall-gate.js', 'visitor-access.js'];
// `--modes pasted,script-only` measures only those pages (while trying a lever).
const modes = args.includes('--modes') ? args[args.indexOf('--modes') + 1].split(',') : Object.keys(MODES);
const sides = modes.flatMap((mode) => SCRIPTS.map((script) => ({ mode, script })));
const key = ({ mode, script }) => `${mode} ${script}`;
const times = Object.fromEntries(sides.map((s) => [key(s), []]));
const requests = {};
const result = { rounds: ROUNDS, clsRounds: CLS_ROUNDS, throttle: THROTTLE, encodings: [], sides: {}, cls: {} };
try {
  await load({ mode: 'today', script: 'bare-gate.js' }); // warm-up: the browser's own first-run costs
  for (let round = 0; round < ROUNDS; round++) {
    for (let i = 0; i < sides.length; i++) {
      const side = sides[(round + i) % sides.length];
      const { usable, requests: seen, states } = await load(side);
      if (args.includes('--verbose')) {
        const r = seen.map((e) => `${e.name.split('/').pop()} ${e.start}–${e.end}`).join(', ');
        console.error(`${key(side).padEnd(24)} usable ${Math.round(usable)} ms; ${r}; ${states.join(' ')}`);
      }
      times[key(side)].push(usable);
      requests[key(side)] = seen;
    }
  }
  for (const side of sides) {
    const bare = times[key({ mode: side.mode, script: 'bare-gate.js' })];
    const own = times[key(side)];
    const perRound = own.map((t, i) => t / bare[i]);
    result.sides[key(side)] = {
      mode: side.mode,
      script: side.script,
      medianMs: median(own),
      // The fastest quarter of the loads: the least touched by a busy machine, whose delays add the
      // same milliseconds to both pages and so pull every ratio towards 1.
      fastQuarterMs: q1(own),
      // Three estimates against the bare gate served the same way: median of per-round ratios,
      // ratio of medians, ratio of fastest quarters.
      ratio: median(perRound),
      ratioOfMedians: median(own) / median(bare),
      ratioOfFastQuarters: q1(own) / q1(bare),
      minMs: Math.min(...own),
      maxMs: Math.max(...own),
      requests: requests[key(side)].map(
        (r) => `${r.name.replace(siteUrl, '').replace(api, 'API')} ${r.bytes} B ${r.start}–${r.end} ms`,
      ),
    };
  }

  // Layout shift: each element as pasted (the README's snippet, gzip), at a phone's and a laptop's width,
  // counted until 1.5 s after it is usable. The worst load is reported.
  const clsCases = [
    { element: 'gate', script: 'paywall-gate.js' },
    { element: 'gate', script: 'visitor-access.js' },
    { element: 'card', script: 'visitor-access.js' },
    { element: 'list', script: 'visitor-access.js' },
  ];
  for (const width of [390, 1280]) {
    for (const { element, script } of clsCases) {
      const values = [];
      for (let round = 0; round < CLS_ROUNDS; round++) {
        const { cls } = await load({ mode: 'pasted', script, element, width, cls: true });
        if (args.includes('--verbose'))
          console.error(`cls ${element} ${script} ${width}px ${cls.value.toFixed(4)} ${cls.shifts.join(' ')}`);
        values.push(cls.value);
      }
      result.cls[`${element} ${script} ${width}px`] = { element, script, width, max: Math.max(...values), values };
    }
  }
} finally {
  await browser.close();
  site.close();
  await mock.close();
}
result.encodings = [...encodings].sort();

if (args.includes('--json')) console.log(JSON.stringify(result));
else console.log(JSON.stringify(result, null, 2));
