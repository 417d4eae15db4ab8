import type { AccessListResponse } from '@visitor-access/contract';
import type { APIPromise } from '../api-promise.js';
import type { RequestOptions } from '../options.js';
import { APIResource } from '../resource.js';

/**
 * The signed-in visitor's access history.
 *
 * @example
 * ```ts
 * const { items } = await client.access.list();
 * ```
 */
export class Access extends APIResource {
  /**
   * Paid pages, free-login pages and allowlisted files, newest first, with their status.
   *
   * @example
   * ```ts
   * const { items } = await client.access.list();
   * const active = items.filter((i) => i.status === 'active');
   * ```
   */
  list(options?: RequestOptions): APIPromise<AccessListResponse> {
    return this.core.call('listAccess', { options });
  }
}
