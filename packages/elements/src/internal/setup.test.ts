// An element that cannot reach the API because of how the page set it up: no API address, or one
// that is not an address. Issue 18: "Checking your access…" spun forever with only a console
// warning. Each element now says what to fix, in its own place, within a second.
import axe from 'axe-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { $, apiBase, mount, resetAll, shadowText, waitFor, waitForState } from '../../test/helpers.js';
import '../define.js';
import type { PaywallGate } from '../paywall-gate/paywall-gate.js';
import { setDefaultApiBase } from './client.js';
import type { VaErrorEvent } from './events.js';
import { isApiBase } from './setup.js';
import { timing } from './timing.js';

beforeEach(async () => {
  await resetAll();
  setDefaultApiBase(undefined);
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => {
  setDefaultApiBase(undefined);
  vi.restoreAllMocks();
});

const NOT_SET_UP = 'This page’s paywall is not set up';

/** Mounts a gate and waits for its error state, with the `va-error` codes seen meanwhile. */
async function errorAfter(markup: string): Promise<{ el: PaywallGate; codes: string[] }> {
  const codes: string[] = [];
  const onError = (e: VaErrorEvent) => codes.push(e.detail.code);
  document.addEventListener('va-error', onError);
  const el = mount<PaywallGate>(markup, 'paywall-gate');
  await waitForState(el, 'error');
  document.removeEventListener('va-error', onError);
  return { el, codes };
}

// "Within a second": no address waits `setupGraceMs` (for page code that sets one just after);
// an address that is not one is said in the first render. Neither depends on the machine's speed.
it('waits well under a second for an address before saying none was set', () => {
  expect(timing.setupGraceMs).toBeLessThanOrEqual(500);
});

describe('an API address that is not one', () => {
  it.each([
    ['https://api.example.com', true],
    ['http://localhost:4010/', true],
    ['/api', true],
    ['api.example.com', false],
    ['htps://api.example.com', false],
    ['javascript:alert(1)', false],
    ['', false],
  ])('%s → %s', (value, ok) => {
    expect(isApiBase(value)).toBe(ok);
  });

  it('api-base="api.example.com": the gate says at once which attribute to fix, with no spinner and no request', async () => {
    const el = mount<PaywallGate>(
      '<paywall-gate handle="gharart" page="masterclass" api-base="api.example.com"></paywall-gate>',
      'paywall-gate',
    );
    const codes: string[] = [];
    el.addEventListener('va-error', (e) => codes.push(e.detail.code));
    // The first render already says it: no timer, no request.
    await el.updateComplete;
    expect(el.getAttribute('state')).toBe('error');
    expect($(el, '[part~=heading]')?.textContent?.trim()).toBe('Paywall not set up');
    expect(shadowText(el)).toContain(`${NOT_SET_UP}: api-base="api.example.com" is not an API address.`);
    expect($(el, '.spinner')).toBeNull();
    expect($(el, 'button')).toBeNull();
    expect(codes).toEqual(['not_configured']);
    const result = await axe.run(el, { resultTypes: ['violations'] });
    expect(result.violations.map((v) => v.id)).toEqual([]);
  });

  it('data-api-base that is not an address (as the script tag passes it on): names data-api-base', async () => {
    setDefaultApiBase('localhost:4010');
    const { el } = await errorAfter('<paywall-gate handle="gharart" page="masterclass"></paywall-gate>');
    expect(shadowText(el)).toContain(`${NOT_SET_UP}: data-api-base="localhost:4010" is not an API address.`);
  });
});

describe('no API address at all', () => {
  it('the gate stops "Checking your access…" within a second and names both places to set it', async () => {
    const { el } = await errorAfter('<paywall-gate handle="gharart" page="masterclass"></paywall-gate>');
    expect(shadowText(el)).toContain(`${NOT_SET_UP}: it has no API address.`);
    expect(shadowText(el)).toContain('data-api-base="https://…"');
    expect(shadowText(el)).toContain('api-base="https://…"');
    expect(shadowText(el)).not.toContain('Checking your access');
  });

  it('an address set a moment later (the page’s own code) starts the gate as usual', async () => {
    const { el } = await errorAfter('<paywall-gate handle="gharart" page="members-lounge"></paywall-gate>');
    el.setAttribute('api-base', apiBase);
    await waitForState(el, 'sign-in');
    expect(shadowText(el)).not.toContain(NOT_SET_UP);
    setDefaultApiBase(undefined);
  });

  it('an address set within the grace shows no error at all', async () => {
    const states: string[] = [];
    const el = mount<PaywallGate>(
      '<paywall-gate handle="gharart" page="members-lounge"></paywall-gate>',
      'paywall-gate',
    );
    el.addEventListener('va-state-change', (e) => states.push(e.detail.state));
    setDefaultApiBase(apiBase);
    await waitForState(el, 'sign-in');
    expect(states).not.toContain('error');
  });

  it.each([
    ['visitor-session', '<visitor-session></visitor-session>'],
    ['visitor-access-list', '<visitor-access-list></visitor-access-list>'],
    ['group-buy-card', '<group-buy-card handle="gharart" slug="spring-bundle"></group-buy-card>'],
    ['visitor-session', '<visitor-session api-base="example"></visitor-session>'],
  ])('<%s> says so too (%s)', async (tag, markup) => {
    const codes: string[] = [];
    document.addEventListener('va-error', (e) => codes.push(e.detail.code), { once: true });
    const el = mount<HTMLElement>(markup, tag);
    const text = await waitFor(() => shadowText(el).includes(NOT_SET_UP) && shadowText(el), 'the setup error', 3000);
    expect(text).toContain(markup.includes('api-base=') ? 'api-base="example"' : 'no API address');
    expect($(el, '[role=alert]')).not.toBeNull();
    expect(codes).toEqual(['not_configured']);
  });
});
