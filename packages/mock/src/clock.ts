/**
 * A source of the current time in milliseconds since the epoch. Inject one into the store to
 * control expiry in tests.
 *
 * @example
 * ```ts
 * const fixed: Clock = { now: () => Date.parse('2026-01-01T00:00:00Z') };
 * ```
 */
export interface Clock {
  now(): number;
}

/**
 * The real clock.
 *
 * @example
 * ```ts
 * systemClock.now(); // Date.now()
 * ```
 */
export const systemClock: Clock = { now: () => Date.now() };

/**
 * A clock the development API can move: it follows a base clock plus an offset, so that
 * `POST /_mock/api/clock { advanceMs }` moves every expiry (links, sessions, idempotency keys) at once.
 *
 * @example
 * ```ts
 * const clock = new AdjustableClock();
 * clock.advance(16 * 60 * 1000); // magic links sent before now are expired
 * clock.reset(); // back to the base clock
 * ```
 */
export class AdjustableClock implements Clock {
  private offset = 0;
  constructor(private readonly base: Clock = systemClock) {}
  now(): number {
    return this.base.now() + this.offset;
  }
  /** Moves the clock forward (or back, with a negative number) by `ms`. */
  advance(ms: number): void {
    this.offset += ms;
  }
  /** Sets the clock to an absolute time; it keeps ticking from there. */
  set(epochMs: number): void {
    this.offset = epochMs - this.base.now();
  }
  /** Follows the base clock again. */
  reset(): void {
    this.offset = 0;
  }
}
