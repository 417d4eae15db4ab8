// Type-level checks (run by `tsc -p tsconfig.tests.json`) plus their runtime twin: the tags are in
// HTMLElementTagNameMap and the events in GlobalEventHandlersEventMap.
import { describe, expectTypeOf, it } from 'vitest';
import type { GroupBuyCard, PaywallGate, VisitorAccessList, VisitorSession } from './index.js';
import type {
  VaAccessGrantedEvent,
  VaAnalyticsEvent,
  VaErrorEvent,
  VaStateChangeEvent,
} from './paywall-gate/define.js';
import './define.js';

describe('types', () => {
  it('maps tags and events', () => {
    expectTypeOf(document.createElement('paywall-gate')).toEqualTypeOf<PaywallGate>();
    expectTypeOf(document.createElement('visitor-session')).toEqualTypeOf<VisitorSession>();
    expectTypeOf(document.createElement('visitor-access-list')).toEqualTypeOf<VisitorAccessList>();
    expectTypeOf(document.createElement('group-buy-card')).toEqualTypeOf<GroupBuyCard>();
    document.addEventListener('va-error', (e) => expectTypeOf(e).toEqualTypeOf<VaErrorEvent>());
    document.addEventListener('va-state-change', (e) => expectTypeOf(e.detail.state).toBeString());
    document.addEventListener('va-access-granted', (e) => expectTypeOf(e).toEqualTypeOf<VaAccessGrantedEvent>());
    document.addEventListener('va-analytics', (e) => {
      expectTypeOf(e).toEqualTypeOf<VaAnalyticsEvent>();
      expectTypeOf(e.detail.event).toEqualTypeOf<
        | 'paywall_view'
        | 'email_submitted'
        | 'login'
        | 'begin_checkout'
        | 'purchase'
        | 'access_granted'
        | 'group_buy_interest'
      >();
    });
    expectTypeOf<VaStateChangeEvent['detail']['previous']>().toEqualTypeOf<
      | 'checking'
      | 'sign-in'
      | 'check-email'
      | 'confirm-link'
      | 'verifying'
      | 'purchase'
      | 'returning'
      | 'granted'
      | 'error'
    >();
  });
});
