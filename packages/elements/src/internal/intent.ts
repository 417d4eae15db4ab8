import { storage } from './env.js';

// "Buy for …" pressed by a signed-out visitor: the purchase waits for the sign-in. The intent is
// kept per `handle/page` in localStorage for the life of a sign-in link, so that the tab where the
// link is opened (it arrives with `va_buy=handle/page`) can go on to checkout, and taken (removed)
// by the first tab that does, so one sign-in never opens two checkout sessions (decision 0050).
// A `va_buy` marker without a stored intent (a crafted link, or another device) goes no further
// than the purchase state.

const key = (gate: string) => `va:buy:${gate}`;
const LIFETIME_MS = 15 * 60_000;

export const buyIntent = {
  /** Records that the visitor asked to buy `gate` (`handle/page`). */
  set(gate: string, now = Date.now()): void {
    storage.set(key(gate), String(now));
  },
  /** Whether a recent intent is stored for `gate`, without taking it. */
  has(gate: string, now = Date.now()): boolean {
    const at = Number(storage.get(key(gate)) ?? 0);
    return at > 0 && now - at < LIFETIME_MS;
  },
  /** Takes the intent: true if a recent one was stored, and never again for the same one. */
  take(gate: string, now = Date.now()): boolean {
    const fresh = buyIntent.has(gate, now);
    storage.set(key(gate), null);
    return fresh;
  },
};
