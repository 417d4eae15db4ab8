import { routes } from '@visitor-access/contract';
import { body, failure, json, route, sessionCookieHeader, type HandlerOptions } from './context.js';
import { visitorView } from './me.js';

/** Route 2: `POST /v2/visitor/auth/verify` — `{ token }` or `{ email, code }`; sets the session cookie. */
export const verifyHandlers = (options: HandlerOptions) => [
  route(options, 'post', routes.verify.path, async (ctx) => {
    const input = await body(ctx, routes.verify.body);
    if (input instanceof Response) return input;
    const result =
      'token' in input
        ? await ctx.store.verifyToken(input.token, ctx.clientIp)
        : await ctx.store.verifyCode(input.email, input.code, ctx.clientIp);
    if (!result.ok) return failure(ctx, result);
    return json(
      ctx,
      200,
      { visitor: visitorView(result.value.visitor) },
      {
        'set-cookie': sessionCookieHeader(ctx, result.value.cookie),
      },
    );
  }),
];
