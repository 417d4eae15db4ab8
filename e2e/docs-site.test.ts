import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- plain ESM helpers shared with scripts
import { CHROMIUM_ARGS, findChromium } from '../scripts/find-chromium.mjs';
// @ts-expect-error -- plain ESM helpers shared with scripts
import { serveStatic } from '../scripts/serve-static.mjs';

// The docs site's live example, as a reader uses it: the built site/ served as static files and
// nothing else (the mock runs in the page's service worker), in real Chromium. Sign in with the code
// from the inbox shown on the page, buy on the fake checkout, see the lesson, refund, lose access.
const site = fileURLToPath(new URL('../site', import.meta.url));

describe('docs site: the live example on /try.html runs from static files alone', () => {
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

  it('signs in through the on-page inbox, buys, reads the lesson, and a refund takes it away', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const gate = (state: string) => page.waitForSelector(`paywall-gate[state=${state}]`, { timeout: 15_000 });

    await page.goto(`${server.url}/try.html`);
    await gate('sign-in');
    expect(await page.locator('paywall-gate >> text=Carving your first block').isVisible()).toBe(false);

    const email = 'reader@example.com';
    await page.fill('paywall-gate >> input[name=email]', email);
    await page.click('paywall-gate >> button[type=submit]');
    await gate('check-email');

    // The mock's mailbox, shown on the page (read through /_mock/api/messages).
    const code = page.locator('[data-testid=mail-code]').first();
    await code.waitFor({ timeout: 10_000 });
    expect(await page.locator('.va-live__mail').textContent()).toContain(email);
    await page.fill('paywall-gate >> input[name=code]', (await code.textContent())!.trim());
    await gate('purchase');
    await page.waitForSelector(`visitor-session >> text=${email}`);

    await page.click('paywall-gate >> [part~=button-primary]');
    await page.getByRole('region', { name: 'Fake Stripe Checkout' }).getByRole('button', { name: 'Pay' }).click();
    await gate('granted');
    await page.waitForSelector('paywall-gate >> text=Carving your first block');
    await page.waitForSelector('visitor-access-list >> text=Purchase');
    expect(page.url()).not.toContain('va_checkout');

    await page.getByRole('button', { name: 'Refund the masterclass' }).click();
    await gate('purchase');
    await page.waitForSelector('visitor-access-list >> text=Refunded');
    expect(await page.locator('paywall-gate >> text=Carving your first block').isVisible()).toBe(false);

    // Every API call was answered in the page: the static server only ever served files.
    expect(served.filter((path) => /^\/(v2|_edge|_mock)\//.test(path))).toEqual([]);
    expect(served).toContain('/mockServiceWorker.js');
    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);

  it("signs in by the email's link: its page asks for one click, then the gate moves on by itself", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/try.html`);
    await page.waitForSelector('paywall-gate[state=sign-in]', { timeout: 15_000 });
    await page.fill('paywall-gate >> input[name=email]', 'link@example.com');
    await page.click('paywall-gate >> button[type=submit]');
    await page.getByRole('button', { name: 'Open the link' }).click();
    // Opening the link signed nobody in: the gate still waits.
    expect(await page.locator('paywall-gate').getAttribute('state')).toBe('check-email');
    const landing = page.getByRole('region', { name: "The link's page" });
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Continue');
    await landing.getByRole('button', { name: 'Continue' }).click();
    await page.waitForSelector('paywall-gate[state=purchase]', { timeout: 15_000 });
    await expect(landing.textContent()).resolves.toContain('Signed in as link@example.com');
    await context.close();
  }, 60_000);

  it('renders the element reference from the manifest, with the element live on its page', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/reference/group-buy-card.html`);
    await expect(page.locator('h1').textContent()).resolves.toMatch(/^<group-buy-card>/);
    await expect(page.locator('#css-parts + p + table').textContent()).resolves.toContain('progress-fill');
    await page.waitForSelector('group-buy-card >> text=0 of 3 interested', { timeout: 15_000 });
    await page.close();
  }, 60_000);
});
