// Failure on demand (product-spec.md, "Failure on demand, and mail scanners"): a bad day for the API, so
// that a client can be tested against 503s, throttling, slow answers, hung connections and resets.
//
// Who decides, per `/v2` or `/_edge` request (never `/_mock`, never a CORS preflight):
//   1. the request's `X-Mock-Fault` header, when it has one (`none` opts the request out of everything);
//   2. else the first rule whose method and path match (rules come from the development API);
//   3. else the defaults: `latency` (a fixed or a random delay) and `failRate` (that share answered 503).
// A seed makes the random choices repeatable: the same seed and the same requests in the same order get
// the same faults.
//
// Everything here is plain TypeScript (no Node API), so the service worker entry uses it as it is. What a
// `timeout` or a `reset` does to the connection depends on the entry (see `ConnectionFault`).
import * as z from 'zod/mini';
import { sleep as wait } from '@visitor-access/contract';
import type { Ctx, Layer } from './handlers/pipeline.js';
import { error } from './handlers/respond.js';
import { faultPage } from './html.js';

/** The request header that asks for a fault. */
export const FAULT_HEADER = 'X-Mock-Fault';
/** How long a `timeout` keeps the connection open without an answer before closing it. */
export const DEFAULT_TIMEOUT_MS = 30_000;
/** The longest delay `latency=MS`, `--latency` or a rule may ask for. */
export const MAX_LATENCY_MS = 60_000;

/** One fault, as the header, a rule or the defaults ask for it. */
export type Fault =
  | { kind: 'none' }
  | { kind: 'latency'; ms: number }
  | { kind: '503' }
  | { kind: '429' }
  | { kind: 'timeout' }
  | { kind: 'reset' };

/**
 * What a connection fault does: the standalone server acts on the socket, MSW has none. A `timeout` gets
 * `release`, to call when the held connection is over (see {@link Faults.maxHeld}).
 */
export type ConnectionFault = (
  kind: 'timeout' | 'reset',
  ctx: Ctx,
  timeoutMs: number,
  release?: () => void,
) => Promise<Response>;

/** How many requests faults may hold at once (`latency`, `timeout`) by default. */
export const DEFAULT_MAX_HELD = 64;

/** A delay in milliseconds: always `min`, or uniformly random from `min` to `max`. */
export interface LatencyRange {
  min: number;
  max: number;
}

/** A fault for chosen requests, until it has been applied `times` times (or for good). */
export interface FaultRule {
  /** `GET`, `POST`, `PUT` or `DELETE`; any method when left out. */
  method?: string | undefined;
  /** A path under `/v2/` or `/_edge/`: exact, or a prefix when it ends with `*` (`/v2/public/pages/*`). */
  path: string;
  /** What the header would say: `503`, `429`, `latency=MS`, `timeout`, `reset` or `none`. */
  fault: string;
  /** Apply to this many matching requests, then drop the rule. Default: every matching request. */
  times?: number | undefined;
}

/** The faults a mock applies when a request does not ask for one itself. */
export interface FaultSettings {
  /** Delay before every answer: milliseconds, `"MIN-MAX"`, or `{ min, max }`. Default none. */
  latency?: number | string | LatencyRange | null | undefined;
  /** The share of requests (0 to 1) answered 503 `service_unavailable`. Default 0. */
  failRate?: number | undefined;
  /** Seed of the random choices (fail rate, latency range), for repeatable runs. Default: unseeded. */
  seed?: number | null | undefined;
  /** Faults for chosen paths, checked in order before the defaults. */
  rules?: FaultRule[] | undefined;
}

/** The settings as `GET /_mock/api/faults` shows them. */
export interface FaultSettingsView {
  latency: LatencyRange | null;
  failRate: number;
  seed: number | null;
  rules: Array<{ method?: string; path: string; fault: string; remaining?: number }>;
}

/** Options of {@link Faults}: the starting settings, and how long a `timeout` holds the connection. */
export interface FaultOptions extends FaultSettings {
  /** Milliseconds a `timeout` keeps the connection open before closing it. Default 30 000. */
  timeoutMs?: number | undefined;
  /**
   * How many requests `latency` and `timeout` may hold at once; beyond it a request that would be held is
   * answered 503 `service_unavailable` at once, so faults cannot pile up open sockets. Default 64.
   */
  maxHeld?: number | undefined;
}

/** A bad value in fault settings or in the header. */
export class FaultSettingsError extends Error {
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(message);
    this.name = 'FaultSettingsError';
  }
}

const FAULT_VALUES = '503, 429, latency=MS (0 to 60000), timeout, reset or none';

/**
 * Reads one fault as the header spells it (case and surrounding spaces do not matter).
 *
 * @example
 * ```ts
 * parseFault('latency=250'); // { kind: 'latency', ms: 250 }
 * parseFault('teapot'); // undefined
 * ```
 */
export function parseFault(value: string): Fault | undefined {
  const v = value.trim().toLowerCase();
  if (v === 'none' || v === '503' || v === '429' || v === 'timeout' || v === 'reset') return { kind: v } as Fault;
  const latency = /^latency=(\d{1,5})$/.exec(v);
  if (latency && Number(latency[1]) <= MAX_LATENCY_MS) return { kind: 'latency', ms: Number(latency[1]) };
  return undefined;
}

/** A fault as the header spells it. */
export function formatFault(fault: Fault): string {
  return fault.kind === 'latency' ? `latency=${fault.ms}` : fault.kind;
}

/**
 * Reads `--latency`: `MS` or `MIN-MAX`, whole milliseconds up to 60 000.
 *
 * @example
 * ```ts
 * parseLatency('200'); // { min: 200, max: 200 }
 * parseLatency('100-800'); // { min: 100, max: 800 }
 * ```
 */
export function parseLatency(text: string): LatencyRange | undefined {
  const m = /^\s*(\d{1,5})\s*(?:-\s*(\d{1,5})\s*)?$/.exec(text);
  if (!m) return undefined;
  const min = Number(m[1]);
  const max = m[2] === undefined ? min : Number(m[2]);
  if (max > MAX_LATENCY_MS || min > max) return undefined;
  return { min, max };
}

/**
 * Reads `--fail-rate`: a share from 0 to 1 (`0.3`) or a percentage (`30%`).
 *
 * @example
 * ```ts
 * parseFailRate('0.3'); // 0.3
 * parseFailRate('30%'); // 0.3
 * ```
 */
export function parseFailRate(text: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*(%?)\s*$/.exec(text);
  if (!m) return undefined;
  const rate = Number(m[1]) / (m[2] ? 100 : 1);
  return rate >= 0 && rate <= 1 ? rate : undefined;
}

/**
 * `--latency`, `--fail-rate` and `--fail-seed` as fault options, or the one line that says what is wrong.
 *
 * @example
 * ```ts
 * faultOptions({ 'fail-rate': '0.3', 'fail-seed': '7' }); // { failRate: 0.3, seed: 7 }
 * ```
 */
export function faultOptions(args: {
  latency?: string | undefined;
  'fail-rate'?: string | undefined;
  'fail-seed'?: string | undefined;
}): FaultOptions | string {
  const options: FaultOptions = {};
  if (args.latency !== undefined) {
    const latency = parseLatency(args.latency);
    if (!latency)
      return `--latency must be milliseconds (200) or a range (100-800), at most 60000, not "${args.latency}".`;
    options.latency = latency;
  }
  if (args['fail-rate'] !== undefined) {
    const rate = parseFailRate(args['fail-rate']);
    if (rate === undefined)
      return `--fail-rate must be a share from 0 to 1 (0.3) or a percentage (30%), not "${args['fail-rate']}".`;
    options.failRate = rate;
  }
  if (args['fail-seed'] !== undefined) {
    const text = args['fail-seed'];
    const seed = Number(text);
    if (!/^\d{1,10}$/.test(text) || seed > 2 ** 32 - 1)
      return `--fail-seed must be a whole number from 0 to 4294967295, not "${text}".`;
    options.seed = seed;
  }
  return options;
}

/** mulberry32: a small, fast PRNG whose whole state is one 32-bit number; plenty for picking faults. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const Method = z.enum(['GET', 'POST', 'PUT', 'DELETE']);
const RuleSchema = z.strictObject({
  method: z.optional(
    z.pipe(
      z.string(),
      z.transform((m) => m.toUpperCase()),
    ),
  ),
  path: z.string().check(
    z.maxLength(500),
    z.refine((p) => /^\/(v2|_edge)\//.test(p), 'Faults apply under /v2/ and /_edge/ only (never /_mock)'),
  ),
  fault: z.string().check(z.refine((f) => parseFault(f) !== undefined, `Expected one of ${FAULT_VALUES}`)),
  times: z.optional(z.int().check(z.gte(1), z.lte(1_000_000))),
});

/** The body of `PUT /_mock/api/faults`: the whole settings (what is left out is off). */
export const FaultSettingsSchema = z.strictObject({
  latency: z.optional(
    z.nullable(
      z.union([
        z.int().check(z.gte(0), z.lte(MAX_LATENCY_MS)),
        z.string().check(z.refine((s) => parseLatency(s) !== undefined, 'Expected MS or MIN-MAX, at most 60000 ms')),
        z
          .strictObject({
            min: z.int().check(z.gte(0), z.lte(MAX_LATENCY_MS)),
            max: z.int().check(z.gte(0), z.lte(MAX_LATENCY_MS)),
          })
          .check(z.refine((r) => r.min <= r.max, 'min must not be above max')),
      ]),
    ),
  ),
  failRate: z.optional(z.number().check(z.gte(0), z.lte(1))),
  seed: z.optional(z.nullable(z.int().check(z.gte(0), z.lte(2 ** 32 - 1)))),
  rules: z.optional(z.array(RuleSchema).check(z.maxLength(100))),
});

interface Rule {
  method: string | undefined;
  path: string;
  prefix: boolean;
  fault: Fault;
  remaining: number | undefined;
}

/** What to do with one request. */
export type FaultDecision =
  | { invalid: string }
  | {
      /** Milliseconds to wait first. */
      delayMs: number;
      /** Then: the normal answer, or a fault instead of it. */
      then: 'answer' | '503' | '429' | 'timeout' | 'reset';
      /** How the request log and the `X-Mock-Fault` answer header name it; undefined when nothing applied. */
      label: string | undefined;
    };

function latencyOf(value: FaultSettings['latency'], path: string): LatencyRange | null {
  if (value === undefined || value === null) return null;
  const range =
    typeof value === 'number'
      ? Number.isInteger(value) && value >= 0 && value <= MAX_LATENCY_MS
        ? { min: value, max: value }
        : undefined
      : typeof value === 'string'
        ? parseLatency(value)
        : Number.isInteger(value.min) && Number.isInteger(value.max) && value.min >= 0 && value.max <= MAX_LATENCY_MS
          ? value.min <= value.max
            ? { min: value.min, max: value.max }
            : undefined
          : undefined;
  if (!range) throw new FaultSettingsError(`${path} must be MS or MIN-MAX, whole milliseconds up to 60000`, path);
  return range.max === 0 ? null : range;
}

/**
 * The fault settings of one mock, and the decision for each request. The standalone server, the Node
 * entry and the service worker entry each hold one; `GET`/`PUT /_mock/api/faults` read and replace its
 * settings while the mock runs, and a reset goes back to the settings it started with.
 *
 * @example
 * ```ts
 * const faults = new Faults({ failRate: 0.3, seed: 7 });
 * faults.set({ rules: [{ path: '/v2/visitor/me', fault: 'timeout', times: 1 }] });
 * ```
 */
export class Faults {
  /** How long a `timeout` holds the connection, in milliseconds. */
  readonly timeoutMs: number;
  /** How many requests faults may hold at once (see {@link FaultOptions.maxHeld}). */
  readonly maxHeld: number;
  #held = 0;
  readonly #initial: FaultSettings;
  #latency: LatencyRange | null = null;
  #failRate = 0;
  #seed: number | null = null;
  #random: () => number = Math.random;
  #rules: Rule[] = [];

  constructor(options: FaultOptions = {}) {
    const { timeoutMs, maxHeld, ...settings } = options;
    if (timeoutMs !== undefined && !(Number.isInteger(timeoutMs) && timeoutMs >= 0)) {
      throw new FaultSettingsError('timeoutMs must be a whole number of milliseconds', 'timeoutMs');
    }
    if (maxHeld !== undefined && !(Number.isInteger(maxHeld) && maxHeld >= 1)) {
      throw new FaultSettingsError('maxHeld must be a whole number from 1', 'maxHeld');
    }
    this.timeoutMs = timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.maxHeld = maxHeld ?? DEFAULT_MAX_HELD;
    this.set(settings);
    this.#initial = structuredClone(settings);
  }

  /** Replaces every setting (what is left out is off). Throws {@link FaultSettingsError} on a bad value. */
  set(settings: FaultSettings): void {
    const latency = latencyOf(settings.latency, 'latency');
    const failRate = settings.failRate ?? 0;
    if (typeof failRate !== 'number' || !(failRate >= 0 && failRate <= 1)) {
      throw new FaultSettingsError('failRate must be a number from 0 to 1', 'failRate');
    }
    const seed = settings.seed ?? null;
    if (seed !== null && !(Number.isInteger(seed) && seed >= 0 && seed < 2 ** 32)) {
      throw new FaultSettingsError('seed must be a whole number from 0 to 4294967295', 'seed');
    }
    const rules = (settings.rules ?? []).map((rule, i): Rule => {
      const parsed = RuleSchema.safeParse(rule);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw new FaultSettingsError(`rules.${i}.${issue.path.join('.')}: ${issue.message}`, `rules.${i}`);
      }
      const r = parsed.data;
      if (r.method !== undefined && !Method.safeParse(r.method).success) {
        throw new FaultSettingsError(`rules.${i}.method must be GET, POST, PUT or DELETE`, `rules.${i}.method`);
      }
      const prefix = r.path.endsWith('*');
      return {
        method: r.method,
        path: prefix ? r.path.slice(0, -1) : r.path,
        prefix,
        fault: parseFault(r.fault)!,
        remaining: r.times,
      };
    });
    this.#latency = latency;
    this.#failRate = failRate;
    this.#seed = seed;
    this.#random = seed === null ? Math.random : seeded(seed);
    this.#rules = rules;
  }

  /** How many requests faults hold right now. */
  get held(): number {
    return this.#held;
  }

  /**
   * Takes one of the {@link maxHeld} places for a request a fault holds: the function that gives it back
   * (once), or undefined when every place is taken.
   */
  hold(): (() => void) | undefined {
    if (this.#held >= this.maxHeld) return undefined;
    this.#held++;
    let given = false;
    return () => {
      if (given) return;
      given = true;
      this.#held--;
    };
  }

  /** Back to the settings the mock started with (and the start of the seed's sequence). */
  reset(): void {
    this.set(this.#initial);
  }

  /** The settings in effect. */
  get settings(): FaultSettingsView {
    return {
      latency: this.#latency ? { ...this.#latency } : null,
      failRate: this.#failRate,
      seed: this.#seed,
      rules: this.#rules.map((r) => ({
        ...(r.method ? { method: r.method } : {}),
        path: r.prefix ? `${r.path}*` : r.path,
        fault: formatFault(r.fault),
        ...(r.remaining !== undefined ? { remaining: r.remaining } : {}),
      })),
    };
  }

  /** Whether anything applies to requests that do not ask for a fault themselves. */
  get active(): boolean {
    return this.#latency !== null || this.#failRate > 0 || this.#rules.length > 0;
  }

  /** What to do with one request, given its method, path and `X-Mock-Fault` header (or null). */
  decide(method: string, path: string, header: string | null): FaultDecision {
    if (header !== null) {
      const fault = parseFault(header);
      if (!fault) {
        const shown = header.length > 60 ? `${header.slice(0, 60)}…` : header;
        return { invalid: `${FAULT_HEADER} must be one of ${FAULT_VALUES}; got "${shown}".` };
      }
      return single(fault);
    }
    const rule = this.#rules.find(
      (r) => (!r.method || r.method === method) && (r.prefix ? path.startsWith(r.path) : path === r.path),
    );
    if (rule) {
      if (rule.remaining !== undefined && --rule.remaining <= 0) this.#rules.splice(this.#rules.indexOf(rule), 1);
      return single(rule.fault);
    }
    // Both draws happen whenever their setting is on, so a seed gives the same sequence whatever the outcome.
    const fail = this.#failRate > 0 && this.#random() < this.#failRate;
    const range = this.#latency;
    const delayMs = !range
      ? 0
      : range.min === range.max
        ? range.min
        : range.min + Math.floor(this.#random() * (range.max - range.min + 1));
    if (fail) return { delayMs, then: '503', label: delayMs ? `503; latency=${delayMs}` : '503' };
    return { delayMs, then: 'answer', label: delayMs ? `latency=${delayMs}` : undefined };
  }

  /** A one-line description for the CLI's banner, or undefined when nothing is on. */
  describe(): string | undefined {
    const parts: string[] = [];
    if (this.#failRate > 0) parts.push(`${+(this.#failRate * 100).toFixed(2)} % of API requests answer 503`);
    if (this.#latency) {
      const { min, max } = this.#latency;
      parts.push(`every API answer waits ${min === max ? `${min} ms` : `${min}–${max} ms`}`);
    }
    if (this.#rules.length) parts.push(`${this.#rules.length} rule${this.#rules.length > 1 ? 's' : ''}`);
    if (!parts.length) return undefined;
    return `${parts.join('; ')}${this.#seed !== null ? ` (seed ${this.#seed})` : ''}`;
  }
}

function single(fault: Fault): FaultDecision {
  switch (fault.kind) {
    case 'none':
      return { delayMs: 0, then: 'answer', label: undefined };
    case 'latency':
      return { delayMs: fault.ms, then: 'answer', label: formatFault(fault) };
    default:
      return { delayMs: 0, then: fault.kind, label: fault.kind };
  }
}

/** Waits `ms`, or less when `signal` aborts (the client gave up). */
export function sleep(ms: number, signal?: AbortSignal | null): Promise<void> {
  return ms > 0 ? wait(ms, signal ?? undefined).catch(() => undefined) : Promise.resolve();
}

/**
 * Connection faults where there is no socket (MSW in the browser and in Node): `reset` is a network
 * error at once (`Response.error()`: `fetch` rejects with a `TypeError`), `timeout` is no answer for
 * `timeoutMs` (ended early when the client aborts), then the same network error.
 */
export const mswConnectionFault: ConnectionFault = async (kind, ctx, timeoutMs, release) => {
  try {
    if (kind === 'timeout') await sleep(timeoutMs, ctx.request.signal);
  } finally {
    release?.();
  }
  return Response.error();
};

/** The contract routes that answer pages for people (the magic-link landing): their faults are pages too. */
const HTML_PATH = /^\/_edge\/visitor\/access\/t\/[^/]+\/?$/;

function wantsHtml(ctx: Ctx): boolean {
  return (
    ctx.request.method === 'GET' &&
    HTML_PATH.test(ctx.url.pathname) &&
    /text\/html/i.test(ctx.request.headers.get('accept') ?? '')
  );
}

/** The 503 `service_unavailable` of the fault injection. */
export function serviceUnavailable(ctx: Ctx): Response {
  if (wantsHtml(ctx)) {
    return faultPage(
      503,
      'Unavailable for a moment',
      'The service could not answer just now. Nothing was changed, and your link still works: try again in a moment.',
      ctx.requestId,
      ctx.url.pathname + ctx.url.search,
    );
  }
  return error(
    ctx,
    'service_unavailable',
    'The service is unavailable for a moment (a fault injected by the mock). Nothing changed; try again.',
  );
}

function rateLimited(ctx: Ctx): Response {
  if (wantsHtml(ctx)) {
    return faultPage(
      429,
      'Too many requests',
      'Please wait a second and try again. Your link still works.',
      ctx.requestId,
      ctx.url.pathname + ctx.url.search,
    );
  }
  return error(ctx, 'rate_limited', 'Too many requests (a fault injected by the mock). Try again in a second.', {
    retryAfterSeconds: 1,
  });
}

/**
 * The layer that applies a mock's faults to every `/v2` and `/_edge` request (the pipeline never gives
 * layers a `/_mock` request or a CORS preflight). Its answers are finished like any other: request ID,
 * CORS, the request log.
 *
 * @example
 * ```ts
 * const faults = new Faults({ failRate: 0.3 });
 * createHandlers({ store, layers: [faultLayer(faults)] });
 * ```
 */
export function faultLayer(faults: Faults, connection: ConnectionFault = mswConnectionFault): Layer {
  return async (ctx, next) => {
    const decision = faults.decide(ctx.request.method, ctx.url.pathname, ctx.request.headers.get(FAULT_HEADER));
    if ('invalid' in decision) {
      return error(ctx, 'invalid_request', decision.invalid, {
        details: [{ path: FAULT_HEADER, message: `Expected one of ${FAULT_VALUES}` }],
      });
    }
    ctx.fault = decision.label;
    // A fault that holds the request (a delay, a timeout) takes one of a bounded number of places.
    let release: (() => void) | undefined;
    if (decision.delayMs > 0 || decision.then === 'timeout') {
      release = faults.hold();
      if (!release) {
        ctx.fault = 'held-limit';
        const busy = error(
          ctx,
          'service_unavailable',
          `The mock already holds ${faults.maxHeld} requests with latency or timeout faults; try again.`,
          { retryAfterSeconds: 1 },
        );
        busy.headers.set('x-mock-fault', 'held-limit');
        return busy;
      }
    }
    let response: Response;
    try {
      if (decision.delayMs) await sleep(decision.delayMs, ctx.request.signal);
      switch (decision.then) {
        case 'answer':
          response = await next();
          break;
        case '503':
          response = serviceUnavailable(ctx);
          break;
        case '429':
          response = rateLimited(ctx);
          break;
        default: {
          // A timeout's place is given back when its connection ends (the connection fault's job).
          const held = decision.then === 'timeout' ? release : undefined;
          if (held) release = undefined;
          return await connection(decision.then, ctx, faults.timeoutMs, held);
        }
      }
    } finally {
      release?.();
    }
    // Tells whoever reads the answer (devtools, a test) that the mock did this on purpose.
    if (decision.label && response.type !== 'error') response.headers.set('x-mock-fault', decision.label);
    return response;
  };
}
