// Wire-level HTTP for the checks: raw status, headers and Set-Cookie lines, one tiny cookie jar per
// simulated visitor, a bounded time per request so that a hung server fails a check instead of the run, a
// bounded size per answer (read as a stream, never whole), and the run's deadline, which abandons what is on
// its way when it passes.
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { SESSION_COOKIE } from '@visitor-access/contract';

/** The `fetch` the kit sends requests with (the global one by default). */
export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** One answer as the wire delivered it. */
export interface Answer {
  method: string;
  /** The URL asked for. */
  url: string;
  status: number;
  headers: Headers;
  /** The body as text ('' when there was none). */
  text: string;
  /**
   * The body parsed as JSON, or `undefined` when it is not JSON. Untyped on purpose: it is what a server under
   * test sent, and the checks read it defensively (or through the contract's schemas) and report mismatches.
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  /** The `x-request-id` header, or null. */
  requestId: string | null;
  /** Every `Set-Cookie` line. */
  setCookies: string[];
}

/**
 * A request could not be completed (refused, reset, timed out); it fails the check it happened in.
 *
 * @example
 * ```ts
 * await http.send('GET', '/v2/visitor/me').catch((e) => e instanceof ConnectionFailure && console.error(e.message));
 * ```
 */
export class ConnectionFailure extends Error {
  override name = 'ConnectionFailure';
}

/**
 * An answer was larger than the kit's cap on one answer (`maxBodyBytes`, `--max-body`): the kit stopped
 * reading it (by its `Content-Length`, or as the bytes arrived) and fails the check it happened in.
 *
 * @example
 * ```ts
 * await http.send('GET', '/v2/visitor/me').catch((e) => e instanceof AnswerTooLarge && console.error(e.message));
 * ```
 */
export class AnswerTooLarge extends ConnectionFailure {
  override name = 'AnswerTooLarge';
}

/**
 * The run's deadline (`deadlineMs`, `--deadline`) passed while a request was on its way: the request was
 * abandoned, and the run reports the checks it did not finish.
 *
 * @example
 * ```ts
 * if (error instanceof DeadlineReached) console.error('the run ran out of time');
 * ```
 */
export class DeadlineReached extends ConnectionFailure {
  override name = 'DeadlineReached';
}

/** The default cap on one answer's body: 1 MiB, far above any documented answer. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/**
 * A byte count for people: `1 MiB`, `64 KiB`, `300 bytes`.
 *
 * @example
 * ```ts
 * formatBytes(1048576); // '1 MiB'
 * ```
 */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}

/**
 * A duration for people: `250 ms`, `10 s`, `5 min`, `1.5 min`.
 *
 * @example
 * ```ts
 * formatMs(300_000); // '5 min'
 * ```
 */
export function formatMs(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  if (ms < 120_000) return `${Math.round(ms / 100) / 10} s`;
  return `${Math.round(ms / 6_000) / 10} min`;
}

/** The body of a fetch answer as text, reading at most `cap` bytes (else {@link AnswerTooLarge}). */
async function readCapped(response: Response, cap: number, what: string): Promise<string> {
  const tooLarge = (detail: string) =>
    new AnswerTooLarge(
      `${what}: the answer is larger than the kit's cap of ${formatBytes(cap)} per answer (${detail}); it stopped reading. Raise it with --max-body (maxBodyBytes) if the server is right to send that much.`,
    );
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > cap) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge(`Content-Length ${declared}`);
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > cap) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(`more than ${total} bytes arrived`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total).toString('utf8');
}

/**
 * A visitor's cookies, for one server. Hand-written rather than a full RFC 6265 jar (tough-cookie): the kit
 * talks to one origin, needs only the session cookie's value, must inspect raw attributes itself, and must be
 * able to replay a cookie the server deleted (the logout check) — which a correct jar refuses to do.
 *
 * @example
 * ```ts
 * const jar = new CookieJar();
 * jar.store(answer.setCookies);
 * jar.session; // the _10x_visitor value, if set
 * ```
 */
export class CookieJar {
  private readonly values = new Map<string, string>();

  /** The `Cookie` header to send, or undefined when empty. */
  header(): string | undefined {
    if (this.values.size === 0) return undefined;
    return [...this.values].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  get(name: string): string | undefined {
    return this.values.get(name);
  }

  set(name: string, value: string): void {
    this.values.set(name, value);
  }

  clear(): void {
    this.values.clear();
  }

  /** Takes in `Set-Cookie` lines: a cookie with `Max-Age<=0` or a past `Expires` is removed. */
  store(lines: string[]): void {
    for (const line of lines) {
      const cookie = parseSetCookie(line);
      if (!cookie) continue;
      const maxAge = cookie.attributes.get('max-age');
      const expires = cookie.attributes.get('expires');
      const gone =
        (maxAge !== undefined && Number(maxAge) <= 0) ||
        (maxAge === undefined && expires !== undefined && Date.parse(expires) <= Date.now()) ||
        cookie.value === '';
      if (gone) this.values.delete(cookie.name);
      else this.values.set(cookie.name, cookie.value);
    }
  }

  /** The session cookie's value. */
  get session(): string | undefined {
    return this.values.get(SESSION_COOKIE);
  }
}

/** A `Set-Cookie` line taken apart: attribute names lower-cased, flags with the value ''. */
export interface SetCookie {
  name: string;
  value: string;
  attributes: Map<string, string>;
  raw: string;
}

/**
 * Parses one `Set-Cookie` line (undefined when it has no `name=`).
 *
 * @example
 * ```ts
 * parseSetCookie('_10x_visitor=v; HttpOnly; Path=/')?.attributes.has('httponly'); // true
 * ```
 */
export function parseSetCookie(line: string): SetCookie | undefined {
  const [pair = '', ...rest] = line.split(';');
  const eq = pair.indexOf('=');
  if (eq <= 0) return undefined;
  const attributes = new Map<string, string>();
  for (const part of rest) {
    const i = part.indexOf('=');
    const key = (i < 0 ? part : part.slice(0, i)).trim().toLowerCase();
    if (key) attributes.set(key, i < 0 ? '' : part.slice(i + 1).trim());
  }
  return { name: pair.slice(0, eq).trim(), value: pair.slice(eq + 1).trim(), attributes, raw: line };
}

/** What to send. */
export interface SendOptions {
  /** A JSON body (sent with `Content-Type: application/json`). */
  json?: unknown;
  /** A raw body, with `contentType`. */
  body?: string;
  contentType?: string;
  headers?: Record<string, string>;
  /** Cookies to send and to update from the answer. */
  jar?: CookieJar;
  idempotencyKey?: string;
}

/**
 * The kit's HTTP client for one base URL: raw answers, a bounded wait, cookies through a {@link CookieJar}.
 *
 * @example
 * ```ts
 * const http = new Http('http://localhost:4010', fetch, 10_000);
 * const answer = await http.send('POST', '/v2/visitor/auth/magic-link', { json: { email } });
 * ```
 */
export class Http {
  /**
   * Aborted when the run's deadline passes: every request on its way is abandoned, and every later one
   * fails at once with {@link DeadlineReached}. Unset while a check's changes are undone.
   */
  deadline: AbortSignal | undefined;

  constructor(
    readonly baseUrl: string,
    private readonly fetchImpl: FetchLike,
    private readonly timeoutMs: number,
    /** The largest answer body the kit reads, in bytes (default {@link DEFAULT_MAX_BODY_BYTES}). */
    readonly maxBodyBytes: number = DEFAULT_MAX_BODY_BYTES,
  ) {}

  #signal(): AbortSignal {
    const timeout = AbortSignal.timeout(this.timeoutMs);
    return this.deadline ? AbortSignal.any([timeout, this.deadline]) : timeout;
  }

  #deadlineFailure(method: string, url: string): DeadlineReached | undefined {
    if (!this.deadline?.aborted) return undefined;
    return new DeadlineReached(`${method} ${url} was abandoned: ${String(this.deadline.reason)}`);
  }

  /** The absolute URL of a path (absolute URLs pass through). */
  url(path: string): string {
    return /^https?:\/\//i.test(path) ? path : this.baseUrl + path;
  }

  async send(method: string, path: string, options: SendOptions = {}): Promise<Answer> {
    const url = this.url(path);
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
    let body: string | undefined;
    if (options.json !== undefined) {
      body = JSON.stringify(options.json);
      headers['content-type'] ??= 'application/json';
    } else if (options.body !== undefined) {
      body = options.body;
      if (options.contentType) headers['content-type'] = options.contentType;
    }
    const cookie = options.jar?.header();
    if (cookie && headers.cookie === undefined) headers.cookie = cookie;
    if (options.idempotencyKey !== undefined) headers['idempotency-key'] = options.idempotencyKey;
    const late = this.#deadlineFailure(method, url);
    if (late) throw late;
    let response: Response;
    let text: string;
    try {
      response = await this.fetchImpl(url, {
        method,
        headers,
        ...(body !== undefined ? { body } : {}),
        redirect: 'manual',
        signal: this.#signal(),
      });
      text = await readCapped(response, this.maxBodyBytes, `${method} ${url}`);
    } catch (error) {
      if (error instanceof AnswerTooLarge) throw error;
      throw (
        this.#deadlineFailure(method, url) ??
        new ConnectionFailure(`${method} ${url} failed: ${describeNetworkError(error, this.timeoutMs)}`)
      );
    }
    const setCookies = response.headers.getSetCookie();
    options.jar?.store(setCookies);
    return toAnswer(method, url, response.status, response.headers, text, setCookies);
  }

  /**
   * Sends a request with headers `fetch` refuses to set (`Host`), over node:http(s) directly. Used by the
   * check that a forged `Host` header changes no link the server builds.
   */
  sendRaw(
    method: string,
    path: string,
    options: { json?: unknown; headers: Record<string, string>; jar?: CookieJar },
  ): Promise<Answer> {
    const url = new URL(this.url(path));
    const body = options.json === undefined ? undefined : JSON.stringify(options.json);
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
    if (body !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = String(Buffer.byteLength(body));
    }
    const cookie = options.jar?.header();
    if (cookie) headers.cookie = cookie;
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const late = this.#deadlineFailure(method, url.href);
    if (late) return Promise.reject(late);
    const cap = this.maxBodyBytes;
    return new Promise((resolve, reject) => {
      const req = send(url, { method, headers, timeout: this.timeoutMs, signal: this.#signal() }, (res) => {
        const chunks: Buffer[] = [];
        let total = 0;
        const tooLarge = (detail: string) => {
          req.destroy();
          reject(
            new AnswerTooLarge(
              `${method} ${url.href}: the answer is larger than the kit's cap of ${formatBytes(cap)} per answer (${detail}); it stopped reading. Raise it with --max-body (maxBodyBytes) if the server is right to send that much.`,
            ),
          );
        };
        const declared = Number(res.headers['content-length'] ?? NaN);
        if (Number.isFinite(declared) && declared > cap) return tooLarge(`Content-Length ${declared}`);
        res.on('data', (chunk: Buffer) => {
          total += chunk.byteLength;
          if (total > cap) tooLarge(`more than ${total} bytes arrived`);
          else chunks.push(chunk);
        });
        res.on('error', (error) =>
          reject(
            this.#deadlineFailure(method, url.href) ??
              new ConnectionFailure(`${method} ${url.href} failed: ${error.message}`),
          ),
        );
        res.on('end', () => {
          const h = toHeaders(res.headers);
          const setCookies = h.getSetCookie();
          options.jar?.store(setCookies);
          resolve(
            toAnswer(method, url.href, res.statusCode ?? 0, h, Buffer.concat(chunks).toString('utf8'), setCookies),
          );
        });
      });
      req.on('timeout', () => req.destroy(new Error(`no answer within ${this.timeoutMs} ms`)));
      req.on('error', (error) =>
        reject(
          this.#deadlineFailure(method, url.href) ??
            new ConnectionFailure(`${method} ${url.href} failed: ${describeNetworkError(error, this.timeoutMs)}`),
        ),
      );
      req.end(body);
    });
  }
}

function toHeaders(incoming: IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  return headers;
}

function toAnswer(
  method: string,
  url: string,
  status: number,
  headers: Headers,
  text: string,
  setCookies: string[],
): Answer {
  let body: unknown = undefined;
  if (text !== '' && /json/i.test(headers.get('content-type') ?? '')) {
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
  }
  return { method, url, status, headers, text, body, requestId: headers.get('x-request-id'), setCookies };
}

/** A short reason for a failed request: the system error code where there is one, never a stack. */
export function describeNetworkError(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `no answer within ${timeoutMs} ms`;
  }
  const cause = error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  const code = cause?.code ?? (error as { code?: string } | undefined)?.code;
  const message = cause?.message ?? (error instanceof Error ? error.message : String(error));
  return code && !message.includes(code) ? `${code} (${message})` : message;
}

/** `POST /v2/x → 401 used_magic_link (req_…)`: an answer in one line, for failure messages. */
export function describe(answer: Answer): string {
  const path = new URL(answer.url).pathname;
  const shownPath = path.replace(/(\/_edge\/visitor\/access\/t\/)[^/]+/, '$1…');
  const code =
    answer.body && typeof answer.body === 'object' && typeof answer.body.error === 'string'
      ? ` ${answer.body.error}`
      : '';
  return `${answer.method} ${shownPath} → ${answer.status}${code}${answer.requestId ? ` (${answer.requestId})` : ''}`;
}
