// `dist/visitor-access.first.js`: the first chunk of `dist/visitor-access.js` (decision 0151).
import { GroupBuyCard } from '../group-buy-card/group-buy-card.js';
import { PaywallGate } from '../paywall-gate/paywall-gate.js';
import { VisitorAccessList } from '../visitor-access-list/visitor-access-list.js';
import { VisitorSession } from '../visitor-session/visitor-session.js';
import { start } from './start.js';

start({
  'paywall-gate': PaywallGate,
  'visitor-session': VisitorSession,
  'visitor-access-list': VisitorAccessList,
  'group-buy-card': GroupBuyCard,
});
