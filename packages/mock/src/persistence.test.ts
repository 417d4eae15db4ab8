import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startMock, Visitor } from '../test/helpers.js';
import { DataFileError } from './server.js';

const dir = mkdtempSync(join(tmpdir(), 'va-mock-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('--data persistence', () => {
  it('keeps visitors, sessions, purchases and mail across a restart', async () => {
    const file = join(dir, 'state.json');
    const first = await startMock({ dataFile: file });
    const v = new Visitor(first.url);
    const visitor = await v.signIn('keep@example.com');
    await v.buy('gharart', 'masterclass');
    await first.close();
    // Written atomically: no temp file is left behind.
    expect(readdirSync(dir)).toEqual(['state.json']);

    const second = await startMock({ dataFile: file });
    const again = new Visitor(second.url);
    again.cookie = v.cookie;
    expect((await again.req('GET', '/v2/visitor/me')).body.visitor.id).toBe(visitor.id);
    const access = await again.req('POST', '/v2/public/pages/gharart/masterclass/access-check');
    expect(access.body).toMatchObject({ hasAccess: true, reason: 'entitled' });
    expect((await again.req('GET', '/_mock/api/messages?to=keep@example.com')).body.messages).toHaveLength(1);
    await second.close();
  });

  it('has the purchase on disk by the time the client sees the payment succeed', async () => {
    const file = join(dir, 'durable.json');
    const mock = await startMock({ dataFile: file });
    const v = new Visitor(mock.url);
    await v.signIn('durable@example.com');
    await v.buy('gharart', 'masterclass');
    // Read the file while the server is still running (as if it crashed now).
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    expect(saved.purchases).toHaveLength(1);
    expect(saved.purchases[0]).toMatchObject({ handle: 'gharart', slug: 'masterclass', grantType: 'PURCHASE' });
    await mock.close();
  });

  it('refuses a corrupt or invalid file with a clear error instead of starting empty', async () => {
    const corrupt = join(dir, 'corrupt.json');
    writeFileSync(corrupt, '{"format":"visitor-access-mock","version":1,"purch');
    await expect(startMock({ dataFile: corrupt })).rejects.toThrow(DataFileError);
    await expect(startMock({ dataFile: corrupt })).rejects.toThrow(/corrupt/);
    // Untouched: nothing was overwritten.
    expect(readFileSync(corrupt, 'utf8')).toBe('{"format":"visitor-access-mock","version":1,"purch');

    const wrong = join(dir, 'wrong.json');
    writeFileSync(wrong, JSON.stringify({ hello: 'world' }));
    await expect(startMock({ dataFile: wrong })).rejects.toThrow(/not a visitor-access-mock data file/);

    await expect(startMock({ dataFile: dir })).rejects.toThrow(/Cannot read the data file/);
  });

  it('the CLI exits non-zero with the message for a corrupt data file and a bad fixture', () => {
    const corrupt = join(dir, 'cli-corrupt.json');
    writeFileSync(corrupt, 'not json');
    const cli = join(import.meta.dirname, 'cli.ts');
    const run = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', cli, '--port', '0', ...args], {
        encoding: 'utf8',
        timeout: 15_000,
      });
    const r = run('--data', corrupt);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('is corrupt');
    const fixture = join(dir, 'fixture.json');
    writeFileSync(fixture, JSON.stringify({ handles: [{ handle: 'Bad Handle', connectConfigured: 'yes' }] }));
    const f = run('--fixture', fixture);
    expect(f.status).toBe(1);
    expect(f.stderr).toContain('handles.0.handle');
    expect(f.stderr).toContain('handles.0.connectConfigured');
  });
});
