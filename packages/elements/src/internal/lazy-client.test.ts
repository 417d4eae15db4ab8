// The script-tag build draws a gate's first state before the SDK and ky have loaded (decision 0151):
// the gate takes the access check the loader sent, and its clients load the SDK on first use. These
// tests drive a real gate with a lazy client whose SDK load the test holds back or fails.
import { createClient } from '@visitor-access/sdk/lite';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import '../paywall-gate/define.js';
import type { PaywallGate } from '../paywall-gate/paywall-gate.js';
import {
  $,
  apiBase,
  resetAll,
  shadowText,
  type,
  uniqueEmail,
  uniquePage,
  waitFor,
  waitForState,
} from '../../test/helpers.js';
import { startChecks } from './early-check.js';
import { lazyClient } from './lazy-client.js';
import type { SdkModule } from './lazy-client.js';

beforeEach(resetAll);

/** A gate of a paid page with a lazy client; `early` sends the loader's access check first. */
async function gateWith(load: () => Promise<SdkModule>, early: boolean): Promise<PaywallGate> {
  const paid = await uniquePage('PAID', { price: 1900, currency: 'USD' });
  const gate = document.createElement('paywall-gate');
  gate.setAttribute('handle', 'gharart');
  gate.setAttribute('page', paid);
  gate.client = lazyClient({ baseUrl: apiBase }, load);
  const box = document.createElement('div');
  box.append(gate);
  if (early) startChecks(apiBase, box);
  document.body.replaceChildren(box);
  return gate;
}

const sdk: SdkModule = { createClient };

describe('a gate whose SDK has not loaded yet', () => {
  it('draws the price and the email field from the early check, then keeps the pressed button busy until the SDK arrives', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const load = vi.fn(async () => {
      await held;
      return sdk;
    });
    const gate = await gateWith(load, true);
    await waitForState(gate, 'sign-in');
    expect(shadowText(gate)).toContain('Buy for $19.00');
    // The first usable state needed no SDK.
    expect(load).not.toHaveBeenCalled();

    type($<HTMLInputElement>(gate, 'input[type=email]')!, uniqueEmail());
    $<HTMLButtonElement>(gate, 'button[type=submit]')!.click();
    await waitFor(() => load.mock.calls.length === 1, 'the SDK to be asked for');
    await new Promise((resolve) => setTimeout(resolve, 150));
    const button = $<HTMLButtonElement>(gate, 'button[type=submit]')!;
    expect(gate.getAttribute('state')).toBe('sign-in');
    expect(button.disabled).toBe(true);
    expect(button.textContent).toContain('Sending');

    release();
    await waitForState(gate, 'check-email');
  });

  it('shows the network error with "Try again" when the SDK fails to load, and loads it on "Try again"', async () => {
    const load = vi
      .fn<() => Promise<SdkModule>>()
      .mockRejectedValueOnce(new TypeError('Failed to fetch dynamically imported module'))
      .mockResolvedValue(sdk);
    // No early check: the gate's own check needs the SDK.
    const gate = await gateWith(load, false);
    await waitForState(gate, 'error');
    expect(shadowText(gate)).toContain('connection');
    const retry = [...gate.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.includes('Try again'));
    expect(retry).toBeDefined();
    retry!.click();
    await waitForState(gate, 'sign-in');
    expect(shadowText(gate)).toContain('Buy for $19.00');
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('tells session listeners "unknown" at once, and only news once the SDK is there', async () => {
    const client = lazyClient({ baseUrl: apiBase }, async () => sdk);
    const seen: string[] = [];
    const stop = client.onSessionChange((event) => seen.push(event.state));
    expect(seen).toEqual(['unknown']);
    await client.auth.logout();
    await waitFor(() => seen.includes('signed_out'), 'the logout to be seen');
    expect(seen).toEqual(['unknown', 'signed_out']);
    stop();
  });
});
