import type { AnalyticsTarget, Track } from './analytics.js';
import { loadSdk } from './sdk-lazy.js';

// Replaces `analytics.ts` in the script-tag build (build.mjs): the funnel's events are sent by the
// SDK's chunk, which holds `analytics.ts`; an event that happens before it has arrived waits for it,
// in order (decision 0153). `majorUnits` is in `money.ts`, in the first chunk.

export { majorUnits } from './money.js';
export type { AnalyticsTarget, Track } from './analytics.js';

let target: string | undefined;

export function setDefaultAnalytics(value: string | undefined): void {
  target = value;
}

export function track(element: HTMLElement & { analytics?: AnalyticsTarget | undefined }, input: Track): void {
  void loadSdk().then(
    ({ analytics }) => {
      analytics.setDefaultAnalytics(target);
      analytics.track(element, input);
    },
    // No SDK, no funnel: the page shows the network error.
    () => undefined,
  );
}

export function transactionId(checkoutSessionId: string): Promise<string | undefined> {
  return loadSdk().then(({ analytics }) => analytics.transactionId(checkoutSessionId));
}
