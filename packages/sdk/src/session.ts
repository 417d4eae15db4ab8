import type { Visitor } from '@visitor-access/contract';

/**
 * What the client knows about the visitor's session. `unknown` until a call tells it.
 *
 * @example
 * ```ts
 * client.onSessionChange((event: SessionEvent) => {
 *   if (event.state === 'signed_in') console.log(event.visitor.email);
 * });
 * ```
 */
export type SessionEvent = { state: 'signed_in'; visitor: Visitor } | { state: 'signed_out' } | { state: 'unknown' };

/**
 * Listener of {@link SessionEvent}s.
 *
 * @example
 * ```ts
 * const listener: SessionListener = (event) => render(event.state);
 * ```
 */
export type SessionListener = (event: SessionEvent) => void;

interface SessionMessage {
  type: 'visitor-access:session';
  from: string;
  event: SessionEvent;
}

function isSessionMessage(data: unknown): data is SessionMessage {
  if (typeof data !== 'object' || data === null) return false;
  const m = data as Partial<SessionMessage>;
  const state = m.event?.state;
  if (m.type !== 'visitor-access:session' || typeof m.from !== 'string') return false;
  if (state === 'signed_out' || state === 'unknown') return true;
  if (state !== 'signed_in') return false;
  const v = (m.event as { visitor?: Partial<Visitor> }).visitor;
  return typeof v?.id === 'string' && typeof v.email === 'string' && typeof v.createdAt === 'string';
}

function sameEvent(a: SessionEvent, b: SessionEvent): boolean {
  if (a.state !== b.state) return false;
  if (a.state !== 'signed_in' || b.state !== 'signed_in') return true;
  return a.visitor.id === b.visitor.id && a.visitor.email === b.visitor.email;
}

function report(error: unknown): void {
  // A listener's bug must not break the SDK call that triggered it; surface it like an event listener error.
  const g = globalThis as { reportError?: (e: unknown) => void };
  if (typeof g.reportError === 'function') g.reportError(error);
  else
    setTimeout(() => {
      throw error;
    });
}

/**
 * Holds the session state of one client, notifies its listeners, and keeps clients of one origin
 * in step through a `BroadcastChannel` (a client receiving a broadcast never re-broadcasts).
 */
export class SessionStore {
  #state: SessionEvent = { state: 'unknown' };
  #listeners = new Set<SessionListener>();
  #channel: BroadcastChannel | undefined;
  readonly #id = Math.random().toString(36).slice(2) + Date.now().toString(36);

  constructor(channelName: string | false) {
    if (channelName !== false && typeof globalThis.BroadcastChannel === 'function') {
      try {
        const channel = new BroadcastChannel(channelName);
        channel.onmessage = (e: MessageEvent) => {
          if (isSessionMessage(e.data) && e.data.from !== this.#id) this.#apply(e.data.event, false);
        };
        // Node keeps the event loop alive for an open channel; a session listener should not.
        (channel as { unref?: () => void }).unref?.();
        this.#channel = channel;
      } catch {
        this.#channel = undefined;
      }
    }
  }

  get current(): SessionEvent {
    return this.#state;
  }

  set(event: SessionEvent): void {
    this.#apply(event, true);
  }

  subscribe(listener: SessionListener): () => void {
    this.#listeners.add(listener);
    this.#call(listener, this.#state);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  close(): void {
    this.#channel?.close();
    this.#channel = undefined;
    this.#listeners.clear();
  }

  #apply(event: SessionEvent, broadcast: boolean): void {
    if (sameEvent(this.#state, event)) return;
    this.#state = event;
    if (broadcast && this.#channel) {
      try {
        this.#channel.postMessage({ type: 'visitor-access:session', from: this.#id, event } satisfies SessionMessage);
      } catch {
        // A closed channel only means other tabs are not told.
      }
    }
    for (const listener of [...this.#listeners]) this.#call(listener, event);
  }

  #call(listener: SessionListener, event: SessionEvent): void {
    try {
      listener(event);
    } catch (error) {
      report(error);
    }
  }
}
