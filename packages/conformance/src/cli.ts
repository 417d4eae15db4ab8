#!/usr/bin/env node
// visitor-access-conformance --base-url URL [--dev-api URL|none] [--creator-token TOKEN] [--origin ORIGIN]
//   [--target FILE] [--profile api|site-proxy] [--only IDS] [--format table|tap] [--timeout MS] [--deadline TIME] [--max-body SIZE] [--list]
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { PROFILES, type Profile, type Target } from './context.js';
import { idWidth, ReportWriter, scenarioTable, type OutputFormat } from './report.js';
import { runConformance } from './run.js';
import { ConformanceUsageError, selectScenarios } from './run/options.js';
import { ServerUnreachableError } from './run/probe.js';
import { scenariosFor } from './scenarios/index.js';

const USAGE = `Usage: visitor-access-conformance --base-url URL [options]

Checks that a Visitor Access server behaves as the platform documents.

  --base-url URL        the API to check, e.g. http://localhost:4010 (required)
  --dev-api URL|none    the development API for sign-in emails, clock and fake payments
                        (default {base-url}/_mock/api; "none" to use only the public API)
  --creator-token JWT   a creator JWT for --handle (else the development API is asked for one)
  --handle HANDLE       the creator whose data is used when the kit cannot make its own (default gharart)
  --origin ORIGIN       an origin that creator allows, for the CORS and redirect checks
  --target FILE         JSON naming existing pages to use instead (see the README)
  --profile api|site-proxy
                        what is checked (default api, the platform API itself); site-proxy for the
                        API through a same-site proxy such as @visitor-access/server
                        (--base-url https://site/api): the checks whose premise such a proxy does
                        not share are listed as not applicable, and its own behaviour is checked
  --only IDS            run only these checks: comma-separated ids, or prefixes such as auth. or cors*
  --format table|tap    output format (default table)
  --timeout MS          longest wait for one answer (default 10000)
  --deadline TIME       longest time for the whole run: milliseconds, or with s or m (default 5m);
                        the checks it leaves out are listed as not run, and the exit code is 1
  --max-body SIZE       the largest answer the kit reads: bytes, or with KiB or MiB (default 1MiB);
                        a larger answer fails its check
  --list                print the checks and exit
  -h, --help            print this help

Exit code: 0 when no check failed (skipped ones are listed), 1 when one did, the deadline passed
before every check ran, or the server cannot be reached, 2 for a usage error.`;

/** `300000`, `90s`, `5m` → milliseconds, or undefined when it is none of those. */
function parseDuration(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|min)?$/.exec(text.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  const ms = m[2] === 's' ? n * 1000 : m[2] === 'm' || m[2] === 'min' ? n * 60_000 : n;
  return Number.isInteger(ms) && ms > 0 ? ms : undefined;
}

/** `1048576`, `512KiB`, `4MiB` → bytes, or undefined. */
function parseSize(text: string): number | undefined {
  const m = /^(\d+)\s*(b|kib|kb|k|mib|mb|m)?$/i.exec(text.trim());
  if (!m) return undefined;
  const unit = (m[2] ?? 'b').toLowerCase();
  const bytes = Number(m[1]) * (unit.startsWith('k') ? 1024 : unit.startsWith('m') ? 1024 * 1024 : 1);
  return Number.isSafeInteger(bytes) && bytes > 0 ? bytes : undefined;
}

function usageError(message: string, showUsage = false): number {
  console.error(
    `visitor-access-conformance: ${message}\n${showUsage ? `\n${USAGE}` : 'Run it with --help for the options.'}`,
  );
  return 2;
}

const TARGET_KEYS = new Set([
  'handle',
  'origin',
  'publicPage',
  'freePage',
  'paidPage',
  'unpublishedPage',
  'unconnectedPage',
  'groupBuy',
]);

function readTarget(file: string): Partial<Target> {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConformanceUsageError(`cannot read --target ${file}: ${(error as Error).message}`);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    throw new ConformanceUsageError(`--target ${file} must hold a JSON object.`);
  }
  for (const [key, value] of Object.entries(data)) {
    if (!TARGET_KEYS.has(key)) {
      throw new ConformanceUsageError(
        `--target ${file}: unknown key "${key}" (known: ${[...TARGET_KEYS].join(', ')}).`,
      );
    }
    const isRef = key === 'unconnectedPage' || key === 'groupBuy';
    const ref = value as { handle?: unknown; slug?: unknown } | null;
    const ok = isRef
      ? ref !== null && typeof ref === 'object' && typeof ref.handle === 'string' && typeof ref.slug === 'string'
      : typeof value === 'string' && value !== '';
    if (!ok) {
      throw new ConformanceUsageError(
        `--target ${file}: "${key}" must be ${isRef ? 'an object { "handle", "slug" }' : 'a non-empty string'}.`,
      );
    }
  }
  return data as Partial<Target>;
}

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      options: {
        'base-url': { type: 'string' },
        'dev-api': { type: 'string' },
        'creator-token': { type: 'string' },
        handle: { type: 'string' },
        origin: { type: 'string' },
        target: { type: 'string' },
        profile: { type: 'string' },
        only: { type: 'string', multiple: true },
        format: { type: 'string' },
        timeout: { type: 'string' },
        deadline: { type: 'string' },
        'max-body': { type: 'string' },
        list: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    return usageError((error as Error).message, true);
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  const profile = (args.profile ?? 'api') as Profile;
  if (!PROFILES.includes(profile))
    return usageError(`--profile must be ${PROFILES.join(' or ')}, not "${args.profile}".`);
  const scenarios = scenariosFor(profile);
  if (args.list) {
    console.log(scenarioTable(scenarios));
    return 0;
  }
  const format = (args.format ?? 'table') as OutputFormat;
  if (format !== 'table' && format !== 'tap') return usageError(`--format must be table or tap, not "${args.format}".`);
  if (!args['base-url']) return usageError('--base-url is required.', true);
  let timeoutMs: number | undefined;
  if (args.timeout !== undefined) {
    timeoutMs = Number(args.timeout);
    if (!/^\d+$/.test(args.timeout) || timeoutMs <= 0)
      return usageError(`--timeout must be a positive number of milliseconds, not "${args.timeout}".`);
  }
  let deadlineMs: number | undefined;
  if (args.deadline !== undefined) {
    deadlineMs = parseDuration(args.deadline);
    if (deadlineMs === undefined)
      return usageError(`--deadline must be a duration such as 300000, 90s or 5m, not "${args.deadline}".`);
  }
  let maxBodyBytes: number | undefined;
  if (args['max-body'] !== undefined) {
    maxBodyBytes = parseSize(args['max-body']);
    if (maxBodyBytes === undefined)
      return usageError(`--max-body must be a size such as 1048576, 512KiB or 4MiB, not "${args['max-body']}".`);
  }
  const only = args.only?.flatMap((o) => o.split(',')).filter((o) => o.trim() !== '');
  let target: Partial<Target> = {};
  try {
    if (args.target) target = readTarget(args.target);
    if (args.handle) {
      if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(args.handle))
        throw new ConformanceUsageError(`--handle "${args.handle}" is not a handle.`);
      target.handle = args.handle;
    }
    selectScenarios(scenarios, only);
  } catch (error) {
    if (error instanceof ConformanceUsageError) return usageError(error.message);
    throw error;
  }

  const selected = selectScenarios(scenarios, only);
  const writer = new ReportWriter(format, idWidth(selected));
  const print = (lines: string[]) => {
    for (const line of lines) process.stdout.write(`${line}\n`);
  };
  let headerPrinted = false;
  try {
    const report = await runConformance({
      baseUrl: args['base-url'],
      ...(args['dev-api'] === 'none' ? { devApi: false as const } : args['dev-api'] ? { devApi: args['dev-api'] } : {}),
      ...(args['creator-token'] ? { creatorToken: args['creator-token'] } : {}),
      ...(args.origin ? { origin: args.origin } : {}),
      ...(only ? { only } : {}),
      ...(profile === 'api' ? {} : { profile }),
      ...(timeoutMs ? { timeoutMs } : {}),
      ...(deadlineMs ? { deadlineMs } : {}),
      ...(maxBodyBytes ? { maxBodyBytes } : {}),
      target,
      onResult: (result) => {
        if (!headerPrinted) return;
        print(writer.result(result));
      },
      onStart: (run) => {
        headerPrinted = true;
        print(writer.header(run));
      },
    });
    print(writer.footer(report.results));
    return report.failed > 0 || report.deadlineReached ? 1 : 0;
  } catch (error) {
    if (error instanceof ConformanceUsageError) return usageError(error.message);
    if (error instanceof ServerUnreachableError) {
      console.error(`visitor-access-conformance: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

try {
  process.exitCode = await main();
} catch (error) {
  // A bug of the kit, not of the server: say so in one line, with the stack only on request.
  console.error(`visitor-access-conformance: unexpected error: ${(error as Error).message}`);
  if (process.env.DEBUG) console.error(error);
  process.exitCode = 1;
}
