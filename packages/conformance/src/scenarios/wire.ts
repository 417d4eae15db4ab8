// Wire conventions: request IDs, the error envelope, validation details, bad JSON, JSON-only writes.
import { routeList, routes, type RouteId } from '@visitor-access/contract';
import { scenario, type ScenarioContext } from '../context.js';
import { envelopeProblem, expectError, fail } from '../expect.js';
import { describe, type Answer } from '../http.js';

const REQUEST_ID = /^req_[A-Za-z0-9_-]+$/;
const FOREIGN = 'https://conformance-foreign.example.net';

/** How a request of `ONE` is sent: a route, its path parameters and its JSON body, if any. */
function send(ctx: ScenarioContext, id: RouteId, params: Record<string, string> = {}, json?: unknown): Promise<Answer> {
  return ctx.http.send(routes[id].method, ctx.path(id, params), json === undefined ? {} : { json });
}
const page = (ctx: ScenarioContext) => ({ handle: ctx.target.handle, pageSlug: ctx.target.publicPage });
const group = (ctx: ScenarioContext) => ({
  handle: ctx.target.groupBuy.handle,
  groupBuySlug: ctx.target.groupBuy.slug,
});

/**
 * One request per documented route that any server can answer without data of its own. Keyed by
 * route id, so a route added to the contract does not compile until it has its request here.
 */
const ONE: { readonly [Id in RouteId]: (ctx: ScenarioContext) => Promise<Answer> } = {
  requestMagicLink: (ctx) => send(ctx, 'requestMagicLink', {}, { email: ctx.email('request-id') }),
  verify: (ctx) => send(ctx, 'verify', {}, { token: 'conformance-unknown-token' }),
  me: (ctx) => send(ctx, 'me'),
  logout: (ctx) => send(ctx, 'logout'),
  checkAccess: (ctx) => send(ctx, 'checkAccess', page(ctx)),
  checkout: (ctx) => send(ctx, 'checkout', page(ctx), { successUrl: `${FOREIGN}/a`, cancelUrl: `${FOREIGN}/b` }),
  listAccess: (ctx) => send(ctx, 'listAccess'),
  refund: (ctx) =>
    send(ctx, 'refund', { handle: ctx.target.handle, pageSlug: ctx.target.paidPage }, { visitorId: 'vis_conformance' }),
  getGroupBuy: (ctx) => send(ctx, 'getGroupBuy', group(ctx)),
  expressInterest: (ctx) => send(ctx, 'expressInterest', group(ctx)),
  myInterest: (ctx) => send(ctx, 'myInterest', group(ctx)),
  withdrawInterest: (ctx) => send(ctx, 'withdrawInterest', group(ctx)),
  edgeAccess: (ctx) => send(ctx, 'edgeAccess'),
  magicLinkLanding: (ctx) => send(ctx, 'magicLinkLanding', { token: 'conformance-unknown-token' }),
  supportReport: (ctx) => send(ctx, 'supportReport', {}, {}),
  contentReport: (ctx) => send(ctx, 'contentReport', {}, {}),
};

/** `ONE`'s requests in the contract's order, one at a time, then a CORS preflight. */
async function onePerRoute(ctx: ScenarioContext): Promise<[RouteId | 'preflight', Answer][]> {
  const answers: [RouteId | 'preflight', Answer][] = [];
  for (const { id } of routeList) answers.push([id, await ONE[id](ctx)]);
  answers.push([
    'preflight',
    await ctx.http.send('OPTIONS', ctx.path('me'), {
      headers: { origin: FOREIGN, 'access-control-request-method': 'GET' },
    }),
  ]);
  return answers;
}

export const wireScenarios = [
  scenario({
    id: 'wire.request-id',
    title: 'Every answer of every route, success or error (and a CORS preflight), carries x-request-id: req_…',
    source: 'product-spec',
    // A sweep over every route (ONE), not a check of what any route does: it names none, so the
    // coverage test ("exercises every route") asks each route for a scenario of its own.
    routes: [],
    async run(ctx) {
      const missing = (await onePerRoute(ctx)).filter(([, answer]) => !REQUEST_ID.test(answer.requestId ?? ''));
      if (missing.length) {
        fail(
          `${missing.length} answer(s) without a valid x-request-id: ${missing
            .map(([, a]) => `${describe(a)} [${a.requestId === null ? 'header missing' : JSON.stringify(a.requestId)}]`)
            .join('; ')}`,
        );
      }
    },
  }),

  scenario({
    id: 'wire.error-envelope',
    title:
      'Errors answer JSON { error, message, requestId } with the status of their code, and requestId equals the x-request-id header',
    source: 'product-spec',
    routes: [
      'requestMagicLink',
      'verify',
      'me',
      'checkAccess',
      'checkout',
      'listAccess',
      'refund',
      'getGroupBuy',
      'expressInterest',
      'myInterest',
      'withdrawInterest',
    ],
    async run(ctx) {
      const { http, target } = ctx;
      const group = { handle: target.groupBuy.handle, groupBuySlug: ctx.unique('missing') };
      const cases: [string, number, Answer][] = [
        [
          'invalid_request',
          400,
          await http.send('POST', ctx.path('requestMagicLink'), { json: { email: 'not an email' } }),
        ],
        [
          'invalid_magic_link',
          401,
          await http.send('POST', ctx.path('verify'), { json: { token: 'conformance-unknown-token' } }),
        ],
        ['visitor_unauthorized', 401, await http.send('GET', ctx.path('me'))],
        ['visitor_unauthorized', 401, await http.send('GET', ctx.path('listAccess'))],
        [
          'visitor_unauthorized',
          401,
          await http.send('POST', ctx.path('checkout', { handle: target.handle, pageSlug: target.paidPage }), {
            json: { successUrl: `${FOREIGN}/a`, cancelUrl: `${FOREIGN}/b` },
          }),
        ],
        // A same-site proxy never forwards the creator route: there it is the proxy's own 404 not_found,
        // in the same envelope (decision 0171).
        [
          ctx.profile === 'site-proxy' ? 'not_found' : 'creator_unauthorized',
          ctx.profile === 'site-proxy' ? 404 : 401,
          await http.send('POST', ctx.path('refund', { handle: target.handle, pageSlug: target.paidPage }), {
            json: { visitorId: 'vis_conformance' },
          }),
        ],
        [
          'page_not_found',
          404,
          await http.send('POST', ctx.path('checkAccess', { handle: target.handle, pageSlug: ctx.unique('missing') })),
        ],
        ['group_buy_not_found', 404, await http.send('GET', ctx.path('getGroupBuy', group))],
        [
          'visitor_unauthorized',
          401,
          await http.send(
            'POST',
            ctx.path('expressInterest', { handle: target.groupBuy.handle, groupBuySlug: target.groupBuy.slug }),
          ),
        ],
      ];
      const problems: string[] = [];
      for (const [code, status, answer] of cases) {
        const problem = envelopeProblem(answer);
        if (problem) problems.push(`${describe(answer)}: ${problem}`);
        else if (answer.status !== status || answer.body.error !== code) {
          problems.push(`${describe(answer)}: expected ${status} ${code}`);
        }
      }
      if (problems.length) fail(problems.join('; '));
    },
  }),

  scenario({
    id: 'wire.validation-details',
    title: 'A field that fails its schema gets 400 invalid_request with details naming the field',
    source: 'product-spec',
    routes: ['requestMagicLink'],
    async run(ctx) {
      const answer = await ctx.http.send('POST', ctx.path('requestMagicLink'), { json: { email: 'not an email' } });
      expectError(answer, 400, 'invalid_request');
      const details = answer.body.details;
      if (!Array.isArray(details) || !details.some((d: { path?: unknown }) => d?.path === 'email')) {
        fail(`${describe(answer)}: expected "details" with an entry for path "email", got ${JSON.stringify(details)}`);
      }
    },
  }),

  scenario({
    id: 'wire.malformed-json',
    title: 'A body that is not valid JSON gets 400 invalid_request (never a 5xx) on every route that takes one',
    source: 'product-spec',
    routes: ['requestMagicLink', 'verify', 'checkAccess', 'supportReport', 'contentReport'],
    async run(ctx) {
      const body = '{"email": "broken@example.com",';
      const targets: RouteId[] = ['requestMagicLink', 'verify', 'checkAccess', 'supportReport', 'contentReport'];
      const params = { handle: ctx.target.handle, pageSlug: ctx.target.publicPage };
      for (const id of targets) {
        const answer = await ctx.http.send('POST', ctx.path(id, params), { body, contentType: 'application/json' });
        expectError(answer, 400, 'invalid_request', `malformed JSON to ${routes[id].path}`);
      }
    },
  }),

  scenario({
    id: 'wire.json-only-writes',
    title:
      'A write whose body is not application/json (text/plain, a form) gets 415 unsupported_media_type, so no cross-site "simple" request reaches it',
    source: 'decisions-2026-12-01',
    routes: ['requestMagicLink', 'verify', 'supportReport', 'contentReport'],
    async run(ctx) {
      const email = ctx.email('text-plain');
      const cases: [RouteId, string, string][] = [
        ['requestMagicLink', JSON.stringify({ email }), 'text/plain'],
        ['requestMagicLink', `email=${encodeURIComponent(email)}`, 'application/x-www-form-urlencoded'],
        ['verify', JSON.stringify({ token: 'conformance-unknown-token' }), 'text/plain'],
        ['supportReport', JSON.stringify({ summary: 'Conformance', details: 'text/plain body' }), 'text/plain'],
        ['contentReport', JSON.stringify({ handle: ctx.target.handle, reason: 'Conformance' }), 'text/plain'],
      ];
      for (const [id, body, contentType] of cases) {
        const answer = await ctx.http.send('POST', ctx.path(id), { body, contentType });
        expectError(answer, 415, 'unsupported_media_type', `a ${contentType} body to ${routes[id].path}`);
      }
    },
  }),
];
