// Issue 17, point 6: the conformance kit through `@visitor-access/server`'s proxy — a site built on the
// package in front of the reference mock, the kit pointed at `http://127.0.0.1:PORT/api` — passes, so the
// proxy changes no documented behaviour of the visitor routes. The kit makes its data through the mock's
// development API, which the proxy never serves: it is given the mock's own address for that.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { formatReport, runConformance } from '@visitor-access/conformance';
import { startServer } from '@visitor-access/mock/server';
import { createVisitorAccess } from '@visitor-access/server';
import { toNodeHandler } from '@visitor-access/server/node';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '@visitor-access/tools/npm-start';

let site: Server | undefined;
let mock: Awaited<ReturnType<typeof startServer>> | undefined;
afterAll(async () => {
  site?.closeAllConnections();
  await new Promise((r) => (site ? site.close(r) : r(undefined)));
  await mock?.close();
});

/**
 * The checks whose premise a same-site proxy does not share, by the product spec's design (decisions 0107,
 * 0171): the creator route is not forwarded; a same-origin API sends no CORS headers and answers no
 * preflight; and the `Origin` that goes up is the site's own, never the caller's. Under `--profile
 * site-proxy` the kit lists them as not applicable and checks the proxy's own behaviour instead (`proxy.*`).
 */
const NOT_APPLICABLE: Record<string, RegExp> = {
  'refund.requires-creator': /creator route \(refund\)/,
  'refund.other-handle': /creator route \(refund\)/,
  'refund.no-purchase': /creator route \(refund\)/,
  'refund.revokes': /creator route \(refund\)/,
  'refund.twice': /creator route \(refund\)/,
  'cors.allowed-origin': /no CORS headers/,
  'cors.preflight': /no CORS headers/,
  'security.access-list-scoped': /site's own Origin/,
};

describe('the conformance kit through the proxy', () => {
  it(
    'runConformance({ baseUrl: site/api, profile: site-proxy }) passes with no failure',
    { timeout: 180_000 },
    async () => {
      const port = await freePort();
      const siteUrl = `http://localhost:${port}`;
      mock = await startServer({ port: 0, host: '127.0.0.1', log: false, publicUrl: `${siteUrl}/api` });
      const va = createVisitorAccess({ apiBase: mock.url, siteUrl, devMockCheckout: true });
      site = createServer(toNodeHandler(va));
      await new Promise<void>((resolve) => site!.listen(port, '127.0.0.1', resolve));
      expect((site.address() as AddressInfo).port).toBe(port);

      const report = await runConformance({
        baseUrl: `http://127.0.0.1:${port}/api`,
        devApi: `${mock.url}/_mock/api`,
        profile: 'site-proxy',
      });
      // Every check passes: any failure is a proxy bug (or the kit's).
      const failed = report.results.filter((r) => r.status === 'fail');
      expect(failed.map((r) => `${r.id}: ${r.message}`)).toEqual([]);
      expect(report.failed).toBe(0);
      expect(report.profile).toBe('site-proxy');
      // Not applicable: exactly the by-design ones, each with its stated reason, counted and listed.
      expect([...(report.notApplicable ?? [])].sort()).toEqual(Object.keys(NOT_APPLICABLE).sort());
      for (const id of report.notApplicable ?? []) {
        const result = report.results.find((r) => r.id === id)!;
        expect(result.status, id).toBe('skip');
        expect(result.message, id).toMatch(/^not applicable to the site-proxy profile: /);
        expect(result.message, id).toMatch(NOT_APPLICABLE[id]!);
      }
      // Nothing else skipped: the run had the mailbox, the clock, payments, fresh data and a creator token.
      expect(report.skipped).toBe(report.notApplicable?.length);
      // The proxy's own documented behaviour, in place of the checks above, ran and passed.
      for (const id of ['proxy.creator-route', 'proxy.no-cors', 'proxy.origin-not-forwarded', 'wire.error-envelope']) {
        expect(report.results.find((r) => r.id === id)?.status, id).toBe('pass');
      }
      expect(report.passed).toBeGreaterThanOrEqual(40);
      expect(formatReport(report)).toMatch(/8 not applicable to the site-proxy profile: refund\.requires-creator/);
    },
  );
});
