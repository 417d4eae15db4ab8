// Page objects: the one place that knows each element's copy and controls. The journeys say what a
// visitor does ("buy", "open the link") and sees ("the purchase offer"); when the elements' copy
// or flow changes, this file changes and the journeys do not. Every locator is what a person
// perceives: a role and accessible name, a label, or visible text. The copy comes from the
// elements' own strings table (`defaultStrings`), never retyped here.
import { fill } from '../../../packages/elements/src/internal/strings.js';
import { defaultStrings as s } from '../../../packages/elements/src/internal/strings-all.js';
import type { Strings } from '../../../packages/elements/src/internal/strings.js';
import type { Tab } from './engines.js';
import type { Query } from './finder.js';

const GATE = 'paywall-gate';
const SESSION = 'visitor-session';
const LIST = 'visitor-access-list';
const GROUP = 'group-buy-card';

const wait = (tab: Tab, query: Query, timeout?: number) => tab.waitFor(query, { timeout });
const exactly = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

/** Why the gate says the browser did not keep the sign-in, with what the copy names. */
export type CookieCause =
  /** Page and API on two host names the page can see are both this machine (localhost vs 127.0.0.1). */
  | { cause: 'host'; pageHost: string; apiHost: string }
  /** The API on another site: a third-party cookie the browser blocks. */
  | { cause: 'third-party'; apiHost: string }
  /** Cookies turned off altogether. */
  | { cause: 'disabled' };

const splitHost = (host: string): [string, string] => {
  const at = host.lastIndexOf(':');
  return at > host.lastIndexOf(']') ? [host.slice(0, at), host.slice(at)] : [host, ''];
};

/** The gate's copy for a cookie cause, filled in as the gate fills it. */
export function cookieCopy(cause: CookieCause): string {
  if (cause.cause === 'host') {
    // The fixes keep each side's port: the page's address on the API's host name, and the other way.
    const [pageName, pagePort] = splitHost(cause.pageHost);
    const [apiName, apiPort] = splitHost(cause.apiHost);
    return fill(s.errorCookiesHost, {
      pageHost: cause.pageHost,
      apiHost: cause.apiHost,
      pageOnApiHost: `${apiName}${pagePort}`,
      apiOnPageHost: `${pageName}${apiPort}`,
    });
  }
  if (cause.cause === 'third-party') return fill(s.errorCookiesThirdParty, { apiHost: cause.apiHost });
  return s.errorCookiesDisabled;
}

/** `<paywall-gate>` as a visitor sees it, in English or in the strings `t` of another language. */
export function gate(tab: Tab, t: Strings = s) {
  const inGate = (q: Query): Query => ({ ...q, within: GATE });
  const emailField = inGate({ role: 'textbox', name: t.emailLabel });
  const buyButton = (price: string) => inGate({ role: 'button', name: exactly(fill(t.buy, { price })) });
  return {
    /**
     * Price first: a signed-out visitor on a paid page sees its title, its price, what they get, an
     * email field and "Buy for {price}".
     */
    async expectBuyOffer(title: string, price: string, timeout?: number) {
      await wait(tab, inGate({ role: 'heading', name: title }), timeout);
      await wait(tab, inGate({ text: exactly(price) }), timeout);
      await wait(tab, inGate({ text: t.purchaseBody }), timeout);
      await wait(tab, emailField, timeout);
      await wait(tab, buyButton(price), timeout);
    },
    /** A free-with-sign-in page: its title, "Sign in to read — free", the field and "Email me a sign-in link". */
    async expectFreeSignIn(title: string, timeout?: number) {
      await wait(tab, inGate({ role: 'heading', name: title }), timeout);
      await wait(tab, inGate({ text: t.readFree }), timeout);
      await wait(tab, emailField, timeout);
      await wait(tab, inGate({ role: 'button', name: t.sendLink }), timeout);
    },
    /** Any signed-out form: the email field is offered. */
    async expectSignedOut(timeout?: number) {
      await wait(tab, emailField, timeout);
    },
    /** Types the email and presses the one primary button ("Buy for …" or "Email me a sign-in link"). */
    async submitEmail(email: string, button: string) {
      await tab.fill(emailField, email);
      await tab.click(inGate({ role: 'button', name: exactly(button) }));
    },
    async buyAs(email: string, price: string) {
      await this.submitEmail(email, fill(t.buy, { price }));
    },
    async requestLink(email: string) {
      await this.submitEmail(email, t.sendLink);
    },
    /** "Check your email", and what happens next: checkout (`buy`) or the page (`read`). */
    async expectCheckEmail(next: 'buy' | 'read', timeout?: number) {
      await wait(tab, inGate({ role: 'heading', name: t.checkEmailHeading }), timeout);
      await wait(tab, inGate({ text: next === 'buy' ? t.checkEmailThenBuy : t.checkEmailThenRead }), timeout);
      await wait(tab, inGate({ role: 'textbox', name: t.codeLabel }), timeout);
    },
    /** Types the code; the sixth digit submits it (no button press needed). */
    async enterCode(code: string) {
      await tab.fill(inGate({ role: 'textbox', name: t.codeLabel }), code);
    },
    /** Signed in without access: the title, the price and "Buy for {price}", and no email field. */
    async expectPurchase(price: string, timeout?: number) {
      await wait(tab, buyButton(price), timeout);
      await tab.waitFor(emailField, { gone: true, timeout: 2000 });
      const disabled = await tab.evaluate<boolean>(
        `() => [...document.querySelector('paywall-gate').shadowRoot.querySelectorAll('button')].some((b) => b.textContent.trim() === ${JSON.stringify(fill(t.buy, { price }))} && b.disabled)`,
      );
      if (disabled) throw new Error('the buy button is disabled');
    },
    async buy(price: string) {
      await tab.click(buyButton(price));
    },
    /** A sign-in link was opened on this page (`?va_token=`): one click before it is used. */
    async expectConfirmLink(timeout?: number) {
      await wait(tab, inGate({ role: 'heading', name: t.confirmHeading }), timeout);
      await wait(tab, inGate({ text: t.confirmBody }), timeout);
      await wait(
        tab,
        // Never "Continue as …": the page does not know whose link it is before it is used (issue 19).
        inGate({ role: 'button', name: exactly(t.continue) }),
        timeout,
      );
    },
    async confirmLink() {
      await tab.click(inGate({ role: 'button', name: new RegExp(`^${t.continue}`) }));
    },
    /** The gate is open and shows `text` from the protected content. */
    async expectContent(text: string, timeout?: number) {
      await wait(tab, { within: GATE, text }, timeout);
      await tab.waitFor(emailField, { gone: true, timeout: 1000 });
    },
    async expectNoContent(text: string) {
      await tab.waitFor({ text }, { gone: true });
    },
    /** "Your browser did not keep the sign-in", naming the cause and its fix. */
    async expectCookiesBlocked(cause: CookieCause, timeout?: number) {
      await wait(tab, inGate({ role: 'heading', name: t.errorCookiesHeading }), timeout);
      await wait(tab, inGate({ text: cookieCopy(cause) }), timeout);
    },
    /** The cookie-blocked state, whatever cause it names (for measuring, not asserting). */
    async expectAnyCookiesBlocked(timeout?: number) {
      await wait(tab, inGate({ role: 'heading', name: t.errorCookiesHeading }), timeout);
    },
    /** The cause-specific copy now shown, or undefined. */
    async cookieMessage(): Promise<string | undefined> {
      return tab.evaluate<string | undefined>(
        `() => document.querySelector('paywall-gate')?.shadowRoot?.querySelector('[part~=error]')?.textContent?.trim()`,
      );
    },
  };
}

/** The mock's magic-link landing page (on the API's origin) and its problem pages. */
export function landing(tab: Tab) {
  return {
    async expectContinue(email: string) {
      await wait(tab, { role: 'heading', name: exactly('Sign in') });
      await wait(tab, { text: email });
      await wait(tab, { role: 'button', name: exactly('Continue') });
    },
    async continue() {
      await tab.click({ role: 'button', name: exactly('Continue') });
    },
    async expectExpired() {
      await wait(tab, { role: 'heading', name: 'This link has expired' });
    },
    async expectUsed() {
      await wait(tab, { role: 'heading', name: 'This link was already used' });
    },
    /** The form to ask for a new link is offered, with the email filled in. */
    async expectNewLinkForm(email: string) {
      await wait(tab, { role: 'button', name: 'Email me a new link' });
      const value = await tab.evaluate<string>(`() => document.querySelector('#request-email')?.value ?? ''`);
      if (value !== email) throw new Error(`the new-link form holds "${value}", not ${email}`);
    },
  };
}

/** The mock's fake Stripe Checkout. */
export function checkout(tab: Tab) {
  return {
    /** The tab is on checkout (it went there by itself, or after "Buy"). */
    async expectOpen(timeout?: number) {
      // At the mock's root, or under the site's /api when the site serves the API (its proxy).
      await tab.waitUntil(`() => /^(\\/[^/]+)?\\/_mock\\/checkout\\//.test(location.pathname)`, {
        timeout,
        message: 'checkout page not reached',
      });
      await wait(tab, { role: 'button', name: exactly('Pay') }, timeout);
    },
    async pay() {
      await this.expectOpen();
      await tab.click({ role: 'button', name: exactly('Pay') });
    },
  };
}

/** `<visitor-session>` in the site's navigation. */
export function session(tab: Tab) {
  return {
    async expectSignedIn(email: string) {
      await wait(tab, { within: SESSION, text: fill(s.signedInAs, { email }) });
    },
    async expectSignedOut() {
      await wait(tab, { within: SESSION, role: 'button', name: exactly(s.signIn) });
    },
    async signOut() {
      await tab.click({ within: SESSION, role: 'button', name: s.signOut });
    },
  };
}

/** `<visitor-access-list>` on the "My access" page. */
export function accessList(tab: Tab) {
  return {
    async expectPurchase(title: string) {
      await wait(tab, { within: LIST, text: title });
      await wait(tab, { within: LIST, role: 'cell', name: s.typePurchase });
    },
  };
}

/** `<group-buy-card>`. */
export function groupBuy(tab: Tab) {
  const inCard = (q: Query): Query => ({ ...q, within: GROUP });
  const progress = (count: number, target: number) => fill(s.groupProgress, { count, target });
  return {
    async expectProgress(count: number, target: number) {
      await wait(tab, inCard({ text: exactly(progress(count, target)) }));
    },
    async joinIn() {
      await tab.click(inCard({ role: 'button', name: s.interested }));
    },
    /**
     * A signed-out visitor who pressed "I'm interested" (or "Buy for …") signs in inside the card:
     * the email, the same primary button, then "Check your email" with the code field.
     */
    async signIn(email: string, intent: 'interest' | 'buy', price = '') {
      await tab.fill(inCard({ role: 'textbox', name: s.emailLabel }), email);
      const button = intent === 'buy' ? fill(s.buy, { price }) : s.sendLink;
      await tab.click(inCard({ role: 'button', name: exactly(button) }));
      await wait(tab, inCard({ role: 'heading', name: s.checkEmailHeading }));
      await wait(tab, inCard({ text: intent === 'buy' ? s.checkEmailThenBuy : s.checkEmailThenSignIn }));
      await wait(tab, inCard({ role: 'textbox', name: s.codeLabel }));
    },
    async enterCode(code: string) {
      await tab.fill(inCard({ role: 'textbox', name: s.codeLabel }), code);
    },
    async withdraw() {
      await tab.click(inCard({ role: 'button', name: s.withdraw }));
    },
    async expectInterested() {
      await wait(tab, inCard({ text: s.youAreInterested }));
    },
    /** Activated: "The offer is live" and "Buy for {price}". */
    async expectLive(price: string) {
      await wait(tab, inCard({ text: exactly(s.groupActive) }));
      await wait(tab, inCard({ role: 'button', name: exactly(fill(s.buy, { price })) }));
    },
    async buy(price: string) {
      await tab.click(inCard({ role: 'button', name: exactly(fill(s.buy, { price })) }));
    },
    async expectOwned() {
      await wait(tab, inCard({ text: s.groupOwned }));
    },
  };
}
