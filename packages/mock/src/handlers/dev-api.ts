// The development API of product-spec.md: JSON under /_mock/api, pages under /_mock. It answers this
// machine only (pipeline.ts), and a write must come from a page on this machine.
import * as z from 'zod/mini';
import { Currency, Email, Handle, IsoDateTime, originCheck, PageMode, Price, Slug } from '@visitor-access/contract';
import { AdjustableClock } from '../clock.js';
import { checkoutPage } from '../pages/checkout.js';
import { problemPage } from '../pages/fault.js';
import { mailboxPage } from '../pages/mailbox.js';
import { pageLocale } from '../locales/index.js';
import { messageView, refundView } from '../store/views.js';
import { FaultSettingsError, FaultSettingsSchema } from '../faults/settings.js';
import { linksOf, scanLinks } from '../scanner.js';
import { devRouteOf } from './pipeline.js';
import type { DevRoute } from './types.js';
import { error, json, reply } from './respond.js';

const ClockBody = z.union([
  z.strictObject({ advanceMs: z.int().check(z.gte(-1e13), z.lte(1e13)) }),
  z.strictObject({ set: IsoDateTime }),
]);
const CreatorTokenBody = z.strictObject({ handle: Handle });
const ScanBody = z.strictObject({ to: Email });
const CompleteBody = z.strictObject({ outcome: z.enum(['paid', 'cancelled']) });
const StripeRefundBody = z.strictObject({
  handle: Handle,
  pageSlug: Slug,
  visitorId: z.string().check(z.regex(/^vis_[A-Za-z0-9_-]{1,64}$/, 'Expected a visitor ID (vis_…)')),
});
const Origin = z.string().check(z.maxLength(2048), originCheck);
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
const Empty = z.optional(z.strictObject({}));

const nowView = (now: number) => ({ now: new Date(now).toISOString() });

/** The mock's development API: mailbox, clock, reset, creator tokens, fake checkout, refunds, edits, request log. */
export const devRoutes: DevRoute[] = [
  devRouteOf({
    method: 'GET',
    path: '/_mock/mailbox',
    query: MessagesQuery,
    run: (ctx) => mailboxPage(ctx.store.messagesTo(ctx.input.query.to), ctx.input.query.to, pageLocale(ctx.request)),
  }),
  devRouteOf({
    method: 'GET',
    path: '/_mock/api/messages',
    query: MessagesQuery,
    run: (ctx) => json(ctx, 200, { messages: ctx.store.messagesTo(ctx.input.query.to).map(messageView) }),
  }),
  devRouteOf({ method: 'GET', path: '/_mock/api/clock', run: (ctx) => json(ctx, 200, nowView(ctx.store.now())) }),
  devRouteOf({
    method: 'POST',
    path: '/_mock/api/clock',
    body: ClockBody,
    run: (ctx) => {
      const input = ctx.input.body;
      const offset =
        'advanceMs' in input
          ? ctx.store.clock.offset + input.advanceMs
          : Date.parse(input.set) - (ctx.store.now() - ctx.store.clock.offset);
      if (!AdjustableClock.inRange(offset)) {
        return error(ctx, 'invalid_request', 'The clock can be moved at most 10 years from the real time.', {
          details: [{ path: 'advanceMs' in input ? 'advanceMs' : 'set', message: 'At most 10 years from now' }],
        });
      }
      ctx.store.clock.setOffset(offset);
      // What the new time let expire goes at once (links, throttles, sessions, idempotency records).
      ctx.store.purge();
      return json(ctx, 200, nowView(ctx.store.now()));
    },
  }),
  devRouteOf({
    method: 'POST',
    path: '/_mock/api/reset',
    body: Empty,
    run: (ctx) => {
      ctx.store.reset();
      // Faults set while the mock ran go too: back to how it was started (--latency, --fail-rate).
      ctx.options.faults?.reset();
      return json(ctx, 200, { ok: true });
    },
  }),
  devRouteOf({
    method: 'GET',
    path: '/_mock/api/faults',
    run: (ctx) => json(ctx, 200, ctx.options.faults!.settings),
  }),
  devRouteOf({
    method: 'PUT',
    path: '/_mock/api/faults',
    body: FaultSettingsSchema,
    run: (ctx) => {
      try {
        ctx.options.faults!.set(ctx.input.body);
      } catch (cause) {
        if (!(cause instanceof FaultSettingsError)) throw cause;
        return error(ctx, 'invalid_request', cause.message, {
          details: [{ path: cause.path, message: cause.message }],
        });
      }
      return json(ctx, 200, ctx.options.faults!.settings);
    },
  }),
  devRouteOf({
    method: 'POST',
    path: '/_mock/api/creator-token',
    body: CreatorTokenBody,
    run: async (ctx) => {
      const handle = ctx.input.body.handle;
      // A token for a handle that does not exist would only ever be refused: say so now.
      if (!ctx.store.handles.has(handle)) return error(ctx, 'handle_not_found', `There is no handle "${handle}".`);
      return json(ctx, 200, { token: await ctx.store.issueCreatorToken(handle) });
    },
  }),
  devRouteOf({
    method: 'GET',
    path: '/_mock/checkout/{sessionId}',
    run: (ctx) => {
      const p = SessionParams.safeParse(ctx.params);
      const session = p.success ? ctx.store.checkouts.get(p.data.sessionId) : undefined;
      if (!session) {
        return problemPage(
          404,
          'Checkout not found',
          'There is no checkout session with this ID. Start the checkout again.',
        );
      }
      return checkoutPage(session, pageLocale(ctx.request));
    },
  }),
  devRouteOf({
    method: 'POST',
    path: '/_mock/api/checkout/{sessionId}/complete',
    params: SessionParams,
    body: CompleteBody,
    run: (ctx) =>
      reply(ctx, ctx.store.completeCheckout(ctx.input.params.sessionId, ctx.input.body.outcome), 200, (v) => ({
        redirectTo: v.redirectTo,
      })),
  }),
  devRouteOf({
    method: 'POST',
    path: '/_mock/api/stripe-refund',
    body: StripeRefundBody,
    run: (ctx) => {
      const b = ctx.input.body;
      return reply(ctx, ctx.store.refund(b.handle, b.pageSlug, b.visitorId, 'stripe'), 200, refundView);
    },
  }),
  devRouteOf({
    method: 'POST',
    path: '/_mock/api/group-buys/{handle}/{slug}/activate',
    params: PageParams,
    body: Empty,
    run: (ctx) => reply(ctx, ctx.store.activateGroupBuy(ctx.input.params.handle, ctx.input.params.slug)),
  }),
  devRouteOf({
    method: 'PUT',
    path: '/_mock/api/handles/{handle}',
    params: HandleParams,
    body: HandleBody,
    run: (ctx) => json(ctx, 200, { ...ctx.store.upsertHandle(ctx.input.params.handle, ctx.input.body) }),
  }),
  devRouteOf({
    method: 'PUT',
    path: '/_mock/api/pages/{handle}/{slug}',
    params: PageParams,
    body: PageBody,
    run: (ctx) => reply(ctx, ctx.store.upsertPage(ctx.input.params.handle, ctx.input.params.slug, ctx.input.body)),
  }),
  devRouteOf({
    method: 'POST',
    path: '/_mock/api/scan',
    body: ScanBody,
    // It changes nothing itself, and its requests come back to this mock: they must not wait for the lock.
    unlocked: true,
    run: async (ctx) => {
      const to = ctx.input.body.to;
      const message = ctx.store.messagesTo(to)[0];
      if (!message) return error(ctx, 'message_not_found', `No email has been sent to ${to}.`);
      // Only where the links of this mock's emails may lead: its public URL, and the handles' allowed
      // origins (a group buy's offer page). Never another port or host (no probe of this machine).
      const origins = new Set([new URL(ctx.publicUrl).origin]);
      for (const h of ctx.store.handles.values()) for (const o of h.allowedOrigins ?? []) origins.add(o);
      return json(ctx, 200, await scanLinks(linksOf(message), { allowed: (url) => origins.has(url.origin) }));
    },
  }),
  devRouteOf({
    method: 'GET',
    path: '/_mock/api/requests',
    query: LimitQuery,
    run: (ctx) => {
      const limit = Math.min(Math.max(ctx.input.query.limit ?? 100, 1), 1000);
      return json(ctx, 200, {
        requests: ctx.store.requests(limit).map((r) => ({ ...r, at: new Date(r.at).toISOString() })),
      });
    },
  }),
];
