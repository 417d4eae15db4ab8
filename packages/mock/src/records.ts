// The shapes of everything the store keeps. They are zod/mini schemas so that a `--data` file is
// validated record by record when it is loaded (a corrupt file is an error, never a silent reset).
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
  /** visitorId → expressedAt */
  interests: z.record(str, num),
});
export type GroupBuyRecord = z.infer<typeof GroupBuyRecord>;

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
  key: str,
  fingerprint: str,
  status: num,
  body: str,
  contentType: str,
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
}

/**
 * Everything a `--data` file holds. Version 1.
 */
export const Snapshot = z.object({
  format: z.literal('visitor-access-mock'),
  version: z.literal(1),
  savedAt: num,
  handles: z.array(HandleRecord),
  pages: z.array(PageRecord),
  groupBuys: z.array(GroupBuyRecord),
  files: z.array(FileGrantRecord),
  visitors: z.array(VisitorRecord),
  magicLinks: z.array(MagicLinkRecord),
  sessions: z.array(SessionRecord),
  purchases: z.array(PurchaseRecord),
  freeLogins: z.array(FreeLoginRecord),
  refunds: z.array(RefundRecord),
  checkouts: z.array(CheckoutSessionRecord),
  messages: z.array(MessageRecord),
  idempotency: z.array(IdempotencyRecord),
  throttles: z.record(str, z.array(num)),
  reports: z.array(ReportRecord),
});
export type Snapshot = z.infer<typeof Snapshot>;
