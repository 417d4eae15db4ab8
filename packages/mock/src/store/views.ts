// Answer mappers: the one place a stored record becomes what the API (or the development API) answers.
import type { AccessItem, GroupBuy, PageSummary, Refund, Visitor } from '@visitor-access/contract';
import type { MessageRecord, PageRecord, RefundRecord, VisitorRecord } from '../records.js';

const iso = (ms: number) => new Date(ms).toISOString();

/** `{ id, email, createdAt }` of verify and `me`. */
export const visitorView = (v: VisitorRecord): Visitor => ({ id: v.id, email: v.email, createdAt: iso(v.createdAt) });

/** What a visitor may know of a page before having access. */
export function pageSummary(page: PageRecord): PageSummary {
  const s: PageSummary = { handle: page.handle, slug: page.slug, title: page.title, mode: page.mode };
  if (page.price !== undefined) s.price = page.price;
  if (page.currency !== undefined) s.currency = page.currency;
  return s;
}

/** One access-list entry from its parts (times in ms). */
export function accessItemView(
  item: Omit<AccessItem, 'grantedAt' | 'revokedAt'> & { grantedAt: number; revokedAt?: number | undefined },
): AccessItem {
  const { grantedAt, revokedAt, ...rest } = item;
  return { ...rest, grantedAt: iso(grantedAt), ...(revokedAt !== undefined ? { revokedAt: iso(revokedAt) } : {}) };
}

/** `{ refund }` of the refund route (and of the simulated Stripe refund). */
export const refundView = (r: RefundRecord): { refund: Refund } => ({
  refund: {
    id: r.id,
    visitorId: r.visitorId,
    handle: r.handle,
    pageSlug: r.pageSlug,
    amount: r.amount,
    currency: r.currency,
    status: 'succeeded',
  },
});

/** A group buy as the public sees it. */
export const groupBuyView = (g: {
  handle: string;
  slug: string;
  title: string;
  targetQuantity: number;
  interestCount: number;
  status: GroupBuy['status'];
  price?: number | undefined;
  currency?: string | undefined;
  pageSlug?: string | undefined;
}): GroupBuy => ({
  handle: g.handle,
  slug: g.slug,
  title: g.title,
  targetQuantity: g.targetQuantity,
  interestCount: g.interestCount,
  status: g.status,
  ...(g.price !== undefined ? { price: g.price } : {}),
  ...(g.currency !== undefined ? { currency: g.currency } : {}),
  ...(g.pageSlug !== undefined ? { pageSlug: g.pageSlug } : {}),
});

/** An email in the mock's mailbox, as `GET /_mock/api/messages` lists it (newest first). */
export interface MailboxMessage {
  id: string;
  to: string;
  subject: string;
  text: string;
  /** The sign-in link, or `null` for an email without one. */
  link: string | null;
  /** The link's token (a sign-in email). */
  token?: string;
  /** The 6-digit code (a sign-in email). */
  code?: string;
  /** When it was sent, by the mock's clock (ISO 8601). */
  sentAt: string;
}

/** A message of `GET /_mock/api/messages`. */
export const messageView = (m: MessageRecord): MailboxMessage => ({
  id: m.id,
  to: m.to,
  subject: m.subject,
  text: m.text,
  link: m.link,
  ...(m.token !== undefined ? { token: m.token } : {}),
  ...(m.code !== undefined ? { code: m.code } : {}),
  sentAt: iso(m.sentAt),
});
