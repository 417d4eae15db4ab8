// `dist/paywall-gate.sdk.js`, `dist/visitor-access.sdk.js`, loaded by `internal/sdk-lazy.ts` after the
// first usable paint: the SDK (and ky) for the script-tag build, with what only follows a request
// made through it — the gate's later states and their strings (`internal/later-lazy.ts`) and the
// funnel's events (`internal/analytics-lazy.ts`) (decisions 0151, 0153).
export { createClient } from '@visitor-access/sdk/lite';
import { setDefaultAnalytics, track, transactionId } from '../internal/analytics.js';

export { later } from '../paywall-gate/later-states.js';
export const analytics = { setDefaultAnalytics, track, transactionId };
