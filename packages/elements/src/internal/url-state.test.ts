import { RETURN_PARAMS } from '@visitor-access/contract/lite';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanUrl, resetUrlState, takeUrlState } from './url-state.js';

// The markers are the contract's list (RETURN_PARAMS): a marker added there must be stripped here
// too, which these tests check for every name of the list rather than for the names they know.
const markers = Object.values(RETURN_PARAMS);
const home = location.pathname;

afterEach(() => {
  history.replaceState(null, '', home);
  resetUrlState();
});

describe('url-state', () => {
  it('strips every marker of the contract from the address bar after a return, and keeps the rest', () => {
    const query = markers.map((name, i) => `${name}=v${i}`).join('&');
    history.replaceState(null, '', `${home}?keep=1&${query}#${RETURN_PARAMS.token}=t1`);
    resetUrlState();
    takeUrlState();
    const url = new URL(location.href);
    for (const name of markers) expect(url.searchParams.has(name), name).toBe(false);
    expect(url.searchParams.get('keep')).toBe('1');
    expect(url.hash).toBe('');
  });

  it('reads what each marker carries before stripping it', () => {
    const { token, checkout, sessionId, gate, buy, signedIn } = RETURN_PARAMS;
    history.replaceState(
      null,
      '',
      `${home}?${token}=tok&${checkout}=success&${sessionId}=cs_1&${gate}=gharart/masterclass&${buy}=gharart/other&${signedIn}=1`,
    );
    resetUrlState();
    expect(takeUrlState()).toEqual({
      token: 'tok',
      checkout: { outcome: 'success', sessionId: 'cs_1', gate: 'gharart/masterclass' },
      buy: 'gharart/other',
      signedIn: true,
    });
  });

  it('cleans any address of every marker (the return address it builds never carries one)', () => {
    const dirty = `https://shop.example/course?${markers.map((name) => `${name}=x`).join('&')}&page=2`;
    expect(cleanUrl(dirty)).toBe('https://shop.example/course?page=2');
  });
});
