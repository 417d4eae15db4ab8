import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultStrings } from '../packages/elements/src/internal/strings-all.js';
// @ts-expect-error -- plain ESM helpers shared with scripts
import { CHROMIUM_ARGS, findChromium } from '../scripts/find-chromium.mjs';
// @ts-expect-error -- plain ESM helpers shared with scripts
import { serveStatic } from '../scripts/serve-static.mjs';

// The docs site's live examples, as a reader uses them: the built site/ served as static files and
// nothing else (the mock runs in the page's service worker), in real Chromium. Price first; "Buy
// for $19.00" with an email; the code from the inbox shown on the page (or the link's page and its
// Continue) and the gate goes on to the in-page checkout by itself; pay; the lesson arrives; a
// refund takes it away.
const site = fileURLToPath(new URL('../site', import.meta.url));
const LESSON = 'Carving your first block';

const gate = (page: Page, state: string) => page.waitForSelector(`paywall-gate[state=${state}]`, { timeout: 15_000 });

/** The visible text of the gate, its shadow root included (the light DOM holds the lesson). */
const gateText = (page: Page) =>
  page.locator('paywall-gate').evaluate((el) => `${el.shadowRoot?.textContent ?? ''} ${el.textContent ?? ''}`);

/** "Buy for $19.00" with `email`, then the sign-in email's 6-digit code from the inbox on the page. */
async function buyAndTypeCode(page: Page, email: string): Promise<void> {
  await page.fill('paywall-gate >> input[name=email]', email);
  await page.click('paywall-gate >> button[type=submit]');
  await gate(page, 'check-email');
  const code = page.locator('[data-testid=mail-code]').first();
  await code.waitFor({ timeout: 10_000 });
  await page.fill('paywall-gate >> input[name=code]', (await code.textContent())!.trim());
}

describe('docs site: the live examples run from static files alone', () => {
  let browser: Browser;
  let server: { url: string; close: () => Promise<void> };
  const served: string[] = [];

  beforeAll(async () => {
    if (!existsSync(`${site}/try.html`)) throw new Error('site/ is not built: run `npm run docs` (npm test does)');
    server = await serveStatic({ dir: site, onRequest: (path: string) => served.push(path) });
    browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('price first; the code from the on-page inbox goes straight on to checkout; pay, read, refund', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${server.url}/try.html`);
    await gate(page, 'sign-in');

    // A signed-out visitor sees the title, the price and one button; the lesson is not in the page.
    const signIn = await gateText(page);
    expect(signIn).toContain('Block-Printing Masterclass');
    expect(signIn).toContain('$19.00');
    await expect(page.locator('paywall-gate >> button[type=submit]').textContent()).resolves.toContain(
      'Buy for $19.00',
    );
    expect(await page.content()).not.toContain(LESSON);

    const email = 'reader@example.com';
    await buyAndTypeCode(page, email);
    expect(await page.locator('.va-live__mail').textContent()).toContain(email);

    // No second click: the gate's `navigate` took the tab to the checkout.
    const checkout = page.getByRole('region', { name: 'Fake Stripe Checkout' });
    await checkout.waitFor({ timeout: 15_000 });
    await expect(checkout.textContent()).resolves.toMatch(/Block-Printing Masterclass[\s\S]*\$19\.00/);
    await expect(page.getByTestId('address').textContent()).resolves.toContain('checkout.stripe.com');
    // Where a keyboard user lands on the checkout page: its Pay button.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Pay $19.00');
    await checkout.getByRole('button', { name: 'Pay $19.00' }).click();

    await gate(page, 'granted');
    await page.waitForSelector(`paywall-gate >> text=${LESSON}`, { timeout: 15_000 });
    await page.waitForSelector('visitor-access-list >> text=Purchase');
    await page.waitForSelector(`visitor-session >> text=${email}`);
    expect(page.url()).not.toContain('va_checkout');
    // The lesson came from the site's "server" (a handler in the page), which asked the access check.
    await expect
      .poll(() => page.locator('.va-live__log').textContent(), { timeout: 5_000 })
      .toMatch(/200\s+GET \/lessons\/masterclass\.html/);

    await page.getByRole('button', { name: 'Refund the masterclass' }).click();
    await gate(page, 'purchase');
    await page.waitForSelector('visitor-access-list >> text=Refunded');
    expect(await page.content()).not.toContain(LESSON);
    await expect(gateText(page)).resolves.toContain('Buy for $19.00');

    // Every API call, and the lesson, was answered in the page: the static server only served files.
    expect(served.filter((path) => /^\/(v2|_edge|_mock|lessons)\//.test(path))).toEqual([]);
    expect(served).toContain('/mockServiceWorker.js');
    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);

  it("the email's link: its page signs nobody in until Continue, then the page goes on to checkout", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/try.html`);
    await gate(page, 'sign-in');
    await page.fill('paywall-gate >> input[name=email]', 'link@example.com');
    await page.click('paywall-gate >> button[type=submit]');
    await gate(page, 'check-email');
    await page.locator('.va-live__mail').getByRole('button', { name: 'Open the link' }).click();

    const landing = page.getByRole('region', { name: "The link's page" });
    await expect(landing.textContent()).resolves.toContain('link@example.com');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Continue');
    // Opening the link signed nobody in (mail scanners open links too).
    const visitor = () =>
      page.evaluate(async () => (await (await fetch('/_edge/visitor/access')).json()).visitor?.email ?? null);
    expect(await visitor()).toBeNull();

    await landing.getByRole('button', { name: 'Continue' }).click();
    // Back on the page, marked by the link as "buy": checkout opens without another click.
    const checkout = page.getByRole('region', { name: 'Fake Stripe Checkout' });
    await checkout.waitFor({ timeout: 15_000 });
    expect(await visitor()).toBe('link@example.com');

    await checkout.getByRole('button', { name: 'Cancel and go back' }).click();
    await gate(page, 'purchase');
    await expect(gateText(page)).resolves.toContain('You have not been charged');
    await context.close();
  }, 60_000);

  it('a link or code used after 15 minutes says so and offers a new one', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/try.html`);
    await gate(page, 'sign-in');
    await page.fill('paywall-gate >> input[name=email]', 'late@example.com');
    await page.click('paywall-gate >> button[type=submit]');
    await gate(page, 'check-email');
    const code = page.locator('[data-testid=mail-code]').first();
    await code.waitFor({ timeout: 10_000 });
    await page.getByRole('button', { name: 'Let 16 minutes pass' }).click();
    await page.waitForSelector('text=the links and codes sent so far have expired');
    await page.fill('paywall-gate >> input[name=code]', (await code.textContent())!.trim());
    await gate(page, 'sign-in');
    await expect(gateText(page)).resolves.toContain('This link has expired. Sign-in links work for 15 minutes.');
    await expect(page.locator('paywall-gate >> button[type=submit]').textContent()).resolves.toContain(
      'Send a new link',
    );
    await expect(page.locator('paywall-gate >> input[name=email]').inputValue()).resolves.toBe('late@example.com');
    await context.close();
  }, 60_000);

  it("the elements follow the docs' colour scheme when the reader switches to dark", async () => {
    const context = await browser.newContext({ colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(`${server.url}/try.html`);
    await gate(page, 'sign-in');
    const panel = () =>
      page
        .locator('paywall-gate')
        .evaluate((el) => getComputedStyle(el.shadowRoot!.querySelector('[part~=panel]')!).backgroundColor);
    const lightness = (rgb: string) => {
      const [r = 0, g = 0, b = 0] = (rgb.match(/\d+/g) ?? []).map(Number);
      return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
    };
    expect(lightness(await panel())).toBeGreaterThan(0.8);
    await page.getByRole('switch', { name: /dark/i }).first().click();
    await expect.poll(async () => lightness(await panel())).toBeLessThan(0.2);
    await context.close();
  }, 60_000);

  it('the group buy sells once the creator activates it, through the same sign-in and checkout', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/reference/group-buy-card.html`);
    const card = page.locator('group-buy-card');
    await page.waitForSelector('group-buy-card >> text=0 of 3 interested', { timeout: 15_000 });
    await page.getByRole('button', { name: 'Three other visitors are interested' }).click();
    await page.waitForSelector('group-buy-card >> text=3 of 3 interested', { timeout: 15_000 });
    await page.getByRole('button', { name: 'Activate the group buy' }).click();

    await card.getByRole('button', { name: 'Buy for $49.00' }).click();
    await card.locator('input[name=email]').fill('bundle@example.com');
    await card.locator('button[type=submit]').click();
    const code = page.locator('[data-testid=mail-code]').first();
    await code.waitFor({ timeout: 10_000 });
    await card.locator('input[name=code]').fill((await code.textContent())!.trim());

    const checkout = page.getByRole('region', { name: 'Fake Stripe Checkout' });
    await checkout.waitFor({ timeout: 15_000 });
    await expect(checkout.textContent()).resolves.toMatch(/Spring Bundle[\s\S]*\$49\.00/);
    await checkout.getByRole('button', { name: 'Pay $49.00' }).click();
    await page.waitForSelector('group-buy-card >> text=You bought this', { timeout: 15_000 });
    await context.close();
  }, 60_000);

  it("the in-page mock answers only its own origin: another origin's API paths reach that origin", async () => {
    // A second origin (another port) standing in for a real API or another mock: it answers every path
    // itself, readable cross-origin, and notes what reached it.
    const reached: string[] = [];
    const other = createServer((req, res) => {
      reached.push(`${req.method} ${req.url}`);
      res.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
      res.end(JSON.stringify({ answeredBy: 'the other origin', path: req.url }));
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const otherOrigin = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${server.url}/try.html`);
      // The mock is running: the gate got its first answer from it.
      await gate(page, 'sign-in');
      const paths = ['/v2/visitor/me', '/_edge/visitor/access', '/_mock/api/messages?to=reader%40example.com'];
      const answers = await page.evaluate(
        async ({ origin, paths }) =>
          Promise.all(paths.map(async (path) => (await fetch(origin + path)).json() as Promise<unknown>)),
        { origin: otherOrigin, paths },
      );
      expect(answers).toEqual(paths.map((path) => ({ answeredBy: 'the other origin', path })));
      // The three requests go out together: they may reach the other origin in any order.
      expect(reached.sort()).toEqual(paths.map((path) => `GET ${path}`).sort());
      // The page's own origin is still the mock's.
      const own = (await page.evaluate(async () => (await fetch('/_edge/visitor/access')).json())) as object;
      expect(own).not.toHaveProperty('answeredBy');
      expect((own as { visitor?: unknown }).visitor ?? null).toBeNull();
    } finally {
      await context.close();
      other.closeAllConnections();
      await new Promise<void>((resolve) => other.close(() => resolve()));
    }
  }, 60_000);

  it('renders the element reference from the manifest, with the element live on its page', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/reference/paywall-gate.html`);
    await expect(page.locator('h1').textContent()).resolves.toMatch(/^<paywall-gate>/);
    // Every attribute of the element, `theme` included, is in its table.
    const attributes = await page.locator('#attributes-and-properties + table').textContent();
    for (const name of ['handle', 'page', 'src', 'navigate', 'theme', 'api-base', 'locale', 'strings', 'client'])
      expect(attributes).toContain(name);
    await gate(page, 'sign-in');
    await page.close();
  }, 60_000);
});

describe('docs: what the guides say stays true', () => {
  // "_This link has expired…_ (`linkExpired`)": a quoted string and its key must agree with the
  // elements' own strings, so the playbook never describes copy the elements no longer show.
  for (const page of ['troubleshooting.md', 'getting-started.md', 'security.md', 'try.md']) {
    it(`${page} quotes the current strings`, () => {
      const text = readFileSync(fileURLToPath(new URL(`../docs/${page}`, import.meta.url)), 'utf8');
      const quoted = [...text.matchAll(/(?:_([^_\n|][^_|]*?)_|\*\*([^*\n]+)\*\*)\s+\(`(\w+)`\)/g)].map((m) => ({
        key: m[3]!,
        text: (m[1] ?? m[2]!).replace(/\s*\n\s*/g, ' '),
      }));
      const strings = defaultStrings as Record<string, string>;
      for (const { key, text: said } of quoted) {
        expect(strings, `docs/${page} quotes a string key that does not exist: ${key}`).toHaveProperty(key);
        expect(said, `docs/${page}, string ${key}`).toBe(strings[key]);
      }
      if (page === 'troubleshooting.md') expect(quoted.length).toBeGreaterThanOrEqual(10);
    });
  }

  it('sidebar labels taken from headings show element names as text, never as live elements', () => {
    const html = readFileSync(`${site}/try.html`, 'utf8');
    const sidebar = /<nav class="nav" id="VPSidebarNav"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? '';
    expect(sidebar).toContain('&lt;paywall-gate&gt;-only script');
    expect(sidebar).not.toMatch(/<(paywall-gate|visitor-session|visitor-access-list|group-buy-card)[\s>]/);
  });

  it("ARCHITECTURE.md's map names files that exist: every path in it leads somewhere", () => {
    const root = fileURLToPath(new URL('../', import.meta.url));
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(`${root}${dir}`, { withFileTypes: true })) {
        if (['node_modules', 'dist', 'site', 'cache'].includes(entry.name) || entry.name.startsWith('.')) continue;
        const path = `${dir}${entry.name}`;
        if (entry.isDirectory()) {
          files.push(`${path}/`);
          walk(`${path}/`);
        } else files.push(path);
      }
    };
    walk('packages/');
    const text = readFileSync(`${root}ARCHITECTURE.md`, 'utf8');
    // Backticked paths: `packages/mock/src/store/views.ts`, or short ones read inside their package
    // (`store/checkout.ts`, `handlers/pages.ts`). Templates (`<area>`), globs, routes and built files aside.
    const paths = [...text.matchAll(/`([\w.-]+(?:\/[\w.-]+)*\/(?:[\w.-]+\.(?:ts|mjs|js|json|md)|))`/g)]
      .map((m) => m[1]!)
      .filter((path) => !path.startsWith('dist/'));
    expect(paths.length).toBeGreaterThan(40);
    const missing = [...new Set(paths)].filter(
      (path) => !existsSync(`${root}${path}`) && !files.some((file) => file.endsWith(`/${path}`)),
    );
    expect(missing).toEqual([]);
  });

  it('the decision records index lists every record, each with a status', () => {
    const records = decisionFiles();
    const rows = indexRows();
    expect(records.filter((file) => !rows.has(file))).toEqual([]);
    expect(records.filter((file) => !rows.get(file))).toEqual([]);
    expect([...rows.keys()].filter((file) => !records.includes(file))).toEqual([]);
  });

  it('every decision record has a Status line, and its index row says the same status', () => {
    const rows = indexRows();
    const problems: string[] = [];
    for (const file of decisionFiles()) {
      const status = statusLine(readFileSync(`${DECISIONS}${file}`, 'utf8'));
      if (status === undefined) {
        problems.push(`${file}: no "Status:" line under the title`);
        continue;
      }
      const row = rows.get(file) ?? '';
      const [a, b] = [statusOf(status), statusOf(row)];
      if (JSON.stringify(a) !== JSON.stringify(b)) {
        problems.push(
          `${file}: the record says "${status}" (${JSON.stringify(a)}), its index row "${row}" (${JSON.stringify(b)})`,
        );
      }
    }
    expect(problems).toEqual([]);
  });

  it('reads a status the same way in a record and in a row, whatever the notes around it', () => {
    expect(statusOf('Accepted')).toEqual({ state: 'accepted', by: {} });
    expect(statusOf('Accepted, amended by 0040')).toEqual(
      statusOf('Amended by 0040 (validation messages come from the formatter) — see 0013'),
    );
    expect(statusOf('Accepted; refined by 0056 (flows on @lit/task).')).toEqual({
      state: 'accepted',
      by: { refined: ['0056'] },
    });
    expect(statusOf('Accepted (amends 0090 and 0092: their levers); amended by 0093 (measured)')).toEqual({
      state: 'accepted',
      by: { amended: ['0093'] },
    });
    expect(statusOf('Amended by 0090; measured again in 0059')).toEqual({
      state: 'accepted',
      by: { amended: ['0090'], measured: ['0059'] },
    });
    expect(statusOf('Superseded by 0042')).toEqual({ state: 'superseded', by: { superseded: ['0042'] } });
    expect(statusOf('Accepted, amended by 0054 (the cause named) and 0055 (the edge route)')).not.toEqual(
      statusOf('Accepted, amended by 0054'),
    );
    expect(statusOf('Proposed')).not.toEqual(statusOf('Accepted'));
  });
});

const DECISIONS = fileURLToPath(new URL('../docs/decisions/', import.meta.url));

/** The record files, `NNNN-title.md`. */
function decisionFiles(): string[] {
  return readdirSync(DECISIONS).filter((file) => /^\d{4}-.+\.md$/.test(file));
}

/** The index table of docs/decisions/README.md: record file → its status cell. */
function indexRows(): Map<string, string> {
  return new Map(
    readFileSync(`${DECISIONS}README.md`, 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('| ['))
      .map((line) => line.split('|').map((cell) => cell.trim()))
      .map((cells) => [/\]\(([^)]+)\)/.exec(cells[1]!)?.[1] ?? '', cells[3] ?? '']),
  );
}

/** A record's `Status:` paragraph (it may wrap), or undefined when it has none before its first section. */
function statusLine(text: string): string | undefined {
  const head = text.split(/^## /m)[0]!;
  const match = /^Status:[ \t]*(.+(?:\n(?!\s*\n).+)*)/m.exec(head);
  return match ? match[1]!.replace(/\s+/g, ' ').trim() : undefined;
}

/**
 * What a status says, apart from its wording and notes: the state (accepted — also when only "amended"
 * or "refined" —, superseded, proposed, rejected, deprecated) and which later records changed it, by
 * kind (`amended by`, `refined by`, `superseded by`, `measured again in`). What a record itself amends
 * ("amends 0012") is its own business and may be left out of the row.
 */
function statusOf(text: string): { state: string; by: Record<string, string[]> } {
  const lower = text.toLowerCase();
  const by: Record<string, string[]> = {};
  for (const mark of lower.matchAll(/\b(amended by|refined by|superseded by|replaced by|measured again in)\b/g)) {
    // The record numbers right after the words: `0054 (a note), 0055 and 0056 (another)`; a note may
    // name other records, which are not part of the list.
    const found: string[] = [];
    let rest = lower.slice(mark.index + mark[1]!.length);
    for (;;) {
      const next = /^\s*(0\d{3})(?:\s*\([^)]*\))?(\s*(?:,\s*(?:and\s+)?|and\s+))?/.exec(rest);
      if (!next) break;
      found.push(next[1]!);
      if (!next[2]) break;
      rest = rest.slice(next[0].length);
    }
    const name = mark[1]!.split(' ')[0]!.replace('replaced', 'superseded');
    by[name] = [...new Set([...(by[name] ?? []), ...found])].sort();
  }
  const state = /^\s*(proposed|rejected|deprecated)\b/.exec(lower)?.[1] ?? (by.superseded ? 'superseded' : 'accepted');
  return { state, by: Object.fromEntries(Object.entries(by).sort(([x], [y]) => (x < y ? -1 : 1))) };
}
