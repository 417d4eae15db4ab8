// `npm run screenshots`: every state of every element, and the mock's own pages, at 390 and 1280 px,
// on a light page and on a dark page, into docs/screenshots/ (run `npm run build` first; the npm
// script does). The elements sit on a plain creator's page with its own ordinary CSS, and each state
// is driven for real against the reference mock (started on a free port): emails, links, codes,
// purchases, the mock's clock. The light page declares no colour scheme and the system is set to
// dark, which shows that the elements follow the page, not the system.
//   node scripts/screenshots.mjs [--only NAME-FRAGMENT[,NAME-FRAGMENT…]]
// The gate's main states are also taken in Japanese, Arabic, German and Hindi at 390 px
// (`lang-<tag>-…`; `--only lang-` takes just those).
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '@visitor-access/tools/find-chromium';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = `${root}docs/screenshots`;
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt > 0 ? process.argv[onlyAt + 1]?.split(',') : undefined;
const selected = (name) => !only || only.some((fragment) => name.includes(fragment));
const bundle = `${root}packages/elements/dist/visitor-access.js`;
const lesson = readFileSync(`${root}examples/demo/content/masterclass.html`, 'utf8');

const { defaultFixture, startServer } = await import(`${root}packages/mock/dist/server.js`);

// The default fixture, plus group buys of its own so that "target reached", "live" and "owned"
// can be shown without touching the fixture's spring bundle.
const fixture = structuredClone(defaultFixture);
const gharart = fixture.handles.find((h) => h.handle === 'gharart');
for (const slug of ['autumn-bundle', 'winter-bundle']) {
  const title = slug === 'autumn-bundle' ? 'Autumn Print Bundle' : 'Winter Linocut Bundle';
  gharart.pages.push({ slug, title, mode: 'PAID', price: 4900, currency: 'USD', published: false });
  gharart.groupBuys.push({ slug, title, targetQuantity: 2, price: 4900, currency: 'USD', pageSlug: slug });
}
// Every "interested" screenshot adds one interest: a target far enough for them all.
gharart.pages.push({
  slug: 'summer-bundle',
  title: 'Summer Sketchbook Bundle',
  mode: 'PAID',
  price: 3900,
  currency: 'USD',
  published: false,
});
gharart.groupBuys.push({
  slug: 'summer-bundle',
  title: 'Summer Sketchbook Bundle',
  targetQuantity: 12,
  price: 3900,
  currency: 'USD',
  pageSlug: 'summer-bundle',
});

const mock = await startServer({ port: 0, host: 'localhost', fixture });
const api = mock.url.replace(/\/+$/, '');

// ------------------------------------------------------------------ the creator's page

const SITE_CSS = `
  * { box-sizing: border-box; }
  body { margin: 0; font: 18px/1.6 Charter, 'Bitstream Charter', Cambria, 'DejaVu Serif', Georgia, serif; color: #23211e; background: #fbfaf7; }
  header { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; align-items: center; justify-content: space-between; padding: 0.9rem 1.25rem; border-bottom: 1px solid #e4e0d8; }
  header .brand { font-weight: 700; color: inherit; text-decoration: none; }
  header nav { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; font-size: 0.95rem; }
  header nav a { color: inherit; }
  main { max-width: 42rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
  h1 { font-size: 2rem; line-height: 1.2; margin: 0.5rem 0 0.75rem; }
  .lede { color: #5d5850; margin: 0 0 1.5rem; }
  a { color: #a4401a; }
`;
const DARK_CSS = `
  :root { color-scheme: dark; }
  body { color: #e9e6e0; background: #141516; }
  header { border-color: #2c2d30; }
  .lede { color: #b3ada3; }
  a { color: #f09a6e; }
`;

// A site that is dark (or grey) without saying so: no `color-scheme` (decision 0123). The elements
// read the background they sit on.
const UNDECLARED_CSS = {
  dark: `body { color: #e6e3dd; background: #121314; } header { border-color: #2c2d30; } .lede { color: #aaa49a; } a { color: #f09a6e; }`,
  light: `body { color: #111; background: #808080; } header { border-color: #6a6a6a; } .lede { color: #1d1d1d; } a { color: #3b0f00; }`,
};

/** A page of the creator's site around `body`. */
// The language of the pages being taken (the `lang-<tag>-…` states set it).
let pageLang = 'en';
function sitePage(
  body,
  {
    scheme,
    title = 'Block-Printing Masterclass',
    lede,
    apiBase = api,
    dir = /^(ar|he)$/.test(pageLang) ? 'rtl' : 'ltr',
    undeclared = false,
  },
) {
  const css = undeclared ? UNDECLARED_CSS[scheme] : scheme === 'dark' ? DARK_CSS : '';
  return `<!doctype html><html lang="${pageLang}" dir="${dir}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,">
<title>${title} — Gharart</title>
<style>${SITE_CSS}${css}</style>
<script src="/visitor-access.js" data-api-base="${apiBase}" defer></script></head>
<body><header><a class="brand" href="/">Gharart Studio</a>
<nav><a href="/">Journal</a><a href="/">Courses</a><visitor-session></visitor-session></nav></header>
<main><h1>${title}</h1>${lede ? `<p class="lede">${lede}</p>` : ''}${body}</main></body></html>`;
}

const pages = new Map();
let pageId = 0;
const site = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://x');
  // The script and the chunks it loads from beside itself (decision 0151).
  if (/^\/visitor-access(\.[\w-]+)?\.js$/.test(url.pathname)) {
    res.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'no-store' });
    return void res.end(readFileSync(join(dirname(bundle), url.pathname.slice(1))));
  }
  // The language files, beside the bundle as on a CDN.
  const language = /^\/locales\/([\w-]+)\.js$/.exec(url.pathname);
  if (language && existsSync(`${root}packages/elements/dist/locales/${language[1]}.js`)) {
    res.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'no-store' });
    return void res.end(readFileSync(`${root}packages/elements/dist/locales/${language[1]}.js`));
  }
  if (url.pathname === '/lessons/masterclass.html') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    return void res.end(lesson);
  }
  const html = pages.get(url.pathname);
  if (!html) return void res.writeHead(404).end();
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(html);
});
await new Promise((resolve) => site.listen(0, 'localhost', resolve));
const siteUrl = `http://localhost:${site.address().port}`;

/** Serves a page and returns its URL (with `query`). */
function serve(html, query = '') {
  const path = `/p${++pageId}`;
  pages.set(path, html);
  return `${siteUrl}${path}${query}`;
}

// ------------------------------------------------------------------ the mock

async function dev(path, body, method = body === undefined ? 'GET' : 'POST') {
  const response = await fetch(`${api}/_mock/api${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.json();
}
await dev('/handles/gharart', { allowedOrigins: [siteUrl] }, 'PUT');

// The same addresses and dates on every run (the mock starts empty, and its clock is set), so that
// running the script again changes only the screenshots whose look changed.
let n = 0;
const email = (name = 'reader') => `${name}+${++n}@example.com`;
await dev('/clock', { set: '2026-12-01T10:00:00.000Z' });
const latest = async (to) => (await dev(`/messages?to=${encodeURIComponent(to)}`)).messages[0];
const json = { 'content-type': 'application/json' };

/** Signs the browser context in (its cookie jar), as the landing page's Continue would. */
async function signIn(context, address = email()) {
  await context.request.post(`${api}/v2/visitor/auth/magic-link`, { headers: json, data: { email: address } });
  const { code } = await latest(address);
  const verify = await context.request.post(`${api}/v2/visitor/auth/verify`, {
    headers: json,
    data: { email: address, code },
  });
  if (!verify.ok()) throw new Error(`verify: ${verify.status()}`);
  return address;
}

/** Buys a page for the signed-in context. */
async function buy(context, slug) {
  const r = await context.request.post(`${api}/v2/public/pages/gharart/${slug}/checkout`, {
    headers: json,
    data: { successUrl: siteUrl, cancelUrl: siteUrl },
  });
  const { sessionId } = await r.json();
  await dev(`/checkout/${sessionId}/complete`, { outcome: 'paid' });
  return sessionId;
}

async function interest(context, slug) {
  await context.request.post(`${api}/v2/public/group-buys/gharart/${slug}/interest`, { headers: json, data: {} });
}

// Group buys in their states: autumn reached its target (2 of 2), winter is live.
{
  const browserless = async (slug) => {
    const address = email('early');
    await fetch(`${api}/v2/visitor/auth/magic-link`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ email: address }),
    });
    const { code } = await latest(address);
    const verify = await fetch(`${api}/v2/visitor/auth/verify`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ email: address, code }),
    });
    const cookie = verify.headers.get('set-cookie')?.split(';')[0] ?? '';
    await fetch(`${api}/v2/public/group-buys/gharart/${slug}/interest`, {
      method: 'POST',
      headers: { ...json, cookie },
      body: '{}',
    });
  };
  for (const slug of ['autumn-bundle', 'winter-bundle']) {
    await browserless(slug);
    await browserless(slug);
  }
  await dev('/group-buys/gharart/winter-bundle/activate', {});
}

// ------------------------------------------------------------------ the states

const gate = (attrs) => `<paywall-gate handle="gharart" ${attrs}></paywall-gate>`;
const PAID = `page="masterclass" src="/lessons/masterclass.html"`;
const gateState = (page, state) => page.waitForSelector(`paywall-gate[state=${state}]`, { timeout: 15_000 });
const inGate = (page, selector) => page.locator(`paywall-gate >> ${selector}`);

/** The creator's masterclass page with its paid gate, optionally with a query (a return from checkout…). */
const openGate = (page, scheme, query = '') => page.goto(serve(sitePage(gate(PAID), { scheme }), query));
/** A page with no gate: the header's <visitor-session> alone. */
const openJournal = (page, scheme, options = {}) =>
  page.goto(serve(sitePage('<p>Notes from the studio.</p>', { scheme, title: 'Journal', ...options })));
const openList = (page, scheme) =>
  page.goto(serve(sitePage('<visitor-access-list></visitor-access-list>', { scheme, title: 'My access' })));
const BUNDLES = {
  'spring-bundle': 'Spring Bundle',
  'summer-bundle': 'Summer Sketchbook Bundle',
  'autumn-bundle': 'Autumn Print Bundle',
  'winter-bundle': 'Winter Linocut Bundle',
};
/** The page of one group buy with its card. */
const openCard = (page, scheme, slug) =>
  page.goto(
    serve(
      sitePage(`<group-buy-card handle="gharart" slug="${slug}"></group-buy-card>`, { scheme, title: BUNDLES[slug] }),
    ),
  );

/**
 * Every state: [name, how to get there]. `go` gets { page, context, scheme } and leaves the page in
 * the state; the screenshot is the whole page.
 */
const states = [
  [
    'paywall-gate-checking',
    async ({ page, scheme }) => {
      await page.route('**/access-check', () => undefined); // never answered
      await openGate(page, scheme);
      await page.waitForSelector('paywall-gate[state=checking]');
      await page.waitForTimeout(700);
    },
  ],
  [
    'paywall-gate-sign-in-paid',
    async ({ page, scheme }) => {
      await page.goto(
        serve(sitePage(gate(PAID), { scheme, lede: 'Eight lessons on carving, inking and printing by hand.' })),
      );
      await gateState(page, 'sign-in');
    },
  ],
  [
    'paywall-gate-sign-in-free',
    async ({ page, scheme }) => {
      const html = sitePage(gate(`page="members-lounge"><template><p>This month…</p></template`), {
        scheme,
        title: 'Members lounge',
        lede: 'A monthly letter with patterns and studio notes.',
      });
      await page.goto(serve(html));
      await gateState(page, 'sign-in');
    },
  ],
  [
    'paywall-gate-sign-in-invalid-email',
    async ({ page, scheme }) => {
      await openGate(page, scheme);
      await gateState(page, 'sign-in');
      await inGate(page, 'input[name=email]').fill('maria@studio');
      await inGate(page, 'form button[type=submit]').click();
      await page.waitForSelector('paywall-gate >> #va-email-error');
    },
  ],
  [
    'paywall-gate-sign-in-rate-limited',
    async ({ page, scheme }) => {
      const address = email('busy');
      for (let i = 0; i < 5; i++) {
        await fetch(`${api}/v2/visitor/auth/magic-link`, {
          method: 'POST',
          headers: json,
          body: JSON.stringify({ email: address }),
        });
      }
      await openGate(page, scheme);
      await gateState(page, 'sign-in');
      await inGate(page, 'input[name=email]').fill(address);
      await inGate(page, 'form button[type=submit]').click();
      await page.waitForSelector('paywall-gate >> #va-email-error');
    },
  ],
  [
    'paywall-gate-check-email',
    async ({ page, scheme }) => {
      await openGate(page, scheme);
      await gateState(page, 'sign-in');
      await inGate(page, 'input[name=email]').fill(email('maria.fernandez'));
      await inGate(page, 'form button[type=submit]').click();
      await gateState(page, 'check-email');
    },
  ],
  [
    'paywall-gate-confirm-link',
    async ({ page, context, scheme }) => {
      const address = email('maria');
      await fetch(`${api}/v2/visitor/auth/magic-link`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ email: address }),
      });
      const { token } = await latest(address);
      await context.addInitScript((value) => localStorage.setItem('va:last-email', `${Date.now()} ${value}`), address);
      await openGate(page, scheme, `?va_token=${token}`);
      await gateState(page, 'confirm-link');
    },
  ],
  [
    'paywall-gate-link-expired',
    async ({ page, context, scheme }) => {
      const address = email('maria');
      await fetch(`${api}/v2/visitor/auth/magic-link`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ email: address }),
      });
      const { token } = await latest(address);
      await context.addInitScript((value) => localStorage.setItem('va:last-email', `${Date.now()} ${value}`), address);
      await dev('/clock', { advanceMs: 16 * 60_000 });
      try {
        await openGate(page, scheme, `?va_token=${token}`);
        await gateState(page, 'confirm-link');
        await inGate(page, '[part~=button-primary]').click();
        await gateState(page, 'sign-in');
      } finally {
        await dev('/clock', { advanceMs: -16 * 60_000 });
      }
    },
  ],
  [
    'paywall-gate-purchase',
    async ({ page, context, scheme }) => {
      await signIn(context, email('maria.fernandez'));
      await openGate(page, scheme);
      await gateState(page, 'purchase');
    },
  ],
  [
    'paywall-gate-purchase-other-account',
    async ({ page, context, scheme }) => {
      // "Buy for …" asked by one address, then someone else's link opened here (decision 0121).
      await context.addInitScript(() =>
        localStorage.setItem('va:buy:gharart/masterclass', `${Date.now()} maria.fernandez@example.com`),
      );
      await signIn(context, email('jon.stranger'));
      await openGate(page, scheme, '?va_buy=gharart/masterclass');
      await page.waitForSelector('paywall-gate >> [part~=notice]');
    },
  ],
  [
    'paywall-gate-purchase-cancelled',
    async ({ page, context, scheme }) => {
      await signIn(context);
      await openGate(page, scheme, '?va_checkout=cancelled&va_gate=gharart/masterclass');
      await gateState(page, 'purchase');
    },
  ],
  [
    'paywall-gate-redirecting',
    async ({ page, context, scheme }) => {
      await signIn(context);
      await page.route('**/checkout', () => undefined); // the checkout session is on its way
      await openGate(page, scheme);
      await gateState(page, 'purchase');
      await inGate(page, '[part~=button-primary]').click();
      await page.waitForSelector('paywall-gate >> button[disabled]');
    },
  ],
  [
    'paywall-gate-returning',
    async ({ page, context, scheme }) => {
      await signIn(context);
      await page.route('**/access-check', () => undefined);
      await openGate(page, scheme, '?va_checkout=success&session_id=cs_x&va_gate=gharart/masterclass');
      await gateState(page, 'returning');
    },
  ],
  [
    'paywall-gate-payment-pending',
    async ({ page, context, scheme }) => {
      await signIn(context);
      await page.clock.install();
      await openGate(page, scheme, '?va_checkout=success&session_id=cs_x&va_gate=gharart/masterclass');
      await gateState(page, 'returning');
      for (let i = 0; i < 12 && !(await page.$('paywall-gate >> [part~=support-code]')); i++) {
        await page.clock.runFor(10_000);
        await page.waitForTimeout(100);
      }
      await page.waitForSelector('paywall-gate >> [part~=support-code]');
    },
  ],
  [
    'paywall-gate-granted',
    async ({ page, context, scheme }) => {
      await signIn(context);
      await buy(context, 'masterclass');
      await openGate(page, scheme);
      await gateState(page, 'granted');
      await page.waitForSelector('paywall-gate h2');
    },
  ],
  [
    'paywall-gate-not-set-up',
    async ({ page, scheme }) => {
      // A script tag whose data-api-base a CMS stripped (decision 0122): every element says so.
      await page.goto(serve(sitePage(gate(PAID), { scheme, apiBase: '' })));
      await gateState(page, 'error');
    },
  ],
  [
    'paywall-gate-dark-host-sign-in',
    async ({ page, scheme }) => {
      const lede = 'Eight lessons on carving, inking and printing by hand.';
      await page.goto(serve(sitePage(gate(PAID), { scheme, lede, undeclared: true })));
      await gateState(page, 'sign-in');
    },
  ],
  [
    'paywall-gate-dark-host-purchase',
    async ({ page, context, scheme }) => {
      await signIn(context, email('maria.fernandez'));
      await page.goto(serve(sitePage(gate(PAID), { scheme, undeclared: true })));
      await gateState(page, 'purchase');
      await page.waitForSelector('visitor-session >> [part~=session]');
    },
  ],
  [
    'paywall-gate-dark-host-granted',
    async ({ page, context, scheme }) => {
      await signIn(context, email('maria.fernandez'));
      await buy(context, 'masterclass');
      // No <visitor-session> here: the gate's own "Signed in as … · Sign out" line, above the content.
      const html = sitePage(gate(PAID), { scheme, undeclared: true }).replace(
        '<visitor-session></visitor-session>',
        '',
      );
      await page.goto(serve(html));
      await gateState(page, 'granted');
      await page.waitForSelector('paywall-gate >> [part~=session]');
      await page.waitForSelector('paywall-gate h2');
    },
  ],
  [
    'paywall-gate-error-network',
    async ({ page, scheme }) => {
      await page.goto(serve(sitePage(gate(PAID), { scheme, apiBase: 'http://localhost:9' })));
      await gateState(page, 'error');
    },
  ],
  [
    'paywall-gate-error-not-for-sale',
    async ({ page, context, scheme }) => {
      await signIn(context);
      await page.goto(
        serve(
          sitePage(`<paywall-gate handle="no-connect" page="premium"></paywall-gate>`, {
            scheme,
            title: 'Premium Guide',
          }),
        ),
      );
      await gateState(page, 'purchase');
      await page.route(/\/_mock\/checkout\//, (route) => route.abort());
      await inGate(page, '[part~=button-primary]').click();
      await gateState(page, 'error');
    },
  ],
  [
    'paywall-gate-report-sent',
    async ({ page, scheme }) => {
      await page.route('**/access-check', (route) =>
        route.fulfill({
          status: 503,
          contentType: 'application/json',
          headers: { 'x-request-id': 'req_7Hq2xk9LmP' },
          body: '{"error":"service_unavailable","message":"Try again","requestId":"req_7Hq2xk9LmP"}',
        }),
      );
      await openGate(page, scheme);
      await gateState(page, 'error');
      await inGate(page, 'button:has-text("Report a problem")').click();
      await page.waitForSelector('paywall-gate >> [part~=report-result]');
    },
  ],
  [
    'paywall-gate-cookies-blocked',
    async ({ page, scheme }) => {
      const port = new URL(api).port;
      await page.goto(serve(sitePage(gate(PAID), { scheme, apiBase: `http://127.0.0.1:${port}` })));
      await gateState(page, 'sign-in');
      const address = email();
      await inGate(page, 'input[name=email]').fill(address);
      await inGate(page, 'form button[type=submit]').click();
      await gateState(page, 'check-email');
      await inGate(page, 'input[name=code]').fill((await latest(address)).code);
      await gateState(page, 'error');
    },
  ],
  [
    'visitor-session-signed-out',
    async ({ page, scheme }) => {
      await openJournal(page, scheme);
      await page.waitForSelector('visitor-session >> button');
    },
  ],
  [
    'visitor-session-sign-in',
    async ({ page, scheme }) => {
      await openJournal(page, scheme);
      await page.click('visitor-session >> button:has-text("Sign in")');
      await page.waitForSelector('visitor-session >> input[name=email]');
    },
  ],
  [
    'visitor-session-check-email',
    async ({ page, scheme }) => {
      await openJournal(page, scheme);
      await page.click('visitor-session >> button:has-text("Sign in")');
      await page.fill('visitor-session >> input[name=email]', email('maria'));
      await page.click('visitor-session >> form button[type=submit]');
      await page.waitForSelector('visitor-session >> input[name=code]');
    },
  ],
  [
    'visitor-session-signed-in',
    async ({ page, context, scheme }) => {
      await signIn(context, email('maria.fernandez-garcia'));
      await openJournal(page, scheme);
      await page.waitForSelector('visitor-session >> text=Signed in as');
    },
  ],
  [
    'visitor-session-unavailable',
    async ({ page, scheme }) => {
      await openJournal(page, scheme, { apiBase: 'http://localhost:9' });
      await page.waitForSelector('visitor-session >> text=Account unavailable');
    },
  ],
  [
    'visitor-access-list-signed-out',
    async ({ page, scheme }) => {
      await openList(page, scheme);
      await page.waitForSelector('visitor-access-list >> [part~=empty]');
    },
  ],
  [
    'visitor-access-list-empty',
    async ({ page, context, scheme }) => {
      await signIn(context);
      await openList(page, scheme);
      await page.waitForSelector('visitor-access-list >> [part~=empty]');
    },
  ],
  [
    'visitor-access-list-items',
    async ({ page, context, scheme }) => {
      await signIn(context);
      await context.request.post(`${api}/v2/public/pages/gharart/members-lounge/access-check`, {
        headers: json,
        data: {},
      });
      await buy(context, 'masterclass');
      const { visitor } = await (await context.request.get(`${api}/v2/visitor/me`)).json();
      await dev('/stripe-refund', { handle: 'gharart', pageSlug: 'masterclass', visitorId: visitor.id });
      await buy(context, 'winter-bundle');
      await openList(page, scheme);
      await page.waitForSelector('visitor-access-list >> tbody tr');
    },
  ],
  [
    'visitor-access-list-error',
    async ({ page, scheme }) => {
      await page.route('**/_edge/visitor/access', (route) =>
        route.fulfill({
          status: 503,
          contentType: 'application/json',
          headers: { 'x-request-id': 'req_3Fv8sPq1Zt' },
          body: '{"error":"service_unavailable","message":"x","requestId":"req_3Fv8sPq1Zt"}',
        }),
      );
      await openList(page, scheme);
      await page.waitForSelector('visitor-access-list >> [part~=error]');
    },
  ],
  [
    'group-buy-card-collecting',
    async ({ page, scheme }) => {
      await openCard(page, scheme, 'spring-bundle');
      await page.waitForSelector('group-buy-card >> [part~=status]');
    },
  ],
  [
    'group-buy-card-sign-in',
    async ({ page, scheme }) => {
      await openCard(page, scheme, 'spring-bundle');
      await page.click('group-buy-card >> button:has-text("interested")');
      await page.waitForSelector('group-buy-card >> input[name=email]');
    },
  ],
  [
    'group-buy-card-interested',
    async ({ page, context, scheme }) => {
      await signIn(context);
      await interest(context, 'summer-bundle');
      await openCard(page, scheme, 'summer-bundle');
      await page.waitForSelector('group-buy-card >> text=You’re in');
    },
  ],
  [
    'group-buy-card-target-reached',
    async ({ page, scheme }) => {
      await openCard(page, scheme, 'autumn-bundle');
      await page.waitForSelector('group-buy-card >> text=Target reached');
    },
  ],
  [
    'group-buy-card-live',
    async ({ page, context, scheme }) => {
      await signIn(context);
      await openCard(page, scheme, 'winter-bundle');
      await page.waitForSelector('group-buy-card >> button:has-text("Buy for")');
    },
  ],
  [
    'group-buy-card-live-sign-in',
    async ({ page, scheme }) => {
      await openCard(page, scheme, 'winter-bundle');
      await page.click('group-buy-card >> button:has-text("Buy for")');
      await page.waitForSelector('group-buy-card >> input[name=email]');
    },
  ],
  [
    'group-buy-card-owned',
    async ({ page, context, scheme }) => {
      await signIn(context);
      await buy(context, 'winter-bundle');
      await openCard(page, scheme, 'winter-bundle');
      await page.waitForSelector('group-buy-card >> text=You bought this');
    },
  ],
  [
    'group-buy-card-error',
    async ({ page, scheme }) => {
      await page.route('**/group-buys/gharart/spring-bundle', (route) =>
        route.fulfill({
          status: 503,
          contentType: 'application/json',
          headers: { 'x-request-id': 'req_9Kd2mWq4Rx' },
          body: '{"error":"service_unavailable","message":"x","requestId":"req_9Kd2mWq4Rx"}',
        }),
      );
      await openCard(page, scheme, 'spring-bundle');
      await page.waitForSelector('group-buy-card >> [part~=error]');
    },
  ],
  // The mock's own pages (their look belongs to the mock).
  [
    'mock-mailbox',
    async ({ page }) => {
      const address = email('maria.fernandez');
      await fetch(`${api}/v2/visitor/auth/magic-link`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ email: address, returnTo: `${siteUrl}/masterclass` }),
      });
      await page.goto(`${api}/_mock/mailbox?to=${encodeURIComponent(address)}`);
    },
  ],
  [
    'mock-mailbox-message',
    async ({ page }) => {
      const address = email('maria.fernandez');
      await fetch(`${api}/v2/visitor/auth/magic-link`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ email: address, returnTo: `${siteUrl}/masterclass` }),
      });
      const { id } = await latest(address);
      // A page of its own for one message, when the mock has one; else the message in the list.
      const response = await page.goto(`${api}/_mock/mailbox/${encodeURIComponent(id)}`);
      if (!response || response.status() >= 400)
        await page.goto(`${api}/_mock/mailbox?to=${encodeURIComponent(address)}`);
    },
  ],
  [
    'mock-landing',
    async ({ page }) => {
      const address = email('maria');
      await fetch(`${api}/v2/visitor/auth/magic-link`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ email: address, returnTo: `${siteUrl}/masterclass` }),
      });
      await page.goto((await latest(address)).link);
    },
  ],
  [
    'mock-landing-expired',
    async ({ page }) => {
      const address = email('maria');
      await fetch(`${api}/v2/visitor/auth/magic-link`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ email: address }),
      });
      const { link } = await latest(address);
      await dev('/clock', { advanceMs: 16 * 60_000 });
      try {
        await page.goto(link);
      } finally {
        await dev('/clock', { advanceMs: -16 * 60_000 });
      }
    },
  ],
  [
    'mock-landing-used',
    async ({ page }) => {
      const address = email('maria');
      await fetch(`${api}/v2/visitor/auth/magic-link`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ email: address }),
      });
      const { link, token } = await latest(address);
      await fetch(`${api}/v2/visitor/auth/verify`, { method: 'POST', headers: json, body: JSON.stringify({ token }) });
      await page.goto(link);
    },
  ],
  [
    'mock-checkout',
    async ({ page, context }) => {
      await signIn(context);
      const r = await context.request.post(`${api}/v2/public/pages/gharart/masterclass/checkout`, {
        headers: json,
        data: { successUrl: siteUrl, cancelUrl: siteUrl },
      });
      await page.goto((await r.json()).url);
    },
  ],
];

// ------------------------------------------------------------------ run

// The gate's main states in four languages (decision 0110): CJK, right to left, long German words,
// Devanagari. At 390 px only, light and dark.
const LANGUAGE_STATES = ['paywall-gate-sign-in-paid', 'paywall-gate-check-email', 'paywall-gate-purchase'];
for (const lang of ['ja', 'ar', 'de', 'hi']) {
  for (const name of LANGUAGE_STATES) {
    const go = states.find(([n]) => n === name)[1];
    states.push([
      `lang-${lang}-${name}`,
      async (args) => {
        pageLang = lang;
        try {
          await go(args);
        } finally {
          pageLang = 'en';
        }
      },
      { widths: [390] },
    ]);
  }
}

const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
// Only this script's own files: docs/screenshots/<engine>/ belongs to `npm run screenshots:engines`.
if (!only && existsSync(out)) {
  for (const name of readdirSync(out, { withFileTypes: true })) {
    if (name.isFile()) rmSync(`${out}/${name.name}`);
  }
}
mkdirSync(out, { recursive: true });
const taken = [];
const failures = [];
const warnings = [];
try {
  for (const [name, go, { widths = [390, 1280] } = {}] of states) {
    if (!selected(name)) continue;
    for (const width of widths) {
      for (const scheme of ['light', 'dark']) {
        // The light page declares no colour scheme and the system is dark: the elements must
        // still be light. The dark page declares `color-scheme: dark`.
        const context = await browser.newContext({
          viewport: { width, height: width < 600 ? 844 : 800 },
          colorScheme: 'dark',
          reducedMotion: 'reduce',
          ...(name.startsWith('mock-') && scheme === 'light' ? { colorScheme: 'light' } : {}),
        });
        const page = await context.newPage();
        const errors = [];
        page.on('pageerror', (e) => errors.push(e.message));
        const file = `${name}-${width}-${scheme}.png`;
        try {
          await go({ page, context, scheme, width });
          await page.evaluate(() => document.fonts.ready);
          await page.screenshot({ path: `${out}/${file}`, fullPage: true, animations: 'disabled' });
          const wide = await page.evaluate(() => document.documentElement.scrollWidth > innerWidth);
          // The mock's own pages are the mock's to fix: said, not failed.
          if (wide) (name.startsWith('mock-') ? warnings : failures).push(`${file}: the page scrolls sideways`);
          if (errors.length) failures.push(`${file}: ${errors.join('; ')}`);
          taken.push(file);
          process.stdout.write('.');
        } catch (error) {
          failures.push(`${file}: ${error.message.split('\n')[0]}`);
          process.stdout.write('x');
        } finally {
          await context.close();
        }
      }
    }
  }
} finally {
  await browser.close();
  await new Promise((resolve) => site.close(resolve));
  await mock.close();
}

if (existsSync(out)) {
  const files = readdirSync(out)
    .filter((f) => f.endsWith('.png'))
    .sort();
  const bytes = files.reduce((sum, f) => sum + statSync(`${out}/${f}`).size, 0);
  const rows = states.map(([name, , { widths = [390, 1280] } = {}]) => {
    const cells = [390, 1280].flatMap((w) =>
      ['light', 'dark'].map((s) => (widths.includes(w) ? `[${w} ${s}](${name}-${w}-${s}.png)` : '—')),
    );
    return `| \`${name}\` | ${cells.join(' | ')} |`;
  });
  const readme = `${out}/README.md`;
  let text = `# Screenshots\n\nRendered by \`npm run screenshots\` (scripts/screenshots.mjs): every state of every element on a plain creator's page, and the mock's own pages, driven for real against the reference mock. "light" is a page that declares no colour scheme, shown with the system in dark mode; "dark" is a page with \`color-scheme: dark\`. The \`dark-host\` states are on pages that declare no colour scheme but are not white: near-black in the "dark" columns, mid-grey in the "light" ones (the elements read the background they sit on). ${files.length} files, ${(bytes / 1024 / 1024).toFixed(1)} MB.\n\n| state | 390 light | 390 dark | 1280 light | 1280 dark |\n|---|---|---|---|---|\n${rows.join('\n')}\n`;
  const prettier = await import('prettier');
  text = await prettier.format(text, { ...(await prettier.resolveConfig(readme)), filepath: readme });
  writeFileSync(readme, text);
}
console.log(`\n${taken.length} screenshots in docs/screenshots/`);
if (warnings.length) console.warn(`\n${warnings.length} warnings:\n${warnings.join('\n')}`);
if (failures.length) {
  console.error(`\n${failures.length} failed:\n${failures.join('\n')}`);
  process.exitCode = 1;
}
