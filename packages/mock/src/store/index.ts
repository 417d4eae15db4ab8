// The store's one facade. Each concern lives in a slice of its own (this folder); this class wires them
// to one set of tables and one unit of work, and keeps the public method names the handlers, the tests
// and the Node entry call.
import type { AccessItem, AccessReason, GroupBuy, PageSummary } from '@visitor-access/contract';
import { normaliseEmail } from '@visitor-access/contract';
import { AdjustableClock, type Clock } from '../clock.js';
import { portableTimingSafeEqual, sha256Hex, type Sha256, type TimingSafeEqual } from '../crypto.js';
import { defaultFixture, parseFixture, type Fixture } from '../fixture.js';
import { isLoopback } from '../net.js';
import {
  SnapshotV1,
  TABLE_SCHEMAS,
  type CheckoutSessionRecord,
  type FileGrantRecord,
  type FreeLoginRecord,
  type GroupBuyRecord,
  type MagicLinkRecord,
  type SessionRecord,
  type HandleRecord,
  type IdempotencyRecord,
  type MessageRecord,
  type PageRecord,
  type PurchaseRecord,
  type RefundRecord,
  type ReportRecord,
  type RequestLogEntry,
  type TableName,
  type VisitorRecord,
} from '../records.js';
import { AccessSlice } from './access.js';
import { CheckoutSlice, type GrantInput } from './checkout.js';
import { GroupBuysSlice } from './group-buys.js';
import { IdempotencySlice } from './idempotency.js';
import { LinksSlice, type LinkState, type SignIn } from './links.js';
import { MailSlice } from './mail.js';
import { PagesSlice } from './pages.js';
import { RefundsSlice } from './refunds.js';
import { RequestLog } from './request-log.js';
import { createTables, grantKey, pageKey, type Kernel, type Result, type Tables } from './state.js';
import { SupportSlice } from './support.js';
import { Mutex, UnitOfWork, type ChangeSink, type JournalChange, type Table } from './table.js';
import { ThrottleSlice } from './throttle.js';
import { VisitorsSlice } from './visitors.js';
import { pageSummary } from './views.js';

export type { Result, StoreErrorCode } from './state.js';
export type { LinkState, SignIn } from './links.js';
export { StorageUnavailableError, type ChangeSink, type JournalChange } from './table.js';
export { isLoopback };

/** Options of {@link createStore}. */
export interface StoreOptions {
  /** Handles, pages, group buys and files to start from (and to go back to on reset). */
  fixture?: Fixture;
  /** The time source; the development API moves an offset on top of it. Default: the real clock. */
  clock?: Clock;
  /** Constant-time comparison; the Node entries pass `crypto.timingSafeEqual`. */
  timingSafeEqual?: TimingSafeEqual;
  /** SHA-256 to hex; default Web Crypto. The Node entries pass a synchronous `createHash` version. */
  sha256?: Sha256;
  /** Magic-link requests allowed per email per 15 minutes. Default 5. */
  magicLinksPerEmail?: number;
  /** Magic-link and verify requests allowed per (non-loopback) IP per 15 minutes. Default 60. */
  authRequestsPerIp?: number;
}

/** The state as plain JSON, table by table (see {@link MockStore.toJSON}). */
export interface StoreSnapshot {
  format: 'visitor-access-mock';
  version: 2;
  tables: Record<TableName, [string, unknown][]>;
}

/**
 * A `--data` file or snapshot that does not validate.
 *
 * @example
 * ```ts
 * try { store.load(JSON.parse(text)); } catch (e) { if (e instanceof SnapshotError) process.exit(1); }
 * ```
 */
export class SnapshotError extends Error {
  override readonly name = 'SnapshotError';
}

/** How often the store purges what expired, at most (by its own clock). */
const PURGE_EVERY_MS = 60 * 1000;

/**
 * The whole state of the mock behind one facade: handles, pages, visitors, magic links, sessions,
 * purchases, refunds, group-buy interest, the mailbox, idempotency records, throttles and the request log.
 * Each concern is a slice in `src/store/`; every lookup a request needs is a `Map` get, and every change
 * is a record put or deleted in a table, collected in a unit of work that is saved (with `--data`) in one
 * append before the answer leaves: all or nothing.
 *
 * @example
 * ```ts
 * import { createStore } from '@visitor-access/mock';
 * const store = createStore();
 * const visitor = store.ensureVisitor('buyer@example.com');
 * store.grantPurchase({ visitorId: visitor.id, handle: 'gharart', slug: 'masterclass' });
 * store.checkAccess('gharart', 'masterclass', visitor); // { ok: true, value: { hasAccess: true, … } }
 * ```
 */
export class MockStore {
  /** The clock every expiry is measured with; `POST /_mock/api/clock` moves it (±10 years at most). */
  readonly clock: AdjustableClock;
  /** The fixture the store started from and resets to. */
  readonly fixture: Fixture;

  readonly #uow = new UnitOfWork();
  readonly #t: Tables;
  readonly #lock = new Mutex();
  readonly #log = new RequestLog();
  readonly #pages: PagesSlice;
  readonly #visitors: VisitorsSlice;
  readonly #mail: MailSlice;
  readonly #throttle: ThrottleSlice;
  readonly #links: LinksSlice;
  readonly #checkout: CheckoutSlice;
  readonly #access: AccessSlice;
  readonly #refunds: RefundsSlice;
  readonly #groupBuys: GroupBuysSlice;
  readonly #support: SupportSlice;
  readonly #idempotency: IdempotencySlice;
  readonly #sha256: Sha256;
  #lastPurge = -Infinity;

  constructor(options: StoreOptions = {}) {
    this.clock = new AdjustableClock(options.clock);
    this.fixture = parseFixture(options.fixture ?? defaultFixture);
    this.#t = createTables(this.#uow);
    this.#sha256 = options.sha256 ?? sha256Hex;
    const kernel: Kernel = {
      t: this.#t,
      uow: this.#uow,
      clock: this.clock,
      sha256: options.sha256 ?? sha256Hex,
      equal: options.timingSafeEqual ?? portableTimingSafeEqual,
      now: () => this.clock.now(),
    };
    // The clock's offset is a record like any other: saved with --data, undone with its unit.
    this.#t.clock.watch((_key, value) => this.clock.follow(value?.offsetMs ?? 0));
    this.clock.onChange = (offsetMs) => {
      this.#uow.run(() => this.#t.clock.put('clock', { offsetMs }));
    };
    this.#pages = new PagesSlice(kernel);
    this.#t.handles.watch(() => this.#pages.changed());
    this.#visitors = new VisitorsSlice(kernel);
    this.#mail = new MailSlice(kernel);
    this.#throttle = new ThrottleSlice(kernel, options.authRequestsPerIp ?? 60);
    this.#links = new LinksSlice(kernel, this.#visitors, this.#mail, this.#throttle, options.magicLinksPerEmail ?? 5);
    this.#checkout = new CheckoutSlice(kernel, this.#pages);
    this.#access = new AccessSlice(kernel, this.#pages, this.#checkout);
    this.#refunds = new RefundsSlice(kernel);
    this.#groupBuys = new GroupBuysSlice(kernel, this.#mail);
    this.#support = new SupportSlice(kernel);
    this.#idempotency = new IdempotencySlice(kernel);
    // The fixture is where every store starts; not a change to save (a data file replays over it).
    const sink = this.#uow.sink;
    this.#uow.sink = undefined;
    this.#uow.run(() => this.#loadFixture());
    this.#uow.sink = sink;
    this.#uow.revision = 0;
  }

  /** SHA-256 of a string as hex, with the store's primitive (synchronous in the Node entries). */
  digest(text: string): string | Promise<string> {
    return this.#sha256(text);
  }

  /** The current time of the store's clock. */
  now(): number {
    return this.clock.now();
  }

  /** Grows by one with every saved change. */
  get revision(): number {
    return this.#uow.revision;
  }

  // ---------------------------------------------------------------- tables (read-only views)

  get handles(): ReadonlyMap<string, HandleRecord> {
    return this.#t.handles;
  }
  get pages(): ReadonlyMap<string, PageRecord> {
    return this.#t.pages;
  }
  get groupBuys(): ReadonlyMap<string, GroupBuyRecord> {
    return this.#t.groupBuys;
  }
  get files(): FileGrantRecord[] {
    return [...this.#t.files.values()];
  }
  get visitors(): ReadonlyMap<string, VisitorRecord> {
    return this.#t.visitors;
  }
  get magicLinks(): ReadonlyMap<string, MagicLinkRecord> {
    return this.#t.magicLinks;
  }
  get sessions(): ReadonlyMap<string, SessionRecord> {
    return this.#t.sessions;
  }
  get purchases(): ReadonlyMap<string, PurchaseRecord> {
    return this.#t.purchases;
  }
  get freeLogins(): ReadonlyMap<string, FreeLoginRecord> {
    return this.#t.freeLogins;
  }
  get refunds(): ReadonlyMap<string, RefundRecord> {
    return this.#t.refunds;
  }
  get checkouts(): ReadonlyMap<string, CheckoutSessionRecord> {
    return this.#t.checkouts;
  }
  /** Every kept message, oldest first (see {@link MockStore.messagesTo} for newest first). */
  get messages(): MessageRecord[] {
    return [...this.#t.messages.values()];
  }
  get idempotency(): ReadonlyMap<string, IdempotencyRecord> {
    return this.#t.idempotency;
  }
  get throttles(): ReadonlyMap<string, number[]> {
    return this.#t.throttles;
  }
  get reports(): ReportRecord[] {
    return [...this.#t.reports.values()];
  }

  // ---------------------------------------------------------------- units of work

  /**
   * Runs `fn` with the store to itself (writes are serialised) in one unit of work: every change `fn`
   * makes is saved in one append when it resolves, or undone when it throws. A failed save undoes the
   * changes and rejects with {@link StorageUnavailableError}. The request pipeline runs every write so.
   *
   * @example
   * ```ts
   * await store.exclusive(async () => { store.grantPurchase(a); store.grantPurchase(b); }); // both or neither
   * ```
   */
  exclusive<T>(fn: () => Promise<T> | T): Promise<T> {
    return this.#lock.run(async () => {
      this.#uow.begin();
      let value: T;
      try {
        value = await fn();
      } catch (error) {
        this.#uow.rollback();
        throw error;
      }
      this.#uow.commit();
      return value;
    });
  }

  /** Where committed changes are saved (the `--data` journal); `undefined` keeps the state in memory. */
  attachSink(sink: ChangeSink | undefined): void {
    this.#uow.sink = sink;
  }

  // ---------------------------------------------------------------- fixture, reset, purge

  #loadFixture(): void {
    const now = this.now();
    for (const h of this.fixture.handles) {
      this.#t.handles.put(h.handle, {
        handle: h.handle,
        connectConfigured: h.connectConfigured,
        allowedOrigins: [...(h.allowedOrigins ?? [])],
      });
      for (const p of h.pages ?? []) {
        this.#t.pages.put(pageKey(h.handle, p.slug), {
          handle: h.handle,
          slug: p.slug,
          title: p.title,
          mode: p.mode,
          price: p.price,
          currency: p.currency,
          published: p.published ?? true,
        });
      }
      for (const g of h.groupBuys ?? []) {
        this.#t.groupBuys.put(pageKey(h.handle, g.slug), {
          handle: h.handle,
          slug: g.slug,
          title: g.title,
          targetQuantity: g.targetQuantity,
          price: g.price,
          currency: g.currency,
          activatedAt: undefined,
          pageSlug: g.pageSlug,
        });
      }
      for (const f of h.files ?? []) {
        for (const email of f.allowlist) {
          const normalised = normaliseEmail(email);
          this.#t.files.put(`${h.handle}/${f.slug}|${normalised}`, {
            handle: h.handle,
            slug: f.slug,
            title: f.title,
            email: normalised,
            grantedAt: now,
          });
        }
      }
    }
  }

  /** Empties every table (one `['*']` change), undoable with its unit. */
  #clearAll(): void {
    const undos = Object.values(this.#t).map((table) => table.detach());
    this.#uow.record(['*'], () => {
      for (const undo of undos.reverse()) undo();
    });
  }

  /** Back to the fixture: no visitors, purchases or mail, and the real clock. */
  reset(): void {
    this.#uow.run(() => {
      this.#clearAll();
      this.clock.follow(0);
      this.#loadFixture();
    });
    this.#log.clear();
  }

  /**
   * Removes what the spec lets go: links and codes 24 hours after they expired, throttle hits whose
   * window ended, sessions 24 hours after they ended, checkout sessions 24 hours after they closed (or
   * were opened and never paid), idempotency records after 24 hours. The mailbox and the reports keep
   * their newest 1,000 as they grow.
   */
  purge(): void {
    const now = this.now();
    this.#lastPurge = now;
    this.#uow.run(() => {
      this.#links.purge(now);
      this.#throttle.purge(now);
      this.#visitors.purge(now);
      this.#checkout.purge(now);
      this.#idempotency.purge(now);
    });
  }

  /** Whether a minute (of the store's clock) passed since the last purge, or the clock went back. */
  purgeDue(): boolean {
    const now = this.now();
    return now - this.#lastPurge >= PURGE_EVERY_MS || now < this.#lastPurge;
  }

  // ---------------------------------------------------------------- origins

  /** Whether an origin may receive CORS headers and be a redirect target for `handle` (or any handle). */
  isAllowedOrigin(origin: string, handle?: string): boolean {
    return this.#pages.isAllowedOrigin(origin, handle);
  }

  /** Whether `url` is an absolute http(s) URL on an allowed origin (or on `selfOrigin`, the mock itself). */
  isAllowedRedirect(url: string, selfOrigin: string, handle?: string): boolean {
    return this.#pages.isAllowedRedirect(url, selfOrigin, handle);
  }

  /** The handles that list `origin` among their allowed origins. */
  handlesAllowing(origin: string): string[] {
    return this.#pages.handlesAllowing(origin);
  }

  // ---------------------------------------------------------------- visitors & sign-in

  /** The visitor with this email, created if new. */
  ensureVisitor(email: string): VisitorRecord {
    return this.#uow.run(() => this.#visitors.ensure(email));
  }

  /** Emails a sign-in link and code. `linkBase` is the public origin the link points at. */
  requestMagicLink(input: {
    email: string;
    returnTo?: string | undefined;
    linkBase: string;
    clientIp?: string | undefined;
  }): Promise<Result<{ expiresAt: number }>> {
    return this.#links.request(input);
  }

  /** Looks a token up without consuming it (the landing page). */
  inspectToken(token: string): Promise<LinkState> {
    return this.#links.inspect(token);
  }

  /** Consumes a link token and signs the visitor in. Of N simultaneous calls exactly one succeeds. */
  verifyToken(token: string, clientIp?: string): Promise<Result<SignIn>> {
    return this.#links.verifyToken(token, clientIp);
  }

  /** Consumes the newest matching sign-in code for `email`. Five wrong codes kill a request. */
  verifyCode(email: string, code: string, clientIp?: string): Promise<Result<SignIn>> {
    return this.#links.verifyCode(email, code, clientIp);
  }

  /**
   * Signs a visitor in directly (no email), for tests and benchmarks. Answers the cookie value.
   *
   * @example
   * ```ts
   * const cookie = await store.createSession('buyer@example.com');
   * fetch(url, { headers: { cookie: `_10x_visitor=${cookie}` } });
   * ```
   */
  async createSession(email: string): Promise<string> {
    const prepared = await this.#visitors.prepare();
    return this.#uow.run(() => this.#visitors.open(prepared, this.#visitors.ensure(email).id).cookie);
  }

  /** The live session and its visitor behind a cookie, or null. */
  sessionForCookie(cookie: string | undefined) {
    return this.#visitors.forCookie(cookie);
  }

  /** The visitor a session cookie belongs to, or `null` when it is missing, unknown, expired or revoked. */
  async visitorForCookie(cookie: string | undefined): Promise<VisitorRecord | null> {
    return (await this.#visitors.forCookie(cookie))?.visitor ?? null;
  }

  /** Revokes the session behind a cookie (a no-op without one). */
  revokeSession(cookie: string | undefined): Promise<void> {
    return this.#visitors.revoke(cookie);
  }

  // ---------------------------------------------------------------- pages & access

  /** A published page, or undefined. */
  publishedPage(handle: string, slug: string): PageRecord | undefined {
    return this.#pages.published(handle, slug);
  }

  /** The public summary of a page. */
  summary(page: PageRecord): PageSummary {
    return pageSummary(page);
  }

  /** Whether a visitor holds an active purchase of a page. O(1). */
  isEntitled(visitorId: string, handle: string, slug: string): boolean {
    return this.#checkout.isEntitled(visitorId, handle, slug);
  }

  /** The access check of `product-spec.md`; records free-login visits. */
  checkAccess(
    handle: string,
    slug: string,
    visitor: VisitorRecord | null,
  ): Result<{ hasAccess: boolean; reason: AccessReason; page: PageSummary }> {
    return this.#uow.run(() => this.#access.check(handle, slug, visitor));
  }

  /**
   * Records a purchase directly (what paying at the fake checkout does). For tests and benchmarks.
   *
   * @example
   * ```ts
   * store.grantPurchase({ visitorId: 'vis_1', handle: 'gharart', slug: 'masterclass' });
   * ```
   */
  grantPurchase(input: GrantInput): PurchaseRecord {
    return this.#uow.run(() => this.#checkout.grant(input));
  }

  /**
   * Everything a visitor can (or could) open, newest first; with `origin` one creator's allowed origin,
   * only that creator's items.
   */
  accessItems(visitor: VisitorRecord, options: { origin?: string | null | undefined } = {}): AccessItem[] {
    return this.#access.items(visitor, options);
  }

  // ---------------------------------------------------------------- checkout

  /** Starts a fake Stripe Checkout, with the checks in the documented order. */
  startCheckout(input: {
    handle: string;
    slug: string;
    visitor: VisitorRecord;
    successUrl: string;
    cancelUrl: string;
    selfOrigin: string;
  }): Result<CheckoutSessionRecord> {
    return this.#uow.run(() => this.#checkout.start(input));
  }

  /** Pays or cancels a fake checkout; paying creates the purchase (never twice: `already_entitled`). */
  completeCheckout(
    id: string,
    outcome: 'paid' | 'cancelled',
  ): Result<{ redirectTo: string; session: CheckoutSessionRecord }> {
    return this.#uow.run(() => this.#checkout.complete(id, outcome));
  }

  // ---------------------------------------------------------------- refunds

  /** Refunds a purchase and revokes access at once (creator refund or a simulated Stripe refund). */
  refund(handle: string, slug: string, visitorId: string, source: 'creator' | 'stripe'): Result<RefundRecord> {
    return this.#uow.run(() => this.#refunds.refund(handle, slug, visitorId, source));
  }

  /**
   * A creator JWT (HS256, `sub` and `handle` = the handle, 24 h) that the refund route accepts.
   *
   * @example
   * ```ts
   * const token = await store.issueCreatorToken('gharart');
   * ```
   */
  issueCreatorToken(handle: string): Promise<string> {
    return this.#refunds.issueCreatorToken(handle);
  }

  /** Checks an `Authorization: Bearer` header; answers the handle it was issued for. */
  verifyCreatorToken(authorization: string | null): Promise<Result<{ handle: string }>> {
    return this.#refunds.verifyCreatorToken(authorization);
  }

  // ---------------------------------------------------------------- group buys

  /** A group buy as the public sees it. */
  groupBuy(handle: string, slug: string): Result<GroupBuy> {
    return this.#groupBuys.view(handle, slug);
  }

  /** Adds a visitor's interest (once; repeats change nothing). */
  expressInterest(handle: string, slug: string, visitorId: string) {
    return this.#uow.run(() => this.#groupBuys.express(handle, slug, visitorId));
  }

  /** Whether a visitor has expressed interest. */
  myInterest(handle: string, slug: string, visitorId: string) {
    return this.#groupBuys.mine(handle, slug, visitorId);
  }

  /** Withdraws a visitor's interest. */
  withdrawInterest(handle: string, slug: string, visitorId: string) {
    return this.#uow.run(() => this.#groupBuys.withdraw(handle, slug, visitorId));
  }

  /** Activates a group buy that reached its target (publishes its page, emails the interested visitors). */
  activateGroupBuy(handle: string, slug: string): Result<GroupBuy> {
    return this.#uow.run(() => this.#groupBuys.activate(handle, slug));
  }

  // ---------------------------------------------------------------- mailbox, reports, dev API edits

  /** Emails, newest first, optionally only those to one address (the newest 1,000 are kept). */
  messagesTo(to?: string): MessageRecord[] {
    return this.#mail.messagesTo(to);
  }

  /** Files a support or content report. */
  addReport(kind: 'support' | 'content', body: Record<string, unknown>, visitorId?: string): ReportRecord {
    return this.#uow.run(() => this.#support.add(kind, body, visitorId));
  }

  /** Creates or changes a handle (development API). */
  upsertHandle(handle: string, patch: { connectConfigured?: boolean; allowedOrigins?: string[] }): HandleRecord {
    return this.#uow.run(() => this.#pages.upsertHandle(handle, patch));
  }

  /** Creates or changes a page (development API). A new page needs a title and a mode. */
  upsertPage(
    handle: string,
    slug: string,
    patch: { title?: string; mode?: PageRecord['mode']; price?: number; currency?: string; published?: boolean },
  ): Result<PageRecord> {
    return this.#uow.run(() => this.#pages.upsertPage(handle, slug, patch));
  }

  // ---------------------------------------------------------------- idempotency

  /** The answer remembered under an idempotency key's hash, if less than 24 hours old. */
  idempotentResponse(keyHash: string): IdempotencyRecord | undefined {
    return this.#idempotency.find(keyHash);
  }

  /** Remembers the answer to an idempotent write. */
  rememberResponse(record: Omit<IdempotencyRecord, 'createdAt'>): void {
    this.#uow.run(() => this.#idempotency.remember(record));
  }

  // ---------------------------------------------------------------- request log

  /** Adds a line to the request log (kept to the last 1,000 requests, not persisted). */
  logRequest(entry: RequestLogEntry): void {
    this.#log.add(entry);
  }

  /** The request log, newest first. */
  requests(limit = 100): RequestLogEntry[] {
    return this.#log.newest(limit);
  }

  // ---------------------------------------------------------------- persistence

  /** The state as plain JSON, table by table, in the order a compaction writes it. */
  toJSON(): StoreSnapshot {
    const tables = {} as Record<TableName, [string, unknown][]>;
    for (const [name, table] of Object.entries(this.#t)) tables[name as TableName] = [...table.entries()];
    return { format: 'visitor-access-mock', version: 2, tables };
  }

  /**
   * Consistent copies of every table (records are never changed in place, so these stay as they are
   * while the store goes on): what a compaction writes.
   */
  capture(): [TableName, [string, unknown][]][] {
    return Object.entries(this.#t).map(([name, table]) => [name as TableName, [...table.entries()]]);
  }

  /**
   * Applies saved changes without saving them again (loading a journal). Each record is validated
   * against its table's schema; a bad one throws a {@link SnapshotError} naming it.
   */
  replay(changes: readonly JournalChange[], where = 'journal'): void {
    for (const change of changes) {
      if (change[0] === '*') {
        for (const table of Object.values(this.#t)) table.detach();
        continue;
      }
      const [name, key, value] = change as readonly [string, string, unknown];
      // Own names only: `__proto__`, `constructor` or `toString` are not tables (an object's inherited
      // properties would otherwise be taken for one).
      const known = typeof name === 'string' && Object.hasOwn(TABLE_SCHEMAS, name) && Object.hasOwn(this.#t, name);
      const table = known ? (this.#t as unknown as Record<string, Table<unknown>>)[name] : undefined;
      const schema = known ? TABLE_SCHEMAS[name as TableName] : undefined;
      if (!table || !schema || typeof key !== 'string') {
        throw new SnapshotError(`${where}: unknown table "${String(name)}"`);
      }
      if (value === null) {
        table.raw(key, undefined);
        continue;
      }
      const parsed = schema.safeParse(value);
      if (!parsed.success) {
        const first = parsed.error.issues[0];
        throw new SnapshotError(
          `${where}: ${name} "${key}" is not valid (${first ? `${first.path.join('.') || '(record)'}: ${first.message}` : 'invalid'})`,
        );
      }
      table.raw(key, parsed.data);
    }
  }

  /**
   * Replaces the state with a snapshot: one from {@link MockStore.toJSON} (version 2), or a version-1
   * `--data` file of the first release, which is migrated. Throws a {@link SnapshotError} naming the
   * first bad fields when the data does not validate; the store is left as it was then.
   */
  load(data: unknown): void {
    const changes = snapshotChanges(data);
    this.#uow.run(() => {
      // Validated against a scratch store first, so a bad snapshot leaves this one untouched.
      new MockStore({ fixture: this.fixture }).replay(changes, 'snapshot');
      this.#clearAll();
      for (const c of changes) {
        if (c[0] === '*') continue;
        const [name, key, value] = c as readonly [TableName, string, unknown];
        const table = this.#t[name] as unknown as Table<unknown>;
        if (value === null) table.delete(key);
        else table.put(key, TABLE_SCHEMAS[name].parse(value));
      }
    });
  }
}

/** The changes that rebuild a version-1 or version-2 snapshot. */
export function snapshotChanges(data: unknown): JournalChange[] {
  const v = (data as { version?: unknown } | null)?.version;
  if (v === 2 && (data as { format?: unknown }).format === 'visitor-access-mock') {
    const tables = (data as StoreSnapshot).tables;
    if (!tables || typeof tables !== 'object') throw new SnapshotError('not a visitor-access-mock snapshot (tables)');
    const out: JournalChange[] = [['*']];
    for (const [name, entries] of Object.entries(tables)) {
      if (!Array.isArray(entries)) throw new SnapshotError(`not a visitor-access-mock snapshot (${name})`);
      for (const [key, value] of entries as [string, unknown][]) out.push([name, key, value]);
    }
    return out;
  }
  const parsed = SnapshotV1.safeParse(data);
  if (!parsed.success) {
    const lines = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new SnapshotError(`not a visitor-access-mock data file (${lines.join('; ')})`);
  }
  const s = parsed.data;
  const out: JournalChange[] = [['*']];
  for (const h of s.handles) out.push(['handles', h.handle, h]);
  for (const p of s.pages) out.push(['pages', pageKey(p.handle, p.slug), p]);
  for (const { interests, ...g } of s.groupBuys) {
    out.push(['groupBuys', pageKey(g.handle, g.slug), g]);
    for (const [visitorId, expressedAt] of Object.entries(interests)) {
      out.push([
        'interests',
        `${g.handle}/${g.slug}|${visitorId}`,
        { handle: g.handle, slug: g.slug, visitorId, expressedAt },
      ]);
    }
  }
  for (const f of s.files) out.push(['files', `${f.handle}/${f.slug}|${f.email}`, f]);
  for (const v of s.visitors) out.push(['visitors', v.id, v]);
  for (const l of s.magicLinks) out.push(['magicLinks', l.selector, l]);
  for (const x of s.sessions) out.push(['sessions', x.id, x]);
  for (const p of s.purchases) out.push(['purchases', grantKey(p.visitorId, p.handle, p.slug), p]);
  for (const f of s.freeLogins) out.push(['freeLogins', grantKey(f.visitorId, f.handle, f.slug), f]);
  for (const r of s.refunds) out.push(['refunds', r.id, r]);
  for (const c of s.checkouts) out.push(['checkouts', c.id, c]);
  for (const m of s.messages.slice(-1000)) out.push(['messages', m.id, m]);
  // Version-1 idempotency records are keyed by the raw key: they cannot be found by hash, and expire in
  // 24 hours anyway, so they are left behind.
  for (const [key, hits] of Object.entries(s.throttles)) out.push(['throttles', key, hits]);
  for (const r of s.reports.slice(-1000)) out.push(['reports', r.id, r]);
  return out;
}

/**
 * Creates a store from a fixture (default: the fixture of `product-spec.md`).
 *
 * @example
 * ```ts
 * import { createStore } from '@visitor-access/mock';
 * const store = createStore({ clock: { now: () => Date.parse('2026-01-01T00:00:00Z') } });
 * ```
 */
export function createStore(options: StoreOptions = {}): MockStore {
  return new MockStore(options);
}
