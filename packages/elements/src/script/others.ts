// The elements of `dist/visitor-access.js` other than the gate: a chunk of their own
// (`visitor-access.others-<hash>.js`), so that a page with only a gate draws it as soon as the
// gate-only script would (decision 0151). The loader preloads it when the page shows one of them.
import { GroupBuyCard } from '../group-buy-card/group-buy-card.js';
import { VisitorAccessList } from '../visitor-access-list/visitor-access-list.js';
import { VisitorSession } from '../visitor-session/visitor-session.js';

export const elements: Record<string, CustomElementConstructor> = {
  'visitor-session': VisitorSession,
  'visitor-access-list': VisitorAccessList,
  'group-buy-card': GroupBuyCard,
};
