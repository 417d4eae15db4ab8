// The visitor journeys, written once and run in each engine by chromium/firefox/webkit.test.ts.
// Each test starts its own mock, demo site and browser (a fresh profile), so nothing carries over
// between tests or engines, and closes all three even when it fails.
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  closeShared,
  launch,
  sharedProcessIds,
  stillRunning,
  type Engine,
  type EngineName,
  type Tab,
} from './lib/engines.js';
import { checkout, gate, groupBuy, landing, accessList, session } from './lib/pages.js';
import { startSite, uniqueEmail, type Site } from './lib/site.js';

const LESSON = 'Carving your first block';
const LOUNGE = 'This month in the lounge';

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
      await landing(tab).continue();
      return tab;
    }

    async function signInByCode(tab: Tab, email: string): Promise<void> {
      await gate(tab).requestLink(email);
      await gate(tab).expectCheckEmail();
      await gate(tab).enterCode((await site.signInMail(email)).code);
    }

    it('buyer: email → link in another tab → checkout → the lesson → a reload keeps access', async () => {
      const email = uniqueEmail('buyer');
      const first = await engine.newTab(site.at('masterclass'));
      await gate(first).expectSignIn();
      await gate(first).expectNoContent(LESSON);
      await gate(first).requestLink(email);
      await gate(first).expectCheckEmail();

      const linkTab = await openLinkInNewTab(email);
      // The landing signs in on the API's origin and returns to the page it was asked from.
      await linkTab.waitUntil(`() => location.href.startsWith(${JSON.stringify(site.at('masterclass'))})`, {
        message: 'the link did not return to the masterclass page',
      });
      await gate(linkTab).expectPurchase();
      await session(linkTab).expectSignedIn(email);

      await gate(linkTab).buy();
      await checkout(linkTab).pay();
      await gate(linkTab).expectContent(LESSON);
      expect(await linkTab.url()).not.toMatch(/va_checkout|session_id/);

      await linkTab.reload();
      await gate(linkTab).expectContent(LESSON);

      // The first tab, still open where the visitor asked for the link, unlocked without a reload.
      await first.bringToFront();
      await gate(first).expectContent(LESSON);
    });

    it('code: the 6-digit code from the email signs in on the same page', async () => {
      const email = uniqueEmail('code');
      const tab = await engine.newTab(site.at('masterclass'));
      await gate(tab).expectSignIn();
      await signInByCode(tab, email);
      await gate(tab).expectPurchase();
      await session(tab).expectSignedIn(email);
      await tab.reload();
      await gate(tab).expectPurchase();
    });

    it('expired link: the landing says so and offers a new link; nobody is signed in', async () => {
      const email = uniqueEmail('expired');
      const tab = await engine.newTab(site.at('members-lounge'));
      await gate(tab).requestLink(email);
      await gate(tab).expectCheckEmail();
      const mail = await site.signInMail(email);
      await site.advanceClock(16 * 60 * 1000);
      const linkTab = await engine.newTab(mail.link);
      await landing(linkTab).expectExpired();
      await landing(linkTab).expectNewLinkForm();
      await linkTab.goto(site.at('members-lounge'));
      await gate(linkTab).expectSignIn();
      await gate(linkTab).expectNoContent(LOUNGE);
    });

    it('used link: a second open says it was used; the first sign-in stands', async () => {
      const email = uniqueEmail('used');
      const tab = await engine.newTab(site.at('members-lounge'));
      await gate(tab).requestLink(email);
      await gate(tab).expectCheckEmail();
      const linkTab = await openLinkInNewTab(email);
      await gate(linkTab).expectContent(LOUNGE);

      const again = await engine.newTab((await site.signInMail(email)).link);
      await landing(again).expectUsed();
      await again.goto(site.at('members-lounge'));
      await gate(again).expectContent(LOUNGE);
    });

    it('two tabs follow sign-in, purchase, refund and sign-out without a reload', async () => {
      const email = uniqueEmail('tabs');
      const lounge = await engine.newTab(site.at('members-lounge'));
      await gate(lounge).expectSignIn();
      const paid = await engine.newTab(site.at('masterclass'));
      await gate(paid).expectSignIn();

      // Sign-in, purchase and sign-out reach the other tab by BroadcastChannel (the SDK's session
      // channel and the elements' access channel); both tabs are first-party on one site, so
      // Firefox's and WebKit's storage partitioning keeps them in the same partition.
      await signInByCode(paid, email);
      await gate(paid).expectPurchase();
      await gate(lounge).expectContent(LOUNGE);

      // Both tabs show the masterclass: one pays, the other unlocks.
      await lounge.goto(site.at('masterclass'));
      await gate(lounge).expectPurchase();
      await gate(paid).buy();
      await checkout(paid).pay();
      await gate(paid).expectContent(LESSON);
      await gate(lounge).expectContent(LESSON);

      // A refund made in Stripe is noticed when the visitor comes back to a tab (visibilitychange).
      // `lounge` is the first tab: the one WebKitGTK's driver can hide and show (see leaveAndReturn).
      await site.refund(email, 'masterclass');
      await lounge.leaveAndReturn();
      await gate(lounge).expectPurchase();
      await gate(lounge).expectNoContent(LESSON);

      await session(paid).signOut();
      await gate(paid).expectSignIn();
      await gate(lounge).expectSignIn();
    });

    it('group buy: a signed-in visitor registers and withdraws interest', async () => {
      const email = uniqueEmail('group');
      const tab = await engine.newTab(site.at('masterclass'));
      await signInByCode(tab, email);
      await gate(tab).expectPurchase();
      await tab.goto(site.at('spring-bundle'));
      await groupBuy(tab).expectProgress(0, 3);
      await groupBuy(tab).joinIn();
      await groupBuy(tab).expectProgress(1, 3);
      await groupBuy(tab).expectInterested();
      await tab.reload();
      await groupBuy(tab).expectProgress(1, 3);
      await groupBuy(tab).withdraw();
      await groupBuy(tab).expectProgress(0, 3);
    });

    it('the access list shows a purchase', async () => {
      const email = uniqueEmail('list');
      const tab = await engine.newTab(site.at('masterclass'));
      await signInByCode(tab, email);
      await gate(tab).buy();
      await checkout(tab).pay();
      await gate(tab).expectContent(LESSON);
      await tab.goto(site.at('access'));
      await accessList(tab).expectPurchase();
    });
  });
}
