// A bad day for the API, in Chromium: every element on a mock whose faults are switched on and off
// through its development API (PUT /_mock/api/faults: the elements cannot send X-Mock-Fault, so
// rules pick the paths). Under 503 (after the SDK's retries), a timeout and a dropped connection,
// each element shows its error with "Try again"; when the fault is gone, "Try again" works. The mock
// is one of its own (faultApiBase), so these faults reach no other test file.
import { createClient } from '@visitor-access/sdk/lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { $, mount, resetAll, shadowText, type, uniqueEmail, waitFor, waitForState } from '../../test/helpers.js';
import type { VaErrorEvent } from './events.js';
import '../define.js';
import type { GroupBuyCard } from '../group-buy-card/group-buy-card.js';
import type { PaywallGate } from '../paywall-gate/paywall-gate.js';
import type { VisitorAccessList } from '../visitor-access-list/visitor-access-list.js';
import type { VisitorSession } from '../visitor-session/visitor-session.js';

const base = inject('faultApiBase');

/** Replaces the mock's fault settings (`{}` switches every fault off). */
async function faults(settings: unknown): Promise<void> {
  const res = await fetch(`${base}/_mock/api/faults`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(settings),
  });
  if (!res.ok) throw new Error(`faults: ${res.status} ${await res.text()}`);
}

/** The whole API down with one fault (never the development API: it is never faulted). */
const everything = (fault: string) => ({
  rules: [
    { path: '/v2/*', fault },
    { path: '/_edge/*', fault },
  ],
});

/** The faults the mock logged for API paths since `since` (its request log, newest first). */
async function faultsLogged(since: number): Promise<string[]> {
  const { requests } = (await (await fetch(`${base}/_mock/api/requests?limit=200`)).json()) as {
    requests: Array<{ path: string; fault?: string; at: string }>;
  };
  return requests.filter((r) => Date.parse(r.at) >= since && r.fault).map((r) => r.fault!);
}

/**
 * A client as the elements make one (the lite SDK, default retries), with a short per-attempt timeout
 * so that a `timeout` shows within the test; the one test with the default (10 s) is the gate's.
 */
const client = (timeout = 1500) => createClient({ baseUrl: base, timeout, sessionChannel: false });

const button = (el: Element, text: string) =>
  [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.includes(text));

const MESSAGES = {
  '503': 'The service is not answering right now. Try again in a moment.',
  timeout: 'We could not reach the server. Check your connection and try again.',
  reset: 'We could not reach the server. Check your connection and try again.',
} as const;
const CODES = { '503': 'service_unavailable', timeout: 'network', reset: 'network' } as const;

beforeEach(async () => {
  await resetAll();
  await faults({});
});
afterEach(() => faults({}));

describe.each(['503', 'timeout', 'reset'] as const)('fault %s', (fault) => {
  /** Mounts an element with every route failing with `fault` and waits for its error. */
  async function mountFailing<T extends HTMLElement & { client: unknown }>(
    markup: string,
    selector: string,
  ): Promise<T> {
    await faults(everything(fault));
    const el = mount<T>(markup, selector);
    el.client = client();
    await waitFor(() => $(el, '[part~=error]'), 'the error');
    return el;
  }

  /** The API is back: "Try again". */
  async function healAndRetry(el: HTMLElement): Promise<void> {
    await faults({});
    button(el, 'Try again')!.click();
  }

  it('<paywall-gate>: the error with "Try again", which works once the API is back', async () => {
    await faults(everything(fault));
    const since = Date.now();
    const el = mount<PaywallGate>(
      `<paywall-gate handle="gharart" page="masterclass" api-base="${base}" locale="en-US"></paywall-gate>`,
      'paywall-gate',
    );
    const errors: string[] = [];
    el.addEventListener('va-error', (e) => errors.push((e as VaErrorEvent).detail.code));
    el.client = client();
    await waitForState(el, 'error');
    expect($(el, '[part~=error]')?.textContent?.trim()).toBe(MESSAGES[fault]);
    expect(errors).toEqual([CODES[fault]]);
    expect(button(el, 'Try again')).toBeDefined();
    expect(button(el, 'Report a problem')).toBeDefined();
    // The SDK tried three times (a timeout is not retried: the visitor has waited long enough). Chromium
    // itself sends a request again, once, when a kept-alive connection was reset under it.
    const logged = await faultsLogged(since);
    if (fault === 'timeout') expect(logged).toEqual(['timeout']);
    else if (fault === '503') expect(logged).toEqual(['503', '503', '503']);
    else expect(logged.length === 3 || logged.length === 4 ? new Set(logged) : logged).toEqual(new Set(['reset']));

    await healAndRetry(el);
    await waitForState(el, 'sign-in');
    expect(button(el, 'Buy for $19.00')).toBeDefined();
  });

  it('<visitor-session>: "Account unavailable" with "Try again", never "Sign in"; then it recovers', async () => {
    const el = await mountFailing<VisitorSession>(
      `<visitor-session api-base="${base}"></visitor-session>`,
      'visitor-session',
    );
    expect(shadowText(el)).toContain('Account unavailable');
    expect(button(el, 'Sign in')).toBeUndefined();
    await healAndRetry(el);
    await waitFor(() => button(el, 'Sign in'), 'the sign-in button');
  });

  it('<visitor-access-list>: the error with "Try again"; then the list', async () => {
    const el = await mountFailing<VisitorAccessList>(
      `<visitor-access-list api-base="${base}"></visitor-access-list>`,
      'visitor-access-list',
    );
    expect($(el, '[part~=error]')?.textContent?.trim()).toBe(MESSAGES[fault]);
    await healAndRetry(el);
    await waitFor(() => shadowText(el).includes('Sign in to see the pages you have access to'), 'the list');
  });

  it('<group-buy-card>: the error with "Try again"; then the card', async () => {
    const el = await mountFailing<GroupBuyCard>(
      `<group-buy-card handle="gharart" slug="spring-bundle" api-base="${base}" locale="en-US"></group-buy-card>`,
      'group-buy-card',
    );
    expect($(el, '[part~=error]')?.textContent?.trim()).toBe(MESSAGES[fault]);
    await healAndRetry(el);
    await waitFor(() => $(el, '[part~=progress]'), 'the card');
    expect($(el, '[part~=progress-label]')?.textContent).toMatch(/^\d+ of 3 interested$/);
  });
});

describe('<paywall-gate> signing in on a bad day', () => {
  it('with the default client, a hung API shows the error after the 10-second timeout', async () => {
    await faults(everything('timeout'));
    const el = mount<PaywallGate>(
      `<paywall-gate handle="gharart" page="masterclass" api-base="${base}" locale="en-US"></paywall-gate>`,
      'paywall-gate',
    );
    el.client = createClient({ baseUrl: base, sessionChannel: false });
    const started = performance.now();
    await waitFor(() => el.getAttribute('state') === 'error', 'the error', 15_000);
    expect(performance.now() - started).toBeGreaterThan(9_000);
    expect($(el, '[part~=error]')?.textContent?.trim()).toBe(MESSAGES.timeout);
  }, 20_000);

  it('a link that cannot be sent says so by the button and keeps the email; sending again works', async () => {
    const el = mount<PaywallGate>(
      `<paywall-gate handle="gharart" page="masterclass" api-base="${base}" locale="en-US"></paywall-gate>`,
      'paywall-gate',
    );
    el.client = client();
    await waitForState(el, 'sign-in');
    await faults({ rules: [{ method: 'POST', path: '/v2/visitor/auth/magic-link', fault: '503' }] });
    const email = uniqueEmail('bad-day');
    const input = $<HTMLInputElement>(el, 'input[name=email]')!;
    input.value = email;
    button(el, 'Buy for $19.00')!.click();
    await waitFor(() => $(el, '[part~=field-error]'), 'the error by the field');
    expect($(el, '[part~=field-error]')?.textContent?.trim()).toBe(MESSAGES['503']);
    expect($(el, '[part~=field-error]')?.getAttribute('role')).toBe('alert');
    expect(el.getAttribute('state')).toBe('sign-in');
    expect($<HTMLInputElement>(el, 'input[name=email]')!.value).toBe(email);
    expect(button(el, 'Buy for $19.00')!.disabled).toBe(false);

    await faults({});
    button(el, 'Buy for $19.00')!.click();
    await waitForState(el, 'check-email');
    // Three refused attempts sent nothing: one email for the one request that went through.
    const { messages } = await (await fetch(`${base}/_mock/api/messages?to=${encodeURIComponent(email)}`)).json();
    expect(messages).toHaveLength(1);
  });

  it('a code that cannot be checked says so and stays; the same code then signs in and goes on to buy', async () => {
    const el = mount<PaywallGate>(
      `<paywall-gate handle="gharart" page="masterclass" api-base="${base}" locale="en-US"></paywall-gate>`,
      'paywall-gate',
    );
    const left: string[] = [];
    el.navigate = (url) => left.push(url);
    el.client = client();
    await waitForState(el, 'sign-in');
    const email = uniqueEmail('code-day');
    $<HTMLInputElement>(el, 'input[name=email]')!.value = email;
    button(el, 'Buy for $19.00')!.click();
    await waitForState(el, 'check-email');
    const { messages } = await (await fetch(`${base}/_mock/api/messages?to=${encodeURIComponent(email)}`)).json();

    await faults({ rules: [{ method: 'POST', path: '/v2/visitor/auth/verify', fault: 'reset' }] });
    type($<HTMLInputElement>(el, 'input[name=code]')!, messages[0].code);
    await waitFor(() => $(el, '#va-code-error'), 'the error by the code');
    expect($(el, '#va-code-error')?.textContent?.trim()).toBe(MESSAGES.reset);
    expect($(el, 'input[name=code]')?.getAttribute('aria-invalid')).toBe('false');
    expect(el.getAttribute('state')).toBe('check-email');

    await faults({});
    button(el, 'Sign in with code')!.click();
    await waitFor(() => left.length > 0, 'the checkout');
    expect(left[0]).toMatch(new RegExp(`^${base}/_mock/checkout/cs_test_`));
    await fetch(`${base}/v2/visitor/auth/logout`, { method: 'POST', credentials: 'include' });
  });
});
