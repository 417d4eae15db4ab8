import { routes } from '@visitor-access/contract';
import {
  error,
  failure,
  idempotent,
  json,
  parseBody,
  readText,
  route,
  validate,
  type HandlerOptions,
} from './context.js';

/** The wire form of a refund. */
export const refundView = (r: {
  id: string;
  visitorId: string;
  handle: string;
  pageSlug: string;
  amount: number;
  currency: string;
}) => ({
  refund: {
    id: r.id,
    visitorId: r.visitorId,
    handle: r.handle,
    pageSlug: r.pageSlug,
    amount: r.amount,
    currency: r.currency,
    status: 'succeeded' as const,
  },
});

/** Route 8: `POST /v2/handles/{handle}/pages/{pageSlug}/refund` — creator JWT of that handle. */
export const refundHandlers = (options: HandlerOptions) => [
  route(options, 'post', '/v2/handles/:handle/pages/:pageSlug/refund', async (ctx) => {
    const auth = await ctx.store.verifyCreatorToken(ctx.request.headers.get('authorization'));
    if (!auth.ok) return failure(ctx, auth);
    const params = validate(ctx, ctx.params, routes.refund.params, 'path');
    if (params instanceof Response) return params;
    if (auth.value.handle !== params.handle) {
      return error(ctx, 'forbidden', `This creator token is for "${auth.value.handle}", not "${params.handle}".`);
    }
    const text = await readText(ctx);
    if (text instanceof Response) return text;
    return idempotent(ctx, text, async () => {
      const input = parseBody(ctx, text, routes.refund.body);
      if (input instanceof Response) return input;
      const result = ctx.store.refund(params.handle, params.pageSlug, input.visitorId, 'creator');
      return result.ok ? json(ctx, 200, refundView(result.value)) : failure(ctx, result);
    });
  }),
];
