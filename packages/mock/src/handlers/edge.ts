// Routes 13 and 14: the edge's view of the visitor, and the magic-link landing page.
import { routes } from '@visitor-access/contract';
import { landingProblemPage, landingValidPage } from '../pages/landing.js';
import { pageLocale } from '../locales/index.js';
import { prefixOf } from './pipeline.js';
import type { ApiHandlerSpec } from './types.js';
import { json } from './respond.js';

/** `GET /_edge/visitor/access`: never 401; a creator's site (its `Origin`) sees only its own items. */
export const edgeAccess: ApiHandlerSpec<'edgeAccess'> = {
  handler: (ctx) =>
    json(ctx, 200, {
      visitor: ctx.visitor ? { id: ctx.visitor.id, email: ctx.visitor.email } : null,
      items: ctx.visitor ? ctx.store.accessItems(ctx.visitor, { origin: ctx.origin }) : [],
    }),
};

/**
 * `GET /_edge/visitor/access/t/{token}`: a page for people, whatever the token. A GET never consumes the
 * token (mail scanners fetch links first); `returnTo` is honoured only on an allowed origin.
 */
export const magicLinkLanding: ApiHandlerSpec<'magicLinkLanding'> = {
  raw: true,
  handler: async (ctx) => {
    const token = ctx.params.token ?? '';
    const parsedToken = routes.magicLinkLanding.params.safeParse({ token });
    const link = parsedToken.success ? await ctx.store.inspectToken(token) : ({ state: 'invalid' } as const);
    const query = ctx.url.searchParams.get('returnTo') ?? undefined;
    const candidate = link.state === 'invalid' ? query : (query ?? link.returnTo);
    const returnTo =
      candidate !== undefined &&
      routes.magicLinkLanding.query.safeParse({ returnTo: candidate }).success &&
      ctx.store.isAllowedRedirect(candidate, ctx.publicOrigin)
        ? candidate
        : undefined;
    const api = prefixOf(ctx);
    const locale = pageLocale(ctx.request);
    if (link.state === 'valid') return landingValidPage(token, link.email, returnTo, api, locale);
    return landingProblemPage(link.state, link.state === 'invalid' ? '' : link.email, returnTo, api, locale);
  },
};
