import type { MagicLinkRequest, MagicLinkResponse, VerifyRequest, VisitorResponse } from '@visitor-access/contract';
import type { APIPromise } from '../api-promise.js';
import type { RequestOptions } from '../options.js';
import { APIResource } from '../resource.js';

/**
 * Passwordless sign-in: magic links and 6-digit codes, the current visitor, sign-out.
 *
 * @example
 * ```ts
 * await client.auth.requestMagicLink({ email: 'buyer@example.com', returnTo: location.href });
 * ```
 */
export class Auth extends APIResource {
  /**
   * Emails a sign-in link (valid 15 minutes) and a 6-digit code. The answer is the same whether or
   * not the email is known. Retried safely: it carries an `Idempotency-Key`.
   *
   * @example
   * ```ts
   * const { expiresAt } = await client.auth.requestMagicLink({ email: 'buyer@example.com' });
   * ```
   */
  requestMagicLink(body: MagicLinkRequest, options?: RequestOptions): APIPromise<MagicLinkResponse> {
    return this.core.call('requestMagicLink', { body, options });
  }

  /**
   * Exchanges the link's token, or the email and its code, for a session cookie. Emits `signed_in`.
   *
   * @example
   * ```ts
   * const { visitor } = await client.auth.verify({ email: 'buyer@example.com', code: '123456' });
   * ```
   */
  verify(body: VerifyRequest, options?: RequestOptions): APIPromise<VisitorResponse> {
    return this.core.call('verify', { body, options });
  }

  /**
   * The signed-in visitor. Emits `signed_in`, or `signed_out` on a 401 ({@link VisitorUnauthorizedError}).
   *
   * @example
   * ```ts
   * const { visitor } = await client.auth.me();
   * ```
   */
  me(options?: RequestOptions): APIPromise<VisitorResponse> {
    return this.core.call('me', { options });
  }

  /**
   * Signs out: the server revokes the session and clears the cookie. Succeeds without a session
   * too. Emits `signed_out`.
   *
   * @example
   * ```ts
   * await client.auth.logout();
   * ```
   */
  logout(options?: RequestOptions): APIPromise<void> {
    return this.core.call('logout', { options });
  }
}
