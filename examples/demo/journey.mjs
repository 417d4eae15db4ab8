// The newcomer's journey on the demo site, in headless Chromium: a paid page → email → the mock
// mailbox link → fake checkout → content → the access list. Exits 1 on any failure.
//   node examples/demo/journey.mjs   (after `npm run build`)
import { startServer } from '@visitor-access/mock/server';
import { chromium } from 'playwright-core';
import { findChromium, CHROMIUM_ARGS } from '../../scripts/find-chromium.mjs';
import { startDemo } from './serve.mjs';

const api = await startServer({ port: 0, host: 'localhost' });
const demo = await startDemo({ apiBase: api.url, port: 0 });
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
const step = (text) => console.log(`ok  ${text}`);
try {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(new URL('masterclass', demo.url).href);
  await page.waitForSelector('paywall-gate[state=sign-in]');
  step('the paid page asks to sign in');
  const email = 'newcomer@example.com';
  await page.fill('paywall-gate >> input[name=email]', email);
  await page.click('paywall-gate >> button[type=submit]');
  await page.waitForSelector('paywall-gate[state=check-email]');
  step('the link is on its way');
  const res = await fetch(new URL(`/_mock/api/messages?to=${email}`, api.url));
  const { messages } = await res.json();
  await page.goto(messages[0].link);
  await page.getByRole('button').first().click();
  await page.waitForSelector('paywall-gate[state=purchase]');
  step('signed in through the mailbox link, back on the page, offered the purchase');
  await page.click('paywall-gate >> [part~=button-primary]');
  await page.waitForURL(/_mock\/checkout/);
  await page.getByRole('button', { name: /pay/i }).first().click();
  await page.waitForSelector('paywall-gate[state=granted]');
  if (page.url().includes('va_checkout')) throw new Error(`checkout marker left in ${page.url()}`);
  step('paid on the fake checkout: the content is unlocked');
  await page.goto(new URL('access', demo.url).href);
  await page.waitForSelector('visitor-access-list >> td:has-text("Purchase")');
  step('the access list shows the purchase');
  if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
} catch (error) {
  console.error(`FAIL ${error.message}`);
  process.exitCode = 1;
} finally {
  await browser.close();
  await demo.close();
  await api.close();
}
