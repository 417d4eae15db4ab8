// Routes 9–12: a group buy, expressing interest, my interest, withdrawing it.
import type { ApiHandlerSpec } from './types.js';
import { reply } from './respond.js';

export const getGroupBuy: ApiHandlerSpec<'getGroupBuy'> = {
  handler: (ctx) => reply(ctx, ctx.store.groupBuy(ctx.input.params.handle, ctx.input.params.groupBuySlug)),
};

export const expressInterest: ApiHandlerSpec<'expressInterest'> = {
  handler: (ctx) =>
    reply(ctx, ctx.store.expressInterest(ctx.input.params.handle, ctx.input.params.groupBuySlug, ctx.visitor.id)),
};

export const myInterest: ApiHandlerSpec<'myInterest'> = {
  handler: (ctx) =>
    reply(ctx, ctx.store.myInterest(ctx.input.params.handle, ctx.input.params.groupBuySlug, ctx.visitor.id)),
};

export const withdrawInterest: ApiHandlerSpec<'withdrawInterest'> = {
  handler: (ctx) =>
    reply(ctx, ctx.store.withdrawInterest(ctx.input.params.handle, ctx.input.params.groupBuySlug, ctx.visitor.id)),
};
