// `dist/visitor-access.sdk.js`: the SDK's chunk of `dist/visitor-access.js` (decision 0155): what
// `dist/paywall-gate.sdk.js` holds (`sdk.ts`), and the three elements whose first state needs a
// request through the SDK — `<visitor-session>`, `<visitor-access-list>`, `<group-buy-card>` —
// which `start.ts` registers when this chunk arrives.
import { GroupBuyCard } from '../group-buy-card/group-buy-card.js';
import { VisitorAccessList } from '../visitor-access-list/visitor-access-list.js';
import { VisitorSession } from '../visitor-session/visitor-session.js';

export { analytics, createClient, later } from './sdk.js';
export const elements: Record<string, CustomElementConstructor> = {
  'visitor-session': VisitorSession,
  'visitor-access-list': VisitorAccessList,
  'group-buy-card': GroupBuyCard,
};
