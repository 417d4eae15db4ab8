// When the store lets go of what expired: at most once a minute of its own clock (or at once when the
// clock went back), every slice that keeps expiring records purging in one unit of work.
import type { Kernel } from './state.js';

/** How often the store purges what expired, at most (by its own clock). */
const PURGE_EVERY_MS = 60 * 1000;

/** A slice that removes its expired records. */
export interface Purgeable {
  purge(now: number): void;
}

export class PurgeSchedule {
  #last = -Infinity;

  constructor(
    private readonly k: Kernel,
    private readonly slices: readonly Purgeable[],
  ) {}

  /** Purges every slice now, in one unit of work. */
  run(): void {
    const now = this.k.now();
    this.#last = now;
    this.k.uow.run(() => {
      for (const slice of this.slices) slice.purge(now);
    });
  }

  /** Whether a minute (of the store's clock) passed since the last purge, or the clock went back. */
  due(): boolean {
    const now = this.k.now();
    return now - this.#last >= PURGE_EVERY_MS || now < this.#last;
  }
}
