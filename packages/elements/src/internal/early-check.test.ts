import { RETURN_PARAMS } from '@visitor-access/contract/lite';
import { afterEach, describe, expect, it } from 'vitest';
import { startChecks, takeEarlyCheck } from './early-check.js';

// The loader writes the checkout marker out (its budget has no room for the contract's import):
// these tests read it from the contract, so a renamed marker fails here.
const home = location.pathname;
const base = 'http://127.0.0.1:9';

function page(slug: string): HTMLElement {
  const root = document.createElement('div');
  root.innerHTML = `<paywall-gate handle="gharart" page="${slug}" api-base="${base}"></paywall-gate>`;
  return root;
}

afterEach(() => history.replaceState(null, '', home));

describe('early access checks', () => {
  it('starts one for a gate on an ordinary page load', () => {
    startChecks(undefined, page('early-ordinary'));
    const check = takeEarlyCheck(base, 'gharart', 'early-ordinary');
    expect(check).toBeInstanceOf(Promise);
    check?.catch(() => undefined);
  });

  it("starts none on the way back from a payment (the contract's checkout marker, success)", () => {
    history.replaceState(null, '', `${home}?${RETURN_PARAMS.checkout}=success&${RETURN_PARAMS.sessionId}=cs_1`);
    startChecks(undefined, page('early-paid'));
    expect(takeEarlyCheck(base, 'gharart', 'early-paid')).toBeUndefined();
  });

  it('starts one after a cancelled checkout (nothing to poll for)', () => {
    history.replaceState(null, '', `${home}?${RETURN_PARAMS.checkout}=cancelled`);
    startChecks(undefined, page('early-cancelled'));
    const check = takeEarlyCheck(base, 'gharart', 'early-cancelled');
    expect(check).toBeInstanceOf(Promise);
    check?.catch(() => undefined);
  });
});
