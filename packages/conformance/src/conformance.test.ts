import { startServer, type RunningServer } from '@visitor-access/mock/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatReport, runConformance, scenarios, type ConformanceReport } from './index.js';

let mock: RunningServer;
beforeAll(async () => {
  mock = await startServer({ port: 0, host: '127.0.0.1', log: false });
});
afterAll(() => mock.close());

const failures = (report: ConformanceReport) =>
  report.results.filter((r) => r.status === 'fail').map((r) => `${r.id}: ${r.message}`);

describe('the kit against the reference mock', () => {
  it('passes every check, with nothing skipped', async () => {
    const report = await runConformance({ baseUrl: mock.url });
    expect(failures(report)).toEqual([]);
    expect(report.skipped).toBe(0);
    expect(report.passed).toBe(scenarios.length);
    expect(report.passed).toBeGreaterThanOrEqual(30);
    expect(report.capabilities).toEqual({
      mailbox: true,
      clock: true,
      payments: true,
      fixtures: true,
      creatorToken: true,
    });
    expect(formatReport(report).split('\n').at(-1)).toBe(`${scenarios.length} passed, 0 failed`);
  });

  it('says so when the mock injects faults (a run then fails where the faults land)', async () => {
    mock.faults.set({ latency: '1-2', failRate: 0.25 });
    try {
      const report = await runConformance({ baseUrl: mock.url, only: ['wire.request-id'] });
      expect(report.notes).toEqual([
        expect.stringMatching(/^The mock injects faults \(--fail-rate 0.25, --latency 1-2\)/),
      ]);
      expect(formatReport(report)).toContain('note: The mock injects faults');
    } finally {
      mock.faults.reset();
    }
    expect((await runConformance({ baseUrl: mock.url, only: ['wire.request-id'] })).notes).toEqual([]);
  });

  it('leaves the shared server as it found it: clock, fixture pages and group-buy counts', async () => {
    // What anyone else using the server would see: the fixture's pages, the group buy, the clock's offset.
    const look = async () => {
      const pages = [
        'gharart/welcome',
        'gharart/members-lounge',
        'gharart/masterclass',
        'gharart/draft-notes',
        'no-connect/premium',
      ];
      const answers = await Promise.all(
        pages.map(async (p) =>
          (await fetch(`${mock.url}/v2/public/pages/${p}/access-check`, { method: 'POST' })).json(),
        ),
      );
      const group = await (await fetch(`${mock.url}/v2/public/group-buys/gharart/spring-bundle`)).json();
      const { now } = (await (await fetch(`${mock.url}/_mock/api/clock`)).json()) as { now: string };
      const strip = (a: { requestId?: string }) => ({ ...a, requestId: undefined });
      return { pages: answers.map(strip), group, offset: Date.parse(now) - Date.now() };
    };
    const before = await look();
    const report = await runConformance({ baseUrl: mock.url });
    expect(report.results.length).toBe(scenarios.length);
    const after = await look();
    expect(after.pages).toEqual(before.pages);
    expect(after.group).toEqual(before.group);
    expect(Math.abs(after.offset - before.offset)).toBeLessThan(1000);
  });

  it('runs again, and alongside another run, on one server without a reset (emails, keys and data are unique per run)', async () => {
    const only = ['auth.', 'idempotency.replay', 'idempotency.key-reused', 'checkout.', 'refund.', 'group-buy.'];
    expect(failures(await runConformance({ baseUrl: mock.url, only }))).toEqual([]);
    // The clock and the fixture's group buy are one for everyone: two runs that move the clock or count the
    // group buy's interest at the same moment disturb each other, so the concurrent pair leaves those checks
    // out (see the README). Everything else runs side by side.
    const shared = ['auth.link.expiry', 'group-buy.interest-once', 'group-buy.withdraw'];
    const concurrent = { baseUrl: mock.url, only, scenarios: scenarios.filter((s) => !shared.includes(s.id)) };
    const [a, b] = await Promise.all([runConformance(concurrent), runConformance(concurrent)]);
    expect(failures(a)).toEqual([]);
    expect(failures(b)).toEqual([]);
  });

  it('skips, with the reason, what a server without a development API cannot support', async () => {
    const report = await runConformance({
      baseUrl: mock.url,
      devApi: false,
      only: ['auth.link.', 'refund.no-purchase', 'pages.public'],
    });
    const byId = Object.fromEntries(report.results.map((r) => [r.id, r]));
    expect(byId['pages.public']!.status).toBe('pass');
    expect(byId['auth.link.single-use']).toMatchObject({
      status: 'skip',
      message: expect.stringMatching(/no mailbox/),
    });
    expect(byId['refund.no-purchase']).toMatchObject({
      status: 'skip',
      message: expect.stringMatching(/no creator token/),
    });
    expect(report.notes).toEqual([]);
    expect(report.devApi).toBeUndefined();
  });

  it('uses a creator token given for an existing handle (with fresh pages under it)', async () => {
    const token = await mock.store.issueCreatorToken('gharart');
    const report = await runConformance({ baseUrl: mock.url, creatorToken: token, only: ['refund.'] });
    expect(failures(report)).toEqual([]);
    expect(report.target.handle).toBe('gharart');
    expect(report.target.paidPage).toMatch(/^conf-.+-paid$/);
  });
});
