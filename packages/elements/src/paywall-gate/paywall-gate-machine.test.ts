import { describe, expect, it } from 'vitest';
import { initialState, transition } from './paywall-gate-machine.js';
import type { GateState, PageInfo } from './paywall-gate-machine.js';

const page: PageInfo = {
  handle: 'gharart',
  slug: 'masterclass',
  title: 'Masterclass',
  mode: 'PAID',
  price: 1900,
  currency: 'USD',
};
const access = (hasAccess: boolean, reason: string) => ({ type: 'ACCESS' as const, hasAccess, reason, page });

describe('paywall-gate state machine', () => {
  it('starts by checking', () => {
    expect(initialState).toEqual({ name: 'checking' });
  });

  it('maps every access-check answer from checking', () => {
    expect(transition(initialState, access(true, 'public'))).toEqual({ name: 'granted', reason: 'public', page });
    expect(transition(initialState, access(true, 'entitled'))).toEqual({ name: 'granted', reason: 'entitled', page });
    expect(transition(initialState, access(false, 'visitor_auth_required'))).toEqual({ name: 'sign-in' });
    expect(transition(initialState, access(false, 'purchase_required'))).toEqual({
      name: 'purchase',
      page,
      cancelled: false,
    });
  });

  it('sign-in → check-email → another email keeps the address', () => {
    const sent = transition({ name: 'sign-in' }, { type: 'LINK_SENT', email: 'a@example.com' });
    expect(sent).toEqual({ name: 'check-email', email: 'a@example.com' });
    expect(transition(sent, { type: 'CHANGE_EMAIL' })).toEqual({ name: 'sign-in', email: 'a@example.com' });
  });

  it('a resend stays in check-email with the same address', () => {
    const state: GateState = { name: 'check-email', email: 'a@example.com' };
    expect(transition(state, { type: 'LINK_SENT', email: 'a@example.com' })).toEqual(state);
  });

  it('keeps the form when a background re-check still says sign in', () => {
    const signIn: GateState = { name: 'sign-in', email: 'typed@example.com' };
    expect(transition(signIn, access(false, 'visitor_auth_required'))).toBe(signIn);
    const waiting: GateState = { name: 'check-email', email: 'a@example.com' };
    expect(transition(waiting, access(false, 'visitor_auth_required'))).toBe(waiting);
  });

  it('verifying → checking (after verify) → granted, or cookies blocked when still signed out', () => {
    const verifying = transition(initialState, { type: 'VERIFY' });
    expect(verifying).toEqual({ name: 'verifying' });
    const checking = transition(verifying, { type: 'VERIFIED' });
    expect(checking).toEqual({ name: 'checking', after: 'verify' });
    expect(transition(checking, access(true, 'entitled')).name).toBe('granted');
    expect(transition(checking, access(false, 'visitor_auth_required'))).toEqual({
      name: 'error',
      kind: 'cookies_blocked',
    });
  });

  it('link problems land on sign-in with the notice and the remembered email', () => {
    expect(
      transition({ name: 'verifying' }, { type: 'LINK_PROBLEM', notice: 'expired', email: 'a@example.com' }),
    ).toEqual({
      name: 'sign-in',
      notice: 'expired',
      email: 'a@example.com',
    });
    expect(transition({ name: 'verifying' }, { type: 'LINK_PROBLEM', notice: 'used' })).toMatchObject({
      notice: 'used',
    });
    expect(transition({ name: 'verifying' }, { type: 'LINK_PROBLEM', notice: 'invalid' })).toMatchObject({
      notice: 'invalid',
    });
  });

  it('returning keeps confirming while the payment has not landed, then unlocks or stalls', () => {
    const returning = transition(initialState, { type: 'RETURNED' });
    expect(returning).toEqual({ name: 'returning' });
    expect(transition(returning, access(false, 'purchase_required'))).toBe(returning);
    expect(transition(returning, access(true, 'entitled')).name).toBe('granted');
    expect(transition(returning, { type: 'STALLED' })).toEqual({ name: 'returning', stalled: true });
    expect(transition({ name: 'sign-in' }, { type: 'STALLED' })).toEqual({ name: 'sign-in' });
  });

  it('a cancelled checkout comes back to purchase with a calm notice', () => {
    const checking = transition({ name: 'purchase', page }, { type: 'CANCELLED' });
    expect(checking).toEqual({ name: 'checking', after: 'cancelled' });
    expect(transition(checking, access(false, 'purchase_required'))).toEqual({
      name: 'purchase',
      page,
      cancelled: true,
    });
  });

  it('any state can fail, and retry goes back to checking', () => {
    const states: GateState[] = [
      { name: 'checking' },
      { name: 'sign-in' },
      { name: 'check-email', email: 'a@example.com' },
      { name: 'verifying' },
      { name: 'purchase', page },
      { name: 'returning' },
      { name: 'granted', reason: 'entitled', page },
    ];
    for (const state of states) {
      const failed = transition(state, { type: 'FAIL', kind: 'network', code: 'network' });
      expect(failed).toEqual({ name: 'error', kind: 'network', code: 'network', retryAfter: undefined });
      expect(transition(failed, { type: 'CHECK' })).toEqual({ name: 'checking' });
    }
  });

  it('ignores events that make no sense in a state', () => {
    const granted: GateState = { name: 'granted', reason: 'public', page };
    expect(transition(granted, { type: 'CHANGE_EMAIL' })).toBe(granted);
    expect(transition(granted, { type: 'LINK_SENT', email: 'a@example.com' })).toBe(granted);
  });
});
