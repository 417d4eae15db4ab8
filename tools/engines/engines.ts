// One small engine-neutral driver for the three browser engines on this machine (decision 0080):
// Chromium (Debian's) over CDP and Firefox ESR over WebDriver BiDi, both through puppeteer-core,
// and WebKitGTK's MiniBrowser through WebKitWebDriver (classic WebDriver, `webdriver` package) on a
// private Xvfb display. Nothing here downloads a browser or a driver: a missing one fails with the
// Debian package to install.
//
// Tests talk to `Engine` and `Tab` only; everything engine-specific (flags, prefs, capabilities,
// cookie policies) lives in this file.
import { spawn, type ChildProcess } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { freePort } from '../npm-start.js';
import { join } from 'node:path';
import puppeteer, { type Browser, type BrowserContext, type ElementHandle, type Page } from 'puppeteer-core';
import { describeQuery, FINDER_SOURCE, toWire, type Query } from './finder.js';
import { startTestHostProxy, TEST_HOSTS, type Front } from './hosts.js';
// @ts-expect-error -- plain ESM helper shared with scripts
import { CHROMIUM_ARGS, findChromium } from '../find-chromium.mjs';

export type EngineName = 'chromium' | 'firefox' | 'webkit';
export const ENGINES: readonly EngineName[] = ['chromium', 'firefox', 'webkit'];

/**
 * How the engine treats third-party (cross-site) cookies:
 * - `default`: what a person gets out of the box. Chromium: allowed outside Incognito. Firefox: Total Cookie
 *   Protection (`network.cookie.cookieBehavior` 5: cross-site cookies partitioned per top-level
 *   site). WebKitGTK: MiniBrowser's default accept policy, "no third party".
 * - `allow`: every engine accepts them (WebKitGTK `--cookies-policy=always`, Firefox behaviour 0).
 * - `block`: the strictest third-party setting a person can choose. Chromium: "Block third-party cookies".
 *   Firefox: behaviour 1 (reject all third-party cookies). WebKitGTK: "no third party" plus Intelligent
 *   Tracking Prevention.
 * - `off`: no cookies at all. Chromium: "Don't allow sites to save data" (content setting 2). Firefox:
 *   behaviour 2. WebKitGTK: `--cookies-policy=never`.
 */
export type CookiePolicy = 'default' | 'allow' | 'block' | 'off';

export interface LaunchOptions {
  cookies?: CookiePolicy;
  colorScheme?: 'light' | 'dark';
  /** Initial viewport; tabs can change it. Default 1024 × 768. */
  viewport?: { width: number; height: number };
  /**
   * Reach the test sites of hosts.ts (on this machine, over https with a test-only certificate).
   * Chromium and Firefox always can; WebKitGTK then goes through a proxy started for it.
   */
  testHosts?: boolean;
  /**
   * What WebKitGTK's WebDriver commands wait for after a navigation (the session's
   * `pageLoadStrategy`): `normal` (default) the page's `load` event; `none` nothing, for a page
   * whose `load` a held request holds back (`eager` waits for `load` too in WebKitGTK 2.50). The
   * other engines' `goto` waits for `load` whatever this says.
   */
  pageLoad?: 'normal' | 'none';
}

export interface Engine {
  readonly name: EngineName;
  /** Browser name and version as the engine reports it, e.g. `Firefox 153.8.0esr`. */
  readonly version: string;
  readonly userAgent: string;
  /** A new tab in this engine's (one, fresh) profile: tabs share cookies and storage. */
  newTab(url?: string): Promise<Tab>;
  /**
   * The processes started for this engine (browser, driver, display) and all their descendants;
   * none for a Firefox test, whose browser is shared (see `sharedProcessIds`).
   */
  processIds(): number[];
  /** Ends the browser and everything started for it. Safe to call twice. */
  close(): Promise<void>;
}

/** `pid` and its descendants, from Linux's /proc (empty elsewhere). */
export function processTree(pid: number | undefined): number[] {
  if (!pid) return [];
  const out = [pid];
  for (let i = 0; i < out.length; i++) {
    const dir = `/proc/${out[i]}/task`;
    if (!existsSync(dir)) continue;
    for (const task of readdirSync(dir)) {
      try {
        const kids = readFileSync(`${dir}/${task}/children`, 'utf8').trim();
        if (kids) out.push(...kids.split(/\s+/).map(Number));
      } catch {
        // The process ended while we looked.
      }
    }
  }
  return out;
}

/**
 * Waits (up to `ms`) for these processes to end, then kills any left by process id: helper
 * processes (renderers, WebKit's web and network processes) outlive their parent by a moment.
 */
async function reap(pids: number[], ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (stillRunning(pids).length && Date.now() < deadline) await new Promise((r) => setTimeout(r, POLL_MS));
  for (const pid of stillRunning(pids)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Ended meanwhile.
    }
  }
}

/** Which of these processes still run (zombies count as ended). */
export function stillRunning(pids: number[]): number[] {
  return pids.filter((pid) => {
    try {
      return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
    } catch {
      return false;
    }
  });
}

export interface Tab {
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  url(): Promise<string>;
  /** Evaluates `(source)(...args)` in the page; `source` is a function expression as text. */
  evaluate<T>(source: string, ...args: unknown[]): Promise<T>;
  /** How many visible elements match. */
  count(query: Query): Promise<number>;
  /** Waits until an element matches (default 10 s), then clicks it as a user would. */
  click(query: Query, options?: { timeout?: number }): Promise<void>;
  /** Waits for the field, clears it and types `text` key by key. */
  fill(query: Query, text: string, options?: { timeout?: number }): Promise<void>;
  /** Waits until `query` matches (or, with `gone`, until it no longer does). */
  waitFor(query: Query, options?: { timeout?: number; gone?: boolean }): Promise<void>;
  /** Polls `(source)()` in the page until it returns a truthy value, which it returns. */
  waitUntil<T>(source: string, options?: { timeout?: number; message?: string }): Promise<T>;
  setViewport(width: number, height: number): Promise<void>;
  /** PNG of the viewport (the full page where the engine can). */
  screenshot(path: string, options?: { fullPage?: boolean }): Promise<void>;
  /** Makes this the tab the driver acts in (and, where the engine can, the one in front). */
  bringToFront(): Promise<void>;
  /**
   * The visitor leaves this tab and comes back (a real `visibilitychange` to hidden, then visible).
   * Chromium and Firefox: another tab comes to the front, then this one. WebKitGTK: its WebDriver
   * cannot select a background tab, so only the window's selected tab (the first one opened) can do
   * this, by minimising and restoring the window.
   */
  leaveAndReturn(): Promise<void>;
  close(): Promise<void>;
}

const DEFAULT_TIMEOUT = 10_000;
const POLL_MS = 50;

// ---------------------------------------------------------------------------------------------
// Finding binaries

const FIREFOX_CANDIDATES = ['/usr/bin/firefox-esr', '/usr/bin/firefox'];

export function findFirefox(): string {
  const fromEnv = process.env.FIREFOX_PATH;
  const found = fromEnv ? [fromEnv].find(existsSync) : FIREFOX_CANDIDATES.find(existsSync);
  if (found) return found;
  throw new Error('No Firefox for the engine tests: apt-get install -y firefox-esr (or set FIREFOX_PATH).');
}

export function findWebKit(): { driver: string; browser: string } {
  const driver = process.env.WEBKIT_WEBDRIVER_PATH ?? '/usr/bin/WebKitWebDriver';
  const browser = process.env.WEBKIT_MINIBROWSER_PATH ?? miniBrowsers().sort()[0];
  if (!existsSync(driver) || !browser || !existsSync(browser)) {
    throw new Error(
      'No WebKitGTK for the engine tests: apt-get install -y webkit2gtk-driver xvfb (WebKitWebDriver and its MiniBrowser).',
    );
  }
  return { driver, browser };
}

// Debian: /usr/lib/<multiarch>/webkit2gtk-4.1/MiniBrowser (fs.globSync is Node 22+).
function miniBrowsers(): string[] {
  const found: string[] = [];
  const dirs = (dir: string) =>
    existsSync(dir) && statSync(dir).isDirectory() ? readdirSync(dir).map((d) => join(dir, d)) : [];
  for (const dir of [...dirs('/usr/lib'), '/usr/lib', '/usr/libexec']) {
    for (const sub of dirs(dir)) {
      if (/\/webkit(2gtk-4\.\d|gtk-6\.\d)$/.test(sub) && existsSync(join(sub, 'MiniBrowser')))
        found.push(join(sub, 'MiniBrowser'));
    }
  }
  return found;
}

function findXvfb(): string {
  if (existsSync('/usr/bin/Xvfb')) return '/usr/bin/Xvfb';
  throw new Error('No Xvfb for the WebKit tests: apt-get install -y xvfb.');
}

// ---------------------------------------------------------------------------------------------
// Child processes that must never outlive the test run, even when a test throws or the worker dies.

const children = new Set<ChildProcess>();
process.once('exit', () => {
  // Descendants first: killing WebKitWebDriver alone leaves its MiniBrowser running.
  for (const child of children) {
    for (const pid of processTree(child.pid).reverse()) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
  }
});

function track(child: ChildProcess): ChildProcess {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

async function stop(child: ChildProcess | undefined, ms = 3000): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), ms);
  await exited;
  clearTimeout(timer);
}

// ---------------------------------------------------------------------------------------------
// Launching

export async function launch(name: EngineName, options: LaunchOptions = {}): Promise<Engine> {
  if (name === 'webkit') return launchWebKit(options);
  return launchPuppeteer(name, options);
}

const firefoxCookieBehavior: Record<CookiePolicy, number> = { default: 5, allow: 0, block: 1, off: 2 };
const chromiumCookieControls: Record<CookiePolicy, number> = { default: 2, allow: 0, block: 1, off: 2 };
const webkitCookiePolicy: Record<CookiePolicy, string> = {
  default: 'no-third-party',
  allow: 'always',
  block: 'no-third-party',
  off: 'never',
};
const TEST_HOST_NAMES = Object.values(TEST_HOSTS);

const firefoxes = new Map<string, Promise<Browser>>();

function sharedFirefox(
  cookies: CookiePolicy,
  dark: boolean,
  viewport: { width: number; height: number },
): Promise<Browser> {
  const key = JSON.stringify([cookies, dark, viewport]);
  let started = firefoxes.get(key);
  if (!started) {
    started = (async () => {
      const browser = await puppeteer.launch({
        browser: 'firefox',
        executablePath: findFirefox(),
        headless: true,
        defaultViewport: viewport,
        handleSIGINT: false,
        handleSIGTERM: false,
        handleSIGHUP: false,
        // The test sites' certificate is a test-only one (hosts.ts).
        acceptInsecureCerts: true,
        extraPrefsFirefox: {
          // puppeteer's profile turns content blocking off (`cookieBehavior0`); put Firefox's real
          // policy back so the tests see what visitors get.
          'browser.contentblocking.features.standard': '-tp,tpPrivate,cookieBehavior5,-cryptoTP,-fp',
          'network.cookie.cookieBehavior': firefoxCookieBehavior[cookies],
          'network.cookie.cookieBehavior.pbmode': firefoxCookieBehavior[cookies],
          // 0 = dark, 1 = light: what `prefers-color-scheme` answers in pages.
          'layout.css.prefers-color-scheme.content-override': dark ? 0 : 1,
          'ui.systemUsesDarkTheme': dark ? 1 : 0,
          // The test sites of hosts.ts resolve to this machine.
          'network.dns.localDomains': TEST_HOST_NAMES.join(','),
        },
      });
      return browser;
    })();
    firefoxes.set(key, started);
    // A failed start is not cached: the next test tries again.
    started.catch(() => firefoxes.delete(key));
    // The promise is awaited by every caller; this handler only forgets a failed start.
  }
  return started;
}

/** Processes of the browsers shared between tests (Firefox), with their descendants. */
export async function sharedProcessIds(): Promise<number[]> {
  const browsers = await Promise.allSettled(firefoxes.values());
  return browsers.flatMap((b) => (b.status === 'fulfilled' ? processTree(b.value.process()?.pid) : []));
}

/** Closes the browsers shared between tests; call it after the last test of a file. */
export async function closeShared(): Promise<void> {
  const pids = await sharedProcessIds();
  const browsers = await Promise.allSettled(firefoxes.values());
  firefoxes.clear();
  await Promise.all(
    browsers.map((b) =>
      b.status === 'fulfilled'
        ? Promise.race([b.value.close(), new Promise((r) => setTimeout(r, 5000))]).catch(() => undefined)
        : undefined,
    ),
  );
  await reap(pids);
}

async function launchPuppeteer(name: 'chromium' | 'firefox', options: LaunchOptions): Promise<Engine> {
  const cookies = options.cookies ?? 'default';
  const viewport = options.viewport ?? { width: 1024, height: 768 };
  const dark = options.colorScheme === 'dark';
  let browser: Browser;
  let profile: string | undefined;
  if (name === 'chromium') {
    // Without a profile preference, headless Chromium blocks every third-party cookie (CDP reports
    // the reason "UserPreferences"), which is not what a person's Chrome does. The profile says what
    // the cookie settings page would: 2 = "block third-party cookies in Incognito" (Chrome's default,
    // so allowed here), 0 = allow, 1 = "Block third-party cookies".
    profile = mkdtempSync(join(tmpdir(), 'va-chromium-'));
    mkdirSync(join(profile, 'Default'));
    // `off`: the content setting behind "Don't allow sites to save data on your device".
    const preferences =
      cookies === 'off'
        ? { profile: { default_content_setting_values: { cookies: 2 } } }
        : { profile: { cookie_controls_mode: chromiumCookieControls[cookies] } };
    writeFileSync(join(profile, 'Default', 'Preferences'), JSON.stringify(preferences));
    browser = await puppeteer.launch({
      executablePath: findChromium() as string,
      headless: true,
      userDataDir: profile,
      // The test sites of hosts.ts are on this machine, with a test-only certificate.
      args: [
        ...(CHROMIUM_ARGS as string[]),
        '--host-resolver-rules=MAP *.example.com 127.0.0.1, MAP *.example.net 127.0.0.1',
      ],
      acceptInsecureCerts: true,
      defaultViewport: viewport,
      // Vitest workers handle their own signals; the browser is closed in `close()` or at exit.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
  } else {
    browser = await sharedFirefox(cookies, dark, viewport);
  }
  // Firefox: one browser per setting, shared by the tests of a file, and a fresh user context (its
  // own cookie jar and storage, the same cookie policy) per test; a Firefox start costs 4–7 s here.
  // Chromium: a browser per test (0.8 s), since its isolated contexts are Incognito-like and would
  // change the third-party cookie setting under test.
  const context: BrowserContext =
    name === 'firefox' ? await browser.createBrowserContext() : browser.defaultBrowserContext();
  const version = await browser.version();
  const userAgent = await browser.userAgent();
  let closed = false;
  const pid = name === 'firefox' ? undefined : browser.process()?.pid;
  // The tab in front. A person acts in the tab they look at, and so do the tests: a background tab
  // renders no frames, so a click there would wait for a frame that never comes.
  let front: Page | undefined;
  return {
    name,
    version,
    userAgent,
    async newTab(url) {
      const page = await context.newPage();
      if (name === 'chromium') {
        await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: dark ? 'dark' : 'light' }]);
      }
      front = page;
      const tab = puppeteerTab(page, async () => {
        if (front !== page) {
          await page.bringToFront();
          front = page;
        }
      });
      if (url) await tab.goto(url);
      return tab;
    },
    processIds: () => processTree(pid),
    async close() {
      if (closed) return;
      closed = true;
      if (name === 'firefox') {
        await context.close();
        return;
      }
      const pids = processTree(pid);
      await Promise.race([browser.close(), new Promise((r) => setTimeout(r, 5000))]).catch(() => undefined);
      // Anything that did not exit in time is ended by its process id, never by name.
      await reap(pids);
      if (profile) rmSync(profile, { recursive: true, force: true });
    },
  };
}

function puppeteerTab(page: Page, activate: () => Promise<void>): Tab {
  const find = async (query: Query): Promise<ElementHandle<Element> | null> => {
    const handle = await page.evaluateHandle(`${FINDER_SOURCE}(${JSON.stringify(toWire(query))})[0] || null`);
    const element = handle.asElement() as ElementHandle<Element> | null;
    if (!element) await handle.dispose();
    return element;
  };
  const tab: Tab = {
    async goto(url) {
      await page.goto(url, { waitUntil: 'load' });
    },
    async reload() {
      await page.reload({ waitUntil: 'load' });
    },
    async url() {
      return page.url();
    },
    async evaluate<T>(source: string, ...args: unknown[]) {
      return (await page.evaluate(`(${source})(...${JSON.stringify(args)})`)) as T;
    },
    async count(query) {
      return page.evaluate(`${FINDER_SOURCE}(${JSON.stringify(toWire(query))}).length`) as Promise<number>;
    },
    async click(query, options) {
      await activate();
      const element = await waitForElement(find, query, options?.timeout);
      await element.click();
      await element.dispose();
    },
    async fill(query, text, options) {
      await activate();
      const element = await waitForElement(find, query, options?.timeout);
      await element.evaluate((el) => ((el as HTMLInputElement).value = ''));
      await element.type(text);
      await element.dispose();
    },
    async waitFor(query, options) {
      await waitForQuery(tab, query, options);
    },
    async waitUntil<T>(source: string, options?: { timeout?: number; message?: string }) {
      return pollUntil<T>(() => tab.evaluate<T>(source), options);
    },
    async setViewport(width, height) {
      await page.setViewport({ width, height });
    },
    async screenshot(path, options) {
      await activate();
      await page.screenshot({ path: path as `${string}.png`, fullPage: options?.fullPage ?? true });
    },
    async bringToFront() {
      await activate();
    },
    async leaveAndReturn() {
      const other = await page.browserContext().newPage();
      await other.bringToFront();
      await other.close();
      await page.bringToFront();
      await activate();
    },
    async close() {
      await page.close();
    },
  };
  return tab;
}

async function launchWebKit(options: LaunchOptions): Promise<Engine> {
  const { driver, browser } = findWebKit();
  const cookies = options.cookies ?? 'default';
  const viewport = options.viewport ?? { width: 1024, height: 768 };
  let xvfb: ChildProcess | undefined;
  let webdriver: ChildProcess | undefined;
  let client: WebdriverClient | undefined;
  let proxy: Front | undefined;
  const cleanup = async () => {
    const pids = [...processTree(xvfb?.pid), ...processTree(webdriver?.pid)];
    if (client) await Promise.race([client.deleteSession(), new Promise((r) => setTimeout(r, 3000))]).catch(() => 0);
    await stop(webdriver);
    await stop(xvfb);
    await reap(pids);
    await proxy?.close();
  };
  try {
    const display = await startXvfb();
    xvfb = display.process;
    const port = await freePort();
    webdriver = track(
      spawn(driver, [`--port=${port}`, '--host=local'], {
        stdio: 'ignore',
        env: { ...process.env, DISPLAY: display.name, GDK_BACKEND: 'x11', LIBGL_ALWAYS_SOFTWARE: '1' },
      }),
    );
    await waitForDriver(port, webdriver);
    const args = ['--automation'];
    args.push(`--cookies-policy=${webkitCookiePolicy[cookies]}`);
    if (cookies === 'block') args.push('--enable-itp');
    if (options.testHosts) {
      // WebKitGTK has no host-resolver switch: a proxy sends the test sites' names to this machine.
      proxy = await startTestHostProxy();
      args.push(`--proxy=http://127.0.0.1:${proxy.port}`);
    }
    if (options.colorScheme === 'dark') args.push('--dark-mode');
    // WebdriverIO's loggers read their level when first loaded: quiet them before that (an "info"
    // line per session otherwise), unless someone asked for a level.
    process.env.WDIO_LOG_LEVEL ??= 'warn';
    const { default: WebDriver } = await import('webdriver');
    client = (await WebDriver.newSession({
      hostname: '127.0.0.1',
      port,
      logLevel: 'silent',
      connectionRetryCount: 0,
      // A command the browser never answers fails the step in 30 s, not WebdriverIO's 2 minutes.
      connectionRetryTimeout: 30_000,
      capabilities: {
        browserName: 'MiniBrowser',
        // The test sites' certificate is a test-only one (hosts.ts).
        acceptInsecureCerts: true,
        'wdio:enforceWebDriverClassic': true,
        ...(options.pageLoad ? { pageLoadStrategy: options.pageLoad } : {}),
        'webkitgtk:browserOptions': { binary: browser, args },
      } as WebdriverIO.Capabilities,
    })) as unknown as WebdriverClient;
    const session = client;
    await session.setWindowRect(null, null, viewport.width, viewport.height);
    const caps = session.capabilities as { browserName?: string; browserVersion?: string };
    const userAgent = (await session.executeScript('return navigator.userAgent', [])) as string;
    let closed = false;
    let current: string | undefined = (await session.getWindowHandle()) as string;
    let firstTabFree = true;
    const focus = async (handle: string) => {
      if (current !== handle) {
        await session.switchToWindow(handle);
        current = handle;
      }
    };
    return {
      name: 'webkit',
      version: `WebKitGTK ${caps.browserVersion ?? '?'} (${caps.browserName ?? 'MiniBrowser'})`,
      userAgent,
      async newTab(url) {
        let handle: string;
        const selected = firstTabFree;
        if (firstTabFree) {
          // The session starts with one window: it is the first tab.
          firstTabFree = false;
          handle = current!;
        } else {
          handle = ((await session.createWindow('tab')) as { handle: string }).handle;
        }
        const tab = webdriverTab(session, handle, selected, focus, () => {
          if (current === handle) current = undefined;
        });
        if (url) await tab.goto(url);
        return tab;
      },
      processIds: () => [...processTree(xvfb?.pid), ...processTree(webdriver?.pid)],
      async close() {
        if (closed) return;
        closed = true;
        await cleanup();
      },
    };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

interface WebdriverClient {
  capabilities: unknown;
  deleteSession(): Promise<void>;
  setWindowRect(x: number | null, y: number | null, w: number | null, h: number | null): Promise<unknown>;
  getWindowRect(): Promise<{ width: number; height: number }>;
  minimizeWindow(): Promise<unknown>;
  getWindowHandle(): Promise<string>;
  createWindow(type: 'tab' | 'window'): Promise<unknown>;
  switchToWindow(handle: string): Promise<void>;
  closeWindow(): Promise<unknown>;
  navigateTo(url: string): Promise<void>;
  refresh(): Promise<void>;
  getUrl(): Promise<string>;
  executeScript(script: string, args: unknown[]): Promise<unknown>;
  elementClick(id: string): Promise<void>;
  elementClear(id: string): Promise<void>;
  elementSendKeys(id: string, text: string): Promise<void>;
  takeScreenshot(): Promise<string>;
}

const ELEMENT_KEY = 'element-6066-11e4-a52e-4f735466cecf';

function webdriverTab(
  session: WebdriverClient,
  handle: string,
  selected: boolean,
  focus: (handle: string) => Promise<void>,
  onClose: () => void,
): Tab {
  const run = async <T>(script: string): Promise<T> => {
    await focus(handle);
    return (await session.executeScript(script, [])) as T;
  };
  const find = async (query: Query): Promise<string | null> => {
    const found = await run<Record<string, string> | null>(
      `return ${FINDER_SOURCE}(${JSON.stringify(toWire(query))})[0] || null`,
    );
    return found ? (found[ELEMENT_KEY] ?? null) : null;
  };
  const tab: Tab = {
    async goto(url) {
      await focus(handle);
      await session.navigateTo(url);
    },
    async reload() {
      await focus(handle);
      await session.refresh();
    },
    async url() {
      await focus(handle);
      return session.getUrl();
    },
    async evaluate<T>(source: string, ...args: unknown[]) {
      return run<T>(`return (${source})(...${JSON.stringify(args)})`);
    },
    async count(query) {
      return run<number>(`return ${FINDER_SOURCE}(${JSON.stringify(toWire(query))}).length`);
    },
    async click(query, options) {
      const id = await waitForElement(find, query, options?.timeout);
      await session.elementClick(id);
    },
    async fill(query, text, options) {
      const id = await waitForElement(find, query, options?.timeout);
      await session.elementClear(id);
      await session.elementSendKeys(id, text);
    },
    async waitFor(query, options) {
      await waitForQuery(tab, query, options);
    },
    async waitUntil<T>(source: string, options?: { timeout?: number; message?: string }) {
      return pollUntil<T>(() => tab.evaluate<T>(source), options);
    },
    async setViewport(width, height) {
      await focus(handle);
      // The window is the viewport in MiniBrowser's automation mode (no toolbar).
      await session.setWindowRect(null, null, width, height);
    },
    async screenshot(path) {
      // A background tab is not rendered: the screenshot would wait for a frame that never comes.
      if (!selected) throw new Error('WebKitGTK renders only the first tab opened: take screenshots there');
      // WebKitGTK's screenshot is the last frame it painted, which can be from before the latest
      // changes: wait for two fresh frames first.
      await run('return new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))');
      const { writeFile } = await import('node:fs/promises');
      await writeFile(path, Buffer.from(await session.takeScreenshot(), 'base64'));
    },
    async bringToFront() {
      await focus(handle);
    },
    async leaveAndReturn() {
      if (!selected) {
        throw new Error(
          "WebKitGTK's WebDriver cannot bring a background tab to the front: use the first tab opened for this step",
        );
      }
      await focus(handle);
      const rect = await session.getWindowRect();
      await session.minimizeWindow();
      await session.setWindowRect(null, null, rect.width, rect.height);
    },
    async close() {
      await focus(handle);
      await session.closeWindow();
      onClose();
    },
  };
  return tab;
}

// ---------------------------------------------------------------------------------------------
// Waiting: polling a condition in the page until a deadline; never a fixed sleep.

async function pollUntil<T>(probe: () => Promise<T>, options: { timeout?: number; message?: string } = {}): Promise<T> {
  const deadline = Date.now() + (options.timeout ?? DEFAULT_TIMEOUT);
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      // A navigation in progress destroys the execution context: try again.
      last = error;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `${options.message ?? 'condition not met'} within ${options.timeout ?? DEFAULT_TIMEOUT} ms${last ? ` (last error: ${(last as Error).message})` : ''}`,
      );
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

async function waitForElement<T>(find: (q: Query) => Promise<T | null>, query: Query, timeout?: number): Promise<T> {
  const found = await pollUntil(() => find(query), {
    timeout,
    message: `no visible element for ${describeQuery(query)}`,
  });
  return found as T;
}

async function waitForQuery(tab: Tab, query: Query, options: { timeout?: number; gone?: boolean } = {}) {
  await pollUntil(
    async () => {
      const n = await tab.count(query);
      return options.gone ? n === 0 : n > 0;
    },
    {
      timeout: options.timeout,
      message: options.gone ? `${describeQuery(query)} still shown` : `${describeQuery(query)} not shown`,
    },
  );
}

async function waitForDriver(port: number, child: ChildProcess): Promise<void> {
  await pollUntil(
    async () => {
      if (child.exitCode !== null) throw new Error(`WebKitWebDriver exited with ${child.exitCode}`);
      const res = await fetch(`http://127.0.0.1:${port}/status`).catch(() => undefined);
      return res?.ok ?? false;
    },
    { timeout: 10_000, message: 'WebKitWebDriver did not start' },
  );
}

/** Starts a private X display; `-displayfd` lets Xvfb pick a free display number itself. */
async function startXvfb(): Promise<{ name: string; process: ChildProcess }> {
  const child = track(
    spawn(findXvfb(), ['-displayfd', '3', '-screen', '0', '1920x1200x24', '-nolisten', 'tcp', '-noreset'], {
      stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
    }),
  );
  const fd = child.stdio[3] as NodeJS.ReadableStream;
  const name = await new Promise<string>((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error('Xvfb did not start within 10 s')), 10_000);
    fd.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes('\n')) {
        clearTimeout(timer);
        resolve(`:${text.trim()}`);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Xvfb exited with ${code}`));
    });
  });
  return { name, process: child };
}
