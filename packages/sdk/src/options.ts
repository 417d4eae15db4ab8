/**
 * Options of {@link createClient}.
 *
 * @example
 * ```ts
 * const options: ClientOptions = { baseUrl: 'http://localhost:4010', retry: { limit: 3 } };
 * ```
 */
export interface ClientOptions {
  /** Origin (and optional path prefix) of the API, e.g. `https://api.example.com`. Required. */
  baseUrl: string;
  /** A custom `fetch` (a Node cookie jar, tests). Defaults to the global `fetch`, looked up per call. */
  fetch?: typeof fetch;
  /** Default `'include'`, so the cross-origin `_10x_visitor` session cookie travels. */
  credentials?: RequestCredentials;
  /** Creator JWT sent as `Authorization: Bearer …` on creator routes (refund). A function is called per request. */
  creatorToken?: string | (() => string | Promise<string>);
  /**
   * Retries of safe calls and of writes carrying an `Idempotency-Key` (a write also after an attempt that
   * timed out: the repeat with the same key gets the first answer). A number is the limit. Default limit 2.
   */
  retry?: number | RetryOptions;
  /** Milliseconds per attempt; `false` disables. Default 10 000. */
  timeout?: number | false;
  /** Parse every answer with the contract schema (default `true`). */
  validateResponses?: boolean;
  /** Headers sent with every request, e.g. `{ cookie }` in Node. */
  headers?: Record<string, string>;
  /** `BroadcastChannel` name that keeps clients of one origin in step; `false` disables. Default `'visitor-access:session'`. */
  sessionChannel?: string | false;
}

/**
 * Retry tuning.
 *
 * @example
 * ```ts
 * createClient({ baseUrl, retry: { limit: 4, backoffLimit: 2_000 } });
 * ```
 */
export interface RetryOptions {
  /** Retries after the first attempt. Default 2. */
  limit?: number;
  /** Longest backoff delay in ms. Default 8 000. */
  backoffLimit?: number;
  /** Longest `Retry-After` (ms) the SDK waits for; a longer one fails at once with {@link RateLimitError}. Default 10 000. */
  maxRetryAfter?: number;
}

/**
 * Options every SDK method takes last.
 *
 * @example
 * ```ts
 * const controller = new AbortController();
 * await client.access.list({ signal: controller.signal, timeout: 2_000 });
 * ```
 */
export interface RequestOptions {
  /** Cancels the call (including any wait between retries). */
  signal?: AbortSignal;
  /** Per-attempt timeout in ms for this call; `false` disables. */
  timeout?: number | false;
  /** The `Idempotency-Key` to send instead of a generated one (only routes that accept it send it). */
  idempotencyKey?: string;
  /** Extra headers for this call. */
  headers?: Record<string, string>;
}
