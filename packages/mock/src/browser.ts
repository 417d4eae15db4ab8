/**
 * The mock in the browser, on MSW's service worker: front-end development with no server at all.
 * Copy the service worker script into the folder your dev server serves at `/`, once:
 * `npx visitor-access-mock init public/` (it is MSW's `mockServiceWorker.js`, from the msw this package uses).
 *
 * @packageDocumentation
 */
import { setupWorker, type SetupWorker, type StartOptions } from 'msw/browser';
import { Faults } from './faults/faults.js';
import type { FaultOptions } from './faults/settings.js';
import type { Fixture } from './fixture.js';
import { createHandlers } from './handlers/index.js';
import { MockStore } from './store/index.js';

/** Options of {@link createMockWorker}. */
export interface MockWorkerOptions {
  /** Handles and pages to start from. Default: the fixture of `product-spec.md`. */
  fixture?: Fixture;
  /**
   * The API origin your code calls, e.g. `location.origin`: only requests to it are answered. Default:
   * the API paths on any origin, so a request to a real server from the same tab would be answered from
   * this mock too; pass it whenever the page may also talk to another server.
   */
  apiOrigin?: string;
  /** An existing store to serve. */
  store?: MockStore;
  /**
   * Faults for every API request that does not ask for its own with `X-Mock-Fault`: `{ latency, failRate,
   * seed, rules, timeoutMs }`. A `reset` is a network error (`fetch` rejects with a `TypeError`), a
   * `timeout` is one after `timeoutMs` (default 30 s).
   */
  faults?: FaultOptions | Faults;
}

/** The mock on a service worker. */
export interface MockWorker {
  worker: SetupWorker;
  store: MockStore;
  /** The fault injection's settings (`faults.set({ failRate: 0.3 })`). */
  faults: Faults;
  /** Registers the worker and starts intercepting; unhandled requests pass through. */
  start(options?: StartOptions): Promise<unknown>;
  stop(): void;
}

/**
 * Creates the mock on MSW's service worker. State lives in memory and is lost on reload.
 * Because a worker cannot set cookies, the session cookie is written through `document.cookie` and so is
 * not `HttpOnly` in this mode only.
 *
 * @example
 * ```ts
 * import { createMockWorker } from '@visitor-access/mock/browser';
 * if (import.meta.env.DEV) await createMockWorker().start();
 * ```
 */
export function createMockWorker(options: MockWorkerOptions = {}): MockWorker {
  const store = options.store ?? new MockStore(options.fixture ? { fixture: options.fixture } : {});
  const faults = options.faults instanceof Faults ? options.faults : new Faults(options.faults);
  const worker = setupWorker(
    ...createHandlers({
      store,
      faults,
      scriptReadableCookie: true,
      cookieStore: true,
      ...(options.apiOrigin ? { apiOrigin: options.apiOrigin } : {}),
    }),
  );
  return {
    worker,
    store,
    faults,
    start: (startOptions) => worker.start({ onUnhandledRequest: 'bypass', quiet: true, ...startOptions }),
    stop: () => worker.stop(),
  };
}

export { createHandlers } from './handlers/index.js';
export { createStore, MockStore } from './store/index.js';
export { defaultFixture } from './fixture.js';
