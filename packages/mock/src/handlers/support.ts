import { routes } from '@visitor-access/contract';
import { currentVisitor, idempotent, json, parseBody, readText, route, type HandlerOptions } from './context.js';

/** Routes 15 and 16: support and content reports → 201 `{ reportId }`. */
export const supportHandlers = (options: HandlerOptions) => [
  route(options, 'post', routes.supportReport.path, async (ctx) => {
    const text = await readText(ctx);
    if (text instanceof Response) return text;
    return idempotent(ctx, text, async () => {
      const input = parseBody(ctx, text, routes.supportReport.body);
      if (input instanceof Response) return input;
      const visitor = await currentVisitor(ctx);
      const report = ctx.store.addReport('support', { ...input }, visitor?.id);
      return json(ctx, 201, { reportId: report.id });
    });
  }),
  route(options, 'post', routes.contentReport.path, async (ctx) => {
    const text = await readText(ctx);
    if (text instanceof Response) return text;
    return idempotent(ctx, text, async () => {
      const input = parseBody(ctx, text, routes.contentReport.body);
      if (input instanceof Response) return input;
      const report = ctx.store.addReport('content', { ...input });
      return json(ctx, 201, { reportId: report.id });
    });
  }),
];
