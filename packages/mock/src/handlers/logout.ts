import { routes } from '@visitor-access/contract';
import { route, sessionCookie, sessionCookieHeader, type HandlerOptions } from './context.js';

/** Route 4: `POST /v2/visitor/auth/logout` — revokes the session server-side and clears the cookie; 204. */
export const logoutHandlers = (options: HandlerOptions) => [
  route(options, 'post', routes.logout.path, async (ctx) => {
    await ctx.store.revokeSession(sessionCookie(ctx.request));
    return new Response(null, {
      status: 204,
      headers: { 'set-cookie': sessionCookieHeader(ctx, null), 'cache-control': 'no-store' },
    });
  }),
];
