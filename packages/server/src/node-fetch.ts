/**
 * A Node transport for the upstream call: a `fetch`-compatible function on `undici`'s `request`
 * (a keep-alive connection pool per origin), without the Fetch specification's machinery that
 * Node's global `fetch` runs on every call. Part of the Node adapter (`@visitor-access/server/node`);
 * the core only ever sees a `fetch`. Measured in docs/decisions/0108.
 */
import { EventEmitter } from 'node:events';
import { Agent, request as undiciRequest } from 'undici';
import { UPSTREAM_CALL, type UpstreamCall, type UpstreamHeaders } from './upstream.js';

/**
 * Options of {@link nodeFetch}.
 *
 * @example
 * ```ts
 * nodeFetch({ connections: 64, keepAliveTimeout: 4_000 });
 * ```
 */
export interface NodeFetchOptions {
  /** Most connections kept to each origin. Default 128. */
  connections?: number;
  /** How long an idle keep-alive connection stays open (ms), when the API does not say. Default 4 000. */
  keepAliveTimeout?: number;
}

/** Statuses whose answer has no body (a `Response` refuses one). */
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

/** The abort signal of the server's own call (undici takes an EventEmitter with `aborted`). */
class TimeoutSignal extends EventEmitter {
  aborted = false;
  abort(): void {
    this.aborted = true;
    this.emit('abort');
  }
}

/** The answer's headers as undici parsed them (lower-case names), read as the server reads a `Headers`. */
class RecordHeaders implements UpstreamHeaders {
  readonly #record: Record<string, string | string[] | undefined>;
  constructor(record: Record<string, string | string[] | undefined>) {
    this.#record = record;
  }
  get(name: string): string | null {
    const value = this.#record[name.toLowerCase()];
    return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
  }
  getSetCookie(): string[] {
    const value = this.#record['set-cookie'];
    return value === undefined ? [] : Array.isArray(value) ? value : [value];
  }
}

type FetchInput = Parameters<typeof fetch>[0];
type FetchInit = NonNullable<Parameters<typeof fetch>[1]>;

function bodyOf(body: FetchInit['body']): string | Uint8Array | null | false {
  if (body === undefined || body === null) return null;
  if (typeof body === 'string' || body instanceof Uint8Array) return body;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  // FormData, Blob, URLSearchParams, streams: left to the global fetch, which encodes them.
  return false;
}

/**
 * A `fetch` for the upstream call on Node, on `undici.request` with a keep-alive pool: pass it as the
 * `fetch` option. It handles what the server sends (a URL string, `redirect: 'manual'`, a string or
 * bytes body, a signal) and hands anything else to the global `fetch` unchanged. Redirects are never
 * followed, every `Set-Cookie` is kept, the body streams, and aborting the signal stops the call
 * (headers or body).
 *
 * @example
 * ```ts
 * import { createVisitorAccess } from '@visitor-access/server';
 * import { nodeFetch } from '@visitor-access/server/node';
 * const va = createVisitorAccess({ apiBase: 'https://api.10x.example', siteUrl: 'https://example.com', fetch: nodeFetch() });
 * ```
 */
export function nodeFetch(options: NodeFetchOptions = {}): typeof fetch {
  const dispatcher = new Agent({
    connections: options.connections ?? 128,
    keepAliveTimeout: options.keepAliveTimeout ?? 4_000,
  });
  const transport = async (input: FetchInput, init: FetchInit = {}): Promise<Response> => {
    const body = bodyOf(init.body);
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : undefined;
    // Only the server's own calls take the fast path; everything else keeps fetch's exact semantics.
    if (url === undefined || body === false || init.redirect !== 'manual' || !/^https?:/i.test(url)) {
      return globalThis.fetch(input, init);
    }
    const headers: string[] = [];
    if (init.headers !== undefined) {
      for (const [name, value] of new Headers(init.headers)) headers.push(name, value);
    }
    const method = (init.method ?? 'GET').toUpperCase();
    let answer;
    try {
      answer = await undiciRequest(url, {
        dispatcher,
        method: method as 'GET',
        headers,
        body,
        signal: init.signal ?? undefined,
      });
    } catch (error) {
      // As fetch: a network failure is a TypeError, an abort is the signal's reason.
      if (init.signal?.aborted) throw init.signal.reason;
      throw new TypeError('fetch failed', { cause: error });
    }
    const responseHeaders = new Headers();
    for (const [name, value] of Object.entries(answer.headers)) {
      if (Array.isArray(value)) for (const one of value) responseHeaders.append(name, one);
      else if (value !== undefined) responseHeaders.append(name, value);
    }
    const status = answer.statusCode;
    if (NULL_BODY.has(status) || method === 'HEAD') {
      await answer.body.dump().catch(() => {});
      return new Response(null, { status, headers: responseHeaders });
    }
    // A Node Readable is an async iterable: the Response streams it as it arrives.
    return new Response(answer.body as unknown as BodyInit, { status, headers: responseHeaders });
  };
  // The server's own call, without a Response on the way: the answer's bytes read whole (the server
  // reads them whole anyway), the timeout covering headers and body. An EventEmitter is the abort
  // signal (undici takes one): on Node 20 an AbortController costs more than the rest of the call's setup.
  const call: UpstreamCall = async (url, request) => {
    const abort = new TimeoutSignal();
    const timer = setTimeout(() => abort.abort(), request.timeoutMs);
    try {
      const answer = await undiciRequest(url, {
        dispatcher,
        method: request.method as 'GET',
        headers: request.headers,
        body: request.body ?? null,
        signal: abort,
      });
      const body = new Uint8Array(await answer.body.arrayBuffer());
      return { status: answer.statusCode, headers: new RecordHeaders(answer.headers), body };
    } catch {
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  };
  return Object.assign(transport, { [UPSTREAM_CALL]: call }) as typeof fetch;
}
