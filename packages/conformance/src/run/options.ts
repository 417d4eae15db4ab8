// The first stage of a run: the options, checked and settled (URLs, origin, bounds, profile, the checks
// selected). Bad options throw {@link ConformanceUsageError} before anything is sent.
import { isHttpOrigin } from '@visitor-access/contract';
import { PROFILES, type Profile, type Scenario, type Target } from '../context.js';
import { DEFAULT_MAX_BODY_BYTES, type FetchLike } from '../http.js';
import type { RunHeader } from '../report.js';
import { scenariosFor } from '../scenarios/index.js';
import type { CheckResult } from '../run.js';

/** Options of {@link runConformance}. */
export interface ConformanceOptions {
  /** The API under test, e.g. `http://localhost:4010`. */
  baseUrl: string;
  /**
   * The development API (mailbox, clock, fake checkout). Default `{baseUrl}/_mock/api`; `false` for none.
   * When it does not answer, the checks that need it are skipped with the reason.
   */
  devApi?: string | false;
  /** A creator JWT for `target.handle` (default `gharart`); otherwise the development API is asked for one. */
  creatorToken?: string;
  /** An origin the target handle allows, for the CORS and redirect checks (see README). */
  origin?: string;
  /** Existing data to use when the kit cannot create its own (default: the product spec's fixture). */
  target?: Partial<Target>;
  /**
   * What is checked: `api` (default), the platform API itself; or `site-proxy`, the API through a same-site
   * proxy such as `@visitor-access/server` (base URL `https://site/api`). Under `site-proxy` the checks
   * whose premise such a proxy does not share (the creator route, CORS, a caller-chosen `Origin`) are
   * reported as not applicable ({@link ConformanceReport.notApplicable}) and the proxy's own documented
   * behaviour is checked instead (`proxy.*`).
   */
  profile?: Profile;
  /** Run only these checks: exact ids, or prefixes ending in `.` or `*` (`auth.`, `checkout*`). */
  only?: string[];
  /** The `fetch` to send requests with (default: the global one), e.g. to run in-process. */
  fetch?: FetchLike;
  /** Longest wait for one answer, in ms. Default 10 000. */
  timeoutMs?: number;
  /**
   * Longest time for the whole run, in ms. Default 300 000 (5 minutes). When it passes, the request on its
   * way is abandoned, the check it belonged to and every check not yet run are reported as not run
   * ({@link ConformanceReport.notRun}), and the run ends.
   */
  deadlineMs?: number;
  /** The largest answer body the kit reads, in bytes; a larger one fails its check. Default 1 MiB. */
  maxBodyBytes?: number;
  /** The checks to run. Default: {@link scenarios}, and under `site-proxy` {@link siteProxyScenarios} too. */
  scenarios?: readonly Scenario[];
  /** Called once the server has been probed, before the first check (the CLI prints its header here). */
  onStart?: (run: RunHeader) => void;
  /** Called as each check finishes (the CLI prints from here). */
  onResult?: (result: CheckResult) => void;
}

/** The bounds of one run. */
export interface RunLimits {
  /** Longest wait for one answer, in ms. */
  timeoutMs: number;
  /** Longest time for the whole run, in ms. */
  deadlineMs: number;
  /** The largest answer body read, in bytes. */
  maxBodyBytes: number;
}

/**
 * Bad options (a URL that is not http(s), an `only` that names no check).
 *
 * @example
 * ```ts
 * try {
 *   await runConformance({ baseUrl: 'localhost:4010' });
 * } catch (error) {
 *   if (error instanceof ConformanceUsageError) console.error(error.message); // must be an http(s) URL …
 * }
 * ```
 */
export class ConformanceUsageError extends Error {
  override name = 'ConformanceUsageError';
}

function httpBase(value: string, flag: string): string {
  if (!URL.canParse(value))
    throw new ConformanceUsageError(`${flag} must be an http(s) URL such as http://localhost:4010, not "${value}".`);
  const url = new URL(value);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConformanceUsageError(`${flag} must be an http(s) URL such as http://localhost:4010, not "${value}".`);
  }
  if (url.search || url.hash) throw new ConformanceUsageError(`${flag} must not have a query or fragment: "${value}".`);
  return url.href.replace(/\/+$/, '');
}

function originOf(value: string): string {
  const origin = value.replace(/\/$/, '');
  if (!isHttpOrigin(origin)) {
    throw new ConformanceUsageError(`--origin must be an origin such as https://shop.example.com, not "${value}".`);
  }
  return origin;
}

/**
 * Selects the scenarios `only` names: exact ids, or prefixes ending in `.` or `*`. Every entry must match at
 * least one check, else {@link ConformanceUsageError}.
 *
 * @example
 * ```ts
 * selectScenarios(scenarios, ['auth.link.', 'cors*']).map((s) => s.id);
 * ```
 */
export function selectScenarios(list: readonly Scenario[], only: readonly string[] | undefined): Scenario[] {
  if (!only || only.length === 0) return [...list];
  const matchers = only.map((raw) => {
    const entry = raw.trim();
    const prefix = entry.endsWith('*') ? entry.slice(0, -1) : entry.endsWith('.') ? entry : undefined;
    const match = (id: string) => (prefix !== undefined ? id.startsWith(prefix) : id === entry);
    if (!list.some((s) => match(s.id))) {
      throw new ConformanceUsageError(`--only "${entry}" names no check. See --list for the check names.`);
    }
    return match;
  });
  return list.filter((s) => matchers.some((m) => m(s.id)));
}

/** The options of a run, checked, with their defaults filled in. */
export interface SettledOptions {
  baseUrl: string;
  /** The development API to probe, or undefined for none. */
  devBase: string | undefined;
  origin: string | undefined;
  limits: RunLimits;
  profile: Profile;
  selected: Scenario[];
  fetchImpl: FetchLike;
}

/** Checks the options of {@link runConformance} and fills in the defaults; throws {@link ConformanceUsageError}. */
export function settleOptions(options: ConformanceOptions): SettledOptions {
  const baseUrl = httpBase(options.baseUrl, '--base-url');
  const devBase =
    options.devApi === false ? undefined : httpBase(options.devApi ?? `${baseUrl}/_mock/api`, '--dev-api');
  const origin = options.origin === undefined ? undefined : originOf(options.origin);
  const timeoutMs = options.timeoutMs ?? 10_000;
  if (!(timeoutMs > 0)) throw new ConformanceUsageError('The timeout must be a positive number of milliseconds.');
  const deadlineMs = options.deadlineMs ?? 300_000;
  if (!(deadlineMs > 0)) throw new ConformanceUsageError('The deadline must be a positive number of milliseconds.');
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  if (!(maxBodyBytes > 0 && Number.isInteger(maxBodyBytes))) {
    throw new ConformanceUsageError('The cap on an answer must be a positive whole number of bytes.');
  }
  const limits: RunLimits = { timeoutMs, deadlineMs, maxBodyBytes };
  const profile = options.profile ?? 'api';
  if (!PROFILES.includes(profile)) {
    throw new ConformanceUsageError(`The profile must be one of ${PROFILES.join(', ')}, not "${String(profile)}".`);
  }
  const selected = selectScenarios(options.scenarios ?? scenariosFor(profile), options.only);
  const fetchImpl: FetchLike = options.fetch ?? ((input, init) => fetch(input, init));
  return { baseUrl, devBase, origin, limits, profile, selected, fetchImpl };
}
