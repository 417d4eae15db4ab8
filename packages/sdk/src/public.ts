// Everything both entries (`@visitor-access/sdk` and `@visitor-access/sdk/lite`) export but `createClient`.
export { VisitorAccessClient } from './client.js';
export type { ClientOptions, RetryOptions, RequestOptions } from './options.js';
export { APIPromise, type WithResponse } from './api-promise.js';
export type { SessionEvent, SessionListener } from './session.js';
export { Auth } from './resources/auth.js';
export { Pages } from './resources/pages.js';
export { Access } from './resources/access.js';
export { GroupBuys } from './resources/group-buys.js';
export { Edge } from './resources/edge.js';
export { Support } from './resources/support.js';
export {
  VisitorAccessError,
  ApiError,
  InvalidRequestError,
  InvalidRedirectUrlError,
  VisitorUnauthorizedError,
  ExpiredMagicLinkError,
  UsedMagicLinkError,
  InvalidMagicLinkError,
  CreatorUnauthorizedError,
  ForbiddenError,
  PageNotFoundError,
  GroupBuyNotFoundError,
  PurchaseNotFoundError,
  NotFoundError,
  PageNotPaidError,
  ConnectNotConfiguredError,
  AlreadyRefundedError,
  AlreadyEntitledError,
  IdempotencyKeyReusedError,
  UnsupportedMediaTypeError,
  PayloadTooLargeError,
  StorageUnavailableError,
  ServiceUnavailableError,
  RateLimitError,
  ConnectionError,
  TimeoutError,
  ResponseValidationError,
  errorFromResponse,
  type ApiErrorInit,
  type ValidationIssue,
} from './errors.js';
// The wire types (request and response bodies, error codes, `RouteId`): the contract's type list, whole.
export type * from '@visitor-access/contract/types';
