// The `visitor-access-mock` command as a person runs it: what it prints, one log line per request, and a
// purchase that survives the process being killed outright.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { Visitor } from '../test/helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'va-mock-cli-'));
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Cli {
  child: ChildProcess;
  url: string;
  /** Everything printed so far. */
  out: () => string;
  /** Resolves once stdout contains `text`. */
  waitFor: (text: string) => Promise<void>;
}

/** Starts the CLI from source on a free port; resolves once it prints its URL. */
function startCli(...args: string[]): Promise<Cli> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'cli.ts'), '--port', '0', ...args],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  children.push(child);
  let out = '';
  let err = '';
  const waiters: { text: string; resolve: () => void }[] = [];
  child.stdout!.on('data', (d: Buffer) => {
    out += d.toString();
    for (const w of waiters.filter((x) => out.includes(x.text))) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve();
    }
  });
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const waitFor = (text: string) =>
    new Promise<void>((resolve, reject) => {
      if (out.includes(text)) return resolve();
      waiters.push({ text, resolve });
      child.once('exit', (code) => reject(new Error(`the CLI exited (${code}) before printing "${text}": ${err}`)));
    });
  return waitFor('Fixture:').then(() => {
    const url = /listening on (http:\/\/\S+)/.exec(out)![1]!;
    return { child, url, out: () => out, waitFor };
  });
}

describe('visitor-access-mock (CLI)', () => {
  it('prints the URLs, the fixture’s handles and pages, then one log line per request', async () => {
    const cli = await startCli();
    const banner = cli.out();
    expect(cli.url).toMatch(/^http:\/\/localhost:\d+$/); // the --public-url default
    expect(banner).toContain('Open your pages on http://localhost:… too');
    expect(banner).toContain(`Mailbox        ${cli.url}/_mock/mailbox`);
    expect(banner).toContain(`${cli.url}/_mock/api`);
    expect(banner).toContain(`Request log    ${cli.url}/_mock/api/requests`);
    expect(banner).toMatch(/gharart {2}\(Stripe connected\)/);
    expect(banner).toMatch(/no-connect {2}\(Stripe not connected\)/);
    for (const slug of ['welcome', 'members-lounge', 'masterclass', 'draft-notes'])
      expect(banner).toContain(`POST ${cli.url}/v2/public/pages/gharart/${slug}/access-check`);
    expect(banner).toContain(`${cli.url}/v2/public/group-buys/gharart/spring-bundle`);
    expect(banner).toContain('lookbook-2026.pdf for vip@example.com');

    const res = await fetch(`${cli.url}/v2/public/pages/gharart/nope/access-check`, { method: 'POST' });
    const requestId = res.headers.get('x-request-id')!;
    expect(res.status).toBe(404);
    await cli.waitFor(requestId);
    const line = cli
      .out()
      .split('\n')
      .find((l) => l.includes(requestId))!;
    expect(line).toMatch(new RegExp(`^POST /v2/public/pages/gharart/nope/access-check 404 \\d+\\.\\dms ${requestId}$`));
  });

  it('logs magic-link landings with the token redacted', async () => {
    const cli = await startCli();
    const v = new Visitor(cli.url);
    const { token } = await v.requestLink('stdout@example.com');
    const res = await fetch(`${cli.url}/_edge/visitor/access/t/${token}`);
    const requestId = res.headers.get('x-request-id')!;
    await cli.waitFor(requestId);
    expect(cli.out()).toContain(`GET /_edge/visitor/access/t/[redacted] 200`);
    expect(cli.out()).not.toContain(token.split('.')[1]);
  });

  it('--latency, --fail-rate and --fail-seed: said in the banner, marked in the log; bad values exit 2', async () => {
    const cli = await startCli('--fail-rate', '100%', '--latency', '5-15', '--fail-seed', '9');
    expect(cli.out()).toContain(
      'Faults         100 % of API requests answer 503; every API answer waits 5–15 ms (seed 9)',
    );
    const res = await fetch(`${cli.url}/v2/visitor/me`);
    expect(res.status).toBe(503);
    const requestId = res.headers.get('x-request-id')!;
    await cli.waitFor(requestId);
    expect(cli.out()).toMatch(
      new RegExp(`GET /v2/visitor/me 503 \\d+\\.\\dms ${requestId} \\(fault 503; latency=\\d+\\)`),
    );
    expect((await fetch(`${cli.url}/_mock/api/clock`)).status).toBe(200);

    const refused = (flag: string, value: string) =>
      new Promise<[number | null, string]>((resolve) => {
        const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'cli.ts'), flag, value], {
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        children.push(child);
        let err = '';
        child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
        child.once('exit', (code) => resolve([code, err.trim()]));
      });
    expect(
      await Promise.all([refused('--fail-rate', '1.5'), refused('--latency', 'slow'), refused('--fail-seed', 'x')]),
    ).toEqual([
      [2, expect.stringContaining('--fail-rate must be a share from 0 to 1')],
      [2, expect.stringContaining('--latency must be milliseconds')],
      [2, expect.stringContaining('--fail-seed must be a whole number')],
    ]);
  });

  it('--data: a purchase confirmed to the client survives the process being killed (SIGKILL)', async () => {
    const file = join(dir, 'state.json');
    const first = await startCli('--data', file, '--quiet');
    expect(first.out()).toContain(`Data file      ${file}`);
    const buyer = new Visitor(first.url);
    const visitor = await buyer.signIn('crash@example.com');
    await buyer.buy('gharart', 'masterclass');
    // No graceful shutdown: the process dies the moment the client has its answer.
    first.child.kill('SIGKILL');
    await new Promise((resolve) => first.child.once('exit', resolve));

    const second = await startCli('--data', file, '--quiet');
    const again = new Visitor(second.url);
    again.cookie = buyer.cookie;
    expect((await again.req('GET', '/v2/visitor/me')).body.visitor.id).toBe(visitor.id);
    const access = await again.req('POST', '/v2/public/pages/gharart/masterclass/access-check');
    expect(access.body).toMatchObject({ hasAccess: true, reason: 'entitled' });
    const list = await again.req('GET', '/v2/visitor/access');
    expect(list.body.items).toEqual([expect.objectContaining({ slug: 'masterclass', status: 'active' })]);
  });
});
