import type { AccessCheckResponse } from '@visitor-access/contract';

/** The state names of `<paywall-gate>` (see `paywall-gate-machine.ts`). */
export type GateStateName =
  | 'checking'
  | 'sign-in'
  | 'check-email'
  | 'confirm-link'
  | 'verifying'
  | 'purchase'
  | 'returning'
  | 'granted'
  | 'error';

/**
 * Fired by `<paywall-gate>` on every state change. Bubbles and crosses shadow roots.
 *
 * @example
 * ```ts
 * gate.addEventListener('va-state-change', (e) => console.log(e.detail.state, e.detail.previous));
 * ```
 */
export class VaStateChangeEvent extends Event {
  static readonly type = 'va-state-change';
  constructor(readonly detail: { state: GateStateName; previous: GateStateName }) {
    super(VaStateChangeEvent.type, { bubbles: true, composed: true });
  }
}

/**
 * Fired when a visitor gets access: the content is being shown.
 *
 * @example
 * ```ts
 * gate.addEventListener('va-access-granted', (e) => analytics.track('unlocked', e.detail.page.slug));
 * ```
 */
export class VaAccessGrantedEvent extends Event {
  static readonly type = 'va-access-granted';
  constructor(
    readonly detail: {
      reason: 'public' | 'entitled';
      page: AccessCheckResponse['page'];
    },
  ) {
    super(VaAccessGrantedEvent.type, { bubbles: true, composed: true });
  }
}

/**
 * Fired when an element shows an error. `code` is the server's error code, or `network`,
 * `cookies_blocked`, `payment_pending`, `content_unavailable`, `unexpected_response` (an answer
 * the element cannot read: a missing field, a wrong type, a checkout URL that is not http(s)),
 * `not_configured` (no API address, or `api-base` / `data-api-base` is not one).
 *
 * @example
 * ```ts
 * document.addEventListener('va-error', (e) => console.warn(e.detail.code, e.detail.requestId));
 * ```
 */
export class VaErrorEvent extends Event {
  static readonly type = 'va-error';
  constructor(readonly detail: { code: string; message: string; requestId?: string | undefined }) {
    super(VaErrorEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'va-state-change': VaStateChangeEvent;
    'va-access-granted': VaAccessGrantedEvent;
    'va-error': VaErrorEvent;
  }
}
