// Type-level checks (run by `tsc -p tsconfig.tests.json`) plus their runtime twin: the tags are in
// HTMLElementTagNameMap and the events in GlobalEventHandlersEventMap.
import { describe, expectTypeOf, it } from 'vitest';
import type { GroupBuyCard, PaywallGate, VisitorAccessList, VisitorSession } from './index.js';
import type { VaAccessGrantedEvent, VaErrorEvent, VaStateChangeEvent } from './paywall-gate/define.js';
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
