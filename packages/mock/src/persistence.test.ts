import { spawnSync, type ChildProcess } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { startChildMock, startMock, Visitor } from '../test/helpers.js';
import { nodeCrypto } from './node-crypto.js';
import { openDataFile, readDataFile } from './persistence.js';
import { DataFileError } from './server.js';
import { MockStore } from './store/index.js';
import { masterclassPage } from '../../contract/test/fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'va-mock-'));
const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A mock in a child process that holds the data file `name` (in the test's directory) until the test ends. */
async function holdDataFile(
  name: string,
): Promise<{ file: string; holder: Awaited<ReturnType<typeof startChildMock>> }> {
  const file = join(dir, name);
  const holder = await startChildMock({ dataFile: file });
  children.push(holder.child);
  return { file, holder };
}

/** What a restart would load from `file` now. */
function reload(file: string): MockStore {
  const store = new MockStore(nodeCrypto);
  readDataFile(store, file);
  return store;
}

describe('--data persistence', () => {
  it('keeps visitors, sessions, purchases and mail across a restart', async () => {
    const file = join(dir, 'state.json');
    const first = await startMock({ dataFile: file });
    const v = new Visitor(first.url);
    const visitor = await v.signIn('keep@example.com');
    await v.buy('gharart', 'masterclass');
    await first.close();
    // No temporary file and no lock are left behind.
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
    const saved = reload(file);
    expect([...saved.purchases.values()]).toEqual([
      expect.objectContaining({ handle: 'gharart', slug: 'masterclass', grantType: 'PURCHASE' }),
    ]);
    await mock.close();
  });

  it('a write appends what it changes: the same few bytes with 20 or 5,000 records stored', async () => {
    // The first build rewrote the whole file on every write (47 ms with 6,000 sign-ins stored).
    const file = join(dir, 'cost.json');
    const mock = await startMock({ dataFile: file });
    const v = new Visitor(mock.url);
    const report = { summary: 'Locked out', details: 'The page spins' };
    await v.req('POST', '/v2/support/report', report);
    const grow = async () => {
      const before = statSync(file).size;
      expect((await v.req('POST', '/v2/support/report', report)).status).toBe(201);
      return statSync(file).size - before;
    };
    const small = await grow();
    // One unit of work (one append) for the 5,000.
    await mock.store.exclusive(() => {
      for (let i = 0; i < 5000; i++) {
        mock.store.grantPurchase({ visitorId: `vis_bulk${i}`, handle: 'gharart', slug: 'masterclass' });
      }
    });
    const large = await grow();
    expect(small).toBeGreaterThan(0);
    expect(small).toBeLessThan(600);
    expect(large).toBe(small);
    await mock.close();
  });

  it('saves the clock with the data', async () => {
    const file = join(dir, 'clock.json');
    const first = await startMock({ dataFile: file });
    await new Visitor(first.url).req('POST', '/_mock/api/clock', { set: '2031-06-01T00:00:00.000Z' });
    await first.close();
    const second = await startMock({ dataFile: file });
    const now = Date.parse((await new Visitor(second.url).req('GET', '/_mock/api/clock')).body.now);
    expect(Math.abs(now - Date.parse('2031-06-01T00:00:00.000Z'))).toBeLessThan(60_000);
    await second.close();
  });

  it('refuses a corrupt or invalid file with a clear error instead of starting empty', async () => {
    const corrupt = join(dir, 'corrupt.json');
    writeFileSync(corrupt, '{"format":"visitor-access-mock","version":1,"purch');
    await expect(startMock({ dataFile: corrupt })).rejects.toThrow(DataFileError);
    await expect(startMock({ dataFile: corrupt })).rejects.toThrow(/corrupt/);
    // Untouched: nothing was overwritten, and the lock was given back.
    expect(readFileSync(corrupt, 'utf8')).toBe('{"format":"visitor-access-mock","version":1,"purch');
    expect(existsSync(`${corrupt}.lock`)).toBe(false);

    const wrong = join(dir, 'wrong.json');
    writeFileSync(wrong, JSON.stringify({ hello: 'world' }));
    await expect(startMock({ dataFile: wrong })).rejects.toThrow(/not a visitor-access-mock data file/);

    const badLine = join(dir, 'bad-line.json');
    writeFileSync(
      badLine,
      '{"format":"visitor-access-mock","version":2}\n{"c":[["*"]]}\n{"c":[["purchases","k",{"id":1}]]}\n',
    );
    await expect(startMock({ dataFile: badLine })).rejects.toThrow(/line 3/);

    await expect(startMock({ dataFile: dir })).rejects.toThrow(/Cannot read the data file/);
  });

  it('loads a data file of the first release (version 1) and keeps the original beside it', async () => {
    const file = join(dir, 'v1.json');
    const t = Date.now();
    const v1 = {
      format: 'visitor-access-mock',
      version: 1,
      savedAt: t,
      handles: [{ handle: 'gharart', connectConfigured: true, allowedOrigins: [] }],
      pages: [{ ...masterclassPage, published: true }],
      groupBuys: [
        { handle: 'gharart', slug: 'bundle', title: 'Bundle', targetQuantity: 3, interests: { vis_old1: t } },
      ],
      files: [],
      visitors: [{ id: 'vis_old1', email: 'old@example.com', createdAt: t }],
      magicLinks: [],
      sessions: [],
      purchases: [
        {
          id: 'pur_1',
          visitorId: 'vis_old1',
          handle: 'gharart',
          slug: 'masterclass',
          amount: 1900,
          currency: 'USD',
          grantedAt: t,
          grantType: 'PURCHASE',
        },
      ],
      freeLogins: [],
      refunds: [],
      checkouts: [],
      messages: [],
      idempotency: [
        { key: 'k', fingerprint: '', status: 200, body: '{}', contentType: 'application/json', createdAt: t },
      ],
      throttles: {},
      reports: [],
    };
    writeFileSync(file, JSON.stringify(v1));
    const mock = await startMock({ dataFile: file });
    expect(mock.store.isEntitled('vis_old1', 'gharart', 'masterclass')).toBe(true);
    expect(mock.store.groupBuy('gharart', 'bundle')).toMatchObject({ ok: true, value: { interestCount: 1 } });
    await mock.close();
    expect(JSON.parse(readFileSync(`${file}.v1-backup`, 'utf8'))).toEqual(v1);
    expect(readFileSync(file, 'utf8').split('\n')[0]).toBe('{"format":"visitor-access-mock","version":2}');
    expect(reload(file).isEntitled('vis_old1', 'gharart', 'masterclass')).toBe(true);
  });

  it('removes the temporary files a crashed process left', async () => {
    const sub = join(dir, 'temps');
    mkdirSync(sub);
    const file = join(sub, 'state.json');
    writeFileSync(join(sub, '.state.json.4242.tmp'), 'half a snapshot');
    writeFileSync(join(sub, '.state.json.compact-4243.tmp'), '{"format"');
    writeFileSync(join(sub, 'unrelated.tmp'), 'not ours');
    const mock = await startMock({ dataFile: file });
    expect(readdirSync(sub).sort()).toEqual(['state.json', 'state.json.lock', 'unrelated.tmp']);
    await mock.close();
  });
});

describe('one writer per data file', () => {
  it(
    'a second process on the same file refuses to start, naming the file and the holder',
    { timeout: 40_000 },
    async () => {
      const { file, holder } = await holdDataFile('shared.json');
      const error = await startMock({ dataFile: file }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DataFileError);
      expect((error as Error).message).toContain(file);
      expect((error as Error).message).toContain(`process ${holder.child.pid}`);
      // The CLI says the same and exits 1.
      const cli = spawnSync(
        process.execPath,
        ['--import', 'tsx', join(import.meta.dirname, 'cli.ts'), '--port', '0', '--data', file],
        { encoding: 'utf8', timeout: 15_000 },
      );
      expect(cli.status).toBe(1);
      expect(cli.stderr).toContain(`in use by process ${holder.child.pid}`);
    },
  );

  it(
    'locks the file itself: a second process on a symbolic link or a hard link to it is refused',
    { timeout: 40_000 },
    async () => {
      const { file, holder } = await holdDataFile('linked.json');
      const symlink = join(dir, 'linked-symlink.json');
      symlinkSync(file, symlink);
      const viaSymlink = await startMock({ dataFile: symlink }).catch((e: unknown) => e);
      expect(viaSymlink).toBeInstanceOf(DataFileError);
      expect((viaSymlink as Error).message).toContain(`in use by process ${holder.child.pid}`);
      const hardLink = join(dir, 'linked-hard.json');
      linkSync(file, hardLink);
      const viaHardLink = await startMock({ dataFile: hardLink }).catch((e: unknown) => e);
      expect(viaHardLink).toBeInstanceOf(DataFileError);
      expect((viaHardLink as Error).message).toMatch(/has 2 names \(hard links\)/);
      // Refused before anything was written or locked under the other names.
      expect(existsSync(`${hardLink}.lock`)).toBe(false);
      expect(existsSync(`${symlink}.lock`)).toBe(false);
    },
  );

  it('writes through a symbolic link to its target: a compaction keeps the link a link', async () => {
    const target = join(dir, 'target.json');
    const link = join(dir, 'target-link.json');
    symlinkSync(target, link);
    const store = new MockStore(nodeCrypto);
    const data = openDataFile(store, link);
    try {
      store.grantPurchase({ visitorId: 'vis_linked', handle: 'gharart', slug: 'masterclass' });
      await data.compact();
      expect(lstatSync(link).isSymbolicLink()).toBe(true);
      expect(existsSync(`${target}.lock`)).toBe(true);
      expect(reload(link).purchases.size).toBe(reload(target).purchases.size);
      expect(readFileSync(target, 'utf8')).toContain('vis_linked');
    } finally {
      data.close();
    }
    // A link to nothing is refused (the mock would replace the link with a file).
    const dangling = join(dir, 'dangling.json');
    symlinkSync(join(dir, 'nowhere', 'x.json'), dangling);
    expect(() => openDataFile(new MockStore(nodeCrypto), dangling)).toThrow(
      /symbolic link into a folder that does not exist/,
    );
  });

  it('takes over the lock of a process that died', async () => {
    const file = join(dir, 'stale.json');
    const dead = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
    const pid = Number(dead.stdout.trim());
    writeFileSync(
      `${file}.lock`,
      JSON.stringify({ pid, host: (await import('node:os')).hostname(), startedAt: 'x', token: 'old' }),
    );
    const mock = await startMock({ dataFile: file });
    expect(JSON.parse(readFileSync(`${file}.lock`, 'utf8')).pid).toBe(process.pid);
    await mock.close();
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it('of several processes racing for a stale lock, exactly one starts', { timeout: 60_000 }, async () => {
    const file = join(dir, 'race.json');
    const dead = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
    const host = (await import('node:os')).hostname();
    writeFileSync(
      `${file}.lock`,
      JSON.stringify({ pid: Number(dead.stdout.trim()), host, startedAt: 'x', token: 'old' }),
    );
    const results = await Promise.allSettled(
      Array.from({ length: 3 }, () =>
        startChildMock({ dataFile: file }).then((m) => {
          children.push(m.child);
          return m;
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect(String(r.reason)).toMatch(/in use by process/);
  });
});

describe('a failed save', () => {
  it('answers 503 storage_unavailable with the envelope, changes nothing, logs the cause and keeps serving', async () => {
    const file = join(dir, 'full.json');
    let full = false;
    const errors: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void errors.push(args.join(' ')));
    const { writeSync } = await import('node:fs');
    const mock = await startMock({
      dataFile: file,
      dataFileOptions: {
        fs: {
          writeSync: (fd, data, offset, length) => {
            if (full) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
            return writeSync(fd, data, offset, length);
          },
        },
      },
    });
    try {
      const v = new Visitor(mock.url);
      await v.signIn('full@example.com');
      const c = await v.req('POST', '/v2/public/pages/gharart/masterclass/checkout', {
        successUrl: 'http://localhost:5173/ok',
        cancelUrl: 'http://localhost:5173/no',
      });
      full = true;
      const paid = await v.req('POST', `/_mock/api/checkout/${c.body.sessionId}/complete`, { outcome: 'paid' });
      expect(paid.status).toBe(503);
      expect(paid.body).toEqual({
        error: 'storage_unavailable',
        message: expect.stringContaining('nothing changed'),
        requestId: paid.headers.get('x-request-id'),
      });
      expect(errors.join('\n')).toContain(`${paid.body.requestId}: a change could not be saved and was undone: ENOSPC`);
      // Nothing changed: not paid, no purchase; the process still answers.
      expect(mock.store.purchases.size).toBe(0);
      expect(mock.store.checkouts.get(c.body.sessionId)?.status).toBe('open');
      // Answers that change nothing still work meanwhile.
      const access = await v.req('POST', '/v2/public/pages/gharart/masterclass/access-check');
      expect([access.status, access.body.reason]).toEqual([200, 'purchase_required']);
      expect((await v.req('GET', '/v2/visitor/me')).status).toBe(200);
      // Room again: paying works once, and a restart agrees.
      full = false;
      const again = await v.req('POST', `/_mock/api/checkout/${c.body.sessionId}/complete`, { outcome: 'paid' });
      expect(again.status).toBe(200);
      expect(reload(file).purchases.size).toBe(1);
    } finally {
      spy.mockRestore();
      await mock.close();
    }
  });

  it('on a real full disk (a 1 MiB tmpfs; needs root)', async (ctx) => {
    if (process.getuid?.() !== 0) ctx.skip();
    const mnt = join(dir, 'tmpfs');
    mkdirSync(mnt);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', mnt]);
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const file = join(mnt, 'state.json');
      const mock = await startMock({ dataFile: file });
      try {
        const v = new Visitor(mock.url);
        await v.signIn('disk@example.com');
        const c = await v.req('POST', '/v2/public/pages/gharart/masterclass/checkout', {
          successUrl: 'http://localhost:5173/ok',
          cancelUrl: 'http://localhost:5173/no',
        });
        // Fill the disk, leaving no room for one more line.
        try {
          writeFileSync(join(mnt, 'filler'), Buffer.alloc(2 * 1024 * 1024));
        } catch {
          // ENOSPC: the disk is full, as intended.
        }
        const paid = await v.req('POST', `/_mock/api/checkout/${c.body.sessionId}/complete`, { outcome: 'paid' });
        expect([paid.status, paid.body.error]).toEqual([503, 'storage_unavailable']);
        expect(paid.body.requestId).toBe(paid.headers.get('x-request-id'));
        expect(mock.store.purchases.size).toBe(0);
        rmSync(join(mnt, 'filler'));
        const again = await v.req('POST', `/_mock/api/checkout/${c.body.sessionId}/complete`, { outcome: 'paid' });
        expect(again.status).toBe(200);
        expect(reload(file).purchases.size).toBe(1);
      } finally {
        await mock.close();
      }
    } finally {
      spy.mockRestore();
      execFileSync('umount', [mnt]);
    }
  });
});

describe('kill -9', () => {
  it('never loses an acknowledged write, at any moment, compactions included', { timeout: 90_000 }, async () => {
    const file = join(dir, 'kill.json');
    const acknowledged: string[] = [];
    for (let round = 0; round < 4; round++) {
      // A tiny compaction threshold, so kills also land during compactions.
      const mock = await startChildMock({ dataFile: file, dataFileOptions: { compactAfterBytes: 2048 } });
      children.push(mock.child);
      const v = new Visitor(mock.url);
      const stopAt = Date.now() + 150 + Math.random() * 250;
      const writer = (async () => {
        while (Date.now() < stopAt + 1000) {
          const r = await v
            .req('POST', '/v2/support/report', { summary: `round ${round}`, details: 'x'.repeat(200) })
            .catch(() => undefined);
          if (!r) return;
          if (r.status === 201) acknowledged.push(r.body.reportId);
        }
      })();
      await new Promise((resolve) => setTimeout(resolve, stopAt - Date.now()));
      mock.child.kill('SIGKILL');
      await writer;
      if (mock.child.exitCode === null && mock.child.signalCode === null) {
        await new Promise((resolve) => mock.child.once('exit', resolve));
      }
    }
    expect(acknowledged.length).toBeGreaterThan(20);
    const stored = new Set(reload(file).reports.map((r) => r.id));
    const kept = acknowledged.filter((id) => stored.has(id));
    // The newest 1,000 reports are kept; all of ours fit.
    expect(kept).toEqual(acknowledged);
    // And the next start is clean: no temporary files, a fresh lock.
    const last = await startMock({ dataFile: file });
    expect(readdirSync(dir).filter((n) => n.startsWith('.kill.json'))).toEqual([]);
    await last.close();
  });
});

/** 40 origins (about 1.3 kB): a handle update that replaces the same record again and again. */
const origins = (n: number) =>
  Array.from({ length: 40 }, (_, i) => `https://shop-${String(n).padStart(5, '0')}-${i}.example.com`);

describe('compaction under overlapping writes (issue 19)', () => {
  it('compacts while writes land: no compaction fails, the file shrinks, every acknowledged write is kept', async () => {
    const file = join(dir, 'overlap.json');
    const warnings: string[] = [];
    let journalBytes = 0;
    const mock = await startMock({
      dataFile: file,
      dataFileOptions: {
        compactAfterBytes: 64 * 1024,
        warn: (m) => warnings.push(m),
        fs: {
          writeSync: (fd, data, offset, length) => {
            journalBytes += length;
            return writeSync(fd, data, offset, length);
          },
        },
      },
    });
    const acknowledged: string[] = [];
    let lastOrigins: string[] = [];
    try {
      // 16 writers at once: 8 file support reports (kept), 8 replace one handle's origins (overwritten).
      await Promise.all(
        Array.from({ length: 16 }, async (_, w) => {
          const v = new Visitor(mock.url);
          for (let i = 0; i < 40; i++) {
            if (w % 2 === 0) {
              const r = await v.req('POST', '/v2/support/report', { summary: `w${w} ${i}`, details: 'x'.repeat(500) });
              if (r.status === 201) acknowledged.push(r.body.reportId);
            } else {
              const list = origins(w * 1000 + i);
              const r = await v.req('PUT', '/_mock/api/handles/gharart', { allowedOrigins: list });
              expect(r.status).toBe(200);
              lastOrigins = list;
            }
          }
        }),
      );
    } finally {
      await mock.close();
    }
    expect(warnings.filter((m) => /compacting .* failed/.test(m))).toEqual([]);
    expect(acknowledged.length).toBe(320);
    // The journal took every change; the file holds about what the state is (compactions swapped it).
    expect(journalBytes).toBeGreaterThan(600 * 1024);
    expect(statSync(file).size).toBeLessThan(journalBytes / 2);
    const stored = reload(file);
    const ids = new Set(stored.reports.map((r) => r.id));
    expect(acknowledged.filter((id) => !ids.has(id))).toEqual([]);
    expect(stored.handles.get('gharart')!.allowedOrigins).toEqual(lastOrigins);
  });

  it(
    'kill -9 during compactions with 16 writers at once loses no acknowledged write',
    { timeout: 120_000 },
    async () => {
      const file = join(dir, 'kill-overlap.json');
      const acknowledged: string[] = [];
      for (let round = 0; round < 4; round++) {
        const mock = await startChildMock({ dataFile: file, dataFileOptions: { compactAfterBytes: 16 * 1024 } });
        children.push(mock.child);
        // Killed after a number of acknowledged writes (not a time: the machine may be slow), at a random
        // point of the compactions that run every dozen writes.
        const killAfter = 30 + Math.floor(Math.random() * 90);
        let done = 0;
        let reports = 0;
        let killed = false;
        const kill = () => {
          if (killed) return;
          killed = true;
          mock.child.kill('SIGKILL');
        };
        const giveUp = setTimeout(kill, 60_000);
        const writers = Array.from({ length: 16 }, async (_, w) => {
          const v = new Visitor(mock.url);
          for (let i = 0; ; i++) {
            const r =
              w % 2 === 0 && reports < 200
                ? await v
                    .req('POST', '/v2/support/report', { summary: `r${round} w${w} ${i}`, details: 'y'.repeat(500) })
                    .catch(() => undefined)
                : await v
                    .req('PUT', '/_mock/api/handles/gharart', {
                      allowedOrigins: origins(round * 100_000 + w * 1000 + i),
                    })
                    .catch(() => undefined);
            if (!r) return;
            if (r.status === 201) {
              reports++;
              acknowledged.push(r.body.reportId);
            }
            if (++done >= killAfter) kill();
          }
        });
        await Promise.all(writers);
        clearTimeout(giveUp);
        if (mock.child.exitCode === null && mock.child.signalCode === null) {
          await new Promise((resolve) => mock.child.once('exit', resolve));
        }
      }
      expect(acknowledged.length).toBeGreaterThan(20);
      const stored = new Set(reload(file).reports.map((r) => r.id));
      expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
    },
  );
});
