import ky, { HTTPError, TimeoutError as KyTimeoutError, type KyInstance, type Options as KyOptions } from 'ky';
import type { ResponseSchema, RouteId } from '@visitor-access/contract';
import { buildPath, routeMeta } from '@visitor-access/contract/route-meta';
import { APIPromise, type WithResponse } from './api-promise.js';
import {
  ApiError,
  ConnectionError,
  ResponseValidationError,
  TimeoutError,
  errorFromResponse,
  parseRetryAfter,
  type ValidationIssue,
} from './errors.js';
import type { ClientOptions, RequestOptions } from './options.js';
import { SessionStore } from './session.js';

/** One logical call, as a resource method describes it. */
export interface CallSpec {
  params?: Record<string, string>;
  body?: unknown;
  options?: RequestOptions | undefined;
}

/**
 * What the validating entry adds to a client: the contract's schemas checking requests before they
 * are sent and answers when they arrive (`validator.ts`). `@visitor-access/sdk/lite` has none, so
 * neither zod nor the validation formatter is in its bundle. Internal.
 */
export interface Validator {
  /** The body to send (the schema's normalised value); throws `InvalidRequestError` for a bad call. */
  request(id: RouteId, spec: CallSpec): unknown;
  /** Throws `InvalidRequestError` when the parts of a URL that is built but not sent fail. */
  urlParts(id: RouteId, parts: { params?: Record<string, string>; query?: Record<string, unknown> }): void;
  /** The route's answers by status. */
  responses(id: RouteId): Record<number, ResponseSchema>;
  /** The issues of an answer that does not fit its schema, or `undefined`. */
  check(schema: ResponseSchema, json: unknown): ValidationIssue[] | undefined;
}

function uuid(): string {
  const c = globalThis.crypto;
  if (typeof c?.randomUUID === 'function') return c.randomUUID();
  // randomUUID needs a secure context; getRandomValues does not.
  const b = c.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const RETRY_STATUS = [408, 429, 500, 502, 503, 504];
const DEFAULT_MAX_RETRY_AFTER_MS = 10_000;
const DEFAULT_BACKOFF_LIMIT_MS = 8_000;
const jitter = (delay: number) => delay * (0.5 + Math.random() / 2);

/** The request machinery shared by every resource of one client. Internal. */
/**
 * Writes sent without an `Idempotency-Key` unless the caller passes one, and retried all the same. The
 * access check runs on every page load and its only effect (recording a free-login visit) is the same
 * however often it runs, so a repeat needs no key. A key would make it a non-simple CORS request: every
 * cross-origin page would wait for a preflight round trip before the gate could draw anything.
 */
const REPEATABLE_WITHOUT_KEY: ReadonlySet<string> = new Set<RouteId>(['checkAccess']);

export class Core {
  readonly session: SessionStore;
  lastRequestId: string | undefined;
  readonly #options: ClientOptions;
  readonly #validator: Validator | undefined;
  readonly #base: string;
  /** Retries GETs only: every call without an `Idempotency-Key`. */
  readonly #ky: KyInstance;
  /** Also retries POST and DELETE: calls that carry an `Idempotency-Key`. */
  readonly #kyIdempotent: KyInstance;

  constructor(options: ClientOptions, validator?: Validator) {
    if (!options || typeof options.baseUrl !== 'string' || !/^https?:\/\//i.test(options.baseUrl)) {
      throw new TypeError('createClient: `baseUrl` must be an absolute http(s) URL, e.g. "http://localhost:4010"');
    }
    this.#options = options;
    this.#validator = validator;
    this.#base = options.baseUrl.replace(/\/+$/, '');
    const retry = typeof options.retry === 'number' ? { limit: options.retry } : (options.retry ?? {});
    const maxRetryAfter = retry.maxRetryAfter ?? DEFAULT_MAX_RETRY_AFTER_MS;
    // Everything that does not change from call to call is set once here, so that a call hands ky
    // only its method, headers and body (ky merges and normalises every option it is given, per call).
    const retryOptions: NonNullable<Exclude<KyOptions['retry'], number>> = {
      limit: Math.max(0, retry.limit ?? 2),
      methods: ['get'],
      statusCodes: RETRY_STATUS,
      afterStatusCodes: [429, 503],
      backoffLimit: retry.backoffLimit ?? DEFAULT_BACKOFF_LIMIT_MS,
      jitter,
      // A timed-out attempt is retried when it carries an Idempotency-Key, and only then: the server may
      // have done the write all the same (the answer was late, not lost), and the repeat with the same
      // key gets that first answer back instead of doing it twice (decision 0140). A call without a key
      // (a GET, the access check) changed nothing worth learning: it fails at once with TimeoutError, so
      // the person is not kept waiting three timeouts long for the "Try again" it leads to.
      retryOnTimeout: true,
      // Called only when the attempt count and the method allow another attempt.
      shouldRetry: ({ error }) => {
        // A cancelled call is not retried (ky's wait would throw the abort reason anyway).
        if (error.name === 'AbortError') return false;
        if (error instanceof KyTimeoutError && !error.request.headers.has('idempotency-key')) return false;
        if (error instanceof HTTPError) {
          const response = error.response;
          const after = parseRetryAfter(response.headers.get('retry-after'));
          // A long Retry-After (a 15-minute throttle) is for the person, not for a silent wait.
          if (after !== undefined && after * 1000 > maxRetryAfter) return false;
          // ky retries exactly these statuses: the failed answer will never be read, so release it.
          if (RETRY_STATUS.includes(response.status)) void response.body?.cancel().catch(() => undefined);
        }
        return undefined;
      },
    };
    const kyOptions: KyOptions = {
      credentials: options.credentials ?? 'include',
      timeout: options.timeout ?? 10_000,
      retry: retryOptions,
    };
    if (options.headers) kyOptions.headers = options.headers;
    // Look the global fetch up per call (ky does) so that interceptors installed later still apply.
    if (options.fetch) kyOptions.fetch = options.fetch;
    this.#ky = ky.create(kyOptions);
    // Writes are retried only when the server can recognise a repeat by its Idempotency-Key.
    this.#kyIdempotent = ky.create({ ...kyOptions, retry: { ...retryOptions, methods: ['get', 'post', 'delete'] } });
    this.session = new SessionStore(options.sessionChannel ?? 'visitor-access:session');
  }

  /** Absolute URL of a route, without sending anything. */
  url(id: RouteId, params?: Record<string, string>, query?: Record<string, string | undefined>): string {
    const url = this.#base + buildPath(routeMeta[id].path, params);
    if (!query) return url;
    const search = new URLSearchParams();
    for (const k in query) if (query[k] !== undefined) search.set(k, query[k]);
    const qs = search.toString();
    return qs ? `${url}?${qs}` : url;
  }

  /**
   * Checks a route's path parameters and query against the contract, for a URL that is built but
   * not sent (the landing link). Without schemas (the lite entry) it checks nothing.
   */
  checkUrlParts(id: RouteId, parts: { params?: Record<string, string>; query?: Record<string, unknown> }): void {
    this.#validator?.urlParts(id, parts);
  }

  call<T>(id: RouteId, spec: CallSpec = {}): APIPromise<T> {
    return new APIPromise<T>(this.#run<T>(id, spec));
  }

  async #run<T>(id: RouteId, spec: CallSpec): Promise<WithResponse<T>> {
    const route = routeMeta[id];
    const validator = this.#validator;
    const options = spec.options ?? {};

    // Refuse to send what the contract says the server would reject (without schemas the server says it).
    const body = validator ? validator.request(id, spec) : spec.body;

    const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
    // Every write carries a key (the contract says so), made once per logical call, before the retry
    // loop, so every attempt carries the same key and the server answers a repeat with the first answer.
    const idempotencyKey =
      options.idempotencyKey ?? (route.idempotent && !REPEATABLE_WITHOUT_KEY.has(id) ? uuid() : undefined);
    if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
    if (route.auth === 'creator' && this.#options.creatorToken !== undefined) {
      const t = this.#options.creatorToken;
      const token = typeof t === 'function' ? await t() : t;
      if (token) headers.authorization = `Bearer ${token}`;
    }

    const signal = options.signal;
    const kyOptions: KyOptions = { method: route.method, headers };
    if (options.timeout !== undefined) kyOptions.timeout = options.timeout;
    if (signal) kyOptions.signal = signal;
    if (body !== undefined) kyOptions.json = body;

    let response: Response;
    try {
      const retriesWrites = idempotencyKey !== undefined || REPEATABLE_WITHOUT_KEY.has(id);
      response = await (retriesWrites ? this.#kyIdempotent : this.#ky)(this.url(id, spec.params), kyOptions);
    } catch (error) {
      throw await this.#failure(error, signal);
    }

    const requestId = response.headers.get('x-request-id') ?? undefined;
    this.lastRequestId = requestId;
    const responses = validator?.responses(id);
    const data = (await this.#parse(responses, response, requestId)) as T;
    this.#learn(id, data);
    return { data, response, requestId };
  }

  async #failure(error: unknown, signal: AbortSignal | undefined): Promise<unknown> {
    if (error instanceof HTTPError) {
      const response = error.response;
      this.lastRequestId = response.headers.get('x-request-id') ?? undefined;
      let body: unknown;
      try {
        const text = await response.text();
        body = text ? JSON.parse(text) : undefined;
      } catch {
        body = undefined;
      }
      const apiError = errorFromResponse(response, body);
      if (apiError.requestId) this.lastRequestId = apiError.requestId;
      if (apiError.code === 'visitor_unauthorized') this.session.set({ state: 'signed_out' });
      return apiError;
    }
    if (signal?.aborted) return signal.reason ?? error;
    if (error instanceof KyTimeoutError) return new TimeoutError(undefined, { cause: error });
    if (error instanceof ApiError) return error;
    return new ConnectionError(undefined, { cause: error });
  }

  async #parse(
    responses: Record<number, ResponseSchema> | undefined,
    response: Response,
    requestId: string | undefined,
  ): Promise<unknown> {
    const schema = !responses
      ? undefined
      : response.status in responses
        ? responses[response.status]
        : Object.values(responses).find((s) => s !== null && s !== 'html');
    const text = await response.text();
    // Without schemas an empty answer (204) is `undefined` and anything else must be JSON.
    if (schema === null || schema === 'html' || (responses && schema === undefined) || (!responses && !text)) {
      return schema === 'html' ? text : undefined;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new ResponseValidationError({
        issues: [{ path: '', message: 'Expected a JSON body' }],
        requestId,
        response,
      });
    }
    if (schema && this.#options.validateResponses !== false) {
      const issues = this.#validator?.check(schema, json);
      if (issues) throw new ResponseValidationError({ issues, requestId, response });
    }
    // The raw body, not the parsed copy: fields a newer server adds stay visible.
    return json;
  }

  #learn(id: RouteId, data: unknown): void {
    if (id === 'logout') {
      this.session.set({ state: 'signed_out' });
    } else if (id === 'verify' || id === 'me') {
      // Checked here too: the lite entry does not validate answers, and listeners render the email.
      const visitor = (data as { visitor?: { id?: unknown; email?: unknown } } | undefined)?.visitor;
      if (visitor && typeof visitor.id === 'string' && typeof visitor.email === 'string') {
        this.session.set({ state: 'signed_in', visitor: visitor as never });
      }
    }
  }
}
