// Routes 5, 6, 7, 8: access check, checkout, the access list, refund.
import { refundView } from '../store/views.js';
import type { ApiHandlerSpec } from './types.js';
import { failure, json, reply } from './respond.js';

/** `POST /v2/public/pages/{handle}/{pageSlug}/access-check`: the access decision (store/access.ts). */
export const checkAccess: ApiHandlerSpec<'checkAccess'> = {
  handler: (ctx) => reply(ctx, ctx.store.checkAccess(ctx.input.params.handle, ctx.input.params.pageSlug, ctx.visitor)),
};

/** `POST /v2/public/pages/{handle}/{pageSlug}/checkout`: the checks in the documented order (store/checkout.ts). */
export const checkout: ApiHandlerSpec<'checkout'> = {
  handler: (ctx) => {
    const result = ctx.store.startCheckout({
      handle: ctx.input.params.handle,
      slug: ctx.input.params.pageSlug,
      visitor: ctx.visitor,
      successUrl: ctx.input.body.successUrl,
      cancelUrl: ctx.input.body.cancelUrl,
      selfOrigin: ctx.publicOrigin,
    });
    if (!result.ok) return failure(ctx, result);
    return json(ctx, 200, { url: `${ctx.publicUrl}/_mock/checkout/${result.value.id}`, sessionId: result.value.id });
  },
};

/** `GET /v2/visitor/access`: newest first; a creator's site (its `Origin`) sees only its own items. */
export const listAccess: ApiHandlerSpec<'listAccess'> = {
  handler: (ctx) => json(ctx, 200, { items: ctx.store.accessItems(ctx.visitor, { origin: ctx.origin }) }),
};

/** `POST /v2/handles/{handle}/pages/{pageSlug}/refund`: a creator JWT of that handle (checked by the pipeline). */
export const refund: ApiHandlerSpec<'refund'> = {
  handler: (ctx) =>
    reply(
      ctx,
      ctx.store.refund(ctx.input.params.handle, ctx.input.params.pageSlug, ctx.input.body.visitorId, 'creator'),
      200,
      refundView,
    ),
};
