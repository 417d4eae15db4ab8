// The state machine of <paywall-gate>: pure (no I/O, no DOM), so every transition is unit-tested.
// The element performs the side effects each state asks for (a request, a poll, a redirect) and
// feeds what happened back in as events.
import type { GateStateName } from '../internal/events.js';

/** What the access check says about a page. */
export interface PageInfo {
  handle: string;
  slug: string;
  title: string;
  mode: string;
  price?: number | undefined;
  currency?: string | undefined;
}

/** Why the gate shows an error. */
export type ErrorKind =
  | 'network'
  | 'page_not_found'
  | 'connect_not_configured'
  | 'cookies_blocked'
  | 'payment_pending'
  | 'rate_limited'
  | 'content_unavailable'
  | 'unknown';

/** Why a magic link from the address bar could not be used. */
export type LinkNotice = 'expired' | 'used' | 'invalid';

/**
 * One state of the gate, with what it needs to render.
 *
 * @example
 * ```ts
 * const state: GateState = { name: 'check-email', email: 'a@example.com' };
 * ```
 */
export type GateState =
  | { name: 'checking'; after?: 'verify' | 'cancelled' | undefined }
  | { name: 'sign-in'; email?: string | undefined; notice?: LinkNotice | undefined }
  | { name: 'check-email'; email: string }
  | { name: 'verifying' }
  | { name: 'purchase'; page: PageInfo; cancelled?: boolean | undefined }
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
  | { type: 'CHECK' }
  | { type: 'ACCESS'; hasAccess: boolean; reason: string; page: PageInfo }
  | { type: 'FAIL'; kind: ErrorKind; code?: string | undefined; retryAfter?: number | undefined }
  | { type: 'LINK_SENT'; email: string }
  | { type: 'CHANGE_EMAIL' }
  | { type: 'VERIFY' }
  | { type: 'VERIFIED' }
  | { type: 'LINK_PROBLEM'; notice: LinkNotice; email?: string | undefined }
  | { type: 'RETURNED' }
  | { type: 'CANCELLED' }
  | { type: 'STALLED' };

/** The state a gate starts in. */
export const initialState: GateState = { name: 'checking' };

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
      return { name: 'checking' };
    case 'VERIFY':
      return { name: 'verifying' };
    case 'VERIFIED':
      return { name: 'checking', after: 'verify' };
    case 'CANCELLED':
      return { name: 'checking', after: 'cancelled' };
    case 'RETURNED':
      return { name: 'returning' };
    case 'FAIL':
      return { name: 'error', kind: event.kind, code: event.code, retryAfter: event.retryAfter };
    case 'LINK_PROBLEM':
      return { name: 'sign-in', notice: event.notice, email: event.email };
    case 'LINK_SENT':
      return state.name === 'sign-in' || state.name === 'check-email'
        ? { name: 'check-email', email: event.email }
        : state;
    case 'CHANGE_EMAIL':
      return state.name === 'check-email' ? { name: 'sign-in', email: state.email } : state;
    case 'STALLED':
      return state.name === 'returning' ? { name: 'returning', stalled: true } : state;
    case 'ACCESS':
      return onAccess(state, event);
  }
}

function onAccess(state: GateState, event: Extract<GateEvent, { type: 'ACCESS' }>): GateState {
  const { hasAccess, reason, page } = event;
  if (hasAccess) return { name: 'granted', reason: reason === 'public' ? 'public' : 'entitled', page };
  if (reason === 'purchase_required') {
    // Back from a paid checkout, the payment may land a moment later: keep confirming.
    if (state.name === 'returning' || state.name === 'purchase') return state;
    return { name: 'purchase', page, cancelled: state.name === 'checking' && state.after === 'cancelled' };
  }
  // visitor_auth_required
  if (state.name === 'checking' && state.after === 'verify') return { name: 'error', kind: 'cookies_blocked' };
  // Already asking the visitor to sign in: keep what they are typing.
  if (state.name === 'check-email' || state.name === 'sign-in') return state;
  return { name: 'sign-in' };
}

/** The name of a state, for events and attributes. */
export function stateName(state: GateState): GateStateName {
  return state.name;
}
