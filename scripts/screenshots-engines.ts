// Screenshots of the gate's main states in every engine, at 390 and 1280 px, light and dark:
//   npm run screenshots:engines [-- --engines chromium,webkit] [--out DIR]
// (after `npm run build`). Writes docs/screenshots/<engine>/<width>-<scheme>-<state>.png and prints,
// per engine, what the engine really rendered (viewport width, colour scheme), since an engine
// that cannot emulate something must not pass off a light picture as a dark one.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { closeShared, ENGINES, launch, type EngineName, type Tab } from '../e2e/engines/lib/engines.js';
import { gate, checkout } from '../e2e/engines/lib/pages.js';
import { startSite, uniqueEmail } from '../e2e/engines/lib/site.js';

const arg = (name: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : undefined;
};
const engines = (arg('engines')?.split(',') ?? ENGINES) as EngineName[];
const outDir = arg('out') ?? fileURLToPath(new URL('../docs/screenshots', import.meta.url));
const WIDTHS = [390, 1280] as const;
const SCHEMES = ['light', 'dark'] as const;
const HEIGHT = 860;

// Files are named by what the engine really rendered (e.g. WebKitGTK's window cannot be narrower
// than 447 px, so its "390" shots are 447 wide and say so), never by what was asked for.
type Shot = (tab: Tab, label: string, state: string) => Promise<void>;

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
    await tab.goto(site.at('masterclass'));
    const rendered = await tab.evaluate<{ width: number; dark: boolean }>(
      `() => ({ width: innerWidth, dark: matchMedia('(prefers-color-scheme: dark)').matches })`,
    );
    const label = `${rendered.width}-${rendered.dark ? 'dark' : 'light'}`;
    const email = uniqueEmail('shots');
    await gate(tab).expectSignIn();
    // Typed into, so the field shows its focus ring and a value.
    await tab.fill({ within: 'paywall-gate', role: 'textbox', name: /email/i }, email);
    await shoot(tab, label, '1-sign-in');
    await tab.click({ within: 'paywall-gate', role: 'button', name: /sign-in link/i });
    await gate(tab).expectCheckEmail();
    await shoot(tab, label, '2-check-email');
    await gate(tab).enterCode((await site.signInMail(email)).code);
    await gate(tab).expectPurchase();
    await shoot(tab, label, '3-purchase');
    await gate(tab).buy();
    await checkout(tab).pay();
    await gate(tab).expectContent('Carving your first block');
    await shoot(tab, label, '4-granted');

    // The cookies-blocked state: page on localhost, API on 127.0.0.1 (two sites). Same tab: WebKitGTK
    // renders only the tab in front, and its driver cannot bring another one there.
    const blocked = tab;
    await blocked.goto(crossSite.at('masterclass'));
    const other = uniqueEmail('shots-blocked');
    await gate(blocked).requestLink(other);
    await gate(blocked).expectCheckEmail();
    await gate(blocked).enterCode((await crossSite.signInMail(other)).code);
    await gate(blocked).expectCookiesBlocked();
    await shoot(blocked, label, '5-cookies-blocked');
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
