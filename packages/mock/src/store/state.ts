// What every slice shares: the tables, the unit of work, the clock and the crypto primitives.
import type { ErrorCode } from '@visitor-access/contract';
import type { AdjustableClock } from '../clock.js';
import type { Sha256, TimingSafeEqual } from '../crypto.js';
import type { TableName } from '../records.js';
import type * as R from '../records.js';
import { Table, type UnitOfWork } from './table.js';

/** The outcome of a store operation: a value, or a documented error code with a human message. */
export type Result<T> =
  { ok: true; value: T } | { ok: false; error: StoreErrorCode; message: string; retryAfterSeconds?: number };

/** Codes only the pipeline answers (routing, bodies, keys, storage, faults), never a store operation. */
type PipelineErrorCode = ContractCode<
  | 'not_found'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'idempotency_key_reused'
  | 'storage_unavailable'
  | 'service_unavailable'
>;
/** A code the contract documents: a misspelt or retired one in a list above does not compile. */
type ContractCode<C extends ErrorCode> = C;

/**
 * Error codes the store answers with: the contract's codes (`ErrorCode`) but those only the pipeline
 * answers, plus the development API's own.
 */
export type StoreErrorCode =
  | Exclude<ErrorCode, PipelineErrorCode>
  | 'handle_not_found'
  | 'checkout_session_not_found'
  | 'checkout_session_closed'
  | 'target_not_reached';

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(error: StoreErrorCode, message: string, retryAfterSeconds?: number): Result<T> =>
  retryAfterSeconds === undefined ? { ok: false, error, message } : { ok: false, error, message, retryAfterSeconds };

export const pageKey = (handle: string, slug: string) => `${handle}/${slug}`;
export const grantKey = (visitorId: string, handle: string, slug: string) => `${visitorId}|${handle}/${slug}`;

/** How long used and expired records are kept before a purge removes them. */
export const PURGE_AFTER_MS = 24 * 60 * 60 * 1000;

/** Every table of the store, by name. */
export interface Tables {
  handles: Table<R.HandleRecord>;
  pages: Table<R.PageRecord>;
  groupBuys: Table<R.GroupBuyRecord>;
  interests: Table<R.InterestRecord>;
  files: Table<R.FileGrantRecord>;
  visitors: Table<R.VisitorRecord>;
  magicLinks: Table<R.MagicLinkRecord>;
  sessions: Table<R.SessionRecord>;
  purchases: Table<R.PurchaseRecord>;
  freeLogins: Table<R.FreeLoginRecord>;
  refunds: Table<R.RefundRecord>;
  checkouts: Table<R.CheckoutSessionRecord>;
  messages: Table<R.MessageRecord>;
  idempotency: Table<R.IdempotencyRecord>;
  throttles: Table<R.ThrottleRecord>;
  reports: Table<R.ReportRecord>;
  clock: Table<R.ClockRecord>;
}

/** Creates the empty tables, in the order a compaction writes them. */
export function createTables(uow: UnitOfWork): Tables {
  const names: TableName[] = [
    'clock',
    'handles',
    'pages',
    'groupBuys',
    'interests',
    'files',
    'visitors',
    'magicLinks',
    'sessions',
    'purchases',
    'freeLogins',
    'refunds',
    'checkouts',
    'messages',
    'idempotency',
    'throttles',
    'reports',
  ];
  return Object.fromEntries(names.map((n) => [n, new Table(n, uow)])) as unknown as Tables;
}

/** The shared part every slice is built on. */
export interface Kernel {
  readonly t: Tables;
  readonly uow: UnitOfWork;
  readonly clock: AdjustableClock;
  readonly sha256: Sha256;
  readonly equal: TimingSafeEqual;
  now(): number;
}
