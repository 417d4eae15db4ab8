import type { later } from '../paywall-gate/later-states.js';

// The gate's later states (decision 0153): everything a gate shows after its first usable state —
// check-email and the code form, confirm-link, purchase, returning, the errors but the network one,
// "Report a problem", the session line — and their strings, in `paywall-gate/later-states.ts`. The
// npm build imports them statically (`later.ts`); the script-tag build swaps `later.ts` for
// `later-lazy.ts`, which takes them from the SDK's chunk: one file after the first usable paint, so
// a state that follows a request made through the SDK has always arrived with it.

/** The later states' module. */
export type LaterStates = typeof later;

/** The later states: `now()` once they have arrived; `load()` fetches them once (again after a failure). */
export interface Later {
  now(): LaterStates | undefined;
  load(): Promise<LaterStates>;
}

/** A {@link Later} over `source`, already `loaded` in the npm build. */
export function laterLoader(source: () => Promise<LaterStates>, loaded?: LaterStates): Later {
  let states = loaded;
  let pending: Promise<LaterStates> | undefined;
  return {
    now: () => states,
    load: () =>
      states
        ? Promise.resolve(states)
        : (pending ??= source().then(
            (arrived) => (states = arrived),
            (error: unknown) => {
              pending = undefined;
              throw error;
            },
          )),
  };
}
