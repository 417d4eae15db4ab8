import { routes } from '@visitor-access/contract';
import { json, requireVisitor, route, type HandlerOptions } from './context.js';

/** Route 7: `GET /v2/visitor/access` — purchases, free-login visits and allowlisted files, newest first. */
export const accessHandlers = (options: HandlerOptions) => [
  route(options, 'get', routes.listAccess.path, async (ctx) => {
    const visitor = await requireVisitor(ctx);
    if (visitor instanceof Response) return visitor;
    return json(ctx, 200, { items: ctx.store.accessItems(visitor) });
  }),
];
