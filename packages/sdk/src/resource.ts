import type { Core } from './core.js';

/**
 * What every resource of the client (`client.auth`, `client.pages`, …) shares: the core that sends
 * its calls, kept in a private field so that it is neither enumerable nor reachable from outside.
 * A resource method is one `this.core.call('<routeId>', …)`. As Stainless's `APIResource`.
 *
 * @example
 * ```ts
 * class Access extends APIResource {
 *   list(options?: RequestOptions) {
 *     return this.core.call<AccessListResponse>('listAccess', { options });
 *   }
 * }
 * ```
 */
export abstract class APIResource {
  readonly #core: Core;

  /**
   * Resources are made by `createClient`.
   * @hidden
   */
  constructor(core: Core) {
    this.#core = core;
  }

  /**
   * The core that sends this resource's calls.
   * @hidden
   */
  protected get core(): Core {
    return this.#core;
  }
}
