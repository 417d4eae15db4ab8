// Page objects: the one place that knows each element's copy and controls. The journeys say what a
// visitor does ("request a link", "buy") and sees ("the purchase offer"); when the elements' copy
// or flow changes, this file changes and the journeys do not. Every locator is what a person
// perceives: a role and accessible name, a label, or visible text.
import { defaultStrings as s } from '../../../packages/elements/src/internal/strings.js';
import type { Tab } from './engines.js';
import type { Query } from './finder.js';

const GATE = 'paywall-gate';
const SESSION = 'visitor-session';
const LIST = 'visitor-access-list';
const GROUP = 'group-buy-card';

/** `"Get access to “{title}”"` → a pattern matching any title. */
const template = (text: string) =>
  new RegExp(
    text
      .split(/\{[a-z]+\}/i)
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('.+'),
  );

const wait = (tab: Tab, query: Query, timeout?: number) => tab.waitFor(query, { timeout });

/** `<paywall-gate>` as a visitor sees it. */
export function gate(tab: Tab) {
  const inGate = (q: Query): Query => ({ ...q, within: GATE });
  return {
    /** The sign-in form: heading and email field. */
    async expectSignIn(timeout?: number) {
      await wait(tab, inGate({ role: 'heading', name: s.signInHeading }), timeout);
      await wait(tab, inGate({ role: 'textbox', name: s.emailLabel }), timeout);
    },
    async requestLink(email: string) {
      await tab.fill(inGate({ role: 'textbox', name: s.emailLabel }), email);
      await tab.click(inGate({ role: 'button', name: s.sendLink }));
    },
    async expectCheckEmail(timeout?: number) {
      await wait(tab, inGate({ role: 'heading', name: s.checkEmailHeading }), timeout);
    },
    /** Types the code; the sixth digit submits it (no button press needed). */
    async enterCode(code: string) {
      await tab.fill(inGate({ role: 'textbox', name: s.codeLabel }), code);
    },
    /** The purchase offer ("Get access to …" and a Buy button). */
    async expectPurchase(timeout?: number) {
      await wait(tab, inGate({ role: 'heading', name: template(s.purchaseHeading) }), timeout);
      await wait(tab, inGate({ role: 'button', name: template(s.buy) }), timeout);
    },
    async buy() {
      await tab.click(inGate({ role: 'button', name: template(s.buy) }));
    },
    /** The gate is open and shows `text` from the protected content. */
    async expectContent(text: string, timeout?: number) {
      await wait(tab, { text }, timeout);
      await tab.waitFor(inGate({ role: 'heading', name: s.signInHeading }), { gone: true, timeout: 1000 });
    },
    async expectNoContent(text: string) {
      await tab.waitFor({ text }, { gone: true });
    },
    /** The cookies-blocked explanation (today's copy: one message for every cause). */
    async expectCookiesBlocked(timeout?: number) {
      await wait(tab, inGate({ role: 'heading', name: s.errorHeading }), timeout);
      await wait(tab, inGate({ text: s.errorCookies.slice(0, 40) }), timeout);
    },
    async isCookiesBlocked() {
      return (await tab.count(inGate({ text: s.errorCookies.slice(0, 40) }))) > 0;
    },
  };
}

/** The mock's magic-link landing page (on the API's origin) and its problem pages. */
export function landing(tab: Tab) {
  return {
    async continue() {
      await tab.click({ role: 'button', name: /^continue$/i });
    },
    async expectExpired() {
      await wait(tab, { role: 'heading', name: 'This link has expired' });
    },
    async expectUsed() {
      await wait(tab, { role: 'heading', name: 'This link was already used' });
    },
    /** The form to ask for a new link is offered. */
    async expectNewLinkForm() {
      await wait(tab, { role: 'button', name: /new link|send/i });
    },
  };
}

/** The mock's fake Stripe Checkout. */
export function checkout(tab: Tab) {
  return {
    async pay() {
      await tab.waitUntil(`() => location.pathname.startsWith('/_mock/checkout/')`, {
        message: 'checkout page not reached',
      });
      await tab.click({ role: 'button', name: /^pay$/i });
    },
  };
}

/** `<visitor-session>` in the site's navigation. */
export function session(tab: Tab) {
  return {
    async expectSignedIn(email: string) {
      await wait(tab, { within: SESSION, text: email });
    },
    async signOut() {
      await tab.click({ within: SESSION, role: 'button', name: s.signOut });
    },
  };
}

/** `<visitor-access-list>` on the "My access" page. */
export function accessList(tab: Tab) {
  return {
    async expectPurchase() {
      await wait(tab, { within: LIST, role: 'cell', name: s.typePurchase });
    },
  };
}

/** `<group-buy-card>`. */
export function groupBuy(tab: Tab) {
  const progress = (count: number, target: number) =>
    s.groupProgress.replace('{count}', String(count)).replace('{target}', String(target));
  return {
    async expectProgress(count: number, target: number) {
      await wait(tab, { within: GROUP, text: progress(count, target) });
    },
    async joinIn() {
      await tab.click({ within: GROUP, role: 'button', name: s.interested });
    },
    async withdraw() {
      await tab.click({ within: GROUP, role: 'button', name: s.withdraw });
    },
    async expectInterested() {
      await wait(tab, { within: GROUP, text: s.youAreInterested });
    },
  };
}
