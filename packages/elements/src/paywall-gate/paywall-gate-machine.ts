// The state machine of <paywall-gate>: pure (no I/O, no DOM), so every transition is unit-tested.
// The element performs the side effects each state asks for (a request, a poll, a redirect) and
// feeds what happened back in as events.
import type { AccessCheckResponse } from '@visitor-access/contract';
import type { GateStateName } from '../internal/events.js';
import type { ErrorKind, LinkNotice } from '../internal/errors.js';

export type { ErrorKind, LinkNotice };

/** What the access check says about a page (the contract's `page`). */
export type PageInfo = AccessCheckResponse['page'];

/**
 * One state of the gate, with what it needs to render.
 *
 * - `checking` — the access check is in flight. `after: 'verify'` right after this tab signed in
 *   (still signed out then means the cookie was not kept); `link` when a sign-in link is in the
 *   address (asked about only if the visitor is signed out); `buy` when checkout should follow at
 *   once (this tab completed a sign-in asked for by "Buy for …").
 * - `sign-in` — the page's title, its price or "free", an email field and one button.
 * - `confirm-link` — a sign-in link is in the address: one click before it is used.
 * - `purchase` — signed in without access: title, price, "Buy for …" (`buying` while leaving;
 *   `other` when the account signed in is not the one that asked to buy).
 *
 * @example
 * ```ts
 * const state: GateState = { name: 'check-email', email: 'a@example.com' };
 * ```
 */
export type GateState =
  | {
      name: 'checking';
      after?: 'verify' | 'cancelled' | undefined;
      link?: boolean | undefined;
      buy?: boolean | undefined;
    }
  | { name: 'sign-in'; page?: PageInfo | undefined; email?: string | undefined; notice?: LinkNotice | undefined }
  | { name: 'check-email'; email: string; page?: PageInfo | undefined }
  | { name: 'confirm-link'; page?: PageInfo | undefined }
  | { name: 'verifying'; page?: PageInfo | undefined }
  | {
      name: 'purchase';
      page: PageInfo;
      cancelled?: boolean | undefined;
      buying?: boolean | undefined;
      /** `buying` carried on from a sign-in that "Buy for …" asked for (not a click on "Buy"). */
      carried?: boolean | undefined;
      /** Signed in as this address, not the one that asked to buy: checkout waits for a click. */
      other?: string | undefined;
    }
  | { name: 'returning'; stalled?: boolean | undefined }
  | { name: 'granted'; reason: 'public' | 'entitled'; page: PageInfo }
  | { name: 'error'; kind: ErrorKind; code?: string | undefined; retryAfter?: number | undefined };

/**
 * Everything that can happen to a gate.
 *
 * @example
 * ```ts
 * transition({ name: 'checking' }, { type: 'ACCESS', hasAccess: true, reason: 'public', page });
 * ```
 */
export type GateEvent =
  | { type: 'CHECK'; link?: boolean | undefined; buy?: boolean | undefined }
  | { type: 'ACCESS'; hasAccess: boolean; reason: string; page: PageInfo }
  | { type: 'FAIL'; kind: ErrorKind; code?: string | undefined; retryAfter?: number | undefined }
  | { type: 'LINK_SENT'; email: string }
  | { type: 'CHANGE_EMAIL' }
  | { type: 'CONFIRM' }
  | { type: 'VERIFIED'; buy?: boolean | undefined }
  | { type: 'LINK_PROBLEM'; notice: LinkNotice; email?: string | undefined }
  | { type: 'BUY' }
  /** Checkout does not follow the sign-in after all: `other` is who signed in, if not who asked. */
  | { type: 'HOLD'; other?: string | undefined }
  | { type: 'RETURNED' }
  | { type: 'CANCELLED' }
  | { type: 'STALLED' };

/** The state a gate starts in. */
export const initialState: GateState = { name: 'checking' };

const pageOf = (state: GateState): PageInfo | undefined =>
  'page' in state && state.name !== 'granted' ? state.page : undefined;

/**
 * The next state. Events that make no sense in a state leave it unchanged (the same object), so
 * callers can tell a no-op by identity.
 *
 * @example
 * ```ts
 * transition({ name: 'sign-in' }, { type: 'LINK_SENT', email: 'a@example.com' });
 * // { name: 'check-email', email: 'a@example.com' }
 * ```
 */
export function transition(state: GateState, event: GateEvent): GateState {
  switch (event.type) {
    case 'CHECK':
      return { name: 'checking', link: event.link, buy: event.buy };
    case 'CONFIRM':
      return state.name === 'confirm-link' ? { name: 'verifying', page: state.page } : state;
    case 'VERIFIED':
      return { name: 'checking', after: 'verify', buy: event.buy };
    case 'CANCELLED':
      return { name: 'checking', after: 'cancelled' };
    case 'RETURNED':
      return { name: 'returning' };
    case 'FAIL':
      return { name: 'error', kind: event.kind, code: event.code, retryAfter: event.retryAfter };
    case 'LINK_PROBLEM':
      return { name: 'sign-in', notice: event.notice, email: event.email, page: pageOf(state) };
    case 'LINK_SENT':
      return state.name === 'sign-in' || state.name === 'check-email'
        ? { name: 'check-email', email: event.email, page: pageOf(state) }
        : state;
    case 'CHANGE_EMAIL':
      return state.name === 'check-email' ? { name: 'sign-in', email: state.email, page: state.page } : state;
    case 'BUY':
      return state.name === 'purchase' && !state.buying ? { name: 'purchase', page: state.page, buying: true } : state;
    case 'HOLD':
      return state.name === 'purchase' && state.carried
        ? { name: 'purchase', page: state.page, other: event.other }
        : state;
    case 'STALLED':
      return state.name === 'returning' ? { name: 'returning', stalled: true } : state;
    case 'ACCESS':
      return onAccess(state, event);
  }
}

function onAccess(state: GateState, event: Extract<GateEvent, { type: 'ACCESS' }>): GateState {
  const { hasAccess, reason, page } = event;
  if (hasAccess) {
    const granted = reason === 'public' ? 'public' : 'entitled';
    return state.name === 'granted' && state.reason === granted ? state : { name: 'granted', reason: granted, page };
  }
  if (reason === 'purchase_required') {
    // Back from a paid checkout, the payment may land a moment later: keep confirming.
    if (state.name === 'returning' || state.name === 'purchase') return state;
    if (state.name === 'checking') {
      // This tab completed the sign-in that "Buy for …" asked for: on to checkout, no second click.
      if (state.buy) return { name: 'purchase', page, buying: true, carried: true };
      return { name: 'purchase', page, cancelled: state.after === 'cancelled' };
    }
    return { name: 'purchase', page };
  }
  // visitor_auth_required
  if (state.name === 'checking' && state.after === 'verify') return { name: 'error', kind: 'cookies_blocked' };
  if (state.name === 'checking' && state.link) return { name: 'confirm-link', page };
  // Already asking the visitor to sign in: keep what they are typing (and learn the page).
  if (state.name === 'check-email' || state.name === 'sign-in' || state.name === 'confirm-link') {
    return state.page ? state : { ...state, page };
  }
  if (state.name === 'verifying') return state;
  return { name: 'sign-in', page };
}

/** The name of a state, for events and attributes. */
export function stateName(state: GateState): GateStateName {
  return state.name;
}
