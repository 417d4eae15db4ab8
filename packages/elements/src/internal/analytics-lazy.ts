import type { AnalyticsTarget, Track } from './analytics.js';
import { loadSdk, sdkArrived } from './sdk-lazy.js';

// Replaces `analytics.ts` in the script-tag build (build.mjs): the funnel's events are sent by the
// SDK's chunk, which holds `analytics.ts`; an event that happens before it has arrived waits for it,
// in order, and never asks for it: `paywall_view` happens as the first usable state is drawn, and the
// chunk is fetched after that paint (`script/start.ts`). `majorUnits` is in `money.ts` (decision 0153).

export { majorUnits } from './money.js';
export type { AnalyticsTarget, Track } from './analytics.js';

let target: string | undefined;

export function setDefaultAnalytics(value: string | undefined): void {
  target = value;
}

export function track(element: HTMLElement & { analytics?: AnalyticsTarget | undefined }, input: Track): void {
  void sdkArrived.then(({ analytics }) => {
    analytics.setDefaultAnalytics(target);
    analytics.track(element, input);
  });
}

export function transactionId(checkoutSessionId: string): Promise<string | undefined> {
  return loadSdk().then(({ analytics }) => analytics.transactionId(checkoutSessionId));
}
