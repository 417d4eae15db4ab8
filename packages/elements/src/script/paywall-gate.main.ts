// `dist/paywall-gate.first.js`: the first chunk of `dist/paywall-gate.js` (decision 0151).
import { PaywallGate } from '../paywall-gate/paywall-gate.js';
import { start } from './start.js';

start({ 'paywall-gate': PaywallGate });
