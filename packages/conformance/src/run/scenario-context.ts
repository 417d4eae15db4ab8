// The fourth stage's tools: the context each check runs with (its HTTP client, the development API, the
// target, and the helpers that sign visitors in, make pages and buy them).
import { normaliseEmail, sleep } from '@visitor-access/contract';
import {
  NEED_REASONS,
  routePath,
  Visitor,
  type Capabilities,
  type DevApi,
  type MailMessage,
  type Need,
  type PageRef,
  type Profile,
  type ScenarioContext,
  type Target,
} from '../context.js';
import { CheckFailed, ensure, expectStatus, skip } from '../expect.js';
import { describe, type Http } from '../http.js';

/** The context of one check; `deferred` collects what the check asks to undo (`ctx.defer`). */
export function makeContext(input: {
  http: Http;
  dev: DevApi | undefined;
  target: Target;
  capabilities: Capabilities;
  creatorToken: string | undefined;
  unique: (label: string) => string;
  deferred: (() => Promise<unknown> | unknown)[];
  profile: Profile;
}): ScenarioContext {
  const { http, dev, target, capabilities, unique, deferred } = input;
  const needDev = (need: Need): DevApi => {
    if (!dev || (need !== 'origin' && need !== 'secondCreator' && !capabilities[need])) skip(NEED_REASONS[need]);
    return dev;
  };

  const ctx: ScenarioContext = {
    http,
    profile: input.profile,
    dev,
    target,
    capabilities,
    creatorToken: input.creatorToken,
    unique,
    email: (label) => `${unique(label)}@example.com`,
    anonymous: (label = 'visitor') => new Visitor(http, ctx.email(label)),
    path: routePath,
    defer: (fn) => void deferred.push(fn),
    skip,

    async requestSignIn(email, extra = {}) {
      const mailbox = needDev('mailbox');
      const before = (await mailbox.messages(email)).length;
      const answer = await http.send('POST', routePath('requestMagicLink'), { json: { email, ...extra } });
      expectStatus(answer, 202, `asking for a sign-in link for ${email}`);
      // A real mail pipeline may take a moment; the reference mock's is immediate.
      for (let attempt = 0; attempt < 40; attempt++) {
        const messages = await mailbox.messages(normaliseEmail(email));
        if (messages.length > before && messages[0]?.token) return messages[0];
        await sleep(50);
      }
      return fail(`no sign-in email reached ${email} within 2 s of ${describe(answer)}`);
    },

    async signIn(label = 'visitor', email) {
      const visitor = new Visitor(http, email ?? ctx.email(label));
      const message: MailMessage = await ctx.requestSignIn(visitor.email);
      const answer = await visitor.send('POST', routePath('verify'), { json: { token: message.token } });
      expectStatus(answer, 200, `signing ${visitor.email} in with the emailed link`);
      ensure(visitor.session, `signing in: ${describe(answer)} set no ${'_10x_visitor'} cookie`);
      visitor.id = answer.body?.visitor?.id;
      return visitor;
    },

    async paidPage() {
      if (!capabilities.fixtures || !dev) return { handle: target.handle, slug: target.paidPage };
      const slug = unique('paid');
      const answer = await dev.send('PUT', `/pages/${target.handle}/${slug}`, {
        json: { title: 'Conformance paid page', mode: 'PAID', price: 1234, currency: 'USD' },
      });
      expectStatus(answer, 200, 'creating a paid page through the development API');
      return { handle: target.handle, slug };
    },

    redirectUrls() {
      if (!target.origin) skip(NEED_REASONS.origin);
      return { successUrl: `${target.origin}/conformance/thanks`, cancelUrl: `${target.origin}/conformance/cancelled` };
    },

    async buy(visitor: Visitor, page: PageRef) {
      const payments = needDev('payments');
      const answer = await visitor.send('POST', routePath('checkout', { handle: page.handle, pageSlug: page.slug }), {
        json: ctx.redirectUrls(),
      });
      expectStatus(answer, 200, `starting a checkout of ${page.handle}/${page.slug}`);
      await payments.complete(String(answer.body?.sessionId), 'paid');
    },

    async serverNow(answer) {
      if (dev && capabilities.clock) return dev.now();
      const date = Date.parse(answer?.headers.get('date') ?? '');
      return Number.isFinite(date) ? date : Date.now();
    },
  };
  return ctx;
}

function fail(message: string): never {
  throw new CheckFailed(message);
}
