// The server behaviour the SDK is built against, checked once, by the conformance kit's scenarios, against the
// mock running in this process (MSW's setupServer, no port). The SDK's own tests then only need to assert
// what the SDK does with those answers, rather than restating what the server does.
import { runConformance, scenarios, type ConformanceReport } from '@visitor-access/conformance';
import { createMockServer } from '@visitor-access/mock/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const BASE = 'http://api.conformance.test';
const mock = createMockServer({ baseUrl: BASE });
const checked = scenarios;
let report: ConformanceReport;

beforeAll(async () => {
  mock.listen();
  report = await runConformance({ baseUrl: BASE });
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
