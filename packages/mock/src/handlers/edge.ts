import { routes } from '@visitor-access/contract';
import { landingProblemPage, landingValidPage } from '../html.js';
import { currentVisitor, json, route, type HandlerOptions } from './context.js';

/** Route 13: `GET /_edge/visitor/access` — never 401. */
export const edgeHandlers = (options: HandlerOptions) => [
  route(options, 'get', routes.edgeAccess.path, async (ctx) => {
    const visitor = await currentVisitor(ctx);
    return json(ctx, 200, {
      visitor: visitor ? { id: visitor.id, email: visitor.email } : null,
      items: visitor ? ctx.store.accessItems(visitor) : [],
    });
  }),
  // Route 14: the magic-link landing. A GET never consumes the token: mail scanners fetch links first.
  route(options, 'get', '/_edge/visitor/access/t/:token', async (ctx) => {
    const token = ctx.params.token ?? '';
    const parsedToken = routes.magicLinkLanding.params.safeParse({ token });
    const link = parsedToken.success ? await ctx.store.inspectToken(token) : ({ state: 'invalid' } as const);
    // returnTo is only honoured when it is on an allowed origin; otherwise the page just says "signed in".
    const query = ctx.url.searchParams.get('returnTo') ?? undefined;
    const candidate = link.state === 'invalid' ? query : (query ?? link.returnTo);
    const returnTo =
      candidate !== undefined &&
      routes.magicLinkLanding.query.safeParse({ returnTo: candidate }).success &&
      ctx.store.isAllowedRedirect(candidate, ctx.apiOrigin)
        ? candidate
        : undefined;
    if (link.state === 'valid') return landingValidPage(token, link.email, returnTo);
    return landingProblemPage(link.state, link.state === 'invalid' ? '' : link.email, returnTo);
  }),
];
