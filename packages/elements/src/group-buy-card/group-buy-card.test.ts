import { createClient } from '@visitor-access/sdk';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  $,
  apiBase,
  askForCode,
  dev,
  freshClient,
  latestMessage,
  mount,
  noAxeViolations,
  resetAll,
  setUrl,
  shadowText,
  signInDirectly,
  signOutDirectly,
  type,
  uniqueEmail,
  verifyToken,
  waitFor,
} from '../../test/helpers.js';
import './define.js';
import type { GroupBuyCard } from './group-buy-card.js';

const card = (slug = 'spring-bundle') =>
  mount<GroupBuyCard>(
    `<group-buy-card handle="gharart" slug="${slug}" api-base="${apiBase}" locale="en-US"></group-buy-card>`,
    'group-buy-card',
  );
const count = (el: Element) => Number($(el, '[part~=progress-label]')?.textContent?.split(' ')[0]);
const button = (el: Element, text: string) =>
  [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.includes(text));

/** Makes a test group buy (target 1) active: one visitor's interest, then the creator's activation. */
async function activate(slug: string): Promise<void> {
  await signInDirectly(uniqueEmail('interested'));
  await fetch(`${apiBase}/v2/public/group-buys/gharart/${slug}/interest`, {
    method: 'POST',
    credentials: 'include',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
  await signOutDirectly();
  await dev(`/group-buys/gharart/${slug}/activate`, {});
}

/** A live card signed out, its navigations recorded, after "Buy for $29.00": at the email field. */
async function buyWhileSignedOut(slug: string): Promise<{ el: GroupBuyCard; navigations: string[] }> {
  await activate(slug);
  const el = card(slug);
  el.client = freshClient();
  const navigations: string[] = [];
  el.navigate = (url) => navigations.push(url);
  (await waitFor(() => button(el, 'Buy for $29.00'), 'the buy button')).click();
  await waitFor(() => $(el, 'input[name=email]'), 'the email field');
  return { el, navigations };
}

beforeEach(resetAll);

describe('<group-buy-card>', () => {
  it('shows title, price and progress toward the target', async () => {
    const el = card();
    el.client = freshClient();
    await waitFor(() => $(el, '[part~=progress]'), 'the card');
    expect($(el, '[part~=price]')?.textContent).toBe('$49.00');
    expect($(el, '[part~=progress-label]')?.textContent).toMatch(/^\d+ of 3 interested$/);
    expect($(el, '[role=progressbar]')?.getAttribute('aria-valuemax')).toBe('3');
    expect(shadowText(el)).toMatch(/Collecting interest|Target reached|The offer is live/);
    await noAxeViolations(el);
  });

  it('signed out: "I\'m interested" goes through sign-in, then records the interest', async () => {
    const el = card();
    el.client = freshClient();
    const interested = await waitFor(() => button(el, 'I’m interested'), 'the button');
    const before = count(el);
    interested.click();
    await waitFor(() => $(el, 'input[name=email]'), 'the sign-in form');
    const email = await askForCode(el);
    await noAxeViolations(el);
    const { code } = await latestMessage(email);
    type($<HTMLInputElement>(el, 'input[name=code]')!, code);
    await waitFor(() => shadowText(el).includes('You’re in. We’ll email you when the offer opens.'), 'the interest');
    expect(count(el)).toBe(before + 1);
  });

  it('withdraws, and shows the status once the target is reached', async () => {
    await signInDirectly(uniqueEmail());
    const el = card();
    el.client = freshClient();
    const interested = await waitFor(() => button(el, 'I’m interested'), 'the button');
    const before = count(el);
    interested.click();
    await waitFor(() => button(el, 'Withdraw'), 'the withdraw button');
    expect(count(el)).toBe(before + 1);
    button(el, 'Withdraw')!.click();
    await waitFor(() => button(el, 'I’m interested'), 'interest withdrawn');
    expect(count(el)).toBe(before);
  });

  it('an unknown group buy says so', async () => {
    const el = card('nope');
    el.client = freshClient();
    await waitFor(() => shadowText(el).includes('This group buy does not exist'), 'not found');
  });
});

describe('<group-buy-card> once the offer is live', () => {
  it('offers "Buy for $29.00" through the linked page’s checkout, then says the visitor owns it', async () => {
    await activate('gb-live-buy');
    await signInDirectly(uniqueEmail('buyer'));
    const el = card('gb-live-buy');
    el.client = freshClient();
    const buy = await waitFor(() => button(el, 'Buy for $29.00'), 'the buy button');
    expect(shadowText(el)).toContain('The offer is live');
    expect(el.shadowRoot!.querySelectorAll('[part~=button-primary]')).toHaveLength(1);
    await noAxeViolations(el);
    const navigated = new Promise<string>((resolve) => (el.navigate = resolve));
    buy.click();
    const url = await navigated;
    expect(url).toMatch(/\/_mock\/checkout\//);
    const sessionId = url.split('/').pop()!;
    await dev(`/checkout/${sessionId}/complete`, { outcome: 'paid' });
    // Back from checkout: the card confirms the payment.
    document.body.replaceChildren();
    setUrl(`${location.pathname}?va_checkout=success&session_id=${sessionId}&va_gate=gharart/gb-live-buy`);
    const back = card('gb-live-buy');
    back.client = freshClient();
    await waitFor(() => shadowText(back).includes('You bought this.'), 'the owned state');
    expect(location.search).toBe('');
    expect(button(back, 'Buy for')).toBeUndefined();
  });

  it('signed out: "Buy for …" asks for the email, and the code typed here goes on to checkout', async () => {
    const { el, navigations } = await buyWhileSignedOut('gb-live-sign-in');
    expect($(el, 'form [part~=button-primary]')?.textContent?.trim()).toBe('Buy for $29.00');
    const email = await askForCode(el);
    const { code, link } = await latestMessage(email);
    expect(new URL(new URL(link).searchParams.get('returnTo')!).searchParams.get('va_buy')).toBe(
      'gharart/gb-live-sign-in',
    );
    type($<HTMLInputElement>(el, 'input[name=code]')!, code);
    await waitFor(() => navigations.length === 1, 'the checkout');
    expect(navigations[0]).toMatch(/\/_mock\/checkout\//);
  });

  it('signed out: the link opened in another tab goes on to checkout there; the card that asked waits', async () => {
    await activate('gb-live-link-tab');
    const asked = card('gb-live-link-tab');
    asked.client = freshClient();
    const seen: string[] = [];
    asked.navigate = (url) => seen.push(`asked:${url}`);
    (await waitFor(() => button(asked, 'Buy for $29.00'), 'the buy button')).click();
    await waitFor(() => $(asked, 'input[name=email]'), 'the email field');
    const email = uniqueEmail();
    $<HTMLInputElement>(asked, 'input[name=email]')!.value = email;
    $<HTMLButtonElement>(asked, 'form button[type=submit]')!.click();
    await waitFor(() => $(asked, 'input[name=code]'), 'the code field');
    const { token, link } = await latestMessage(email);
    const returnTo = new URL(new URL(link).searchParams.get('returnTo')!);
    await verifyToken(token); // the landing page's "Continue"
    setUrl(`${returnTo.pathname}${returnTo.search}`);
    const linkTab = card('gb-live-link-tab');
    linkTab.client = freshClient();
    linkTab.navigate = (url) => seen.push(`link:${url}`);
    await waitFor(() => seen.length === 1, 'the checkout');
    expect(seen[0]).toMatch(/^link:.*\/_mock\/checkout\//);
    await waitFor(
      () => button(asked, 'Buy for $29.00') && !$(asked, 'input[name=code]'),
      'the waiting card to offer Buy',
    );
    await new Promise((r) => setTimeout(r, 300));
    expect(seen).toHaveLength(1);
  });

  it('a stranger’s link after "Buy for …" does not go on to checkout (issue 19): the card offers Buy', async () => {
    const { el: asked, navigations: seen } = await buyWhileSignedOut('gb-live-stranger');
    await askForCode(asked, uniqueEmail('buyer'));
    asked.remove();
    // Someone else's link, made to return here marked "buy": used in this browser.
    const theirs = uniqueEmail('stranger');
    await fetch(`${apiBase}/v2/visitor/auth/magic-link`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: theirs }),
    });
    await verifyToken((await latestMessage(theirs)).token);
    setUrl(`${location.pathname}?va_buy=gharart/gb-live-stranger&va_signed_in=1`);
    const linkTab = card('gb-live-stranger');
    linkTab.client = freshClient();
    linkTab.navigate = (url) => seen.push(url);
    await waitFor(() => button(linkTab, 'Buy for $29.00') && !button(linkTab, 'Buy for $29.00')!.disabled, 'Buy');
    await new Promise((r) => setTimeout(r, 400));
    expect(seen).toEqual([]);
    expect(localStorage.getItem('va:buy:gharart/gb-live-stranger')).toBeNull();
  });

  it('the activation email links to the creator’s site, where the card offers the purchase', async () => {
    // A handle with a site: the email links there, never to the API.
    await dev('/handles/gharart', { allowedOrigins: [location.origin] }, 'PUT');
    try {
      const email = uniqueEmail('early');
      await signInDirectly(email);
      await fetch(`${apiBase}/v2/public/group-buys/gharart/gb-live-link/interest`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      await dev('/group-buys/gharart/gb-live-link/activate', {});
      const { messages } = await dev<{ messages: Array<{ subject: string; link: string }> }>(
        `/messages?to=${encodeURIComponent(email)}`,
      );
      const live = messages.find((m) => m.subject.includes('is live'))!;
      expect(live.link.startsWith(location.origin)).toBe(true);
      expect(live.link).not.toContain(apiBase);
      const el = card('gb-live-link');
      el.client = freshClient();
      await waitFor(() => button(el, 'Buy for $29.00'), 'the buy button');
    } finally {
      await dev('/handles/gharart', { allowedOrigins: [] }, 'PUT');
    }
  });

  it('a live group buy without a page to sell says it is live and offers nothing to click', async () => {
    await activate('gb-legacy');
    const el = card('gb-legacy');
    el.client = freshClient();
    await waitFor(() => shadowText(el).includes('The offer is live'), 'active');
    expect(button(el, 'Buy for')).toBeUndefined();
    expect(button(el, 'I’m interested')).toBeUndefined();
  });

  it('an error comes with "Try again", then "Report a problem", which returns a report ID', async () => {
    const sent: string[] = [];
    let failing = true;
    const client = createClient({
      baseUrl: apiBase,
      fetch: async (input, init) => {
        const request = new Request(input, init);
        sent.push(new URL(request.url).pathname);
        if (failing && request.url.includes('/group-buys/gharart/gb-live-report'))
          return new Response('{"error":"storage_unavailable","message":"x","requestId":"req_card"}', {
            status: 503,
            headers: { 'content-type': 'application/json', 'x-request-id': 'req_card' },
          });
        return fetch(request);
      },
      retry: 0,
    });
    const el = card('gb-live-report');
    el.client = client;
    await waitFor(() => button(el, 'Report a problem'), 'the report button');
    const buttons = [...el.shadowRoot!.querySelectorAll('button')].map((b) => b.textContent!.trim());
    expect(buttons).toEqual(['Try again', 'Report a problem']);
    expect($(el, '[part~=support-code]')?.textContent).toContain('req_card');
    await noAxeViolations(el);
    button(el, 'Report a problem')!.click();
    await waitFor(() => $(el, '[part~=report-result]'), 'the report ID');
    expect($(el, '[part~=report-result]')?.textContent).toMatch(/Reference: rep_\w+/);
    failing = false;
    button(el, 'Try again')!.click();
    await waitFor(() => $(el, '[part~=progress]'), 'the card');
  });
});
