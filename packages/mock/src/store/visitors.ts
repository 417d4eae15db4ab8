// Visitors and their sessions: a session cookie is `sessionId.secret`; only the secret's hash is stored.
import { normaliseEmail, SESSION_TTL_SECONDS } from '@visitor-access/contract';
import { equalDigests, randomId, randomToken } from '../crypto.js';
import type { SessionRecord, VisitorRecord } from '../records.js';
import type { Index } from './table.js';
import { PURGE_AFTER_MS, type Kernel } from './state.js';

/** A session secret made ahead of the synchronous part of a sign-in (hashing may be asynchronous). */
export interface PreparedSession {
  id: string;
  secret: string;
  secretHash: string;
}

export class VisitorsSlice {
  readonly #byEmail: Index<VisitorRecord>;

  constructor(private readonly k: Kernel) {
    this.#byEmail = k.t.visitors.index((v) => v.email);
  }

  byEmail(email: string): VisitorRecord | undefined {
    return this.k.t.visitors.lookup(this.#byEmail, email)[0];
  }

  /** The visitor with this email, created if new. */
  ensure(email: string): VisitorRecord {
    const normalised = normaliseEmail(email);
    const existing = this.byEmail(normalised);
    if (existing) return existing;
    const visitor: VisitorRecord = { id: randomId('vis_'), email: normalised, createdAt: this.k.now() };
    return this.k.t.visitors.put(visitor.id, visitor);
  }

  async prepare(): Promise<PreparedSession> {
    const secret = randomToken(32);
    return { id: randomToken(12), secret, secretHash: await this.k.sha256(secret) };
  }

  /** Opens a prepared session for a visitor; answers the cookie value. */
  open(prepared: PreparedSession, visitorId: string): { cookie: string; session: SessionRecord } {
    const now = this.k.now();
    const session = this.k.t.sessions.put(prepared.id, {
      id: prepared.id,
      secretHash: prepared.secretHash,
      visitorId,
      createdAt: now,
      expiresAt: now + SESSION_TTL_SECONDS * 1000,
      revokedAt: undefined,
    });
    return { cookie: `${prepared.id}.${prepared.secret}`, session };
  }

  #find(cookie: string | undefined): { session: SessionRecord; secret: string } | undefined {
    if (!cookie) return undefined;
    const m = /^([A-Za-z0-9_-]{16})\.([A-Za-z0-9_-]{43})$/.exec(cookie);
    if (!m) return undefined;
    const session = this.k.t.sessions.get(m[1]!);
    return session ? { session, secret: m[2]! } : undefined;
  }

  /** The live session and visitor behind a cookie, or null when missing, unknown, expired or revoked. */
  async forCookie(cookie: string | undefined): Promise<{ session: SessionRecord; visitor: VisitorRecord } | null> {
    const found = this.#find(cookie);
    if (!found) return null;
    const hash = await this.k.sha256(found.secret);
    // Looked up again after the (possibly asynchronous) hash: a logout may have happened meanwhile.
    const session = this.k.t.sessions.get(found.session.id);
    if (!session || !equalDigests(session.secretHash, hash, this.k.equal)) return null;
    if (session.revokedAt !== undefined || this.k.now() >= session.expiresAt) return null;
    const visitor = this.k.t.visitors.get(session.visitorId);
    return visitor ? { session, visitor } : null;
  }

  /** Revokes the session behind a cookie (nothing without one). */
  async revoke(cookie: string | undefined): Promise<void> {
    const found = this.#find(cookie);
    if (!found) return;
    const hash = await this.k.sha256(found.secret);
    const session = this.k.t.sessions.get(found.session.id);
    if (session && equalDigests(session.secretHash, hash, this.k.equal) && session.revokedAt === undefined) {
      this.k.uow.run(() => this.k.t.sessions.update(session.id, { revokedAt: this.k.now() }));
    }
  }

  /** Sessions that expired or were revoked more than 24 hours ago. */
  purge(now: number): void {
    for (const [id, s] of this.k.t.sessions) {
      const end = Math.min(s.expiresAt, s.revokedAt ?? Infinity);
      if (now >= end + PURGE_AFTER_MS) this.k.t.sessions.delete(id);
    }
  }
}
