// Smaller findings of issue 19: a data file naming an inherited property as a table, a creator JWT issued
// in the future, creator tokens for handles that do not exist, and the replayed session cookie sealed with
// AES-GCM (Web Crypto) rather than a hand-made key stream.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCookie, sealCookie } from './handlers/idempotency.js';
import { nodeCrypto } from './node-crypto.js';
import type { RunningServer } from './server.js';
import { DataFileError } from './server.js';
import { MockStore } from './store/index.js';
import { startMock, Visitor } from '../test/helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'va-hardening-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a --data file naming a table that is an inherited property', () => {
  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])(
    '"%s": a clear error naming the line',
    async (name) => {
      const file = join(dir, `${name}.json`);
      writeFileSync(
        file,
        `{"format":"visitor-access-mock","version":2}\n{"c":[["*"]]}\n{"c":[[${JSON.stringify(name)},"k",{"a":1}]]}\n`,
      );
      const error = await startMock({ dataFile: file }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DataFileError);
      expect((error as Error).message).toContain('line 3');
      expect((error as Error).message).toContain(`unknown table "${name}"`);
      expect((error as Error).message).not.toMatch(/is not a function/);
    },
  );

  it('the store refuses it in replay too (no prototype is touched)', () => {
    const store = new MockStore(nodeCrypto);
    expect(() => store.replay([['__proto__', 'polluted', { yes: true }]], 'line 9')).toThrow(
      /line 9: unknown table "__proto__"/,
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('creator tokens', () => {
  let mock: RunningServer;
  beforeAll(async () => {
    mock = await startMock();
  });
  afterAll(() => mock.close());

  const refund = (token: string) =>
    new Visitor(mock.url).req(
      'POST',
      '/v2/handles/gharart/pages/masterclass/refund',
      { visitorId: 'vis_nobody' },
      { authorization: `Bearer ${token}` },
    );

  it('a JWT issued more than a minute in the future is refused; within a minute it is accepted', async () => {
    const clock = mock.store.clock;
    const start = clock.offset;
    try {
      // Issued "now", then the mock's clock goes back 48 hours: the token's iat is 48 h ahead of it.
      const future = await mock.store.issueCreatorToken('gharart');
      clock.setOffset(start - 48 * 60 * 60 * 1000);
      const refused = await refund(future);
      expect([refused.status, refused.body.error]).toEqual([401, 'creator_unauthorized']);
      expect(refused.body.message).toMatch(/future/);
      // Thirty seconds of clock skew is fine (the token is good; the refund itself finds nothing).
      clock.setOffset(start);
      const skewed = await mock.store.issueCreatorToken('gharart');
      clock.setOffset(start - 30 * 1000);
      const accepted = await refund(skewed);
      expect(accepted.body.error).not.toBe('creator_unauthorized');
    } finally {
      clock.setOffset(start);
    }
  });

  it('POST /_mock/api/creator-token for a handle that does not exist answers 404', async () => {
    const v = new Visitor(mock.url);
    const missing = await v.req('POST', '/_mock/api/creator-token', { handle: 'nobody-here' });
    expect([missing.status, missing.body.error]).toEqual([404, 'handle_not_found']);
    expect(missing.body.requestId).toBe(missing.headers.get('x-request-id'));
    const known = await v.req('POST', '/_mock/api/creator-token', { handle: 'gharart' });
    expect(known.status).toBe(200);
    expect(typeof known.body.token).toBe('string');
  });
});

describe('the replayed session cookie', () => {
  it('is sealed with AES-GCM: random IV, authenticated, opened only with the same scoped key', async () => {
    const cookie = '_10x_visitor=secret-session-value; Path=/; HttpOnly; SameSite=Lax';
    const a = await sealCookie('verify||key-1', cookie);
    const b = await sealCookie('verify||key-1', cookie);
    expect(a).toMatch(/^gcm1:[0-9a-f]+$/);
    expect(a).not.toBe(b); // a fresh IV each time
    expect(a).not.toContain(Buffer.from('secret-session-value').toString('hex'));
    expect(await openCookie('verify||key-1', a)).toBe(cookie);
    expect(await openCookie('verify||key-2', a)).toBeUndefined();
    // One changed byte of the ciphertext: the tag check fails, nothing comes out.
    const flipped = a.slice(0, -2) + (a.endsWith('00') ? '01' : '00');
    expect(await openCookie('verify||key-1', flipped)).toBeUndefined();
    expect(await openCookie('verify||key-1', 'abcdef')).toBeUndefined();
  });

  it('a replayed verify sets the same cookie again; the stored record holds no usable cookie', async () => {
    const mock = await startMock();
    try {
      const v = new Visitor(mock.url);
      const email = 'sealed@example.com';
      await v.req('POST', '/v2/visitor/auth/magic-link', { email });
      const { token } = await v.lastMessage(email);
      const headers = { 'idempotency-key': 'verify-sealed-1' };
      const first = await new Visitor(mock.url).req('POST', '/v2/visitor/auth/verify', { token }, headers);
      const again = await new Visitor(mock.url).req('POST', '/v2/visitor/auth/verify', { token }, headers);
      expect(first.status).toBe(200);
      expect(again.status).toBe(200);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(again.headers.get('set-cookie')).toBe(first.headers.get('set-cookie'));
      const session = /_10x_visitor=([^;]+)/.exec(first.headers.get('set-cookie')!)![1]!;
      const saved = JSON.stringify(mock.store.capture());
      expect(saved).toContain('gcm1:');
      expect(saved).not.toContain(session);
    } finally {
      await mock.close();
    }
  });
});
