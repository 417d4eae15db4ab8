// A mock in a child process for tests that kill it or race it: `node --import tsx test/serve.ts '{json options}'`.
// Prints `READY <url>` once listening; every error goes to stderr with exit code 1.
import { startServer } from '../src/server.js';

const options = JSON.parse(process.argv[2] ?? '{}') as Parameters<typeof startServer>[0];
try {
  const mock = await startServer({ port: 0, host: '127.0.0.1', ...options });
  console.log(`READY ${mock.url}`);
  process.once('SIGTERM', () => void mock.close().then(() => process.exit(0)));
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
