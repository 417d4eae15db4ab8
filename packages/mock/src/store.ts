import { SignJWT, jwtVerify } from 'jose';
import {
  IDEMPOTENCY_TTL_MS,
  MAGIC_LINK_TTL_MS,
  MAX_CODE_ATTEMPTS,
  SESSION_TTL_SECONDS,
  type AccessItem,
  type AccessReason,
  type GroupBuyStatus,
  type PageSummary,
} from '@visitor-access/contract';
import { AdjustableClock, type Clock } from './clock.js';
import {
  equalDigests,
  portableTimingSafeEqual,
  randomCode,
  randomId,
  randomToken,
  sha256Hex,
  type Sha256,
  type TimingSafeEqual,
} from './crypto.js';
import { defaultFixture, parseFixture, type Fixture } from './fixture.js';
import {
  Snapshot,
  type CheckoutSessionRecord,
  type FileGrantRecord,
  type FreeLoginRecord,
  type GroupBuyRecord,
  type HandleRecord,
  type IdempotencyRecord,
  type MagicLinkRecord,
  type MessageRecord,
  type PageRecord,
  type PurchaseRecord,
  type RefundRecord,
  type ReportRecord,
  type RequestLogEntry,
  type SessionRecord,
  type VisitorRecord,
} from './records.js';

export type * from './records.js';

/** Error codes the store answers with: the contract's codes plus a few of the development API. */
export type StoreErrorCode =
  | 'invalid_request'
  | 'invalid_redirect_url'
  | 'visitor_unauthorized'
  | 'expired_magic_link'
  | 'used_magic_link'
  | 'invalid_magic_link'
  | 'creator_unauthorized'
  | 'forbidden'
  | 'page_not_found'
  | 'group_buy_not_found'
  | 'purchase_not_found'
  | 'page_not_paid'
  | 'connect_not_configured'
  | 'already_refunded'
  | 'already_entitled'
  | 'rate_limited'
  | 'handle_not_found'
  | 'checkout_session_not_found'
  | 'checkout_session_closed'
  | 'target_not_reached';

/** The outcome of a store operation: a value, or a documented error code with a human message. */
export type Result<T> =
  { ok: true; value: T } | { ok: false; error: StoreErrorCode; message: string; retryAfterSeconds?: number };

const ok = <T>(value: T): Result<T> => ({ ok: true, value });
const fail = <T = never>(error: StoreErrorCode, message: string, retryAfterSeconds?: number): Result<T> =>
  retryAfterSeconds === undefined ? { ok: false, error, message } : { ok: false, error, message, retryAfterSeconds };

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

const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
const REQUEST_LOG_SIZE = 1000;
const pageKey = (handle: string, slug: string) => `${handle}/${slug}`;
const grantKey = (visitorId: string, handle: string, slug: string) => `${visitorId}|${handle}/${slug}`;

/** Whether an IP address is a loopback address (exempt from per-IP throttles). */
export function isLoopback(ip: string | undefined): boolean {
  if (!ip) return true;
  return ip === '::1' || ip.startsWith('127.') || ip.startsWith('::ffff:127.') || ip === 'localhost';
}

/** What the handler needs after a successful sign-in. */
export interface SignIn {
  visitor: VisitorRecord;
  /** The cookie value: `sessionId.secret`. Only its hash is stored. */
  cookie: string;
  session: SessionRecord;
  returnTo: string | undefined;
}

/** How a magic link stands, for the landing page (which never consumes it). */
export type LinkState =
  | { state: 'valid'; email: string; returnTo: string | undefined; expiresAt: number }
  | { state: 'expired' | 'used'; email: string; returnTo: string | undefined }
  | { state: 'invalid' };

/**
 * The whole state of the mock in one place: handles, pages, visitors, magic links, sessions,
 * purchases, refunds, group-buy interest, the mailbox, idempotency records, throttles and the request
 * log. Every lookup a request needs is a `Map` get (access checks stay O(1) with a million purchases),
 * and every check-then-write runs without an `await` in between, so concurrent requests cannot race.
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
  /** The clock every expiry is measured with; `POST /_mock/api/clock` moves it. */
  readonly clock: AdjustableClock;
  /** The fixture the store started from and resets to. */
  readonly fixture: Fixture;
  /** Grows by one with every change that belongs in a `--data` file. */
  revision = 0;

  private readonly equal: TimingSafeEqual;
  private readonly sha256: Sha256;
  private readonly perEmail: number;
  private readonly perIp: number;
  /** HS256 secret for creator JWTs: new for every store, so tokens do not survive a restart. */
  private readonly creatorSecret = crypto.getRandomValues(new Uint8Array(32));

  handles = new Map<string, HandleRecord>();
  pages = new Map<string, PageRecord>();
  groupBuys = new Map<string, GroupBuyRecord>();
  files: FileGrantRecord[] = [];
  visitors = new Map<string, VisitorRecord>();
  private visitorsByEmail = new Map<string, VisitorRecord>();
  magicLinks = new Map<string, MagicLinkRecord>();
  private linksByEmail = new Map<string, MagicLinkRecord[]>();
  sessions = new Map<string, SessionRecord>();
  purchases = new Map<string, PurchaseRecord>();
  private purchasesByVisitor = new Map<string, PurchaseRecord[]>();
  freeLogins = new Map<string, FreeLoginRecord>();
  private freeLoginsByVisitor = new Map<string, FreeLoginRecord[]>();
  refunds = new Map<string, RefundRecord>();
  checkouts = new Map<string, CheckoutSessionRecord>();
  messages: MessageRecord[] = [];
  idempotency = new Map<string, IdempotencyRecord>();
  throttles = new Map<string, number[]>();
  reports: ReportRecord[] = [];
  private log: RequestLogEntry[] = [];
  private logNext = 0;
  private allowedOriginsCache: Set<string> | undefined;

  constructor(options: StoreOptions = {}) {
    this.clock = new AdjustableClock(options.clock);
    this.fixture = parseFixture(options.fixture ?? defaultFixture);
    this.equal = options.timingSafeEqual ?? portableTimingSafeEqual;
    this.sha256 = options.sha256 ?? sha256Hex;
    this.perEmail = options.magicLinksPerEmail ?? 5;
    this.perIp = options.authRequestsPerIp ?? 60;
    this.loadFixture();
  }

  /** The current time of the store's clock. */
  now(): number {
    return this.clock.now();
  }

  private touch(): void {
    this.revision++;
  }

  private loadFixture(): void {
    const now = this.now();
    for (const h of this.fixture.handles) {
      this.handles.set(h.handle, {
        handle: h.handle,
        connectConfigured: h.connectConfigured,
        allowedOrigins: [...(h.allowedOrigins ?? [])],
      });
      for (const p of h.pages ?? []) {
        this.pages.set(pageKey(h.handle, p.slug), {
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
        this.groupBuys.set(pageKey(h.handle, g.slug), {
          handle: h.handle,
          slug: g.slug,
          title: g.title,
          targetQuantity: g.targetQuantity,
          price: g.price,
          currency: g.currency,
          activatedAt: undefined,
          pageSlug: g.pageSlug,
          interests: {},
        });
      }
      for (const f of h.files ?? []) {
        for (const email of f.allowlist) {
          this.files.push({
            handle: h.handle,
            slug: f.slug,
            title: f.title,
            email: email.trim().toLowerCase(),
            grantedAt: now,
          });
        }
      }
    }
    this.allowedOriginsCache = undefined;
  }

  /** Back to the fixture: no visitors, purchases or mail, and the real clock. */
  reset(): void {
    this.handles.clear();
    this.pages.clear();
    this.groupBuys.clear();
    this.files = [];
    this.visitors.clear();
    this.visitorsByEmail.clear();
    this.magicLinks.clear();
    this.linksByEmail.clear();
    this.sessions.clear();
    this.purchases.clear();
    this.purchasesByVisitor.clear();
    this.freeLogins.clear();
    this.freeLoginsByVisitor.clear();
    this.refunds.clear();
    this.checkouts.clear();
    this.messages = [];
    this.idempotency.clear();
    this.throttles.clear();
    this.reports = [];
    this.log = [];
    this.logNext = 0;
    this.clock.reset();
    this.loadFixture();
    this.touch();
  }

  // ---------------------------------------------------------------- origins

  /** Whether an origin may receive CORS headers and be a redirect target for `handle` (or any handle). */
  isAllowedOrigin(origin: string, handle?: string): boolean {
    if (/^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/.test(origin)) return true;
    if (handle !== undefined) return this.handles.get(handle)?.allowedOrigins.includes(origin) ?? false;
    if (!this.allowedOriginsCache) {
      this.allowedOriginsCache = new Set([...this.handles.values()].flatMap((h) => h.allowedOrigins));
    }
    return this.allowedOriginsCache.has(origin);
  }

  /** Whether `url` is an absolute http(s) URL on an allowed origin (or on `selfOrigin`, the mock itself). */
  isAllowedRedirect(url: string, selfOrigin: string, handle?: string): boolean {
    if (!URL.canParse(url)) return false;
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return false;
    if (u.username || u.password) return false;
    return u.origin === selfOrigin || this.isAllowedOrigin(u.origin, handle);
  }

  // ---------------------------------------------------------------- throttles

  /** Records a hit on `key`; answers the seconds to wait when `limit` hits already fell in the window. */
  private throttle(key: string, limit: number): number | undefined {
    const now = this.now();
    const hits = (this.throttles.get(key) ?? []).filter((t) => t > now - THROTTLE_WINDOW_MS && t <= now);
    if (hits.length >= limit) {
      this.throttles.set(key, hits);
      return Math.max(1, Math.ceil((hits[0]! + THROTTLE_WINDOW_MS - now) / 1000));
    }
    hits.push(now);
    this.throttles.set(key, hits);
    return undefined;
  }

  private throttleIp(ip: string | undefined): Result<void> {
    if (isLoopback(ip)) return ok(undefined);
    const wait = this.throttle(`ip:${ip}`, this.perIp);
    return wait === undefined
      ? ok(undefined)
      : fail('rate_limited', 'Too many sign-in requests from this address.', wait);
  }

  // ---------------------------------------------------------------- visitors & sign-in

  /** The visitor with this email, created if new. */
  ensureVisitor(email: string): VisitorRecord {
    const normalised = email.trim().toLowerCase();
    let visitor = this.visitorsByEmail.get(normalised);
    if (!visitor) {
      visitor = { id: randomId('vis_'), email: normalised, createdAt: this.now() };
      this.visitors.set(visitor.id, visitor);
      this.visitorsByEmail.set(normalised, visitor);
      this.touch();
    }
    return visitor;
  }

  /**
   * Emails a sign-in link and code. `linkBase` is the API origin the link points at.
   * Throttled per email (and per IP unless loopback).
   */
  async requestMagicLink(input: {
    email: string;
    returnTo?: string | undefined;
    linkBase: string;
    clientIp?: string | undefined;
  }): Promise<Result<{ expiresAt: number }>> {
    const selector = randomToken(12);
    const verifier = randomToken(32); // 256 random bits
    const code = randomCode();
    const [verifierHash, codeHash] = await Promise.all([this.sha256(verifier), this.sha256(`${selector}:${code}`)]);
    // No await below: the throttle check and the write happen together.
    const ipLimited = this.throttleIp(input.clientIp);
    if (!ipLimited.ok) return ipLimited;
    const wait = this.throttle(`email:${input.email}`, this.perEmail);
    if (wait !== undefined) {
      return fail('rate_limited', 'Too many sign-in links were requested for this email. Try again later.', wait);
    }
    const now = this.now();
    const record: MagicLinkRecord = {
      selector,
      verifierHash,
      codeHash,
      email: input.email,
      returnTo: input.returnTo,
      createdAt: now,
      expiresAt: now + MAGIC_LINK_TTL_MS,
      consumedAt: undefined,
      codeAttempts: 0,
      killedAt: undefined,
    };
    this.addLink(record);
    const token = `${selector}.${verifier}`;
    const link = `${input.linkBase}/_edge/visitor/access/t/${token}${
      input.returnTo ? `?returnTo=${encodeURIComponent(input.returnTo)}` : ''
    }`;
    this.sendMail({
      to: input.email,
      subject: 'Your sign-in link',
      text: `Click to sign in: ${link}\n\nOr enter this code: ${code}\n\nThe link and the code expire in 15 minutes and work once. If you did not ask for this, ignore this email.`,
      link,
      token,
      code,
    });
    return ok({ expiresAt: record.expiresAt });
  }

  private addLink(record: MagicLinkRecord): void {
    this.magicLinks.set(record.selector, record);
    const list = this.linksByEmail.get(record.email);
    if (list) list.push(record);
    else this.linksByEmail.set(record.email, [record]);
    this.touch();
  }

  /** Splits a token into selector and verifier; `undefined` for a malformed token. */
  private splitToken(token: string): [string, string] | undefined {
    const m = /^([A-Za-z0-9_-]{16})\.([A-Za-z0-9_-]{43})$/.exec(token);
    return m ? [m[1]!, m[2]!] : undefined;
  }

  /** Looks a token up without consuming it (the landing page). */
  async inspectToken(token: string): Promise<LinkState> {
    const parts = this.splitToken(token);
    if (!parts) return { state: 'invalid' };
    const hash = await this.sha256(parts[1]);
    const record = this.magicLinks.get(parts[0]);
    if (!record || !equalDigests(record.verifierHash, hash, this.equal) || record.killedAt !== undefined) {
      return { state: 'invalid' };
    }
    if (record.consumedAt !== undefined) return { state: 'used', email: record.email, returnTo: record.returnTo };
    if (this.now() >= record.expiresAt) return { state: 'expired', email: record.email, returnTo: record.returnTo };
    return { state: 'valid', email: record.email, returnTo: record.returnTo, expiresAt: record.expiresAt };
  }

  /** Consumes a link token and signs the visitor in. Of N simultaneous calls exactly one succeeds. */
  async verifyToken(token: string, clientIp?: string): Promise<Result<SignIn>> {
    const parts = this.splitToken(token);
    const [hash, session] = await Promise.all([this.sha256(parts?.[1] ?? ''), this.prepareSession()]);
    // No await below.
    const ipLimited = this.throttleIp(clientIp);
    if (!ipLimited.ok) return ipLimited;
    const record = parts ? this.magicLinks.get(parts[0]) : undefined;
    if (!record || !equalDigests(record.verifierHash, hash, this.equal) || record.killedAt !== undefined) {
      return fail('invalid_magic_link', 'This sign-in link is not valid. Request a new one.');
    }
    return this.consume(record, session);
  }

  /** Consumes the newest matching sign-in code for `email`. Five wrong codes kill a request. */
  async verifyCode(email: string, code: string, clientIp?: string): Promise<Result<SignIn>> {
    const candidates = this.linksByEmail.get(email) ?? [];
    const [hashes, session] = await Promise.all([
      Promise.all(candidates.map(async (r) => this.sha256(`${r.selector}:${code}`))),
      this.prepareSession(),
    ]);
    // No await below.
    const ipLimited = this.throttleIp(clientIp);
    if (!ipLimited.ok) return ipLimited;
    for (let i = candidates.length - 1; i >= 0; i--) {
      const record = candidates[i]!;
      if (!equalDigests(record.codeHash, hashes[i]!, this.equal)) continue;
      if (record.killedAt !== undefined) break;
      return this.consume(record, session);
    }
    // A wrong code counts against every request of this email that could still be used.
    const now = this.now();
    for (const record of candidates) {
      if (record.consumedAt !== undefined || record.killedAt !== undefined || now >= record.expiresAt) continue;
      record.codeAttempts++;
      if (record.codeAttempts >= MAX_CODE_ATTEMPTS) record.killedAt = now;
      this.touch();
    }
    return fail('invalid_magic_link', 'That code is not valid. Check the latest email or request a new link.');
  }

  private consume(
    record: MagicLinkRecord,
    prepared: { id: string; secret: string; secretHash: string },
  ): Result<SignIn> {
    if (record.consumedAt !== undefined) {
      return fail('used_magic_link', 'This sign-in link was already used. Request a new one.');
    }
    const now = this.now();
    if (now >= record.expiresAt) {
      return fail('expired_magic_link', 'This sign-in link has expired (links last 15 minutes). Request a new one.');
    }
    record.consumedAt = now;
    const visitor = this.ensureVisitor(record.email);
    const session: SessionRecord = {
      id: prepared.id,
      secretHash: prepared.secretHash,
      visitorId: visitor.id,
      createdAt: now,
      expiresAt: now + SESSION_TTL_SECONDS * 1000,
      revokedAt: undefined,
    };
    this.sessions.set(session.id, session);
    this.touch();
    return ok({ visitor, cookie: `${prepared.id}.${prepared.secret}`, session, returnTo: record.returnTo });
  }

  private async prepareSession(): Promise<{ id: string; secret: string; secretHash: string }> {
    const secret = randomToken(32);
    return { id: randomToken(12), secret, secretHash: await this.sha256(secret) };
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
    const prepared = await this.prepareSession();
    const visitor = this.ensureVisitor(email);
    const now = this.now();
    this.sessions.set(prepared.id, {
      id: prepared.id,
      secretHash: prepared.secretHash,
      visitorId: visitor.id,
      createdAt: now,
      expiresAt: now + SESSION_TTL_SECONDS * 1000,
      revokedAt: undefined,
    });
    this.touch();
    return `${prepared.id}.${prepared.secret}`;
  }

  private findSession(cookie: string | undefined): { session: SessionRecord; secret: string } | undefined {
    if (!cookie) return undefined;
    const m = /^([A-Za-z0-9_-]{16})\.([A-Za-z0-9_-]{43})$/.exec(cookie);
    if (!m) return undefined;
    const session = this.sessions.get(m[1]!);
    return session ? { session, secret: m[2]! } : undefined;
  }

  /** The visitor a session cookie belongs to, or `null` when it is missing, unknown, expired or revoked. */
  async visitorForCookie(cookie: string | undefined): Promise<VisitorRecord | null> {
    const found = this.findSession(cookie);
    if (!found) return null;
    const hash = await this.sha256(found.secret);
    const { session } = found;
    if (!equalDigests(session.secretHash, hash, this.equal)) return null;
    if (session.revokedAt !== undefined || this.now() >= session.expiresAt) return null;
    return this.visitors.get(session.visitorId) ?? null;
  }

  /** Revokes the session behind a cookie (a no-op without one). */
  async revokeSession(cookie: string | undefined): Promise<void> {
    const found = this.findSession(cookie);
    if (!found) return;
    const hash = await this.sha256(found.secret);
    if (equalDigests(found.session.secretHash, hash, this.equal) && found.session.revokedAt === undefined) {
      found.session.revokedAt = this.now();
      this.touch();
    }
  }

  // ---------------------------------------------------------------- pages & access

  /** A published page, or undefined. */
  publishedPage(handle: string, slug: string): PageRecord | undefined {
    const page = this.pages.get(pageKey(handle, slug));
    return page?.published ? page : undefined;
  }

  /** The public summary of a page. */
  summary(page: PageRecord): PageSummary {
    const s: PageSummary = { handle: page.handle, slug: page.slug, title: page.title, mode: page.mode };
    if (page.price !== undefined) s.price = page.price;
    if (page.currency !== undefined) s.currency = page.currency;
    return s;
  }

  /** Whether a visitor holds an active purchase of a page. O(1). */
  isEntitled(visitorId: string, handle: string, slug: string): boolean {
    const p = this.purchases.get(grantKey(visitorId, handle, slug));
    return p !== undefined && p.grantType !== 'REFUNDED' && p.revokedAt === undefined;
  }

  /** The access check of `product-spec.md`; records free-login visits. */
  checkAccess(
    handle: string,
    slug: string,
    visitor: VisitorRecord | null,
  ): Result<{ hasAccess: boolean; reason: AccessReason; page: PageSummary }> {
    const page = this.publishedPage(handle, slug);
    if (!page) return fail('page_not_found', `There is no published page "${slug}" for "${handle}".`);
    const answer = (hasAccess: boolean, reason: AccessReason) => ok({ hasAccess, reason, page: this.summary(page) });
    if (page.mode === 'PUBLIC') return answer(true, 'public');
    if (!visitor) return answer(false, 'visitor_auth_required');
    if (page.mode === 'FREE_WITH_LOGIN') {
      this.recordFreeLogin(visitor.id, handle, slug);
      return answer(true, 'entitled');
    }
    return this.isEntitled(visitor.id, handle, slug) ? answer(true, 'entitled') : answer(false, 'purchase_required');
  }

  private recordFreeLogin(visitorId: string, handle: string, slug: string): void {
    const key = grantKey(visitorId, handle, slug);
    if (this.freeLogins.has(key)) return;
    const record: FreeLoginRecord = { visitorId, handle, slug, grantedAt: this.now() };
    this.freeLogins.set(key, record);
    const list = this.freeLoginsByVisitor.get(visitorId);
    if (list) list.push(record);
    else this.freeLoginsByVisitor.set(visitorId, [record]);
    this.touch();
  }

  /**
   * Records a purchase directly (what paying at the fake checkout does). For tests and benchmarks.
   *
   * @example
   * ```ts
   * store.grantPurchase({ visitorId: 'vis_1', handle: 'gharart', slug: 'masterclass' });
   * ```
   */
  grantPurchase(input: {
    visitorId: string;
    handle: string;
    slug: string;
    amount?: number;
    currency?: string;
    checkoutSessionId?: string;
  }): PurchaseRecord {
    const page = this.pages.get(pageKey(input.handle, input.slug));
    const record: PurchaseRecord = {
      id: randomId('pur_'),
      visitorId: input.visitorId,
      handle: input.handle,
      slug: input.slug,
      amount: input.amount ?? page?.price ?? 0,
      currency: input.currency ?? page?.currency ?? 'USD',
      grantedAt: this.now(),
      grantType: 'PURCHASE',
      revokedAt: undefined,
      refundId: undefined,
      checkoutSessionId: input.checkoutSessionId,
    };
    this.indexPurchase(record);
    this.touch();
    return record;
  }

  private indexPurchase(record: PurchaseRecord): void {
    const key = grantKey(record.visitorId, record.handle, record.slug);
    const previous = this.purchases.get(key);
    this.purchases.set(key, record);
    const list = this.purchasesByVisitor.get(record.visitorId);
    if (!list) this.purchasesByVisitor.set(record.visitorId, [record]);
    else if (previous) list[list.indexOf(previous)] = record;
    else list.push(record);
  }

  /** Everything a visitor can (or could) open, newest first. */
  accessItems(visitor: VisitorRecord): AccessItem[] {
    const items: (AccessItem & { at: number })[] = [];
    const iso = (ms: number) => new Date(ms).toISOString();
    const title = (handle: string, slug: string) => this.pages.get(pageKey(handle, slug))?.title ?? slug;
    for (const p of this.purchasesByVisitor.get(visitor.id) ?? []) {
      const item: AccessItem & { at: number } = {
        resourceType: 'page',
        handle: p.handle,
        slug: p.slug,
        title: title(p.handle, p.slug),
        accessType: 'purchase',
        status: p.grantType === 'REFUNDED' ? 'refunded' : p.revokedAt !== undefined ? 'revoked' : 'active',
        grantedAt: iso(p.grantedAt),
        at: p.grantedAt,
      };
      if (p.revokedAt !== undefined) item.revokedAt = iso(p.revokedAt);
      items.push(item);
    }
    for (const f of this.freeLoginsByVisitor.get(visitor.id) ?? []) {
      items.push({
        resourceType: 'page',
        handle: f.handle,
        slug: f.slug,
        title: title(f.handle, f.slug),
        accessType: 'free_login',
        status: 'active',
        grantedAt: iso(f.grantedAt),
        at: f.grantedAt,
      });
    }
    for (const f of this.files) {
      if (f.email !== visitor.email) continue;
      items.push({
        resourceType: 'file',
        handle: f.handle,
        slug: f.slug,
        title: f.title,
        accessType: 'allowlist',
        status: 'active',
        grantedAt: iso(f.grantedAt),
        at: f.grantedAt,
      });
    }
    items.sort((a, b) => b.at - a.at);
    return items.map(({ at: _at, ...item }) => item);
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
    const page = this.publishedPage(input.handle, input.slug);
    if (!page) return fail('page_not_found', `There is no published page "${input.slug}" for "${input.handle}".`);
    if (page.mode !== 'PAID') return fail('page_not_paid', 'This page is not a paid page; there is nothing to buy.');
    if (!this.handles.get(input.handle)?.connectConfigured) {
      return fail('connect_not_configured', 'The creator has not connected Stripe yet, so this page cannot be bought.');
    }
    if (this.isEntitled(input.visitor.id, input.handle, input.slug)) {
      return fail('already_entitled', 'You already have access to this page.');
    }
    for (const url of [input.successUrl, input.cancelUrl]) {
      if (!this.isAllowedRedirect(url, input.selfOrigin, input.handle)) {
        return fail('invalid_redirect_url', `The redirect URL ${url} is not on an origin this creator allows.`);
      }
    }
    const record: CheckoutSessionRecord = {
      id: randomId('cs_test_', 24),
      visitorId: input.visitor.id,
      handle: page.handle,
      slug: page.slug,
      title: page.title,
      amount: page.price ?? 0,
      currency: page.currency ?? 'USD',
      successUrl: input.successUrl,
      cancelUrl: input.cancelUrl,
      status: 'open',
      createdAt: this.now(),
      completedAt: undefined,
    };
    this.checkouts.set(record.id, record);
    this.touch();
    return ok(record);
  }

  /** Pays or cancels a fake checkout; paying creates the purchase. Answers where to send the visitor. */
  completeCheckout(
    id: string,
    outcome: 'paid' | 'cancelled',
  ): Result<{ redirectTo: string; session: CheckoutSessionRecord }> {
    const session = this.checkouts.get(id);
    if (!session) return fail('checkout_session_not_found', 'There is no checkout session with this ID.');
    if (session.status !== 'open') {
      return fail('checkout_session_closed', `This checkout session is already ${session.status}.`);
    }
    session.status = outcome;
    session.completedAt = this.now();
    if (outcome === 'paid' && !this.isEntitled(session.visitorId, session.handle, session.slug)) {
      this.grantPurchase({
        visitorId: session.visitorId,
        handle: session.handle,
        slug: session.slug,
        amount: session.amount,
        currency: session.currency,
        checkoutSessionId: session.id,
      });
    }
    this.touch();
    const target = new URL(outcome === 'paid' ? session.successUrl : session.cancelUrl);
    target.searchParams.set('va_checkout', outcome === 'paid' ? 'success' : 'cancelled');
    target.searchParams.set('session_id', session.id);
    return ok({ redirectTo: target.href, session });
  }

  // ---------------------------------------------------------------- refunds

  /** Refunds a purchase and revokes access at once (creator refund or a simulated Stripe refund). */
  refund(handle: string, slug: string, visitorId: string, source: 'creator' | 'stripe'): Result<RefundRecord> {
    if (!this.pages.has(pageKey(handle, slug))) {
      return fail('page_not_found', `There is no page "${slug}" for "${handle}".`);
    }
    const purchase = this.purchases.get(grantKey(visitorId, handle, slug));
    if (!purchase) return fail('purchase_not_found', 'This visitor has no purchase of this page.');
    if (purchase.grantType === 'REFUNDED') return fail('already_refunded', 'This purchase was already refunded.');
    const now = this.now();
    const refund: RefundRecord = {
      id: randomId('re_'),
      visitorId,
      handle,
      pageSlug: slug,
      amount: purchase.amount,
      currency: purchase.currency,
      status: 'succeeded',
      source,
      createdAt: now,
    };
    purchase.grantType = 'REFUNDED';
    purchase.revokedAt = now;
    purchase.refundId = refund.id;
    this.refunds.set(refund.id, refund);
    this.touch();
    return ok(refund);
  }

  /**
   * A creator JWT (HS256, `sub` and `handle` = the handle, 24 h) that the refund route accepts.
   *
   * @example
   * ```ts
   * const token = await store.issueCreatorToken('gharart');
   * ```
   */
  async issueCreatorToken(handle: string): Promise<string> {
    const now = Math.floor(this.now() / 1000);
    return new SignJWT({ handle })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(handle)
      .setIssuer('visitor-access-mock')
      .setIssuedAt(now)
      .setExpirationTime(now + 24 * 60 * 60)
      .sign(this.creatorSecret);
  }

  /** Checks an `Authorization: Bearer` header; answers the handle it was issued for. */
  async verifyCreatorToken(authorization: string | null): Promise<Result<{ handle: string }>> {
    const m = /^Bearer ([A-Za-z0-9_.-]{1,4096})$/.exec(authorization ?? '');
    if (!m) return fail('creator_unauthorized', 'Send a creator JWT as "Authorization: Bearer <token>".');
    try {
      const { payload } = await jwtVerify(m[1]!, this.creatorSecret, {
        algorithms: ['HS256'],
        issuer: 'visitor-access-mock',
        currentDate: new Date(this.now()),
      });
      const handle = typeof payload.handle === 'string' ? payload.handle : payload.sub;
      if (!handle) return fail('creator_unauthorized', 'The creator JWT names no handle.');
      return ok({ handle });
    } catch {
      return fail('creator_unauthorized', 'The creator JWT is not valid or has expired.');
    }
  }

  // ---------------------------------------------------------------- group buys

  private groupBuyStatus(g: GroupBuyRecord): GroupBuyStatus {
    if (g.activatedAt !== undefined) return 'active';
    return Object.keys(g.interests).length >= g.targetQuantity ? 'target_reached' : 'collecting';
  }

  /** A group buy as the public sees it. */
  groupBuy(handle: string, slug: string) {
    const g = this.groupBuys.get(pageKey(handle, slug));
    if (!g) return fail<never>('group_buy_not_found', `There is no group buy "${slug}" for "${handle}".`);
    const view = {
      handle: g.handle,
      slug: g.slug,
      title: g.title,
      targetQuantity: g.targetQuantity,
      interestCount: Object.keys(g.interests).length,
      status: this.groupBuyStatus(g),
      ...(g.price !== undefined ? { price: g.price } : {}),
      ...(g.currency !== undefined ? { currency: g.currency } : {}),
      ...(g.pageSlug !== undefined ? { pageSlug: g.pageSlug } : {}),
    };
    return ok(view);
  }

  /** Adds a visitor's interest (once; repeats change nothing). */
  expressInterest(handle: string, slug: string, visitorId: string) {
    const g = this.groupBuys.get(pageKey(handle, slug));
    if (!g) return fail<never>('group_buy_not_found', `There is no group buy "${slug}" for "${handle}".`);
    if (g.interests[visitorId] === undefined) {
      g.interests[visitorId] = this.now();
      this.touch();
    }
    return ok({
      interested: true as const,
      interestCount: Object.keys(g.interests).length,
      status: this.groupBuyStatus(g),
    });
  }

  /** Whether a visitor has expressed interest. */
  myInterest(handle: string, slug: string, visitorId: string) {
    const g = this.groupBuys.get(pageKey(handle, slug));
    if (!g) return fail<never>('group_buy_not_found', `There is no group buy "${slug}" for "${handle}".`);
    const at = g.interests[visitorId];
    return ok(at === undefined ? { interested: false } : { interested: true, expressedAt: new Date(at).toISOString() });
  }

  /** Withdraws a visitor's interest. */
  withdrawInterest(handle: string, slug: string, visitorId: string) {
    const g = this.groupBuys.get(pageKey(handle, slug));
    if (!g) return fail<never>('group_buy_not_found', `There is no group buy "${slug}" for "${handle}".`);
    if (g.interests[visitorId] !== undefined) {
      delete g.interests[visitorId];
      this.touch();
    }
    return ok({ interested: false as const, interestCount: Object.keys(g.interests).length });
  }

  /**
   * The creator activates a group buy that reached its target: the page it sells is published and
   * every interested visitor is emailed a link to the creator's site (the handle's first allowed
   * origin), never to an API address. A handle without an allowed origin gets an email without a link.
   */
  activateGroupBuy(handle: string, slug: string) {
    const g = this.groupBuys.get(pageKey(handle, slug));
    if (!g) return fail<never>('group_buy_not_found', `There is no group buy "${slug}" for "${handle}".`);
    const status = this.groupBuyStatus(g);
    if (status === 'collecting') {
      return fail<never>(
        'target_not_reached',
        `The group buy has ${Object.keys(g.interests).length} of ${g.targetQuantity} interested visitors; it can be activated once the target is reached.`,
      );
    }
    if (status === 'target_reached') {
      g.activatedAt = this.now();
      const page = g.pageSlug === undefined ? undefined : this.pages.get(pageKey(handle, g.pageSlug));
      if (page) page.published = true;
      const site = this.handles.get(handle)?.allowedOrigins[0];
      const link = site ? `${site}/${encodeURIComponent(g.pageSlug ?? g.slug)}` : null;
      for (const visitorId of Object.keys(g.interests)) {
        const visitor = this.visitors.get(visitorId);
        if (!visitor) continue;
        this.sendMail({
          to: visitor.email,
          subject: `${g.title} is live`,
          text: `Good news: enough people joined "${g.title}" and the offer is now live.\n\n${
            link ? `Buy it here: ${link}` : "Visit the creator's site to buy it."
          }`,
          link,
        });
      }
      this.touch();
    }
    return this.groupBuy(handle, slug);
  }

  // ---------------------------------------------------------------- mailbox, reports, dev API edits

  private sendMail(message: Omit<MessageRecord, 'id' | 'sentAt'>): MessageRecord {
    const record: MessageRecord = { id: randomId('msg_'), sentAt: this.now(), ...message };
    this.messages.push(record);
    this.touch();
    return record;
  }

  /** Emails, newest first, optionally only those to one address. */
  messagesTo(to?: string): MessageRecord[] {
    const normalised = to?.trim().toLowerCase();
    const out: MessageRecord[] = [];
    for (let i = this.messages.length - 1; i >= 0; i--) {
      const m = this.messages[i]!;
      if (normalised === undefined || m.to === normalised) out.push(m);
    }
    return out;
  }

  /** Files a support or content report. */
  addReport(kind: 'support' | 'content', body: Record<string, unknown>, visitorId?: string): ReportRecord {
    const record: ReportRecord = { id: randomId('rep_'), kind, visitorId, body, createdAt: this.now() };
    this.reports.push(record);
    this.touch();
    return record;
  }

  /** Creates or changes a handle (development API). */
  upsertHandle(handle: string, patch: { connectConfigured?: boolean; allowedOrigins?: string[] }): HandleRecord {
    const record = this.handles.get(handle) ?? { handle, connectConfigured: false, allowedOrigins: [] };
    if (patch.connectConfigured !== undefined) record.connectConfigured = patch.connectConfigured;
    if (patch.allowedOrigins !== undefined) record.allowedOrigins = [...patch.allowedOrigins];
    this.handles.set(handle, record);
    this.allowedOriginsCache = undefined;
    this.touch();
    return record;
  }

  /** Creates or changes a page (development API). A new page needs a title and a mode. */
  upsertPage(
    handle: string,
    slug: string,
    patch: { title?: string; mode?: PageRecord['mode']; price?: number; currency?: string; published?: boolean },
  ): Result<PageRecord> {
    if (!this.handles.has(handle)) return fail('handle_not_found', `There is no handle "${handle}".`);
    const existing = this.pages.get(pageKey(handle, slug));
    if (!existing && (patch.title === undefined || patch.mode === undefined)) {
      return fail('invalid_request', 'A new page needs at least "title" and "mode".');
    }
    const record: PageRecord = existing ?? {
      handle,
      slug,
      title: patch.title!,
      mode: patch.mode!,
      price: undefined,
      currency: undefined,
      published: true,
    };
    if (patch.title !== undefined) record.title = patch.title;
    if (patch.mode !== undefined) record.mode = patch.mode;
    if (patch.price !== undefined) record.price = patch.price;
    if (patch.currency !== undefined) record.currency = patch.currency;
    if (patch.published !== undefined) record.published = patch.published;
    if (record.mode === 'PAID' && (record.price === undefined || record.currency === undefined)) {
      return fail('invalid_request', 'A PAID page needs "price" (minor units) and "currency".');
    }
    this.pages.set(pageKey(handle, slug), record);
    this.touch();
    return ok(record);
  }

  // ---------------------------------------------------------------- idempotency

  /** A stored response for an idempotency key, if one was recorded in the last 24 hours. */
  idempotentResponse(key: string): IdempotencyRecord | undefined {
    const record = this.idempotency.get(key);
    if (record && this.now() - record.createdAt >= IDEMPOTENCY_TTL_MS) {
      this.idempotency.delete(key);
      return undefined;
    }
    return record;
  }

  /** Remembers the response to an idempotent write. */
  rememberResponse(record: Omit<IdempotencyRecord, 'createdAt'>): void {
    this.idempotency.set(record.key, { ...record, createdAt: this.now() });
    this.touch();
  }

  // ---------------------------------------------------------------- request log

  /** Adds a line to the request log (kept to the last 1,000 requests, not persisted). */
  logRequest(entry: RequestLogEntry): void {
    if (this.log.length < REQUEST_LOG_SIZE) this.log.push(entry);
    else this.log[this.logNext] = entry;
    this.logNext = (this.logNext + 1) % REQUEST_LOG_SIZE;
  }

  /** The request log, newest first. */
  requests(limit = 100): RequestLogEntry[] {
    const out: RequestLogEntry[] = [];
    const n = this.log.length;
    for (let i = 1; i <= Math.min(limit, n); i++) out.push(this.log[(this.logNext - i + n) % n]!);
    return out;
  }

  // ---------------------------------------------------------------- persistence

  /** The state as plain JSON (what `--data` writes). The request log and creator secret are left out. */
  toJSON(): Snapshot {
    return {
      format: 'visitor-access-mock',
      version: 1,
      savedAt: this.now(),
      handles: [...this.handles.values()],
      pages: [...this.pages.values()],
      groupBuys: [...this.groupBuys.values()],
      files: this.files,
      visitors: [...this.visitors.values()],
      magicLinks: [...this.magicLinks.values()],
      sessions: [...this.sessions.values()],
      purchases: [...this.purchases.values()],
      freeLogins: [...this.freeLogins.values()],
      refunds: [...this.refunds.values()],
      checkouts: [...this.checkouts.values()],
      messages: this.messages,
      idempotency: [...this.idempotency.values()],
      throttles: Object.fromEntries(this.throttles),
      reports: this.reports,
    };
  }

  /**
   * Replaces the state with a snapshot from {@link MockStore.toJSON}. Throws a {@link SnapshotError}
   * naming the first bad fields when the data does not validate; the store is left unchanged then.
   */
  load(data: unknown): void {
    const parsed = Snapshot.safeParse(data);
    if (!parsed.success) {
      const lines = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
      throw new SnapshotError(`not a visitor-access-mock data file (${lines.join('; ')})`);
    }
    const s = parsed.data;
    this.handles = new Map(s.handles.map((h) => [h.handle, h]));
    this.pages = new Map(s.pages.map((p) => [pageKey(p.handle, p.slug), p]));
    this.groupBuys = new Map(s.groupBuys.map((g) => [pageKey(g.handle, g.slug), g]));
    this.files = s.files;
    this.visitors = new Map(s.visitors.map((v) => [v.id, v]));
    this.visitorsByEmail = new Map(s.visitors.map((v) => [v.email, v]));
    this.magicLinks = new Map();
    this.linksByEmail = new Map();
    for (const l of s.magicLinks) this.addLink(l);
    this.sessions = new Map(s.sessions.map((x) => [x.id, x]));
    this.purchases = new Map();
    this.purchasesByVisitor = new Map();
    for (const p of s.purchases) this.indexPurchase(p);
    this.freeLogins = new Map();
    this.freeLoginsByVisitor = new Map();
    for (const f of s.freeLogins) {
      this.freeLogins.set(grantKey(f.visitorId, f.handle, f.slug), f);
      const list = this.freeLoginsByVisitor.get(f.visitorId);
      if (list) list.push(f);
      else this.freeLoginsByVisitor.set(f.visitorId, [f]);
    }
    this.refunds = new Map(s.refunds.map((r) => [r.id, r]));
    this.checkouts = new Map(s.checkouts.map((c) => [c.id, c]));
    this.messages = s.messages;
    this.idempotency = new Map(s.idempotency.map((r) => [r.key, r]));
    this.throttles = new Map(Object.entries(s.throttles));
    this.reports = s.reports;
    this.allowedOriginsCache = undefined;
    this.touch();
  }
}

/**
 * A `--data` file that is not a valid snapshot.
 *
 * @example
 * ```ts
 * try { store.load(JSON.parse(text)); } catch (e) { if (e instanceof SnapshotError) process.exit(1); }
 * ```
 */
export class SnapshotError extends Error {
  override readonly name = 'SnapshotError';
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
