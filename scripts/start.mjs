// `npm start`: builds, then serves the mock API on port 4010 (PORT overrides) with its mailbox and fake
// checkout, and — when examples/demo/serve.mjs exists — the demo site next to it on 4020 (DEMO_PORT
// overrides). VA_SKIP_BUILD=1 skips the build (tests). The mock's fault flags pass through:
// `npm start -- --fail-rate 0.3 [--fail-seed N] [--latency 100-800]` (docs/mock.md, "Failure on demand").
//
// Stopping: Ctrl-C (SIGINT), SIGTERM and SIGHUP all stop both servers the same way. `npm start` runs this
// script under `sh -c`, and npm hands a SIGTERM to that shell, which dies without passing it on; so this
// process also stops when it finds itself orphaned (its parent gone), rather than keep both ports.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
if (process.env.VA_SKIP_BUILD !== '1') {
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const serverEntry = new URL('../packages/mock/dist/server.js', import.meta.url);
if (!existsSync(fileURLToPath(serverEntry))) {
  console.error('packages/mock/dist is missing: run `npm run build` first.');
  process.exit(1);
}
const { banner, defaultFixture, faultOptions, startServer } = await import(serverEntry.href);

let faults;
try {
  const { values } = parseArgs({
    options: { latency: { type: 'string' }, 'fail-rate': { type: 'string' }, 'fail-seed': { type: 'string' } },
    strict: true,
  });
  faults = faultOptions(values);
} catch (error) {
  faults = `${error.message} (npm start takes --latency, --fail-rate and --fail-seed)`;
}
if (typeof faults === 'string') {
  console.error(faults);
  process.exit(2);
}

const port = Number(process.env.PORT ?? 4010);
const demoEntry = `${root}examples/demo/serve.mjs`;
const hasDemo = existsSync(demoEntry);
// DEMO_PORT, else 4020 (or PORT + 10 when PORT moves the mock, so two copies can run side by side).
const demoPort = Number(process.env.DEMO_PORT ?? (process.env.PORT ? port + 10 : 4020));
// The demo site is the fixture creator's own site: emails that send visitors to the creator (a group
// buy going live) link there. Part of the fixture, so a reset keeps it.
const fixture = hasDemo
  ? {
      handles: defaultFixture.handles.map((h) =>
        h.handle === 'gharart' ? { ...h, allowedOrigins: [`http://localhost:${demoPort}`] } : h,
      ),
    }
  : undefined;
// The production shape: the demo site serves the API under its own /api (@visitor-access/server's
// proxy), so the mock's links, landing page and checkout are on the site (--public-url with a path) and
// the session cookie is the site's own. Without the demo, the mock answers on http://localhost:PORT.
const siteUrl = `http://localhost:${demoPort}`;
let mock;
try {
  mock = await startServer({
    port,
    host: '127.0.0.1',
    log: true,
    faults,
    ...(fixture ? { fixture, publicUrl: `${siteUrl}/api` } : {}),
  });
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
console.log(banner(mock));

let demo;
if (hasDemo) {
  try {
    const { startDemo } = await import(pathToFileURL(demoEntry).href);
    demo = await startDemo({ apiBase: `http://localhost:${mock.port}`, port: demoPort, siteUrl });
    console.log(`\nDemo site      ${demo.url}  (the API through it: ${siteUrl}/api)`);
  } catch (error) {
    console.error(`\nThe demo site did not start: ${error.message}`);
  }
}
console.log('\nPress Ctrl-C to stop.\n');

let stopping = false;
async function stop(why) {
  if (stopping) return;
  stopping = true;
  console.log(`\nStopping (${why})…`);
  // Idle keep-alive connections could hold a server open; close() closes them, and this caps the wait.
  setTimeout(() => process.exit(0), 2000).unref();
  await Promise.allSettled([mock.close(), demo?.close()]);
  process.exit(0);
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => void stop(signal));
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) void stop('parent process ended');
}, 250).unref();
