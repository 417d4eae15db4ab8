// The script-tag build draws a gate's first state before its later states have arrived: they come
// with the SDK's chunk (decision 0153). These tests drive a real gate whose later states (and SDK)
// the test holds back or fails, as a slow or broken network would.
import { createClient } from '@visitor-access/sdk/lite';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import './define.js';
import type { PaywallGate } from './paywall-gate.js';
import {
  $,
  apiBase,
  resetAll,
  shadowText,
  signInDirectly,
  type,
  uniqueEmail,
  uniquePage,
  waitFor,
  waitForState,
} from '../../test/helpers.js';
import { lazyClient } from '../internal/lazy-client.js';
import { startChecks } from '../internal/early-check.js';
import { laterLoader } from '../internal/later-load.js';
import type { LaterStates } from '../internal/later-load.js';
import { later } from './later-states.js';

beforeEach(resetAll);

async function paidGate(setup: (gate: PaywallGate) => void): Promise<PaywallGate> {
  const paid = await uniquePage('PAID', { price: 1900, currency: 'USD' });
  const gate = document.createElement('paywall-gate');
  gate.setAttribute('handle', 'gharart');
  gate.setAttribute('page', paid);
  gate.setAttribute('api-base', apiBase);
  setup(gate);
  document.body.replaceChildren(gate);
  return gate;
}

const button = (gate: PaywallGate, text: string) =>
  [...gate.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.includes(text));

describe('a gate whose later states have not arrived yet', () => {
  it('keeps the pressed button busy while their chunk (with the SDK) is on its way, then shows check-email', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    // One chunk for both, as in the script-tag build.
    const chunk = vi.fn(async () => {
      await held;
      return { createClient, later };
    });
    const paid = await uniquePage('PAID', { price: 1900, currency: 'USD' });
    const gate = document.createElement('paywall-gate');
    gate.setAttribute('handle', 'gharart');
    gate.setAttribute('page', paid);
    gate.client = lazyClient({ baseUrl: apiBase }, chunk);
    gate.later = laterLoader(() => chunk().then((c) => c.later));
    const box = document.createElement('div');
    box.append(gate);
    // The loader's early check: the first state needs neither the SDK nor the later states.
    startChecks(apiBase, box);
    document.body.replaceChildren(box);
    await waitForState(gate, 'sign-in');
    expect(shadowText(gate)).toContain('Buy for $19.00');
    expect(chunk).not.toHaveBeenCalled();

    type($<HTMLInputElement>(gate, 'input[type=email]')!, uniqueEmail());
    $<HTMLButtonElement>(gate, 'button[type=submit]')!.click();
    await waitFor(() => chunk.mock.calls.length > 0, 'the chunk to be asked for');
    await new Promise((resolve) => setTimeout(resolve, 150));
    const pressed = $<HTMLButtonElement>(gate, 'button[type=submit]')!;
    expect(gate.getAttribute('state')).toBe('sign-in');
    expect(pressed.disabled).toBe(true);
    expect(pressed.textContent).toContain('Sending');

    release();
    await waitForState(gate, 'check-email');
    await waitFor(() => $(gate, '[part~=code-input]'), 'the code form');
    expect(shadowText(gate)).toContain('Check your email');
  });

  it('a later state reached without a request (signed in, not bought) shows the check panel, then the state', async () => {
    await signInDirectly(uniqueEmail());
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const gate = await paidGate((g) => {
      g.later = laterLoader(async () => {
        await held;
        return later;
      });
    });
    await waitForState(gate, 'purchase');
    await gate.updateComplete;
    // Not there yet: the same panel as the check (same size, nothing to press).
    expect($(gate, '[part~=state-checking]')).not.toBeNull();
    expect(button(gate, 'Buy for')).toBeUndefined();
    release();
    await waitFor(() => button(gate, 'Buy for $19.00'), 'the purchase state');
    expect($(gate, '[part~=state-purchase]')).not.toBeNull();
  });

  it('their chunk failing to load: the network error with "Try again", which loads it again', async () => {
    await signInDirectly(uniqueEmail());
    const load = vi
      .fn<() => Promise<LaterStates>>()
      .mockRejectedValueOnce(new TypeError('Failed to fetch dynamically imported module'))
      .mockResolvedValue(later);
    const gate = await paidGate((g) => {
      g.later = laterLoader(load);
    });
    await waitForState(gate, 'purchase');
    await waitFor(() => button(gate, 'Try again'), 'the network error');
    expect(shadowText(gate)).toContain('We could not reach the server');
    button(gate, 'Try again')!.click();
    await waitFor(() => button(gate, 'Buy for $19.00'), 'the purchase state, once its chunk has loaded');
    expect(load).toHaveBeenCalledTimes(2);
  });
});
