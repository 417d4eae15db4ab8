// The script-tag bundles' split loading in real use (issue 21, decision 0151), written once and run
// in each engine by chromium/firefox/webkit.chunks.test.ts: a creator's page loads the built
// `dist/paywall-gate.js` or `dist/visitor-access.js` (a loader, its first chunk, and chunks it
// fetches later: the SDK and ky, later states), served by a small server on this machine
// (lib/script-host.ts) that can hold, fail or drop the later chunks, with the mock on port 0 as the
// API. The cases:
// 1. a later chunk still on the wire when the visitor presses the button: the button stays busy,
//    nothing reaches the API, and "Check your email" shows once the chunk arrives;
// 2. the later chunks failing (404, or the connection dropped): a pressed "Buy" shows the form's
//    network message and works when pressed again; a gate whose own check needs the SDK (one a
//    single-page app adds after the script ran) shows the network error with "Try again", which
//    works once they are served;
// 3. a page whose CSP allows scripts by nonce only (with 'strict-dynamic', and without; and a
//    Japanese page, whose language file is preloaded): the gate works and the page sees no
//    violation but the one it provokes on purpose;
// 4. the script tag pasted twice (once defer, once async): one gate, each element defined once, one access check, no error.
// Nothing is timed: each step waits for a state, and a held chunk stays held until the test lets it go.
import { randomBytes } from 'node:crypto';
import { startServer, type RunningServer } from '@visitor-access/mock/server';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  closeShared,
  launch,
  sharedProcessIds,
  stillRunning,
  type Engine,
  type EngineName,
  type Tab,
} from '@visitor-access/tools/engines';
import { gate } from './lib/pages.js';
import { BUNDLES, startScriptHost, type Bundle, type ScriptHost } from './lib/script-host.js';
import { uniqueEmail } from './lib/site.js';
import ja from '../../packages/elements/src/locales/ja.js';

const MASTERCLASS = { slug: 'masterclass', title: 'Block-Printing Masterclass', price: '$19.00' };
const LESSON = 'Carving your first block';

const CARD = '<group-buy-card handle="gharart" slug="spring-bundle"></group-buy-card>';
const GATE = `<paywall-gate handle="gharart" page="${MASTERCLASS.slug}"><template><p>${LESSON}</p></template></paywall-gate>`;

/** The elements each bundle defines. */
const ELEMENTS: Record<Bundle, string[]> = {
  'paywall-gate.js': ['paywall-gate'],
  'visitor-access.js': ['paywall-gate', 'visitor-session', 'visitor-access-list', 'group-buy-card'],
};

/**
 * Runs first in every page: records errors (uncaught, unhandled rejections, `console.error`, a
 * script or module that did not load), CSP violations, and every `customElements.define`.
 */
const PROBE = `
window.__va = { errors: [], violations: [], defines: {} };
addEventListener('error', function (e) {
  var t = e.target;
  window.__va.errors.push(t && t !== window ? 'did not load: ' + (t.src || t.href || t.tagName) : String(e.message || e.error));
}, true);
addEventListener('unhandledrejection', function (e) {
  window.__va.errors.push('unhandled rejection: ' + String((e.reason && e.reason.message) || e.reason));
});
addEventListener('securitypolicyviolation', function (e) {
  window.__va.violations.push({ directive: e.violatedDirective, blocked: e.blockedURI });
});
var consoleError = console.error;
console.error = function () {
  window.__va.errors.push('console.error: ' + [].map.call(arguments, String).join(' '));
  return consoleError.apply(console, arguments);
};
var define = customElements.define;
customElements.define = function (name) {
  window.__va.defines[name] = (window.__va.defines[name] || 0) + 1;
  return define.apply(customElements, arguments);
};`;

interface Probe {
  errors: string[];
  violations: Array<{ directive: string; blocked: string }>;
  defines: Record<string, number>;
}

interface PageOptions {
  bundle: Bundle;
  apiBase: string;
  /** The nonce every script of the page carries (a nonce-only CSP). */
  nonce?: string;
  /** The script tag a second time, further down (pasted twice). */
  twice?: boolean;
  /** No gate in the page's HTML: the test adds it later, into `#route`. */
  gateLater?: boolean;
  /** The page's language (`<html lang>`). Default `en`. */
  lang?: string;
  /** What the page shows between its paragraphs instead of the gate. */
  content?: string;
  /** The README's `modulepreload` line for the first chunk (decision 0156). Default true. */
  preload?: boolean;
}

/** The README's snippet on a creator's page: the gate between two paragraphs. */
function creatorPage({
  bundle,
  apiBase,
  nonce,
  twice,
  gateLater,
  lang = 'en',
  content,
  preload = true,
}: PageOptions): string {
  const n = nonce ? ` nonce="${nonce}"` : '';
  const tag = (when: 'defer' | 'async') =>
    `<script src="/dist/${bundle}" data-api-base="${apiBase}" ${when}${n}></script>`;
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${MASTERCLASS.title}</title>
<script${n}>${PROBE}</script>
${
  nonce
    ? // Proves the policy is in force: an inline script without the nonce never runs (and is reported).
      `<script>window.__unnoncedRan = true;</script>`
    : ''
}
<style>paywall-gate:not(:defined){display:block;min-height:21em}</style>
${preload ? `<link rel="modulepreload" href="/dist/${bundle.replace(/\.js$/, '.first.js')}"${n}>` : ''}
${tag('defer')}
</head>
<body>
<main>
<h1>${MASTERCLASS.title}</h1>
<p>Learn to carve and print your own blocks.</p>
${content ?? (gateLater ? '<div id="route"></div>' : GATE)}
${twice ? tag('async') : ''}
<p>Questions? Write to the studio.</p>
</main>
</body>
</html>`;
}

export function defineChunkJourneys(engineName: EngineName): void {
  describe(`${engineName}: the script-tag bundles load their later chunks when a visitor needs them`, () => {
    let host: ScriptHost;
    let api: RunningServer;
    let engine: Engine;
    let apiBase: string;

    beforeEach(async () => {
      host = await startScriptHost();
      api = await startServer({ port: 0, host: '127.0.0.1' });
      apiBase = new URL(api.url).origin;
      host.page('/blank.html', '<!doctype html><title>blank</title>');
      engine = await launch(engineName, { pageLoad: 'none' });
    });
    afterAll(async () => {
      const pids = await sharedProcessIds();
      await closeShared();
      expect(stillRunning(pids), `left running after close: ${pids.join(' ')}`).toEqual([]);
    });
    afterEach(async () => {
      const pids = engine?.processIds() ?? [];
      await engine?.close();
      await host?.close();
      await api?.close();
      expect(stillRunning(pids), `left running after close: ${pids.join(' ')}`).toEqual([]);
    });

    /** Requests the mock logged for the masterclass's access check and for sign-in links. */
    async function apiCalls(): Promise<{ accessChecks: number; magicLinks: number }> {
      const res = await fetch(`${api.url.replace(/\/$/, '')}/_mock/api/requests?limit=1000`);
      const { requests } = (await res.json()) as { requests: Array<{ method: string; path: string }> };
      const posts = requests.filter((r) => r.method === 'POST');
      return {
        accessChecks: posts.filter((r) => r.path.endsWith(`/gharart/${MASTERCLASS.slug}/access-check`)).length,
        magicLinks: posts.filter((r) => r.path === '/v2/visitor/auth/magic-link').length,
      };
    }

    async function open(options: Omit<PageOptions, 'apiBase'>, headers?: Record<string, string>): Promise<Tab> {
      const path = `/${options.bundle.replace(/\.js$/, '')}-${Math.random().toString(36).slice(2)}.html`;
      host.page(path, creatorPage({ ...options, apiBase }), headers);
      // The page is opened from a blank one of the same server, without waiting for its `load`
      // event (nor, in WebKit, letting the driver wait for it: `pageLoad: 'none'`): a held chunk may
      // hold that event (Firefox and WebKit wait for a module import started before it), and what a
      // visitor can use is the gate's state, which every step waits for.
      const tab = await engine.newTab(`${host.origin}/blank.html`);
      await tab.waitUntil(`() => location.pathname === '/blank.html' && document.readyState === 'complete'`, {
        message: 'the blank page not opened',
      });
      // After the script has answered (the navigation would cut its answer off in WebKit).
      await tab.evaluate('(url) => { setTimeout(() => location.assign(url)); return true; }', `${host.origin}${path}`);
      await tab.waitUntil(`() => location.pathname === ${JSON.stringify(path)} && window.__va !== undefined`, {
        message: `${path} not opened`,
      });
      return tab;
    }

    const probe = (tab: Tab) => tab.evaluate<Probe>('() => window.__va');

    /** Polls on this side (the test's server), never longer than `ms`. */
    async function until(condition: () => boolean, message: string, ms = 10_000): Promise<void> {
      const deadline = Date.now() + ms;
      while (!condition()) {
        if (Date.now() > deadline) throw new Error(`${message} within ${ms} ms`);
        await new Promise((r) => setTimeout(r, 50));
      }
    }

    it("dist/visitor-access.js, a page with a group-buy card and no gate: the SDK's chunk, which brings the card, is fetched beside the first chunk; when it does not load it is asked for again, and the card is drawn once it is served", async () => {
      host.setLater('404');
      const tab = await open({ bundle: 'visitor-access.js', content: CARD });
      await until(() => host.requests().some((r) => r.later && r.answer === '404'), 'the SDK chunk not asked for');
      // The loader asked for it beside the first chunk (decision 0155), not after the first chunk ran.
      expect(
        await tab.evaluate(
          `() => Boolean(document.querySelector('link[rel=modulepreload][href$="visitor-access.sdk.js"]'))`,
        ),
      ).toBe(true);
      expect(await tab.evaluate(`() => Boolean(customElements.get('group-buy-card'))`)).toBe(false);

      host.setLater('serve');
      // Asked for again 2 s after the failure, under a new URL.
      await tab.waitUntil(
        `() => document.querySelector('group-buy-card')?.shadowRoot?.textContent?.includes('Spring Bundle')`,
        { timeout: 15_000, message: 'the card was not drawn once its chunk was served' },
      );
      expect(host.requests().some((r) => r.later && r.answer === 'served' && r.query.startsWith('?retry='))).toBe(true);
      expect((await probe(tab)).defines).toEqual(
        Object.fromEntries(ELEMENTS['visitor-access.js'].map((tag) => [tag, 1])),
      );
    });

    for (const bundle of BUNDLES) {
      describe(`dist/${bundle}`, () => {
        for (const preload of [true, false]) {
          it(`a later chunk still on its way when the visitor presses "Buy"${preload ? '' : ' (the script tag alone, no modulepreload line)'}: the button stays busy, then "Check your email" shows once it arrives`, async () => {
            host.setLater('hold');
            const tab = await open({ bundle, preload });
            // The first usable state needs only the loader and the first chunk.
            await gate(tab).expectBuyOffer(MASTERCLASS.title, MASTERCLASS.price);
            await gate(tab).buyAs(uniqueEmail('held'), MASTERCLASS.price);
            // The press needs what the server holds (the SDK's chunk at least): asked for and waiting.
            await until(() => host.held().length > 0, 'no later chunk asked for');
            await gate(tab).expectSending();
            expect(await gate(tab).state()).toBe('sign-in');
            // Every request goes through the typed client, which has not arrived: none left yet.
            expect((await apiCalls()).magicLinks).toBe(0);

            host.setLater('serve');
            await gate(tab).expectCheckEmail('buy');
            expect(await apiCalls()).toEqual({ accessChecks: 1, magicLinks: 1 });
            expect((await probe(tab)).errors).toEqual([]);
            // With the line, the first chunk was fetched once: the loader's module script took the preload.
            expect(host.requests().filter((r) => r.file === bundle.replace(/\.js$/, '.first.js'))).toHaveLength(1);
          });
        }

        it('"Buy" pressed while the later chunks fail (404): the form says the server could not be reached; pressed again once they are served, the link goes out', async () => {
          host.setLater('404');
          const tab = await open({ bundle });
          await gate(tab).expectBuyOffer(MASTERCLASS.title, MASTERCLASS.price);
          const email = uniqueEmail('fail-buy');
          await gate(tab).buyAs(email, MASTERCLASS.price);
          await gate(tab).expectFormNetworkError();
          expect(host.requests().some((r) => r.later && r.answer === '404')).toBe(true);
          expect((await apiCalls()).magicLinks).toBe(0);

          host.setLater('serve');
          await gate(tab).buyAs(email, MASTERCLASS.price);
          await gate(tab).expectCheckEmail('buy');
          expect((await apiCalls()).magicLinks).toBe(1);
        });

        for (const failure of ['404', 'drop'] as const) {
          const how = failure === '404' ? 'answered 404' : 'their connection dropped';
          it(`a gate the page adds later (its check needs the SDK) while the later chunks are ${how}: the network error with "Try again", which works once they are served`, async () => {
            host.setLater(failure);
            const tab = await open({ bundle, gateLater: true });
            // A single-page app's route adds the gate once the script has run: no early check for it.
            await tab.waitUntil(`() => Boolean(customElements.get('paywall-gate'))`, {
              message: 'the gate was not defined',
            });
            await tab.evaluate(
              `() => { document.querySelector('#route').innerHTML = ${JSON.stringify(GATE)}; return true; }`,
            );
            await gate(tab).expectNetworkError();
            expect(host.requests().some((r) => r.later && r.answer === (failure === '404' ? '404' : 'dropped'))).toBe(
              true,
            );

            host.setLater('serve');
            await gate(tab).tryAgain();
            await gate(tab).expectBuyOffer(MASTERCLASS.title, MASTERCLASS.price);
            await gate(tab).buyAs(uniqueEmail(`retry-${failure}`), MASTERCLASS.price);
            await gate(tab).expectCheckEmail('buy');
            expect(await apiCalls()).toEqual({ accessChecks: 1, magicLinks: 1 });
          });
        }

        const policies = [
          { strictDynamic: true, lang: 'en' },
          { strictDynamic: false, lang: 'en' },
          // The language file is preloaded beside the first chunk (a modulepreload), under the nonce too.
          { strictDynamic: false, lang: 'ja' },
        ];
        for (const { strictDynamic, lang } of policies) {
          const policy = `script-src 'nonce-…'${strictDynamic ? " 'strict-dynamic'" : ''}`;
          // English by default (the page objects' own strings).
          const t = lang === 'ja' ? ja : undefined;
          it(`a page${lang === 'en' ? '' : ` in ${lang}`} whose CSP is \`${policy}\`: the gate and its later chunks load, no violation`, async () => {
            const nonce = randomBytes(16).toString('base64');
            const csp = `script-src 'nonce-${nonce}'${strictDynamic ? " 'strict-dynamic'" : ''}; object-src 'none'; base-uri 'none'`;
            const tab = await open({ bundle, nonce, lang }, { 'content-security-policy': csp });
            await gate(tab, t).expectBuyOffer(MASTERCLASS.title, MASTERCLASS.price);
            await gate(tab, t).buyAs(uniqueEmail('csp'), MASTERCLASS.price);
            // Needs the SDK's chunk: loaded under the policy.
            await gate(tab, t).expectCheckEmail('buy');
            expect(host.requests().some((r) => r.later && r.answer === 'served')).toBe(true);
            if (lang !== 'en') expect(host.requests().some((r) => r.file === `locales/${lang}.js`)).toBe(true);
            // The one violation is the page's own unnonced inline script, which did not run.
            const seen = await tab.waitUntil<Probe>('() => window.__va.violations.length > 0 && window.__va', {
              message: 'the policy to report the unnonced inline script',
            });
            expect(await tab.evaluate('() => window.__unnoncedRan === undefined')).toBe(true);
            expect(seen.violations.map((v) => v.blocked)).toEqual(['inline']);
            expect(seen.errors).toEqual([]);
          });
        }

        it('the script tag pasted twice (defer, then async): one gate, each element defined once, one access check, no error', async () => {
          const tab = await open({ bundle, twice: true });
          await gate(tab).expectBuyOffer(MASTERCLASS.title, MASTERCLASS.price);
          expect(await tab.evaluate('() => document.querySelectorAll("paywall-gate").length')).toBe(1);
          await gate(tab).buyAs(uniqueEmail('twice'), MASTERCLASS.price);
          await gate(tab).expectCheckEmail('buy');
          const seen = await probe(tab);
          expect(seen.defines).toEqual(Object.fromEntries(ELEMENTS[bundle].map((tag) => [tag, 1])));
          expect(seen.errors).toEqual([]);
          // The gate took the one check the copies of the loader started.
          expect(await apiCalls()).toEqual({ accessChecks: 1, magicLinks: 1 });
        });
      });
    }
  });
}
