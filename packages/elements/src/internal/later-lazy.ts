import { laterLoader } from './later-load.js';
import type { Later } from './later-load.js';
import { loadSdk, sdkArrived } from './sdk-lazy.js';

// Replaces `later.ts` in the script-tag build (build.mjs): the gate's later states arrive in the
// SDK's chunk (`<script>.sdk.js`), loaded after the first usable paint or by the first call that
// needs it; a failed load is tried again by the next (decision 0153).

/** The gate's later states, from the SDK's chunk. */
export const laterStates: Later = laterLoader(() => loadSdk().then((chunk) => chunk.later));

// The first states show some of the later strings too (the form's "not answering" and "try again
// in …", a link's notice): once the chunk is in, for whatever reason, its states and strings are.
void sdkArrived.then(() => laterStates.load());
