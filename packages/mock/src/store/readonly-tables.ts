// The store's tables as the outside reads them: read-only maps (and copies of the append-only lists), with
// no way to change a record except through the store's own methods.
import type {
  CheckoutSessionRecord,
  FileGrantRecord,
  FreeLoginRecord,
  GroupBuyRecord,
  HandleRecord,
  IdempotencyRecord,
  MagicLinkRecord,
  MessageRecord,
  PageRecord,
  PurchaseRecord,
  RefundRecord,
  ReportRecord,
  SessionRecord,
  VisitorRecord,
} from '../records.js';
import type { Tables } from './state.js';

/** The read-only table getters of `MockStore` (its base class). */
export abstract class ReadonlyTables {
  readonly #tables: Tables;

  constructor(tables: Tables) {
    this.#tables = tables;
  }

  get handles(): ReadonlyMap<string, HandleRecord> {
    return this.#tables.handles;
  }
  get pages(): ReadonlyMap<string, PageRecord> {
    return this.#tables.pages;
  }
  get groupBuys(): ReadonlyMap<string, GroupBuyRecord> {
    return this.#tables.groupBuys;
  }
  get files(): FileGrantRecord[] {
    return [...this.#tables.files.values()];
  }
  get visitors(): ReadonlyMap<string, VisitorRecord> {
    return this.#tables.visitors;
  }
  get magicLinks(): ReadonlyMap<string, MagicLinkRecord> {
    return this.#tables.magicLinks;
  }
  get sessions(): ReadonlyMap<string, SessionRecord> {
    return this.#tables.sessions;
  }
  get purchases(): ReadonlyMap<string, PurchaseRecord> {
    return this.#tables.purchases;
  }
  get freeLogins(): ReadonlyMap<string, FreeLoginRecord> {
    return this.#tables.freeLogins;
  }
  get refunds(): ReadonlyMap<string, RefundRecord> {
    return this.#tables.refunds;
  }
  get checkouts(): ReadonlyMap<string, CheckoutSessionRecord> {
    return this.#tables.checkouts;
  }
  /** Every kept message, oldest first (see {@link MockStore.messagesTo} for newest first). */
  get messages(): MessageRecord[] {
    return [...this.#tables.messages.values()];
  }
  get idempotency(): ReadonlyMap<string, IdempotencyRecord> {
    return this.#tables.idempotency;
  }
  get throttles(): ReadonlyMap<string, number[]> {
    return this.#tables.throttles;
  }
  get reports(): ReportRecord[] {
    return [...this.#tables.reports.values()];
  }
}
