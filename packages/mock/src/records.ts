// The shapes of everything the store keeps, one per table. They are zod/mini schemas so that a `--data`
// file is validated record by record when it is loaded (a corrupt file is an error, never a silent reset).
import * as z from 'zod/mini';

const str = z.string();
const num = z.number();
const optNum = z.optional(z.number());
const optStr = z.optional(z.string());

export const HandleRecord = z.object({ handle: str, connectConfigured: z.boolean(), allowedOrigins: z.array(str) });
export type HandleRecord = z.infer<typeof HandleRecord>;

export const PageRecord = z.object({
  handle: str,
  slug: str,
  title: str,
  mode: z.enum(['PUBLIC', 'FREE_WITH_LOGIN', 'PAID']),
  price: optNum,
  currency: optStr,
  published: z.boolean(),
});
export type PageRecord = z.infer<typeof PageRecord>;

export const GroupBuyRecord = z.object({
  handle: str,
  slug: str,
  title: str,
  targetQuantity: num,
  price: optNum,
  currency: optStr,
  activatedAt: optNum,
  /** The PAID page the offer sells (published on activation). */
  pageSlug: optStr,
});
export type GroupBuyRecord = z.infer<typeof GroupBuyRecord>;

/** One visitor's interest in one group buy (a table of its own: a write costs one record, not the crowd). */
export const InterestRecord = z.object({ handle: str, slug: str, visitorId: str, expressedAt: num });
export type InterestRecord = z.infer<typeof InterestRecord>;

export const FileGrantRecord = z.object({ handle: str, slug: str, title: str, email: str, grantedAt: num });
export type FileGrantRecord = z.infer<typeof FileGrantRecord>;

export const VisitorRecord = z.object({ id: str, email: str, createdAt: num });
export type VisitorRecord = z.infer<typeof VisitorRecord>;

export const MagicLinkRecord = z.object({
  /** Public half of the token, used to find the record. */
  selector: str,
  /** SHA-256 of the secret half; the secret itself is never stored. */
  verifierHash: str,
  /** SHA-256 of `selector:code`. */
  codeHash: str,
  email: str,
  returnTo: optStr,
  createdAt: num,
  expiresAt: num,
  consumedAt: optNum,
  codeAttempts: num,
  killedAt: optNum,
});
export type MagicLinkRecord = z.infer<typeof MagicLinkRecord>;

export const SessionRecord = z.object({
  id: str,
  secretHash: str,
  visitorId: str,
  createdAt: num,
  expiresAt: num,
  revokedAt: optNum,
});
export type SessionRecord = z.infer<typeof SessionRecord>;

export const PurchaseRecord = z.object({
  id: str,
  visitorId: str,
  handle: str,
  slug: str,
  amount: num,
  currency: str,
  grantedAt: num,
  grantType: z.enum(['PURCHASE', 'REFUNDED']),
  revokedAt: optNum,
  refundId: optStr,
  checkoutSessionId: optStr,
});
export type PurchaseRecord = z.infer<typeof PurchaseRecord>;

export const FreeLoginRecord = z.object({ visitorId: str, handle: str, slug: str, grantedAt: num });
export type FreeLoginRecord = z.infer<typeof FreeLoginRecord>;

export const RefundRecord = z.object({
  id: str,
  visitorId: str,
  handle: str,
  pageSlug: str,
  amount: num,
  currency: str,
  status: z.literal('succeeded'),
  source: z.enum(['creator', 'stripe']),
  createdAt: num,
});
export type RefundRecord = z.infer<typeof RefundRecord>;

export const CheckoutSessionRecord = z.object({
  id: str,
  visitorId: str,
  handle: str,
  slug: str,
  title: str,
  amount: num,
  currency: str,
  successUrl: str,
  cancelUrl: str,
  status: z.enum(['open', 'paid', 'cancelled']),
  createdAt: num,
  completedAt: optNum,
});
export type CheckoutSessionRecord = z.infer<typeof CheckoutSessionRecord>;

export const MessageRecord = z.object({
  id: str,
  to: str,
  subject: str,
  text: str,
  link: z.nullable(str),
  token: optStr,
  code: optStr,
  sentAt: num,
});
export type MessageRecord = z.infer<typeof MessageRecord>;

export const IdempotencyRecord = z.object({
  /** SHA-256 of route, scope (session, creator) and key: the key itself is not stored. */
  keyHash: str,
  fingerprint: str,
  status: num,
  body: str,
  contentType: str,
  /**
   * A `Set-Cookie` to send again with the replay (a verify's session cookie), encrypted with a key
   * stream derived from the Idempotency-Key, so the data file alone reveals no session secret.
   */
  sealedCookie: optStr,
  createdAt: num,
});
export type IdempotencyRecord = z.infer<typeof IdempotencyRecord>;

export const ReportRecord = z.object({
  id: str,
  kind: z.enum(['support', 'content']),
  visitorId: optStr,
  body: z.record(str, z.unknown()),
  createdAt: num,
});
export type ReportRecord = z.infer<typeof ReportRecord>;

/** One line of the request log. */
export interface RequestLogEntry {
  requestId: string;
  method: string;
  path: string;
  status: number;
  durationMs: number;
  at: number;
  /** The fault the mock injected, e.g. `503`, `reset`, `latency=200` (see faults.ts). */
  fault?: string;
}

/** A throttle's hits (timestamps) within its window. */
export const ThrottleRecord = z.array(num);
export type ThrottleRecord = z.infer<typeof ThrottleRecord>;

/** The clock's offset from real time, saved with `--data`. */
export const ClockRecord = z.object({ offsetMs: num });
export type ClockRecord = z.infer<typeof ClockRecord>;

/** The group-buy record of a version-1 file, with its interests inline. */
const GroupBuyRecordV1 = z.object({ ...GroupBuyRecord.def.shape, interests: z.record(str, num) });
/** The idempotency record of a version-1 file (raw scoped key). */
const IdempotencyRecordV1 = z.object({
  key: str,
  fingerprint: str,
  status: num,
  body: str,
  contentType: str,
  createdAt: num,
});

/**
 * A version-1 `--data` file: one JSON snapshot rewritten after every change. Read once to migrate.
 */
export const SnapshotV1 = z.object({
  format: z.literal('visitor-access-mock'),
  version: z.literal(1),
  savedAt: num,
  handles: z.array(HandleRecord),
  pages: z.array(PageRecord),
  groupBuys: z.array(GroupBuyRecordV1),
  files: z.array(FileGrantRecord),
  visitors: z.array(VisitorRecord),
  magicLinks: z.array(MagicLinkRecord),
  sessions: z.array(SessionRecord),
  purchases: z.array(PurchaseRecord),
  freeLogins: z.array(FreeLoginRecord),
  refunds: z.array(RefundRecord),
  checkouts: z.array(CheckoutSessionRecord),
  messages: z.array(MessageRecord),
  idempotency: z.array(IdempotencyRecordV1),
  throttles: z.record(str, z.array(num)),
  reports: z.array(ReportRecord),
});
export type SnapshotV1 = z.infer<typeof SnapshotV1>;

/**
 * The schema of every table's records, by table name: what a version-2 `--data` journal is validated with.
 */
export const TABLE_SCHEMAS = {
  handles: HandleRecord,
  pages: PageRecord,
  groupBuys: GroupBuyRecord,
  interests: InterestRecord,
  files: FileGrantRecord,
  visitors: VisitorRecord,
  magicLinks: MagicLinkRecord,
  sessions: SessionRecord,
  purchases: PurchaseRecord,
  freeLogins: FreeLoginRecord,
  refunds: RefundRecord,
  checkouts: CheckoutSessionRecord,
  messages: MessageRecord,
  idempotency: IdempotencyRecord,
  throttles: ThrottleRecord,
  reports: ReportRecord,
  clock: ClockRecord,
} as const;
export type TableName = keyof typeof TABLE_SCHEMAS;
