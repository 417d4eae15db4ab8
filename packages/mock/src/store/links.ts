// Magic links and sign-in codes: a token is `selector.verifier` (the verifier stored only as a hash),
// the code is hashed with its selector; either one consumes both. Used and expired links are purged
// 24 hours after they expire.
import { MAGIC_LINK_TTL_MS, MAX_CODE_ATTEMPTS } from '@visitor-access/contract';
import { equalDigests, randomCode, randomToken } from '../crypto.js';
import type { MagicLinkRecord, SessionRecord, VisitorRecord } from '../records.js';
import type { MailSlice } from './mail.js';
import type { Index } from './table.js';
import type { ThrottleSlice } from './throttle.js';
import type { PreparedSession, VisitorsSlice } from './visitors.js';
import { PURGE_AFTER_MS, fail, ok, type Kernel, type Result } from './state.js';

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

const splitToken = (token: string): [string, string] | undefined => {
  const m = /^([A-Za-z0-9_-]{16})\.([A-Za-z0-9_-]{43})$/.exec(token);
  return m ? [m[1]!, m[2]!] : undefined;
};

export class LinksSlice {
  readonly #byEmail: Index<MagicLinkRecord>;

  constructor(
    private readonly k: Kernel,
    private readonly visitors: VisitorsSlice,
    private readonly mail: MailSlice,
    private readonly throttle: ThrottleSlice,
    private readonly perEmail: number,
  ) {
    this.#byEmail = k.t.magicLinks.index((l) => l.email);
  }

  /** Emails a sign-in link and code. `linkBase` is the public origin the link points at. */
  async request(input: {
    email: string;
    returnTo?: string | undefined;
    linkBase: string;
    clientIp?: string | undefined;
  }): Promise<Result<{ expiresAt: number }>> {
    const selector = randomToken(12);
    const verifier = randomToken(32); // 256 random bits
    const code = randomCode();
    const [verifierHash, codeHash] = await Promise.all([this.k.sha256(verifier), this.k.sha256(`${selector}:${code}`)]);
    // No await below: the throttle check and the write happen together.
    return this.k.uow.run(() => {
      const ipLimited = this.throttle.ip(input.clientIp);
      if (!ipLimited.ok) return ipLimited;
      const wait = this.throttle.hit(`email:${input.email}`, this.perEmail);
      if (wait !== undefined) {
        return fail('rate_limited', 'Too many sign-in links were requested for this email. Try again later.', wait);
      }
      const now = this.k.now();
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
      this.k.t.magicLinks.put(selector, record);
      const token = `${selector}.${verifier}`;
      const link = `${input.linkBase}/_edge/visitor/access/t/${token}${
        input.returnTo ? `?returnTo=${encodeURIComponent(input.returnTo)}` : ''
      }`;
      this.mail.send({
        to: input.email,
        subject: 'Your sign-in link',
        text: `Click to sign in: ${link}\n\nOr enter this code: ${code}\n\nThe link and the code expire in 15 minutes and work once. If you did not ask for this, ignore this email.`,
        link,
        token,
        code,
      });
      return ok({ expiresAt: record.expiresAt });
    });
  }

  /** Looks a token up without consuming it (the landing page). */
  async inspect(token: string): Promise<LinkState> {
    const parts = splitToken(token);
    if (!parts) return { state: 'invalid' };
    const hash = await this.k.sha256(parts[1]);
    const record = this.k.t.magicLinks.get(parts[0]);
    if (!record || !equalDigests(record.verifierHash, hash, this.k.equal) || record.killedAt !== undefined) {
      return { state: 'invalid' };
    }
    if (record.consumedAt !== undefined) return { state: 'used', email: record.email, returnTo: record.returnTo };
    if (this.k.now() >= record.expiresAt) return { state: 'expired', email: record.email, returnTo: record.returnTo };
    return { state: 'valid', email: record.email, returnTo: record.returnTo, expiresAt: record.expiresAt };
  }

  /** Consumes a link token and signs the visitor in. Of N simultaneous calls exactly one succeeds. */
  async verifyToken(token: string, clientIp?: string): Promise<Result<SignIn>> {
    const parts = splitToken(token);
    const [hash, prepared] = await Promise.all([this.k.sha256(parts?.[1] ?? ''), this.visitors.prepare()]);
    return this.k.uow.run(() => {
      const ipLimited = this.throttle.ip(clientIp);
      if (!ipLimited.ok) return ipLimited;
      const record = parts ? this.k.t.magicLinks.get(parts[0]) : undefined;
      if (!record || !equalDigests(record.verifierHash, hash, this.k.equal) || record.killedAt !== undefined) {
        return fail('invalid_magic_link', 'This sign-in link is not valid. Request a new one.');
      }
      return this.#consume(record, prepared);
    });
  }

  /** Consumes the newest matching sign-in code for `email`. Five wrong codes kill a request. */
  async verifyCode(email: string, code: string, clientIp?: string): Promise<Result<SignIn>> {
    const candidates = this.k.t.magicLinks.lookup(this.#byEmail, email);
    const [hashes, prepared] = await Promise.all([
      Promise.all(candidates.map(async (r) => this.k.sha256(`${r.selector}:${code}`))),
      this.visitors.prepare(),
    ]);
    return this.k.uow.run(() => {
      const ipLimited = this.throttle.ip(clientIp);
      if (!ipLimited.ok) return ipLimited;
      for (let i = candidates.length - 1; i >= 0; i--) {
        // The record as it is now: another request may have used or killed it while this one hashed.
        const record = this.k.t.magicLinks.get(candidates[i]!.selector);
        if (!record || !equalDigests(record.codeHash, hashes[i]!, this.k.equal)) continue;
        if (record.killedAt !== undefined) break;
        return this.#consume(record, prepared);
      }
      // A wrong code counts against every request of this email that could still be used.
      const now = this.k.now();
      for (const c of candidates) {
        const record = this.k.t.magicLinks.get(c.selector);
        if (!record || record.consumedAt !== undefined || record.killedAt !== undefined || now >= record.expiresAt) {
          continue;
        }
        const codeAttempts = record.codeAttempts + 1;
        this.k.t.magicLinks.update(record.selector, {
          codeAttempts,
          ...(codeAttempts >= MAX_CODE_ATTEMPTS ? { killedAt: now } : {}),
        });
      }
      return fail('invalid_magic_link', 'That code is not valid. Check the latest email or request a new link.');
    });
  }

  #consume(record: MagicLinkRecord, prepared: PreparedSession): Result<SignIn> {
    if (record.consumedAt !== undefined) {
      return fail('used_magic_link', 'This sign-in link was already used. Request a new one.');
    }
    const now = this.k.now();
    if (now >= record.expiresAt) {
      return fail('expired_magic_link', 'This sign-in link has expired (links last 15 minutes). Request a new one.');
    }
    this.k.t.magicLinks.update(record.selector, { consumedAt: now });
    const visitor = this.visitors.ensure(record.email);
    const { cookie, session } = this.visitors.open(prepared, visitor.id);
    return ok({ visitor, cookie, session, returnTo: record.returnTo });
  }

  /** Links (used or not) 24 hours after they expired. */
  purge(now: number): void {
    for (const [selector, l] of this.k.t.magicLinks) {
      if (now >= l.expiresAt + PURGE_AFTER_MS) this.k.t.magicLinks.delete(selector);
    }
  }
}
