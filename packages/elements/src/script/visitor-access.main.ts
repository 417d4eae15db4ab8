// `dist/visitor-access.first.js`: the first chunk of `dist/visitor-access.js` (decision 0151): the
// gate, and the other elements from a chunk of their own (script/others.ts).
import { PaywallGate } from '../paywall-gate/paywall-gate.js';
import { OTHER_TAGS, start } from './start.js';

start({ 'paywall-gate': PaywallGate }, { tags: OTHER_TAGS, load: () => import('./others.js') });
