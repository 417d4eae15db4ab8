// `npm start` as people and process managers stop it: Ctrl-C (SIGINT to the whole foreground group) and
// SIGTERM to npm alone (`kill`, a process manager). Both must free both ports. And the demo site survives
// a malformed URL.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- plain ESM example, no types
import { startDemo } from '@visitor-access/example-demo/serve';
import { freePort } from '@visitor-access/tools/npm-start';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Whether something listens on a port of 127.0.0.1. */
function inUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createServer();
    s.once('error', () => resolve(true));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(false)));
  });
}

/** Whether any process of a group is still alive. */
function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(check: () => boolean | Promise<boolean>, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return check();
}

async function startNpm(): Promise<{ pid: number; ports: number[]; out: () => string }> {
  const [port, demoPort] = [await freePort(), await freePort()];
  // Its own process group, as a terminal gives a foreground job.
  const child = spawn('npm', ['start'], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PORT: String(port), DEMO_PORT: String(demoPort), VA_SKIP_BUILD: '1' },
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const ready = await until(() => out.includes('Press Ctrl-C to stop.'), 20_000);
  if (!ready) {
    process.kill(-child.pid!, 'SIGKILL');
    throw new Error(`npm start did not come up: ${out}`);
  }
  return { pid: child.pid!, ports: [port, demoPort], out: () => out };
}

describe('npm start', () => {
  it.each([
    ['Ctrl-C (SIGINT to the foreground group)', (pid: number) => process.kill(-pid, 'SIGINT')],
    ['SIGTERM to npm alone', (pid: number) => process.kill(pid, 'SIGTERM')],
  ])('stops both servers and frees both ports on %s', { timeout: 40_000 }, async (_how, signal) => {
    const run = await startNpm();
    try {
      expect(run.out()).toContain(`http://localhost:${run.ports[0]}`);
      for (const p of run.ports) expect(await inUse(p)).toBe(true);
      signal(run.pid);
      expect(await until(() => !groupAlive(run.pid), 10_000)).toBe(true);
      for (const p of run.ports) expect(await inUse(p), `port ${p}`).toBe(false);
    } finally {
      if (groupAlive(run.pid)) process.kill(-run.pid, 'SIGKILL');
    }
  });
});

describe('the demo site', () => {
  it('answers 400 to a malformed URL and keeps serving', async () => {
    const demo = await startDemo({ apiBase: 'http://localhost:9', port: 0, host: '127.0.0.1' });
    try {
      for (const path of ['/%E0%A4%A', '/content/%zz.html', '/%']) {
        const res = await fetch(new URL(path, demo.url));
        expect(res.status, path).toBe(400);
      }
      expect((await fetch(demo.url)).status).toBe(200);
    } finally {
      await demo.close();
    }
  });
});
