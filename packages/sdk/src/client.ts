import { Core, type Validator } from './core.js';
import type { ClientOptions } from './options.js';
import { Access } from './resources/access.js';
import { Auth } from './resources/auth.js';
import { Edge } from './resources/edge.js';
import { GroupBuys } from './resources/group-buys.js';
import { Pages } from './resources/pages.js';
import { Support } from './resources/support.js';
import type { SessionEvent, SessionListener } from './session.js';

/**
 * A Visitor Access API client. Make one with {@link createClient}.
 *
 * @example
 * ```ts
 * const client = createClient({ baseUrl: 'http://localhost:4010' });
 * const { hasAccess } = await client.pages.checkAccess('gharart', 'members-lounge');
 * ```
 */
export class VisitorAccessClient {
  /** Sign-in, the current visitor, sign-out. */
  readonly auth: Auth;
  /** Access checks, checkout, refunds. */
  readonly pages: Pages;
  /** The visitor's access history. */
  readonly access: Access;
  /** Group buys and the visitor's interest in them. */
  readonly groupBuys: GroupBuys;
  /** Edge access and magic-link landing URLs. */
  readonly edge: Edge;
  /** Support and content reports. */
  readonly support: Support;
  readonly #core: Core;

  /**
   * Prefer {@link createClient}. `validator` checks requests and answers with the contract's
   * schemas (`@visitor-access/sdk`); left out (`@visitor-access/sdk/lite`), nothing is validated on
   * this side.
   * @hidden
   */
  constructor(options: ClientOptions, validator?: Validator) {
    const core = new Core(options, validator);
    this.#core = core;
    this.auth = new Auth(core);
    this.pages = new Pages(core);
    this.access = new Access(core);
    this.groupBuys = new GroupBuys(core);
    this.edge = new Edge(core);
    this.support = new Support(core);
  }

  /**
   * The `x-request-id` of the most recent answer, success or error. Quote it to support.
   *
   * @example
   * ```ts
   * await client.auth.me().catch(() => {});
   * console.log(client.lastRequestId); // 'req_…'
   * ```
   */
  get lastRequestId(): string | undefined {
    return this.#core.lastRequestId;
  }

  /**
   * What the client knows of the session right now.
   *
   * @example
   * ```ts
   * if (client.session.state === 'signed_in') greet(client.session.visitor.email);
   * ```
   */
  get session(): SessionEvent {
    return this.#core.session.current;
  }

  /**
   * Calls `listener` with the current session state at once, then on every change: a verify or
   * `me()` success, a logout, any `visitor_unauthorized` answer, or a change announced by another
   * client or tab of the same origin (through `BroadcastChannel`). Repeats of the same state are
   * not announced. Returns the unsubscribe function.
   *
   * @example
   * ```ts
   * const stop = client.onSessionChange((event) => {
   *   header.textContent = event.state === 'signed_in' ? event.visitor.email : 'Sign in';
   * });
   * // later
   * stop();
   * ```
   */
  onSessionChange(listener: SessionListener): () => void {
    return this.#core.session.subscribe(listener);
  }

  /**
   * Stops listening to other tabs and drops every session listener. The client still makes calls.
   *
   * @example
   * ```ts
   * disconnectedCallback() { this.client.close(); }
   * ```
   */
  close(): void {
    this.#core.session.close();
  }
}
