// Runs the scenarios against one server: finds out what the server offers (mailbox, clock, payments,
// fixtures, a creator token), prepares fresh data where it can, then runs each check in turn, undoing what
// a check changed whether it passed or not.
import { randomBytes } from 'node:crypto';
import { isHttpOrigin, normaliseEmail, sleep } from '@visitor-access/contract';
import {
  DEFAULT_TARGET,
  DevApi,
  NEED_REASONS,
  notApplicableReason,
  PROFILE_LACKS,
  PROFILES,
  routePath,
  Visitor,
  type Capabilities,
  type MailMessage,
  type Need,
  type PageRef,
  type Profile,
  type Scenario,
  type ScenarioContext,
  type Target,
} from './context.js';
import { CheckFailed, CheckSkipped, ensure, expectStatus, skip } from './expect.js';
import {
  AnswerTooLarge,
  ConnectionFailure,
  DeadlineReached,
  DEFAULT_MAX_BODY_BYTES,
  describe,
  formatMs,
  Http,
  type Answer,
  type FetchLike,
} from './http.js';
import type { RunHeader } from './report.js';
import { scenariosFor } from './scenarios/index.js';

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

/** The outcome of one check. */
export interface CheckResult {
  id: string;
  title: string;
  status: 'pass' | 'fail' | 'skip';
  /** Why it failed or was skipped. */
  message?: string;
  durationMs: number;
}

/** The outcome of a run. */
export interface ConformanceReport {
  baseUrl: string;
  /**
   * The profile the run checked against (always set by {@link runConformance}; optional so that a report
   * made by hand, e.g. for `formatReport`, need not name one).
   */
  profile?: Profile;
  /** The development API used, if it answered. */
  devApi: string | undefined;
  capabilities: Capabilities;
  /** The data the checks ran on. */
  target: Target;
  results: CheckResult[];
  passed: number;
  failed: number;
  skipped: number;
  /** Things worth knowing about the run (e.g. why the kit could not make its own data). */
  notes: string[];
  /** The bounds the run kept to. */
  limits: RunLimits;
  /** Whether the run's deadline passed before every check had run. */
  deadlineReached: boolean;
  /**
   * The checks that did not run, or did not finish, because the deadline passed (also in `results`, as
   * skipped with the reason).
   */
  notRun: string[];
  /**
   * The checks whose premise the profile does not share (also in `results`, as skipped with the reason):
   * always empty under the default profile. Always set by {@link runConformance}.
   */
  notApplicable?: string[];
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

/** The reason given for each check the deadline kept from running or finishing. */
export function deadlineReason(deadlineMs: number): string {
  return `not run: the run's deadline of ${formatMs(deadlineMs)} passed (--deadline)`;
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

/**
 * Nothing answered at the base URL (refused, reset, timed out); the message says which and what to check.
 *
 * @example
 * ```ts
 * const report = await runConformance({ baseUrl }).catch((error) => {
 *   if (error instanceof ServerUnreachableError) return undefined; // "Cannot reach … ECONNREFUSED …"
 *   throw error;
 * });
 * ```
 */
export class ServerUnreachableError extends Error {
  override name = 'ServerUnreachableError';
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

/**
 * Runs the conformance checks against a server and answers what passed, failed and was skipped. It never
 * throws for a failing server; it throws {@link ConformanceUsageError} for bad options and
 * {@link ServerUnreachableError} when nothing answers at `baseUrl`.
 *
 * @example
 * ```ts
 * import { runConformance } from '@visitor-access/conformance';
 * const report = await runConformance({ baseUrl: 'http://localhost:4010' });
 * console.log(`${report.passed} passed, ${report.failed} failed`);
 * ```
 */
export async function runConformance(options: ConformanceOptions): Promise<ConformanceReport> {
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
  const http = new Http(baseUrl, fetchImpl, timeoutMs, maxBodyBytes);
  const run = randomBytes(5).toString('hex').slice(0, 8);
  const notes: string[] = [];
  // The run's deadline: one signal that every request of the kit also listens to (`Http.deadline`). The
  // timer does not keep the process alive, and is cleared when the run ends.
  const deadline = new AbortController();
  const timer = setTimeout(
    () => deadline.abort(`the run's deadline of ${formatMs(deadlineMs)} passed (--deadline)`),
    deadlineMs,
  );
  timer.unref?.();
  http.deadline = deadline.signal;

  // Anything at all at the base URL? A documented route that needs nothing and is never a 401.
  try {
    await http.send('GET', routePath('edgeAccess'));
  } catch (error) {
    // Something answered, only too much: the checks report it where it matters.
    if (!(error instanceof AnswerTooLarge)) {
      clearTimeout(timer);
      throw new ServerUnreachableError(
        `Cannot reach ${baseUrl}: ${(error as Error).message.replace(/^GET \S+ failed: /, '')}. Is the server running, and is --base-url right?`,
      );
    }
  }

  const capabilities: Capabilities = {
    mailbox: false,
    clock: false,
    payments: false,
    fixtures: false,
    creatorToken: false,
  };
  let dev: DevApi | undefined;
  if (devBase) {
    const probe = new DevApi(http, devBase);
    const answers = async (fn: () => Promise<Answer>) => {
      try {
        return await fn();
      } catch {
        return undefined;
      }
    };
    const clock = await answers(() => probe.send('GET', '/clock'));
    capabilities.clock = clock?.status === 200 && Number.isFinite(Date.parse(clock.body?.now));
    const mail = await answers(() =>
      probe.send('GET', `/messages?to=${encodeURIComponent(`probe-${run}@example.com`)}`),
    );
    capabilities.mailbox = mail?.status === 200 && Array.isArray(mail.body?.messages);
    const pay = await answers(() =>
      probe.send('POST', `/checkout/cs_test_probe${run}/complete`, { json: { outcome: 'cancelled' } }),
    );
    // An unknown session is a 404 with its own code; a server without this route answers some other 404.
    capabilities.payments = pay?.status === 404 && pay.body?.error === 'checkout_session_not_found';
    if (capabilities.clock || capabilities.mailbox || capabilities.payments) dev = probe;
    else notes.push(`No development API answered at ${devBase}: the checks that need one are skipped.`);
    // The reference mock can fail on purpose (--fail-rate, --latency, rules): checks would then fail at random.
    const faults = dev ? await answers(() => probe.send('GET', '/faults')) : undefined;
    const on = faults?.status === 200 ? faultsOn(faults.body) : undefined;
    if (on) {
      notes.push(
        `The mock injects faults (${on}): checks will fail where it does. Run the kit against a mock started without --fail-rate and --latency, or switch them off with PUT ${devBase}/faults {}.`,
      );
    }
  }

  const target: Target = { ...DEFAULT_TARGET, ...options.target };
  if (origin) target.origin = origin;
  let creatorToken = options.creatorToken;
  if (dev) {
    await prepareFreshData(dev, run, target, creatorToken !== undefined, capabilities, notes);
    // The reference mock allows every http://localhost:* origin; a creator's own origin is better when known.
    target.origin ??= 'http://localhost:5173';
    if (creatorToken === undefined) {
      const answer = await dev
        .send('POST', '/creator-token', { json: { handle: target.handle } })
        .catch(() => undefined);
      if (answer?.status === 200 && typeof answer.body?.token === 'string') creatorToken = answer.body.token;
    }
  }
  capabilities.creatorToken = creatorToken !== undefined;

  options.onStart?.({
    baseUrl,
    devApi: dev?.baseUrl,
    capabilities,
    notes,
    total: selected.length,
    limits,
    ...(profile === 'api' ? {} : { profile }),
  });
  let counter = 0;
  const unique = (label: string) => `conf-${run}-${label}-${++counter}`;
  const results: CheckResult[] = [];
  const notRun: string[] = [];
  const notApplicable: string[] = [];
  const late = (s: Scenario): CheckResult => ({
    id: s.id,
    title: s.title,
    status: 'skip',
    message: deadlineReason(deadlineMs),
    durationMs: 0,
  });
  for (const s of selected) {
    if (deadline.signal.aborted) {
      const result = late(s);
      notRun.push(s.id);
      results.push(result);
      options.onResult?.(result);
      continue;
    }
    const started = performance.now();
    const deferred: (() => Promise<unknown> | unknown)[] = [];
    const ctx = makeContext({ http, dev, target, capabilities, creatorToken, unique, deferred, profile });
    let result: CheckResult;
    const unshared = (s.premises ?? []).find((premise) => PROFILE_LACKS[profile].includes(premise));
    const missing = (s.needs ?? []).find((need) => !has(need, capabilities, target));
    try {
      // Not applicable before not possible: the reason a reader needs is that the check does not apply.
      if (unshared) {
        notApplicable.push(s.id);
        skip(notApplicableReason(profile, unshared));
      }
      if (missing) skip(NEED_REASONS[missing]);
      await s.run(ctx);
      result = { id: s.id, title: s.title, status: 'pass', durationMs: 0 };
    } catch (error) {
      result =
        error instanceof DeadlineReached || (deadline.signal.aborted && error instanceof ConnectionFailure)
          ? late(s)
          : error instanceof CheckSkipped
            ? { id: s.id, title: s.title, status: 'skip', message: error.message, durationMs: 0 }
            : {
                id: s.id,
                title: s.title,
                status: 'fail',
                message:
                  error instanceof CheckFailed || error instanceof ConnectionFailure
                    ? error.message
                    : `the check itself failed: ${error instanceof Error ? error.message : String(error)}`,
                durationMs: 0,
              };
    }
    if (result.message === deadlineReason(deadlineMs)) notRun.push(s.id);
    // Undo in reverse order; a failing undo fails the check, since it leaves the server changed. The undo
    // runs even after the deadline (each request still bounded by the timeout): it leaves the server clean.
    http.deadline = undefined;
    for (const undo of deferred.reverse()) {
      try {
        await undo();
      } catch (error) {
        if (result.status !== 'fail') {
          result = { ...result, status: 'fail', message: `could not undo its change: ${(error as Error).message}` };
        }
      }
    }
    http.deadline = deadline.signal;
    result.durationMs = Math.round(performance.now() - started);
    results.push(result);
    options.onResult?.(result);
  }
  clearTimeout(timer);
  return {
    baseUrl,
    profile,
    devApi: dev?.baseUrl,
    capabilities,
    target,
    results,
    passed: results.filter((r) => r.status === 'pass').length,
    failed: results.filter((r) => r.status === 'fail').length,
    skipped: results.filter((r) => r.status === 'skip').length,
    notes,
    limits,
    deadlineReached: notRun.length > 0,
    notRun,
    notApplicable,
  };
}

function has(need: Need, capabilities: Capabilities, target: Target): boolean {
  if (need === 'origin') return target.origin !== undefined;
  if (need === 'secondCreator') return target.second !== undefined;
  return capabilities[need];
}

/**
 * Makes the run's own creators and pages through the development API, so that the checks neither depend on
 * nor change data that others use: `conf-<run>` (Stripe connected, its own allowed origin, one page per
 * mode) and `conf-<run>-b` (Stripe not connected, another origin). With a creator token given for an
 * existing handle, the pages are made under that handle instead.
 */
async function prepareFreshData(
  dev: DevApi,
  run: string,
  target: Target,
  existingHandle: boolean,
  capabilities: Capabilities,
  notes: string[],
): Promise<void> {
  const put = async (path: string, json: unknown) => {
    const answer = await dev.send('PUT', path, { json }).catch(() => undefined);
    return answer?.status === 200 ? answer : undefined;
  };
  const main = existingHandle ? target.handle : `conf-${run}`;
  const origin = `https://conf-${run}.example.com`;
  if (!existingHandle && !(await put(`/handles/${main}`, { connectConfigured: true, allowedOrigins: [origin] }))) {
    notes.push('The development API did not create a handle: the checks use the existing data named by the target.');
    return;
  }
  const slug = (name: string) => (existingHandle ? `conf-${run}-${name}` : name);
  const pages: [string, Record<string, unknown>][] = [
    [slug('public'), { title: 'Conformance public page', mode: 'PUBLIC' }],
    [slug('free'), { title: 'Conformance free page', mode: 'FREE_WITH_LOGIN' }],
    [slug('paid'), { title: 'Conformance paid page', mode: 'PAID', price: 1234, currency: 'USD' }],
    [slug('draft'), { title: 'Conformance draft', mode: 'PAID', price: 500, currency: 'USD', published: false }],
  ];
  for (const [name, body] of pages) {
    if (!(await put(`/pages/${main}/${name}`, body))) {
      notes.push(`The development API did not create the page ${main}/${name}: the checks use the target's pages.`);
      return;
    }
  }
  target.handle = main;
  target.publicPage = slug('public');
  target.freePage = slug('free');
  target.paidPage = slug('paid');
  target.unpublishedPage = slug('draft');
  if (!existingHandle) target.origin = origin;
  capabilities.fixtures = true;

  const second = `conf-${run}-b`;
  const secondOrigin = `https://conf-${run}-b.example.com`;
  if (
    (await put(`/handles/${second}`, { connectConfigured: false, allowedOrigins: [secondOrigin] })) &&
    (await put(`/pages/${second}/premium`, {
      title: 'Conformance unconnected page',
      mode: 'PAID',
      price: 900,
      currency: 'USD',
    })) &&
    (await put(`/pages/${second}/free`, { title: 'Conformance second free page', mode: 'FREE_WITH_LOGIN' }))
  ) {
    target.unconnectedPage = { handle: second, slug: 'premium' };
    target.second = { handle: second, origin: secondOrigin, freePage: 'free' };
  }
}

function makeContext(input: {
  http: Http;
  dev: DevApi | undefined;
  target: Target;
  capabilities: Capabilities;
  creatorToken: string | undefined;
  unique: (label: string) => string;
  deferred: (() => Promise<unknown> | unknown)[];
  profile: Profile;
}): ScenarioContext {
  const { http, dev, target, capabilities, unique, deferred } = input;
  const needDev = (need: Need): DevApi => {
    if (!dev || (need !== 'origin' && need !== 'secondCreator' && !capabilities[need])) skip(NEED_REASONS[need]);
    return dev;
  };

  const ctx: ScenarioContext = {
    http,
    profile: input.profile,
    dev,
    target,
    capabilities,
    creatorToken: input.creatorToken,
    unique,
    email: (label) => `${unique(label)}@example.com`,
    anonymous: (label = 'visitor') => new Visitor(http, ctx.email(label)),
    path: routePath,
    defer: (fn) => void deferred.push(fn),
    skip,

    async requestSignIn(email, extra = {}) {
      const mailbox = needDev('mailbox');
      const before = (await mailbox.messages(email)).length;
      const answer = await http.send('POST', routePath('requestMagicLink'), { json: { email, ...extra } });
      expectStatus(answer, 202, `asking for a sign-in link for ${email}`);
      // A real mail pipeline may take a moment; the reference mock's is immediate.
      for (let attempt = 0; attempt < 40; attempt++) {
        const messages = await mailbox.messages(normaliseEmail(email));
        if (messages.length > before && messages[0]?.token) return messages[0];
        await sleep(50);
      }
      return fail(`no sign-in email reached ${email} within 2 s of ${describe(answer)}`);
    },

    async signIn(label = 'visitor', email) {
      const visitor = new Visitor(http, email ?? ctx.email(label));
      const message: MailMessage = await ctx.requestSignIn(visitor.email);
      const answer = await visitor.send('POST', routePath('verify'), { json: { token: message.token } });
      expectStatus(answer, 200, `signing ${visitor.email} in with the emailed link`);
      ensure(visitor.session, `signing in: ${describe(answer)} set no ${'_10x_visitor'} cookie`);
      visitor.id = answer.body?.visitor?.id;
      return visitor;
    },

    async paidPage() {
      if (!capabilities.fixtures || !dev) return { handle: target.handle, slug: target.paidPage };
      const slug = unique('paid');
      const answer = await dev.send('PUT', `/pages/${target.handle}/${slug}`, {
        json: { title: 'Conformance paid page', mode: 'PAID', price: 1234, currency: 'USD' },
      });
      expectStatus(answer, 200, 'creating a paid page through the development API');
      return { handle: target.handle, slug };
    },

    redirectUrls() {
      if (!target.origin) skip(NEED_REASONS.origin);
      return { successUrl: `${target.origin}/conformance/thanks`, cancelUrl: `${target.origin}/conformance/cancelled` };
    },

    async buy(visitor: Visitor, page: PageRef) {
      const payments = needDev('payments');
      const answer = await visitor.send('POST', routePath('checkout', { handle: page.handle, pageSlug: page.slug }), {
        json: ctx.redirectUrls(),
      });
      expectStatus(answer, 200, `starting a checkout of ${page.handle}/${page.slug}`);
      await payments.complete(String(answer.body?.sessionId), 'paid');
    },

    async serverNow(answer) {
      if (dev && capabilities.clock) return dev.now();
      const date = Date.parse(answer?.headers.get('date') ?? '');
      return Number.isFinite(date) ? date : Date.now();
    },
  };
  return ctx;
}

function fail(message: string): never {
  throw new CheckFailed(message);
}

/** What a mock's `GET /faults` says is switched on, in words, or undefined when nothing is. */
function faultsOn(body: unknown): string | undefined {
  const f = (body ?? {}) as { failRate?: unknown; latency?: { min?: unknown; max?: unknown } | null; rules?: unknown };
  const parts: string[] = [];
  if (typeof f.failRate === 'number' && f.failRate > 0) parts.push(`--fail-rate ${f.failRate}`);
  if (f.latency && typeof f.latency.max === 'number' && f.latency.max > 0) {
    parts.push(`--latency ${f.latency.min === f.latency.max ? f.latency.max : `${f.latency.min}-${f.latency.max}`}`);
  }
  if (Array.isArray(f.rules) && f.rules.length)
    parts.push(`${f.rules.length} fault rule${f.rules.length > 1 ? 's' : ''}`);
  return parts.length ? parts.join(', ') : undefined;
}
