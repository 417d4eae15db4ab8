// The `visitor-access-conformance` command as a person (or CI) runs it: the committed bin, real processes,
// exit codes, the last line, TAP, and one clear line for each way of calling it wrong.
import { execFile } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { startServer, type RunningServer } from '@visitor-access/mock/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropRequestIds, startProxy } from '../test/mutant-proxy.js';

const BIN = fileURLToPath(new URL('../bin/visitor-access-conformance.js', import.meta.url));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  lines: string[];
}

function cli(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr, lines: stdout.trimEnd().split('\n') });
    });
  });
}

let mock: RunningServer;
beforeAll(async () => {
  mock = await startServer({ port: 0, host: '127.0.0.1', log: false });
});
afterAll(() => mock.close());

describe('visitor-access-conformance', () => {
  it('prints a table whose last line is "N passed, M failed", and exits 0 when nothing failed', async () => {
    const run = await cli('--base-url', mock.url, '--only', 'auth.link.,pages.public');
    expect(run.code).toBe(0);
    expect(run.lines[0]).toBe(`Visitor Access conformance: ${mock.url}`);
    expect(run.stdout).toMatch(/^ {2}PASS {2}auth\.link\.single-use +\d+ ms$/m);
    expect(run.lines.at(-1)).toBe('4 passed, 0 failed');
    expect(run.stderr).toBe('');
  });

  it('exits 1 when a check fails, and says which answer broke it', async () => {
    const proxy = await startProxy(mock.url, dropRequestIds);
    try {
      const run = await cli('--base-url', proxy.url, '--only', 'wire.request-id,pages.public');
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(/FAIL {2}wire\.request-id/);
      expect(run.stdout).toMatch(/without a valid x-request-id: .*\[header missing\]/);
      expect(run.lines.at(-1)).toBe('1 passed, 1 failed');
    } finally {
      await proxy.close();
    }
  });

  it('lists skipped checks with their reasons on the line before the last', async () => {
    const run = await cli(
      '--base-url',
      mock.url,
      '--dev-api',
      'none',
      '--only',
      'auth.link.single-use,auth.link.expiry,pages.public',
    );
    expect(run.code).toBe(0);
    expect(run.lines.at(-2)).toBe(
      '2 skipped: auth.link.single-use, auth.link.expiry (no mailbox to read sign-in emails from (pass --dev-api, or run against the reference mock))',
    );
    expect(run.lines.at(-1)).toBe('1 passed, 0 failed');
  });

  it('speaks TAP 14 with --format tap, with the same last line', async () => {
    const run = await cli(
      '--base-url',
      mock.url,
      '--format',
      'tap',
      '--dev-api',
      'none',
      '--only',
      'pages.public,auth.code',
    );
    expect(run.code).toBe(0);
    expect(run.lines[0]).toBe('TAP version 14');
    expect(run.lines).toContain('1..2');
    expect(run.lines).toContain('ok 2 - pages.public');
    expect(run.lines).toContain(
      'ok 1 - auth.code # SKIP no mailbox to read sign-in emails from (pass --dev-api, or run against the reference mock)',
    );
    expect(run.lines.at(-2)).toMatch(/^# 1 skipped: auth\.code /);
    expect(run.lines.at(-1)).toBe('1 passed, 0 failed');
  });

  it.each([
    [[], /--base-url is required/],
    [['--base-url', 'ftp://example.com'], /--base-url must be an http\(s\) URL/],
    [['--base-url', 'localhost:4010'], /--base-url must be an http\(s\) URL such as http:\/\/localhost:4010/],
    [['--base-url', 'http://127.0.0.1:1', '--format', 'xml'], /--format must be table or tap/],
    [['--base-url', 'http://127.0.0.1:1', '--only', 'no-such-check'], /--only "no-such-check" names no check/],
    [['--base-url', 'http://127.0.0.1:1', '--timeout', 'soon'], /--timeout must be a positive number/],
    [['--base-url', 'http://127.0.0.1:1', '--origin', 'https://shop.example.com/path'], /--origin must be an origin/],
    [['--base-url', 'http://127.0.0.1:1', '--frobnicate'], /Unknown option '--frobnicate'/],
  ])('exits 2 with one clear line for a usage error: %j', async (args, message) => {
    const run = await cli(...args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stdout).toBe('');
  });

  it('says so in one line, and exits 1, when nothing answers at the base URL', async () => {
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
    });
    const run = await cli('--base-url', `http://127.0.0.1:${port}`);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      new RegExp(`^visitor-access-conformance: Cannot reach http://127\\.0\\.0\\.1:${port}: connect ECONNREFUSED`),
    );
    expect(run.stderr).toMatch(/Is the server running, and is --base-url right\?\n$/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('--list prints every check with what it checks', async () => {
    const run = await cli('--list');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/\| `auth\.link\.concurrent` \| Of 10 simultaneous verifies/);
  });
});
