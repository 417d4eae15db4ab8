import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { ClientElement } from '../internal/client-element.js';
import { formatDate } from '../internal/env.js';
import { codeOf, describeFailure } from '../internal/errors.js';
import { VaErrorEvent } from '../internal/events.js';
import { read } from '../internal/shapes.js';
import type { Strings } from '../internal/strings.js';
import { baseStyles } from '../internal/styles.js';
import { listStyles } from './visitor-access-list.styles.js';

interface AccessItem {
  resourceType: string;
  handle: string;
  slug: string;
  title: string;
  accessType: string;
  status: string;
  grantedAt: string;
  revokedAt?: string | undefined;
}

/**
 * The visitor's access history: every page or file they signed in to, bought or were invited to,
 * with its type, status and dates. Shows an empty state, and a signed-out state.
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
 * @csspart button - The retry button.
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
  static override styles = [baseStyles, listStyles];

  @state() private view: 'loading' | 'signed-out' | 'error' | AccessItem[] = 'loading';
  #seq = 0;

  protected override sessionChanged(event: { state: string }): void {
    if (event.state === 'signed_out' && this.view !== 'loading') this.view = 'signed-out';
    else if (event.state === 'signed_in' && this.view === 'signed-out') void this.load();
  }

  protected async load(): Promise<void> {
    const client = this.apiClient;
    if (!client) return;
    const run = ++this.#seq;
    try {
      const { data, requestId } = await client.access.list().withResponse();
      const { items } = read(data, 'items:array', requestId);
      for (const item of items)
        read(item, 'title:string accessType:string status:string grantedAt:string revokedAt?:string', requestId);
      if (run === this.#seq) this.view = items;
    } catch (error) {
      if (run !== this.#seq) return;
      if (codeOf(error) === 'visitor_unauthorized') {
        this.view = 'signed-out';
      } else {
        this.view = 'error';
        const f = describeFailure(error);
        const requestId = f.requestId ?? client.lastRequestId;
        this.dispatchEvent(new VaErrorEvent({ code: f.code, message: f.message, requestId }));
      }
    }
  }

  protected override render(): TemplateResult {
    const s = this.s;
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
              ? html`<p part="error" class="error" role="alert">${s.errorNetwork}</p>
                  <button part="button" @click=${() => this.load()}>${s.retry}</button>`
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
    return html`<table part="table">
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
              <td>${item.title}</td>
              <td>${type[item.accessType] ?? item.accessType}</td>
              <td part="status" class="status-${item.status}">${status[item.status] ?? item.status}</td>
              <td><time datetime=${item.grantedAt}>${formatDate(item.grantedAt, lang)}</time></td>
              <td>
                ${item.revokedAt ? html`<time datetime=${item.revokedAt}>${formatDate(item.revokedAt, lang)}</time>` : '—'}
              </td>
            </tr>`,
        )}
      </tbody>
    </table>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'visitor-access-list': VisitorAccessList;
  }
}
