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
// `timeout` or a `reset` does to the connection depends on the entry (see `ConnectionFault`, ./layer.ts).
import {
  DEFAULT_MAX_HELD,
  DEFAULT_TIMEOUT_MS,
  FAULT_HEADER,
  FAULT_VALUES,
  FaultSettingsError,
  formatFault,
  parseFault,
  readFaultSettings,
  type Fault,
  type FaultOptions,
  type FaultSettings,
  type FaultSettingsView,
  type LatencyRange,
  type ResolvedFaultSettings,
} from './settings.js';

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
  readonly #initial: ResolvedFaultSettings;
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
    this.#initial = readFaultSettings(settings);
    this.set(this.#initial);
  }

  /** Replaces every setting (what is left out is off). Throws {@link FaultSettingsError} on a bad value. */
  set(settings: FaultSettings): void {
    const { latency, failRate, seed, rules } = readFaultSettings(settings);
    this.#latency = latency;
    this.#failRate = failRate;
    this.#seed = seed;
    this.#random = seed === null ? Math.random : seeded(seed);
    this.#rules = rules.map((r): Rule => {
      const prefix = r.path.endsWith('*');
      return {
        method: r.method,
        path: prefix ? r.path.slice(0, -1) : r.path,
        prefix,
        fault: parseFault(r.fault)!,
        remaining: r.times,
      };
    });
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
