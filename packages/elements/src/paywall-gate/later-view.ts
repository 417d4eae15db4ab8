import { nothing } from 'lit';
import type { ReactiveControllerHost, TemplateResult } from 'lit';
import type { VisitorAccessClient } from '../internal/client.js';
import type { Failure } from '../internal/errors.js';
import type { Later } from '../internal/later-load.js';
import type { Problem, ReportController } from '../internal/report.js';
import type { Strings } from '../internal/strings.js';
import { laterFailed } from './first-states.js';
import type { GateView } from './later-states.js';
import type { GateState } from './paywall-gate-machine.js';

/** The gate, as its later states see it. */
export interface LaterHost extends ReactiveControllerHost, HTMLElement {
  readonly apiClient: VisitorAccessClient | undefined;
  /** Where the later states come from (the gate's `later`). */
  readonly later: Later;
}

/**
 * The gate's side of its later states (decision 0153): renders them once they have arrived, the
 * check's panel until then (and asks for them), the network error with "Try again" when they could
 * not be loaded; and "Report a problem", made with them.
 */
export class GateLater {
  #failed = false;
  #report: ReportController | undefined;
  readonly #host: LaterHost;
  readonly #view: () => Omit<GateView, 'report'>;
  readonly #problem: () => Problem;

  constructor(host: LaterHost, view: () => Omit<GateView, 'report'>, problem: () => Problem) {
    this.#host = host;
    this.#view = view;
    this.#problem = problem;
  }

  /** The later states' English strings with the first states', once they have arrived. */
  get english(): Partial<Strings> | undefined {
    return this.#host.later.now()?.english;
  }

  /** A new state: "Report a problem" starts over. */
  reset(): void {
    this.#report?.reset();
  }

  /** "Signed in as … · Sign out" (nothing until the later states have arrived). */
  session(granted: boolean): TemplateResult | typeof nothing {
    const later = this.#host.later.now();
    return later ? later.sessionLine(this.#full(later), granted) : nothing;
  }

  /** A state after the first; `checking()` draws the check's panel while it is on its way. */
  render(state: GateState, s: Strings, checking: () => TemplateResult): TemplateResult {
    const later = this.#host.later.now();
    if (later) return later.laterState(this.#full(later), state);
    if (this.#failed) {
      // "Try again": an error looks again (through the SDK, loaded again with them), any other state
      // asks for them again.
      return laterFailed(s, () => {
        this.#failed = false;
        if (state.name === 'error') this.#view().send({ type: 'CHECK' });
        else this.#host.requestUpdate();
      });
    }
    // Until it arrives, the check's panel (same size): nothing moves, nothing can be pressed twice.
    this.#host.later.load().then(
      () => this.#host.requestUpdate(),
      () => {
        this.#failed = true;
        this.#host.requestUpdate();
      },
    );
    return checking();
  }

  #full(later: NonNullable<ReturnType<Later['now']>>): GateView {
    const host = this.#host;
    this.#report ??= new later.ReportController(host, () => host.apiClient, this.#problem);
    return { ...this.#view(), report: this.#report };
  }
}

/** What "Report a problem" sends about the state on screen. */
export function problemOf(
  state: GateState,
  failure: Failure | undefined,
  handle: string,
  page: string,
  requestId: string | undefined,
): Problem {
  const kind = state.name === 'error' ? state.kind : state.name === 'returning' ? 'payment_pending' : state.name;
  return {
    what: `paywall-gate: ${kind} on ${handle}/${page}`,
    code: failure?.code ?? kind,
    message: failure?.message,
    handle,
    lines: [`State: ${state.name}`, `Handle: ${handle}`, `Page: ${page}`],
    requestId,
  };
}
