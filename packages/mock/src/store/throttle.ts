// Sliding-window throttles (magic links per email, sign-in requests per IP). An entry lives as long as
// its window: the purge drops hits older than 15 minutes and the keys left empty.
import { isLoopback } from '../net.js';
import { fail, ok, type Kernel, type Result } from './state.js';

export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;

export class ThrottleSlice {
  constructor(
    private readonly k: Kernel,
    private readonly perIp: number,
  ) {}

  /** Records a hit on `key`; answers the seconds to wait when `limit` hits already fell in the window. */
  hit(key: string, limit: number): number | undefined {
    const now = this.k.now();
    const hits = (this.k.t.throttles.get(key) ?? []).filter((t) => t > now - THROTTLE_WINDOW_MS && t <= now);
    if (hits.length >= limit) {
      return Math.max(1, Math.ceil((hits[0]! + THROTTLE_WINDOW_MS - now) / 1000));
    }
    this.k.t.throttles.put(key, [...hits, now]);
    return undefined;
  }

  /**
   * The per-IP limit on sign-in requests; loopback clients are exempt, and so is an in-process mock (MSW in
   * a browser or a test: no network, no address). The standalone server names a client without an
   * address `unknown`, which is throttled like any other address.
   */
  ip(ip: string | undefined): Result<void> {
    if (ip === undefined || isLoopback(ip)) return ok(undefined);
    const wait = this.hit(`ip:${ip}`, this.perIp);
    return wait === undefined
      ? ok(undefined)
      : fail('rate_limited', 'Too many sign-in requests from this address.', wait);
  }

  purge(now: number): void {
    for (const [key, hits] of this.k.t.throttles) {
      const live = hits.filter((t) => t > now - THROTTLE_WINDOW_MS && t <= now);
      if (live.length === 0) this.k.t.throttles.delete(key);
      else if (live.length !== hits.length) this.k.t.throttles.put(key, live);
    }
  }
}
