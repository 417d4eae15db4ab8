import { VisitorSession } from './visitor-session.js';

// Registers <visitor-session>; safe to import twice or next to the script-tag bundle.
if (!customElements.get('visitor-session')) customElements.define('visitor-session', VisitorSession);

export { VisitorSession };
// Re-exported so the event types (and their GlobalEventHandlersEventMap entries) load with the tag.
export type { VaAccessGrantedEvent, VaErrorEvent, VaStateChangeEvent } from '../internal/events.js';
