import type { ReactiveControllerHost } from 'lit';

/** A flow of an element: `run` starts it (aborting the run before), `abort` drops the run in flight. */
export interface Flow<A extends readonly unknown[]> {
  run(args: A): Promise<void>;
  abort(): void;
}

// A listener's bug must surface like any event listener's, not vanish in a promise nobody awaits.
const surface = (error: unknown) =>
  typeof reportError === 'function'
    ? reportError(error)
    : setTimeout(() => {
        throw error;
      });

/**
 * An async flow of an element, run on demand: a newer run aborts the older one and only the newest
 * answer reaches `done` or `failed`; the host leaving the page aborts the run in flight, whose
 * answer then reaches neither. `run` gets an `AbortSignal` to hand to reads (writes are left to
 * finish: a half-sent verify or checkout helps no one). The host updates when a run starts and
 * after `done` or `failed`. (Written out rather than on `@lit/task`, of which it used only this:
 * 1.7 kB less in the first chunk, decision 0153.)
 *
 * @example
 * ```ts
 * readonly #check = flow(this, ([slug], signal) => client.pages.checkAccess(h, slug, { signal }), (r) => …);
 * this.#check.run(['masterclass']);
 * ```
 */
export function flow<A extends readonly unknown[], R>(
  host: ReactiveControllerHost,
  run: (args: A, signal: AbortSignal) => Promise<R>,
  done: (result: R, args: A) => void,
  failed: (error: unknown, args: A) => void = () => {},
): Flow<A> {
  let current: AbortController | undefined;
  const abort = () => {
    current?.abort();
    current = undefined;
  };
  host.addController({ hostDisconnected: abort });
  return {
    abort,
    async run(args) {
      abort();
      const { signal } = (current = new AbortController());
      host.requestUpdate();
      let outcome: () => void;
      try {
        const result = await run(args, signal);
        outcome = () => done(result, args);
      } catch (error) {
        outcome = () => failed(error, args);
      }
      if (signal.aborted) return;
      current = undefined;
      try {
        outcome();
      } catch (error) {
        surface(error);
      }
      host.requestUpdate();
    },
  };
}
