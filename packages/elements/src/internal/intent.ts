import { normaliseEmail } from '@visitor-access/contract/lite';
import { storage } from './storage.js';

// "Buy for …" pressed by a signed-out visitor: the purchase waits for the sign-in. The intent is
// kept per `handle/page` in localStorage for the life of a sign-in link, so that the tab where the
// link is opened (it arrives with `va_buy=handle/page`) can go on to checkout, and taken (removed)
// by the first tab that does, so one sign-in never opens two checkout sessions (decision 0050).
// A `va_buy` marker without a stored intent (a crafted link, or another device) goes no further
// than the purchase state.
//
// The intent remembers who asked (the normalised email the link or code went to): a sign-in by
// anyone else — a link someone else sent or shared — never carries it on to checkout (decision 0121).

const key = (gate: string) => `va:buy:${gate}`;
const LIFETIME_MS = 15 * 60_000;

// The same address as the server sees it: trimmed, lower-cased (the contract's rule).
export { normaliseEmail };

/** `{ at, email }` of a stored intent (`"<ms> <email>"`; an older `"<ms>"` has no email). */
function read(gate: string): { at: number; email: string } {
  const value = storage.get(key(gate)) ?? '';
  const space = value.indexOf(' ');
  return space < 0
    ? { at: Number(value) || 0, email: '' }
    : { at: Number(value.slice(0, space)) || 0, email: value.slice(space + 1) };
}

export const buyIntent = {
  /** Records that the visitor with `email` asked to buy `gate` (`handle/page`). */
  set(gate: string, email: string, now = Date.now()): void {
    storage.set(key(gate), `${now} ${normaliseEmail(email)}`);
  },
  /** Whether a recent intent is stored for `gate`, without taking it. */
  has(gate: string, now = Date.now()): boolean {
    const { at } = read(gate);
    return at > 0 && now - at < LIFETIME_MS;
  },
  /**
   * Takes the intent, never to be used again: the normalised email of who asked, if a recent one
   * was stored (`''` for an intent without one), else `undefined`.
   */
  take(gate: string, now = Date.now()): string | undefined {
    const fresh = buyIntent.has(gate, now);
    const { email } = read(gate);
    storage.set(key(gate), null);
    return fresh ? email : undefined;
  },
};
