// `--trust-proxy`: a proxy the mock was told to trust (a creator's server in front of it) names the visitor
// in X-Forwarded-For, so per-IP limits see visitors, not the proxy. From any other client, loopback
// included, the header is ignored.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createStore } from './index.js';
import { nodeCrypto } from './node-crypto.js';
import type { RunningServer } from './server.js';
import { clientAddress, trustedProxies } from './trust-proxy.js';
import { startMock } from '../test/helpers.js';

describe('clientAddress', () => {
  const trusted = trustedProxies(['127.0.0.1', '::1', '10.0.0.2']);

  it('is the socket address unless the socket is a trusted proxy', () => {
    expect(clientAddress('203.0.113.9', '198.51.100.1', trusted)).toBe('203.0.113.9');
    expect(clientAddress('127.0.0.5', '198.51.100.1', trusted)).toBe('127.0.0.5');
    expect(clientAddress('127.0.0.1', '198.51.100.1', trustedProxies([]))).toBe('127.0.0.1');
    expect(clientAddress(undefined, '198.51.100.1', trusted)).toBeUndefined();
  });

  it('from a trusted proxy: the nearest untrusted address, read from the right', () => {
    expect(clientAddress('127.0.0.1', '198.51.100.1', trusted)).toBe('198.51.100.1');
    // A client's own X-Forwarded-For is to the left of what the proxy appended: never taken.
    expect(clientAddress('127.0.0.1', '127.0.0.1, 198.51.100.1', trusted)).toBe('198.51.100.1');
    expect(clientAddress('::ffff:127.0.0.1', '192.0.2.1,198.51.100.1 , 10.0.0.2', trusted)).toBe('198.51.100.1');
    expect(clientAddress('::1', ['192.0.2.1', '2001:DB8::1'], trusted)).toBe('2001:db8::1');
    expect(clientAddress('127.0.0.1', '::ffff:198.51.100.1', trusted)).toBe('198.51.100.1');
    // No header: the proxy's own request.
    expect(clientAddress('127.0.0.1', undefined, trusted)).toBe('127.0.0.1');
    // Only trusted proxies in the chain: the leftmost.
    expect(clientAddress('127.0.0.1', '10.0.0.2', trusted)).toBe('10.0.0.2');
  });

  it('a malformed hop makes the client unknown, never the proxy', () => {
    expect(clientAddress('127.0.0.1', 'unknown', trusted)).toBe('unknown');
    expect(clientAddress('127.0.0.1', '198.51.100.1, not-an-ip', trusted)).toBe('unknown');
    expect(clientAddress('127.0.0.1', '', trusted)).toBe('unknown');
    expect(clientAddress('127.0.0.1', '198.51.100.1:4000', trusted)).toBe('unknown');
  });

  it('takes IP addresses only', () => {
    expect(() => trustedProxies(['localhost'])).toThrow('--trust-proxy must be an IP address');
    expect(() => trustedProxies(['10.0.0.0/8'])).toThrow('not "10.0.0.0/8"');
  });
});

describe('the standalone server', () => {
  let mock: RunningServer | undefined;
  afterEach(async () => {
    await mock?.close();
    mock = undefined;
  });

  const magicLink = (m: RunningServer, email: string, forwardedFor?: string) =>
    fetch(`${m.url}/v2/visitor/auth/magic-link`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(forwardedFor !== undefined ? { 'x-forwarded-for': forwardedFor } : {}),
      },
      body: JSON.stringify({ email }),
    }).then((r) => r.status);
  const store = () => createStore({ ...nodeCrypto, authRequestsPerIp: 2 });

  it('ignores X-Forwarded-For when no proxy is trusted, even from loopback', async () => {
    mock = await startMock({ store: store() });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push(await magicLink(mock, `a${i}@example.com`, '203.0.113.7'));
    expect(statuses).toEqual([202, 202, 202, 202]);
    expect(
      (await fetch(`${mock.url}/_mock/api/messages`, { headers: { 'x-forwarded-for': '203.0.113.7' } })).status,
    ).toBe(200);
  });

  it('limits each forwarded visitor by their own address behind a trusted proxy', async () => {
    mock = await startMock({ store: store(), trustProxy: ['127.0.0.1', '::1'] });
    const first = [];
    for (let i = 0; i < 3; i++) first.push(await magicLink(mock, `b${i}@example.com`, '203.0.113.7'));
    expect(first).toEqual([202, 202, 429]);
    // Another visitor through the same proxy is not held back by the first one's requests…
    expect(await magicLink(mock, 'c@example.com', '203.0.113.8')).toBe(202);
    // …and a visitor cannot reset their count by sending their own X-Forwarded-For through the proxy.
    expect(await magicLink(mock, 'd@example.com', '198.51.100.1, 203.0.113.7')).toBe(429);
    // The proxy's own requests (no header) stay this machine's.
    expect(await magicLink(mock, 'e@example.com')).toBe(202);
  });

  it('the development API answers a trusted proxy only for its own requests, not for the visitors it forwards', async () => {
    mock = await startMock({ trustProxy: ['127.0.0.1', '::1'] });
    const messages = (forwardedFor?: string) =>
      fetch(`${mock!.url}/_mock/api/messages`, {
        headers: forwardedFor !== undefined ? { 'x-forwarded-for': forwardedFor } : {},
      }).then((r) => r.status);
    expect(await messages()).toBe(200);
    expect(await messages('203.0.113.7')).toBe(403);
    expect(await messages('garbage')).toBe(403);
  });

  it('refuses a --trust-proxy that is not an IP address', async () => {
    await expect(startMock({ trustProxy: ['proxy.internal'] })).rejects.toThrow(
      '--trust-proxy must be an IP address such as 127.0.0.1 or ::1, not "proxy.internal".',
    );
    const [code, err] = await new Promise<[number | null, string]>((resolve) => {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', join(import.meta.dirname, 'cli.ts'), '--trust-proxy', 'proxy.internal'],
        { stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let text = '';
      child.stderr.on('data', (d: Buffer) => (text += d.toString()));
      child.once('exit', (c) => resolve([c, text]));
    });
    expect(code).toBe(2);
    expect(err).toContain('--trust-proxy must be an IP address');
  });
});
