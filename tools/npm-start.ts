// `npm start` as the e2e tests run it: the script itself (scripts/start.mjs) on free ports, without the
// build (npm test has built everything), up once it prints "Press Ctrl-C to stop.".
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));

/** A port of 127.0.0.1 that is free now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface NpmStart {
  child: ChildProcess;
  /** The mock's address, as npm start prints it. */
  api: string;
  /** The demo site's home page. */
  site: string;
  /** Everything it printed so far. */
  out: () => string;
}

/** Starts `npm start -- ...args` and waits (up to 20 s) until both servers are up. */
export async function startNpmStart(args: string[] = []): Promise<NpmStart> {
  const [port, demoPort] = [await freePort(), await freePort()];
  const child = spawn(process.execPath, ['scripts/start.mjs', ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PORT: String(port), DEMO_PORT: String(demoPort), VA_SKIP_BUILD: '1' },
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const deadline = Date.now() + 20_000;
  while (!out.includes('Press Ctrl-C to stop.')) {
    if (Date.now() > deadline || child.exitCode !== null) {
      child.kill('SIGKILL');
      throw new Error(`npm start did not come up: ${out}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return { child, api: `http://localhost:${port}`, site: `http://localhost:${demoPort}/`, out: () => out };
}

/** Stops it as a process manager would (SIGTERM) and waits for it to exit. */
export async function stopNpmStart(run: NpmStart | undefined): Promise<void> {
  if (!run || run.child.exitCode !== null) return;
  const exited = new Promise((resolve) => run.child.once('exit', resolve));
  run.child.kill('SIGTERM');
  await exited;
}
