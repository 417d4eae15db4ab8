// The kit against hostile servers (issue 19 point 9): answers far larger than any documented one, and
// answers that come just under the per-request timeout, forever. The kit must read a bounded amount, end a
// run by its deadline, and say both plainly.
import { execFile } from 'node:child_process';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { formatReport, runConformance, scenarios } from './index.js';

const BIN = fileURLToPath(new URL('../bin/visitor-access-conformance.js', import.meta.url));
const MiB = 1024 * 1024;

let server: Server | undefined;
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server?.closeAllConnections();
  server = undefined;
});

async function listen(handler: (url: string, res: ServerResponse) => void): Promise<string> {
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => handler(req.url ?? '/', res));
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Streams `total` bytes of JSON-looking filler without a Content-Length, as fast as the reader takes them. */
function flood(res: ServerResponse, total: number, sent: { bytes: number }) {
  res.writeHead(200, { 'content-type': 'application/json', 'x-request-id': 'req_flood' });
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  const pump = () => {
    while (sent.bytes < total && !res.destroyed) {
      sent.bytes += chunk.length;
      if (!res.write(chunk)) return void res.once('drain', pump);
    }
    if (!res.destroyed) res.end();
  };
  res.on('close', () => res.destroy());
  pump();
}

describe('a cap on every answer', () => {
  it('stops reading an endless answer at the cap and fails the check naming the cap', async () => {
    const sent = { bytes: 0 };
    const total = 256 * MiB;
    const base = await listen((_url, res) => flood(res, total, sent));
    const report = await runConformance({
      baseUrl: base,
      devApi: false,
      only: ['wire.request-id'],
      maxBodyBytes: 64 * 1024,
      timeoutMs: 5_000,
    });
    const [result] = report.results;
    expect(result?.status).toBe('fail');
    expect(result?.message).toMatch(/larger than the kit's cap of 64 KiB per answer/);
    expect(result?.message).toMatch(/--max-body/);
    expect(report.limits.maxBodyBytes).toBe(64 * 1024);
    // The server had to stop: the kit hung up long before 256 MiB (the socket buffers hold a few MiB).
    expect(sent.bytes).toBeLessThan(32 * MiB);
  });

  it('refuses an answer by its Content-Length before reading it', async () => {
    const base = await listen((url, res) => {
      if (url.startsWith('/_edge/visitor/access')) {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '2' });
        return void res.end('{}');
      }
      // Declares 1 GiB and sends a few bytes, then waits: a kit that trusted it would wait or allocate.
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(1024 * MiB) });
      res.write('{"a":');
    });
    const report = await runConformance({ baseUrl: base, devApi: false, only: ['wire.'], timeoutMs: 5_000 });
    const capped = report.results.filter((r) =>
      /cap of 1 MiB per answer \(Content-Length 1073741824\)/.test(r.message ?? ''),
    );
    expect(capped.length).toBeGreaterThan(0);
    for (const r of capped) expect(r.status).toBe('fail');
  });
});

describe('a deadline for the whole run', () => {
  /**
   * Every answer 404 after `delay` ms: slow, but within the kit's timeout (kept well above the delay, so a
   * busy machine does not turn it into a timeout), so no single request fails and only the deadline ends
   * the run.
   */
  const slowServer = (delay: number, fastFirst = 0) => {
    let seen = 0;
    return listen((_url, res) => {
      const timer = setTimeout(
        () => {
          res.writeHead(404, { 'content-type': 'application/json', 'x-request-id': 'req_slow' });
          res.end('{"error":"not_found","message":"Not found."}');
        },
        ++seen <= fastFirst ? 0 : delay,
      );
      res.on('close', () => clearTimeout(timer));
    });
  };

  it('ends the run when the deadline passes and reports which checks did not run', async () => {
    // The first 20 answers come at once (the probe and the first check, 17 requests), every later one
    // after 300 ms: the ~30 requests of the rest would take ~9 s, the deadline is 3 s.
    const base = await slowServer(300, 20);
    const report = await runConformance({ baseUrl: base, devApi: false, timeoutMs: 2_000, deadlineMs: 3_000 });
    expect(report.results).toHaveLength(scenarios.length);
    expect(report.deadlineReached).toBe(true);
    expect(report.notRun.length).toBeGreaterThan(0);
    expect(report.notRun.length).toBeLessThan(scenarios.length);
    // What ran is reported as it went; what did not is reported as not run, with the reason.
    for (const id of report.notRun) {
      expect(report.results.find((r) => r.id === id)).toMatchObject({
        status: 'skip',
        message: "not run: the run's deadline of 3 s passed (--deadline)",
      });
    }
    expect(report.notRun).toEqual(report.results.slice(-report.notRun.length).map((r) => r.id));
    const lines = formatReport(report).split('\n');
    expect(lines).toContain('limits: 2 s and 1 MiB per answer (--timeout, --max-body), 3 s for the run (--deadline)');
    expect(lines.at(-2)).toBe(
      `${report.notRun.length} not run because the run's deadline of 3 s passed (--deadline): ${report.notRun.join(', ')}`,
    );
    expect(lines.at(-1)).toBe(`${report.passed} passed, ${report.failed} failed`);
  });

  it('the CLI takes --deadline and --max-body, prints the limits and exits 1 when the deadline cut the run', async () => {
    const base = await slowServer(300);
    const run = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        [BIN, '--base-url', base, '--dev-api', 'none', '--timeout', '2000', '--deadline', '1s', '--max-body', '512KiB'],
        { timeout: 60_000 },
        (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
      );
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      'limits: 2 s and 512 KiB per answer (--timeout, --max-body), 1 s for the run (--deadline)',
    );
    expect(run.stdout).toMatch(/^\d+ not run because the run's deadline of 1 s passed \(--deadline\): /m);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toMatch(/^\d+ passed, \d+ failed$/);
  });

  it('refuses a deadline or a cap that is not a duration or a size', async () => {
    const run = (...args: string[]) =>
      new Promise<{ code: number; stderr: string }>((resolve) => {
        execFile(process.execPath, [BIN, '--base-url', 'http://127.0.0.1:9', ...args], (error, _stdout, stderr) =>
          resolve({ code: error ? Number(error.code ?? 1) : 0, stderr }),
        );
      });
    const deadline = await run('--deadline', 'soon');
    expect(deadline.code).toBe(2);
    expect(deadline.stderr).toContain('--deadline must be a duration such as 300000, 90s or 5m, not "soon".');
    const cap = await run('--max-body', '2GB');
    expect(cap.code).toBe(2);
    expect(cap.stderr).toContain('--max-body must be a size such as 1048576, 512KiB or 4MiB, not "2GB".');
  });
});
