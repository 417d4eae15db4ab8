import { routes } from '@visitor-access/contract';
import { error, failure, idempotent, json, parseBody, readText, route, type HandlerOptions } from './context.js';

/** Route 1: `POST /v2/visitor/auth/magic-link` — emails a link and a code; same answer for any email. */
export const magicLinkHandlers = (options: HandlerOptions) => [
  route(options, 'post', routes.requestMagicLink.path, async (ctx) => {
    const text = await readText(ctx);
    if (text instanceof Response) return text;
    return idempotent(ctx, text, async () => {
      const input = parseBody(ctx, text, routes.requestMagicLink.body);
      if (input instanceof Response) return input;
      if (input.returnTo !== undefined && !ctx.store.isAllowedRedirect(input.returnTo, ctx.apiOrigin)) {
        return error(ctx, 'invalid_redirect_url', 'returnTo must be an http(s) URL on an origin a creator allows.');
      }
      const result = await ctx.store.requestMagicLink({
        email: input.email,
        returnTo: input.returnTo,
        linkBase: ctx.apiOrigin,
        clientIp: ctx.clientIp,
      });
      if (!result.ok) return failure(ctx, result);
      return json(ctx, 202, { sent: true, expiresAt: new Date(result.value.expiresAt).toISOString() });
    });
  }),
];
