// Routes 1–4: magic link, verify, me, logout.
import { visitorView } from '../store/views.js';
import type { ApiHandlerSpec } from './types.js';
import { error, failure, json, responseWithCookies } from './respond.js';

/** `POST /v2/visitor/auth/magic-link`: emails a link and a code; the same answer for any email. */
export const requestMagicLink: ApiHandlerSpec<'requestMagicLink'> = {
  handler: async (ctx) => {
    const { email, returnTo } = ctx.input.body;
    if (returnTo !== undefined && !ctx.store.isAllowedRedirect(returnTo, ctx.publicOrigin)) {
      return error(ctx, 'invalid_redirect_url', 'returnTo must be an http(s) URL on an origin a creator allows.');
    }
    const result = await ctx.store.requestMagicLink({
      email,
      returnTo,
      linkBase: ctx.publicUrl,
      clientIp: ctx.clientIp,
    });
    if (!result.ok) return failure(ctx, result);
    return json(ctx, 202, { sent: true, expiresAt: new Date(result.value.expiresAt).toISOString() });
  },
};

/**
 * `POST /v2/visitor/auth/verify`: `{ token }` or `{ email, code }`; sets the session cookie. Its
 * Idempotency-Key replay (an answer lost on the way) sets the same cookie again.
 */
export const verify: ApiHandlerSpec<'verify'> = {
  handler: async (ctx) => {
    const input = ctx.input.body;
    const result =
      'token' in input
        ? await ctx.store.verifyToken(input.token, ctx.clientIp)
        : await ctx.store.verifyCode(input.email, input.code, ctx.clientIp);
    if (!result.ok) return failure(ctx, result);
    return json(
      ctx,
      200,
      { visitor: visitorView(result.value.visitor) },
      { 'set-cookie': ctx.cookie(result.value.cookie) },
    );
  },
};

/** `GET /v2/visitor/me`. */
export const me: ApiHandlerSpec<'me'> = {
  handler: (ctx) => json(ctx, 200, { visitor: visitorView(ctx.visitor) }),
};

/** `POST /v2/visitor/auth/logout`: revokes the session server-side and clears the cookie; 204. */
export const logout: ApiHandlerSpec<'logout'> = {
  handler: async (ctx) => {
    await ctx.store.revokeSession(ctx.session);
    // So that the cleared cookie also reaches `document.cookie` under the service worker.
    return responseWithCookies(ctx, null, {
      status: 204,
      headers: { 'set-cookie': ctx.cookie(null), 'cache-control': 'no-store' },
    });
  },
};
