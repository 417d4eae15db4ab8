import { UPSTREAM_CALL, type UpstreamCall } from './upstream.js';

/**
 * Options of {@link createVisitorAccess}.
 *
 * @example
 * ```ts
 * const options: VisitorAccessOptions = { apiBase: 'https://api.example.com', siteUrl: 'https://example.com' };
 * ```
 */
export interface VisitorAccessOptions {
  /** The platform API's origin (and optional base path), e.g. `https://api.10x.example`. Configuration only. */
  apiBase: string;
  /** The site's public URL, e.g. `https://example.com`: its origin is the `Origin` sent up. Never taken from a header. */
  siteUrl: string;
  /** Where the API is served under the site's origin. Default `/api`. */
  prefix?: string;
  /** How long to wait for the API (headers and body) before answering 503. Default 10 000 ms. */
  timeoutMs?: number;
  /**
   * Development only, against the reference mock: also serve the mock's checkout page
   * (`GET /_mock/checkout/{id}`) and its completion call (`POST /_mock/api/checkout/{id}/complete`).
   * Nothing else of `/_mock` is ever served. Default `false`.
   */
  devMockCheckout?: boolean;
  /** Keep a granted access decision this long, keyed by the session cookie's SHA-256 (0–5000 ms). Default 0: off. */
  grantCacheMs?: number;
  /**
   * The `fetch` used for the API (tests, custom agents). Default `globalThis.fetch`. On Node, `nodeFetch()`
   * of `@visitor-access/server/node` (undici's `request` with a keep-alive pool) costs about half the CPU.
   */
  fetch?: typeof fetch;
}

/** The options after validation, with defaults filled in. */
export interface ResolvedOptions {
  apiBase: string;
  apiOrigin: string;
  apiBasePath: string;
  siteUrl: URL;
  siteOrigin: string;
  secure: boolean;
  prefix: string;
  timeoutMs: number;
  devMockCheckout: boolean;
  grantCacheMs: number;
  fetch: typeof fetch;
  /** The `fetch` option's direct form of the call, when it offers one (`nodeFetch()` does). */
  upstreamCall: UpstreamCall | undefined;
}

/**
 * The longest the opt-in grant cache may keep a decision: a refund must revoke within seconds.
 *
 * @example
 * ```ts
 * createVisitorAccess({ apiBase, siteUrl, grantCacheMs: MAX_GRANT_CACHE_MS });
 * ```
 */
export const MAX_GRANT_CACHE_MS = 5000;

function httpUrl(name: string, value: unknown): URL {
  if (typeof value !== 'string' || value === '') {
    throw new TypeError(`@visitor-access/server: "${name}" is required (an http or https URL).`);
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new TypeError(`@visitor-access/server: "${name}" must be an absolute URL, got ${JSON.stringify(value)}.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TypeError(`@visitor-access/server: "${name}" must be http or https, got ${url.protocol}`);
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new TypeError(`@visitor-access/server: "${name}" must not carry credentials, a query or a fragment.`);
  }
  return url;
}

function upstreamCallOf(fetchOption: typeof fetch | undefined): UpstreamCall | undefined {
  const call = (fetchOption as { [UPSTREAM_CALL]?: unknown } | undefined)?.[UPSTREAM_CALL];
  return typeof call === 'function' ? (call as UpstreamCall) : undefined;
}

/** Validates the options; a mistake throws a `TypeError` naming the option, at start-up. */
export function resolveOptions(options: VisitorAccessOptions): ResolvedOptions {
  if (options === null || typeof options !== 'object') {
    throw new TypeError('@visitor-access/server: options are required ({ apiBase, siteUrl }).');
  }
  const api = httpUrl('apiBase', options.apiBase);
  const site = httpUrl('siteUrl', options.siteUrl);
  const prefix = (options.prefix ?? '/api').replace(/\/+$/, '');
  if (!/^(\/[A-Za-z0-9._~-]+)+$/.test(prefix) || prefix.split('/').some((s) => s === '.' || s === '..')) {
    throw new TypeError(
      `@visitor-access/server: "prefix" must be a path such as /api, got ${JSON.stringify(options.prefix)}.`,
    );
  }
  const timeoutMs = options.timeoutMs ?? 10_000;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0 || timeoutMs > 120_000) {
    throw new TypeError('@visitor-access/server: "timeoutMs" must be a number of milliseconds from 1 to 120000.');
  }
  const grantCacheMs = options.grantCacheMs ?? 0;
  if (!Number.isFinite(grantCacheMs) || grantCacheMs < 0 || grantCacheMs > MAX_GRANT_CACHE_MS) {
    throw new TypeError(
      `@visitor-access/server: "grantCacheMs" must be from 0 to ${MAX_GRANT_CACHE_MS} (a refund must revoke within seconds).`,
    );
  }
  const fetchImpl = options.fetch ?? globalThis.fetch;
  if (typeof fetchImpl !== 'function') throw new TypeError('@visitor-access/server: no fetch is available.');
  const apiBasePath = api.pathname.replace(/\/+$/, '');
  return {
    apiBase: api.origin + apiBasePath,
    apiOrigin: api.origin,
    apiBasePath,
    siteUrl: site,
    siteOrigin: site.origin,
    secure: site.protocol === 'https:',
    prefix,
    timeoutMs,
    devMockCheckout: options.devMockCheckout === true,
    grantCacheMs,
    // Called unbound: some runtimes' fetch throws "Illegal invocation" when called as a method.
    fetch: options.fetch ? options.fetch : (input, init) => globalThis.fetch(input, init),
    upstreamCall: upstreamCallOf(options.fetch),
  };
}
