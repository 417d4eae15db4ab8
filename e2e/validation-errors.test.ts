// One formatter of validation errors (the contract's): the SDK refusing to send a mistake and the mock
// answering it say the same thing, with the same code and the same failing fields.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient as createFull } from '@visitor-access/sdk';
import { createClient as createLite, type ApiError } from '@visitor-access/sdk/lite';
import { startServer, type RunningServer } from '@visitor-access/mock/server';

let mock: RunningServer;
beforeAll(async () => {
  mock = await startServer({ port: 0, host: '127.0.0.1', log: false });
});
afterAll(() => mock.close());

describe('the same mistake reads the same in the SDK and the mock', () => {
  it.each([
    ['a bad email', (c: ReturnType<typeof createFull>) => c.auth.requestMagicLink({ email: 'nope' })],
    ['a short code', (c: ReturnType<typeof createFull>) => c.auth.verify({ email: 'a@example.com', code: '12' })],
    [
      'a javascript: redirect',
      (c: ReturnType<typeof createFull>) =>
        c.auth.requestMagicLink({ email: 'a@example.com', returnTo: 'javascript:alert(1)' }),
    ],
    ['a missing summary', (c: ReturnType<typeof createFull>) => c.support.report({ summary: '', details: 'd' })],
  ])('%s', async (_name, call) => {
    // The full SDK refuses before sending; the lite SDK (no zod) sends it and gets the mock's answer.
    const local = (await call(createFull({ baseUrl: mock.url, sessionChannel: false })).catch(
      (e: unknown) => e,
    )) as ApiError;
    const remote = (await call(createLite({ baseUrl: mock.url, sessionChannel: false }) as never).catch(
      (e: unknown) => e,
    )) as ApiError;
    expect(local.requestId).toBeUndefined();
    expect(remote.requestId).toMatch(/^req_/);
    expect({ name: local.name, code: local.code, message: local.message, details: local.details }).toEqual({
      name: remote.name,
      code: remote.code,
      message: remote.message,
      details: remote.details,
    });
  });
});
