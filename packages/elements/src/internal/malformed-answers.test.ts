// Malformed or unexpected API answers (decision 0036). The elements use the lite SDK, which does
// not validate answers, so each element reads what it needs through `read` (shapes.ts). Every test
// here answers one request with a wrong shape, checks what the visitor sees, and checks that no
// exception reached the page. The client is the lite one, as in production: the default SDK entry
// (freshClient) would reject these answers itself and hide a missing guard.
import { createClient } from '@visitor-access/sdk/lite';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  $,
  apiBase,
  mount,
  resetAll,
  shadowText,
  signInDirectly,
  uniqueEmail,
  waitFor,
  waitForState,
} from '../../test/helpers.js';
import type { VaErrorEvent } from './events.js';
import '../define.js';
import type { GroupBuyCard } from '../group-buy-card/group-buy-card.js';
import type { PaywallGate } from '../paywall-gate/paywall-gate.js';
import type { VisitorAccessList } from '../visitor-access-list/visitor-access-list.js';
import type { VisitorSession } from '../visitor-session/visitor-session.js';

const REQUEST_ID = 'req_malformed_answer';

/**
 * A lite client on the real mock, except for the answers queued with `answer(method, path, body)`:
 * the next request whose path ends with `path` gets `200 body` (with a request ID) instead of
 * reaching the mock. `hits` counts the answers given; `sent` records every request body.
 */
function overridingClient() {
  const queue: Array<{ method: string; path: string; body: unknown }> = [];
  const sent: Array<{ url: string; body: string }> = [];
  let hits = 0;
  const client = createClient({
    baseUrl: apiBase,
    // Other test files sign in and out in parallel: their session broadcasts must not reach this client.
    sessionChannel: false,
    fetch: async (input, init) => {
      const request = new Request(input, init);
      const path = new URL(request.url).pathname;
      const i = queue.findIndex((o) => o.method === request.method && path.endsWith(o.path));
      if (i >= 0) {
        const { body } = queue.splice(i, 1)[0]!;
        hits++;
        return new Response(JSON.stringify(body), {
          status: 200,
          headers: { 'content-type': 'application/json', 'x-request-id': REQUEST_ID },
        });
      }
      sent.push({ url: request.url, body: await request.clone().text() });
      return fetch(request);
    },
  });
  return {
    client,
    sent,
    get hits() {
      return hits;
    },
    /** Queues `times` answers (more than one where a broadcast from another test may reload). */
    answer(method: string, path: string, body: unknown, times = 1) {
      for (let n = 0; n < times; n++) queue.push({ method, path, body });
    },
    clear() {
      queue.length = 0;
    },
  };
}

/** Exceptions that reached the page. */
const uncaught: unknown[] = [];
const onError = (e: ErrorEvent) => uncaught.push(e.error ?? e.message);
const onRejection = (e: PromiseRejectionEvent) => uncaught.push(e.reason);

/** Lets pending requests, renders and rejections settle, then checks that nothing escaped. */
async function expectNothingUncaught(): Promise<void> {
  await new Promise((r) => setTimeout(r, 150));
  expect(uncaught.map(String)).toEqual([]);
}

const nextError = (el: HTMLElement) =>
  new Promise<VaErrorEvent>((resolve) => el.addEventListener('va-error', resolve, { once: true }));

const button = (el: Element, text: string) =>
  [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.includes(text));

function gate(page: string, client: ReturnType<typeof overridingClient>['client']): PaywallGate {
  const el = mount<PaywallGate>(
    `<paywall-gate handle="gharart" page="${page}" api-base="${apiBase}"><p class="secret">The protected content</p></paywall-gate>`,
    'paywall-gate',
  );
  el.client = client;
  return el;
}

/** A well-formed access check of a paid page, so that tests do not depend on a real purchase state. */
const purchase = {
  hasAccess: false,
  reason: 'purchase_required',
  page: { handle: 'gharart', slug: 'masterclass', title: 'Masterclass', mode: 'PAID', price: 1900, currency: 'USD' },
};

const slotted = (el: PaywallGate) => el.querySelector('.secret')!.assignedSlot !== null;

beforeEach(async () => {
  await resetAll();
  uncaught.length = 0;
  addEventListener('error', onError);
  addEventListener('unhandledrejection', onRejection);
});
afterEach(() => {
  removeEventListener('error', onError);
  removeEventListener('unhandledrejection', onRejection);
  vi.restoreAllMocks();
});

describe('<paywall-gate> reads the access check defensively', () => {
  const page = { handle: 'gharart', slug: 'welcome', title: 'Welcome', mode: 'PUBLIC' };
  it.each([
    ['{}', {}],
    ['null', null],
    ['an array', []],
    ['purchase_required without page', { hasAccess: false, reason: 'purchase_required' }],
    ['hasAccess as a string', { hasAccess: 'true', reason: 'public', page }],
    [
      'a price and currency of the wrong types',
      { hasAccess: false, reason: 'purchase_required', page: { ...page, price: '1900', currency: 840 } },
    ],
  ])('%s: the error state, with the request ID and "Report a problem"', async (_, body) => {
    const mocked = overridingClient();
    mocked.answer('POST', '/access-check', body, 5);
    const el = gate('welcome', mocked.client);
    const error = nextError(el);
    await waitForState(el, 'error');
    expect((await error).detail).toMatchObject({ code: 'unexpected_response', requestId: REQUEST_ID });
    expect(shadowText(el)).toContain('Something unexpected happened');
    expect($(el, '[part~=support-code]')?.textContent).toContain(REQUEST_ID);
    expect(button(el, 'Report a problem')).toBeDefined();
    expect(slotted(el)).toBe(false);
    await expectNothingUncaught();
    // The usual retry: the next (real) answer unlocks the public page.
    mocked.clear();
    button(el, 'Try again')!.click();
    await waitForState(el, 'granted');
    await expectNothingUncaught();
  });

  it('"Report a problem" sends the request ID of the malformed answer', async () => {
    const mocked = overridingClient();
    mocked.answer('POST', '/access-check', {});
    const el = gate('welcome', mocked.client);
    await waitForState(el, 'error');
    button(el, 'Report a problem')!.click();
    await waitFor(() => $(el, '[part~=report-result]'), 'the report ID');
    expect($(el, '[part~=report-result]')?.textContent).toMatch(/Reference: rep_\w+/);
    const report = JSON.parse(mocked.sent.find((r) => r.url.endsWith('/v2/support/report'))!.body);
    expect(report).toMatchObject({ requestId: REQUEST_ID, handle: 'gharart' });
    expect(report.details).toContain('unexpected_response');
    await expectNothingUncaught();
  });

  it('a report answer without reportId says the report failed (no "Reference: undefined")', async () => {
    const mocked = overridingClient();
    mocked.answer('POST', '/access-check', {});
    mocked.answer('POST', '/v2/support/report', { id: 42 });
    const el = gate('welcome', mocked.client);
    await waitForState(el, 'error');
    button(el, 'Report a problem')!.click();
    await waitFor(() => shadowText(el).includes('The report could not be sent'), 'the report failure');
    expect(shadowText(el)).not.toContain('undefined');
    await expectNothingUncaught();
  });

  it('a malformed background re-check leaves the granted content alone', async () => {
    const mocked = overridingClient();
    const el = gate('welcome', mocked.client);
    await waitForState(el, 'granted');
    const errors: unknown[] = [];
    el.addEventListener('va-error', (e) => errors.push(e.detail));
    mocked.answer('POST', '/access-check', {});
    document.dispatchEvent(new Event('visibilitychange')); // a tab back in front re-checks quietly
    await waitFor(() => mocked.hits === 1, 'the malformed re-check');
    await expectNothingUncaught();
    expect(el.getAttribute('state')).toBe('granted');
    expect(slotted(el)).toBe(true);
    expect(errors).toEqual([]);
  });
});

describe('<paywall-gate> checkout', () => {
  it.each([
    ['a javascript: URL', { url: 'javascript:alert(1)', sessionId: 'x' }],
    ['a data: URL', { url: 'data:text/html,<script>alert(1)</script>', sessionId: 'x' }],
    ['no url', { sessionId: 'x' }],
    ['a url that is not a string', { url: ['https://example.com'], sessionId: 'x' }],
  ])('%s: no navigation, the error state instead', async (_, body) => {
    const mocked = overridingClient();
    mocked.answer('POST', '/access-check', purchase, 5);
    // A signed-in visitor, as purchase_required implies: a 401 from the real mock's `me` would sign
    // the client out, and the re-check that follows would replace the error state before it is seen.
    const visitor = { id: 'vis_1', email: 'buyer@example.com', createdAt: '2026-01-01T00:00:00.000Z' };
    mocked.answer('GET', '/v2/visitor/me', { visitor }, 3);
    const el = gate('masterclass', mocked.client);
    await waitForState(el, 'purchase');
    const navigate = vi.fn();
    el.navigate = navigate;
    mocked.answer('POST', '/checkout', body);
    const error = nextError(el);
    button(el, 'Buy for')!.click();
    await waitForState(el, 'error');
    expect(navigate).not.toHaveBeenCalled();
    expect((await error).detail).toMatchObject({ code: 'unexpected_response', requestId: REQUEST_ID });
    expect(shadowText(el)).toContain('Something unexpected happened');
    expect(button(el, 'Report a problem')).toBeDefined();
    await expectNothingUncaught();
    expect(navigate).not.toHaveBeenCalled();
  });
});

describe('the sign-in wait reads the edge answer defensively', () => {
  it.each([
    ['no visitor', { items: [] }],
    ['a visitor without an email', { visitor: { id: 'vis_1' }, items: [] }],
    ['no items', { visitor: { id: 'vis_1', email: 'a@example.com' } }],
  ])('%s is not a sign-in: the gate keeps waiting', async (_, body) => {
    const mocked = overridingClient();
    const el = gate('members-lounge', mocked.client);
    await waitForState(el, 'sign-in');
    const errors: unknown[] = [];
    el.addEventListener('va-error', (e) => errors.push(e.detail));
    mocked.answer('GET', '/_edge/visitor/access', body, 3);
    const input = $<HTMLInputElement>(el, 'input[name=email]')!;
    input.value = uniqueEmail();
    $<HTMLButtonElement>(el, 'form button[type=submit]')!.click();
    await waitForState(el, 'check-email');
    await waitFor(() => mocked.hits === 3, 'three polls answered');
    await expectNothingUncaught();
    expect(el.getAttribute('state')).toBe('check-email');
    expect(errors).toEqual([]);
    expect(shadowText(el)).toContain('Waiting for you to open the link');
  });
});

describe('<paywall-gate> signed-in line', () => {
  it.each([
    ['a visitor without id (the SDK learns nothing)', { visitor: { email: 42 } }],
    ['a visitor with an id (the SDK reports a session)', { visitor: { id: 'vis_malformed', email: 42 } }],
  ])('a me answer with %s and a non-string email shows no "Signed in as"', async (_, body) => {
    const mocked = overridingClient();
    mocked.answer('POST', '/access-check', purchase, 5);
    mocked.answer('GET', '/v2/visitor/me', body, 5);
    const el = gate('masterclass', mocked.client);
    await waitForState(el, 'purchase');
    await waitFor(() => mocked.hits >= 2, 'the me answer');
    await expectNothingUncaught();
    expect(el.getAttribute('state')).toBe('purchase');
    expect(shadowText(el)).not.toContain('Signed in as');
  });
});

describe('<visitor-access-list> reads the list defensively', () => {
  it.each([
    ['items not an array', { items: 'abc' }],
    ['items an object', { items: { 0: { title: 'x' } } }],
    ['no items', {}],
    ['a null item', { items: [null] }],
    ['an item without its dates', { items: [{ title: 'Masterclass', accessType: 'purchase', status: 'active' }] }],
  ])('%s: the error state with retry, and va-error with the request ID', async (_, body) => {
    await signInDirectly(uniqueEmail());
    const mocked = overridingClient();
    mocked.answer('GET', '/_edge/visitor/access', body, 5);
    const el = mount<VisitorAccessList>(
      `<visitor-access-list api-base="${apiBase}"></visitor-access-list>`,
      'visitor-access-list',
    );
    el.client = mocked.client;
    const error = nextError(el);
    await waitFor(() => $(el, '[part~=error]'), 'the error message');
    expect((await error).detail).toMatchObject({ code: 'unexpected_response', requestId: REQUEST_ID });
    expect($(el, 'table')).toBeNull();
    expect(shadowText(el)).not.toContain('undefined');
    await expectNothingUncaught();
    mocked.clear();
    button(el, 'Try again')!.click();
    await waitFor(() => $(el, '[part~=empty]'), 'the (real) empty list');
    await expectNothingUncaught();
  });
});

describe('<group-buy-card> reads the group buy defensively', () => {
  const card = (client: ReturnType<typeof overridingClient>['client']) => {
    const el = mount<GroupBuyCard>(
      `<group-buy-card handle="gharart" slug="spring-bundle" api-base="${apiBase}"></group-buy-card>`,
      'group-buy-card',
    );
    el.client = client;
    return el;
  };

  it.each([
    [
      'missing targetQuantity and interestCount',
      { handle: 'gharart', slug: 'spring-bundle', title: 'Spring', status: 'collecting' },
    ],
    ['counts as strings', { title: 'Spring', targetQuantity: '3', interestCount: '1', status: 'collecting' }],
    [
      'a currency that is not a string',
      { title: 'Spring', targetQuantity: 3, interestCount: 1, status: 'collecting', price: 4900, currency: 840 },
    ],
    ['null', null],
  ])('%s: the error state, and va-error with the request ID', async (_, body) => {
    const mocked = overridingClient();
    mocked.answer('GET', '/group-buys/gharart/spring-bundle', body, 5);
    const el = card(mocked.client);
    const error = nextError(el);
    await waitFor(() => $(el, '[part~=error]'), 'the error message');
    expect((await error).detail).toMatchObject({ code: 'unexpected_response', requestId: REQUEST_ID });
    expect(shadowText(el)).toContain('Something unexpected happened');
    expect($(el, '[part~=progress]')).toBeNull();
    expect(shadowText(el)).not.toMatch(/undefined|NaN/);
    await expectNothingUncaught();
  });

  const signedIn = { visitor: { id: 'vis_1', email: 'fan@example.com' }, items: [] };
  // A good answer of our own, so that these tests do not depend on the shared group buy's state.
  const good = {
    title: 'Spring',
    targetQuantity: 3,
    interestCount: 1,
    status: 'collecting',
    price: 4900,
    currency: 'USD',
  };

  it.each([
    ['an interest', false, 'I’m interested', 'POST', '/spring-bundle/interest', { interested: true }],
    ['a withdraw', true, 'Withdraw', 'DELETE', '/spring-bundle/my-interest', { interested: false }],
  ] as const)(
    '%s answer without interestCount shows an error and keeps the last good count',
    async (_, interestedBefore, label, method, path, body) => {
      const mocked = overridingClient();
      mocked.answer('GET', '/group-buys/gharart/spring-bundle', good, 5);
      mocked.answer('GET', '/_edge/visitor/access', signedIn, 5);
      mocked.answer('GET', '/spring-bundle/my-interest', { interested: interestedBefore }, 5);
      const el = card(mocked.client);
      const action = await waitFor(() => button(el, label), `the ${label} button`);
      mocked.answer(method, path, body);
      const error = nextError(el);
      action.click();
      expect((await error).detail).toMatchObject({ code: 'unexpected_response', requestId: REQUEST_ID });
      await el.updateComplete;
      expect($(el, '[part~=error]')?.textContent).toContain('Something unexpected happened');
      expect($(el, '[part~=progress-label]')?.textContent).toBe('1 of 3 interested');
      await expectNothingUncaught();
    },
  );

  it('a my-interest answer that is not a boolean is not read as "interested"', async () => {
    const mocked = overridingClient();
    mocked.answer('GET', '/group-buys/gharart/spring-bundle', good, 5);
    mocked.answer('GET', '/_edge/visitor/access', signedIn, 5);
    mocked.answer('GET', '/spring-bundle/my-interest', { interested: 'no' }, 5);
    const el = card(mocked.client);
    await waitFor(() => button(el, 'I’m interested'), 'the interest button');
    await expectNothingUncaught();
    expect(shadowText(el)).not.toContain('You are interested');
    expect(button(el, 'Withdraw')).toBeUndefined();
  });
});

describe('<visitor-session> reads who is signed in defensively', () => {
  it('an answer whose visitor has no usable email shows "Sign in", not "Signed in as 42"', async () => {
    const mocked = overridingClient();
    mocked.answer('GET', '/_edge/visitor/access', { visitor: { id: 'vis_malformed', email: 42 }, items: [] });
    const el = mount<VisitorSession>(`<visitor-session api-base="${apiBase}"></visitor-session>`, 'visitor-session');
    el.client = mocked.client;
    await waitFor(() => mocked.hits === 1 && button(el, 'Sign in'), 'the sign-in button');
    await expectNothingUncaught();
    expect(shadowText(el)).not.toContain('Signed in as');
  });

  it('a session learned from such an answer elsewhere is not rendered either', async () => {
    const mocked = overridingClient();
    const el = mount<VisitorSession>(`<visitor-session api-base="${apiBase}"></visitor-session>`, 'visitor-session');
    el.client = mocked.client;
    await waitFor(() => button(el, 'Sign in'), 'the sign-in button');
    mocked.answer('GET', '/v2/visitor/me', { visitor: { id: 'vis_malformed', email: 42 } });
    await mocked.client.auth.me(); // the SDK learns "signed in" from the id and tells every element
    await expectNothingUncaught();
    expect(shadowText(el)).not.toContain('Signed in as');
    expect(button(el, 'Sign in')).toBeDefined();
  });
});
