// The mock's HTML pages and its browser entry, used the way a person uses them: in a real Chromium, by
// clicking. The other suites read the HTML; these prove the buttons and forms actually work.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser, type BrowserContext } from 'playwright';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
// @ts-expect-error -- plain ESM helper shared with vite.config.ts and the scripts
import { CHROMIUM_ARGS, findChromium } from '@visitor-access/tools/find-chromium';
import { advance, startMock } from '../test/helpers.js';
import type { RunningServer } from './server.js';

const MIN = 60 * 1000;

let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch({ executablePath: findChromium() as string, args: CHROMIUM_ARGS as string[] });
});
afterAll(() => browser?.close());

describe('the standalone server’s pages in Chromium', () => {
  let mock: RunningServer;
  let base: string;
  let context: BrowserContext;
  beforeAll(async () => {
    mock = await startMock();
    base = mock.publicUrl; // the host name the links use: the session cookie is per host name
  });
  afterAll(() => mock.close());
  beforeEach(async () => {
    mock.store.reset();
    await context?.close();
    context = await browser.newContext();
  });

  const requestLink = (email: string, returnTo?: string) =>
    fetch(`${base}/v2/visitor/auth/magic-link`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(returnTo ? { email, returnTo } : { email }),
    });
  const me = async () => (await context.request.get(`${base}/v2/visitor/me`)).status();

  it('mailbox link → landing page → Continue signs in with an HttpOnly cookie and goes to returnTo', async () => {
    const returnTo = `${base}/v2/visitor/me`;
    expect((await requestLink('reader@example.com', returnTo)).status).toBe(202);
    const page = await context.newPage();
    await page.goto(`${base}/_mock/mailbox`);
    await page.click('a[href*="/_edge/visitor/access/t/"]');
    await page.waitForSelector('button#continue');
    expect(await page.textContent('main')).toContain('reader@example.com');
    // Opening the link signed nobody in: scanners do exactly this.
    expect(await me()).toBe(401);
    expect(mock.store.sessions.size).toBe(0);

    await page.click('button#continue');
    await page.waitForURL(returnTo);
    const body = JSON.parse((await page.textContent('body')) ?? '');
    expect(body.visitor.email).toBe('reader@example.com');
    const cookie = (await context.cookies(base)).find((c) => c.name === '_10x_visitor')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie.expires * 1000 - Date.now()).toBeGreaterThan(29.9 * 24 * 60 * MIN);
    expect(await me()).toBe(200);
  });

  it('after a mail scanner opened the link, the person clicks it in the mailbox and signs in', async () => {
    const returnTo = `${base}/v2/visitor/me`;
    await requestLink('scanned@example.com', returnTo);
    const scan = await fetch(`${base}/_mock/api/scan`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ to: 'scanned@example.com' }),
    });
    const scanned = await scan.json();
    expect(scanned.requests.map((r: { method: string; status: number }) => `${r.method} ${r.status}`)).toEqual([
      'HEAD 200',
      'GET 200',
    ]);
    expect(mock.store.sessions.size).toBe(0);

    const page = await context.newPage();
    await page.goto(`${base}/_mock/mailbox`);
    await page.click('a[href*="/_edge/visitor/access/t/"]');
    await page.click('button#continue');
    await page.waitForURL(returnTo);
    expect(JSON.parse((await page.textContent('body')) ?? '').visitor.email).toBe('scanned@example.com');
    expect(await me()).toBe(200);
  });

  it('a used link shows a page whose form really sends a new link, which then works', async () => {
    await requestLink('again@example.com');
    const first = mock.store.messagesTo('again@example.com')[0]!;
    const page = await context.newPage();
    await page.goto(first.link!);
    await page.click('button#continue');
    await page.waitForSelector('#status.ok');
    expect(await page.textContent('#status')).toBe('You are signed in.');
    // No returnTo: the page says what to do next, and Continue is gone.
    expect(await page.isHidden('button#continue')).toBe(true);
    expect(await page.textContent('#as')).toBe('Signed in as');
    expect(await page.textContent('#next')).toBe('You can close this tab and go back to the page you came from.');

    // The same link again (say, from another device): a clear page and a way to get a new link.
    const used = await page.goto(first.link!);
    expect(used!.status()).toBe(401);
    expect(await page.textContent('h1')).toBe('This link was already used');
    expect(await page.inputValue('#request-link input[name=email]')).toBe('again@example.com');
    await page.click('#request-link button[type=submit]');
    await page.waitForSelector('#request-status.ok');
    expect(await page.textContent('#request-status')).toBe('Check your email for a new sign-in link.');
    const mail = mock.store.messagesTo('again@example.com');
    expect(mail).toHaveLength(2);
    expect(mail[0]!.link).not.toBe(first.link);

    await context.clearCookies();
    await page.goto(mail[0]!.link!);
    await page.click('button#continue');
    await page.waitForSelector('#status.ok');
    expect(await me()).toBe(200);
  });

  it('on a bad day the landing keeps the link: a 503 page to try again, Continue retried, never the "new link" form', async () => {
    const returnTo = `${base}/v2/visitor/me`;
    await requestLink('bad-day@example.com', returnTo);
    const link = mock.store.messagesTo('bad-day@example.com')[0]!.link!;
    const page = await context.newPage();

    // The page itself is unavailable: a page for people, and its Try again loads it again.
    mock.faults.set({ rules: [{ method: 'GET', path: '/_edge/visitor/access/t/*', fault: '503', times: 1 }] });
    const down = await page.goto(link);
    expect(down!.status()).toBe(503);
    expect(await page.textContent('h1')).toBe('Unavailable for a moment');
    expect(await page.textContent('main')).toContain(down!.headers()['x-request-id']!);
    await page.getByRole('link', { name: 'Try again' }).click();
    await page.waitForSelector('button#continue');

    // Every verify fails: three attempts (the SDK's count), then Continue is offered again, link intact.
    mock.faults.set({ rules: [{ method: 'POST', path: '/v2/visitor/auth/verify', fault: '503', times: 3 }] });
    await page.click('button#continue');
    await page.waitForSelector('#status.error');
    expect(await page.textContent('#status')).toBe(
      'We could not sign you in just now. Your link still works: press Continue to try again.',
    );
    expect(await page.isEnabled('button#continue')).toBe(true);
    expect(await page.isHidden('#again')).toBe(true);
    expect(await me()).toBe(401);

    // A dropped connection on the next try is retried by itself; the click signs in.
    mock.faults.set({ rules: [{ method: 'POST', path: '/v2/visitor/auth/verify', fault: 'reset', times: 1 }] });
    await page.click('button#continue');
    await page.waitForURL(returnTo);
    expect(await me()).toBe(200);
    const verifies = mock.store
      .requests(20)
      .filter((r) => r.path === '/v2/visitor/auth/verify')
      .map((r) => r.fault ?? r.status);
    expect(verifies).toEqual([200, 'reset', '503', '503', '503']);
    mock.faults.reset();
  });

  it('an expired link: the page says so, keeps returnTo, and its form sends a new link with it', async () => {
    const returnTo = `${base}/v2/visitor/me`;
    await requestLink('late@example.com', returnTo);
    const old = mock.store.messagesTo('late@example.com')[0]!;
    await advance(base, 15 * MIN);
    const page = await context.newPage();
    const res = await page.goto(old.link!);
    expect(res!.status()).toBe(401);
    expect(await page.textContent('h1')).toBe('This link has expired');
    await page.click('#request-link button[type=submit]');
    await page.waitForSelector('#request-status.ok');
    const fresh = mock.store.messagesTo('late@example.com')[0]!;
    expect(fresh.id).not.toBe(old.id);
    expect(fresh.link).toContain(`?returnTo=${encodeURIComponent(returnTo)}`);
    await page.goto(fresh.link!);
    await page.click('button#continue');
    await page.waitForURL(returnTo);
    expect(await me()).toBe(200);
  });

  /** Signs the browser context in through the API (the cookie lands in the context's jar). */
  async function signInContext(email: string): Promise<void> {
    await requestLink(email);
    const token = mock.store.messagesTo(email)[0]!.token!;
    const r = await context.request.post(`${base}/v2/visitor/auth/verify`, { data: { token } });
    expect(r.status()).toBe(200);
  }
  const checkout = async (slug: string) => {
    const r = await context.request.post(`${base}/v2/public/pages/gharart/${slug}/checkout`, {
      data: { successUrl: `${base}/?after=paid`, cancelUrl: `${base}/?after=cancelled` },
    });
    expect(r.status()).toBe(200);
    return (await r.json()) as { url: string; sessionId: string };
  };
  const reason = async (slug: string) =>
    (await (await context.request.post(`${base}/v2/public/pages/gharart/${slug}/access-check`)).json()).reason;

  it('the fake checkout shows title and price; Pay grants access and returns to successUrl', async () => {
    await signInContext('buyer@example.com');
    const { url, sessionId } = await checkout('masterclass');
    const page = await context.newPage();
    await page.goto(url);
    expect(await page.textContent('h1')).toBe('Block-Printing Masterclass');
    expect(await page.textContent('main')).toContain('$19.00');
    expect(await page.isVisible('button:text-is("Cancel")')).toBe(true);
    expect(await reason('masterclass')).toBe('purchase_required');

    await page.click('button#pay');
    await page.waitForURL(`${base}/?after=paid&va_checkout=success&session_id=${sessionId}`);
    expect(await reason('masterclass')).toBe('entitled');
    // Coming back to the paid checkout offers nothing to click.
    await page.goto(url);
    expect(await page.textContent('main')).toContain('already paid');
    expect(await page.locator('button').count()).toBe(0);
  });

  it('Cancel on the fake checkout buys nothing and returns to cancelUrl', async () => {
    await signInContext('window-shopper@example.com');
    const { url, sessionId } = await checkout('masterclass');
    const page = await context.newPage();
    await page.goto(url);
    await page.click('button:text-is("Cancel")');
    await page.waitForURL(`${base}/?after=cancelled&va_checkout=cancelled&session_id=${sessionId}`);
    expect(await reason('masterclass')).toBe('purchase_required');
    expect(mock.store.purchases.size).toBe(0);
  });

  it('shows markup in titles as text: nothing a creator or visitor types runs in the pages', async () => {
    const evil = '<img src=x onerror="window.__pwned=1">"><script>window.__pwned=1</script>';
    const put = await fetch(`${base}/_mock/api/pages/gharart/masterclass`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: evil }),
    });
    expect(put.status).toBe(200);
    await signInContext('victim@example.com');
    const { url } = await checkout('masterclass');
    const page = await context.newPage();
    await page.goto(url);
    expect(await page.textContent('h1')).toBe(evil);
    await page.goto(`${base}/`);
    expect(await page.textContent('main')).toContain(evil);
    await page.goto(`${base}/_mock/mailbox?to=victim@example.com`);
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('img').count()).toBe(0);
  });
});

describe('@visitor-access/mock/browser on a service worker in Chromium', () => {
  let dir: string;
  let site: Server;
  let origin: string;
  const served: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'va-mock-sw-'));
    // What a user does once: copy the worker script into the folder their dev server serves.
    const init = spawnSync(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, 'cli.ts'), 'init', join(dir, 'public')],
      { encoding: 'utf8', timeout: 15_000 },
    );
    expect(init.status, init.stderr).toBe(0);
    expect(init.stdout).toContain('mockServiceWorker.js');
    const app = await build({
      stdin: {
        contents: `import { createMockWorker } from './src/browser.ts';
const mock = createMockWorker({ faults: { timeoutMs: 300 } });
await mock.start();
window.mock = mock;
document.body.dataset.ready = 'yes';`,
        resolveDir: join(import.meta.dirname, '..'),
        loader: 'ts',
      },
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      write: false,
      logLevel: 'silent',
    });
    const files: Record<string, [string, string]> = {
      '/': ['text/html', '<!doctype html><title>app</title><body><script type="module" src="/app.js"></script>'],
      '/app.js': ['text/javascript', app.outputFiles[0]!.text],
      '/mockServiceWorker.js': ['text/javascript', readFileSync(join(dir, 'public', 'mockServiceWorker.js'), 'utf8')],
    };
    // A plain static server: it knows nothing of the API, so any answer from /v2 came from the worker.
    site = createServer((req, res) => {
      served.push(req.url ?? '');
      const file = files[req.url ?? ''];
      res.writeHead(file ? 200 : 404, { 'content-type': file?.[0] ?? 'text/plain' });
      res.end(file?.[1] ?? 'not here');
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => site?.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers the API with no server: access check, sign-in with the cookie, then the paid page', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${origin}/`);
    await page.waitForSelector('body[data-ready=yes]', { state: 'attached' });
    const result = await page.evaluate(async () => {
      const post = (path: string, body?: unknown) =>
        fetch(path, {
          method: 'POST',
          credentials: 'include',
          headers: { 'content-type': 'application/json' },
          ...(body ? { body: JSON.stringify(body) } : {}),
        });
      const welcome = await post('/v2/public/pages/gharart/welcome/access-check');

      const requestId = welcome.headers.get('x-request-id');
      const welcomeBody = await welcome.json();
      const sent = await post('/v2/visitor/auth/magic-link', { email: 'sw@example.com' });
      const store = (window as unknown as { mock: { store: { messagesTo(e: string): { token?: string }[] } } }).mock
        .store;
      const token = store.messagesTo('sw@example.com')[0]?.token;
      const verified = await post('/v2/visitor/auth/verify', { token });
      const me = await fetch('/v2/visitor/me', { credentials: 'include' });
      const paid = await post('/v2/public/pages/gharart/masterclass/access-check');
      const interest = await post('/v2/public/group-buys/gharart/spring-bundle/interest');
      const loggedOut = await post('/v2/visitor/auth/logout');
      const afterLogout = await fetch('/v2/visitor/me', { credentials: 'include' });
      return {
        welcome: welcomeBody.reason,
        requestId,
        sent: sent.status,
        verified: verified.status,
        me: me.status === 200 ? (await me.json()).visitor.email : me.status,
        paid: (await paid.json()).reason,
        interestCount: (await interest.json()).interestCount,
        loggedOut: loggedOut.status,
        cookieAfterLogout: document.cookie,
        afterLogout: afterLogout.status,
      };
    });
    expect(result).toEqual({
      welcome: 'public',
      requestId: expect.stringMatching(/^req_/),
      sent: 202,
      verified: 200,
      me: 'sw@example.com',
      paid: 'purchase_required',
      interestCount: 1,
      loggedOut: 204,
      cookieAfterLogout: '',
      afterLogout: 401,
    });
    expect(served.filter((u) => u.startsWith('/v2'))).toEqual([]);
    await context.close();
  });
  it('injects faults with no socket: 503 and 429 answers, reset and timeout as network errors, rules from the page', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${origin}/`);
    await page.waitForSelector('body[data-ready=yes]', { state: 'attached' });
    const result = await page.evaluate(async () => {
      const me = (fault?: string) =>
        fetch('/v2/visitor/me', { credentials: 'include', headers: fault ? { 'x-mock-fault': fault } : {} });
      const outcome = async (fault?: string) => {
        const started = performance.now();
        try {
          const res = await me(fault);
          return { status: res.status, error: res.status >= 400 ? (await res.json()).error : undefined };
        } catch (e) {
          return { threw: (e as Error).name, ms: Math.round(performance.now() - started) };
        }
      };
      const mock = (window as unknown as { mock: { faults: { set(s: unknown): void; reset(): void } } }).mock;
      const down = await outcome('503');
      const throttled = await me('429');
      const reset = await outcome('reset');
      const timeout = await outcome('timeout');
      mock.faults.set({ rules: [{ path: '/v2/visitor/me', fault: '503', times: 1 }] });
      const ruled = [await outcome(), await outcome()];
      mock.faults.reset();
      return { down, retryAfter: throttled.headers.get('retry-after'), reset, timeout, ruled };
    });
    expect(result).toEqual({
      down: { status: 503, error: 'service_unavailable' },
      retryAfter: '1',
      reset: { threw: 'TypeError', ms: expect.any(Number) },
      timeout: { threw: 'TypeError', ms: expect.any(Number) },
      ruled: [
        { status: 503, error: 'service_unavailable' },
        { status: 401, error: 'visitor_unauthorized' },
      ],
    });
    expect(result.timeout.ms).toBeGreaterThanOrEqual(290);
    await context.close();
  });
});
