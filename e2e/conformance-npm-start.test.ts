// Issue 11's "done when", as a newcomer would check it: `npm start`, then in another terminal
// `npx visitor-access-conformance --base-url http://localhost:4010` — here on free ports (PORT), without
// the build (npm test has built everything). Every check passes, and there are at least 30 of them.
import { spawn } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { root, startNpmStart, stopNpmStart, type NpmStart } from '@visitor-access/tools/npm-start';

/** Runs a command to its end (bounded), with everything it printed. */
function runToEnd(command: string, args: string[], ms: number): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${command} ${args.join(' ')} took over ${ms} ms: ${out}`));
    }, ms);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, out });
    });
  });
}

let start: NpmStart | undefined;
afterAll(() => stopNpmStart(start));

describe('the conformance kit against `npm start`', () => {
  it('npx visitor-access-conformance --base-url … passes every check (at least 30)', { timeout: 120_000 }, async () => {
    start = await startNpmStart();

    const { code, out: report } = await runToEnd(
      'npx',
      ['--no-install', 'visitor-access-conformance', '--base-url', start.api],
      100_000,
    );
    const lines = report.trimEnd().split('\n');
    const last = lines.at(-1)!;
    const [, passed, failed] = /^(\d+) passed, (\d+) failed$/.exec(last) ?? [];
    expect(last, report).toMatch(/^\d+ passed, 0 failed$/);
    expect(Number(passed)).toBeGreaterThanOrEqual(30);
    expect(Number(failed)).toBe(0);
    expect(code, report).toBe(0);
    // Nothing was skipped: npm start's mock offers everything the kit can use.
    expect(report).not.toMatch(/^\s*SKIP /m);
  });
});
