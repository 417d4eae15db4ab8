// Routes 15 and 16: support and content reports → 201 `{ reportId }`.
import type { ApiHandlerSpec } from './types.js';
import { json } from './respond.js';

export const supportReport: ApiHandlerSpec<'supportReport'> = {
  handler: (ctx) =>
    json(ctx, 201, { reportId: ctx.store.addReport('support', { ...ctx.input.body }, ctx.visitor?.id).id }),
};

export const contentReport: ApiHandlerSpec<'contentReport'> = {
  handler: (ctx) => json(ctx, 201, { reportId: ctx.store.addReport('content', { ...ctx.input.body }).id }),
};
