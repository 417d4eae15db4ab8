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

/** How far the development API may move the clock from real time: ten years either way. */
export const MAX_CLOCK_OFFSET_MS = 10 * 366 * 24 * 60 * 60 * 1000;

/**
 * A clock the development API can move: it follows a base clock plus an offset, so that
 * `POST /_mock/api/clock { advanceMs }` moves every expiry (links, sessions, idempotency keys) at once.
 * The offset stays within ±10 years (a `RangeError` otherwise), where every date still prints.
 *
 * @example
 * ```ts
 * const clock = new AdjustableClock();
 * clock.advance(16 * 60 * 1000); // magic links sent before now are expired
 * clock.reset(); // back to the base clock
 * ```
 */
export class AdjustableClock implements Clock {
  #offset = 0;
  /** Called with the new offset after every change (the store saves it with `--data`). */
  onChange: ((offsetMs: number) => void) | undefined;
  constructor(private readonly base: Clock = systemClock) {}
  now(): number {
    return this.base.now() + this.#offset;
  }
  /** The offset from the base clock, in ms. */
  get offset(): number {
    return this.#offset;
  }
  /** Whether `offsetMs` is within the ±10 years the clock allows. */
  static inRange(offsetMs: number): boolean {
    return Number.isFinite(offsetMs) && Math.abs(offsetMs) <= MAX_CLOCK_OFFSET_MS;
  }
  /** Moves the clock forward (or back, with a negative number) by `ms`. */
  advance(ms: number): void {
    this.setOffset(this.#offset + ms);
  }
  /** Sets the clock to an absolute time; it keeps ticking from there. */
  set(epochMs: number): void {
    this.setOffset(epochMs - this.base.now());
  }
  /** Follows the base clock again. */
  reset(): void {
    this.setOffset(0);
  }
  /** Follows a saved offset without announcing it (the store's clock table changed: load, undo). */
  follow(offsetMs: number): void {
    this.#offset = offsetMs;
  }
  /** Sets the offset from the base clock directly (loading a saved clock). */
  setOffset(offsetMs: number): void {
    if (!AdjustableClock.inRange(offsetMs)) {
      throw new RangeError('The clock can be moved at most 10 years from the real time.');
    }
    const previous = this.#offset;
    this.#offset = offsetMs;
    try {
      this.onChange?.(offsetMs);
    } catch (error) {
      this.#offset = previous;
      throw error;
    }
  }
}
