import { routes } from '@visitor-access/contract';
import {
  failure,
  idempotent,
  json,
  parseBody,
  readText,
  requireVisitor,
  route,
  validate,
  type HandlerOptions,
} from './context.js';

/** Route 6: `POST /v2/public/pages/{handle}/{pageSlug}/checkout` — checks in the documented order. */
export const checkoutHandlers = (options: HandlerOptions) => [
  route(options, 'post', '/v2/public/pages/:handle/:pageSlug/checkout', async (ctx) => {
    const text = await readText(ctx);
    if (text instanceof Response) return text;
    return idempotent(ctx, text, async () => {
      // Session first (401), then the page (404) and the rest, as product-spec.md orders them.
      const visitor = await requireVisitor(ctx);
      if (visitor instanceof Response) return visitor;
      const params = validate(ctx, ctx.params, routes.checkout.params, 'path');
      if (params instanceof Response) return params;
      const input = parseBody(ctx, text, routes.checkout.body);
      if (input instanceof Response) return input;
      const result = ctx.store.startCheckout({
        handle: params.handle,
        slug: params.pageSlug,
        visitor,
        successUrl: input.successUrl,
        cancelUrl: input.cancelUrl,
        selfOrigin: ctx.apiOrigin,
      });
      if (!result.ok) return failure(ctx, result);
      return json(ctx, 200, { url: `${ctx.apiOrigin}/_mock/checkout/${result.value.id}`, sessionId: result.value.id });
    });
  }),
];
