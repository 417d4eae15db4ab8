// `dist/visitor-access.first.js`: the first chunk of `dist/visitor-access.js` (decisions 0151, 0155):
// the gate, as in `dist/paywall-gate.first.js`. The other three elements come with the SDK's chunk
// (`visitor-access.sdk.ts`): each of their first states needs a request through the SDK anyway.
import { PaywallGate } from '../paywall-gate/paywall-gate.js';
import { start } from './start.js';

start({ 'paywall-gate': PaywallGate });
