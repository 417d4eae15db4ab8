// Runs the scenarios against one server, in four stages, each in its own module under ./run/: settle the
// options (run/options.ts), probe what the server offers (run/probe.ts: mailbox, clock, payments), prepare
// the data (run/fresh-data.ts: fresh creators and pages, a creator token), then run each check in turn
// with its context (run/scenario-context.ts), undoing what a check changed whether it passed or not.
import { randomBytes } from 'node:crypto';
import {
  NEED_REASONS,
  notApplicableReason,
  PROFILE_LACKS,
  type Capabilities,
  type Need,
  type Profile,
  type Scenario,
  type Target,
} from './context.js';
import { CheckFailed, CheckSkipped, skip } from './expect.js';
import { ConnectionFailure, DeadlineReached, formatMs, Http } from './http.js';
import { prepareTarget } from './run/fresh-data.js';
import { settleOptions, type ConformanceOptions, type RunLimits } from './run/options.js';
import { probeServer, type ProbeResult } from './run/probe.js';
import { makeContext } from './run/scenario-context.js';

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

/** The reason given for each check the deadline kept from running or finishing. */
export function deadlineReason(deadlineMs: number): string {
  return `not run: the run's deadline of ${formatMs(deadlineMs)} passed (--deadline)`;
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
  const { baseUrl, devBase, origin, limits, profile, selected, fetchImpl } = settleOptions(options);
  const { timeoutMs, deadlineMs, maxBodyBytes } = limits;
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

  let probed: ProbeResult;
  try {
    probed = await probeServer({ http, baseUrl, devBase, run, notes });
  } catch (error) {
    clearTimeout(timer);
    throw error;
  }
  const { capabilities, dev } = probed;
  const { target, creatorToken } = await prepareTarget({
    dev,
    run,
    given: options.target,
    origin,
    creatorToken: options.creatorToken,
    capabilities,
    notes,
  });

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
    message: deadlineReason(limits.deadlineMs),
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
    if (result.message === deadlineReason(limits.deadlineMs)) notRun.push(s.id);
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
