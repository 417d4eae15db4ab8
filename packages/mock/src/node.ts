/**
 * The mock for tests of your own code in Node: MSW's `setupServer` with the mock's handlers, plus helpers
 * to read the mailbox and sign visitors in.
 *
 * @packageDocumentation
 */
import { setupServer, type SetupServer } from 'msw/node';
import { SESSION_COOKIE } from '@visitor-access/contract';
import { Faults } from './faults/faults.js';
import type { FaultOptions } from './faults/settings.js';
import type { Fixture } from './fixture.js';
import { createHandlers } from './handlers/index.js';
import type { MessageRecord } from './records.js';
import { nodeCrypto } from './node-crypto.js';
import { MockStore, type StoreOptions } from './store/index.js';

/** Options of {@link createMockServer}. */
export interface MockServerOptions {
  /**
   * The API origin your code calls, e.g. `http://api.test`. Only requests to it are answered. Default:
   * the API paths on any origin.
   */
  baseUrl?: string;
  /** Handles and pages to start from. Default: the fixture of `product-spec.md`. */
  fixture?: Fixture;
  /** The time source (default: real time). */
  clock?: StoreOptions['clock'];
  /** An existing store to serve. */
  store?: MockStore;
  /**
   * Behave like one browser: the session cookie set by verify is kept by MSW and sent on every later
   * request of this process to the mock, so plain `fetch` calls after a sign-in are signed in. Off by
   * default: MSW's cookie store is shared by the whole process, so with it a request sent without a
   * cookie is signed in as the last visitor who verified — wrong for tests with several visitors or with
   * code that forwards cookies itself. Without it, send the cookie yourself (`signIn(email)` or the
   * `Set-Cookie` of verify).
   */
  cookieJar?: boolean;
  /**
   * Faults for every API request that does not ask for its own with `X-Mock-Fault`: `{ latency, failRate,
   * seed, rules, timeoutMs }`. There is no socket here: a `reset` rejects the `fetch` with a `TypeError`
   * at once, a `timeout` does after `timeoutMs` (default 30 s; sooner when the caller aborts).
   */
  faults?: FaultOptions | Faults;
}

/** The mock wired into MSW's `setupServer`, with helpers for tests. */
export interface MockServer {
  /** MSW's server: `listen()`, `close()`, `use()`, `resetHandlers()`, events. */
  server: SetupServer;
  /** The mock's state. */
  store: MockStore;
  /** The fault injection's settings (`faults.set({ failRate: 0.3 })`). */
  faults: Faults;
  /** Starts intercepting (requests to other hosts pass through). */
  listen(): void;
  /** Stops intercepting. */
  close(): void;
  /** Back to the fixture: no visitors, purchases or mail, the real clock, and the faults it started with. */
  reset(): void;
  /** The emails sent to an address, newest first. */
  mailbox(email: string): MessageRecord[];
  /** The newest sign-in email's token for an address, or undefined. */
  lastToken(email: string): string | undefined;
  /** Signs a visitor in without email; answers a `Cookie` header value for your requests. */
  signIn(email: string): Promise<string>;
}

/**
 * Creates the mock for Node tests on MSW's `setupServer`.
 *
 * @example
 * ```ts
 * import { createMockServer } from '@visitor-access/mock/node';
 * const mock = createMockServer({ baseUrl: 'http://api.test' });
 * beforeAll(() => mock.listen());
 * afterEach(() => mock.reset());
 * afterAll(() => mock.close());
 *
 * test('paid page needs a purchase', async () => {
 *   const cookie = await mock.signIn('buyer@example.com');
 *   const res = await fetch('http://api.test/v2/public/pages/gharart/masterclass/access-check', {
 *     method: 'POST',
 *     headers: { cookie },
 *   });
 *   expect((await res.json()).reason).toBe('purchase_required');
 * });
 * ```
 */
export function createMockServer(options: MockServerOptions = {}): MockServer {
  const store =
    options.store ??
    new MockStore({
      ...(options.fixture ? { fixture: options.fixture } : {}),
      ...(options.clock ? { clock: options.clock } : {}),
      ...nodeCrypto,
    });
  const faults = options.faults instanceof Faults ? options.faults : new Faults(options.faults);
  const server = setupServer(
    ...createHandlers({
      store,
      faults,
      ...(options.baseUrl ? { apiOrigin: options.baseUrl.replace(/\/$/, '') } : {}),
      ...(options.cookieJar ? { cookieStore: true } : {}),
    }),
  );
  return {
    server,
    store,
    faults,
    listen: () => server.listen({ onUnhandledRequest: 'bypass' }),
    close: () => server.close(),
    reset: () => {
      store.reset();
      faults.reset();
    },
    mailbox: (email) => store.messagesTo(email),
    lastToken: (email) => store.messagesTo(email).find((m) => m.token !== undefined)?.token,
    signIn: async (email) => `${SESSION_COOKIE}=${await store.createSession(email)}`,
  };
}

export { createHandlers } from './handlers/index.js';
export { createStore, MockStore } from './store/index.js';
export { defaultFixture } from './fixture.js';
