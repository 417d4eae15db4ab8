// The visitor journeys, written once and run in each engine by chromium/firefox/webkit.journeys.test.ts.
// Each test starts its own mock and demo site and a fresh browser profile (Firefox: a fresh user
// context of a browser shared by the file, decision 0080), so nothing carries over between tests or
// engines, and closes them even when it fails.
//
// Tabs: in Chromium and Firefox a new tab comes to the front and hides the others, as in a person's
// browser. In WebKitGTK's MiniBrowser a new tab opens behind the first one, and its WebDriver cannot
// bring it forward: the first tab stays the one in front, the others run (timers, network,
// BroadcastChannel) but are never painted. Steps that need "leave and come back" use the first tab
// in every engine (see `Tab.leaveAndReturn`).
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
import { accessList, checkout, gate, groupBuy, landing, session } from './lib/pages.js';
import { startSite, uniqueEmail, type Site } from './lib/site.js';
import ja from '../../packages/elements/src/locales/ja.js';

const MASTERCLASS = { slug: 'masterclass', title: 'Block-Printing Masterclass', price: '$19.00' };
const LESSON = 'Carving your first block';
const LOUNGE = { slug: 'members-lounge', title: 'Members Lounge' };
const LOUNGE_TEXT = 'This month in the lounge';
const BUNDLE = { slug: 'spring-bundle', title: 'Spring Bundle', price: '$49.00' };

export function defineJourneys(engineName: EngineName): void {
  describe(`${engineName}: visitor journeys on the demo site (page and API on localhost)`, () => {
    let site: Site;
    let engine: Engine;

    beforeEach(async () => {
      site = await startSite();
      engine = await launch(engineName);
    });
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
      // Nothing outlives a test: not the browser, nor its driver or display.
      expect(stillRunning(pids), `left running after close: ${pids.join(' ')}`).toEqual([]);
    });

    /** Opens the emailed link in a new tab, as a mail client does, and presses Continue. */
    async function openLinkInNewTab(email: string): Promise<Tab> {
      const mail = await site.signInMail(email);
      const tab = await engine.newTab(mail.link);
      await landing(tab).expectContinue(email);
      await landing(tab).continue();
      return tab;
    }

    /** POSTs to a page's checkout route so far: one sign-in must never open two checkout sessions. */
    const checkoutsOf = async (slug: string) =>
      (await site.requests()).filter((r) => r.method === 'POST' && r.path.endsWith(`/${slug}/checkout`)).length;

    const pathOf = async (tab: Tab) => new URL(await tab.url()).pathname;

    it('buyer: email + "Buy" → the link in another tab goes on to checkout there, the first tab waits → pay → the lesson → a reload keeps access', async () => {
      const email = uniqueEmail('buyer');
      const first = await engine.newTab(site.at(MASTERCLASS.slug));
      await gate(first).expectBuyOffer(MASTERCLASS.title, MASTERCLASS.price);
      await gate(first).expectNoContent(LESSON);
      // A signed-out page load asks nothing the API answers with a 4xx (the console stays clean).
      expect((await site.requests()).filter((r) => r.status >= 400)).toEqual([]);

      await gate(first).buyAs(email, MASTERCLASS.price);
      await gate(first).expectCheckEmail('buy');

      const linkTab = await openLinkInNewTab(email);
      // The landing signs in on the API's origin and returns to the page, which goes straight on to
      // checkout: the visitor pressed "Buy" once.
      await checkout(linkTab).expectOpen();

      // The tab that asked for the link moves to the purchase and waits there: no second checkout.
      await first.bringToFront();
      await gate(first).expectPurchase(MASTERCLASS.price);
      expect(await pathOf(first)).toBe(`/${MASTERCLASS.slug}`);

      await checkout(linkTab).pay();
      await gate(linkTab).expectContent(LESSON);
      await session(linkTab).expectSignedIn(email);
      expect(await linkTab.url()).toBe(site.at(MASTERCLASS.slug));
      await linkTab.reload();
      await gate(linkTab).expectContent(LESSON);

      // The first tab, still open where the visitor asked for the link, unlocked without a reload.
      await first.bringToFront();
      await gate(first).expectContent(LESSON);
      expect(await checkoutsOf(MASTERCLASS.slug)).toBe(1);
    });

    it('code: the 6-digit code typed on the paid page goes on to checkout in that tab; another tab waits in the purchase', async () => {
      const email = uniqueEmail('code');
      const tab = await engine.newTab(site.at(MASTERCLASS.slug));
      await gate(tab).expectBuyOffer(MASTERCLASS.title, MASTERCLASS.price);
      const other = await engine.newTab(site.at(MASTERCLASS.slug));
      await gate(other).expectBuyOffer(MASTERCLASS.title, MASTERCLASS.price);

      await gate(tab).buyAs(email, MASTERCLASS.price);
      await gate(tab).expectCheckEmail('buy');
      await gate(tab).enterCode((await site.signInMail(email)).code);
      await checkout(tab).expectOpen();
      await gate(other).expectPurchase(MASTERCLASS.price);
      expect(await pathOf(other)).toBe(`/${MASTERCLASS.slug}`);

      await checkout(tab).pay();
      await gate(tab).expectContent(LESSON);
      await gate(other).expectContent(LESSON);
      expect(await checkoutsOf(MASTERCLASS.slug)).toBe(1);

      await tab.goto(site.at('access'));
      await accessList(tab).expectPurchase(MASTERCLASS.title);
    });

    it('free page: the code signs in and the page opens; a reload keeps it', async () => {
      const email = uniqueEmail('free');
      const tab = await engine.newTab(site.at(LOUNGE.slug));
      await gate(tab).expectFreeSignIn(LOUNGE.title);
      await gate(tab).expectNoContent(LOUNGE_TEXT);
      await gate(tab).requestLink(email);
      await gate(tab).expectCheckEmail('read');
      await gate(tab).enterCode((await site.signInMail(email)).code);
      await gate(tab).expectContent(LOUNGE_TEXT);
      await session(tab).expectSignedIn(email);
      await tab.reload();
      await gate(tab).expectContent(LOUNGE_TEXT);
    });

    it('a Japanese page: the gate speaks Japanese from its first paint; the code signs in and the page opens', async () => {
      const email = uniqueEmail('ja');
      const tab = await engine.newTab(site.at('members-lounge-ja'));
      await gate(tab, ja).expectFreeSignIn(LOUNGE.title);
      await gate(tab, ja).requestLink(email);
      await gate(tab, ja).expectCheckEmail('read');
      await gate(tab, ja).enterCode((await site.signInMail(email)).code);
      await gate(tab, ja).expectContent(LOUNGE_TEXT);
    });

    it('a sign-in link in the page address: removed at once, used only after "Continue"', async () => {
      const email = uniqueEmail('address');
      const tab = await engine.newTab(site.at(LOUNGE.slug));
      await gate(tab).requestLink(email);
      await gate(tab).expectCheckEmail('read');
      const { token } = await site.signInMail(email);

      // The same browser opens the page with the token in its address (a creator's own link).
      const linkTab = await engine.newTab(site.at(`${LOUNGE.slug}?va_token=${encodeURIComponent(token)}`));
      await gate(linkTab).expectConfirmLink();
      expect(await linkTab.url()).toBe(site.at(LOUNGE.slug));
      const verifies = async () =>
        (await site.requests()).filter((r) => r.method === 'POST' && r.path === '/v2/visitor/auth/verify').length;
      expect(await verifies()).toBe(0);
      await gate(linkTab).expectNoContent(LOUNGE_TEXT);

      await gate(linkTab).confirmLink();
      await gate(linkTab).expectContent(LOUNGE_TEXT);
      expect(await verifies()).toBe(1);
      // The tab that asked follows (session broadcast).
      await tab.bringToFront();
      await gate(tab).expectContent(LOUNGE_TEXT);
    });

    it('expired link: the landing says so and offers a new link; nobody is signed in', async () => {
      const email = uniqueEmail('expired');
      const tab = await engine.newTab(site.at(LOUNGE.slug));
      await gate(tab).requestLink(email);
      await gate(tab).expectCheckEmail('read');
      const mail = await site.signInMail(email);
      await site.advanceClock(16 * 60 * 1000);
      const linkTab = await engine.newTab(mail.link);
      await landing(linkTab).expectExpired();
      await landing(linkTab).expectNewLinkForm(email);
      await linkTab.goto(site.at(LOUNGE.slug));
      await gate(linkTab).expectFreeSignIn(LOUNGE.title);
      await gate(linkTab).expectNoContent(LOUNGE_TEXT);
    });

    it('used link: a second open says it was used; the first sign-in stands', async () => {
      const email = uniqueEmail('used');
      const tab = await engine.newTab(site.at(LOUNGE.slug));
      await gate(tab).requestLink(email);
      await gate(tab).expectCheckEmail('read');
      const linkTab = await openLinkInNewTab(email);
      await gate(linkTab).expectContent(LOUNGE_TEXT);

      const again = await engine.newTab((await site.signInMail(email)).link);
      await landing(again).expectUsed();
      await landing(again).expectNewLinkForm(email);
      await again.goto(site.at(LOUNGE.slug));
      await gate(again).expectContent(LOUNGE_TEXT);
    });

    it('three tabs follow sign-in, purchase, refund and sign-out without a reload', async () => {
      const email = uniqueEmail('tabs');
      // `lounge` is the first tab: the one WebKitGTK's driver can hide and show (see leaveAndReturn).
      const lounge = await engine.newTab(site.at(LOUNGE.slug));
      await gate(lounge).expectFreeSignIn(LOUNGE.title);
      const paid = await engine.newTab(site.at(MASTERCLASS.slug));
      await gate(paid).expectBuyOffer(MASTERCLASS.title, MASTERCLASS.price);
      const waiting = await engine.newTab(site.at(MASTERCLASS.slug));
      await gate(waiting).expectBuyOffer(MASTERCLASS.title, MASTERCLASS.price);

      // Sign-in, purchase and sign-out reach the other tabs by BroadcastChannel (the SDK's session
      // channel and the elements' access channel). All tabs are first-party on one site, so
      // Firefox's and WebKit's storage partitioning keeps them in one partition.
      await gate(paid).buyAs(email, MASTERCLASS.price);
      await gate(paid).expectCheckEmail('buy');
      await gate(paid).enterCode((await site.signInMail(email)).code);
      await checkout(paid).expectOpen();
      await gate(lounge).expectContent(LOUNGE_TEXT);
      await gate(waiting).expectPurchase(MASTERCLASS.price);

      await checkout(paid).pay();
      await gate(paid).expectContent(LESSON);
      await gate(waiting).expectContent(LESSON);
      await lounge.goto(site.at(MASTERCLASS.slug));
      await gate(lounge).expectContent(LESSON);

      // A refund made in Stripe is noticed when the visitor comes back to a tab (visibilitychange).
      await site.refund(email, MASTERCLASS.slug);
      await lounge.leaveAndReturn();
      await gate(lounge).expectPurchase(MASTERCLASS.price);
      await gate(lounge).expectNoContent(LESSON);
      // …and that tab tells the others (the access channel).
      await gate(waiting).expectPurchase(MASTERCLASS.price);

      await session(paid).signOut();
      await gate(paid).expectBuyOffer(MASTERCLASS.title, MASTERCLASS.price);
      await gate(lounge).expectBuyOffer(MASTERCLASS.title, MASTERCLASS.price);
      await gate(waiting).expectBuyOffer(MASTERCLASS.title, MASTERCLASS.price);
      await session(lounge).expectSignedOut();
    });

    it('group buy: a signed-out visitor registers interest (signing in inside the card), and withdraws it', async () => {
      const email = uniqueEmail('group');
      const tab = await engine.newTab(site.at(BUNDLE.slug));
      await groupBuy(tab).expectProgress(0, 3);
      await groupBuy(tab).joinIn();
      await groupBuy(tab).signIn(email, 'interest');
      await groupBuy(tab).enterCode((await site.signInMail(email)).code);
      await groupBuy(tab).expectInterested();
      await groupBuy(tab).expectProgress(1, 3);
      await session(tab).expectSignedIn(email);
      await tab.reload();
      await groupBuy(tab).expectProgress(1, 3);
      await groupBuy(tab).withdraw();
      await groupBuy(tab).expectProgress(0, 3);
    });

    it('group buy, once the creator activates it: "Buy for $49.00" signs in and goes on to the checkout of the page it sells', async () => {
      for (const n of [1, 2, 3]) await site.interestFrom(uniqueEmail(`neighbour${n}`), BUNDLE.slug);
      await site.activateGroupBuy(BUNDLE.slug);

      const email = uniqueEmail('group-buyer');
      const tab = await engine.newTab(site.at(BUNDLE.slug));
      await groupBuy(tab).expectLive(BUNDLE.price);
      await groupBuy(tab).buy(BUNDLE.price);
      await groupBuy(tab).signIn(email, 'buy', BUNDLE.price);
      await groupBuy(tab).enterCode((await site.signInMail(email)).code);
      await checkout(tab).pay();
      await groupBuy(tab).expectOwned();
      expect(await tab.url()).toBe(site.at(BUNDLE.slug));
      expect(await checkoutsOf(BUNDLE.slug)).toBe(1);
      await tab.goto(site.at('access'));
      await accessList(tab).expectPurchase(BUNDLE.title);
    });
  });
}
