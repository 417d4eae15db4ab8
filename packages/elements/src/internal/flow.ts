import { Task } from '@lit/task';
import type { ReactiveControllerHost } from 'lit';

/** A flow's task: its value is the last answer with the arguments it was run with. */
export type Flow<A extends readonly unknown[], R> = Task<A, { result: R; args: A }>;

const isAbort = (error: unknown) => (error as { name?: unknown } | null)?.name === 'AbortError';

// A listener's bug must surface like any event listener's, not vanish (Task swallows what its
// callbacks throw).
const surface = (error: unknown) =>
  typeof reportError === 'function'
    ? reportError(error)
    : setTimeout(() => {
        throw error;
      });

/**
 * An async flow of an element, run on demand, on `@lit/task`: a newer run aborts the older one and
 * only the newest answer reaches `done` or `failed`; the host leaving the page aborts the run in
 * flight, whose answer then reaches neither. `run` gets an `AbortSignal` to hand to reads (writes
 * are left to finish: a half-sent verify or checkout helps no one).
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
): Flow<A, R> {
  const task: Flow<A, R> = new Task(host, {
    autoRun: false,
    task: async (args: A, { signal }: { signal: AbortSignal }) => {
      try {
        const result = await run(args, signal);
        signal.throwIfAborted();
        return { result, args };
      } catch (error) {
        signal.throwIfAborted();
        throw Object.assign(new FlowError(), { cause: error, args });
      }
    },
    onComplete: ({ result, args }) => {
      try {
        done(result, args);
      } catch (error) {
        surface(error);
      }
    },
    onError: (error) => {
      if (isAbort(error) || !(error instanceof FlowError)) return;
      try {
        failed(error.cause, error.args as A);
      } catch (e) {
        surface(e);
      }
    },
  });
  host.addController({ hostDisconnected: () => task.abort() });
  return task;
}

/** Carries a failed run's own arguments to `failed`, next to its cause. */
class FlowError extends Error {
  declare args: readonly unknown[];
}
