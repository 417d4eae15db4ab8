// Cookie blocking as each engine really does it (docs/browsers.md has the table this encodes).
//
// The session cookie is set by the API's verify answer and must come back on the gate's
// credentialed requests. Whether it does depends on where the page and the API are (one site or
// two), the cookie's SameSite attribute, and the engine with its cookie setting. When it does not,
// the gate says why in the visitor's words, as far as a page can tell: page and API on two host
// names of this machine (localhost vs 127.0.0.1), the API on another site (a third-party cookie the
// browser blocks), or cookies turned off. Every row below was measured in these engines
// (`e2e/engines/cookie-matrix.ts` measures them again) and asserts the cause-specific copy.
//
// The code is typed in the page (the page's own request sets the cookie); the emailed link is
// verified on the API's landing page (the API's own site, first party) and comes back to the page
// marked as signed in, so that the gate can tell a dropped cookie from a visitor who never signed in.
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
} from '@visitor-access/tools/engines';
import { TEST_HOSTS } from '@visitor-access/tools/engines/hosts';
import { checkout, cookieCopy, gate, landing, session, type CookieCause } from './lib/pages.js';
import { startSite, uniqueEmail, type Site, type SiteOptions } from './lib/site.js';

const PAGE = { slug: 'members-lounge', title: 'Members Lounge' };
const CONTENT = 'This month in the lounge';

/** Where the page and the API are. */
export const SETUPS = {
  /** Development: both on localhost (two ports, one site). */
  'same-host': { site: { pageHost: 'localhost', apiHost: 'localhost' }, label: 'page and API on localhost' },
  /** The recommended deployment: the API on the creator's own domain, over https. */
  'same-site': {
    site: { pageHost: TEST_HOSTS.page, apiHost: TEST_HOSTS.sameSiteApi },
    label: `page on ${TEST_HOSTS.page}, API on ${TEST_HOSTS.sameSiteApi} (https, one site)`,
  },
  /** The development mix-up: the page on localhost, the API on 127.0.0.1. */
  'two-hosts': {
    site: { pageHost: 'localhost', apiHost: '127.0.0.1' },
    label: 'page on localhost, API on 127.0.0.1 (SameSite=Lax)',
  },
  /** The API on another site, sending what such an API must: `SameSite=None; Secure`. */
  'two-sites': {
    site: { pageHost: TEST_HOSTS.page, apiHost: TEST_HOSTS.otherSiteApi, crossSiteCookies: true },
    label: `page on ${TEST_HOSTS.page}, API on ${TEST_HOSTS.otherSiteApi} (https, SameSite=None)`,
  },
  /** Measured only: an API on another site with a same-site cookie. */
  'two-sites-lax': {
    site: { pageHost: TEST_HOSTS.page, apiHost: TEST_HOSTS.otherSiteApi },
    label: `page on ${TEST_HOSTS.page}, API on ${TEST_HOSTS.otherSiteApi} (https, SameSite=Lax)`,
  },
  /**
   * The production shape (@visitor-access/server): the page's site serves the API under /api and
   * proxies it to the API on another host, which the browser never contacts.
   */
  proxied: {
    site: { pageHost: TEST_HOSTS.page, proxied: true },
    label: `page on ${TEST_HOSTS.page} serving the API at /api (@visitor-access/server), the API on another host`,
  },
  /** Measured only: loopback names with `SameSite=None; Secure` over http. */
  'two-hosts-none': {
    site: { pageHost: 'localhost', apiHost: '127.0.0.1', crossSiteCookies: true },
    label: 'page on localhost, API on 127.0.0.1 (http, SameSite=None)',
  },
} satisfies Record<string, { site: SiteOptions; label: string }>;
export type SetupName = keyof typeof SETUPS;

/**
 * Where the visitor ends up: `signed-in` (the page opens), `blocked:<cause>` (the gate's
 * cookie-blocked state naming that cause), or `sign-in` (the sign-in form, no explanation).
 */
export type Outcome = 'signed-in' | 'sign-in' | `blocked:${CookieCause['cause'] | 'unknown'}`;

/** The cause the gate's copy names, for this site. */
function causeFor(name: CookieCause['cause'], site: Site): CookieCause {
  if (name === 'host') return { cause: 'host', pageHost: site.pageHost, apiHost: site.apiHost };
  if (name === 'third-party') return { cause: 'third-party', apiHost: site.apiHost };
  return { cause: 'disabled' };
}

/** Waits for the gate to settle and says where (for the matrix script; the tests assert exactly). */
export async function outcomeOf(tab: Tab, site: Site, timeout = 10_000): Promise<Outcome> {
  const settled = await Promise.any([
    gate(tab)
      .expectContent(CONTENT, timeout)
      .then(() => 'signed-in' as const),
    gate(tab)
      .expectAnyCookiesBlocked(timeout)
      .then(() => 'blocked' as const),
    gate(tab)
      .expectFreeSignIn(PAGE.title, timeout)
      .then(() => 'sign-in' as const),
  ]).catch(() => 'nothing');
  if (settled !== 'blocked') return settled as Outcome;
  const message = await gate(tab).cookieMessage();
  const cause = (['host', 'third-party', 'disabled'] as const).find((c) => cookieCopy(causeFor(c, site)) === message);
  return `blocked:${cause ?? 'unknown'}`;
}

interface Row {
  code: Outcome;
  link: Outcome;
  /** Why, in a sentence: what the engine does with the cookie. */
  why: string;
}

type Tested = 'two-hosts' | 'two-sites';
type Scenario = `${Tested} ${Exclude<CookiePolicy, 'allow' | 'off'>}`;

const TWO_HOSTS: Row = {
  code: 'blocked:host',
  link: 'blocked:host',
  why: 'a SameSite=Lax cookie never travels on a request from another site',
};

/** Measured with e2e/engines/cookie-matrix.ts; docs/browsers.md shows the same table. */
export const EXPECTED: Record<EngineName, Record<Scenario, Row>> = {
  chromium: {
    'two-hosts default': TWO_HOSTS,
    'two-hosts block': TWO_HOSTS,
    'two-sites default': {
      code: 'signed-in',
      link: 'signed-in',
      why: 'Chrome allows third-party cookies outside Incognito unless the visitor blocks them',
    },
    'two-sites block': {
      code: 'blocked:third-party',
      link: 'blocked:third-party',
      why: '"Block third-party cookies" (CDP: UserPreferences)',
    },
  },
  firefox: {
    'two-hosts default': TWO_HOSTS,
    'two-hosts block': TWO_HOSTS,
    'two-sites default': {
      code: 'signed-in',
      link: 'blocked:third-party',
      why:
        'Total Cookie Protection keeps a cookie set from the page in a jar for that page only: the code ' +
        "signs in, but the link signs in on the API's own site, whose jar the page never sees",
    },
    'two-sites block': {
      code: 'blocked:third-party',
      link: 'blocked:third-party',
      why: 'cookieBehavior 1 rejects every third-party cookie',
    },
  },
  webkit: {
    'two-hosts default': TWO_HOSTS,
    'two-hosts block': TWO_HOSTS,
    'two-sites default': {
      code: 'blocked:third-party',
      link: 'signed-in',
      why:
        'the default "no third party" policy (libsoup) refuses a cookie set by another site, but sends one that ' +
        "site set as first party: the link's landing page. Safari blocks both; the next row is the nearer one",
    },
    'two-sites block': {
      code: 'blocked:third-party',
      link: 'blocked:third-party',
      why: 'with Intelligent Tracking Prevention on, a cookie of another site is neither kept nor sent, as in Safari',
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

    async function start(setup: SetupName, cookies: CookiePolicy) {
      site = await startSite(SETUPS[setup].site);
      engine = await launch(engineName, { cookies, testHosts: true });
      return { site, engine };
    }

    /** Asks for a link on the members' page; returns the email it went to. */
    async function askForLink(tab: Tab, label: string): Promise<string> {
      const email = uniqueEmail(label);
      await gate(tab).expectFreeSignIn(PAGE.title);
      await gate(tab).requestLink(email);
      await gate(tab).expectCheckEmail('read');
      return email;
    }

    async function byCode(setup: SetupName, cookies: CookiePolicy): Promise<{ tab: Tab; site: Site }> {
      const { site, engine } = await start(setup, cookies);
      const tab = await engine.newTab(site.at(PAGE.slug));
      const email = await askForLink(tab, 'code');
      await gate(tab).enterCode((await site.signInMail(email)).code);
      return { tab, site };
    }

    async function byLink(setup: SetupName, cookies: CookiePolicy): Promise<{ tab: Tab; site: Site }> {
      const { site, engine } = await start(setup, cookies);
      const first = await engine.newTab(site.at(PAGE.slug));
      const email = await askForLink(first, 'link');
      const tab = await engine.newTab((await site.signInMail(email)).link);
      await landing(tab).continue();
      await tab.waitUntil(`() => location.origin === ${JSON.stringify(new URL(site.url).origin)}`, {
        message: 'the landing did not return to the page',
      });
      return { tab, site };
    }

    async function expectOutcome(outcome: Outcome, tab: Tab, site: Site) {
      if (outcome === 'signed-in') await gate(tab).expectContent(CONTENT);
      else if (outcome === 'sign-in') await gate(tab).expectFreeSignIn(PAGE.title);
      else if (outcome === 'blocked:unknown') throw new Error('no test expects the cause-less copy');
      else await gate(tab).expectCookiesBlocked(causeFor(outcome.slice('blocked:'.length) as never, site));
      // The address bar carries no sign-in marker afterwards.
      expect(new URL(await tab.url()).search).toBe('');
    }

    for (const setup of ['same-host', 'same-site'] as const) {
      it(`${SETUPS[setup].label}: the code signs in, even with third-party cookies blocked`, async () => {
        const { tab, site } = await byCode(setup, 'block');
        await expectOutcome('signed-in', tab, site);
      });

      it(`${SETUPS[setup].label}: the emailed link signs in, even with third-party cookies blocked`, async () => {
        const { tab, site } = await byLink(setup, 'block');
        await expectOutcome('signed-in', tab, site);
      });
    }

    // Issue 17, point 2: across two host names, through the creator's server, with third-party cookies
    // blocked — the journey that fails across sites without it.
    it(`${SETUPS.proxied.label}, third-party cookies blocked: the emailed link, the code, checkout and the return all work`, async () => {
      const { site, engine } = await start('proxied', 'block');
      const paid = { slug: 'masterclass', title: 'Block-Printing Masterclass', price: '$19.00' };
      const lesson = 'Carving your first block';
      const first = await engine.newTab(site.at(paid.slug));
      await gate(first).expectBuyOffer(paid.title, paid.price);
      const email = uniqueEmail('proxied-link');
      await gate(first).buyAs(email, paid.price);
      await gate(first).expectCheckEmail('buy');
      // The emailed link lands on the site, under /api; Continue signs in there, first party.
      const mail = await site.signInMail(email);
      expect(mail.link.startsWith(site.at('api/_edge/visitor/access/t/'))).toBe(true);
      const tab = await engine.newTab(mail.link);
      await landing(tab).expectContinue(email);
      await landing(tab).continue();
      // Back on the page, which goes on to checkout: on the site too.
      await checkout(tab).expectOpen();
      expect((await tab.url()).startsWith(site.at('api/_mock/checkout/'))).toBe(true);
      await checkout(tab).pay();
      // The return: the lesson, which the gate fetches from the site's protect()ed URL — sent only
      // because the browser gave the site its own session cookie.
      await gate(tab).expectContent(lesson);
      expect(new URL(await tab.url()).search).toBe('');
      // With the site's cookies: 200; the same request without cookies: 401.
      const statuses = await tab.waitUntil<string>(
        `() => (window.__vaLesson ??= Promise.all([
          fetch('/content/masterclass.html').then((r) => r.status),
          fetch('/content/masterclass.html', { credentials: 'omit' }).then((r) => r.status),
        ]).then((s) => (window.__vaStatuses = s.join(' '))), window.__vaStatuses)`,
        { message: 'the lesson URL did not answer' },
      );
      expect(statuses).toBe('200 401');

      // The 6-digit code, after signing out: typed on the page, verified through /api.
      await session(tab).signOut();
      // Signed out once the page says so (leaving earlier could cut the sign-out request short).
      await gate(tab).expectBuyOffer(paid.title, paid.price);
      await session(tab).expectSignedOut();
      await tab.goto(site.at(PAGE.slug));
      const again = await askForLink(tab, 'proxied-code');
      await gate(tab).enterCode((await site.signInMail(again)).code);
      await gate(tab).expectContent(CONTENT);
      // Every request the API saw came through the site's server: nothing reached it from the browser.
      const verifies = (await site.requests()).filter((r) => r.path === '/v2/visitor/auth/verify');
      expect(verifies.map((r) => r.status)).toEqual([200, 200]);
    });

    it('cookies turned off: the gate says so, and how to turn them on', async () => {
      const { tab, site } = await byCode('same-host', 'off');
      await expectOutcome('blocked:disabled', tab, site);
    });

    for (const [scenario, row] of Object.entries(EXPECTED[engineName]) as Array<[Scenario, Row]>) {
      const [setup, cookies] = scenario.split(' ') as [Tested, CookiePolicy];
      const label = `${SETUPS[setup].label}, ${cookies === 'default' ? 'default settings' : 'third-party cookies blocked'}`;

      it(`${label}: the code → ${row.code} (${row.why})`, async () => {
        const { tab, site } = await byCode(setup, cookies);
        await expectOutcome(row.code, tab, site);
      });

      it(`${label}: the link → ${row.link} (${row.why})`, async () => {
        const { tab, site } = await byLink(setup, cookies);
        await expectOutcome(row.link, tab, site);
      });
    }
  });
}
