import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startServer } from '@visitor-access/mock/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- plain ESM helpers shared with scripts
import { CHROMIUM_ARGS, findChromium } from '../scripts/find-chromium.mjs';
// @ts-expect-error -- plain ESM helpers shared with scripts
import { serveStatic } from '../scripts/serve-static.mjs';

// The framework examples as built by `npm run build` (examples/*/dist), served as static files with
// the API proxied under the same origin (as their Vite dev servers do), against the standalone mock,
// in real Chromium. Each one must pass the elements' props as properties (`strings`) and receive
// their events in the framework's own state.
const example = (name: string) => fileURLToPath(new URL(`../examples/${name}/`, import.meta.url));
type Mock = Awaited<ReturnType<typeof startServer>>;

async function codeFor(mock: Mock, email: string): Promise<string> {
  for (let i = 0; i < 50; i++) {
    const res = await fetch(`${mock.url}/_mock/api/messages?to=${encodeURIComponent(email)}`);
    const { messages } = (await res.json()) as { messages: Array<{ code?: string }> };
    if (messages[0]?.code) return messages[0].code;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no sign-in email for ${email}`);
}

/** Sign in with the emailed code and buy the masterclass through the gate and the fake checkout. */
async function signInAndBuy(page: Page, mock: Mock, email: string): Promise<void> {
  const gate = (state: string) => page.waitForSelector(`paywall-gate[state=${state}]`, { timeout: 15_000 });
  await gate('sign-in');
  await page.fill('paywall-gate >> input[name=email]', email);
  await page.click('paywall-gate >> button[type=submit]');
  await gate('check-email');
  await page.fill('paywall-gate >> input[name=code]', await codeFor(mock, email));
  await gate('purchase');
  // `strings` is an object: it only takes effect when the framework set it as a property.
  const buy = page.locator('paywall-gate >> [part~=button-primary]');
  await expect(buy.textContent()).resolves.toContain('Unlock for $19.00');
  await buy.click();
  await page.waitForURL(/\/_mock\/checkout\//);
  await page.getByRole('button', { name: /pay/i }).first().click();
  await gate('granted');
}

describe('framework examples in Chromium', () => {
  let browser: Browser;
  let mock: Mock;

  beforeAll(async () => {
    mock = await startServer({ port: 0, host: '127.0.0.1', log: false });
    browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    await mock?.close();
  });

  for (const name of ['react', 'vue', 'svelte']) {
    it(`${name}: props reach the elements as properties, their events reach ${name}'s state`, async () => {
      const dist = `${example(name)}dist`;
      if (!existsSync(`${dist}/index.html`)) throw new Error(`examples/${name} is not built: npm run build`);
      const site = await serveStatic({ dir: dist, proxy: mock.url });
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      try {
        await page.goto(`${site.url}/`);
        const state = page.getByTestId(`${name}-state`);
        await expect.poll(() => state.textContent(), { timeout: 15_000 }).toContain('gate: sign-in');
        await expect(state.textContent()).resolves.toContain('unlocked: nothing yet');

        const email = `${name}-${Date.now()}@example.com`;
        await signInAndBuy(page, mock, email);
        await expect
          .poll(() => state.textContent(), { timeout: 10_000 })
          .toContain('unlocked: Block-Printing Masterclass');
        await expect(state.textContent()).resolves.toContain('gate: granted');
        await page.waitForSelector(`visitor-session >> text=${email}`);
        await page.waitForSelector('visitor-access-list >> text=Purchase');
        expect(errors).toEqual([]);
      } finally {
        await page.close();
        await site.close();
      }
    }, 60_000);
  }

  it('server: the lesson is sent only after the server itself saw access, and a refund takes it back', async () => {
    const dist = `${example('server')}dist/server.js`;
    if (!existsSync(dist)) throw new Error('examples/server is not built: npm run build');
    const { startSite } = await import(dist);
    const site = await startSite({ apiBase: mock.url, port: 0 });
    const lesson = 'Carving your first block';
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      // Without a session: the page carries the gate and not a word of the lesson.
      const anonymous = await fetch(`${site.url}/masterclass`);
      expect(anonymous.status).toBe(200);
      expect(anonymous.headers.get('cache-control')).toBe('private, no-store');
      const html = await anonymous.text();
      expect(html).toContain('<paywall-gate');
      expect(html).not.toContain(lesson);

      await page.goto(`${site.url}/masterclass`);
      const email = `server-${Date.now()}@example.com`;
      // The example keeps the default strings.
      await page.waitForSelector('paywall-gate[state=sign-in]', { timeout: 15_000 });
      await page.fill('paywall-gate >> input[name=email]', email);
      await page.click('paywall-gate >> button[type=submit]');
      await page.waitForSelector('paywall-gate[state=check-email]');
      await page.fill('paywall-gate >> input[name=code]', await codeFor(mock, email));
      await page.waitForSelector('paywall-gate[state=purchase]');
      // Signed in but not paid: the server still sends no lesson, with this browser's own cookie.
      const cookieHeader = (await context.cookies(site.url)).map((c) => `${c.name}=${c.value}`).join('; ');
      expect(cookieHeader).toContain('_10x_visitor=');
      expect(
        await (await fetch(`${site.url}/masterclass`, { headers: { cookie: cookieHeader } })).text(),
      ).not.toContain(lesson);

      await page.click('paywall-gate >> [part~=button-primary]');
      await page.waitForURL(/\/_mock\/checkout\//);
      await page.getByRole('button', { name: /pay/i }).first().click();
      // Granted in the browser → the page reloads → the server checks again and sends the lesson.
      await page.waitForSelector('[data-testid=lesson]', { timeout: 20_000 });
      expect(await page.locator('paywall-gate').count()).toBe(0);
      expect(new URL(page.url()).search).toBe(''); // no checkout markers left to replay
      expect(await (await fetch(`${site.url}/masterclass`, { headers: { cookie: cookieHeader } })).text()).toContain(
        lesson,
      );
      // Another visitor's cookie, or none, still gets nothing.
      expect(await (await fetch(`${site.url}/masterclass`)).text()).not.toContain(lesson);

      // The creator refunds: the next request gets the gate again.
      const me = await (await fetch(`${mock.url}/v2/visitor/me`, { headers: { cookie: cookieHeader } })).json();
      const refund = await fetch(`${mock.url}/_mock/api/stripe-refund`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ handle: 'gharart', pageSlug: 'masterclass', visitorId: me.visitor.id }),
      });
      expect(refund.status).toBe(200);
      await page.reload();
      await page.waitForSelector('paywall-gate[state=purchase]', { timeout: 15_000 });
      expect(await page.content()).not.toContain(lesson);
    } finally {
      await context.close();
      await site.close();
    }
  }, 90_000);

  it('server: an API that cannot be reached gets a 503 with no content, never the lesson', async () => {
    const { startSite } = await import(`${example('server')}dist/server.js`);
    const down = await startServer({ port: 0, host: '127.0.0.1', log: false });
    const apiBase = down.url;
    await down.close();
    const site = await startSite({ apiBase, port: 0 });
    try {
      const res = await fetch(`${site.url}/masterclass`, { headers: { cookie: '_10x_visitor=forged' } });
      expect(res.status).toBe(503);
      expect(await res.text()).not.toContain('Carving your first block');
    } finally {
      await site.close();
    }
  }, 30_000);
});
