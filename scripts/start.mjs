// `npm start`: the mock API on port 4010 (PORT overrides) with its mailbox and fake checkout, and — when
// examples/demo/serve.mjs exists — the demo site next to it on 4020 (DEMO_PORT overrides). Builds nothing: `npm start` runs the build first.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const serverEntry = new URL('../packages/mock/dist/server.js', import.meta.url);
if (!existsSync(fileURLToPath(serverEntry))) {
  console.error('packages/mock/dist is missing: run `npm run build` first (npm start does it for you).');
  process.exit(1);
}
const { banner, defaultFixture, startServer } = await import(serverEntry.href);

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
let mock;
try {
  mock = await startServer({ port, host: '127.0.0.1', log: true, ...(fixture ? { fixture } : {}) });
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
// "localhost" rather than 127.0.0.1: the demo site runs on localhost too, so the session cookie is
// same-site and travels with the elements' requests.
const apiBase = `http://localhost:${mock.port}`;
console.log(banner(mock, { baseUrl: apiBase }));

let demo;
if (hasDemo) {
  try {
    const { startDemo } = await import(pathToFileURL(demoEntry).href);
    demo = await startDemo({ apiBase, port: demoPort });
    console.log(`\nDemo site      ${demo.url}`);
  } catch (error) {
    console.error(`\nThe demo site did not start: ${error.message}`);
  }
}
console.log('\nPress Ctrl-C to stop.\n');

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  // Idle keep-alive connections can hold a server open for a few seconds; do not make Ctrl-C wait.
  setTimeout(() => process.exit(0), 1000).unref();
  await Promise.allSettled([mock.close(), demo?.close()]);
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
