// How the mock's own pages look and read, in a real Chromium: they fit a 320 px phone, pass axe in light
// and dark, and each state offers one primary action. pages-in-chromium.test.ts covers what the buttons do.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- plain ESM helper shared with vite.config.ts and the scripts
import { CHROMIUM_ARGS, findChromium } from '@visitor-access/tools/find-chromium';
import { startMock, Visitor } from '../test/helpers.js';
import { LONG_EMAIL, seedPageStates, type PageStates } from '../test/page-states.js';
import type { RunningServer } from './server.js';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let browser: Browser;
let mock: RunningServer;
let states: PageStates;
beforeAll(async () => {
  [browser, mock] = await Promise.all([
    chromium.launch({ executablePath: findChromium() as string, args: CHROMIUM_ARGS as string[] }),
    startMock(),
  ]);
  states = await seedPageStates(mock.url);
});
afterAll(async () => {
  await browser?.close();
  await mock?.close();
});

async function withPage<T>(
  options: Parameters<Browser['newContext']>[0],
  run: (page: Page, context: BrowserContext) => Promise<T>,
): Promise<T> {
  const context = await browser.newContext(options);
  try {
    return await run(await context.newPage(), context);
  } finally {
    await context.close();
  }
}

/** Everything that sticks out of the viewport sideways, and how wide the document is. */
const overflow = (page: Page) =>
  page.evaluate(() => {
    // Closed messages count too: open every one before measuring.
    for (const d of document.querySelectorAll('details')) d.open = true;
    const width = window.innerWidth;
    const out: string[] = [];
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && (r.right > width + 0.5 || r.left < -0.5)) {
        out.push(`${el.tagName.toLowerCase()}.${el.className} ${Math.round(r.left)}–${Math.round(r.right)}`);
      }
    }
    return { scrollWidth: document.documentElement.scrollWidth, width, out };
  });

/** A new open checkout of the masterclass, for a test that completes or cancels it. */
async function freshCheckout(): Promise<string> {
  const buyer = new Visitor(mock.url);
  await buyer.signIn(`buyer-${Math.random().toString(36).slice(2)}@example.com`);
  const c = await buyer.req('POST', '/v2/public/pages/gharart/masterclass/checkout', {
    successUrl: `${mock.url}/?after=paid`,
    cancelUrl: `${mock.url}/?after=cancelled`,
  });
  expect(c.status).toBe(200);
  return c.body.url;
}

const visiblePrimaries = (page: Page) => page.locator('.primary:visible').allTextContents();

describe('the mock’s pages on a phone', () => {
  for (const width of [320, 390]) {
    it(`nothing is wider than a ${width} px screen, with a long address and a long link in the mailbox`, async () => {
      await withPage({ viewport: { width, height: 700 } }, async (page) => {
        await page.goto(states.mailbox);
        expect(await page.textContent('main')).toContain(LONG_EMAIL);
        const link = await page.getAttribute('a[href*="block-printing"]', 'href');
        expect(link!.length).toBeGreaterThan(200);
        for (const [name, url] of Object.entries(states)) {
          await page.goto(url);
          expect({ name, ...(await overflow(page)) }).toEqual({ name, scrollWidth: width, width, out: [] });
        }
      });
    });
  }
});

describe('axe finds nothing', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`on any page in ${colorScheme} mode`, async () => {
      await withPage({ colorScheme, viewport: { width: 390, height: 800 } }, async (page) => {
        for (const [name, url] of Object.entries(states)) {
          await page.goto(url);
          await page.evaluate(AXE);
          const violations = await page.evaluate(async () => {
            const axe = (window as unknown as { axe: { run(): Promise<{ violations: unknown[] }> } }).axe;
            return (await axe.run()).violations.map((v) => {
              const { id, nodes } = v as { id: string; nodes: { target: unknown }[] };
              return `${id}: ${nodes.map((n) => String(n.target)).join(', ')}`;
            });
          });
          expect({ name, violations }).toEqual({ name, violations: [] });
        }
      });
    });
  }

  it('and the pages really follow the OS colour scheme', async () => {
    const background = (colorScheme: 'light' | 'dark') =>
      withPage({ colorScheme }, async (page) => {
        await page.goto(states.checkoutOpen);
        return page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      });
    expect(await background('light')).toBe('rgb(244, 245, 248)');
    expect(await background('dark')).toBe('rgb(14, 15, 18)');
  });
});

describe('one primary action per state', () => {
  it('the expired, used and unknown link pages offer one way on: a new link', async () => {
    await withPage({}, async (page) => {
      for (const url of [states.landingExpired, states.landingUsed, states.landingInvalid]) {
        await page.goto(url);
        expect(await visiblePrimaries(page)).toEqual(['Email me a new link']);
        expect(await page.locator('button:visible, a.button:visible').count()).toBe(1);
      }
    });
  });

  it('a landing the mock cannot serve just now offers one way on: Try again (the same address)', async () => {
    await withPage({}, async (page) => {
      const res = await page.goto(states.landingUnavailable);
      expect(res!.status()).toBe(503);
      expect(await visiblePrimaries(page)).toEqual(['Try again']);
      expect(await page.locator('button:visible, a.button:visible').count()).toBe(1);
      expect(new URL((await page.getAttribute('a.button', 'href'))!, page.url()).href).toBe(states.landingUnavailable);
    });
  });

  it('a valid link offers Continue; when it fails on click, the new-link form replaces it', async () => {
    const dev = new Visitor(mock.url);
    const { link, token } = await dev.requestLink('raced@example.com');
    await withPage({}, async (page) => {
      await page.goto(link!);
      expect(await visiblePrimaries(page)).toEqual(['Continue']);
      // Used elsewhere (another device) while this page was open.
      expect((await dev.req('POST', '/v2/visitor/auth/verify', { token })).status).toBe(200);
      await page.click('#continue');
      await page.waitForSelector('#request-link', { state: 'visible' });
      expect(await page.textContent('#status')).toMatch(/used|not valid/i);
      expect(await visiblePrimaries(page)).toEqual(['Email me a new link']);
    });
  });

  it('the checkout has Pay as its one primary action and Cancel beside it', async () => {
    await withPage({}, async (page) => {
      await page.goto(states.checkoutOpen);
      expect(await visiblePrimaries(page)).toEqual(['Pay']);
      expect(await page.isVisible('button#cancel:not(.primary)')).toBe(true);
    });
  });
});

describe('the mailbox', () => {
  it('lists newest first with recipient, subject and time; the newest message is open and readable', async () => {
    await withPage({ viewport: { width: 390, height: 800 }, timezoneId: 'UTC' }, async (page) => {
      await page.goto(states.mailbox);
      const rows = await page.locator('.inbox summary').evaluateAll((els) =>
        els.map((el) => ({
          to: el.querySelector('.to')!.textContent,
          subject: el.querySelector('.subject')!.textContent,
          time: el.querySelector('time')!.textContent,
        })),
      );
      const sent = (await (await fetch(`${mock.url}/_mock/api/messages`)).json()).messages as { to: string }[];
      expect(rows.map((r) => r.to)).toEqual(sent.map((m) => m.to));
      expect(rows[0]).toEqual({ to: sent[0]!.to, subject: 'Your sign-in link', time: expect.any(String) });
      expect(rows.at(-1)).toMatchObject({ to: 'late@example.com' });
      expect(rows.find((r) => r.subject === 'Spring Bundle is live')).toBeDefined();
      expect(rows[0]!.time).toMatch(/\d{1,2}:\d{2}/);

      // Only the newest is open; its primary action is the sign-in link, its code big enough to read.
      expect(await page.locator('details[open]').count()).toBe(1);
      const open = page.locator('details[open]');
      const button = open.getByRole('link', { name: 'Open sign-in link' });
      expect(await button.getAttribute('href')).toContain('/_edge/visitor/access/t/');
      expect(await button.evaluate((el) => el.classList.contains('primary'))).toBe(true);
      const code = open.locator('.code');
      expect(await code.textContent()).toMatch(/^\d{6}$/);
      expect(parseFloat(await code.evaluate((el) => getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(24);
      expect(await open.locator('.text').textContent()).toContain('expire in 15 minutes');

      // An older one opens with a click; a message without a code has no code box.
      const live = page.locator('details', { has: page.locator('.subject', { hasText: 'Spring Bundle is live' }) });
      await live.first().locator('summary').click();
      const liveLink = live.first().getByRole('link', { name: 'Open link' });
      expect(await liveLink.isVisible()).toBe(true);
      expect(await liveLink.getAttribute('href')).toBe('https://gharart.example.com/spring-bundle');
      expect(await live.first().locator('.code').count()).toBe(0);
    });
  });

  it('a long recipient breaks before the @ on a phone, not inside the local part', async () => {
    await withPage({ viewport: { width: 320, height: 700 } }, async (page) => {
      await page.goto(states.mailbox);
      const at = await page.evaluate((email) => {
        const to = [...document.querySelectorAll('.inbox .to')].find((el) => el.textContent === email)!;
        const walker = document.createTreeWalker(to, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const i = node.textContent!.indexOf('@');
          if (i < 0) continue;
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const box = to.getBoundingClientRect();
          // Where the @ is drawn: at the start of a line of its own, below the local part.
          return {
            startsLine: Math.abs(range.getBoundingClientRect().left - box.left) < 1,
            below: range.getBoundingClientRect().top > box.top + 1,
          };
        }
        return undefined;
      }, LONG_EMAIL);
      expect(at).toEqual({ startsLine: true, below: true });
    });
  });

  it('copies the code with one click', async () => {
    await withPage({ permissions: ['clipboard-read', 'clipboard-write'] }, async (page) => {
      await page.goto(states.mailbox);
      const open = page.locator('details[open]');
      const code = await open.locator('.code').textContent();
      await open.getByRole('button', { name: 'Copy code' }).click();
      await open.getByRole('button', { name: 'Copied' }).waitFor();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);
    });
  });

  it('filters by recipient from its form, and says so', async () => {
    await withPage({}, async (page) => {
      await page.goto(states.mailbox);
      await page.fill('#filter-to', 'Fan.Two@example.com');
      await page.click('form.filter button');
      await page.waitForURL(/to=Fan.Two/);
      const recipients = await page.locator('.inbox .to').allTextContents();
      expect(recipients).toEqual(['fan.two@example.com', 'fan.two@example.com']);
      expect(await page.textContent('main > p')).toContain('2 emails to');
      expect(await page.inputValue('#filter-to')).toBe('fan.two@example.com');
      await page.click('text=Show all mail');
      expect((await page.locator('.inbox .to').count()) > 2).toBe(true);

      await page.goto(states.mailboxEmpty);
      expect(await page.textContent('main h2')).toBe('No email to this address yet');
    });
  });
});

describe('the fake checkout', () => {
  it('summarises the order: creator, title, price in its currency, and a test-mode note', async () => {
    const setPrice = (price: number, currency: string) =>
      new Visitor(mock.url).req('PUT', '/_mock/api/pages/gharart/premium-zine', {
        title: 'Premium Zine',
        mode: 'PAID',
        price,
        currency,
        published: true,
      });
    const buyer = new Visitor(mock.url);
    await buyer.signIn('zine@example.com');
    await withPage({ viewport: { width: 320, height: 700 } }, async (page) => {
      for (const [price, currency, shown] of [
        [1234, 'EUR', '€12.34'],
        [1900, 'JPY', '¥1,900'],
      ] as const) {
        expect((await setPrice(price, currency)).status).toBe(200);
        const c = await buyer.req('POST', '/v2/public/pages/gharart/premium-zine/checkout', {
          successUrl: 'http://localhost:5173/ok',
          cancelUrl: 'http://localhost:5173/no',
        });
        await page.goto(c.body.url);
        expect(await page.textContent('h1')).toBe('Premium Zine');
        expect(await page.textContent('.merchant')).toContain('gharart');
        expect(await page.textContent('.amount')).toBe(shown);
        expect(await page.textContent('.lines .total')).toContain(shown);
        expect(await page.textContent('.note')).toContain('TEST MODE — no real payment');
      }
    });
  });

  it('when paying is refused because the visitor owns the page, one button leads back to it', async () => {
    await withPage({}, async (page) => {
      await page.route('**/complete', (route) =>
        route.request().postDataJSON().outcome === 'paid'
          ? route.fulfill({
              status: 409,
              contentType: 'application/json',
              body: JSON.stringify({ error: 'already_entitled', message: 'You already have access to this page.' }),
            })
          : route.fallback(),
      );
      await page.goto(await freshCheckout());
      await page.click('#pay');
      await page.waitForSelector('#cancel.primary');
      expect(await page.textContent('#status')).toBe('You already have access to this page.');
      expect(await page.isHidden('#pay')).toBe(true);
      expect(await visiblePrimaries(page)).toEqual(['Back to the page']);
      expect(await page.locator('button:visible').count()).toBe(1);
      await page.click('#cancel');
      await page.waitForURL(/va_checkout=cancelled/);
    });
  });

  it('a network failure says so and lets the visitor try again', async () => {
    await withPage({}, async (page) => {
      await page.route('**/complete', (route) => route.abort('connectionfailed'));
      await page.goto(await freshCheckout());
      await page.click('#pay');
      await page.waitForSelector('#status.error');
      expect(await page.textContent('#status')).toBe('Network error. Try again.');
      expect(await page.isEnabled('#pay')).toBe(true);
      expect(await page.isEnabled('#cancel')).toBe(true);
    });
  });
});
