import { describe, expect, it } from 'vitest';
import { initialState, transition } from './paywall-gate-machine.js';
import type { GateState, PageInfo } from './paywall-gate-machine.js';
import { masterclassPage } from '../../../contract/test/fixtures.js';

const page: PageInfo = masterclassPage;
const access = (hasAccess: boolean, reason: string) => ({ type: 'ACCESS' as const, hasAccess, reason, page });

describe('paywall-gate state machine', () => {
  it('starts by checking', () => {
    expect(initialState).toEqual({ name: 'checking' });
  });

  it('maps every access-check answer from checking', () => {
    expect(transition(initialState, access(true, 'public'))).toEqual({ name: 'granted', reason: 'public', page });
    expect(transition(initialState, access(true, 'entitled'))).toEqual({ name: 'granted', reason: 'entitled', page });
    // The sign-in form knows the page: its title and price come first.
    expect(transition(initialState, access(false, 'visitor_auth_required'))).toEqual({ name: 'sign-in', page });
    expect(transition(initialState, access(false, 'purchase_required'))).toEqual({
      name: 'purchase',
      page,
      cancelled: false,
    });
  });

  it('sign-in → check-email → another email keeps the address and the page', () => {
    const sent = transition({ name: 'sign-in', page }, { type: 'LINK_SENT', email: 'a@example.com' });
    expect(sent).toEqual({ name: 'check-email', email: 'a@example.com', page });
    expect(transition(sent, { type: 'CHANGE_EMAIL' })).toEqual({ name: 'sign-in', email: 'a@example.com', page });
  });

  it('a sign-in completed in this tab after "Buy for …" goes on to checkout; one seen from elsewhere waits', () => {
    const here = transition({ name: 'check-email', email: 'a@example.com', page }, { type: 'VERIFIED', buy: true });
    expect(here).toEqual({ name: 'checking', after: 'verify', buy: true });
    expect(transition(here, access(false, 'purchase_required'))).toEqual({
      name: 'purchase',
      page,
      buying: true,
      carried: true,
    });
    // Already bought (in another tab meanwhile): the content, not a second checkout.
    expect(transition(here, access(true, 'entitled')).name).toBe('granted');
    // A background re-check (the link opened in another tab): the purchase state, no checkout.
    const waiting: GateState = { name: 'check-email', email: 'a@example.com', page };
    expect(transition(waiting, access(false, 'purchase_required'))).toEqual({ name: 'purchase', page });
    // Arriving from the link in the browser that asked: checkout too.
    const arrived = transition(initialState, { type: 'CHECK', buy: true });
    expect(transition(arrived, access(false, 'purchase_required'))).toEqual({
      name: 'purchase',
      page,
      buying: true,
      carried: true,
    });
  });

  it('a carried-on checkout is held when someone else signed in (issue 19); a clicked "Buy" is not', () => {
    const carried: GateState = { name: 'purchase', page, buying: true, carried: true };
    expect(transition(carried, { type: 'HOLD', other: 'b@example.com' })).toEqual({
      name: 'purchase',
      page,
      other: 'b@example.com',
    });
    expect(transition(carried, { type: 'HOLD' })).toEqual({ name: 'purchase', page, other: undefined });
    const clicked = transition({ name: 'purchase', page }, { type: 'BUY' });
    expect(transition(clicked, { type: 'HOLD', other: 'b@example.com' })).toBe(clicked);
  });

  it('"Buy" leaves once: a second BUY while leaving changes nothing', () => {
    const buying = transition({ name: 'purchase', page }, { type: 'BUY' });
    expect(buying).toEqual({ name: 'purchase', page, buying: true });
    expect(transition(buying, { type: 'BUY' })).toBe(buying);
    expect(transition(buying, access(false, 'purchase_required'))).toBe(buying);
  });

  it('a sign-in link in the address: asked about only when signed out, used only after CONFIRM', () => {
    const checking = transition(initialState, { type: 'CHECK', link: true });
    const confirm = transition(checking, access(false, 'visitor_auth_required'));
    expect(confirm).toEqual({ name: 'confirm-link', page });
    expect(transition(confirm, access(false, 'visitor_auth_required'))).toBe(confirm);
    expect(transition(confirm, { type: 'CONFIRM' })).toEqual({ name: 'verifying', page });
    // Signed in already (the link opened again): straight on, nothing to confirm.
    expect(transition(checking, access(true, 'entitled')).name).toBe('granted');
    expect(transition(checking, access(false, 'purchase_required')).name).toBe('purchase');
    // Signed in by another tab while the question is on screen: on to the purchase.
    expect(transition(confirm, access(false, 'purchase_required'))).toEqual({ name: 'purchase', page });
    expect(transition({ name: 'sign-in' }, { type: 'CONFIRM' })).toEqual({ name: 'sign-in' });
  });

  it('a granted gate stays the same object when a re-check agrees', () => {
    const granted: GateState = { name: 'granted', reason: 'entitled', page };
    expect(transition(granted, access(true, 'entitled'))).toBe(granted);
  });

  it('a resend stays in check-email with the same address', () => {
    const state: GateState = { name: 'check-email', email: 'a@example.com' };
    expect(transition(state, { type: 'LINK_SENT', email: 'a@example.com' })).toEqual(state);
  });

  it('keeps the form when a background re-check still says sign in', () => {
    const signIn: GateState = { name: 'sign-in', email: 'typed@example.com', page };
    expect(transition(signIn, access(false, 'visitor_auth_required'))).toBe(signIn);
    const waiting: GateState = { name: 'check-email', email: 'a@example.com', page };
    expect(transition(waiting, access(false, 'visitor_auth_required'))).toBe(waiting);
  });

  it('verifying → checking (after verify) → granted, or cookies blocked when still signed out', () => {
    const verifying = transition({ name: 'confirm-link', page }, { type: 'CONFIRM' });
    expect(verifying).toEqual({ name: 'verifying', page });
    const checking = transition(verifying, { type: 'VERIFIED' });
    expect(checking).toEqual({ name: 'checking', after: 'verify' });
    expect(transition(checking, access(true, 'entitled')).name).toBe('granted');
    expect(transition(checking, access(false, 'visitor_auth_required'))).toEqual({
      name: 'error',
      kind: 'cookies_blocked',
    });
  });

  it('link problems land on sign-in with the notice, the remembered email and the page', () => {
    expect(
      transition({ name: 'verifying', page }, { type: 'LINK_PROBLEM', notice: 'expired', email: 'a@example.com' }),
    ).toEqual({
      name: 'sign-in',
      notice: 'expired',
      email: 'a@example.com',
      page,
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
      { name: 'confirm-link', page },
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
