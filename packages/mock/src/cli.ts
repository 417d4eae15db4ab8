#!/usr/bin/env node
// visitor-access-mock --port 4010 [--host 127.0.0.1] [--fixture FILE] [--data FILE] [--quiet]
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { FixtureError, parseFixture, type Fixture } from './fixture.js';
import { DataFileError } from './persistence.js';
import { banner, startServer, type RunningServer } from './server.js';

const USAGE = `Usage: visitor-access-mock [--port 4010] [--host 127.0.0.1] [--fixture FILE] [--data FILE] [--quiet]

  --port     port to listen on (default 4010, or $PORT)
  --host     interface to bind (default 127.0.0.1; 0.0.0.0 for every interface)
  --fixture  JSON file with handles, pages, group buys and files (see docs/mock.md)
  --data     keep state in this JSON file across restarts
  --quiet    do not log each request`;

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        fixture: { type: 'string' },
        data: { type: 'string' },
        quiet: { type: 'boolean' },
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
  let server: RunningServer;
  try {
    server = await startServer({
      port,
      host: args.host ?? '127.0.0.1',
      ...(fixture ? { fixture } : {}),
      ...(args.data ? { dataFile: args.data } : {}),
      log: !args.quiet,
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
