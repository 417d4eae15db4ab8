import { HttpResponse } from 'msw';
import { routes } from '@visitor-access/contract';
import { route, sessionCookieHeader, type HandlerOptions } from './context.js';

/** Route 4: `POST /v2/visitor/auth/logout` — revokes the session server-side and clears the cookie; 204. */
export const logoutHandlers = (options: HandlerOptions) => [
  route(options, 'post', routes.logout.path, async (ctx) => {
    await ctx.store.revokeSession(ctx.session);
    // HttpResponse so that the cleared cookie also reaches `document.cookie` under the service worker.
    return new HttpResponse(null, {
      status: 204,
      headers: { 'set-cookie': sessionCookieHeader(ctx, null), 'cache-control': 'no-store' },
    });
  }),
];
