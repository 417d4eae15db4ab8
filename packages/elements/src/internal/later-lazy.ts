import { laterLoader } from './later-load.js';
import type { Later } from './later-load.js';
import { loadSdk } from './sdk-lazy.js';

// Replaces `later.ts` in the script-tag build (build.mjs): the gate's later states arrive in the
// SDK's chunk (`<script>.sdk.js`), loaded after the first usable paint or by the first call that
// needs it; a failed load is tried again by the next (decision 0153).

/** The gate's later states, from the SDK's chunk. */
export const laterStates: Later = laterLoader(() => loadSdk().then((chunk) => chunk.later));
