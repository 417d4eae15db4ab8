import { later as states } from '../paywall-gate/later-states.js';
import { laterLoader } from './later-load.js';
import type { Later } from './later-load.js';

// The npm build: the gate's later states, imported statically (bundlers chunk them as they like).
// The script-tag build swaps this module for `later-lazy.ts` (build.mjs, decision 0153).

/** The gate's later states, here at once. */
export const laterStates: Later = laterLoader(() => Promise.resolve(states), states);
