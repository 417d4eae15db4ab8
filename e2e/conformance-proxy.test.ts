// Issue 17, point 6: the conformance kit through `@visitor-access/server`'s proxy — a site built on the
// package in front of the reference mock, the kit pointed at `http://127.0.0.1:PORT/api` — passes, so the
// proxy changes no documented behaviour of the visitor routes. The kit makes its data through the mock's
// development API, which the proxy never serves: it is given the mock's own address for that.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { runConformance } from '@visitor-access/conformance';
import { startServer } from '@visitor-access/mock/server';
import { createVisitorAccess } from '@visitor-access/server';
import { toNodeHandler } from '@visitor-access/server/node';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from './lib/npm-start.js';

let site: Server | undefined;
let mock: Awaited<ReturnType<typeof startServer>> | undefined;
afterAll(async () => {
  site?.closeAllConnections();
  await new Promise((r) => (site ? site.close(r) : r(undefined)));
  await mock?.close();
});

/** A refund through the visitor proxy: the creator route is never served there (product spec). */
const CREATOR_ROUTE = /\/refund → 404 not_found/;
/**
 * The checks that cannot pass through a same-site proxy, by the product spec's design, with the failure
 * each must show: the creator route is not forwarded; a same-origin API sends no CORS headers and answers
 * no preflight (404); and the `Origin` that goes up is the site's own, never the caller's, so a caller
 * cannot choose which creator's items the access list is scoped to.
 */
const BY_DESIGN: Record<string, RegExp> = {
  'wire.error-envelope': CREATOR_ROUTE,
  'refund.requires-creator': CREATOR_ROUTE,
  'refund.other-handle': CREATOR_ROUTE,
  'refund.no-purchase': CREATOR_ROUTE,
  'refund.revokes': CREATOR_ROUTE,
  'refund.twice': CREATOR_ROUTE,
  'idempotency.every-write': CREATOR_ROUTE,
  'cors.allowed-origin': /Access-Control-Allow-Origin is \(missing\)/,
  'cors.preflight': /OPTIONS \S+ → 404 not_found/,
  'security.access-list-scoped': /the access list holds/,
};

describe('the conformance kit through the proxy', () => {
  it('runConformance({ baseUrl: site/api }) passes', { timeout: 180_000 }, async () => {
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
    });
    // Every check passes but those whose premise a same-site proxy does not share, each failing for
    // exactly that reason (decision 0107): any other failure is a proxy bug.
    const failed = report.results.filter((r) => r.status === 'fail');
    const unexplained = failed.filter((r) => !BY_DESIGN[r.id]?.test(r.message ?? ''));
    expect(unexplained.map((r) => `${r.id}: ${r.message}`)).toEqual([]);
    expect(failed.map((r) => r.id).sort()).toEqual(Object.keys(BY_DESIGN).sort());
    expect(report.skipped).toBe(0);
    expect(report.passed).toBeGreaterThanOrEqual(40);
  });
});
