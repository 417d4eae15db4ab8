// The development API of product-spec.md: JSON under /_mock/api, pages under /_mock.
import * as z from 'zod/mini';
import { Currency, Email, Handle, HttpUrl, IsoDateTime, PageMode, Price, Slug } from '@visitor-access/contract';
import { checkoutPage, mailboxPage, problemPage } from '../html.js';
import type { MessageRecord } from '../records.js';
import { http } from 'msw';
import {
  body,
  error,
  failure,
  json,
  newRequestId,
  preflight,
  reply,
  route,
  validate,
  type HandlerOptions,
} from './context.js';
import { refundView } from './refund.js';

const ClockBody = z.union([
  z.strictObject({ advanceMs: z.int().check(z.gte(-1e13), z.lte(1e13)) }),
  z.strictObject({ set: IsoDateTime }),
]);
const CreatorTokenBody = z.strictObject({ handle: Handle });
const CompleteBody = z.strictObject({ outcome: z.enum(['paid', 'cancelled']) });
const StripeRefundBody = z.strictObject({
  handle: Handle,
  pageSlug: Slug,
  visitorId: z.string().check(z.regex(/^vis_[A-Za-z0-9_-]{1,64}$/, 'Expected a visitor ID (vis_…)')),
});
const Origin = z
  .string()
  .check(
    z.refine(
      (s) => HttpUrl.safeParse(s).success && new URL(s).origin === s,
      'Expected an origin such as https://shop.example.com',
    ),
  );
const HandleBody = z.strictObject({
  connectConfigured: z.optional(z.boolean()),
  allowedOrigins: z.optional(z.array(Origin).check(z.maxLength(50))),
});
const PageBody = z.strictObject({
  title: z.optional(z.string().check(z.minLength(1), z.maxLength(300))),
  mode: z.optional(PageMode),
  price: z.optional(Price),
  currency: z.optional(Currency),
  published: z.optional(z.boolean()),
});
const HandleParams = z.object({ handle: Handle });
const PageParams = z.object({ handle: Handle, slug: Slug });
const SessionParams = z.object({
  sessionId: z.string().check(z.regex(/^cs_test_[A-Za-z0-9]{1,64}$/, 'Expected a checkout session ID')),
});
const MessagesQuery = z.object({ to: z.optional(Email) });
const LimitQuery = z.object({
  limit: z.optional(
    z.pipe(z.string().check(z.regex(/^\d{1,4}$/, 'Expected a number from 1 to 1000')), z.transform(Number)),
  ),
});

const messageView = (m: MessageRecord) => ({
  id: m.id,
  to: m.to,
  subject: m.subject,
  text: m.text,
  link: m.link,
  ...(m.token !== undefined ? { token: m.token } : {}),
  ...(m.code !== undefined ? { code: m.code } : {}),
  sentAt: new Date(m.sentAt).toISOString(),
});

const query = (url: URL) => Object.fromEntries(url.searchParams);

/** The mock's development API: mailbox, clock, reset, creator tokens, fake checkout, refunds, edits, request log. */
export const devApiHandlers = (options: HandlerOptions) => [
  route(options, 'get', '/_mock/mailbox', (ctx) => {
    const q = validate(ctx, query(ctx.url), MessagesQuery, 'query');
    if (q instanceof Response) return q;
    return mailboxPage(ctx.store.messagesTo(q.to), q.to);
  }),
  route(options, 'get', '/_mock/api/messages', (ctx) => {
    const q = validate(ctx, query(ctx.url), MessagesQuery, 'query');
    if (q instanceof Response) return q;
    return json(ctx, 200, { messages: ctx.store.messagesTo(q.to).map(messageView) });
  }),
  route(options, 'get', '/_mock/api/clock', (ctx) => json(ctx, 200, { now: new Date(ctx.store.now()).toISOString() })),
  route(options, 'post', '/_mock/api/clock', async (ctx) => {
    const input = await body(ctx, ClockBody);
    if (input instanceof Response) return input;
    if ('advanceMs' in input) ctx.store.clock.advance(input.advanceMs);
    else ctx.store.clock.set(Date.parse(input.set));
    return json(ctx, 200, { now: new Date(ctx.store.now()).toISOString() });
  }),
  route(options, 'post', '/_mock/api/reset', (ctx) => {
    ctx.store.reset();
    return json(ctx, 200, { ok: true });
  }),
  route(options, 'post', '/_mock/api/creator-token', async (ctx) => {
    const input = await body(ctx, CreatorTokenBody);
    if (input instanceof Response) return input;
    return json(ctx, 200, { token: await ctx.store.issueCreatorToken(input.handle) });
  }),
  route(options, 'get', '/_mock/checkout/:sessionId', (ctx) => {
    const p = SessionParams.safeParse(ctx.params);
    const session = p.success ? ctx.store.checkouts.get(p.data.sessionId) : undefined;
    if (!session)
      return problemPage(
        404,
        'Checkout not found',
        'There is no checkout session with this ID. Start the checkout again.',
      );
    return checkoutPage(session);
  }),
  route(options, 'post', '/_mock/api/checkout/:sessionId/complete', async (ctx) => {
    const p = validate(ctx, ctx.params, SessionParams, 'path');
    if (p instanceof Response) return p;
    const input = await body(ctx, CompleteBody);
    if (input instanceof Response) return input;
    return reply(ctx, ctx.store.completeCheckout(p.sessionId, input.outcome), 200, (v) => ({
      redirectTo: v.redirectTo,
    }));
  }),
  route(options, 'post', '/_mock/api/stripe-refund', async (ctx) => {
    const input = await body(ctx, StripeRefundBody);
    if (input instanceof Response) return input;
    const result = ctx.store.refund(input.handle, input.pageSlug, input.visitorId, 'stripe');
    return result.ok ? json(ctx, 200, refundView(result.value)) : failure(ctx, result);
  }),
  route(options, 'post', '/_mock/api/group-buys/:handle/:slug/activate', (ctx) => {
    const p = validate(ctx, ctx.params, PageParams, 'path');
    if (p instanceof Response) return p;
    return reply(ctx, ctx.store.activateGroupBuy(p.handle, p.slug));
  }),
  route(options, 'put', '/_mock/api/handles/:handle', async (ctx) => {
    const p = validate(ctx, ctx.params, HandleParams, 'path');
    if (p instanceof Response) return p;
    const input = await body(ctx, HandleBody);
    if (input instanceof Response) return input;
    return json(ctx, 200, { ...ctx.store.upsertHandle(p.handle, input) });
  }),
  route(options, 'put', '/_mock/api/pages/:handle/:slug', async (ctx) => {
    const p = validate(ctx, ctx.params, PageParams, 'path');
    if (p instanceof Response) return p;
    const input = await body(ctx, PageBody);
    if (input instanceof Response) return input;
    return reply(ctx, ctx.store.upsertPage(p.handle, p.slug, input));
  }),
  route(options, 'get', '/_mock/api/requests', (ctx) => {
    const q = validate(ctx, query(ctx.url), LimitQuery, 'query');
    if (q instanceof Response) return q;
    const limit = Math.min(Math.max(q.limit ?? 100, 1), 1000);
    return json(ctx, 200, {
      requests: ctx.store.requests(limit).map((r) => ({ ...r, at: new Date(r.at).toISOString() })),
    });
  }),
];

/** The handle a path names, for choosing which allowed origins apply. */
const handleFromPath = (pathname: string): string | undefined =>
  /^\/v2\/(?:public\/pages|handles|public\/group-buys)\/([^/]+)\//.exec(pathname)?.[1];

/** Unknown paths under the API prefixes: 404 `not_found`; and CORS preflights for all of them. */
export const fallbackHandlers = (options: HandlerOptions) => {
  const prefix = options.apiOrigin ? options.apiOrigin.replace(/\/$/, '') : '*';
  return ['/v2/*', '/_edge/*', '/_mock/*'].flatMap((path) => [
    http.options(prefix + path, ({ request }) => {
      const url = new URL(request.url);
      const requestId = newRequestId();
      const started = performance.now();
      const handle = handleFromPath(url.pathname);
      const response = preflight(options.store, request, requestId, handle);
      options.store.logRequest({
        requestId,
        method: 'OPTIONS',
        path: url.pathname,
        status: 204,
        durationMs: Math.round((performance.now() - started) * 100) / 100,
        at: options.store.now(),
      });
      return response;
    }),
    route(options, 'all', path, (ctx) =>
      error(ctx, 'not_found', `There is no route ${ctx.request.method} ${ctx.url.pathname}.`),
    ),
  ]);
};
