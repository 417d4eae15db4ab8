import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import ts from 'typescript';
import { preview, type PreviewServer } from 'vite';
import { startServer } from '@visitor-access/mock/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '@visitor-access/tools/npm-start';
// @ts-expect-error -- plain ESM helpers shared with scripts
import { CHROMIUM_ARGS, findChromium } from '@visitor-access/tools/find-chromium';
// @ts-expect-error -- plain ESM helper shared with the docs generators
import { publicFields } from '@visitor-access/tools/manifest';

// The framework examples as their users run them: built by `npm run build` (examples/*/dist) and
// served by `vite preview` with the example's own vite.config (the API proxied under the app's
// origin, and the route that sends the lesson only after the access check), against the
// standalone mock, in real Chromium. Each must pass the elements' props as properties (`strings`,
// `theme`), receive their events in the framework's own state, and get the lesson through `src`.
const example = (name: string) => fileURLToPath(new URL(`../examples/${name}/`, import.meta.url));
const LESSON = 'Carving your first block';
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

const gate = (page: Page, state: string) => page.waitForSelector(`paywall-gate[state=${state}]`, { timeout: 15_000 });

/**
 * "Buy for …" with an email, then the emailed code: the gate goes on to checkout by itself (no
 * second click), where the mock's checkout page is paid.
 */
async function buyWithCode(page: Page, mock: Mock, email: string): Promise<void> {
  await gate(page, 'sign-in');
  await page.fill('paywall-gate >> input[name=email]', email);
  await page.click('paywall-gate >> button[type=submit]');
  await gate(page, 'check-email');
  await page.fill('paywall-gate >> input[name=code]', await codeFor(mock, email));
  await page.waitForURL(/\/_mock\/checkout\//, { timeout: 15_000 });
}

const payOnCheckout = (page: Page) => page.getByRole('button', { name: /pay/i }).first().click();

/** The lightness (0–1) of the gate's panel background. */
const panelLightness = (page: Page) =>
  page.locator('paywall-gate').evaluate((el) => {
    const rgb = getComputedStyle(el.shadowRoot!.querySelector('[part~=panel]')!).backgroundColor;
    const [r = 0, g = 0, b = 0] = (rgb.match(/\d+/g) ?? []).map(Number);
    return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
  });

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
    it(`${name}: props reach the elements as properties, their events reach ${name}'s state, the lesson comes through src`, async () => {
      const root = example(name);
      if (!existsSync(`${root}dist/index.html`)) throw new Error(`examples/${name} is not built: npm run build`);
      // The example's vite.config reads the API's address when it loads.
      process.env.VA_API = mock.url;
      const server: PreviewServer = await preview({
        root,
        logLevel: 'silent',
        preview: { port: 0, host: 'localhost', strictPort: false, open: false },
      });
      const site = server.resolvedUrls!.local[0]!.replace(/\/$/, '');
      const context = await browser.newContext({ colorScheme: 'light' });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      try {
        await page.goto(`${site}/`);
        const state = page.getByTestId(`${name}-state`);
        await expect.poll(() => state.textContent(), { timeout: 15_000 }).toContain('gate: sign-in');
        await expect(state.textContent()).resolves.toContain('unlocked: nothing yet');
        // `strings` is an object: it only takes effect when the framework set it as a property.
        await expect(page.locator('paywall-gate >> button[type=submit]').textContent()).resolves.toContain(
          'Unlock for $19.00',
        );

        // The app's theme is a class; `theme` passes it on to every element.
        expect(await panelLightness(page)).toBeGreaterThan(0.8);
        await page.getByRole('button', { name: 'Dark theme' }).click();
        for (const tag of ['paywall-gate', 'visitor-session', 'group-buy-card', 'visitor-access-list'])
          await expect(page.locator(tag).getAttribute('theme')).resolves.toBe('dark');
        await expect.poll(() => panelLightness(page)).toBeLessThan(0.2);

        // The lesson is in neither the page nor the bundle, and its route refuses a visitor without access.
        expect(await page.content()).not.toContain(LESSON);
        expect((await fetch(`${site}/lessons/masterclass.html`)).status).toBe(403);

        const email = `${name}-${Date.now()}@example.com`;
        await buyWithCode(page, mock, email);
        await payOnCheckout(page);
        await gate(page, 'granted');
        await page.waitForSelector(`paywall-gate >> text=${LESSON}`, { timeout: 15_000 });
        await expect
          .poll(() => state.textContent(), { timeout: 10_000 })
          .toContain('unlocked: Block-Printing Masterclass');
        await expect(state.textContent()).resolves.toContain('gate: granted');
        await page.waitForSelector(`visitor-session >> text=${email}`);
        await page.waitForSelector('visitor-access-list >> text=Purchase');
        expect(new URL(page.url()).search).toBe(''); // the checkout markers are gone
        // With this browser's cookie, the route sends the lesson; without, still nothing.
        const withCookie = await context.request.get(`${site}/lessons/masterclass.html`);
        expect(withCookie.status()).toBe(200);
        expect(await withCookie.text()).toContain(LESSON);
        expect((await fetch(`${site}/lessons/masterclass.html`)).status).toBe(403);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
        await server.close();
      }
    }, 90_000);
  }

  it('react: the typed JSX covers every attribute, property and event in the custom elements manifest', () => {
    const manifest = JSON.parse(
      readFileSync(fileURLToPath(new URL('../packages/elements/custom-elements.json', import.meta.url)), 'utf8'),
    ) as {
      modules: Array<{
        declarations?: Array<{
          tagName?: string;
          members?: Array<{ kind: string; name: string; static?: boolean; privacy?: string; readonly?: boolean }>;
          attributes?: Array<{ name: string; fieldName?: string }>;
          events?: Array<{ name?: string }>;
        }>;
      }>;
    };
    const typesFile = fileURLToPath(new URL('../packages/elements/dist/react.d.ts', import.meta.url));
    if (!existsSync(typesFile)) throw new Error('packages/elements is not built: npm run build');
    const program = ts.createProgram([typesFile], {
      strict: true,
      jsx: ts.JsxEmit.ReactJSX,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
      types: [],
      skipLibCheck: true,
    });
    const checker = program.getTypeChecker();
    const source = program.getSourceFile(typesFile)!;
    const exported = checker.getExportsOfModule(checker.getSymbolAtLocation(source)!);
    // Read, not set: the gate's current state.
    const notProps = new Set(['gateState']);

    const missing: string[] = [];
    for (const element of manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName)) {
      const alias = `${element.tagName!.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase())}Props`;
      const symbol = exported.find((s) => s.name === alias);
      if (!symbol) {
        missing.push(`${alias} (for <${element.tagName}>)`);
        continue;
      }
      const props = new Set(checker.getPropertiesOfType(checker.getDeclaredTypeOfSymbol(symbol)).map((p) => p.name));
      const attributeOf = new Map((element.attributes ?? []).map((a) => [a.fieldName ?? a.name, a.name]));
      const wanted = [
        ...(publicFields(element) as Array<{ name: string }>)
          .filter((m) => !notProps.has(m.name))
          .map((m) => attributeOf.get(m.name) ?? m.name),
        ...(element.events ?? []).filter((e) => e.name).map((e) => `on${e.name}`),
      ];
      // Every element has api-base: a manifest read that finds no fields must not pass for complete.
      if (!wanted.includes('api-base')) missing.push(`<${element.tagName}>: no public fields read from the manifest`);
      for (const name of wanted) if (!props.has(name)) missing.push(`<${element.tagName}> ${name}`);
    }
    expect(missing).toEqual([]);
  }, 30_000);

  it('server: the lesson is sent only after the server itself saw access — as a page, or to the gate’s src — and a refund takes it back', async () => {
    const dist = `${example('server')}dist/server.js`;
    if (!existsSync(dist)) throw new Error('examples/server is not built: npm run build');
    const { startSite } = await import(dist);
    // The production shape: the API under the site's /api, the mock's links (and its checkout, a
    // development option of the server package) on the site too.
    const port = await freePort();
    const mock = await startServer({
      port: 0,
      host: '127.0.0.1',
      log: false,
      publicUrl: `http://localhost:${port}/api`,
    });
    const site = await startSite({ apiBase: mock.url, port, devMockCheckout: true });
    expect(site.url).toBe(`http://localhost:${port}`);
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    try {
      // Without a session: the page carries the gate and not a word of the lesson; its src refuses.
      const anonymous = await fetch(`${site.url}/masterclass`);
      expect(anonymous.status).toBe(200);
      expect(anonymous.headers.get('cache-control')).toBe('private, no-store');
      const html = await anonymous.text();
      expect(html).toContain('<paywall-gate');
      expect(html).toContain('src="/masterclass/lesson"');
      expect(html).toContain('"isAccessibleForFree":false'); // the paywalled-content markup
      expect(html).not.toContain(LESSON);
      expect((await fetch(`${site.url}/masterclass/lesson`)).status).toBe(401);

      await page.goto(`${site.url}/masterclass`);
      const email = `server-${Date.now()}@example.com`;
      await buyWithCode(page, mock, email);
      // The checkout is on the site, under /api.
      expect(page.url().startsWith(`${site.url}/api/_mock/checkout/`)).toBe(true);

      // Another tab of the site, signed in but not paid: the server still sends no lesson, with this
      // browser's own cookie, and the gate waits on "Buy for $19.00".
      const other = await context.newPage();
      await other.goto(`${site.url}/masterclass`);
      await gate(other, 'purchase');
      expect(await other.content()).not.toContain(LESSON);
      expect((await context.request.get(`${site.url}/masterclass/lesson`)).status()).toBe(403);

      await payOnCheckout(page);
      // Back from checkout with access: the server itself sends the lesson page, at the clean address.
      await page.waitForSelector('[data-testid=lesson]', { timeout: 20_000 });
      expect(await page.locator('paywall-gate').count()).toBe(0);
      expect(new URL(page.url()).search).toBe('');
      const cookieHeader = (await context.cookies(site.url)).map((c) => `${c.name}=${c.value}`).join('; ');
      expect(cookieHeader).toContain('_10x_visitor=');
      expect(await (await fetch(`${site.url}/masterclass`, { headers: { cookie: cookieHeader } })).text()).toContain(
        LESSON,
      );
      // Another visitor's cookie, or none, still gets nothing.
      expect(await (await fetch(`${site.url}/masterclass`)).text()).not.toContain(LESSON);

      // The other tab comes back to the front: its gate looks again and fetches the lesson through
      // `src`, from the server's route that checked access, without a reload.
      await other.bringToFront();
      await other.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
      await gate(other, 'granted');
      await other.waitForSelector(`paywall-gate >> text=${LESSON}`, { timeout: 15_000 });

      // The creator refunds: the next request gets the gate again, and src refuses.
      const me = await (await fetch(`${mock.url}/v2/visitor/me`, { headers: { cookie: cookieHeader } })).json();
      const refund = await fetch(`${mock.url}/_mock/api/stripe-refund`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ handle: 'gharart', pageSlug: 'masterclass', visitorId: me.visitor.id }),
      });
      expect(refund.status).toBe(200);
      await page.reload();
      await gate(page, 'purchase');
      expect(await page.content()).not.toContain(LESSON);
      expect((await context.request.get(`${site.url}/masterclass/lesson`)).status()).toBe(403);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
      await site.close();
      await mock.close();
    }
  }, 90_000);

  it('server: an API that cannot be reached gets a 503 with no content, never the lesson', async () => {
    const { startSite } = await import(`${example('server')}dist/server.js`);
    const down = await startServer({ port: 0, host: '127.0.0.1', log: false });
    const apiBase = down.url;
    await down.close();
    const site = await startSite({ apiBase, port: 0 });
    try {
      for (const path of ['/masterclass', '/masterclass/lesson']) {
        const res = await fetch(`${site.url}${path}`, { headers: { cookie: '_10x_visitor=forged' } });
        expect(res.status).toBe(503);
        expect(await res.text()).not.toContain(LESSON);
      }
    } finally {
      await site.close();
    }
  }, 30_000);
});
