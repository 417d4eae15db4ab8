// Not a fact of the wire, but the one wait every package needs (the elements' payment polling, the
// mock's latency and timeout faults, the conformance kit's mailbox polling): the contract is the one
// package they all depend on, and its zod-free entry (`/lite`) costs the browser nothing more
// (decision 0173).

/**
 * Waits `ms`; rejects with `signal.reason` as soon as `signal` aborts (at once if it already has).
 * The abort listener is always removed, whichever comes first, so many waits on one long-lived
 * signal (a page's, a server's) never pile up listeners on it.
 *
 * @example
 * ```ts
 * import { sleep } from '@visitor-access/contract/lite';
 * const stop = new AbortController();
 * await sleep(250, stop.signal); // resolves after 250 ms, unless stop.abort() came first
 * ```
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
