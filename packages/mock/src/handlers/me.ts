import { routes, type Visitor } from '@visitor-access/contract';
import type { VisitorRecord } from '../store.js';
import { json, requireVisitor, route, type HandlerOptions } from './context.js';

/** The wire form of a visitor. */
export const visitorView = (v: VisitorRecord): Visitor => ({
  id: v.id,
  email: v.email,
  createdAt: new Date(v.createdAt).toISOString(),
});

/** Route 3: `GET /v2/visitor/me`. */
export const meHandlers = (options: HandlerOptions) => [
  route(options, 'get', routes.me.path, async (ctx) => {
    const visitor = await requireVisitor(ctx);
    if (visitor instanceof Response) return visitor;
    return json(ctx, 200, { visitor: visitorView(visitor) });
  }),
];
