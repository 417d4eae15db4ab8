import { html, nothing } from 'lit';
import type { ReactiveControllerHost, TemplateResult } from 'lit';
import type { VisitorAccessClient } from './client.js';
import { flow } from './flow.js';
import { read } from './shapes.js';
import { fill } from './strings.js';
import type { Strings } from './strings.js';
import { cleanUrl } from './url-state.js';

/** What an element reports about the problem on screen. */
export interface Problem {
  /** The element and state, e.g. `paywall-gate: network`. */
  what: string;
  /** The error code and message shown. */
  code: string;
  message?: string | undefined;
  handle?: string | undefined;
  /** Other lines worth a look (`Page: masterclass`). */
  lines?: string[];
  /** The request ID shown to the visitor as the support code. */
  requestId?: string | undefined;
}

/**
 * "Report a problem", shared by every element that shows an error: sends `POST /v2/support/report`
 * with the support code (the request ID), the element, its state and the page, and shows the
 * report ID. It always comes after the state's own action (Try again), never before.
 */
export class ReportController {
  readonly #task;
  readonly #host: ReactiveControllerHost;
  #state: 'sending' | 'failed' | { id: string } | undefined;
  readonly #client: () => VisitorAccessClient | undefined;
  readonly #problem: () => Problem;

  constructor(host: ReactiveControllerHost, client: () => VisitorAccessClient | undefined, problem: () => Problem) {
    this.#host = host;
    this.#client = client;
    this.#problem = problem;
    this.#task = flow(
      host,
      async () => {
        const client = this.#client();
        if (!client) throw new Error('no client');
        const p = this.#problem();
        const reply = await client.support.report({
          summary: `${p.what} on ${cleanUrl()}`.slice(0, 300),
          details: [
            `Error: ${p.code}${p.message ? ` — ${p.message}` : ''}`,
            ...(p.lines ?? []),
            `URL: ${cleanUrl()}`,
            `User agent: ${navigator.userAgent}`,
          ].join('\n'),
          ...(p.handle ? { handle: p.handle } : {}),
          ...(p.requestId ? { requestId: p.requestId } : {}),
        });
        return read(reply, 'reportId:string').reportId;
      },
      (id) => (this.#state = { id }),
      () => (this.#state = 'failed'),
    );
  }

  #send(): void {
    if (this.#state === 'sending') return;
    this.#state = 'sending';
    this.#host.requestUpdate();
    void this.#task.run([]);
  }

  /** Forgets a sent report: the problem it was about is gone. */
  reset(): void {
    this.#task.abort();
    this.#state = undefined;
  }

  /** The support code and the report button (or its result). */
  render(s: Strings): TemplateResult {
    const code = this.#problem().requestId;
    const state = this.#state;
    const id = typeof state === 'object' ? state.id : undefined;
    return html`<div part="report" class="report">
      ${code ? html`<p class="muted" part="support-code">${fill(s.supportCode, { code })}</p>` : nothing}
      ${
        id
          ? html`<p role="status" part="report-result">${fill(s.reportSent, { id })}</p>`
          : html`<p>
                <button
                  part="button button-secondary report-button"
                  class="link"
                  ?disabled=${state === 'sending'}
                  @click=${() => this.#send()}
                >
                  ${state === 'sending' ? s.reportSending : s.reportProblem}
                </button>
              </p>
              ${state === 'failed' ? html`<p class="error" role="alert">${s.reportFailed}</p>` : nothing}`
      }
    </div>`;
  }
}
