// Screenshots of the main states of the elements in every engine, at 390 and 1280 px, light and
// dark, on the demo site:
//   npm run screenshots:engines [-- --engines chromium,webkit] [--out DIR]
// (builds first). Writes docs/screenshots/<engine>/<width>-<scheme>-<n>-<state>.png and prints, per
// engine, what the engine really rendered (viewport width, colour scheme), since an engine that
// cannot emulate something must not pass off a light picture as a dark one.
//
// One tab does everything: WebKitGTK's MiniBrowser paints only the tab in front, and its WebDriver
// cannot bring another one there.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultStrings as s } from '../packages/elements/src/internal/strings-all.js';
import { closeShared, ENGINES, launch, type EngineName, type Tab } from '../e2e/engines/lib/engines.js';
import { checkout, gate, session } from '../e2e/engines/lib/pages.js';
import { startSite } from '../e2e/engines/lib/site.js';

const arg = (name: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : undefined;
};
const engines = (arg('engines')?.split(',') ?? ENGINES) as EngineName[];
const outDir = arg('out') ?? fileURLToPath(new URL('../docs/screenshots', import.meta.url));
const WIDTHS = [390, 1280] as const;
const SCHEMES = ['light', 'dark'] as const;
const HEIGHT = 860;

const PAGE = { slug: 'masterclass', title: 'Block-Printing Masterclass', price: '$19.00' };
const LESSON = 'Carving your first block';

// Files are named by what the engine really rendered (WebKitGTK's window cannot be narrower than
// 447 px, so its "390" shots are 447 wide and say so), never by what was asked for.
type Shot = (tab: Tab, label: string, state: string) => Promise<void>;

// The same addresses on every run, so that a run changes only what looks different.
const EMAIL = 'reader@example.com';
const OTHER_EMAIL = 'another.reader@example.com';

async function main() {
  for (const engineName of engines) {
    const dir = join(outDir, engineName);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    for (const scheme of SCHEMES) {
      for (const width of WIDTHS) {
        const notes = await shootStates(engineName, scheme, width, (tab, label, state) =>
          tab.screenshot(join(dir, `${label}-${state}.png`), { fullPage: false }),
        );
        console.log(`${engineName} ${width}-${scheme}: ${notes}`);
      }
    }
  }
}

/** Walks one visitor through the states and shoots each. Returns what the engine rendered. */
async function shootStates(
  engineName: EngineName,
  scheme: 'light' | 'dark',
  width: number,
  shoot: Shot,
): Promise<string> {
  const site = await startSite();
  const crossSite = await startSite({ pageHost: 'localhost', apiHost: '127.0.0.1' });
  const engine = await launch(engineName, { colorScheme: scheme, viewport: { width, height: HEIGHT } });
  try {
    const tab = await engine.newTab();
    await tab.setViewport(width, HEIGHT);
    await tab.goto(site.at(PAGE.slug));
    const rendered = await tab.evaluate<{ width: number; dark: boolean }>(
      `() => ({ width: innerWidth, dark: matchMedia('(prefers-color-scheme: dark)').matches })`,
    );
    const label = `${rendered.width}-${rendered.dark ? 'dark' : 'light'}`;
    const email = { within: 'paywall-gate', role: 'textbox', name: s.emailLabel } as const;

    // Price first; typed into, so the field shows its focus ring and a value.
    await gate(tab).expectBuyOffer(PAGE.title, PAGE.price);
    await tab.fill(email, EMAIL);
    await shoot(tab, label, '1-sign-in');

    // The header's sign-in, in its dialog.
    await tab.click({ within: 'visitor-session', role: 'button', name: /^Sign in$/ });
    await tab.fill({ within: 'visitor-session', role: 'textbox', name: s.emailLabel }, EMAIL);
    // The dialog focuses its field as it opens, which can land after the first keys in WebKitGTK.
    await tab.waitUntil(
      `() => document.querySelector('visitor-session').shadowRoot.querySelector('dialog input[name=email]')?.value === ${JSON.stringify(EMAIL)}`,
      { message: 'the dialog did not take the email' },
    );
    await shoot(tab, label, '2-session-dialog');
    await tab.click({ within: 'visitor-session', role: 'button', name: s.close });
    await tab.waitFor({ within: 'visitor-session', role: 'textbox', name: s.emailLabel }, { gone: true });

    await gate(tab).buyAs(EMAIL, PAGE.price);
    await gate(tab).expectCheckEmail('buy');
    await shoot(tab, label, '3-check-email');

    // The code goes on to checkout by itself; paid, the lesson opens.
    await gate(tab).enterCode((await site.signInMail(EMAIL)).code);
    await checkout(tab).pay();
    await gate(tab).expectContent(LESSON);
    await shoot(tab, label, '4-granted');

    // Refunded: signed in without access, "Buy for …" again.
    await site.refund(EMAIL, PAGE.slug);
    await tab.reload();
    await gate(tab).expectPurchase(PAGE.price);
    await shoot(tab, label, '5-purchase');

    // A sign-in link opened on the page itself: one click before it is used.
    await session(tab).signOut();
    await gate(tab).expectBuyOffer(PAGE.title, PAGE.price);
    await gate(tab).buyAs(OTHER_EMAIL, PAGE.price);
    await gate(tab).expectCheckEmail('buy');
    const { token } = await site.signInMail(OTHER_EMAIL);
    await tab.goto(site.at(`${PAGE.slug}?va_token=${encodeURIComponent(token)}`));
    await gate(tab).expectConfirmLink();
    await shoot(tab, label, '6-confirm-link');

    // The cookie-blocked state: page on localhost, API on 127.0.0.1 (two sites), which it names.
    await tab.goto(crossSite.at(PAGE.slug));
    await gate(tab).buyAs(EMAIL, PAGE.price);
    await gate(tab).expectCheckEmail('buy');
    await gate(tab).enterCode((await crossSite.signInMail(EMAIL)).code);
    await gate(tab).expectCookiesBlocked({ cause: 'host', pageHost: crossSite.pageHost, apiHost: crossSite.apiHost });
    await shoot(tab, label, '7-cookies-blocked');
    return `viewport ${rendered.width} px, prefers-color-scheme ${rendered.dark ? 'dark' : 'light'}${
      rendered.dark !== (scheme === 'dark') ? ' (NOT the scheme asked for)' : ''
    }${rendered.width !== width ? ` (asked for ${width})` : ''}`;
  } finally {
    await engine.close();
    await site.close();
    await crossSite.close();
  }
}

try {
  await main();
} finally {
  await closeShared();
}
