// Idempotency keys: replays, key reuse, every write accepting a key, replays re-checking the caller.
import { SESSION_COOKIE } from '@visitor-access/contract';
import { scenario, type ScenarioContext, type Visitor } from '../context.js';
import { ensure, expectError, expectStatus, expectSuccess, fail, sameJson } from '../expect.js';
import { describe, parseSetCookie, type Answer } from '../http.js';

const replayed = (answer: Answer) => answer.headers.get('idempotent-replayed');
const groupParams = (ctx: ScenarioContext) => ({
  handle: ctx.target.groupBuy.handle,
  groupBuySlug: ctx.target.groupBuy.slug,
});

function withdrawLater(ctx: ScenarioContext, visitor: Visitor) {
  ctx.defer(async () => {
    const answer = await visitor.send('DELETE', ctx.path('withdrawInterest', groupParams(ctx)));
    expectStatus(answer, 200, 'withdrawing the interest the check expressed');
  });
}

/** A problem with a replay, or undefined when `second` is a faithful replay of `first`. */
function replayProblem(first: Answer, second: Answer): string | undefined {
  if (first.status >= 300) return `the first call got ${describe(first)}`;
  const sameBody = first.body === undefined ? first.text === second.text : sameJson(first.body, second.body);
  if (second.status !== first.status || !sameBody) {
    return `the repeat got ${describe(second)} ${second.text || '(no body)'}, the first ${describe(first)} ${first.text || '(no body)'}`;
  }
  if (replayed(second) !== 'true') return `the repeat carries Idempotent-Replayed: ${replayed(second) ?? '(missing)'}`;
  return undefined;
}

export const idempotencyScenarios = [
  scenario({
    id: 'idempotency.replay',
    title:
      'The same Idempotency-Key with the same body answers the first response again (same status and body) with Idempotent-Replayed: true, and acts once',
    source: 'product-spec',
    routes: ['supportReport'],
    async run(ctx) {
      const key = ctx.unique('key');
      const json = { summary: 'Conformance replay', details: `Filed once (${key}).` };
      const first = await ctx.http.send('POST', ctx.path('supportReport'), { json, idempotencyKey: key });
      expectSuccess(first, 'supportReport', 'the first call');
      ensure(replayed(first) !== 'true', `the first call already says Idempotent-Replayed: true`);
      const second = await ctx.http.send('POST', ctx.path('supportReport'), { json, idempotencyKey: key });
      const problem = replayProblem(first, second);
      if (problem) fail(problem);
    },
  }),

  scenario({
    id: 'idempotency.key-reused',
    title: 'The same Idempotency-Key with another body gets 422 idempotency_key_reused',
    source: 'product-spec',
    routes: ['supportReport'],
    async run(ctx) {
      const key = ctx.unique('key');
      const first = await ctx.http.send('POST', ctx.path('supportReport'), {
        json: { summary: 'Conformance key reuse', details: 'first body' },
        idempotencyKey: key,
      });
      expectSuccess(first, 'supportReport', 'the first call');
      const other = await ctx.http.send('POST', ctx.path('supportReport'), {
        json: { summary: 'Conformance key reuse', details: 'another body' },
        idempotencyKey: key,
      });
      expectError(other, 422, 'idempotency_key_reused', 'the same key with another body');
    },
  }),

  scenario({
    id: 'idempotency.scoped-to-caller',
    title:
      "Keys belong to their caller: a second visitor using the same key gets an answer of their own, not a replay of the first visitor's",
    source: 'decisions-2026-12-01',
    routes: ['expressInterest', 'myInterest'],
    needs: ['mailbox'],
    async run(ctx) {
      const key = ctx.unique('shared-key');
      const p = groupParams(ctx);
      const one = await ctx.signIn('key-owner');
      const two = await ctx.signIn('key-borrower');
      withdrawLater(ctx, one);
      withdrawLater(ctx, two);
      expectSuccess(
        await one.send('POST', ctx.path('expressInterest', p), { idempotencyKey: key }),
        'expressInterest',
        'the first visitor',
      );
      const answer = await two.send('POST', ctx.path('expressInterest', p), { idempotencyKey: key });
      expectSuccess(answer, 'expressInterest', 'the second visitor with the same key');
      ensure(
        replayed(answer) !== 'true',
        `the second visitor was given the first visitor's answer (Idempotent-Replayed: true)`,
      );
      const mine = expectSuccess(
        await two.send('GET', ctx.path('myInterest', p)),
        'myInterest',
        "the second visitor's interest",
      );
      ensure(mine.interested === true, `the second visitor's interest was not recorded: ${JSON.stringify(mine)}`);
    },
  }),

  scenario({
    id: 'idempotency.every-write',
    title:
      'Every write accepts Idempotency-Key and replays it: magic-link, verify, logout, access-check, checkout, refund, interest, withdraw, both reports',
    source: 'decisions-2026-12-01',
    routes: [
      'requestMagicLink',
      'verify',
      'logout',
      'checkAccess',
      'checkout',
      'refund',
      'expressInterest',
      'withdrawInterest',
      'supportReport',
      'contentReport',
    ],
    needs: ['mailbox', 'origin'],
    async run(ctx) {
      const problems: string[] = [];
      const twice = async (label: string, send: (key: string) => Promise<Answer>) => {
        const key = ctx.unique('key');
        const first = await send(key);
        const problem =
          first.status >= 300 ? `the first call got ${describe(first)}` : replayProblem(first, await send(key));
        if (problem) problems.push(`${label}: ${problem}`);
      };
      const { http, target } = ctx;
      const p = groupParams(ctx);

      const email = ctx.email('idem-link');
      await twice('magic-link', (key) =>
        http.send('POST', ctx.path('requestMagicLink'), { json: { email }, idempotencyKey: key }),
      );
      const message = await ctx.requestSignIn(ctx.email('idem-verify'));
      await twice('verify', (key) =>
        http.send('POST', ctx.path('verify'), { json: { token: message.token }, idempotencyKey: key }),
      );
      await twice('access-check', (key) =>
        http.send('POST', ctx.path('checkAccess', { handle: target.handle, pageSlug: target.publicPage }), {
          idempotencyKey: key,
        }),
      );

      const visitor = await ctx.signIn('idem-writer');
      withdrawLater(ctx, visitor);
      const page = await ctx.paidPage();
      await twice('checkout', (key) =>
        visitor.send('POST', ctx.path('checkout', { handle: page.handle, pageSlug: page.slug }), {
          json: ctx.redirectUrls(),
          idempotencyKey: key,
        }),
      );
      await twice('interest', (key) => visitor.send('POST', ctx.path('expressInterest', p), { idempotencyKey: key }));
      await twice('withdraw', (key) =>
        visitor.send('DELETE', ctx.path('withdrawInterest', p), { idempotencyKey: key }),
      );
      await twice('support report', (key) =>
        http.send('POST', ctx.path('supportReport'), {
          json: { summary: 'Conformance', details: 'every write' },
          idempotencyKey: key,
        }),
      );
      await twice('content report', (key) =>
        http.send('POST', ctx.path('contentReport'), {
          json: { handle: target.handle, reason: 'Conformance' },
          idempotencyKey: key,
        }),
      );
      // Through a same-site proxy the creator route is not served (proxy.creator-route checks that).
      if (ctx.capabilities.payments && ctx.creatorToken && ctx.profile === 'api') {
        const buyer = await ctx.signIn('idem-refund');
        await ctx.buy(buyer, page);
        await twice('refund', (key) =>
          http.send('POST', ctx.path('refund', { handle: page.handle, pageSlug: page.slug }), {
            json: { visitorId: buyer.id },
            headers: { authorization: `Bearer ${ctx.creatorToken}` },
            idempotencyKey: key,
          }),
        );
      }
      // Without a session: whether a revoked session still scopes a key is the business of
      // idempotency.replay-rechecks-caller, not of this check.
      await twice('logout', (key) => http.send('POST', ctx.path('logout'), { idempotencyKey: key }));
      if (problems.length) fail(problems.join('; '));
    },
  }),

  scenario({
    id: 'idempotency.verify-replay',
    title:
      'A replayed verify answers the same visitor and sets the same session cookie again, so a client whose first answer was lost is signed in',
    source: 'decisions-2026-12-01',
    routes: ['verify', 'me'],
    needs: ['mailbox'],
    async run(ctx) {
      const message = await ctx.requestSignIn(ctx.email('verify-replay'));
      const key = ctx.unique('key');
      const send = () =>
        ctx.http.send('POST', ctx.path('verify'), { json: { token: message.token }, idempotencyKey: key });
      const first = await send();
      expectSuccess(first, 'verify', 'the first verify');
      const cookieOf = (a: Answer) => a.setCookies.map(parseSetCookie).find((c) => c?.name === SESSION_COOKIE)?.value;
      const second = await send();
      const problem = replayProblem(first, second);
      if (problem) fail(problem);
      const original = cookieOf(first);
      ensure(original, `the first verify set no ${SESSION_COOKIE} cookie`);
      ensure(
        cookieOf(second) === original,
        `the replayed verify ${cookieOf(second) ? 'set another session cookie' : `set no ${SESSION_COOKIE} cookie`}`,
      );
      const me = await ctx.http.send('GET', ctx.path('me'), { headers: { cookie: `${SESSION_COOKIE}=${original}` } });
      expectSuccess(me, 'me', 'me with the replayed cookie');
    },
  }),

  scenario({
    id: 'idempotency.replay-rechecks-caller',
    title:
      'A replay of a call that needs a session is only given to a caller who passes that check now: after logout it gets 401 visitor_unauthorized',
    source: 'decisions-2026-12-01',
    routes: ['expressInterest', 'logout'],
    needs: ['mailbox'],
    async run(ctx) {
      const visitor = await ctx.signIn('recheck');
      const p = groupParams(ctx);
      // Undo with a new session of the same visitor, since this one ends below.
      ctx.defer(async () => {
        const again = await ctx.signIn('recheck-undo', visitor.email);
        expectStatus(await again.send('DELETE', ctx.path('withdrawInterest', p)), 200, 'withdrawing the interest');
      });
      const key = ctx.unique('key');
      const cookie = `${SESSION_COOKIE}=${visitor.session}`;
      const first = await ctx.http.send('POST', ctx.path('expressInterest', p), {
        headers: { cookie },
        idempotencyKey: key,
      });
      expectSuccess(first, 'expressInterest', 'interest while signed in');
      expectStatus(await visitor.send('POST', ctx.path('logout')), 204, 'logout');
      const replay = await ctx.http.send('POST', ctx.path('expressInterest', p), {
        headers: { cookie },
        idempotencyKey: key,
      });
      expectError(
        replay,
        401,
        'visitor_unauthorized',
        'the same call with the same key and the cookie from before logout',
      );
    },
  }),
];
