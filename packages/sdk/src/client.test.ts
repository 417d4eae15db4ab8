import { routeDocs } from '@visitor-access/contract/openapi';
import { ERROR_STATUS, routes, type ErrorCode, type RouteId } from '@visitor-access/contract';
import { http, HttpResponse, delay } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { BASE, CALLS, visitor } from '../test/fixtures.js';
import * as sdk from './index.js';
import {
  ApiError,
  APIPromise,
  ConnectionError,
  createClient,
  InvalidRedirectUrlError,
  InvalidRequestError,
  PageNotFoundError,
  RateLimitError,
  ResponseValidationError,
  TimeoutError,
  VisitorAccessError,
  VisitorUnauthorizedError,
  type ClientOptions,
} from './index.js';
import { errorClassFor } from './errors.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  vi.useRealTimers();
});
afterAll(() => server.close());

interface Seen {
  method: string;
  url: string;
  headers: Headers;
  body: string;
}

/** Answers `path` with the given responses in turn (the last one repeats) and records every request. */
function answer(method: 'GET' | 'POST' | 'DELETE', path: string, ...responses: (() => Response | Promise<Response>)[]) {
  const seen: Seen[] = [];
  const verb = method === 'GET' ? http.get : method === 'POST' ? http.post : http.delete;
  server.use(
    verb(BASE + path, async ({ request }) => {
      seen.push({ method: request.method, url: request.url, headers: request.headers, body: await request.text() });
      const next = responses[Math.min(seen.length - 1, responses.length - 1)]!;
      return next();
    }),
  );
  return seen;
}

const json =
  (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  () =>
    body === null
      ? new HttpResponse(null, { status, headers: { 'x-request-id': 'req_ok', ...headers } })
      : HttpResponse.json(body as object, { status, headers: { 'x-request-id': 'req_ok', ...headers } });

const apiError =
  (code: string, status: number, headers: Record<string, string> = {}) =>
  () =>
    HttpResponse.json(
      { error: code, message: `Failed: ${code}`, requestId: `req_${code}` },
      { status, headers: { 'x-request-id': `req_${code}`, ...headers } },
    );

const client = (options: Partial<ClientOptions> = {}) =>
  createClient({ baseUrl: BASE, sessionChannel: false, retry: { backoffLimit: 0 }, ...options });

/** Answers `url` never (a timeout ends each attempt); the array counts the attempts that arrived. */
function neverAnswered(method: 'get' | 'post', url: string): number[] {
  const seen: number[] = [];
  server.use(
    http[method](url, async () => {
      seen.push(1);
      await delay('infinite');
      return HttpResponse.json({});
    }),
  );
  return seen;
}

describe('every method', () => {
  for (const [id, spec] of Object.entries(CALLS)) {
    it(`${id}: ${spec.method} ${spec.path} answers the documented shape`, async () => {
      const seen = answer(spec.method, spec.path, json(spec.body, spec.status));
      const c = client({ creatorToken: 'jwt_creator' });
      const promise = spec.call(c);
      expect(promise).toBeInstanceOf(APIPromise);
      const data = await promise;
      expect(data).toEqual(spec.body === null ? undefined : spec.body);
      expect(seen).toHaveLength(1);
      expect(seen[0]!.method).toBe(spec.method);
      if (spec.sentBody !== undefined) expect(JSON.parse(seen[0]!.body)).toEqual(spec.sentBody);
      const route = routes[id as RouteId];
      // The access check goes without a key (see the next test): a key would cost every page a CORS preflight.
      expect(seen[0]!.headers.has('idempotency-key')).toBe(route.idempotent && id !== 'checkAccess');
      expect(c.lastRequestId).toBe('req_ok');
    });

    const codes = [
      ...new Set<ErrorCode>([
        ...routeDocs[id as RouteId].errors,
        'rate_limited',
        'invalid_request',
        'visitor_unauthorized',
        'not_found',
      ]),
    ];
    it(`${id}: each error code becomes its class`, async () => {
      for (const code of codes) {
        server.resetHandlers();
        answer(spec.method, spec.path, apiError(code, ERROR_STATUS[code], { 'retry-after': '3600' }));
        const error = await Promise.resolve(spec.call(client({ creatorToken: 'jwt' }))).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(errorClassFor(code));
        expect(error).toBeInstanceOf(ApiError);
        expect(error).toMatchObject({ code, requestId: `req_${code}`, message: `Failed: ${code}` });
      }
    });
  }
});

describe('requests', () => {
  it('sends the configured headers, the creator token and credentials-friendly defaults', async () => {
    const seen = answer('POST', CALLS.refund.path, json(CALLS.refund.body));
    const c = client({ headers: { cookie: '_10x_visitor=abc' }, creatorToken: async () => 'jwt_1' });
    await c.pages.refund('gharart', 'masterclass', { visitorId: 'vis_abc123' }, { headers: { 'x-extra': '1' } });
    expect(seen[0]!.headers.get('cookie')).toBe('_10x_visitor=abc');
    expect(seen[0]!.headers.get('authorization')).toBe('Bearer jwt_1');
    expect(seen[0]!.headers.get('x-extra')).toBe('1');
    expect(seen[0]!.headers.get('content-type')).toContain('application/json');
  });

  it('uses a custom fetch', async () => {
    const urls: string[] = [];
    const c = client({
      fetch: async (input) => {
        urls.push(input instanceof Request ? input.url : String(input));
        return Response.json({ visitor }, { headers: { 'x-request-id': 'req_custom' } });
      },
    });
    await expect(c.auth.me()).resolves.toEqual({ visitor });
    expect(urls).toEqual([`${BASE}/v2/visitor/me`]);
    expect(c.lastRequestId).toBe('req_custom');
  });

  it('keeps a path prefix of baseUrl and encodes path parameters', async () => {
    const seen: string[] = [];
    const c = client({
      baseUrl: 'http://localhost:4010/api/',
      fetch: async (input) => {
        seen.push(input instanceof Request ? input.url : String(input));
        return Response.json(CALLS.getGroupBuy.body);
      },
    });
    await c.groupBuys.get('gharart', 'spring-bundle');
    expect(seen).toEqual(['http://localhost:4010/api/v2/public/group-buys/gharart/spring-bundle']);
  });

  it('withResponse() gives the data, the raw response and the request id', async () => {
    answer('GET', '/v2/visitor/me', json({ visitor }, 200, { 'x-request-id': 'req_me' }));
    const { data, response, requestId } = await client().auth.me().withResponse();
    expect(data).toEqual({ visitor });
    expect(response.status).toBe(200);
    expect(requestId).toBe('req_me');
  });

  it('rejects a bad createClient configuration clearly', () => {
    expect(() => createClient({ baseUrl: 'localhost:4010' })).toThrow(/baseUrl/);
  });
});

describe('client-side validation', () => {
  it('refuses an invalid body without sending it', async () => {
    const seen = answer('POST', CALLS.requestMagicLink.path, json(CALLS.requestMagicLink.body, 202));
    const error = await client()
      .auth.requestMagicLink({ email: 'not-an-email' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(error).toMatchObject({ status: 400, code: 'invalid_request', requestId: undefined, response: undefined });
    expect((error as InvalidRequestError).details).toEqual([{ path: 'email', message: 'Enter a valid email address' }]);
    expect(seen).toHaveLength(0);
  });

  it('explains which verify shape is wrong', async () => {
    const error = await client()
      .auth.verify({ email: 'buyer@example.com', code: '12' })
      .catch((e: unknown) => e);
    expect((error as InvalidRequestError).details).toEqual([
      { path: 'code', message: 'Enter the 6-digit code from the email' },
    ]);
  });

  it('refuses a bad path parameter or redirect URL', async () => {
    const c = client();
    await expect(c.pages.checkAccess('Not A Handle', 'x')).rejects.toMatchObject({
      details: [{ path: 'handle', message: 'Expected a handle' }],
    });
    await expect(
      c.pages.checkout('gharart', 'masterclass', { successUrl: 'javascript:alert(1)', cancelUrl: 'http://localhost/' }),
    ).rejects.toMatchObject({
      // The mock answers the same mistake with the same code, message and details.
      name: 'InvalidRedirectUrlError',
      status: 400,
      code: 'invalid_redirect_url',
      message: 'Invalid request: successUrl: Expected an absolute http(s) URL without credentials',
      details: [{ path: 'successUrl' }],
    });
  });

  it('landingUrl builds the absolute landing URL and refuses bad input', () => {
    const c = client();
    expect(c.edge.landingUrl('tok/1', { returnTo: 'http://localhost:5173/a?b=1' })).toBe(
      `${BASE}/_edge/visitor/access/t/tok%2F1?returnTo=http%3A%2F%2Flocalhost%3A5173%2Fa%3Fb%3D1`,
    );
    expect(c.edge.landingUrl('abc')).toBe(`${BASE}/_edge/visitor/access/t/abc`);
    expect(() => c.edge.landingUrl('')).toThrow(InvalidRequestError);
    expect(() => c.edge.landingUrl('abc', { returnTo: 'javascript:alert(1)' })).toThrow(InvalidRedirectUrlError);
  });
});

describe('error classes', () => {
  it('every exported error class names itself, as thrown and as printed', () => {
    const classes = Object.entries(sdk).filter(
      ([, value]) => typeof value === 'function' && value.prototype instanceof Error,
    ) as [string, new (init: never) => Error][];
    expect(classes.length).toBeGreaterThan(20);
    for (const [exported, Cls] of classes) {
      const error =
        Cls === ApiError || Cls.prototype instanceof ApiError
          ? new Cls({ status: 400, code: 'x', message: 'm' } as never)
          : Cls === sdk.ResponseValidationError
            ? new Cls({ issues: [] } as never)
            : new Cls('m' as never);
      expect(error.name, exported).toBe(exported);
      expect(String(error).startsWith(`${exported}:`), exported).toBe(true);
      expect(error).toBeInstanceOf(sdk.VisitorAccessError);
    }
  });
});

describe('error answers', () => {
  it('an HTML 502 becomes a plain ApiError with the header request id', async () => {
    answer(
      'GET',
      '/v2/visitor/me',
      () => new HttpResponse('<h1>Bad gateway</h1>', { status: 502, headers: { 'x-request-id': 'req_gw' } }),
    );
    const error = await client({ retry: 0 })
      .auth.me()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 502, code: 'unknown_error', requestId: 'req_gw' });
    expect(Object.getPrototypeOf(error)).toBe(ApiError.prototype);
  });

  it('an unknown code keeps its code on a plain ApiError', async () => {
    answer('GET', '/v2/visitor/me', apiError('teapot_overflow', 418));
    const error = await client()
      .auth.me()
      .catch((e: unknown) => e);
    expect(Object.getPrototypeOf(error)).toBe(ApiError.prototype);
    expect(error).toMatchObject({ status: 418, code: 'teapot_overflow', requestId: 'req_teapot_overflow' });
  });

  it('validation details from the server are kept', async () => {
    answer('POST', CALLS.supportReport.path, () =>
      HttpResponse.json(
        {
          error: 'invalid_request',
          message: 'Bad',
          requestId: 'req_v',
          details: [{ path: 'summary', message: 'Required' }],
        },
        { status: 400 },
      ),
    );
    const error = await CALLS.supportReport.call(client()).then(undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as InvalidRequestError).details).toEqual([{ path: 'summary', message: 'Required' }]);
    expect((error as InvalidRequestError).requestId).toBe('req_v');
  });

  it('lastRequestId follows errors too', async () => {
    answer('POST', CALLS.checkAccess.path, apiError('page_not_found', 404));
    const c = client();
    await expect(c.pages.checkAccess('gharart', 'masterclass')).rejects.toBeInstanceOf(PageNotFoundError);
    expect(c.lastRequestId).toBe('req_page_not_found');
  });
});

describe('retries', () => {
  it('retries a GET on 503 and on network failure, then succeeds', async () => {
    const seen = answer(
      'GET',
      '/v2/visitor/me',
      apiError('unavailable', 503),
      () => HttpResponse.error(),
      json({ visitor }),
    );
    await expect(client().auth.me()).resolves.toEqual({ visitor });
    expect(seen).toHaveLength(3);
  });

  it('gives up after the limit with the last error', async () => {
    const seen = answer('GET', '/v2/visitor/access', () => HttpResponse.error());
    const error = await client({ retry: { limit: 3, backoffLimit: 0 } })
      .access.list()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toBeInstanceOf(VisitorAccessError);
    expect((error as ConnectionError).cause).toBeDefined();
    expect(seen).toHaveLength(4);
  });

  it('sends a key with every write and retries each one with that same key', async () => {
    // verify, logout and withdrawing interest took no key before: a lost answer stranded them.
    const writes = (Object.keys(CALLS) as RouteId[]).filter(
      (id) => routes[id].method !== 'GET' && id !== 'checkAccess',
    );
    expect(writes).toEqual(expect.arrayContaining(['verify', 'logout', 'withdrawInterest']));
    for (const id of writes) {
      server.resetHandlers();
      const spec = CALLS[id as keyof typeof CALLS];
      const seen = answer(spec.method, spec.path, apiError('storage_unavailable', 503), json(spec.body, spec.status));
      await expect(Promise.resolve(spec.call(client({ creatorToken: 'jwt' }))), id).resolves.toEqual(
        spec.body === null ? undefined : spec.body,
      );
      expect(seen, id).toHaveLength(2);
      const keys = seen.map((s) => s.headers.get('idempotency-key'));
      expect(keys[0], id).toMatch(/^[0-9a-f-]{36}$/);
      expect(keys[1], id).toBe(keys[0]);
    }
  });

  it('sends the access check as a simple CORS request (no key, no JSON body) and still retries it', async () => {
    // It runs on every page load and repeating it changes nothing, so it needs no key; with one, a page on
    // another origin would wait for a preflight round trip before the gate could draw.
    const spec = CALLS.checkAccess;
    const seen = answer(spec.method, spec.path, apiError('storage_unavailable', 503), json(spec.body));
    await expect(spec.call(client())).resolves.toEqual(spec.body);
    expect(seen).toHaveLength(2);
    for (const request of seen) {
      expect(request.headers.has('idempotency-key')).toBe(false);
      expect(request.headers.has('content-type')).toBe(false);
      expect(request.body).toBe('');
    }
    // A caller who wants a key still gets it sent.
    server.resetHandlers();
    const keyed = answer(spec.method, spec.path, json(spec.body));
    await client().pages.checkAccess('gharart', 'masterclass', { idempotencyKey: 'my-key' });
    expect(keyed[0]!.headers.get('idempotency-key')).toBe('my-key');
  });

  it('does not retry 4xx answers other than 408/429', async () => {
    const seen = answer('GET', '/v2/visitor/me', apiError('visitor_unauthorized', 401));
    await expect(client().auth.me()).rejects.toBeInstanceOf(VisitorUnauthorizedError);
    expect(seen).toHaveLength(1);
  });

  it('retries an idempotent write with the same Idempotency-Key on every attempt', async () => {
    const seen = answer(
      'POST',
      CALLS.checkout.path,
      apiError('unavailable', 500),
      apiError('x', 502),
      json(CALLS.checkout.body),
    );
    await expect(CALLS.checkout.call(client())).resolves.toEqual(CALLS.checkout.body);
    expect(seen).toHaveLength(3);
    const keys = seen.map((s) => s.headers.get('idempotency-key'));
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(keys).size).toBe(1);
  });

  it('makes a new key per logical call and uses a caller-supplied key', async () => {
    const seen = answer('POST', CALLS.expressInterest.path, json(CALLS.expressInterest.body));
    const c = client();
    await c.groupBuys.expressInterest('gharart', 'spring-bundle');
    await c.groupBuys.expressInterest('gharart', 'spring-bundle');
    await c.groupBuys.expressInterest('gharart', 'spring-bundle', { idempotencyKey: 'my-key-1' });
    const keys = seen.map((s) => s.headers.get('idempotency-key'));
    expect(keys[0]).not.toBe(keys[1]);
    expect(keys[2]).toBe('my-key-1');
  });

  it('waits for Retry-After before retrying', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const seen = answer(
      'GET',
      '/v2/visitor/me',
      apiError('rate_limited', 429, { 'retry-after': '2' }),
      json({ visitor }),
    );
    const result = client({ timeout: false }).auth.me();
    await vi.advanceTimersByTimeAsync(1_900);
    expect(seen).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(200);
    await expect(result).resolves.toEqual({ visitor });
    expect(seen).toHaveLength(2);
  });

  it('fails at once with retryAfter when Retry-After is beyond the cap', async () => {
    const seen = answer('POST', CALLS.requestMagicLink.path, apiError('rate_limited', 429, { 'retry-after': '900' }));
    const error = await CALLS.requestMagicLink.call(client()).then(undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfter).toBe(900);
    expect(seen).toHaveLength(1);
  });
});

describe('retries: which failures, which calls', () => {
  it('retries a GET on 408 and on a 429 without Retry-After', async () => {
    const seen = answer(
      'GET',
      '/v2/visitor/me',
      apiError('request_timeout', 408),
      apiError('rate_limited', 429),
      json({ visitor }),
    );
    await expect(client().auth.me()).resolves.toEqual({ visitor });
    expect(seen).toHaveLength(3);
  });

  it('retries a write on a network failure and a 429 with the same Idempotency-Key', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const seen = answer(
      'POST',
      CALLS.refund.path,
      () => HttpResponse.error(),
      apiError('rate_limited', 429, { 'retry-after': '1' }),
      json(CALLS.refund.body),
    );
    const result = CALLS.refund.call(client({ creatorToken: 'jwt', timeout: false }));
    await vi.advanceTimersByTimeAsync(2_000);
    await expect(result).resolves.toEqual(CALLS.refund.body);
    expect(seen).toHaveLength(3);
    expect(new Set(seen.map((s) => s.headers.get('idempotency-key'))).size).toBe(1);
    expect(new Set(seen.map((s) => s.body)).size).toBe(1);
  });

  it('retries a verify whose answer was lost, with the same key (the server replays the first answer)', async () => {
    const seen = answer('POST', CALLS.verify.path, () => HttpResponse.error(), json(CALLS.verify.body));
    await expect(client().auth.verify({ token: 't' })).resolves.toEqual(CALLS.verify.body);
    expect(seen).toHaveLength(2);
    expect(seen[1]!.headers.get('idempotency-key')).toBe(seen[0]!.headers.get('idempotency-key'));
    expect(seen[1]!.body).toBe(seen[0]!.body);
  });

  it('does not retry a GET that timed out (it changed nothing)', async () => {
    const seen = neverAnswered('get', `${BASE}/v2/visitor/access`);
    await expect(client().access.list({ timeout: 5 })).rejects.toBeInstanceOf(TimeoutError);
    expect(seen).toHaveLength(1);
  });

  it('retries a keyed write that timed out, with the same key and body (decision 0140)', async () => {
    const seen: { key: string | null; body: string }[] = [];
    server.use(
      http.post(`${BASE}${CALLS.requestMagicLink.path}`, async ({ request }) => {
        seen.push({ key: request.headers.get('idempotency-key'), body: await request.text() });
        if (seen.length === 1) await delay('infinite');
        return HttpResponse.json(CALLS.requestMagicLink.body as object, { status: 202 });
      }),
    );
    await expect(CALLS.requestMagicLink.call(client({ timeout: 50 }))).resolves.toEqual(CALLS.requestMagicLink.body);
    expect(seen).toHaveLength(2);
    expect(seen[0]!.key).toMatch(/^[0-9a-f-]{36}$/);
    expect(seen[1]).toEqual(seen[0]);
  });

  it('does not retry an access check without a key that timed out (it changed nothing worth learning)', async () => {
    const seen = neverAnswered('post', `${BASE}${CALLS.checkAccess.path}`);
    await expect(CALLS.checkAccess.call(client({ timeout: 20 }))).rejects.toBeInstanceOf(TimeoutError);
    expect(seen).toHaveLength(1);
  });

  it('a keyed write that times out on every attempt fails with TimeoutError after the retry limit', async () => {
    const seen = neverAnswered('post', `${BASE}${CALLS.expressInterest.path}`);
    const error = await CALLS.expressInterest
      .call(client({ timeout: 20, retry: 1 }))
      .then(undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(seen).toHaveLength(2);
  });

  it("the error after the last retry carries that answer's request id and class", async () => {
    const seen = answer(
      'GET',
      '/v2/visitor/me',
      apiError('unavailable', 503),
      apiError('rate_limited', 429, { 'retry-after': '0' }),
    );
    const error = await client({ retry: 1 })
      .auth.me()
      .catch((e: unknown) => e);
    expect(seen).toHaveLength(2);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ status: 429, requestId: 'req_rate_limited', retryAfter: 0 });
  });
});

describe('abort and timeout', () => {
  it('an AbortSignal cancels the call', async () => {
    let arrived!: () => void;
    const arrivedP = new Promise<void>((r) => (arrived = r));
    server.use(
      http.get(`${BASE}/v2/visitor/me`, async () => {
        arrived();
        await delay('infinite');
        return HttpResponse.json({ visitor });
      }),
    );
    const controller = new AbortController();
    const call = client().auth.me({ signal: controller.signal });
    await arrivedP;
    controller.abort();
    await expect(call).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('an already aborted signal sends nothing', async () => {
    const seen = answer('GET', '/v2/visitor/me', json({ visitor }));
    await expect(client().auth.me({ signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen).toHaveLength(0);
  });

  it('aborting during the wait between retries stops the retries', async () => {
    const controller = new AbortController();
    const seen = answer('GET', '/v2/visitor/me', () => {
      queueMicrotask(() => controller.abort());
      return apiError('unavailable', 503)();
    });
    await expect(
      client({ retry: { limit: 5, backoffLimit: 60_000 } }).auth.me({ signal: controller.signal }),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen).toHaveLength(1);
  });

  it('a per-call timeout raises TimeoutError', async () => {
    server.use(
      http.get(`${BASE}/v2/visitor/me`, async () => {
        await delay('infinite');
        return HttpResponse.json({ visitor });
      }),
    );
    const error = await client({ timeout: 60_000 })
      .auth.me({ timeout: 5 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toBeInstanceOf(VisitorAccessError);
  });
});

describe('response validation', () => {
  it('reports the failing path of a wrong shape', async () => {
    const page = { handle: 'gharart', slug: 'masterclass', title: 'M', mode: 'PAID', price: '19.00' };
    const body = { hasAccess: false, reason: 'purchase_required', page };
    answer('POST', CALLS.checkAccess.path, json(body, 200, { 'x-request-id': 'req_bad' }));
    const error = await client()
      .pages.checkAccess('gharart', 'masterclass')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error).not.toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ path: 'page.price', requestId: 'req_bad' });
    expect((error as ResponseValidationError).issues[0]!.path).toBe('page.price');
  });

  it('reports a non-JSON success body', async () => {
    answer('GET', '/v2/visitor/me', () => new HttpResponse('<html>', { status: 200 }));
    await expect(client().auth.me()).rejects.toBeInstanceOf(ResponseValidationError);
  });

  it('can be turned off', async () => {
    const body = { visitor: { id: 'someone', email: 'x' } };
    answer('GET', '/v2/visitor/me', json(body));
    await expect(client({ validateResponses: false }).auth.me()).resolves.toEqual(body);
  });
});
