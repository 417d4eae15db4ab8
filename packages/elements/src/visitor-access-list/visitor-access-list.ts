import { html } from 'lit';
import type { PropertyDeclarations, TemplateResult } from 'lit';
import type { AccessItem } from '@visitor-access/contract';
import type { SessionEvent } from '@visitor-access/sdk/lite';
import { ClientElement } from '../internal/client-element.js';
import { formatDate } from '../internal/format.js';
import { describeFailure } from '../internal/errors.js';
import { failureMessage } from '../internal/messages.js';
import type { Failure } from '../internal/errors.js';
import { VaErrorEvent } from '../internal/events.js';
import { flow } from '../internal/flow.js';
import { ReportController } from '../internal/report.js';
import { read } from '../internal/shapes.js';
import { listStrings } from '../internal/strings.js';
import { signInStrings } from '../internal/strings-later.js';
import type { Strings } from '../internal/strings.js';
import { setupError } from '../internal/setup.js';
import { baseStyles } from '../internal/styles.js';
import { listStyles } from './visitor-access-list.styles.js';

// What `s` falls back to: the shared strings and this element's own (decision 0090).
const english: Partial<Strings> = { ...signInStrings, ...listStrings };

/**
 * The visitor's access history: every page or file they signed in to, bought or were invited to,
 * with its type, status and dates. Shows an empty state and a signed-out state; in a narrow box
 * (a phone) each row becomes a few short lines: the title, its type and status, its dates. Errors come with
 * "Try again" and "Report a problem".
 *
 * @summary The visitor's access history.
 *
 * @slot signed-out - Replaces the signed-out message (e.g. with a `<visitor-session>`).
 *
 * @event va-error - Loading failed. `detail: { code, message, requestId }`.
 *
 * @csspart panel - The box around the list.
 * @csspart heading - The heading.
 * @csspart table - The table.
 * @csspart row - One row.
 * @csspart status - A status cell.
 * @csspart empty - The empty and signed-out messages.
 * @csspart error - The error message.
 * @csspart button - The retry and report buttons.
 * @csspart report - The "report a problem" area.
 * @csspart support-code - The request ID shown for support.
 * @csspart report-result - "Report sent. Reference: rep_…".
 *
 * @cssproperty --va-color-success - Active status.
 * @cssproperty --va-color-danger - Refunded and revoked status.
 * @cssproperty --va-color-border - Row borders.
 *
 * @example
 * ```html
 * <visitor-access-list api-base="https://api.example.com"></visitor-access-list>
 * ```
 */
export class VisitorAccessList extends ClientElement {
  /** @internal */
  protected override get english(): Partial<Strings> {
    return english;
  }

  static override styles = [baseStyles, listStyles];

  // Declared here rather than with decorators: the bundle then carries no decorator helper.
  static override properties: PropertyDeclarations = {
    view: { state: true, attribute: false },
  };

  private view: 'loading' | 'signed-out' | 'error' | AccessItem[] = 'loading';
  #failure: Failure | undefined;

  readonly #report = new ReportController(
    this,
    () => this.apiClient,
    () => ({
      what: `visitor-access-list: ${this.#failure?.kind ?? 'error'}`,
      code: this.#failure?.code ?? 'unknown',
      message: this.#failure?.message,
      requestId: this.#failure?.requestId ?? this.apiClient?.lastRequestId,
    }),
  );

  // The edge route answers 200 for everyone (`visitor: null` when signed out): no 401 on a page load.
  readonly #list = flow(
    this,
    async (_: readonly [], signal) => {
      const { data, requestId } = await this.apiClient!.edge.access({ signal }).withResponse();
      const { visitor, items } = read(data, 'items:array', requestId);
      for (const item of items)
        read(item, 'title:string accessType:string status:string grantedAt:string revokedAt?:string', requestId);
      return typeof visitor?.email === 'string' ? items : undefined;
    },
    (items) => {
      this.#report.reset();
      this.view = items ?? 'signed-out';
    },
    (error) => {
      const f = (this.#failure = describeFailure(error));
      f.requestId ??= this.apiClient?.lastRequestId;
      this.#report.reset();
      this.view = 'error';
      this.dispatchEvent(new VaErrorEvent({ code: f.code, message: f.message, requestId: f.requestId }));
    },
  );

  protected override sessionChanged(event: SessionEvent, replay: boolean): void {
    if (replay) return;
    if (event.state === 'signed_out' && this.view !== 'loading') this.view = 'signed-out';
    else if (event.state === 'signed_in' && this.view === 'signed-out') this.load();
  }

  protected load(): void {
    if (this.apiClient) void this.#list.run([]);
  }

  protected override render(): TemplateResult {
    const s = this.s;
    if (this.setupProblem) return setupError(s, this.setupProblem);
    const view = this.view;
    return html`<section
      part="panel"
      class="panel"
      aria-labelledby="va-list-heading"
      aria-busy=${view === 'loading' ? 'true' : 'false'}
    >
      <h2 id="va-list-heading" part="heading">${s.listHeading}</h2>
      ${
        view === 'loading'
          ? html`<p class="muted"><span class="spinner" aria-hidden="true"></span>${s.checking}</p>`
          : view === 'signed-out'
            ? html`<slot name="signed-out"><p part="empty" class="muted">${s.listSignedOut}</p></slot>`
            : view === 'error'
              ? html`<p part="error" class="alert" role="alert">${failureMessage(s, this.#failure!, this.apiClient)}</p>
                  <button part="button button-primary" class="primary" @click=${() => this.load()}>${s.retry}</button>
                  ${this.#report.render(s)}`
              : view.length === 0
                ? html`<p part="empty" class="muted">${s.listEmpty}</p>`
                : this.#renderTable(view, s)
      }
    </section>`;
  }

  #renderTable(items: AccessItem[], s: Strings): TemplateResult {
    const type: Record<string, string> = {
      purchase: s.typePurchase,
      free_login: s.typeFreeLogin,
      allowlist: s.typeAllowlist,
    };
    const status: Record<string, string> = {
      active: s.statusActive,
      refunded: s.statusRefunded,
      revoked: s.statusRevoked,
    };
    const lang = this.lang_;
    // When rows stack (a narrow box), the dates carry their column's name ("Granted Dec 1, 2026");
    // type and status read on their own.
    return html`<div class="items">
      <table part="table">
        <thead>
          <tr>
            <th scope="col">${s.listResource}</th>
            <th scope="col">${s.listType}</th>
            <th scope="col">${s.listStatus}</th>
            <th scope="col">${s.listGranted}</th>
            <th scope="col">${s.listRevoked}</th>
          </tr>
        </thead>
        <tbody>
          ${items.map(
            (item) =>
              html`<tr part="row">
                <td class="title">${item.title}</td>
                <td class="type">${type[item.accessType] ?? item.accessType}</td>
                <td part="status" class="status status-${item.status}">${status[item.status] ?? item.status}</td>
                <td class="date" data-label=${s.listGranted}>
                  <time datetime=${item.grantedAt}>${formatDate(item.grantedAt, lang)}</time>
                </td>
                <td class="date ${item.revokedAt ? '' : 'none'}" data-label=${s.listRevoked}>
                  ${item.revokedAt ? html`<time datetime=${item.revokedAt}>${formatDate(item.revokedAt, lang)}</time>` : '—'}
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'visitor-access-list': VisitorAccessList;
  }
}
