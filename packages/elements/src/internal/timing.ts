/**
 * The delays the elements wait between attempts. Hosts rarely need to touch them; tests shrink them.
 *
 * @example
 * ```ts
 * import { timing } from '@visitor-access/elements';
 * timing.resendCooldownMs = 60_000;
 * ```
 */
export const timing = {
  /** Cooldown after sending a link, unless the server's `Retry-After` says longer. */
  resendCooldownMs: 30_000,
  /** First delay of the `me` poll while waiting for a sign-in in another tab or device. */
  pollStartMs: 2_000,
  /** Longest delay between two `me` polls. */
  pollMaxMs: 20_000,
  /** The poll stops after this long (a link lives 15 minutes). */
  pollForMs: 15 * 60_000,
  /**
   * How long an element without an API address waits for one (set a moment later by the page's
   * code) before it says it is not set up. An address that is not one is said at once.
   */
  setupGraceMs: 500,
  /** Delays of the access re-checks after a checkout success redirect (payment may land late). */
  returnDelaysMs: [500, 1_000, 1_500, 2_000, 3_000, 4_000, 5_000, 8_000],
};
