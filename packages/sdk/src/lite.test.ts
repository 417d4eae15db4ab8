import { build } from 'esbuild';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BASE, visitor } from '../test/fixtures.js';
import { createClient, InvalidRequestError, PageNotFoundError, VisitorUnauthorizedError } from './lite.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const client = () => createClient({ baseUrl: BASE, sessionChannel: false });
const requestId = { 'x-request-id': 'req_lite' };

describe('@visitor-access/sdk/lite', () => {
  it('sends what it is given and lets the server judge it: its 400 arrives typed, with details', async () => {
    const sent: unknown[] = [];
    server.use(
      http.post(`${BASE}/v2/visitor/auth/magic-link`, async ({ request }) => {
        sent.push(await request.json());
        return HttpResponse.json(
          {
            error: 'invalid_request',
            message: 'email: Enter a valid email address',
            requestId: 'req_lite',
            details: [{ path: 'email', message: 'Enter a valid email address' }],
          },
          { status: 400, headers: requestId },
        );
      }),
    );
    const error = await client()
      .auth.requestMagicLink({ email: 'not-an-email' })
      .catch((e: unknown) => e);
    expect(sent).toEqual([{ email: 'not-an-email' }]);
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(error).toMatchObject({ requestId: 'req_lite', details: [{ path: 'email' }] });
  });

  it('returns answers as sent, maps errors to their classes, and follows the session', async () => {
    server.use(
      http.get(`${BASE}/v2/visitor/me`, () => HttpResponse.json({ visitor, extra: 1 }, { headers: requestId })),
      http.post(`${BASE}/v2/public/pages/gharart/gone/access-check`, () =>
        HttpResponse.json(
          { error: 'page_not_found', message: 'No such page', requestId: 'req_404' },
          { status: 404, headers: { 'x-request-id': 'req_404' } },
        ),
      ),
      http.post(`${BASE}/v2/visitor/auth/logout`, () => new HttpResponse(null, { status: 204 })),
    );
    const c = client();
    const states: string[] = [];
    c.onSessionChange((e) => states.push(e.state));
    await expect(c.auth.me()).resolves.toEqual({ visitor, extra: 1 });
    await expect(c.pages.checkAccess('gharart', 'gone')).rejects.toBeInstanceOf(PageNotFoundError);
    await expect(c.auth.logout()).resolves.toBeUndefined();
    expect(states).toEqual(['unknown', 'signed_in', 'signed_out']);
  });

  it('an answer without a usable visitor does not sign the client in', async () => {
    server.use(http.get(`${BASE}/v2/visitor/me`, () => HttpResponse.json({ visitor: { id: 'vis_1' } })));
    const c = client();
    await c.auth.me();
    expect(c.session.state).toBe('unknown');
  });

  it('a 401 is typed and signs the client out', async () => {
    server.use(
      http.get(`${BASE}/v2/visitor/access`, () =>
        HttpResponse.json({ error: 'visitor_unauthorized', message: 'Sign in', requestId: 'req_401' }, { status: 401 }),
      ),
    );
    const c = client();
    await expect(c.access.list()).rejects.toBeInstanceOf(VisitorUnauthorizedError);
    expect(c.session.state).toBe('signed_out');
  });

  it('bundles for a browser without zod', async () => {
    const result = await build({
      stdin: {
        contents: `import { createClient } from './lite.ts'; export const c = createClient({ baseUrl: 'https://x.co' });`,
        resolveDir: fileURLToPath(new URL('.', import.meta.url)),
        loader: 'ts',
      },
      bundle: true,
      format: 'esm',
      platform: 'browser',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((f) => f.includes('/ky/'))).toBe(true);
    expect(inputs.filter((f) => f.includes('/zod/'))).toEqual([]);
  });
});
