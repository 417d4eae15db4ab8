// The server behaviour the SDK is built against, checked once, by the conformance kit's scenarios, against the
// mock running in this process (MSW's setupServer, no port). The SDK's own tests then only need to assert
// what the SDK does with those answers, rather than restating what the server does.
import { runConformance, scenarios, type ConformanceReport } from '@visitor-access/conformance';
import { createMockServer } from '@visitor-access/mock/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AWAITING_ISSUE_8, IN_PROCESS_COOKIE_LEAK } from '../../conformance/test/known-mock-gaps.js';

const BASE = 'http://api.conformance.test';
const mock = createMockServer({ baseUrl: BASE });
// Left out by name, each with its reason in packages/conformance/test/known-mock-gaps.ts: the checks waiting for
// issue 8, and those that MSW's process-wide cookie store breaks in-process (a mock bug this test found).
const checked = scenarios.filter((s) => !(s.id in AWAITING_ISSUE_8) && !(s.id in IN_PROCESS_COOKIE_LEAK));
let report: ConformanceReport;

beforeAll(async () => {
  mock.listen();
  report = await runConformance({
    baseUrl: BASE,
    only: scenarios.map((s) => s.id).filter((id) => !(id in AWAITING_ISSUE_8)),
  });
}, 60_000);
afterAll(() => mock.close());

describe('the in-process mock meets the documented behaviour the SDK relies on', () => {
  it('offers everything the kit needs, so nothing is skipped', () => {
    expect(report.capabilities).toEqual({
      mailbox: true,
      clock: true,
      payments: true,
      fixtures: true,
      creatorToken: true,
    });
    expect(report.skipped).toBe(0);
  });

  it.each(checked.map((s) => [s.id, s.title] as const))('%s: %s', (id) => {
    const result = report.results.find((r) => r.id === id);
    expect(result?.message ?? '').toBe('');
    expect(result?.status).toBe('pass');
  });
});
