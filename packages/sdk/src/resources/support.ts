import type { ContentReportRequest, ReportResponse, SupportReportRequest } from '@visitor-access/contract';
import type { APIPromise } from '../api-promise.js';
import type { RequestOptions } from '../options.js';
import { APIResource } from '../resource.js';

/**
 * Reports to the platform: problems (support) and abusive content.
 *
 * @example
 * ```ts
 * await client.support.report({ summary: 'Checkout fails', details: '…', requestId: client.lastRequestId });
 * ```
 */
export class Support extends APIResource {
  /**
   * Sends a problem report to support. Include `requestId` (e.g. `client.lastRequestId` or an
   * error's `requestId`) so support can find the failing call.
   *
   * @example
   * ```ts
   * const { reportId } = await client.support.report({
   *   summary: 'Paid but still locked',
   *   details: 'Bought the masterclass, page still asks me to buy.',
   *   handle: 'gharart',
   *   requestId: err.requestId,
   * });
   * ```
   */
  report(body: SupportReportRequest, options?: RequestOptions): APIPromise<ReportResponse> {
    return this.core.call('supportReport', { body, options });
  }

  /**
   * Reports abusive content on a creator's page.
   *
   * @example
   * ```ts
   * const { reportId } = await client.support.reportContent({ handle: 'gharart', pageSlug: 'welcome', reason: 'Spam' });
   * ```
   */
  reportContent(body: ContentReportRequest, options?: RequestOptions): APIPromise<ReportResponse> {
    return this.core.call('contentReport', { body, options });
  }
}
