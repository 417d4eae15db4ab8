#!/usr/bin/env node
// The `visitor-access-conformance` command. A committed file rather than dist/cli.js itself, so that npm can
// link the command even when it installs this package before dist/ is built (as in this repository's workspaces).
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(cli)) {
  console.error('@visitor-access/conformance is not built: run `npm run build -w @visitor-access/conformance` first.');
  process.exit(1);
}
await import(cli.href);
