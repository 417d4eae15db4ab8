import type { EdgeAccessResponse } from '@visitor-access/contract';
import type { APIPromise } from '../api-promise.js';
import type { RequestOptions } from '../options.js';
import { APIResource } from '../resource.js';

/**
 * The edge routes: what the edge knows of the visitor, and the magic-link landing URL.
 *
 * @example
 * ```ts
 * const { visitor, items } = await client.edge.access();
 * ```
 */
export class Edge extends APIResource {
  /**
   * The current visitor (or `null`) and their access. Never 401.
   *
   * @example
   * ```ts
   * const { visitor } = await client.edge.access();
   * if (!visitor) showSignIn();
   * ```
   */
  access(options?: RequestOptions): APIPromise<EdgeAccessResponse> {
    return this.core.call('edgeAccess', { options });
  }

  /**
   * The absolute URL of the magic-link landing page for a token (sends nothing). Opening it never
   * consumes the token: the page asks the visitor to press Continue. Throws
   * `InvalidRequestError` for an empty token or a `returnTo` that is not an http(s) URL
   * (the lite entry checks neither; the landing page refuses a bad `returnTo` itself).
   *
   * @example
   * ```ts
   * client.edge.landingUrl(token, { returnTo: 'https://gharart.example/masterclass' });
   * // 'http://localhost:4010/_edge/visitor/access/t/<token>?returnTo=https%3A%2F%2F…'
   * ```
   */
  landingUrl(token: string, query: { returnTo?: string } = {}): string {
    this.core.checkUrlParts('magicLinkLanding', { params: { token }, query });
    return this.core.url('magicLinkLanding', { token }, { returnTo: query.returnTo });
  }
}
