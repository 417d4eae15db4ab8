import { routeList, type RouteId } from '@visitor-access/contract';
import { describe, expect, it } from 'vitest';
import { cells, readmeTable, STALE_README } from '../test/readme-table.js';
import {
  CookieJar,
  formatReport,
  NEED_REASONS,
  parseSetCookie,
  scenarios,
  scenarioTable,
  selectScenarios,
  type ConformanceReport,
} from './index.js';

describe('the scenarios list', () => {
  it('has at least 30 checks with unique, dotted ids and a sentence each', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(30);
    const ids = scenarios.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const s of scenarios) {
      expect(s.id).toMatch(/^[a-z-]+(\.[a-z-]+)+$/);
      expect(s.title.length).toBeGreaterThan(20);
      for (const need of s.needs ?? []) expect(NEED_REASONS).toHaveProperty(need);
    }
  });

  it('exercises every route of the contract', () => {
    const covered = new Set<RouteId>(scenarios.flatMap((s) => s.routes));
    expect(routeList.map((r) => r.id).filter((id) => !covered.has(id))).toEqual([]);
  });

  it('checks each decision of 2026-12-01 the issue names', () => {
    const decisions = scenarios.filter((s) => s.source === 'decisions-2026-12-01').map((s) => s.id);
    expect(decisions).toEqual(
      expect.arrayContaining([
        'wire.json-only-writes',
        'security.host-header',
        'idempotency.every-write',
        'idempotency.replay-rechecks-caller',
        'security.access-list-scoped',
        'security.redirect-return-to',
        'security.redirect-checkout',
      ]),
    );
  });

  it('README.md lists every check as the scenarios describe it', () => {
    expect(readmeTable('checks'), STALE_README).toEqual(cells(scenarioTable(scenarios)));
  });
});

describe('selectScenarios', () => {
  it('takes exact ids and prefixes, and refuses a name that matches nothing', () => {
    expect(selectScenarios(scenarios, ['auth.link.']).map((s) => s.id)).toEqual([
      'auth.link.single-use',
      'auth.link.concurrent',
      'auth.link.expiry',
    ]);
    expect(selectScenarios(scenarios, ['cors*', 'pages.public']).map((s) => s.id)).toEqual([
      'pages.public',
      'cors.allowed-origin',
      'cors.preflight',
      'cors.foreign-origin',
    ]);
    expect(() => selectScenarios(scenarios, ['auth.link'])).toThrow(/names no check/);
  });
});

describe('CookieJar', () => {
  it('keeps cookies, sends them back, and drops one the server clears', () => {
    const jar = new CookieJar();
    jar.store(['_10x_visitor=abc.def; HttpOnly; Path=/; Max-Age=2592000; SameSite=Lax', 'other=1']);
    expect(jar.header()).toBe('_10x_visitor=abc.def; other=1');
    expect(jar.session).toBe('abc.def');
    jar.store(['_10x_visitor=; HttpOnly; Path=/; Max-Age=0; SameSite=Lax']);
    expect(jar.session).toBeUndefined();
    jar.store(['other=2; Expires=Thu, 01 Jan 1970 00:00:00 GMT']);
    expect(jar.header()).toBeUndefined();
  });

  it('parses attributes case-insensitively, flags as empty strings', () => {
    const c = parseSetCookie('_10x_visitor=v; httponly; PATH=/; max-age=60; SameSite=None; Secure')!;
    expect(c.name).toBe('_10x_visitor');
    expect(c.value).toBe('v');
    expect([...c.attributes]).toEqual([
      ['httponly', ''],
      ['path', '/'],
      ['max-age', '60'],
      ['samesite', 'None'],
      ['secure', ''],
    ]);
    expect(parseSetCookie('no-equals-sign')).toBeUndefined();
  });
});

describe('formatReport', () => {
  const report: ConformanceReport = {
    baseUrl: 'http://localhost:4010',
    devApi: undefined,
    capabilities: { mailbox: false, clock: false, payments: false, fixtures: false, creatorToken: false },
    target: {} as ConformanceReport['target'],
    results: [
      { id: 'a.pass', title: 'passes', status: 'pass', durationMs: 3 },
      { id: 'b.fail', title: 'fails', status: 'fail', message: 'expected 401,\n got 200', durationMs: 4 },
      { id: 'c.skip', title: 'skips', status: 'skip', message: 'no clock', durationMs: 0 },
      { id: 'd.skip', title: 'skips', status: 'skip', message: 'no clock', durationMs: 0 },
    ],
    passed: 1,
    failed: 1,
    skipped: 2,
    notes: [],
    limits: { timeoutMs: 10_000, deadlineMs: 300_000, maxBodyBytes: 1024 * 1024 },
    deadlineReached: false,
    notRun: [],
  };

  it('table: one line per check, the failure reason under it, skips grouped by reason, then the count', () => {
    const lines = formatReport(report).split('\n');
    expect(lines).toContain('  FAIL  b.fail         4 ms');
    expect(lines).toContain('        ✗ expected 401, got 200');
    expect(lines.at(-2)).toBe('2 skipped: c.skip, d.skip (no clock)');
    expect(lines.at(-1)).toBe('1 passed, 1 failed');
  });

  it('tap: a plan, ok / not ok with a YAML block, SKIP directives, then the count', () => {
    const lines = formatReport(report, 'tap').split('\n');
    expect(lines.slice(0, 4)).toEqual([
      'TAP version 14',
      '# Visitor Access conformance: http://localhost:4010',
      '# development API: none (offers nothing beyond the public API)',
      '1..4',
    ]);
    expect(lines).toContain('not ok 2 - b.fail');
    expect(lines).toContain('  message: "expected 401,\\n got 200"');
    expect(lines).toContain('ok 3 - c.skip # SKIP no clock');
    expect(lines.at(-1)).toBe('1 passed, 1 failed');
  });
});
