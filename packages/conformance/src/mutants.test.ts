// Proof that the kit catches breakage: it runs against real mocks behind proxies that break one documented
// behaviour each (test/mutant-proxy.ts), and must fail, naming the checks that caught it.
import { startServer, type RunningServer } from '@visitor-access/mock/server';
import { afterEach, describe, expect, it } from 'vitest';
import {
  cookieWithoutHttpOnly,
  corsForAnyOrigin,
  dropRequestIds,
  envelopeWithoutCode,
  noClock,
  noEntitlementCheck,
  passThrough,
  refundsNotRevoking,
  reusedLinkAccepted,
  startProxy,
  type Mutation,
} from '../test/mutant-proxy.js';
import { runConformance, type ConformanceReport } from './index.js';

const running: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((r) => r.close()));
});

/** Runs the whole kit against a mock broken by `mutation`. */
async function runAgainst(mutation: (upstream: string) => Mutation): Promise<ConformanceReport> {
  const mock: RunningServer = await startServer({ port: 0, host: '127.0.0.1', log: false });
  running.push(mock);
  const proxy = await startProxy(mock.url, mutation(mock.url));
  running.push(proxy);
  return runConformance({ baseUrl: proxy.url });
}

const failed = (report: ConformanceReport) => report.results.filter((r) => r.status === 'fail').map((r) => r.id);

describe('the kit catches a broken server', () => {
  it('baseline: behind a proxy that changes nothing, every check passes', async () => {
    const report = await runAgainst(() => passThrough);
    expect(report.results.filter((r) => r.status !== 'pass')).toEqual([]);
  });

  const mutants: [string, (upstream: string) => Mutation, string[]][] = [
    ['request IDs dropped', () => dropRequestIds, ['wire.request-id', 'wire.error-envelope']],
    ['a used link accepted again', () => reusedLinkAccepted(), ['auth.link.single-use', 'auth.link.concurrent']],
    ['refunds not revoking', () => refundsNotRevoking(), ['refund.revokes', 'refund.twice', 'refund.stripe']],
    ['the error envelope missing its error code', () => envelopeWithoutCode, ['wire.error-envelope']],
    ['no entitlement check at checkout', (upstream) => noEntitlementCheck(upstream), ['checkout.already-entitled']],
    ['a session cookie without HttpOnly', () => cookieWithoutHttpOnly, ['auth.session-cookie']],
    ['CORS for any origin', () => corsForAnyOrigin, ['cors.foreign-origin']],
  ];

  for (const [name, mutation, catchers] of mutants) {
    it(`${name}: fails ${catchers.join(', ')}`, async () => {
      const report = await runAgainst(mutation);
      expect(failed(report)).toEqual(expect.arrayContaining(catchers));
      expect(report.results.find((r) => r.id === catchers[0])?.message).toBeTruthy();
      expect(report.failed).toBeGreaterThan(0);
    });
  }

  it('a broken check names the answer that broke it (method, path, status, request ID)', async () => {
    const report = await runAgainst(() => reusedLinkAccepted());
    const single = report.results.find((r) => r.id === 'auth.link.single-use')!;
    expect(single.message).toMatch(
      /expected 401 used_magic_link, got POST \/v2\/visitor\/auth\/verify → 200 \(req_\w+\)/,
    );
  });

  it('a server without a clock: the expiry check is skipped with its reason, not failed', async () => {
    const report = await runAgainst(() => noClock);
    expect(report.results.find((r) => r.id === 'auth.link.expiry')).toMatchObject({
      status: 'skip',
      message: expect.stringMatching(/no clock/),
    });
    expect(report.failed).toBe(0);
    expect(report.capabilities.clock).toBe(false);
  });
});
