// The `site-proxy` profile's own checks: what a same-site proxy of the visitor API (such as
// `@visitor-access/server`) documents in place of the checks whose premise it does not share — the creator
// route is answered 404 not_found and never forwarded, no CORS headers and no preflight, and the `Origin`
// sent up is the site's own, whatever the caller sends.
import { accessList, accessOf, scenario } from '../context.js';
import { ensure, envelopeProblem, expectError, expectStatus, fail } from '../expect.js';
import { describe, type Answer } from '../http.js';

const FOREIGN = 'https://conformance-foreign.example.net';

/** The `Access-Control-Allow-*` headers an answer carries, as `name: value`. */
function allowHeaders(answer: Answer): string[] {
  return [...answer.headers]
    .filter(([name]) => name.toLowerCase().startsWith('access-control-allow-'))
    .map(([name, value]) => `${name}: ${value}`);
}

/** The items of an access list as sorted `handle/slug`. */
const keys = (items: readonly { handle: string; slug: string }[]) => items.map((i) => `${i.handle}/${i.slug}`).sort();

export const siteProxyScenarios = [
  scenario({
    id: 'proxy.creator-route',
    title:
      'Through a same-site proxy the creator route (refund) answers 404 not_found in the error envelope, with or without a creator JWT, and nothing is forwarded: a bought page stays bought',
    source: 'product-spec',
    routes: ['refund'],
    async run(ctx) {
      const { http, target } = ctx;
      const path = (slug: string) => ctx.path('refund', { handle: target.handle, pageSlug: slug });
      const bearer = ctx.creatorToken ?? 'conformance.not-a.jwt';
      const answers = [
        await http.send('POST', path(target.paidPage), { json: { visitorId: 'vis_conformance' } }),
        await http.send('POST', path(target.paidPage), {
          json: { visitorId: 'vis_conformance' },
          headers: { authorization: `Bearer ${bearer}` },
        }),
      ];
      const problems: string[] = [];
      for (const answer of answers) {
        const problem = envelopeProblem(answer);
        if (problem) problems.push(`${describe(answer)}: ${problem}`);
        else if (answer.status !== 404 || answer.body.error !== 'not_found') {
          problems.push(`${describe(answer)}: expected 404 not_found (the proxy never forwards the creator route)`);
        }
      }
      if (problems.length) fail(problems.join('; '));
      // Nothing forwarded: a real refund with the creator's own JWT, through the proxy, revokes nothing.
      if (!(ctx.capabilities.mailbox && ctx.capabilities.payments && ctx.creatorToken && target.origin)) return;
      const visitor = await ctx.signIn('proxy-refund');
      const page = await ctx.paidPage();
      await ctx.buy(visitor, page);
      const refund = await http.send('POST', ctx.path('refund', { handle: page.handle, pageSlug: page.slug }), {
        json: { visitorId: visitor.id },
        headers: { authorization: `Bearer ${ctx.creatorToken}` },
      });
      expectError(refund, 404, 'not_found', 'a refund with the creator JWT through the proxy');
      const after = await accessOf(ctx, visitor, page);
      ensure(
        after.hasAccess === true && after.reason === 'entitled',
        `after a refund through the proxy the purchase is ${JSON.stringify(after)}: the refund was forwarded`,
      );
    },
  }),

  scenario({
    id: 'proxy.no-cors',
    title:
      'Through a same-site proxy no answer carries Access-Control-Allow-* headers, to an allowed or a foreign Origin, and a preflight is not answered (404 not_found)',
    source: 'product-spec',
    routes: ['requestMagicLink', 'checkAccess', 'me'],
    async run(ctx) {
      const { http, target } = ctx;
      const problems: string[] = [];
      for (const origin of [...(target.origin ? [target.origin] : []), FOREIGN]) {
        const preflight = await http.send('OPTIONS', ctx.path('requestMagicLink'), {
          headers: {
            origin,
            'access-control-request-method': 'POST',
            'access-control-request-headers': 'content-type,idempotency-key',
          },
        });
        if (preflight.status !== 404 || preflight.body?.error !== 'not_found') {
          problems.push(`a preflight from ${origin} got ${describe(preflight)}, not 404 not_found`);
        }
        const answers = [
          preflight,
          await http.send('POST', ctx.path('checkAccess', { handle: target.handle, pageSlug: target.publicPage }), {
            headers: { origin },
          }),
          await http.send('GET', ctx.path('me'), { headers: { origin } }),
        ];
        for (const answer of answers) {
          const allow = allowHeaders(answer);
          if (allow.length) problems.push(`${describe(answer)} from ${origin} carries ${allow.join(', ')}`);
        }
      }
      if (problems.length) fail(problems.join('; '));
    },
  }),

  scenario({
    id: 'proxy.origin-not-forwarded',
    title:
      "Through a same-site proxy a caller's Origin header does not change the access list's scope: GET /v2/visitor/access and /_edge/visitor/access list the same items with any Origin as with none",
    source: 'product-spec',
    routes: ['listAccess', 'edgeAccess'],
    needs: ['mailbox', 'secondCreator'],
    async run(ctx) {
      const { target } = ctx;
      const second = target.second!;
      const visitor = await ctx.signIn('proxy-origin');
      await accessOf(ctx, visitor, { handle: target.handle, slug: target.freePage });
      await accessOf(ctx, visitor, { handle: second.handle, slug: second.freePage });
      const plain = keys((await accessList(ctx, visitor)).items);
      ensure(plain.length > 0, 'the access list holds nothing after two free pages were opened');
      const edgePlain = await visitor.send('GET', ctx.path('edgeAccess'));
      expectStatus(edgePlain, 200, 'edge access without an Origin');
      for (const origin of [...(target.origin ? [target.origin] : []), second.origin, FOREIGN]) {
        const forged = keys((await accessList(ctx, visitor, { origin })).items);
        ensure(
          JSON.stringify(forged) === JSON.stringify(plain),
          `with Origin: ${origin} the access list holds ${forged.join(', ') || 'nothing'}, without one ${plain.join(', ')}: the caller's Origin went up`,
        );
        const edge = await visitor.send('GET', ctx.path('edgeAccess'), { headers: { origin } });
        expectStatus(edge, 200, `edge access with Origin: ${origin}`);
        ensure(
          JSON.stringify(keys(edge.body?.items ?? [])) === JSON.stringify(keys(edgePlain.body?.items ?? [])),
          `with Origin: ${origin} the edge access lists ${JSON.stringify(edge.body?.items)}, without one ${JSON.stringify(edgePlain.body?.items)}`,
        );
      }
    },
  }),
];
