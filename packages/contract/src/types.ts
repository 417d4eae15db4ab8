/**
 * The wire types of the API, as TypeScript types only: one per schema of a request, a response or an
 * error, and `RouteId`. `@visitor-access/sdk` re-exports this module whole (`export type *`), so a
 * type added here is public in both SDK entries at once. A test (`types.test.ts`) fails when a route
 * file, `common.ts` or `errors.ts` declares a type that is not listed here.
 *
 * @example
 * ```ts
 * import type { CheckoutResponse } from '@visitor-access/contract/types';
 * const answer: CheckoutResponse = { url: 'https://checkout.stripe.com/c/pay/cs_test_1', sessionId: 'cs_test_1' };
 * ```
 *
 * @packageDocumentation
 */
export type { PageMode } from './common.js';
export type { ErrorBody, ErrorCode, ErrorDetail } from './errors.js';
export type { RouteId } from './route-table.js';
export type { MagicLinkRequest, MagicLinkResponse, VerifyRequest, Visitor, VisitorResponse } from './routes/auth.js';
export type { AccessCheckResponse, AccessReason, PageSummary } from './routes/access-check.js';
export type { CheckoutRequest, CheckoutResponse } from './routes/checkout.js';
export type { AccessItem, AccessListResponse } from './routes/access.js';
export type { Refund, RefundRequest, RefundResponse } from './routes/refund.js';
export type {
  GroupBuy,
  GroupBuyStatus,
  InterestResponse,
  MyInterestResponse,
  WithdrawInterestResponse,
} from './routes/group-buys.js';
export type { EdgeAccessResponse } from './routes/edge.js';
export type { ContentReportRequest, ReportResponse, SupportReportRequest } from './routes/support.js';
