// The script-tag bundle on pages that are not ours, in real Chromium (playwright-core):
// - every documented <paywall-gate> snippet (README.md, packages/elements/README.md,
//   docs/elements.md, docs/deployment.md),
//   loaded with the script held back, shows no gated content before the script runs;
// - under a strict Content-Security-Policy without 'unsafe-inline', every element works and the
//   browser reports no violation;
// - a sign-in whose cookie the browser does not keep is named with its cause: page and API on two
//   loopback host names, or the API on another site (host names mapped to 127.0.0.1).
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { startServer } from '@visitor-access/mock/server';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- plain ESM helper shared with scripts
import { CHROMIUM_ARGS, findChromium } from '@visitor-access/tools/find-chromium';

const root = fileURLToPath(new URL('..', import.meta.url));
const bundlePath = `${root}packages/elements/dist/visitor-access.js`;
const gateOnlyPath = `${root}packages/elements/dist/paywall-gate.js`;
/** Scripts held back until the test lets them go: hold id → release. */
const holds = new Map<string, { released: Promise<void>; release: () => void }>();
function hold(id: string): () => void {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  holds.set(id, { released, release });
  return release;
}

type Mock = Awaited<ReturnType<typeof startServer>>;
let mock: Mock;
let site: Server;
let siteUrl: string;
let browser: Browser;
const apiUrl = () => mock.url.replace(/\/+$/, '');
/** Pages the site serves: path → { html, headers }. */
const pages = new Map<string, { html: string; headers?: Record<string, string> }>();

/** A page as a creator would write it, with the bundle from this site. */
function hostPage(body: string, { head = '' } = {}): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,">${head}</head><body>${body}</body></html>`;
}

/** Rewrites a documented snippet for this test: the bundle from this site, held back; the API is the mock. */
function servable(snippet: string, apiBase: string, holdId: string): string {
  let html = snippet
    .replace(/https:\/\/unpkg\.com\/@visitor-access\/elements\/dist\/visitor-access\.js/g, `/bundle.js?hold=${holdId}`)
    .replace(
      /https:\/\/unpkg\.com\/@visitor-access\/elements\/dist\/paywall-gate\.js/g,
      `/bundle.js?hold=${holdId}&gate-only`,
    )
    // The snippet's modulepreload of the first chunk: the chunk from this site.
    .replace(
      /https:\/\/unpkg\.com\/@visitor-access\/elements\/dist\/((?:visitor-access|paywall-gate)\.first\.js)/g,
      '/$1',
    )
    .replace(/https:\/\/api\.[a-z.-]+/g, apiBase);
  if (!html.includes('/bundle.js')) {
    html += `<script src="/bundle.js?hold=${holdId}" data-api-base="${apiBase}" defer></script>`;
  }
  return html;
}

/** The html code blocks of a Markdown file that hold a <paywall-gate>. */
function gateSnippets(file: string): string[] {
  const text = readFileSync(`${root}${file}`, 'utf8');
  return [...text.matchAll(/```html\n([\s\S]*?)```/g)].map((m) => m[1]!).filter((s) => s.includes('<paywall-gate'));
}

beforeAll(async () => {
  mock = await startServer({ port: 0, host: 'localhost' });
  site = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/bundle.js') {
      const held = holds.get(url.searchParams.get('hold') ?? '');
      void (held?.released ?? Promise.resolve()).then(() => {
        res.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'no-store' });
        res.end(readFileSync(url.searchParams.has('gate-only') ? gateOnlyPath : bundlePath));
      });
      return;
    }
    // The chunks the script's loader imports from beside itself (decision 0151).
    const chunk = /^\/((?:paywall-gate|visitor-access)\.[\w-]+\.js)$/.exec(url.pathname);
    if (chunk) {
      res.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'no-store' });
      return void res.end(readFileSync(`${root}packages/elements/dist/${chunk[1]}`));
    }
    const page = pages.get(url.pathname);
    if (!page) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...page.headers });
    res.end(page.html);
  });
  await new Promise<void>((resolve) => site.listen(0, 'localhost', resolve));
  siteUrl = `http://localhost:${(site.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: findChromium(),
    // Two made-up sites on this machine, for the cross-site cookie case.
    args: [...CHROMIUM_ARGS, '--host-resolver-rules=MAP *.test 127.0.0.1'],
  });
}, 30_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => site?.close(resolve));
  await mock?.close();
});

/** Text shown by the children of every gate but its preview, as a visitor would see it. */
const gatedTextShown = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('paywall-gate')]
      .flatMap((gate) => [...gate.children])
      .filter((child) => child.getAttribute('slot') !== 'preview' && child.localName !== 'template')
      .filter((child) => (child as HTMLElement).offsetParent !== null || child.getClientRects().length > 0)
      .map((child) => (child as HTMLElement).innerText.trim())
      .filter(Boolean),
  );

describe('documented snippets show no gated content before the script runs', () => {
  const snippets = [
    ...gateSnippets('README.md').map((s) => ['README.md', s] as const),
    ...gateSnippets('packages/elements/README.md').map((s) => ['packages/elements/README.md', s] as const),
    ...gateSnippets('docs/elements.md').map((s) => ['docs/elements.md', s] as const),
    ...gateSnippets('docs/deployment.md').map((s) => ['docs/deployment.md', s] as const),
  ];

  it('finds the snippets', () => {
    expect(snippets.length).toBeGreaterThanOrEqual(5);
  });

  it.each(snippets.map(([file, snippet], i) => [`${file} #${i + 1}`, snippet]))(
    '%s',
    async (_, snippet) => {
      const id = Math.random().toString(36).slice(2);
      const release = hold(id);
      const path = `/snippet-${id}`;
      pages.set(path, { html: hostPage(servable(snippet, apiUrl(), id)) });
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        // Not 'domcontentloaded': that waits for deferred scripts, the very thing held back.
        await page.goto(`${siteUrl}${path}`, { waitUntil: 'commit' });
        await page.waitForSelector('paywall-gate', { state: 'attached' });
        // The page is painted; the script is still on its way (held back by this server).
        await page.waitForTimeout(300);
        expect(await page.evaluate(() => Boolean(customElements.get('paywall-gate')))).toBe(false);
        expect(await gatedTextShown(page)).toEqual([]);
        release();
        // Once it runs, the gates answer (signed out: the sign-in, still nothing gated).
        await page.waitForSelector('paywall-gate[state=sign-in], paywall-gate[state=error]', { timeout: 8000 });
        expect(await gatedTextShown(page)).toEqual([]);
      } finally {
        await context.close();
      }
    },
    20_000,
  );
});

describe('a strict Content-Security-Policy without unsafe-inline', () => {
  it('every element works and the browser reports no violation', async () => {
    const api = apiUrl();
    const csp = [
      "default-src 'none'",
      "script-src 'self'",
      "style-src 'self'",
      `connect-src ${api}`,
      "img-src 'self' data:",
      "base-uri 'none'",
      "form-action 'none'",
      "frame-ancestors 'none'",
    ].join('; ');
    pages.set('/csp', {
      headers: { 'content-security-policy': csp },
      html: hostPage(
        `<visitor-session></visitor-session>
         <paywall-gate handle="gharart" page="members-lounge"><template><p class="lounge">This month in the lounge</p></template></paywall-gate>
         <group-buy-card handle="gharart" slug="spring-bundle"></group-buy-card>
         <visitor-access-list></visitor-access-list>`,
        { head: `<script src="/bundle.js" data-api-base="${api}" defer></script>` },
      ),
    });
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' || /Content.Security.Policy/i.test(m.text())) problems.push(m.text());
      });
      page.on('pageerror', (e) => problems.push(e.message));
      await page.goto(`${siteUrl}/csp`);
      await page.waitForSelector('paywall-gate[state=sign-in]');
      // Styles applied (adopted style sheets are not inline styles): the primary button is filled.
      const fill = await page.$eval(
        'paywall-gate',
        (g) => getComputedStyle(g.shadowRoot!.querySelector('[part~=button-primary]')!).backgroundColor,
      );
      expect(fill).toBe('rgb(59, 78, 224)');
      // The group buy's progress bar has its width (set through the CSSOM, not a style attribute).
      await page.waitForSelector('group-buy-card >> [part~=progress-fill]', { state: 'attached' });
      const width = await page.$eval('group-buy-card', (c) =>
        c.shadowRoot!.querySelector('[part~=progress-fill]')!.getAttribute('style'),
      );
      expect(width).toMatch(/width/);
      // Sign in by code, as a visitor would.
      const email = `csp-${Date.now()}@example.com`;
      await page.fill('paywall-gate >> input[name=email]', email);
      await page.click('paywall-gate >> form button[type=submit]');
      await page.waitForSelector('paywall-gate[state=check-email]');
      const mail = await (await fetch(`${api}/_mock/api/messages?to=${encodeURIComponent(email)}`)).json();
      await page.fill('paywall-gate >> input[name=code]', mail.messages[0].code);
      await page.waitForSelector('paywall-gate[state=granted]');
      await page.waitForSelector('paywall-gate >> .lounge');
      await page.waitForSelector(`visitor-session >> text=${email}`);
      await page.waitForSelector('visitor-access-list >> [part~=heading]');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 30_000);
});

describe('a sign-in cookie the browser does not keep is named with its cause', () => {
  /** Signs in on `pageOrigin` with the API at `apiBase` and returns the gate's message. */
  async function cookieMessage(pageOrigin: string, apiBase: string): Promise<string> {
    const path = `/cookies-${Math.random().toString(36).slice(2)}`;
    pages.set(path, {
      html: hostPage(`<paywall-gate handle="gharart" page="members-lounge"></paywall-gate>`, {
        head: `<script src="/bundle.js" data-api-base="${apiBase}" defer></script>`,
      }),
    });
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${pageOrigin}${path}`);
      await page.waitForSelector('paywall-gate[state=sign-in]');
      const email = `cookie-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@example.com`;
      await page.fill('paywall-gate >> input[name=email]', email);
      await page.click('paywall-gate >> form button[type=submit]');
      await page.waitForSelector('paywall-gate[state=check-email]');
      const mail = await (await fetch(`${apiUrl()}/_mock/api/messages?to=${encodeURIComponent(email)}`)).json();
      await page.fill('paywall-gate >> input[name=code]', mail.messages[0].code);
      await page.waitForSelector('paywall-gate[state=error]');
      return await page.$eval('paywall-gate', (g) => g.shadowRoot!.querySelector('[part~=error]')!.textContent!);
    } finally {
      await context.close();
    }
  }

  const port = () => new URL(mock.url).port;
  const sitePort = () => new URL(siteUrl).port;

  it('page on localhost, API on 127.0.0.1: names both host names and the fix', async () => {
    const message = await cookieMessage(siteUrl, `http://127.0.0.1:${port()}`);
    expect(message).toContain(`this page is on localhost:${sitePort()} and the sign-in server on 127.0.0.1:${port()}`);
    // Each fix keeps its own side's port (issue 18: both ports were the wrong way round).
    expect(message).toContain(
      `Open the page on 127.0.0.1:${sitePort()}, or point the API address at localhost:${port()}.`,
    );
  });

  it('API on another site: a third-party cookie the browser blocks', async () => {
    const shop = `http://shop.test:${sitePort()}`;
    await fetch(`${apiUrl()}/_mock/api/handles/gharart`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ allowedOrigins: [shop] }),
    });
    try {
      const message = await cookieMessage(shop, `http://api.example-cdn.test:${port()}`);
      expect(message).toContain(
        `the sign-in server (api.example-cdn.test:${port()}) is on another site than this page`,
      );
      expect(message).toContain('serve the API from this site’s own domain');
    } finally {
      await fetch(`${apiUrl()}/_mock/api/handles/gharart`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ allowedOrigins: [] }),
      });
    }
  });
});
