import { GroupBuyCard } from './group-buy-card.js';

// Registers <group-buy-card>; safe to import twice or next to the script-tag bundle.
if (!customElements.get('group-buy-card')) customElements.define('group-buy-card', GroupBuyCard);

export { GroupBuyCard };
// Re-exported so the event types (and their GlobalEventHandlersEventMap entries) load with the tag.
export type { VaAccessGrantedEvent, VaErrorEvent, VaStateChangeEvent } from '../internal/events.js';
