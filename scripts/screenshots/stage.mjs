// The stage of `npm run screenshots` (scripts/screenshots.mjs): the reference mock on a free port (the
// default fixture plus group buys in their states, its clock set, so every run gives the same
// addresses and dates), a plain creator's site on another free port that serves the elements' bundle
// and any page a state asks for, and the helpers the state lists (./*-states.mjs) drive them with.
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bundle = `${root}packages/elements/dist/visitor-access.js`;
const lesson = readFileSync(`${root}examples/demo/content/masterclass.html`, 'utf8');

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

/** Starts the mock and the creator's site; `close()` stops both. */
export async function startStage() {
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

  // ---------------------------------------------------------------- the creator's page

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

  // ---------------------------------------------------------------- the mock

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

  // ---------------------------------------------------------------- what the states open

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

  return {
    api,
    siteUrl,
    json,
    dev,
    email,
    latest,
    signIn,
    buy,
    interest,
    sitePage,
    serve,
    gate,
    PAID,
    gateState,
    inGate,
    openGate,
    openJournal,
    openList,
    openCard,
    /** The language of the pages served from now on (the `lang-<tag>-…` states set it). */
    setLanguage(lang) {
      pageLang = lang;
    },
    async close() {
      await new Promise((resolve) => site.close(resolve));
      await mock.close();
    },
  };
}
