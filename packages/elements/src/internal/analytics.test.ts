// The funnel events (spec "Analytics"): the events of a whole journey, once each, with nothing
// personal in any payload; the dataLayer opt-in; and the three recipes of docs/elements.md run
// as written against stubs of gtag, plausible and posthog.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import elementsDoc from '../../../../docs/elements.md?raw';
import {
  $,
  apiBase,
  dev,
  signInDirectly,
  signOutDirectly,
  freshClient,
  latestMessage,
  mount,
  resetAll,
  setUrl,
  type,
  uniqueEmail,
  uniquePage,
  waitFor,
  waitForState,
} from '../../test/helpers.js';
import '../define.js';
import type { PaywallGate } from '../paywall-gate/paywall-gate.js';
import type { GroupBuyCard } from '../group-buy-card/group-buy-card.js';
import { resetAnalytics, setDefaultAnalytics, transactionId } from './analytics.js';
import { VaAnalyticsEvent } from './events.js';
import type { AnalyticsPayload } from './events.js';

type Window = typeof window & { dataLayer?: unknown[] };
const w = window as Window;

let seen: AnalyticsPayload[] = [];
const onEvent = (e: VaAnalyticsEvent) => seen.push(e.detail);

beforeEach(async () => {
  await resetAll();
  resetAnalytics();
  setDefaultAnalytics(undefined);
  delete w.dataLayer;
  seen = [];
  document.addEventListener('va-analytics', onEvent);
});
afterEach(() => {
  document.removeEventListener('va-analytics', onEvent);
  setDefaultAnalytics(undefined);
});

/** Nothing personal in what was reported (the DOM events and dataLayer), by any spelling. */
function nothingPersonal(secrets: string[]): void {
  const everything = JSON.stringify([seen, w.dataLayer]);
  for (const secret of secrets) expect(everything, secret).not.toContain(secret);
  expect(everything).not.toMatch(/@|va_token|cs_test_|\b\d{6}\b/);
  for (const payload of seen) {
    expect(
      Object.keys(payload).filter((k) => !ALLOWED.has(k)),
      payload.event,
    ).toEqual([]);
  }
}

const gate = (slug: string, extra = '') => {
  const el = mount<PaywallGate>(
    `<paywall-gate handle="gharart" page="${slug}" api-base="${apiBase}" ${extra}><p>Content</p></paywall-gate>`,
    'paywall-gate',
  );
  el.client = freshClient();
  return el;
};
const names = () => seen.map((p) => p.event);
const ALLOWED = new Set(['event', 'handle', 'page', 'group_buy', 'method', 'value', 'currency', 'transaction_id']);

describe('a whole journey: paywall, email, code, checkout, payment, content', () => {
  it('reports each step once, to the DOM and to dataLayer, and never an email, a token, a code or a session id', async () => {
    const slug = await uniquePage('PAID', { title: 'Linocut basics', price: 1900, currency: 'USD' });
    const el = gate(slug, 'analytics="dataLayer"');
    const left = new Promise<string>((resolve) => (el.navigate = resolve));
    await waitForState(el, 'sign-in');
    const email = uniqueEmail('Private.Person');
    const input = $<HTMLInputElement>(el, 'input[name=email]')!;
    input.value = email;
    $<HTMLButtonElement>(el, 'form button[type=submit]')!.click();
    await waitForState(el, 'check-email');
    const message = await latestMessage(email);
    type($<HTMLInputElement>(el, 'input[name=code]')!, message.code);
    const checkoutUrl = await left;
    const sessionId = new URL(checkoutUrl).pathname.split('/').pop()!;
    expect(names()).toEqual(['paywall_view', 'email_submitted', 'login', 'begin_checkout']);
    expect(seen[2]).toEqual({ event: 'login', handle: 'gharart', page: slug, method: 'code' });
    expect(seen[3]).toEqual({ event: 'begin_checkout', handle: 'gharart', page: slug, value: 19, currency: 'USD' });

    // The payment, then the return: a new page view of the same page.
    await dev(`/checkout/${sessionId}/complete`, { outcome: 'paid' });
    document.body.replaceChildren();
    resetAnalytics();
    setUrl(`${location.pathname}?va_checkout=success&session_id=${sessionId}&va_gate=gharart/${slug}`);
    const back = gate(slug, 'analytics="dataLayer"');
    await waitForState(back, 'granted');
    await waitFor(() => names().includes('purchase'), 'the purchase event');
    const purchase = seen.find((p) => p.event === 'purchase')!;
    expect(purchase).toEqual({
      event: 'purchase',
      handle: 'gharart',
      page: slug,
      value: 19,
      currency: 'USD',
      transaction_id: await transactionId(sessionId),
    });
    expect(purchase.transaction_id).toMatch(/^[0-9a-f]{32}$/);
    expect(names().slice(4).sort()).toEqual(['access_granted', 'purchase']);

    // A background re-check, another tab's broadcast, a re-render: nothing counts twice.
    back.requestUpdate();
    document.dispatchEvent(new Event('visibilitychange'));
    await new Promise((r) => setTimeout(r, 300));
    expect(names()).toHaveLength(6);

    // dataLayer got the same payloads, as plain objects with `event` for Tag Manager.
    expect(w.dataLayer).toEqual(seen.map((p) => ({ ...p })));

    // Nothing personal, in any payload, by any spelling.
    nothingPersonal([email, email.toLowerCase(), message.token, message.code, sessionId]);
  });

  it('a sign-in by the emailed link is a login with method "link"', async () => {
    const email = uniqueEmail();
    await fetch(`${apiBase}/v2/visitor/auth/magic-link`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email }),
    });
    const { token } = await latestMessage(email);
    setUrl(`${location.pathname}?va_token=${token}`);
    const el = gate('members-lounge');
    await waitForState(el, 'confirm-link');
    [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.includes('Continue'))!.click();
    await waitForState(el, 'granted');
    await waitFor(() => names().includes('access_granted'), 'access_granted');
    expect(seen.find((p) => p.event === 'login')).toEqual({
      event: 'login',
      handle: 'gharart',
      page: 'members-lounge',
      method: 'link',
    });
    expect(JSON.stringify(seen)).not.toContain(token);
  });

  it('a public page is no paywall: no paywall_view, no access_granted', async () => {
    const slug = await uniquePage('PUBLIC');
    const el = gate(slug);
    await waitForState(el, 'granted');
    await new Promise((r) => setTimeout(r, 100));
    expect(seen).toEqual([]);
  });
});

describe('<group-buy-card>: the same funnel, each event naming the group buy (decision 0113)', () => {
  const card = (slug: string) => {
    const el = mount<GroupBuyCard>(
      `<group-buy-card handle="gharart" slug="${slug}" api-base="${apiBase}" analytics="dataLayer"></group-buy-card>`,
      'group-buy-card',
    );
    el.client = freshClient();
    return el;
  };
  const button = (el: Element, text: string) =>
    [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.includes(text));
  /** Types a fresh address (named `name`) in the card's email form, then the code emailed to it. */
  const signInByCode = async (el: Element, name: string) => {
    await waitFor(() => $(el, 'input[name=email]'), 'the email field');
    const email = uniqueEmail(name);
    $<HTMLInputElement>(el, 'input[name=email]')!.value = email;
    $<HTMLButtonElement>(el, 'form button[type=submit]')!.click();
    await waitFor(() => $(el, 'input[name=code]'), 'the code field');
    const message = await latestMessage(email);
    type($<HTMLInputElement>(el, 'input[name=code]')!, message.code);
    return { email, message };
  };

  it('a live offer: view, email, code, checkout, then on the return the purchase and the access', async () => {
    // The creator activates the group buy after one visitor's interest (not this visitor's).
    await signInDirectly(uniqueEmail('interested'));
    await fetch(`${apiBase}/v2/public/group-buys/gharart/gb-analytics/interest`, {
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    await signOutDirectly();
    await dev('/group-buys/gharart/gb-analytics/activate', {});
    seen = [];

    const ids = { handle: 'gharart', group_buy: 'gb-analytics', page: 'gb-analytics' };
    const el = card('gb-analytics');
    const left = new Promise<string>((resolve) => (el.navigate = resolve));
    (await waitFor(() => button(el, 'Buy for $29.00'), 'the buy button')).click();
    const { email, message } = await signInByCode(el, 'Private.Card');
    const sessionId = new URL(await left).pathname.split('/').pop()!;
    expect(seen).toEqual([
      { event: 'paywall_view', ...ids },
      { event: 'email_submitted', ...ids },
      { event: 'login', ...ids, method: 'code' },
      { event: 'begin_checkout', ...ids, value: 29, currency: 'USD' },
    ]);

    // Paid; the return is a new page view.
    await dev(`/checkout/${sessionId}/complete`, { outcome: 'paid' });
    document.body.replaceChildren();
    resetAnalytics();
    setUrl(`${location.pathname}?va_checkout=success&session_id=${sessionId}&va_gate=gharart/gb-analytics`);
    const back = card('gb-analytics');
    await waitFor(() => $(back, '[part~=owned]'), 'the owned state');
    await waitFor(() => seen.length === 6, 'purchase and access_granted');
    expect(seen.slice(4).sort((a, b) => a.event.localeCompare(b.event))).toEqual([
      { event: 'access_granted', ...ids },
      { event: 'purchase', ...ids, value: 29, currency: 'USD', transaction_id: await transactionId(sessionId) },
    ]);
    // Nothing counts twice: a re-render, a background re-check.
    back.requestUpdate();
    document.dispatchEvent(new Event('visibilitychange'));
    await new Promise((r) => setTimeout(r, 300));
    expect(seen).toHaveLength(6);
    expect(w.dataLayer).toEqual(seen.map((p) => ({ ...p })));
    nothingPersonal([email, email.toLowerCase(), message.token, message.code, sessionId]);
  });

  it('collecting interest: view, email, code, interest; no checkout, no purchase', async () => {
    const el = card('spring-bundle');
    (await waitFor(() => button(el, 'I’m interested'), 'the button')).click();
    const { email, message } = await signInByCode(el, 'Private.Interest');
    await waitFor(() => button(el, 'Withdraw'), 'the interest recorded');
    const ids = { handle: 'gharart', group_buy: 'spring-bundle', page: 'spring-bundle' };
    expect(seen).toEqual([
      { event: 'paywall_view', ...ids },
      { event: 'email_submitted', ...ids },
      { event: 'login', ...ids, method: 'code' },
      { event: 'group_buy_interest', ...ids },
    ]);
    expect(w.dataLayer).toEqual(seen.map((p) => ({ ...p })));
    nothingPersonal([email, email.toLowerCase(), message.token, message.code]);
  });

  it('back from a sign-in link (its landing page verified it): a login with method "link"', async () => {
    await signInDirectly(uniqueEmail());
    setUrl(`${location.pathname}?va_signed_in=1`);
    const el = card('spring-bundle');
    await waitFor(() => seen.some((p) => p.event === 'login'), 'the login');
    expect(seen.find((p) => p.event === 'login')).toEqual({
      event: 'login',
      handle: 'gharart',
      group_buy: 'spring-bundle',
      page: 'spring-bundle',
      method: 'link',
    });
    expect(el.isConnected).toBe(true);
  });
});

describe('dataLayer is opt-in', () => {
  it('without data-analytics nothing is pushed, though va-analytics is dispatched', async () => {
    const el = gate(await uniquePage('PAID', { price: 900, currency: 'EUR' }));
    await waitForState(el, 'sign-in');
    await waitFor(() => seen.length === 1, 'paywall_view');
    expect(w.dataLayer).toBeUndefined();
  });

  it('the script tag’s data-analytics="dataLayer" (setDefaultAnalytics) pushes for every element; analytics="none" opts one out', async () => {
    setDefaultAnalytics('dataLayer');
    w.dataLayer = [{ 'gtm.start': 1 }];
    const a = gate(await uniquePage('FREE_WITH_LOGIN'));
    const b = gate(await uniquePage('FREE_WITH_LOGIN'), 'analytics="none"');
    await waitForState(a, 'sign-in');
    await waitForState(b, 'sign-in');
    await waitFor(() => seen.length === 2, 'two paywall views');
    expect(w.dataLayer).toEqual([{ 'gtm.start': 1 }, { event: 'paywall_view', handle: 'gharart', page: a.page }]);
  });
});

describe('the recipes in docs/elements.md, against stubs of each tool', () => {
  /** Runs a recipe as a page would, with its listener removed afterwards. */
  function runRecipe(name: string, globals: Record<string, unknown>): () => void {
    const match = new RegExp(`<!-- recipe: ${name} -->\\s*\`\`\`js\\n([\\s\\S]*?)\`\`\``).exec(elementsDoc);
    expect(match, `recipe ${name} in docs/elements.md`).not.toBeNull();
    const listeners: Array<[string, EventListener]> = [];
    const doc = {
      addEventListener: (type: string, listener: EventListener) => {
        listeners.push([type, listener]);
        document.addEventListener(type, listener);
      },
    };
    new Function('document', ...Object.keys(globals), match![1]!)(doc, ...Object.values(globals));
    return () => listeners.forEach(([t, l]) => document.removeEventListener(t, l));
  }

  /** A purchase's parameters, as the gate reports them after the return from checkout. */
  const bought = {
    handle: 'gharart',
    page: 'masterclass',
    value: 19,
    currency: 'USD',
    transaction_id: '0123456789abcdef0123456789abcdef',
  };
  const purchase = (): VaAnalyticsEvent => new VaAnalyticsEvent({ event: 'purchase', ...bought });

  async function paywallView(): Promise<PaywallGate> {
    const el = gate(await uniquePage('PAID', { price: 1900, currency: 'USD' }));
    await waitForState(el, 'sign-in');
    await waitFor(() => seen.length === 1, 'paywall_view');
    return el;
  }

  it('GA4: gtag("event", name, params), as gtag.js queues it on dataLayer', async () => {
    // gtag.js's own snippet: gtag() queues its arguments on dataLayer.
    w.dataLayer = [];
    function gtag(..._args: unknown[]) {
      // eslint-disable-next-line prefer-rest-params
      w.dataLayer!.push(arguments);
    }
    const stop = runRecipe('ga4', { gtag });
    const el = await paywallView();
    el.dispatchEvent(purchase());
    stop();
    const calls = w.dataLayer.map((args) => [...(args as IArguments)]);
    expect(calls).toEqual([
      ['event', 'paywall_view', { handle: 'gharart', page: el.page }],
      ['event', 'purchase', bought],
    ]);
  });

  it('Plausible: plausible(name, { props }), with revenue for a purchase', async () => {
    const calls: unknown[][] = [];
    const stop = runRecipe('plausible', { plausible: (...args: unknown[]) => calls.push(args) });
    const el = await paywallView();
    el.dispatchEvent(purchase());
    stop();
    expect(calls).toEqual([
      ['paywall_view', { props: { handle: 'gharart', page: el.page } }],
      [
        'purchase',
        {
          props: { handle: 'gharart', page: 'masterclass', transaction_id: '0123456789abcdef0123456789abcdef' },
          revenue: { amount: 19, currency: 'USD' },
        },
      ],
    ]);
  });

  it('PostHog: posthog.capture(name, properties)', async () => {
    const calls: unknown[][] = [];
    const stop = runRecipe('posthog', { posthog: { capture: (...args: unknown[]) => calls.push(args) } });
    const el = await paywallView();
    el.dispatchEvent(purchase());
    stop();
    expect(calls).toEqual([
      ['paywall_view', { handle: 'gharart', page: el.page }],
      ['purchase', bought],
    ]);
  });
});
