import { routes } from '@visitor-access/contract';
import { currentVisitor, failure, json, parseBody, readText, route, validate, type HandlerOptions } from './context.js';

/** Route 5: `POST /v2/public/pages/{handle}/{pageSlug}/access-check`. */
export const accessCheckHandlers = (options: HandlerOptions) => [
  route(
    options,
    'post',
    routes.checkAccess.path.replace('{handle}', ':handle').replace('{pageSlug}', ':pageSlug'),
    async (ctx) => {
      const params = validate(ctx, ctx.params, routes.checkAccess.params, 'path');
      if (params instanceof Response) return params;
      const text = await readText(ctx);
      if (text instanceof Response) return text;
      if (text !== '') {
        const input = parseBody(ctx, text, routes.checkAccess.body);
        if (input instanceof Response) return input;
      }
      const visitor = await currentVisitor(ctx);
      const result = ctx.store.checkAccess(params.handle, params.pageSlug, visitor);
      return result.ok ? json(ctx, 200, result.value) : failure(ctx, result);
    },
  ),
];
