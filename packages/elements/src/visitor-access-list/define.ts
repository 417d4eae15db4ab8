import { VisitorAccessList } from './visitor-access-list.js';

// Registers <visitor-access-list>; safe to import twice or next to the script-tag bundle.
if (!customElements.get('visitor-access-list')) customElements.define('visitor-access-list', VisitorAccessList);

export { VisitorAccessList };
// Re-exported so the event types (and their GlobalEventHandlersEventMap entries) load with the tag.
export type { VaAccessGrantedEvent, VaErrorEvent, VaStateChangeEvent } from '../internal/events.js';
