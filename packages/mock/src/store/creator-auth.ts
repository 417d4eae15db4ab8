// Creator authentication: the creator JWTs (HS256) the refund route accepts, issued by the development
// API and by `store.issueCreatorToken`, signed with a secret that lives as long as the store.
import { SignJWT, jwtVerify } from 'jose';
import { fail, ok, type Kernel, type Result } from './state.js';

/** How far in the future a creator JWT's `iat` may be (clock skew between machines). */
const MAX_CLOCK_SKEW_S = 60;

export class CreatorAuth {
  /** HS256 secret for creator JWTs: new for every store, so tokens do not survive a restart. */
  readonly #secret = crypto.getRandomValues(new Uint8Array(32));

  constructor(private readonly k: Kernel) {}

  async issueCreatorToken(handle: string): Promise<string> {
    const now = Math.floor(this.k.now() / 1000);
    return new SignJWT({ handle })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(handle)
      .setIssuer('visitor-access-mock')
      .setIssuedAt(now)
      .setExpirationTime(now + 24 * 60 * 60)
      .sign(this.#secret);
  }

  async verifyCreatorToken(authorization: string | null): Promise<Result<{ handle: string }>> {
    const m = /^Bearer ([A-Za-z0-9_.-]{1,4096})$/.exec(authorization ?? '');
    if (!m) return fail('creator_unauthorized', 'Send a creator JWT as "Authorization: Bearer <token>".');
    try {
      const { payload } = await jwtVerify(m[1]!, this.#secret, {
        algorithms: ['HS256'],
        issuer: 'visitor-access-mock',
        currentDate: new Date(this.k.now()),
      });
      // Issued in the future (beyond a minute of clock skew): not a token this mock gave out.
      if (typeof payload.iat !== 'number' || payload.iat > this.k.now() / 1000 + MAX_CLOCK_SKEW_S) {
        return fail('creator_unauthorized', 'The creator JWT is not valid: it was issued in the future.');
      }
      const handle = typeof payload.handle === 'string' ? payload.handle : payload.sub;
      if (!handle) return fail('creator_unauthorized', 'The creator JWT names no handle.');
      return ok({ handle });
    } catch {
      return fail('creator_unauthorized', 'The creator JWT is not valid or has expired.');
    }
  }
}
