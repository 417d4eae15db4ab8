// The newcomer's journey on the demo site, in headless Chromium, with the tabs a real visitor has
// open: a paid page ("Buy for $19.00" with an email) → the mock mailbox link (opened in a new tab,
// which goes straight on to the fake checkout) → the lesson (fetched only after access) → the
// access list → a group buy → sign-out. Along the way it checks that every other tab follows
// (sign-in, purchase, sign-out), that exactly one tab opens a checkout, and that no signed-out page
// load asks anything the API answers with a 4xx. Exits 1 on any failure.
//   node examples/demo/journey.mjs [--screenshots DIR]   (after `npm run build`)
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { startServer } from '@visitor-access/mock/server';
import { chromium } from 'playwright-core';
import { findChromium, CHROMIUM_ARGS } from '@visitor-access/tools/find-chromium';
import { startDemo } from './serve.mjs';

const shotsAt = process.argv.indexOf('--screenshots');
const shotsDir = shotsAt > 0 ? process.argv[shotsAt + 1] : undefined;
if (shotsDir) mkdirSync(shotsDir, { recursive: true });

// As `npm start` runs them: the site on a port known first, the mock's links and checkout under its /api.
const demoPort = await new Promise((resolve) => {
  const probe = createServer().listen(0, '127.0.0.1', () => {
    const { port } = probe.address();
    probe.close(() => resolve(port));
  });
});
const api = await startServer({ port: 0, host: 'localhost', publicUrl: `http://localhost:${demoPort}/api` });
const demo = await startDemo({ apiBase: api.url, port: demoPort });
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
const started = Date.now();
const step = (text) => console.log(`ok  ${text}`);
const at = (path) => new URL(path, demo.url).href;
let shots = 0;
const shot = async (page, name) => {
  if (shotsDir)
    await page.screenshot({ path: join(shotsDir, `${String(++shots).padStart(2, '0')}-${name}.png`), fullPage: true });
};
const gateIn = (page, state) => page.waitForSelector(`paywall-gate[state=${state}]`, { timeout: 10_000 });

try {
  const context = await browser.newContext({ viewport: { width: 960, height: 760 } });
  const errors = [];
  // Every answer of 400 or more, and every console error, while the visitor is signed out.
  const failures = [];
  let signedOut = true;
  context.on('page', (p) => {
    p.on('pageerror', (e) => errors.push(e.message));
    p.on('response', (r) => {
      if (signedOut && r.status() >= 400) failures.push(`${r.status()} ${r.request().method()} ${r.url()}`);
    });
    p.on('console', (m) => {
      if (signedOut && m.type() === 'error') failures.push(`console: ${m.text()}`);
    });
  });

  // Tab A: the paid page. Tab B: the members lounge, left open.
  const tabA = await context.newPage();
  await tabA.goto(at('masterclass'));
  await gateIn(tabA, 'sign-in');
  await shot(tabA, 'paid-page-sign-in');
  if (!(await tabA.isVisible('paywall-gate >> text=$19.00'))) throw new Error('the paid page does not show its price');
  await tabA.waitForSelector('paywall-gate >> button[type=submit]:has-text("Buy for $19.00")');
  step('the paid page shows its price and "Buy for $19.00" with an email field');
  const tabB = await context.newPage();
  await tabB.goto(at('members-lounge'));
  await gateIn(tabB, 'sign-in');
  if (await tabB.isVisible('text=This month in the lounge')) throw new Error('the lounge content shows before sign-in');
  step('another tab: the members lounge asks to sign in too, its content hidden');
  await tabB.waitForTimeout(300);
  if (failures.length) throw new Error(`signed-out page loads logged errors: ${failures.join('; ')}`);
  step('no signed-out page load got a 4xx answer or logged an error');

  const email = 'newcomer@example.com';
  await tabA.fill('paywall-gate >> input[name=email]', email);
  await tabA.click('paywall-gate >> button[type=submit]');
  await gateIn(tabA, 'check-email');
  await shot(tabA, 'check-email');
  step('the link is on its way (tab A waits)');

  // The lesson is not in the page, and its URL refuses a visitor without access.
  const anonymous = await fetch(at('content/masterclass.html'));
  if (anonymous.status !== 401) throw new Error(`protected content answered ${anonymous.status} without a session`);
  if ((await tabA.content()).includes('Carving your first block'))
    throw new Error('the lesson is in the page before access');
  step('the lesson is neither in the page nor served without access');

  // The visitor opens the mailbox and clicks the link: a new tab, as a mail client would open.
  const mail = await context.newPage();
  await mail.goto(new URL('/_mock/mailbox', api.url).href);
  await shot(mail, 'mailbox');
  const [tabC] = await Promise.all([
    context.waitForEvent('page'),
    mail.click('a[href*="/_edge/visitor/access/t/"] >> nth=0', { modifiers: ['Control'] }),
  ]).catch(async () => {
    // Some mailbox layouts open links in place: follow it in a new tab ourselves.
    const href = await mail.getAttribute('a[href*="/_edge/visitor/access/t/"] >> nth=0', 'href');
    const page = await context.newPage();
    await page.goto(new URL(href, api.url).href);
    return [page];
  });
  // A tab opened by a modified click starts in the background: bring it to the front, as the
  // visitor's eyes would, and wait for what they would wait for (the button), not the load event.
  await tabC.bringToFront();
  await tabC.getByRole('button', { name: /continue/i }).waitFor({ timeout: 30_000 });
  await shot(tabC, 'magic-link-landing');
  signedOut = false;
  await tabC.getByRole('button', { name: /continue/i }).click();
  await tabC.waitForURL(/_mock\/checkout/);
  // The production shape: the link, its landing and the checkout are all on the site, under /api.
  if (!tabC.url().startsWith(at('api/_mock/checkout/')))
    throw new Error(`the checkout is not on the site: ${tabC.url()}`);
  await shot(tabC, 'checkout');
  step('signed in through the mailbox link in a new tab: that tab went straight on to checkout');

  await gateIn(tabA, 'purchase');
  await gateIn(tabB, 'granted');
  await tabB.waitForSelector('text=This month in the lounge');
  await shot(tabA, 'purchase');
  if (!/\/masterclass$/.test(tabA.url())) throw new Error(`the waiting tab left the page: ${tabA.url()}`);
  await tabA.waitForSelector('paywall-gate >> button:has-text("Buy for $19.00"):not([disabled])');
  step('the waiting tab moved on to the purchase (and waits there), and the lounge tab unlocked, without a reload');

  const beforePurchase = await context.request.get(at('content/masterclass.html'));
  if (beforePurchase.status() !== 403) throw new Error('the lesson was served to a signed-in visitor who has not paid');

  await tabC.getByRole('button', { name: /pay/i }).first().click();
  await gateIn(tabC, 'granted');
  await tabC.waitForSelector('paywall-gate >> text=Carving your first block');
  if (tabC.url().includes('va_checkout')) throw new Error(`checkout marker left in ${tabC.url()}`);
  await shot(tabC, 'granted');
  step('paid on the fake checkout: the lesson is fetched and shown, the address bar is clean');
  await gateIn(tabA, 'granted');
  step('the first tab unlocked too (purchase broadcast)');

  await tabC.goto(at('access'));
  await tabC.waitForSelector('visitor-access-list >> td:has-text("Purchase")');
  await shot(tabC, 'access-list');
  step('the access list shows the purchase');

  await tabC.goto(at('spring-bundle'));
  await tabC.getByRole('button', { name: /interested/i }).click();
  await tabC.waitForSelector('group-buy-card >> text=1 of 3 interested');
  await shot(tabC, 'group-buy');
  step('the group buy records the interest');

  await tabC.click('visitor-session >> button:has-text("Sign out")');
  await gateIn(tabA, 'sign-in');
  await gateIn(tabB, 'sign-in');
  if (await tabA.isVisible('text=Carving your first block')) throw new Error('the lesson stayed after sign-out');
  await shot(tabA, 'signed-out-elsewhere');
  step('signing out in one tab locked the others');

  if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
  console.log(`\nThe whole journey took ${((Date.now() - started) / 1000).toFixed(1)} s of browser time.`);
} catch (error) {
  console.error(`FAIL ${error.message}`);
  process.exitCode = 1;
} finally {
  await browser.close();
  await demo.close();
  await api.close();
}
