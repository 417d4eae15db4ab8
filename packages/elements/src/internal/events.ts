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

/**
 * The funnel events of the elements (spec "Analytics"), each at most once per page view and gate.
 *
 * @example
 * ```ts
 * const step: AnalyticsEventName = 'begin_checkout';
 * ```
 */
export type AnalyticsEventName =
  | 'paywall_view'
  | 'email_submitted'
  | 'login'
  | 'begin_checkout'
  | 'purchase'
  | 'access_granted'
  | 'group_buy_interest';

/**
 * One funnel event. Never an email address, a token, a code or a session id: the creator's
 * handle, the page (or group buy) slug, and what the event itself says.
 *
 * @example
 * ```ts
 * const payload: AnalyticsPayload = { event: 'login', handle: 'gharart', page: 'masterclass', method: 'code' };
 * ```
 */
export interface AnalyticsPayload {
  event: AnalyticsEventName;
  /** The creator's handle. */
  handle: string;
  /** The page slug (every event of `<paywall-gate>`, and a group buy's checkout). */
  page?: string | undefined;
  /** The group buy slug (`<group-buy-card>`). */
  group_buy?: string | undefined;
  /** `login`: how the visitor signed in. */
  method?: 'link' | 'code' | undefined;
  /** `begin_checkout`, `purchase`: the price in the currency's major unit (19 for $19.00). */
  value?: number | undefined;
  /** `begin_checkout`, `purchase`: ISO 4217, upper case. */
  currency?: string | undefined;
  /**
   * `purchase`: a reference of the payment, the same in every tab and on every reload (SHA-256 of
   * the checkout session ID, 32 hex digits; decision 0120). Absent where the page has no Web Crypto
   * (a plain-http page other than localhost).
   */
  transaction_id?: string | undefined;
}

/**
 * Fired by every element for each funnel event (decision 0120), whether or not `analytics` pushes
 * it to `window.dataLayer`: forward it to any analytics tool. Bubbles and crosses shadow roots.
 *
 * @example
 * ```ts
 * document.addEventListener('va-analytics', (e) => {
 *   const { event, ...params } = e.detail;
 *   gtag('event', event, params);
 * });
 * ```
 */
export class VaAnalyticsEvent extends Event {
  static readonly type = 'va-analytics';
  constructor(readonly detail: Readonly<AnalyticsPayload>) {
    super(VaAnalyticsEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'va-analytics': VaAnalyticsEvent;
    'va-state-change': VaStateChangeEvent;
    'va-access-granted': VaAccessGrantedEvent;
    'va-error': VaErrorEvent;
  }
}
