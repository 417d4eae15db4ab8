#!/usr/bin/env node
// visitor-access-mock --port 4010 [--host 127.0.0.1] [--public-url URL] [--fixture FILE] [--data FILE] [--quiet]
//                     [--latency MS|MIN-MAX] [--fail-rate P] [--fail-seed N] [--trust-proxy ADDR]…
// visitor-access-mock init DIR   (copies MSW's service worker script for @visitor-access/mock/browser)
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { faultOptions } from './faults/settings.js';
import { FixtureError, parseFixture, type Fixture } from './fixture.js';
import { DataFileError } from './persistence.js';
import { banner, exposureWarning, startServer, type RunningServer } from './server.js';
import { trustedProxies } from './trust-proxy.js';

const USAGE = `Usage: visitor-access-mock [--port 4010] [--host 127.0.0.1] [--public-url URL] [--fixture FILE]
                           [--data FILE] [--quiet] [--latency MS|MIN-MAX] [--fail-rate P] [--fail-seed N]
                           [--trust-proxy ADDR]…
       visitor-access-mock init DIR

  init DIR   copy the service worker script (mockServiceWorker.js) that @visitor-access/mock/browser
             needs into DIR, the folder your dev server serves at / (e.g. public/)
  --port     port to listen on (default 4010, or $PORT)
  --host     interface to bind (default 127.0.0.1; 0.0.0.0 for every interface)
  --public-url
             the origin links in emails and the checkout point at (default http://localhost:PORT);
             open your pages on the same host name, so the session cookie reaches the mock.
             With a path (https://site.example/api) the links carry it, for a site's proxy
             that serves the API under that prefix and strips it
  --fixture  JSON file with handles, pages, group buys and files (see docs/mock.md)
  --data     keep state in this file across restarts (a journal; one process per file)
  --quiet    do not log each request
  --latency  delay every API answer (/v2, /_edge) by MS milliseconds, or by a random MIN-MAX
  --fail-rate
             answer that share of API requests (0.3 or 30%) with 503 service_unavailable
  --fail-seed
             seed of the random choices, so a run gets the same faults again (0 to 4294967295)
             A request asks for its own fault with the header X-Mock-Fault: 503, 429, latency=MS,
             timeout, reset or none (docs/mock.md, "Failure on demand")
  --trust-proxy ADDR
             a proxy's IP address (repeat for several): from it, the client is the address it
             appended to X-Forwarded-For (per-IP sign-in limits, the /_mock this-machine rule).
             Never read from any other client; no address is trusted unless given, not even
             127.0.0.1 (docs/mock.md, "Per-IP limits behind a proxy")`;

/**
 * Copies MSW's worker script — from the very msw this package depends on, so the versions always match —
 * into `dir`. `npx msw init` would do the same only when the msw it finds is the mock's own.
 */
function init(dir: string | undefined): number {
  if (!dir) {
    console.error(`init needs the folder your dev server serves at /, e.g. public/\n\n${USAGE}`);
    return 2;
  }
  const source = fileURLToPath(import.meta.resolve('msw/mockServiceWorker.js'));
  const target = join(dir, 'mockServiceWorker.js');
  try {
    mkdirSync(dir, { recursive: true });
    copyFileSync(source, target);
  } catch (error) {
    console.error(`Cannot write ${target}: ${(error as Error).message}`);
    return 1;
  }
  const version = /PACKAGE_VERSION = '([^']+)'/.exec(readFileSync(target, 'utf8'))?.[1] ?? 'unknown';
  const shown = relative(process.cwd(), target);
  console.log(
    `Wrote ${shown.startsWith('..') ? target : shown} (MSW ${version}). Serve it at /mockServiceWorker.js, then call createMockWorker().start() in your app.`,
  );
  return 0;
}

async function main(): Promise<number> {
  if (process.argv[2] === 'init') {
    if (process.argv.length > 4) {
      console.error(`init takes one folder.\n\n${USAGE}`);
      return 2;
    }
    return init(process.argv[3]);
  }
  let args;
  try {
    args = parseArgs({
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'public-url': { type: 'string' },
        fixture: { type: 'string' },
        data: { type: 'string' },
        quiet: { type: 'boolean' },
        latency: { type: 'string' },
        'fail-rate': { type: 'string' },
        'fail-seed': { type: 'string' },
        'trust-proxy': { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  const portText = args.port ?? process.env.PORT ?? '4010';
  const port = Number(portText);
  if (!/^\d{1,5}$/.test(portText) || port > 65535) {
    console.error(`--port must be a number from 0 to 65535, not "${portText}".`);
    return 2;
  }
  const faults = faultOptions(args);
  if (typeof faults === 'string') {
    console.error(faults);
    return 2;
  }
  const trustProxy = args['trust-proxy'] ?? [];
  try {
    trustedProxies(trustProxy);
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }
  let fixture: Fixture | undefined;
  if (args.fixture) {
    try {
      fixture = parseFixture(readFileSync(args.fixture, 'utf8'), args.fixture);
    } catch (error) {
      console.error(
        error instanceof FixtureError
          ? error.message
          : `Cannot read the fixture ${args.fixture}: ${(error as Error).message}`,
      );
      return 1;
    }
  }
  const host = args.host ?? '127.0.0.1';
  const warning = exposureWarning(host);
  if (warning) console.error(`${warning}\n`);
  let server: RunningServer;
  try {
    server = await startServer({
      port,
      host,
      ...(args['public-url'] ? { publicUrl: args['public-url'] } : {}),
      ...(fixture ? { fixture } : {}),
      ...(args.data ? { dataFile: args.data } : {}),
      faults,
      log: !args.quiet,
      ...(trustProxy.length ? { trustProxy } : {}),
    });
  } catch (error) {
    console.error(
      error instanceof DataFileError ? error.message : `Cannot start the mock: ${(error as Error).message}`,
    );
    return 1;
  }
  console.log(banner(server, { dataFile: args.data }));
  console.log('');
  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return -1;
}

const code = await main();
if (code >= 0) process.exit(code);
