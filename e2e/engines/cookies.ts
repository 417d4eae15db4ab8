// Cookie blocking as each engine really does it (docs/browsers.md has the table this encodes).
//
// The session cookie is set by the API's verify answer and must come back on the gate's
// credentialed fetches. When the page and the API are on different sites (here `localhost` and
// `127.0.0.1`), that cookie is a third-party cookie, and what happens to it depends on the engine,
// its cookie setting and the cookie's SameSite attribute. Every expectation below was measured in
// these engines (see `scripts/engines-cookie-matrix.ts` to measure it again) and each row says why.
//
// Today the gate shows one "cookies blocked" message for every cause. Each expectation already
// names the cause (`cause`) so that, once the gate tells the causes apart (issue 7: host names
// differ, third-party cookies blocked, cookies disabled), `expectBlocked` can check the cause and
// fix shown instead of the one generic message.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
  closeShared,
  launch,
  sharedProcessIds,
  stillRunning,
  type CookiePolicy,
  type Engine,
  type EngineName,
  type Tab,
} from './lib/engines.js';
import { gate, landing } from './lib/pages.js';
import { startSite, uniqueEmail, type Site, type SiteOptions } from './lib/site.js';

/** What the visitor ends up seeing after signing in. */
type Outcome =
  /** Signed in: the purchase offer. */
  | 'signed-in'
  /** The gate's cookies-blocked explanation. */
  | 'cookies-blocked'
  /** Back at the sign-in form, with no explanation (the link signed in on the API's site only). */
  | 'sign-in-again';

/** Why the cookie does not reach the API, in the words the gate should one day use. */
type Cause = 'different-sites-samesite-lax' | 'third-party-cookies-blocked' | 'secure-cookie-over-http' | 'partitioned';

interface Row {
  code: Outcome;
  link: Outcome;
  cause?: Cause;
  why: string;
}

// Page on http://localhost:P1, API on http://127.0.0.1:P2: two sites.
type Scenario = 'lax default' | 'lax blocked' | 'none default' | 'none blocked';

const SCENARIOS: Record<Scenario, { cookies: CookiePolicy; crossSiteCookies: boolean }> = {
  // The mock's cookie as it is: SameSite=Lax (a same-site deployment's cookie) under the engine's
  // default setting, and under its strictest third-party setting.
  'lax default': { cookies: 'default', crossSiteCookies: false },
  'lax blocked': { cookies: 'block', crossSiteCookies: false },
  // The mock's `crossSiteCookies` (SameSite=None; Secure), what an API on another site must send.
  'none default': { cookies: 'default', crossSiteCookies: true },
  'none blocked': { cookies: 'block', crossSiteCookies: true },
};

const LAX_CROSS_SITE: Row = {
  code: 'cookies-blocked',
  link: 'sign-in-again',
  cause: 'different-sites-samesite-lax',
  why: 'a SameSite=Lax cookie never travels on a cross-site fetch',
};

export const EXPECTED: Record<EngineName, Record<Scenario, Row>> = {
  chromium: {
    // Chromium refuses to even store it (CDP: SchemefulSameSiteLax).
    'lax default': LAX_CROSS_SITE,
    'lax blocked': LAX_CROSS_SITE,
    'none default': {
      code: 'signed-in',
      link: 'signed-in',
      why: 'third-party cookies are allowed outside Incognito, and Chromium accepts Secure cookies from http://127.0.0.1',
    },
    'none blocked': {
      code: 'cookies-blocked',
      link: 'sign-in-again',
      cause: 'third-party-cookies-blocked',
      why: '"Block third-party cookies" (CDP: UserPreferences)',
    },
  },
  firefox: {
    // Firefox refuses to store it from the cross-site answer.
    'lax default': LAX_CROSS_SITE,
    'lax blocked': LAX_CROSS_SITE,
    'none default': {
      code: 'signed-in',
      link: 'sign-in-again',
      cause: 'partitioned',
      why:
        'Total Cookie Protection (cookieBehavior 5) keeps a cookie set from the page in a jar for that page only: ' +
        'the code signs in, but the link signs in on the API’s own site, whose jar the page never sees',
    },
    'none blocked': {
      code: 'cookies-blocked',
      link: 'sign-in-again',
      cause: 'third-party-cookies-blocked',
      why: 'cookieBehavior 1 rejects every third-party cookie',
    },
  },
  webkit: {
    // WebKitGTK stores it (visible when the API is opened as a page) but never sends it cross-site.
    'lax default': LAX_CROSS_SITE,
    'lax blocked': LAX_CROSS_SITE,
    'none default': {
      code: 'cookies-blocked',
      link: 'sign-in-again',
      cause: 'secure-cookie-over-http',
      why:
        'WebKitGTK drops a Secure cookie sent over http, even on loopback, and its default policy ("no third party") ' +
        'would block it anyway; over https this is the Safari case',
    },
    'none blocked': {
      code: 'cookies-blocked',
      link: 'sign-in-again',
      cause: 'secure-cookie-over-http',
      why: 'as above, with Intelligent Tracking Prevention on',
    },
  },
};

export function defineCookieTests(engineName: EngineName): void {
  describe(`${engineName}: the session cookie across sites, as the engine really treats it`, () => {
    let site: Site | undefined;
    let engine: Engine | undefined;

    afterAll(async () => {
      // The browser shared by this file's tests (Firefox), and everything it started.
      const pids = await sharedProcessIds();
      await closeShared();
      expect(stillRunning(pids), `left running after close: ${pids.join(' ')}`).toEqual([]);
    });
    afterEach(async () => {
      const pids = engine?.processIds() ?? [];
      await engine?.close();
      await site?.close();
      engine = undefined;
      site = undefined;
      expect(stillRunning(pids)).toEqual([]);
    });

    async function start(siteOptions: SiteOptions, cookies: CookiePolicy) {
      site = await startSite(siteOptions);
      engine = await launch(engineName, { cookies });
      return { site, engine };
    }

    async function askForLink(tab: Tab, email: string) {
      await gate(tab).expectSignIn();
      await gate(tab).requestLink(email);
      await gate(tab).expectCheckEmail();
    }

    async function expectOutcome(outcome: Outcome, tab: Tab) {
      if (outcome === 'signed-in') await gate(tab).expectPurchase();
      else if (outcome === 'cookies-blocked') await gate(tab).expectCookiesBlocked();
      else {
        await gate(tab).expectSignIn();
        // Not the cookies-blocked state: today the gate cannot tell (it did not verify itself).
        if (await gate(tab).isCookiesBlocked()) throw new Error('expected the plain sign-in form');
      }
    }

    it('page and API on the same site: signing in by code works even with third-party cookies blocked', async () => {
      const { site, engine } = await start({ pageHost: 'localhost', apiHost: 'localhost' }, 'block');
      const email = uniqueEmail('same-site');
      const tab = await engine.newTab(site.at('masterclass'));
      await askForLink(tab, email);
      await gate(tab).enterCode((await site.signInMail(email)).code);
      await gate(tab).expectPurchase();
    });

    it('page and API on the same site: the emailed link works even with third-party cookies blocked', async () => {
      const { site, engine } = await start({ pageHost: 'localhost', apiHost: 'localhost' }, 'block');
      const email = uniqueEmail('same-site-link');
      const tab = await engine.newTab(site.at('masterclass'));
      await askForLink(tab, email);
      const linkTab = await engine.newTab((await site.signInMail(email)).link);
      await landing(linkTab).continue();
      await gate(linkTab).expectPurchase();
    });

    for (const [scenario, setup] of Object.entries(SCENARIOS) as Array<[Scenario, (typeof SCENARIOS)[Scenario]]>) {
      const row = EXPECTED[engineName][scenario];
      const siteOptions: SiteOptions = {
        pageHost: 'localhost',
        apiHost: '127.0.0.1',
        crossSiteCookies: setup.crossSiteCookies,
      };

      it(`across sites, ${scenario}: the code → ${row.code} (${row.why})`, async () => {
        const { site, engine } = await start(siteOptions, setup.cookies);
        const email = uniqueEmail('code');
        const tab = await engine.newTab(site.at('masterclass'));
        await askForLink(tab, email);
        await gate(tab).enterCode((await site.signInMail(email)).code);
        await expectOutcome(row.code, tab);
      });

      it(`across sites, ${scenario}: the link → ${row.link} (${row.why})`, async () => {
        const { site, engine } = await start(siteOptions, setup.cookies);
        const email = uniqueEmail('link');
        const tab = await engine.newTab(site.at('masterclass'));
        await askForLink(tab, email);
        const linkTab = await engine.newTab((await site.signInMail(email)).link);
        await landing(linkTab).continue();
        await linkTab.waitUntil(`() => location.origin === ${JSON.stringify(new URL(site.url).origin)}`, {
          message: 'the landing did not return to the page',
        });
        await expectOutcome(row.link, linkTab);
      });
    }
  });
}
