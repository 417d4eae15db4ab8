// The `site-proxy` profile (decision 0171): the checks whose premise a same-site proxy does not share are
// listed as not applicable, with their reason, never dropped; the proxy's own checks (`proxy.*`) run in
// their place, and fail against a server that is the API itself (so they can fail); the default is untouched.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startServer, type RunningServer } from '@visitor-access/mock/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cells, readmeTable, STALE_README } from '../test/readme-table.js';
import {
  formatReport,
  scenarioTable,
  runConformance,
  scenarios,
  scenariosFor,
  siteProxyScenarios,
  ConformanceUsageError,
  type Profile,
} from './index.js';

const BIN = fileURLToPath(new URL('../bin/visitor-access-conformance.js', import.meta.url));
const cli = (...args: string[]) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(process.execPath, [BIN, ...args], { timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });

let mock: RunningServer;
beforeAll(async () => {
  mock = await startServer({ port: 0, host: '127.0.0.1', log: false });
});
afterAll(() => mock.close());

const INAPPLICABLE = [
  'refund.requires-creator',
  'refund.other-handle',
  'refund.no-purchase',
  'refund.revokes',
  'refund.twice',
  'cors.allowed-origin',
  'cors.preflight',
  'security.access-list-scoped',
];

describe('the site-proxy profile', () => {
  it('runs the default checks and the proxy checks; the default profile runs no proxy check', () => {
    expect(scenariosFor('api')).toBe(scenarios);
    expect(scenariosFor('site-proxy').map((s) => s.id)).toEqual([
      ...scenarios.map((s) => s.id),
      ...siteProxyScenarios.map((s) => s.id),
    ]);
    expect(siteProxyScenarios.map((s) => s.id)).toEqual([
      'proxy.creator-route',
      'proxy.no-cors',
      'proxy.origin-not-forwarded',
    ]);
    expect(
      scenarios
        .filter((s) => s.premises?.length)
        .map((s) => s.id)
        .sort(),
    ).toEqual([...INAPPLICABLE].sort());
  });

  it('against the API itself: lists the inapplicable checks with their reasons, and the proxy checks fail', async () => {
    const report = await runConformance({
      baseUrl: mock.url,
      profile: 'site-proxy',
      only: [...INAPPLICABLE, 'proxy.', 'wire.error-envelope'],
    });
    expect(report.profile).toBe('site-proxy');
    expect(report.notApplicable).toEqual(INAPPLICABLE);
    for (const id of INAPPLICABLE) {
      const r = report.results.find((x) => x.id === id)!;
      expect(r.status, id).toBe('skip');
      expect(r.message, id).toMatch(/^not applicable to the site-proxy profile: /);
    }
    const failed = Object.fromEntries(report.results.filter((r) => r.status === 'fail').map((r) => [r.id, r.message]));
    // The API answers the creator route (401 creator_unauthorized), sends CORS headers, and scopes by Origin.
    expect(Object.keys(failed).sort()).toEqual([
      'proxy.creator-route',
      'proxy.no-cors',
      'proxy.origin-not-forwarded',
      'wire.error-envelope',
    ]);
    expect(failed['proxy.creator-route']).toMatch(/401 creator_unauthorized.*expected 404 not_found/);
    expect(failed['proxy.no-cors']).toMatch(/Access-Control-Allow-Origin|not 404 not_found/);
    expect(failed['proxy.origin-not-forwarded']).toMatch(/the caller's Origin went up/);
    const text = formatReport(report);
    expect(text).toMatch(/^profile: site-proxy /m);
    expect(text).toMatch(
      /^8 not applicable to the site-proxy profile: refund\.requires-creator, .*refund\.twice \(the creator route \(refund\).*; cors\.allowed-origin, cors\.preflight \(a same-origin API/m,
    );
    expect(text).not.toMatch(/skipped:/);
    expect(text.split('\n').at(-1)).toBe(`${report.passed} passed, 4 failed`);
  });

  it('the default profile lists nothing as not applicable and prints no profile line', async () => {
    const report = await runConformance({ baseUrl: mock.url, only: ['cors.', 'refund.requires-creator'] });
    expect(report.profile).toBe('api');
    expect(report.notApplicable).toEqual([]);
    expect(report.failed).toBe(0);
    expect(report.skipped).toBe(0);
    expect(formatReport(report)).not.toMatch(/profile/);
  });

  it('refuses an unknown profile', async () => {
    await expect(runConformance({ baseUrl: mock.url, profile: 'proxy' as Profile })).rejects.toThrow(
      ConformanceUsageError,
    );
  });

  it('the CLI takes --profile site-proxy (and --list shows its checks); refuses another', async () => {
    const list = await cli('--list', '--profile', 'site-proxy');
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/`proxy\.no-cors`/);
    expect((await cli('--list')).stdout).not.toMatch(/proxy\./);
    const run = await cli('--base-url', mock.url, '--profile', 'site-proxy', '--only', 'cors.preflight,pages.public');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^profile: site-proxy /m);
    expect(run.stdout).toMatch(
      /^ {2}N\/A {3}cors\.preflight +\d+ ms\n {8}– not applicable to the site-proxy profile: /m,
    );
    expect(run.stdout).toMatch(/^1 not applicable to the site-proxy profile: cors\.preflight \(a same-origin API/m);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('1 passed, 0 failed');
    const bad = await cli('--base-url', mock.url, '--profile', 'proxy');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--profile must be api or site-proxy, not "proxy"/);
  });

  it("README.md lists the profile's own checks as they describe themselves", () => {
    expect(readmeTable('proxy-checks'), STALE_README).toEqual(cells(scenarioTable(siteProxyScenarios)));
  });
});
