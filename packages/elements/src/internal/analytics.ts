import { VaAnalyticsEvent } from './events.js';
import type { AnalyticsEventName, AnalyticsPayload } from './events.js';

// The funnel, opt-in and without personal data (spec "Analytics", decision 0120). Every element
// dispatches `va-analytics`; the events go to `window.dataLayer` too only when the script tag says
// `data-analytics="dataLayer"` or the element's `analytics` property does. The payload is built
// here from named fields only, so nothing an element knows about the visitor can slip into it.

/**
 * Where events go besides the `va-analytics` DOM event.
 *
 * @example
 * ```ts
 * gate.analytics = 'dataLayer' satisfies AnalyticsTarget;
 * ```
 */
export type AnalyticsTarget = 'dataLayer' | 'none';

let defaultTarget: AnalyticsTarget | undefined;

/**
 * Sets where the elements push their funnel events when their `analytics` property is not set.
 * The script-tag bundles call it with `data-analytics`.
 *
 * @example
 * ```ts
 * import { setDefaultAnalytics } from '@visitor-access/elements';
 * setDefaultAnalytics('dataLayer');
 * ```
 */
export function setDefaultAnalytics(target: string | undefined): void {
  defaultTarget = target === 'dataLayer' || target === 'none' ? target : undefined;
}

// Once per page view (this document) and gate: a re-render, a second tab's broadcast or a
// background re-check never counts twice.
const sent = new Set<string>();

/** @internal For tests: a new page view. */
export function resetAnalytics(): void {
  sent.clear();
}

// The only fields a payload can have: nothing else an element knows can reach a tool.
const FIELDS = ['handle', 'page', 'group_buy', 'method', 'value', 'currency', 'transaction_id'] as const;

/** What an element reports: the event and the fields it may carry, nothing else. */
export type Track = Omit<AnalyticsPayload, 'event'> & { event: AnalyticsEventName };

/**
 * Reports a funnel event from `element`: a `va-analytics` event always, and a `dataLayer` push
 * when opted in. At most once per page view for the same event, handle and page (or group buy).
 */
export function track(element: HTMLElement & { analytics?: AnalyticsTarget | undefined }, input: Track): void {
  const key = `${input.event} ${input.handle} ${input.page ?? ''} ${input.group_buy ?? ''}`;
  if (sent.has(key)) return;
  sent.add(key);
  const payload: Record<string, unknown> = { event: input.event };
  for (const field of FIELDS) if (input[field] !== undefined) payload[field] = input[field];
  if (typeof payload.currency === 'string') payload.currency = payload.currency.toUpperCase();
  element.dispatchEvent(new VaAnalyticsEvent(Object.freeze({ ...payload }) as unknown as AnalyticsPayload));
  if ((element.analytics ?? defaultTarget) === 'dataLayer') {
    const w = window as unknown as { dataLayer?: unknown[] };
    (w.dataLayer ??= []).push({ ...payload });
  }
}

export { majorUnits } from './money.js';

/**
 * The `transaction_id` of a purchase: SHA-256 of the checkout session ID (32 hex digits), so a
 * tool can de-duplicate and a creator can match it to their payments, without the session ID
 * itself leaving for a third party (decision 0120). `undefined` without Web Crypto.
 */
export async function transactionId(checkoutSessionId: string): Promise<string | undefined> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return undefined;
  const digest = await subtle.digest('SHA-256', new TextEncoder().encode(checkoutSessionId));
  return [...new Uint8Array(digest).slice(0, 16)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
