import { PaywallGate } from './paywall-gate.js';

// Registers <paywall-gate>; safe to import twice or next to the script-tag bundle.
if (!customElements.get('paywall-gate')) customElements.define('paywall-gate', PaywallGate);

export { PaywallGate };
// Re-exported so the event types (and their GlobalEventHandlersEventMap entries) load with the tag.
export type { VaAccessGrantedEvent, VaAnalyticsEvent, VaErrorEvent, VaStateChangeEvent } from '../internal/events.js';
