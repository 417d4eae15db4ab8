// The three page modes, the edge routes (landing and access), and checkout with its order of checks.
import { accessList, accessOf, expectNoSessionCookie, scenario, startCheckout } from '../context.js';
import { ensure, expectError, expectHtml, expectStatus, expectSuccess, fail } from '../expect.js';
import { describe } from '../http.js';

const EVIL = 'https://conformance-foreign.example.net';
const evilUrls = { successUrl: `${EVIL}/thanks`, cancelUrl: `${EVIL}/cancelled` };

export const pageScenarios = [
  scenario({
    id: 'pages.public',
    title: 'A PUBLIC page: anyone has access (reason public), and the answer describes the page',
    source: 'spec',
    routes: ['checkAccess'],
    async run(ctx) {
      const page = { handle: ctx.target.handle, slug: ctx.target.publicPage };
      const access = await accessOf(ctx, ctx.anonymous(), page);
      ensure(access.hasAccess === true && access.reason === 'public', `got ${JSON.stringify(access)}`);
      ensure(
        access.page.handle === page.handle && access.page.slug === page.slug && access.page.mode === 'PUBLIC',
        `the page is described as ${JSON.stringify(access.page)}`,
      );
    },
  }),

  scenario({
    id: 'pages.free-with-login',
    title:
      'A FREE_WITH_LOGIN page: visitor_auth_required without a session, entitled with one, and the visit is in the access list as free_login',
    source: 'spec',
    routes: ['checkAccess', 'listAccess'],
    needs: ['mailbox'],
    async run(ctx) {
      const page = { handle: ctx.target.handle, slug: ctx.target.freePage };
      const anon = await accessOf(ctx, ctx.anonymous(), page);
      ensure(
        anon.hasAccess === false && anon.reason === 'visitor_auth_required',
        `without a session: ${JSON.stringify(anon)}`,
      );
      const visitor = await ctx.signIn('free');
      const signedIn = await accessOf(ctx, visitor, page);
      ensure(signedIn.hasAccess === true && signedIn.reason === 'entitled', `signed in: ${JSON.stringify(signedIn)}`);
      const { items } = await accessList(ctx, visitor);
      const item = items.find((i) => i.handle === page.handle && i.slug === page.slug);
      ensure(
        item?.accessType === 'free_login' && item.status === 'active',
        `the access list holds ${JSON.stringify(item ?? null)} for ${page.handle}/${page.slug}, not an active free_login`,
      );
    },
  }),

  scenario({
    id: 'pages.paid',
    title:
      'A PAID page: visitor_auth_required without a session, purchase_required signed in without a purchase, with price and currency',
    source: 'spec',
    routes: ['checkAccess'],
    needs: ['mailbox'],
    async run(ctx) {
      const page = await ctx.paidPage();
      const anon = await accessOf(ctx, ctx.anonymous(), page);
      ensure(
        anon.hasAccess === false && anon.reason === 'visitor_auth_required',
        `without a session: ${JSON.stringify(anon)}`,
      );
      const signedIn = await accessOf(ctx, await ctx.signIn('paid'), page);
      ensure(
        signedIn.hasAccess === false && signedIn.reason === 'purchase_required',
        `signed in: ${JSON.stringify(signedIn)}`,
      );
      ensure(
        signedIn.page.mode === 'PAID' &&
          typeof signedIn.page.price === 'number' &&
          typeof signedIn.page.currency === 'string',
        `the page is described as ${JSON.stringify(signedIn.page)}, without mode PAID, price and currency`,
      );
    },
  }),

  scenario({
    id: 'pages.not-found',
    title: 'A missing page and an unpublished page both get 404 page_not_found',
    source: 'spec',
    routes: ['checkAccess'],
    async run(ctx) {
      const missing = await ctx.http.send(
        'POST',
        ctx.path('checkAccess', { handle: ctx.target.handle, pageSlug: ctx.unique('missing') }),
      );
      expectError(missing, 404, 'page_not_found', 'a page that does not exist');
      const draft = await ctx.http.send(
        'POST',
        ctx.path('checkAccess', { handle: ctx.target.handle, pageSlug: ctx.target.unpublishedPage }),
      );
      expectError(draft, 404, 'page_not_found', 'an unpublished page');
    },
  }),

  scenario({
    id: 'edge.landing',
    title:
      'The magic-link landing answers an HTML page and never uses the token up: after a GET and a HEAD the link still signs in once',
    source: 'product-spec',
    routes: ['magicLinkLanding', 'verify'],
    needs: ['mailbox'],
    async run(ctx) {
      const message = await ctx.requestSignIn(ctx.email('landing'));
      const path = ctx.path('magicLinkLanding', { token: message.token! });
      const get = await ctx.http.send('GET', path, { headers: { accept: 'text/html' } });
      expectStatus(get, 200, 'the landing of a fresh link');
      expectHtml(get, 'the landing of a fresh link');
      expectNoSessionCookie(get, 'the landing GET');
      const head = await ctx.http.send('HEAD', path, { headers: { accept: 'text/html' } });
      ensure(head.status < 500, `a HEAD of the landing got ${describe(head)}`);
      expectNoSessionCookie(head, 'the landing HEAD');
      const verify = await ctx.http.send('POST', ctx.path('verify'), { json: { token: message.token } });
      expectSuccess(verify, 'verify', 'verify after the landing was loaded');
      const used = await ctx.http.send('GET', path, { headers: { accept: 'text/html' } });
      ensure(used.status < 500, `the landing of a used link got ${describe(used)}`);
      expectHtml(used, 'the landing of a used link');
    },
  }),

  scenario({
    id: 'edge.access',
    title:
      'GET /_edge/visitor/access answers { visitor: null, items: [] } without a session and the visitor with their items with one',
    source: 'product-spec',
    routes: ['edgeAccess'],
    needs: ['mailbox'],
    async run(ctx) {
      const anon = expectSuccess(await ctx.http.send('GET', ctx.path('edgeAccess')), 'edgeAccess', 'without a session');
      ensure(anon.visitor === null && anon.items.length === 0, `without a session: ${JSON.stringify(anon)}`);
      const visitor = await ctx.signIn('edge');
      await accessOf(ctx, visitor, { handle: ctx.target.handle, slug: ctx.target.freePage });
      const mine = expectSuccess(await visitor.send('GET', ctx.path('edgeAccess')), 'edgeAccess', 'signed in');
      ensure(
        mine.visitor?.id === visitor.id && mine.visitor?.email === visitor.email,
        `signed in as ${visitor.id}: visitor is ${JSON.stringify(mine.visitor)}`,
      );
      ensure(
        mine.items.some((i: { slug: string }) => i.slug === ctx.target.freePage),
        `the items do not hold the free page just visited: ${JSON.stringify(mine.items)}`,
      );
    },
  }),

  scenario({
    id: 'checkout.requires-session',
    title: 'Checkout without a session gets 401 visitor_unauthorized',
    source: 'spec',
    routes: ['checkout'],
    async run(ctx) {
      const answer = await ctx.http.send(
        'POST',
        ctx.path('checkout', { handle: ctx.target.handle, pageSlug: ctx.target.paidPage }),
        {
          json: evilUrls,
        },
      );
      expectError(answer, 401, 'visitor_unauthorized');
    },
  }),

  scenario({
    id: 'checkout.order-of-checks',
    title:
      'Checkout checks in the documented order: session (401) → page (404) → PAID (409 page_not_paid) → Stripe connected (409 connect_not_configured) → redirect URLs (400)',
    source: 'product-spec',
    routes: ['checkout'],
    needs: ['mailbox'],
    async run(ctx) {
      const { target } = ctx;
      const path = (handle: string, pageSlug: string) => ctx.path('checkout', { handle, pageSlug });
      const missing = ctx.unique('missing');
      // Each step sends input that would also fail every later check, so only the order decides the answer.
      const anon = await ctx.http.send('POST', path(target.handle, missing), { json: evilUrls });
      expectError(anon, 401, 'visitor_unauthorized', 'no session, a missing page');
      const visitor = await ctx.signIn('order');
      expectError(
        await visitor.send('POST', path(target.handle, missing), { json: evilUrls }),
        404,
        'page_not_found',
        'a missing page',
      );
      expectError(
        await visitor.send('POST', path(target.handle, target.freePage), { json: evilUrls }),
        409,
        'page_not_paid',
        'a FREE_WITH_LOGIN page with foreign redirect URLs',
      );
      expectError(
        await visitor.send('POST', path(target.unconnectedPage.handle, target.unconnectedPage.slug), {
          json: evilUrls,
        }),
        409,
        'connect_not_configured',
        'a PAID page of a creator without Stripe, with foreign redirect URLs',
      );
      expectError(
        await visitor.send('POST', path(target.handle, target.paidPage), { json: evilUrls }),
        400,
        'invalid_redirect_url',
        'a PAID page with redirect URLs on a foreign origin',
      );
    },
  }),

  scenario({
    id: 'checkout.session',
    title:
      'A signed-in visitor checking out a PAID page gets 200 { url, sessionId } with an absolute https or http URL',
    source: 'spec',
    routes: ['checkout'],
    needs: ['mailbox', 'origin'],
    async run(ctx) {
      const session = await startCheckout(ctx, await ctx.signIn('checkout'), await ctx.paidPage());
      ensure(URL.canParse(session.url) && /^https?:$/.test(new URL(session.url).protocol), `url is "${session.url}"`);
      ensure(session.sessionId.length > 0, 'sessionId is empty');
    },
  }),

  scenario({
    id: 'checkout.paid',
    title:
      'Paying creates the purchase: the access check says entitled and the access list shows it as an active purchase',
    source: 'spec',
    routes: ['checkout', 'checkAccess', 'listAccess'],
    needs: ['mailbox', 'origin', 'payments'],
    async run(ctx) {
      const visitor = await ctx.signIn('buyer');
      const page = await ctx.paidPage();
      await ctx.buy(visitor, page);
      const access = await accessOf(ctx, visitor, page);
      ensure(access.hasAccess === true && access.reason === 'entitled', `after paying: ${JSON.stringify(access)}`);
      const item = (await accessList(ctx, visitor)).items.find((i) => i.handle === page.handle && i.slug === page.slug);
      ensure(
        item?.accessType === 'purchase' && item.status === 'active',
        `the access list holds ${JSON.stringify(item ?? null)}, not an active purchase`,
      );
    },
  }),

  scenario({
    id: 'checkout.cancelled',
    title: 'Cancelling a checkout creates nothing: the page still says purchase_required',
    source: 'product-spec',
    routes: ['checkout', 'checkAccess'],
    needs: ['mailbox', 'origin', 'payments'],
    async run(ctx) {
      const visitor = await ctx.signIn('canceller');
      const page = await ctx.paidPage();
      const session = await startCheckout(ctx, visitor, page);
      await ctx.dev!.complete(session.sessionId, 'cancelled');
      const access = await accessOf(ctx, visitor, page);
      ensure(
        access.hasAccess === false && access.reason === 'purchase_required',
        `after cancelling: ${JSON.stringify(access)}`,
      );
    },
  }),

  scenario({
    id: 'checkout.already-entitled',
    title:
      'A visitor who already owns the page gets 409 already_entitled instead of a new checkout, checked before the redirect URLs',
    source: 'product-spec',
    routes: ['checkout'],
    needs: ['mailbox', 'origin', 'payments'],
    async run(ctx) {
      const visitor = await ctx.signIn('owner');
      const page = await ctx.paidPage();
      await ctx.buy(visitor, page);
      const path = ctx.path('checkout', { handle: page.handle, pageSlug: page.slug });
      const again = await visitor.send('POST', path, { json: ctx.redirectUrls() });
      if (again.status === 200)
        fail(`an entitled visitor was given a new checkout session: ${describe(again)} ${again.text}`);
      expectError(again, 409, 'already_entitled', 'checkout of a page the visitor owns');
      expectError(
        await visitor.send('POST', path, { json: evilUrls }),
        409,
        'already_entitled',
        'checkout of an owned page with foreign redirect URLs',
      );
    },
  }),
];
