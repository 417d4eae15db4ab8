/**
 * Lit web components for Visitor Access: `<paywall-gate>`, `<visitor-session>`,
 * `<visitor-access-list>` and `<group-buy-card>`. Importing this module has no side effect: it
 * exports the classes. Register them with the per-element modules
 * (`@visitor-access/elements/paywall-gate.js`) or `@visitor-access/elements/define.js`.
 *
 * @packageDocumentation
 */
export { PaywallGate } from './paywall-gate/paywall-gate.js';
export { VisitorSession } from './visitor-session/visitor-session.js';
export { VisitorAccessList } from './visitor-access-list/visitor-access-list.js';
export { GroupBuyCard } from './group-buy-card/group-buy-card.js';
export { transition, initialState } from './paywall-gate/paywall-gate-machine.js';
export type { GateState, GateEvent, PageInfo, ErrorKind, LinkNotice } from './paywall-gate/paywall-gate-machine.js';
export { VaStateChangeEvent, VaAccessGrantedEvent, VaErrorEvent, VaAnalyticsEvent } from './internal/events.js';
export type { GateStateName, AnalyticsEventName, AnalyticsPayload } from './internal/events.js';
export { setDefaultAnalytics } from './internal/analytics.js';
export type { AnalyticsTarget } from './internal/analytics.js';
export { registerStrings, fill, formatWait } from './internal/strings.js';
export { defaultStrings, resolveStrings } from './internal/strings-all.js';
export type { Strings, StringKey, Translation } from './internal/strings.js';
export { setDefaultApiBase, sharedClient } from './internal/client.js';
export type { VisitorAccessClient } from './internal/client.js';
export { isInAppBrowser } from './internal/user-agent.js';
export { formatPrice, formatDate } from './internal/format.js';
export { cookieTrouble } from './internal/cookie-trouble.js';
export type { CookieTrouble } from './internal/cookie-trouble.js';
export type { Theme } from './internal/client-element.js';
export { sanitizeHtml } from './internal/sanitize.js';
export { timing } from './internal/timing.js';
