// `npm run screenshots`: every state of every element, and the mock's own pages, at 390 and 1280 px,
// on a light page and on a dark page, into docs/screenshots/ (run `npm run build` first; the npm
// script does). The elements sit on a plain creator's page with its own ordinary CSS, and each state
// is driven for real against the reference mock (started on a free port): emails, links, codes,
// purchases, the mock's clock. The light page declares no colour scheme and the system is set to
// dark, which shows that the elements follow the page, not the system.
//   node scripts/screenshots.mjs [--only NAME-FRAGMENT[,NAME-FRAGMENT…]]
// The gate's main states are also taken in Japanese, Arabic, German and Hindi at 390 px
// (`lang-<tag>-…`; `--only lang-` takes just those).
// This file is the driver (which states, each width and scheme, the files and their index); the
// stage is screenshots/stage.mjs, and each element's states are its own list in screenshots/.
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '@visitor-access/tools/find-chromium';
import { groupBuyCardStates } from './screenshots/group-buy-card-states.mjs';
import { mockPageStates } from './screenshots/mock-pages-states.mjs';
import { paywallGateStates } from './screenshots/paywall-gate-states.mjs';
import { startStage } from './screenshots/stage.mjs';
import { visitorAccessListStates } from './screenshots/visitor-access-list-states.mjs';
import { visitorSessionStates } from './screenshots/visitor-session-states.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = `${root}docs/screenshots`;
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt > 0 ? process.argv[onlyAt + 1]?.split(',') : undefined;
const selected = (name) => !only || only.some((fragment) => name.includes(fragment));

const stage = await startStage();

/**
 * Every state: [name, how to get there, { widths }?], in the order of docs/screenshots/README.md.
 * `go` gets { page, context, scheme, width } and leaves the page in the state; the screenshot is the
 * whole page.
 */
const states = [
  ...paywallGateStates(stage),
  ...visitorSessionStates(stage),
  ...visitorAccessListStates(stage),
  ...groupBuyCardStates(stage),
  // The mock's own pages (their look belongs to the mock).
  ...mockPageStates(stage),
];

// ------------------------------------------------------------------ run

// The gate's main states in four languages (decision 0110): CJK, right to left, long German words,
// Devanagari. At 390 px only, light and dark.
const LANGUAGE_STATES = ['paywall-gate-sign-in-paid', 'paywall-gate-check-email', 'paywall-gate-purchase'];
for (const lang of ['ja', 'ar', 'de', 'hi']) {
  for (const name of LANGUAGE_STATES) {
    const go = states.find(([n]) => n === name)[1];
    states.push([
      `lang-${lang}-${name}`,
      async (args) => {
        stage.setLanguage(lang);
        try {
          await go(args);
        } finally {
          stage.setLanguage('en');
        }
      },
      { widths: [390] },
    ]);
  }
}

const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
// Only this script's own files: docs/screenshots/<engine>/ belongs to `npm run screenshots:engines`.
if (!only && existsSync(out)) {
  for (const name of readdirSync(out, { withFileTypes: true })) {
    if (name.isFile()) rmSync(`${out}/${name.name}`);
  }
}
mkdirSync(out, { recursive: true });
const taken = [];
const failures = [];
const warnings = [];
try {
  for (const [name, go, { widths = [390, 1280] } = {}] of states) {
    if (!selected(name)) continue;
    for (const width of widths) {
      for (const scheme of ['light', 'dark']) {
        // The light page declares no colour scheme and the system is dark: the elements must
        // still be light. The dark page declares `color-scheme: dark`.
        const context = await browser.newContext({
          viewport: { width, height: width < 600 ? 844 : 800 },
          colorScheme: 'dark',
          reducedMotion: 'reduce',
          ...(name.startsWith('mock-') && scheme === 'light' ? { colorScheme: 'light' } : {}),
        });
        const page = await context.newPage();
        const errors = [];
        page.on('pageerror', (e) => errors.push(e.message));
        const file = `${name}-${width}-${scheme}.png`;
        try {
          await go({ page, context, scheme, width });
          await page.evaluate(() => document.fonts.ready);
          await page.screenshot({ path: `${out}/${file}`, fullPage: true, animations: 'disabled' });
          const wide = await page.evaluate(() => document.documentElement.scrollWidth > innerWidth);
          // The mock's own pages are the mock's to fix: said, not failed.
          if (wide) (name.startsWith('mock-') ? warnings : failures).push(`${file}: the page scrolls sideways`);
          if (errors.length) failures.push(`${file}: ${errors.join('; ')}`);
          taken.push(file);
          process.stdout.write('.');
        } catch (error) {
          failures.push(`${file}: ${error.message.split('\n')[0]}`);
          process.stdout.write('x');
        } finally {
          await context.close();
        }
      }
    }
  }
} finally {
  await browser.close();
  await stage.close();
}

if (existsSync(out)) {
  const files = readdirSync(out)
    .filter((f) => f.endsWith('.png'))
    .sort();
  const bytes = files.reduce((sum, f) => sum + statSync(`${out}/${f}`).size, 0);
  const rows = states.map(([name, , { widths = [390, 1280] } = {}]) => {
    const cells = [390, 1280].flatMap((w) =>
      ['light', 'dark'].map((s) => (widths.includes(w) ? `[${w} ${s}](${name}-${w}-${s}.png)` : '—')),
    );
    return `| \`${name}\` | ${cells.join(' | ')} |`;
  });
  const readme = `${out}/README.md`;
  let text = `# Screenshots\n\nRendered by \`npm run screenshots\` (scripts/screenshots.mjs): every state of every element on a plain creator's page, and the mock's own pages, driven for real against the reference mock. "light" is a page that declares no colour scheme, shown with the system in dark mode; "dark" is a page with \`color-scheme: dark\`. The \`dark-host\` states are on pages that declare no colour scheme but are not white: near-black in the "dark" columns, mid-grey in the "light" ones (the elements read the background they sit on). ${files.length} files, ${(bytes / 1024 / 1024).toFixed(1)} MB.\n\n| state | 390 light | 390 dark | 1280 light | 1280 dark |\n|---|---|---|---|---|\n${rows.join('\n')}\n`;
  const prettier = await import('prettier');
  text = await prettier.format(text, { ...(await prettier.resolveConfig(readme)), filepath: readme });
  writeFileSync(readme, text);
}
console.log(`\n${taken.length} screenshots in docs/screenshots/`);
if (warnings.length) console.warn(`\n${warnings.length} warnings:\n${warnings.join('\n')}`);
if (failures.length) {
  console.error(`\n${failures.length} failed:\n${failures.join('\n')}`);
  process.exitCode = 1;
}
