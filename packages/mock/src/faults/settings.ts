// What fault injection can be asked for, and the one schema of its settings. The header (`X-Mock-Fault`),
// the CLI (`--latency`, `--fail-rate`, `--fail-seed`), `new Faults(...)`/`faults.set(...)` and
// `PUT /_mock/api/faults` all end in `FaultSettingsSchema`: its field schemas hold every range, and the
// readers of text here (`parseLatency`, `parseFailRate`, `faultOptions`) only turn text into values for it.
import { formatIssues } from '@visitor-access/contract';
import * as z from 'zod/mini';

/** The request header that asks for a fault. */
export const FAULT_HEADER = 'X-Mock-Fault';
/** How long a `timeout` keeps the connection open without an answer before closing it. */
export const DEFAULT_TIMEOUT_MS = 30_000;
/** The longest delay `latency=MS`, `--latency` or a rule may ask for. */
export const MAX_LATENCY_MS = 60_000;
/** How many requests faults may hold at once (`latency`, `timeout`) by default. */
export const DEFAULT_MAX_HELD = 64;

/** One fault, as the header, a rule or the defaults ask for it. */
export type Fault =
  | { kind: 'none' }
  | { kind: 'latency'; ms: number }
  | { kind: '503' }
  | { kind: '429' }
  | { kind: 'timeout' }
  | { kind: 'reset' };

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

/** The values the header (and a rule's `fault`) may take, as an error message lists them. */
export const FAULT_VALUES = '503, 429, latency=MS (0 to 60000), timeout, reset or none';

// The field schemas: every range of the settings, once, each with the one message it gives.
const within = <T extends z.ZodMiniNumber<number>>(schema: T, min: number, max: number, message: string) =>
  schema.check(z.gte(min, message), z.lte(max, message));
const MILLIS = 'Expected whole milliseconds from 0 to 60000';
const Millis = within(z.int(MILLIS), 0, MAX_LATENCY_MS, MILLIS);
const LatencyRangeSchema = z
  .strictObject({ min: Millis, max: Millis })
  .check(z.refine((r) => r.min <= r.max, 'min must not be above max'));
const FAIL_RATE = 'Expected a share from 0 to 1';
const FailRate = within(z.number(FAIL_RATE), 0, 1, FAIL_RATE);
const SEED = 'Expected a whole number from 0 to 4294967295';
const Seed = within(z.int(SEED), 0, 2 ** 32 - 1, SEED);

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
  if (latency && Millis.safeParse(Number(latency[1])).success) return { kind: 'latency', ms: Number(latency[1]) };
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
  const parsed = LatencyRangeSchema.safeParse({ min, max: m[2] === undefined ? min : Number(m[2]) });
  return parsed.success ? parsed.data : undefined;
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
  const parsed = FailRate.safeParse(Number(m[1]) / (m[2] ? 100 : 1));
  return parsed.success ? parsed.data : undefined;
}

/** Reads `--fail-seed`: a whole number from 0 to 4294967295. */
function parseSeed(text: string): number | undefined {
  if (!/^\d{1,10}$/.test(text)) return undefined;
  const parsed = Seed.safeParse(Number(text));
  return parsed.success ? parsed.data : undefined;
}

const Latency = z.pipe(
  z.optional(
    z.nullable(
      z.union([
        Millis,
        z.string().check(z.refine((s) => parseLatency(s) !== undefined, 'Expected MS or MIN-MAX, at most 60000 ms')),
        LatencyRangeSchema,
      ]),
    ),
  ),
  // A delay of 0 is no delay.
  z.transform((value): LatencyRange | null => {
    if (value === undefined || value === null) return null;
    const range =
      typeof value === 'number' ? { min: value, max: value } : typeof value === 'string' ? parseLatency(value)! : value;
    return range.max === 0 ? null : { min: range.min, max: range.max };
  }),
);

const Method = z.enum(['GET', 'POST', 'PUT', 'DELETE'], 'Expected GET, POST, PUT or DELETE');
const TIMES = 'Expected a whole number from 1 to 1000000';
const RuleSchema = z.strictObject({
  method: z.optional(
    z.pipe(
      z.pipe(
        z.string(),
        z.transform((m) => m.toUpperCase()),
      ),
      Method,
    ),
  ),
  path: z.string().check(
    z.maxLength(500),
    z.refine((p) => /^\/(v2|_edge)\//.test(p), 'Faults apply under /v2/ and /_edge/ only (never /_mock)'),
  ),
  // Kept as the header spells it (`LATENCY=5` reads `latency=5`), so what this schema gives back it takes again.
  fault: z.pipe(
    z.string().check(z.refine((f) => parseFault(f) !== undefined, `Expected one of ${FAULT_VALUES}`)),
    z.transform((f) => formatFault(parseFault(f)!)),
  ),
  times: z.optional(within(z.int(TIMES), 1, 1_000_000, TIMES)),
});

/**
 * The fault settings, whole: the body of `PUT /_mock/api/faults` and what `new Faults()`/`faults.set()`
 * take. What is left out is off. Its output is the settings in one shape (a latency range or null, a
 * number, a seed or null, the rules spelt as the header spells faults), which it also takes as input.
 */
export const FaultSettingsSchema = z.strictObject({
  latency: Latency,
  failRate: z.pipe(
    z.optional(FailRate),
    z.transform((rate) => rate ?? 0),
  ),
  seed: z.pipe(
    z.optional(z.nullable(Seed)),
    z.transform((seed) => seed ?? null),
  ),
  rules: z.pipe(
    z.optional(z.array(RuleSchema).check(z.maxLength(100))),
    z.transform((rules) => rules ?? []),
  ),
});

/** The settings in effect, as {@link FaultSettingsSchema} gives them back. */
export type ResolvedFaultSettings = z.output<typeof FaultSettingsSchema>;

/**
 * Reads fault settings (from code, a file or the development API), or throws {@link FaultSettingsError}
 * naming the first bad value.
 */
export function readFaultSettings(settings: FaultSettings): ResolvedFaultSettings {
  // `satisfies`: every value of the public type is one the schema reads (checked by the compiler).
  const parsed = FaultSettingsSchema.safeParse(settings satisfies z.input<typeof FaultSettingsSchema>);
  if (parsed.success) return parsed.data;
  // Worded as the development API words the same mistake (the contract's one formatter of zod issues).
  const { path, message } = formatIssues(parsed.error.issues)[0]!;
  throw new FaultSettingsError(path ? `${path}: ${message}` : message, path || 'settings');
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
    const seed = parseSeed(args['fail-seed']);
    if (seed === undefined)
      return `--fail-seed must be a whole number from 0 to 4294967295, not "${args['fail-seed']}".`;
    options.seed = seed;
  }
  return options;
}
