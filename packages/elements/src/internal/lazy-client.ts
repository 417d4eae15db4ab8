import type { SessionEvent, SessionListener } from '@visitor-access/sdk/lite';
import type { VisitorAccessClient } from './client.js';

// A client that answers at once and sends through the real SDK client once the SDK has loaded
// (the script-tag build, decision 0151). Every request still goes through the typed client: a
// method called before the SDK is there waits for it (the element that called it stays busy, as it
// does while any request is on the wire); a SDK that fails to load rejects that call with a
// `ConnectionError`, which the elements show as their network error with "Try again", and the next
// call tries to load it again.

/** The SDK module, as much of it as a lazy client needs. */
export interface SdkModule {
  createClient(options: { baseUrl: string }): VisitorAccessClient;
}

/** The API base of a client made by {@link lazyClient} (read by `baseOf`). */
export const BASE = Symbol.for('visitor-access.base');

const noop = () => undefined;

/**
 * A client for `options.baseUrl` whose calls go through `load()`'s SDK. Synchronous reads before it
 * has loaded say what a new client would: no request ID, session `unknown`.
 */
export function lazyClient(options: { baseUrl: string }, load: () => Promise<SdkModule>): VisitorAccessClient {
  let real: VisitorAccessClient | undefined;
  let pending: Promise<VisitorAccessClient> | undefined;
  const waiting = new Set<{ listener: SessionListener; stop?: () => void }>();

  const ready = (): Promise<VisitorAccessClient> =>
    real
      ? Promise.resolve(real)
      : (pending ??= load().then(
          (sdk) => {
            const client = sdk.createClient(options);
            real ??= client;
            for (const entry of waiting) {
              // The listener already had `unknown`; the real client's replay of it is not news.
              let replay = true;
              entry.stop = real.onSessionChange((event) => {
                if (!(replay && event.state === 'unknown')) entry.listener(event);
              });
              replay = false;
            }
            waiting.clear();
            return real;
          },
          (error: unknown) => {
            pending = undefined;
            throw Object.assign(
              new Error('The Visitor Access script could not load the rest of itself', { cause: error }),
              {
                name: 'ConnectionError',
                code: 'network',
              },
            );
          },
        ));

  /** A call: a thenable with `withResponse()`, like the SDK's `APIPromise`. */
  const call = (namespace: string, method: string, args: unknown[]) => {
    type Call = PromiseLike<unknown> & { withResponse(): Promise<unknown> };
    // Wrapped: a `then` callback returning the call itself would unwrap it to its data.
    const sent = ready().then((client) => ({
      call: (client as unknown as Record<string, Record<string, (...a: unknown[]) => Call>>)[namespace]![method]!(
        ...args,
      ),
    }));
    sent.catch(noop);
    const data = () => sent.then(({ call }) => call);
    return {
      then: (ok?: (v: unknown) => unknown, fail?: (e: unknown) => unknown) => data().then(ok, fail),
      catch: (fail: (e: unknown) => unknown) => data().catch(fail),
      finally: (f: () => void) => data().finally(f),
      withResponse: () => sent.then(({ call }) => call.withResponse()),
    };
  };

  const namespaces = new Map<string | symbol, object>();
  const target = {
    [BASE]: options.baseUrl,
    get lastRequestId(): string | undefined {
      return real?.lastRequestId;
    },
    get session(): SessionEvent {
      return real?.session ?? { state: 'unknown' };
    },
    onSessionChange(listener: SessionListener): () => void {
      if (real) return real.onSessionChange(listener);
      const entry: { listener: SessionListener; stop?: () => void } = { listener };
      waiting.add(entry);
      listener({ state: 'unknown' });
      return () => {
        waiting.delete(entry);
        entry.stop?.();
      };
    },
    close(): void {
      real?.close();
    },
    /** Loads the SDK now (after the first usable paint). */
    load: ready,
  };
  return new Proxy(target, {
    get(object, key) {
      if (key in object) return (object as Record<string | symbol, unknown>)[key];
      // A symbol (`Symbol.toPrimitive`, `Symbol.iterator`…) is no namespace: what a plain object says.
      if (typeof key !== 'string') return undefined;
      // `client.pages.checkAccess(…)`, `client.edge.landingUrl(…)`: the real one's once loaded.
      let namespace = namespaces.get(key);
      if (!namespace) {
        namespace = new Proxy(
          {},
          {
            get: (_, method) =>
              typeof method === 'string'
                ? (...args: unknown[]) =>
                    real
                      ? (real as unknown as Record<string, Record<string, (...a: unknown[]) => unknown>>)[
                          key as string
                        ]![method]!(...args)
                      : call(key as string, method, args)
                : undefined,
          },
        );
        namespaces.set(key, namespace);
      }
      return namespace;
    },
  }) as unknown as VisitorAccessClient;
}
