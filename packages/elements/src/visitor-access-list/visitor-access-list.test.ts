import { createClient } from '@visitor-access/sdk';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  $,
  apiBase,
  dev,
  freshClient,
  mount,
  noAxeViolations,
  resetAll,
  shadowText,
  signInDirectly,
  uniqueEmail,
  waitFor,
} from '../../test/helpers.js';
import { registerStrings } from '../internal/strings.js';
import './define.js';
import type { VisitorAccessList } from './visitor-access-list.js';

const list = (extra = '') =>
  mount<VisitorAccessList>(
    `<visitor-access-list api-base="${apiBase}" ${extra}></visitor-access-list>`,
    'visitor-access-list',
  );

beforeEach(resetAll);

describe('<visitor-access-list>', () => {
  it('signed out: says to sign in', async () => {
    const el = list();
    el.client = freshClient();
    await waitFor(() => shadowText(el).includes('Sign in to see the pages you have access to'), 'the signed-out state');
    await noAxeViolations(el);
  });

  it('signed in with nothing yet: the empty state', async () => {
    await signInDirectly(uniqueEmail());
    const el = list();
    el.client = freshClient();
    await waitFor(() => $(el, '[part~=empty]'), 'the empty state');
    expect(shadowText(el)).toContain('Nothing here yet');
  });

  it('lists resource, type, status and dates, including refunded purchases', async () => {
    await signInDirectly(uniqueEmail());
    const client = freshClient();
    await client.pages.checkAccess('gharart', 'members-lounge');
    const { url, sessionId } = await client.pages.checkout('gharart', 'masterclass', {
      successUrl: location.href,
      cancelUrl: location.href,
    });
    expect(url).toBeTruthy();
    await dev(`/checkout/${sessionId}/complete`, { outcome: 'paid' });
    const { visitor } = await client.auth.me();
    await dev('/stripe-refund', { handle: 'gharart', pageSlug: 'masterclass', visitorId: visitor.id });
    const el = list('locale="en-US"');
    el.client = client;
    await waitFor(() => $(el, 'table'), 'the table');
    const rows = [...el.shadowRoot!.querySelectorAll('tbody tr')].map((r) =>
      r.textContent!.replace(/\s+/g, ' ').trim(),
    );
    expect(rows).toHaveLength(2);
    expect(rows.find((r) => r.includes('Masterclass'))).toMatch(/Purchase Refunded .*\d{4}/);
    expect(rows.find((r) => r.includes('Masterclass') === false)).toMatch(/Free with sign-in Active/);
    expect(el.shadowRoot!.querySelectorAll('th[scope=col]')).toHaveLength(5);
    await noAxeViolations(el);
  });

  it('an error comes with "Try again", then "Report a problem", which returns a report ID', async () => {
    let failing = true;
    const client = createClient({
      baseUrl: apiBase,
      retry: 0,
      fetch: async (input, init) => {
        const request = new Request(input, init);
        if (failing && request.url.endsWith('/_edge/visitor/access'))
          return new Response('{"error":"service_unavailable","message":"x","requestId":"req_list"}', {
            status: 503,
            headers: { 'content-type': 'application/json', 'x-request-id': 'req_list' },
          });
        return fetch(request);
      },
    });
    const el = list();
    el.client = client;
    await waitFor(() => $(el, '[part~=error]'), 'the error');
    expect(shadowText(el)).toContain('The service is not answering right now');
    const buttons = [...el.shadowRoot!.querySelectorAll('button')].map((b) => b.textContent!.trim());
    expect(buttons).toEqual(['Try again', 'Report a problem']);
    expect($(el, '[part~=support-code]')?.textContent).toContain('req_list');
    await noAxeViolations(el);
    [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.includes('Report'))!.click();
    await waitFor(() => $(el, '[part~=report-result]'), 'the report ID');
    expect($(el, '[part~=report-result]')?.textContent).toMatch(/Reference: rep_\w+/);
    failing = false;
    [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.includes('Try again'))!.click();
    await waitFor(() => shadowText(el).includes('Sign in to see the pages you have access to'), 'the list');
  });

  it('translates column headings through registered strings', async () => {
    registerStrings('de', { listHeading: 'Ihr Zugang' });
    const el = list('locale="de"');
    el.client = freshClient();
    await waitFor(() => $(el, '[part~=heading]')?.textContent === 'Ihr Zugang', 'the German heading');
  });
});
