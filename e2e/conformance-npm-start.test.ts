// Issue 11's "done when", as a newcomer would check it: `npm start`, then in another terminal
// `npx visitor-access-conformance --base-url http://localhost:4010` — here on free ports (PORT), without
// the build (npm test has built everything). Every check passes, and there are at least 30 of them.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

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

let start: ChildProcess | undefined;
afterAll(async () => {
  if (!start || start.exitCode !== null) return;
  const exited = new Promise((resolve) => start!.once('exit', resolve));
  start.kill('SIGTERM');
  await exited;
});

describe('the conformance kit against `npm start`', () => {
  it('npx visitor-access-conformance --base-url … passes every check (at least 30)', { timeout: 120_000 }, async () => {
    const [port, demoPort] = [await freePort(), await freePort()];
    start = spawn(process.execPath, ['scripts/start.mjs'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, PORT: String(port), DEMO_PORT: String(demoPort), VA_SKIP_BUILD: '1' },
    });
    let out = '';
    start.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    start.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    const deadline = Date.now() + 20_000;
    while (!out.includes('Press Ctrl-C to stop.')) {
      if (Date.now() > deadline || start.exitCode !== null) throw new Error(`npm start did not come up: ${out}`);
      await new Promise((r) => setTimeout(r, 50));
    }

    const { code, out: report } = await runToEnd(
      'npx',
      ['--no-install', 'visitor-access-conformance', '--base-url', `http://localhost:${port}`],
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
