// Renders every state of the mock's own pages (index, mailbox, magic-link landing, fake checkout) at
// 390 and 1280 px, light and dark, as full-page PNGs, to look at them:
//
//   node --import tsx packages/mock/scripts/screenshot-pages.mjs [out-dir] [--widths=320,390] [--only=mailbox,checkoutOpen]
//
// The output directory defaults to /tmp/mock-pages; the state names are those of test/page-states.ts.
// It starts its own mock on a free loopback port and uses Debian's Chromium (tools/find-chromium.mjs).
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '@visitor-access/tools/find-chromium';
import { startServer } from '../src/server.ts';
import { seedPageStates } from '../test/page-states.ts';

const args = process.argv.slice(2);
const option = (name) =>
  args
    .find((a) => a.startsWith(`--${name}=`))
    ?.split('=')[1]
    ?.split(',');
const out = resolve(args.find((a) => !a.startsWith('--')) ?? '/tmp/mock-pages');
const widths = (option('widths') ?? ['390', '1280']).map(Number);
const only = option('only');
mkdirSync(out, { recursive: true });

const mock = await startServer({ port: 0, host: '127.0.0.1' });
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
try {
  const states = await seedPageStates(mock.url);
  for (const colorScheme of ['light', 'dark']) {
    for (const width of widths) {
      const context = await browser.newContext({
        viewport: { width, height: width < 600 ? 844 : 800 },
        deviceScaleFactor: 1,
        colorScheme,
        locale: 'en-GB',
        timezoneId: 'UTC',
      });
      const page = await context.newPage();
      for (const [name, url] of Object.entries(states)) {
        if (only && !only.includes(name)) continue;
        await page.goto(url);
        const file = join(out, `${name}-${width}-${colorScheme}.png`);
        await page.screenshot({ path: file, fullPage: true });
        console.log(file);
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  await mock.close();
}
