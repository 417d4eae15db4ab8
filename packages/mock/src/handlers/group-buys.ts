import { routes } from '@visitor-access/contract';
import {
  failure,
  idempotent,
  json,
  parseBody,
  readText,
  reply,
  requireVisitor,
  route,
  validate,
  type HandlerOptions,
} from './context.js';

const base = '/v2/public/group-buys/:handle/:groupBuySlug';

/** Routes 9–12: a group buy, expressing interest, my interest, withdrawing it. */
export const groupBuyHandlers = (options: HandlerOptions) => [
  route(options, 'get', base, (ctx) => {
    const p = validate(ctx, ctx.params, routes.getGroupBuy.params, 'path');
    if (p instanceof Response) return p;
    return reply(ctx, ctx.store.groupBuy(p.handle, p.groupBuySlug));
  }),
  route(options, 'post', `${base}/interest`, async (ctx) => {
    const text = await readText(ctx);
    if (text instanceof Response) return text;
    return idempotent(ctx, text, async () => {
      const visitor = await requireVisitor(ctx);
      if (visitor instanceof Response) return visitor;
      const p = validate(ctx, ctx.params, routes.expressInterest.params, 'path');
      if (p instanceof Response) return p;
      const input = parseBody(ctx, text, routes.expressInterest.body);
      if (input instanceof Response) return input;
      const result = ctx.store.expressInterest(p.handle, p.groupBuySlug, visitor.id);
      return result.ok ? json(ctx, 200, result.value) : failure(ctx, result);
    });
  }),
  route(options, 'get', `${base}/my-interest`, async (ctx) => {
    const visitor = await requireVisitor(ctx);
    if (visitor instanceof Response) return visitor;
    const p = validate(ctx, ctx.params, routes.myInterest.params, 'path');
    if (p instanceof Response) return p;
    return reply(ctx, ctx.store.myInterest(p.handle, p.groupBuySlug, visitor.id));
  }),
  route(options, 'delete', `${base}/my-interest`, async (ctx) => {
    const visitor = await requireVisitor(ctx);
    if (visitor instanceof Response) return visitor;
    const p = validate(ctx, ctx.params, routes.withdrawInterest.params, 'path');
    if (p instanceof Response) return p;
    return reply(ctx, ctx.store.withdrawInterest(p.handle, p.groupBuySlug, visitor.id));
  }),
];
