// CORS, and the security decisions of 2026-12-01: origins never from request headers, redirect URLs
// refused as invalid_redirect_url whatever their shape, access lists scoped to the asking creator.
import { sleep } from '@visitor-access/contract';
import { accessList, accessOf, scenario, type MailMessage, type ScenarioContext } from '../context.js';
import { ensure, expectError, expectStatus, fail } from '../expect.js';
import { ConnectionFailure, describe, type Answer, type CookieJar } from '../http.js';

const FOREIGN_HOST = 'conformance-foreign.example.net';
const FOREIGN = `https://${FOREIGN_HOST}`;

/** Redirect targets no creator allows, one of each shape. */
const REFUSED_REDIRECTS = [
  'javascript:alert(document.cookie)',
  'data:text/html,<script>alert(1)</script>',
  `//${FOREIGN_HOST}/protocol-relative`,
  `${FOREIGN}/foreign-origin`,
];

function corsProblems(answer: Answer, origin: string): string[] {
  const problems: string[] = [];
  const acao = answer.headers.get('access-control-allow-origin');
  if (acao !== origin) problems.push(`Access-Control-Allow-Origin is ${acao ?? '(missing)'}, not ${origin}`);
  const acac = answer.headers.get('access-control-allow-credentials');
  if (acac !== 'true') problems.push(`Access-Control-Allow-Credentials is ${acac ?? '(missing)'}, not true`);
  const vary = (answer.headers.get('vary') ?? '').toLowerCase().split(/\s*,\s*/);
  if (!vary.includes('origin') && !vary.includes('*'))
    problems.push(`Vary is "${answer.headers.get('vary') ?? ''}", without Origin`);
  return problems;
}

async function waitForMessage(ctx: ScenarioContext, email: string): Promise<MailMessage | undefined> {
  for (let attempt = 0; attempt < 40; attempt++) {
    const [newest] = await ctx.dev!.messages(email);
    if (newest?.token) return newest;
    await sleep(50);
  }
  return undefined;
}

export const securityScenarios = [
  scenario({
    id: 'cors.allowed-origin',
    title:
      'An allowed origin is echoed in Access-Control-Allow-Origin with Allow-Credentials: true and Vary: Origin, on successes and errors',
    source: 'product-spec',
    routes: ['checkAccess', 'me'],
    premises: ['cors'],
    needs: ['origin'],
    async run(ctx) {
      const origin = ctx.target.origin!;
      const ok = await ctx.http.send(
        'POST',
        ctx.path('checkAccess', { handle: ctx.target.handle, pageSlug: ctx.target.publicPage }),
        {
          headers: { origin },
        },
      );
      const error = await ctx.http.send('GET', ctx.path('me'), { headers: { origin } });
      const problems = [
        ...corsProblems(ok, origin).map((p) => `${describe(ok)}: ${p}`),
        ...corsProblems(error, origin).map((p) => `${describe(error)}: ${p}`),
      ];
      if (problems.length) fail(problems.join('; '));
    },
  }),

  scenario({
    id: 'cors.preflight',
    title:
      'A preflight from an allowed origin is answered (2xx) allowing the method, Content-Type and Idempotency-Key with credentials',
    source: 'product-spec',
    routes: ['requestMagicLink'],
    premises: ['cors'],
    needs: ['origin'],
    async run(ctx) {
      const origin = ctx.target.origin!;
      const answer = await ctx.http.send('OPTIONS', ctx.path('requestMagicLink'), {
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type,idempotency-key',
        },
      });
      ensure(answer.status >= 200 && answer.status < 300, `the preflight got ${describe(answer)}`);
      const problems = corsProblems(answer, origin);
      const methods = (answer.headers.get('access-control-allow-methods') ?? '').toUpperCase();
      if (!methods.split(/\s*,\s*/).includes('POST'))
        problems.push(`Access-Control-Allow-Methods is "${methods}", without POST`);
      const allowed = (answer.headers.get('access-control-allow-headers') ?? '').toLowerCase().split(/\s*,\s*/);
      for (const header of ['content-type', 'idempotency-key']) {
        if (!allowed.includes(header)) problems.push(`Access-Control-Allow-Headers does not allow ${header}`);
      }
      if (problems.length) fail(`${describe(answer)}: ${problems.join('; ')}`);
    },
  }),

  scenario({
    id: 'cors.foreign-origin',
    title: 'An origin no creator allows gets no Access-Control-Allow-Origin, on answers and on preflights',
    source: 'product-spec',
    routes: ['checkAccess', 'me'],
    async run(ctx) {
      const headers = { origin: FOREIGN };
      const answers = [
        await ctx.http.send(
          'POST',
          ctx.path('checkAccess', { handle: ctx.target.handle, pageSlug: ctx.target.publicPage }),
          { headers },
        ),
        await ctx.http.send('GET', ctx.path('me'), { headers }),
        await ctx.http.send('OPTIONS', ctx.path('me'), {
          headers: { ...headers, 'access-control-request-method': 'GET' },
        }),
      ];
      for (const answer of answers) {
        const acao = answer.headers.get('access-control-allow-origin');
        if (acao !== null) fail(`${describe(answer)} answered ${FOREIGN} with Access-Control-Allow-Origin: ${acao}`);
      }
    },
  }),

  scenario({
    id: 'security.host-header',
    title:
      'A forged Host (or X-Forwarded-Host) header changes neither the emailed link, nor the checkout URL, nor which redirect URLs are allowed',
    source: 'decisions-2026-12-01',
    routes: ['requestMagicLink', 'checkout'],
    needs: ['mailbox', 'origin'],
    async run(ctx) {
      const forwarded = {
        'x-forwarded-host': FOREIGN_HOST,
        'x-forwarded-proto': 'https',
        forwarded: `host=${FOREIGN_HOST};proto=https`,
      };
      // Two ways to forge: forwarding headers (any client can send them), and the Host header itself, which
      // fetch refuses to set, over a connection of the kit's own. That connection is not possible when the
      // server lives inside this process (an in-process mock intercepting fetch); then only the first is tried.
      type Send = (path: string, json: unknown, jar?: CookieJar) => Promise<Answer>;
      const viaFetch: Send = (path, json, jar) =>
        ctx.http.send('POST', path, { json, headers: forwarded, ...(jar ? { jar } : {}) });
      const viaHost: Send = (path, json, jar) =>
        ctx.http.sendRaw('POST', path, {
          json,
          headers: { ...forwarded, host: FOREIGN_HOST },
          ...(jar ? { jar } : {}),
        });
      const ways: [string, Send][] = [['X-Forwarded-Host', viaFetch]];
      try {
        await ctx.http.sendRaw('GET', ctx.path('edgeAccess'), { headers: {} });
        ways.push(['Host', viaHost]);
      } catch (error) {
        if (!(error instanceof ConnectionFailure)) throw error;
      }

      const baseline = await ctx.requestSignIn(ctx.email('host-baseline'));
      const apiOrigin = new URL(baseline.link!).origin;
      const visitor = await ctx.signIn('host-checkout');
      const page = await ctx.paidPage();
      for (const [header, send] of ways) {
        const email = ctx.email('host-forged');
        const asked = await send(ctx.path('requestMagicLink'), { email });
        ensure(asked.status < 500, `the request with a forged ${header} got ${describe(asked)}`);
        if (asked.status === 202) {
          const message = await waitForMessage(ctx, email);
          ensure(message?.link, `no sign-in email arrived after ${describe(asked)}`);
          ensure(
            new URL(message.link).origin === apiOrigin,
            `the emailed link points at ${new URL(message.link).origin} when asked for with ${header}: ${FOREIGN_HOST}; otherwise at ${apiOrigin}`,
          );
        }
        const returnTo = await send(ctx.path('requestMagicLink'), {
          email: ctx.email('host-return-to'),
          returnTo: `https://${FOREIGN_HOST}/after`,
        });
        ensure(
          returnTo.status !== 202,
          `returnTo on the host named by a forged ${header} was accepted: ${describe(returnTo)}`,
        );
        ensure(returnTo.status < 500, `returnTo with a forged ${header} got ${describe(returnTo)}`);
        const checkout = await send(
          ctx.path('checkout', { handle: page.handle, pageSlug: page.slug }),
          ctx.redirectUrls(),
          visitor.jar,
        );
        ensure(checkout.status < 500, `checkout with a forged ${header} got ${describe(checkout)}`);
        ensure(
          !String(checkout.body?.url ?? '').includes(FOREIGN_HOST),
          `the checkout URL ${checkout.body?.url} was built from the forged ${header} header`,
        );
      }
    },
  }),

  scenario({
    id: 'security.redirect-return-to',
    title:
      'A refused returnTo of any shape (javascript:, data:, //host, a foreign origin) gets 400 invalid_redirect_url',
    source: 'decisions-2026-12-01',
    routes: ['requestMagicLink'],
    async run(ctx) {
      for (const returnTo of REFUSED_REDIRECTS) {
        const answer = await ctx.http.send('POST', ctx.path('requestMagicLink'), {
          json: { email: ctx.email('redirect'), returnTo },
        });
        expectError(answer, 400, 'invalid_redirect_url', `returnTo ${returnTo}`);
      }
    },
  }),

  scenario({
    id: 'security.redirect-checkout',
    title:
      'A refused checkout successUrl or cancelUrl of any shape (javascript:, data:, //host, a foreign origin) gets 400 invalid_redirect_url',
    source: 'decisions-2026-12-01',
    routes: ['checkout'],
    needs: ['mailbox', 'origin'],
    async run(ctx) {
      const visitor = await ctx.signIn('redirect-checkout');
      const page = await ctx.paidPage();
      const good = ctx.redirectUrls();
      const path = ctx.path('checkout', { handle: page.handle, pageSlug: page.slug });
      for (const url of REFUSED_REDIRECTS) {
        expectError(
          await visitor.send('POST', path, { json: { successUrl: url, cancelUrl: good.cancelUrl } }),
          400,
          'invalid_redirect_url',
          `successUrl ${url}`,
        );
        expectError(
          await visitor.send('POST', path, { json: { successUrl: good.successUrl, cancelUrl: url } }),
          400,
          'invalid_redirect_url',
          `cancelUrl ${url}`,
        );
      }
    },
  }),

  scenario({
    id: 'security.access-list-scoped',
    title:
      "From a creator's allowed origin, GET /v2/visitor/access and /_edge/visitor/access list only that creator's items",
    source: 'decisions-2026-12-01',
    routes: ['listAccess', 'edgeAccess'],
    premises: ['callerOrigin'],
    needs: ['mailbox', 'secondCreator'],
    async run(ctx) {
      const { target } = ctx;
      const second = target.second!;
      const visitor = await ctx.signIn('scoped');
      await accessOf(ctx, visitor, { handle: target.handle, slug: target.freePage });
      await accessOf(ctx, visitor, { handle: second.handle, slug: second.freePage });
      const all = (await accessList(ctx, visitor)).items;
      ensure(
        all.some((i) => i.handle === target.handle) && all.some((i) => i.handle === second.handle),
        `without an Origin the list should hold both creators' items: ${JSON.stringify(all)}`,
      );
      for (const [handle, origin] of [
        [target.handle, target.origin!],
        [second.handle, second.origin],
      ] as const) {
        const items = (await accessList(ctx, visitor, { origin })).items;
        const others = items.filter((i) => i.handle !== handle).map((i) => `${i.handle}/${i.slug}`);
        ensure(
          items.length > 0 && others.length === 0,
          `from ${origin} (${handle}) the access list holds ${others.length ? others.join(', ') : 'nothing'}`,
        );
      }
      const edge = await visitor.send('GET', ctx.path('edgeAccess'), { headers: { origin: second.origin } });
      expectStatus(edge, 200, 'edge access from the second origin');
      const others = (edge.body?.items ?? []).filter((i: { handle: string }) => i.handle !== second.handle);
      ensure(others.length === 0, `from ${second.origin} the edge access lists ${JSON.stringify(others)}`);
    },
  }),
];
