import { storage } from './env.js';

// The "send a new link" cooldown is stored per email in localStorage, so every tab shows the
// same countdown, and a tab opened later still honours the server's Retry-After.

const key = (email: string) => `va:cooldown:${email.trim().toLowerCase()}`;

/** Milliseconds left before a new link may be sent to this email. */
export function cooldownLeft(email: string, now = Date.now()): number {
  const until = Number(storage.get(key(email)) ?? 0);
  return Math.max(0, until - now);
}

/** Starts (or extends) the cooldown of an email. */
export function startCooldown(email: string, ms: number, now = Date.now()): void {
  const until = Math.max(now + ms, now + cooldownLeft(email, now));
  storage.set(key(email), String(until));
}

/** The last email a sign-in link was requested for in this browser (for one-click recovery). */
export const lastEmail = {
  get: () => storage.get('va:last-email') ?? undefined,
  set: (email: string) => storage.set('va:last-email', email),
};
