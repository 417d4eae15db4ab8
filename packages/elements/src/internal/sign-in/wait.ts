import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { VisitorAccessClient } from '../client.js';
import { answer } from '../shapes.js';
import { timing } from '../timing.js';

/** What an element waiting for a sign-in provides. */
export interface WaitHost extends ReactiveControllerHost {
  readonly apiClient: VisitorAccessClient | undefined;
}

/**
 * The wait for a sign-in completed somewhere else: the link opened in another tab (the SDK's
 * session broadcast) or on the magic-link landing page (a poll of `GET /_edge/visitor/access`,
 * which answers 200 with `visitor: null` until then, so the console stays clean). The poll backs
 * off (×1.5 up to `timing.pollMaxMs`), pauses while the tab is hidden, and gives up after
 * `timing.pollForMs` (the life of a link), when `expired` turns true.
 */
export class SignInWait implements ReactiveController {
  /** The wait gave up: the link has expired by now. */
  expired = false;
  #for: string | undefined;
  #abort: AbortController | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #unsubscribe: (() => void) | undefined;
  #poll: (() => void) | undefined;
  readonly #host: WaitHost;
  readonly #signedIn: () => void;
  readonly #onVisibility = () => {
    if (this.#for && !document.hidden && this.#timer === undefined && !this.#abort) this.#poll?.();
  };

  constructor(host: WaitHost, signedIn: () => void) {
    this.#host = host;
    this.#signedIn = signedIn;
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.#onVisibility);
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.#onVisibility);
    this.stop();
  }

  /** Starts waiting for `email` to be signed in; waiting for the same email again changes nothing. */
  start(email: string): void {
    const client = this.#host.apiClient;
    if (!client || this.#for === email) return;
    this.stop();
    this.expired = false;
    this.#for = email;
    const started = Date.now();
    let delay = timing.pollStartMs;
    let replay = true;
    this.#unsubscribe = client.onSessionChange((event) => {
      if (!replay && event.state === 'signed_in') this.#done();
    });
    replay = false;
    const poll = async () => {
      this.#timer = undefined;
      if (!this.#for) return;
      if (Date.now() - started > timing.pollForMs) {
        this.stop();
        this.expired = true;
        this.#host.requestUpdate();
        return;
      }
      if (document.hidden) return; // resumed by visibilitychange
      const abort = (this.#abort = new AbortController());
      try {
        // Only an answer that names the visitor is a sign-in (decision 0036).
        const { visitor } = await answer(client.edge.access({ signal: abort.signal }), 'items:array');
        if (abort.signal.aborted) return;
        if (typeof visitor?.email === 'string') return this.#done();
      } catch {
        if (abort.signal.aborted) return;
        // Offline for a moment, or an answer we cannot read: try again later.
      } finally {
        if (this.#abort === abort) this.#abort = undefined;
      }
      delay = Math.min(delay * 1.5, timing.pollMaxMs);
      this.#schedule(delay);
    };
    this.#poll = () => void poll();
    this.#schedule(delay);
  }

  #schedule(ms: number): void {
    if (!this.#for || !this.#poll) return;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(this.#poll, ms);
  }

  #done(): void {
    if (!this.#for) return;
    this.stop();
    this.#signedIn();
  }

  /** Stops waiting (the visitor went on, or another email is coming). */
  stop(): void {
    this.#for = undefined;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#abort?.abort();
    this.#abort = undefined;
    this.#poll = undefined;
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }
}
