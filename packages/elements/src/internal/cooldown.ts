import { normaliseEmail } from '@visitor-access/contract/lite';
import { storage } from './storage.js';

// The "send a new link" cooldown is stored per email in localStorage, so every tab shows the
// same countdown, and a tab opened later still honours the server's Retry-After.

const key = (email: string) => `va:cooldown:${normaliseEmail(email)}`;

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

/**
 * The last email a sign-in link was requested for in this browser: it fills the form again after an
 * expired link. It never names whoever a link belongs to: a link in the address bar may be anyone's
 * (decision 0121).
 */
export const lastEmail = {
  get(): string | undefined {
    const value = storage.get('va:last-email') ?? '';
    return /^\d+ /.test(value) ? value.slice(value.indexOf(' ') + 1) : value || undefined;
  },
  set(email: string, now = Date.now()): void {
    storage.set('va:last-email', `${now} ${email}`);
  },
};
