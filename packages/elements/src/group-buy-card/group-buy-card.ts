import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { broadcastAccessChange } from '../internal/access-channel.js';
import { ClientElement } from '../internal/client-element.js';
import { formatPrice } from '../internal/env.js';
import { codeOf, describeFailure } from '../internal/errors.js';
import { VaErrorEvent } from '../internal/events.js';
import { SignInController } from '../internal/sign-in.js';
import { answer } from '../internal/shapes.js';
import { fill } from '../internal/strings.js';
import { baseStyles } from '../internal/styles.js';
import { cardStyles } from './group-buy-card.styles.js';

interface GroupBuyView {
  title: string;
  targetQuantity: number;
  interestCount: number;
  status: string;
  price?: number | undefined;
  currency?: string | undefined;
}

/**
 * A group buy: title, price, progress toward the target, and "I'm interested" / "withdraw".
 * Visitors who are not signed in go through the same magic-link flow first; their interest is
 * recorded as soon as they are signed in.
 *
 * @summary Collect interest in a group buy.
 *
 * @event va-error - Something failed. `detail: { code, message, requestId }`.
 *
 * @csspart panel - The card.
 * @csspart heading - The title.
 * @csspart price - The price.
 * @csspart progress - The progress bar track (`progress-fill` is its fill).
 * @csspart progress-fill - The progress bar fill.
 * @csspart progress-label - "2 of 3 interested".
 * @csspart status - The group buy's status.
 * @csspart button - Every button.
 * @csspart error - An error message.
 *
 * @cssproperty --va-progress-color - The progress bar fill (defaults to the accent colour).
 * @cssproperty --va-color-accent - Buttons, links, focus rings.
 *
 * @example
 * ```html
 * <group-buy-card handle="gharart" slug="spring-bundle" api-base="https://api.example.com"></group-buy-card>
 * ```
 */
export class GroupBuyCard extends ClientElement {
  static override styles = [baseStyles, cardStyles];

  /** The creator's handle. */
  @property() handle = '';
  /** The group buy's slug. */
  @property() slug = '';

  @state() private data: GroupBuyView | undefined;
  @state() private interested: boolean | undefined;
  @state() private error: string | undefined;
  @state() private busy = false;
  @state() private flow: { step: 'sign-in' } | { step: 'check-email'; email: string } | undefined;

  readonly #signIn = new SignInController(this, {
    sent: (email) => {
      this.flow = { step: 'check-email', email };
      this.#signIn.startWaiting(email);
    },
    signedIn: () => {
      this.flow = undefined;
      broadcastAccessChange({ handle: this.handle }, this);
      void this.#express();
    },
    linkProblem: () => (this.flow = { step: 'sign-in' }),
    failed: (f) => (this.error = f.code),
  });

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    super.willUpdate(changed);
    if (this.hasUpdated && (changed.has('handle') || changed.has('slug'))) void this.load();
  }

  protected override sessionChanged(event: { state: string }): void {
    if (event.state === 'signed_out') this.interested = undefined;
  }

  protected async load(): Promise<void> {
    const client = this.apiClient;
    if (!client || !this.handle || !this.slug) return;
    try {
      this.data = await answer(
        client.groupBuys.get(this.handle, this.slug),
        'title:string targetQuantity:number interestCount:number status:string price?:number currency?:string',
      );
      this.error = undefined;
    } catch (error) {
      this.#fail(error);
      return;
    }
    try {
      this.interested = (
        await answer(client.groupBuys.myInterest(this.handle, this.slug), 'interested:boolean')
      ).interested;
    } catch {
      this.interested = undefined; // signed out: the button offers sign-in first
    }
  }

  #fail(error: unknown): void {
    const f = describeFailure(error);
    this.error = f.code;
    const requestId = f.requestId ?? this.apiClient?.lastRequestId;
    this.dispatchEvent(new VaErrorEvent({ code: f.code, message: f.message, requestId }));
  }

  async #express(): Promise<void> {
    const client = this.apiClient;
    if (!client || this.busy) return;
    this.busy = true;
    try {
      const result = await answer(
        client.groupBuys.expressInterest(this.handle, this.slug),
        'interestCount:number status:string',
      );
      this.interested = true;
      if (this.data) this.data = { ...this.data, interestCount: result.interestCount, status: result.status };
      broadcastAccessChange({ handle: this.handle }, this);
    } catch (error) {
      if (codeOf(error) === 'visitor_unauthorized') this.flow = { step: 'sign-in' };
      else this.#fail(error);
    } finally {
      this.busy = false;
    }
  }

  async #withdraw(): Promise<void> {
    const client = this.apiClient;
    if (!client || this.busy) return;
    this.busy = true;
    try {
      const result = await answer(client.groupBuys.withdrawInterest(this.handle, this.slug), 'interestCount:number');
      this.interested = false;
      if (this.data) this.data = { ...this.data, interestCount: result.interestCount };
      broadcastAccessChange({ handle: this.handle }, this);
    } catch (error) {
      if (codeOf(error) === 'visitor_unauthorized') this.interested = undefined;
      else this.#fail(error);
    } finally {
      this.busy = false;
    }
  }

  protected override render(): TemplateResult {
    const s = this.s;
    const data = this.data;
    if (!data) {
      return html`<section part="panel" class="panel" aria-busy=${this.error ? 'false' : 'true'}>
        ${
          this.error
            ? html`<p part="error" class="error" role="alert">
                ${this.error === 'group_buy_not_found' ? s.groupNotFound : s.errorNetwork}
              </p>`
            : html`<p class="muted"><span class="spinner" aria-hidden="true"></span>${s.checking}</p>`
        }
      </section>`;
    }
    const pct = Math.min(100, Math.round((data.interestCount / data.targetQuantity) * 100));
    const status =
      data.status === 'active'
        ? s.groupActive
        : data.status === 'target_reached'
          ? s.groupTargetReached
          : s.groupCollecting;
    const label = fill(s.groupProgress, { count: data.interestCount, target: data.targetQuantity });
    const flow = this.flow;
    return html`<section part="panel" class="panel" aria-labelledby="va-gb-heading">
      <h2 id="va-gb-heading" part="heading">${data.title}</h2>
      ${
        data.price !== undefined && data.currency
          ? html`<p part="price" class="price">${formatPrice(data.price, data.currency, this.lang_)}</p>`
          : nothing
      }
      <div
        part="progress"
        class="bar"
        role="progressbar"
        aria-label=${label}
        aria-valuemin="0"
        aria-valuemax=${data.targetQuantity}
        aria-valuenow=${Math.min(data.interestCount, data.targetQuantity)}
      >
        <div part="progress-fill" class="fill" style="width:${pct}%"></div>
      </div>
      <p part="progress-label" class="muted">${label}</p>
      <p part="status" class="status" role="status">${status}</p>
      ${this.interested ? html`<p>${s.youAreInterested}</p>` : nothing}
      ${this.error ? html`<p part="error" class="error" role="alert">${s.errorGeneric}</p>` : nothing}
      ${
        flow
          ? nothing
          : html`<div class="actions">
              ${
                this.interested
                  ? html`<button part="button" class="link" ?disabled=${this.busy} @click=${() => this.#withdraw()}>
                      ${s.withdraw}
                    </button>`
                  : data.status === 'active'
                    ? nothing
                    : html`<button part="button button-primary" ?disabled=${this.busy} @click=${() => this.#express()}>
                        ${s.interested}
                      </button>`
              }
            </div>`
      }
      ${
        flow
          ? html`<div class="flow">
              ${
                flow.step === 'sign-in'
                  ? this.#signIn.renderSignIn(s, {})
                  : this.#signIn.renderCheckEmail(s, flow.email, () => (this.flow = { step: 'sign-in' }))
              }
            </div>`
          : nothing
      }
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'group-buy-card': GroupBuyCard;
  }
}
