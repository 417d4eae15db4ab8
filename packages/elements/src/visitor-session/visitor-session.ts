import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { broadcastAccessChange } from '../internal/access-channel.js';
import { ClientElement } from '../internal/client-element.js';
import { VaErrorEvent } from '../internal/events.js';
import { SignInController } from '../internal/sign-in.js';
import { answer } from '../internal/shapes.js';
import { fill } from '../internal/strings.js';
import { baseStyles } from '../internal/styles.js';
import { sessionStyles } from './visitor-session.styles.js';

/**
 * The visitor's session: "Signed in as … · Sign out", or a "Sign in" button that opens the same
 * magic-link flow as `<paywall-gate>`.
 *
 * @summary Signed-in email and sign-out, or sign-in.
 *
 * @event va-error - Signing in failed. `detail: { code, message, requestId }`.
 *
 * @csspart session - The signed-in line.
 * @csspart email - The signed-in email.
 * @csspart button - Every button.
 * @csspart panel - The sign-in flow box.
 * @csspart heading - The heading of the sign-in flow.
 * @csspart form - A form of the sign-in flow.
 * @csspart input - A text field of the sign-in flow.
 *
 * @cssproperty --va-color-accent - Buttons, links, focus rings.
 * @cssproperty --va-color-text - Text colour.
 *
 * @example
 * ```html
 * <visitor-session api-base="https://api.example.com"></visitor-session>
 * ```
 */
export class VisitorSession extends ClientElement {
  static override styles = [baseStyles, sessionStyles];

  @state() private email: string | undefined;
  @state() private known = false;
  @state() private flow: { step: 'sign-in' } | { step: 'check-email'; email: string } | undefined;

  readonly #signIn = new SignInController(this, {
    sent: (email) => {
      this.flow = { step: 'check-email', email };
      this.#signIn.startWaiting(email);
    },
    signedIn: () => {
      this.flow = undefined;
      broadcastAccessChange({ handle: '*' }, this);
      void this.load();
    },
    linkProblem: () => (this.flow = { step: 'sign-in' }),
    failed: (f) => {
      this.flow = { step: 'sign-in' };
      this.dispatchEvent(new VaErrorEvent({ code: f.code, message: f.message, requestId: f.requestId }));
    },
  });

  protected override sessionChanged(event: { state: string; visitor?: { email: string } }): void {
    if (event.state === 'signed_in') {
      const email = event.visitor?.email;
      this.email = typeof email === 'string' ? email : undefined;
      this.known = true;
      this.flow = undefined;
      this.#signIn.stopWaiting();
    } else if (event.state === 'signed_out') {
      this.email = undefined;
      this.known = true;
    }
  }

  protected async load(): Promise<void> {
    const client = this.apiClient;
    if (!client) return;
    try {
      this.email = (await answer(client.auth.me(), 'visitor.email:string')).visitor.email;
    } catch {
      this.email = undefined;
    }
    this.known = true;
  }

  async #logout(): Promise<void> {
    try {
      await this.apiClient?.auth.logout();
    } catch {
      // idempotent
    }
    this.email = undefined;
    broadcastAccessChange({ handle: '*' }, this);
  }

  protected override render(): TemplateResult | typeof nothing {
    const s = this.s;
    if (!this.known) return nothing;
    if (this.email) {
      return html`<p part="session" class="row" style="margin:0">
        <span part="email">${fill(s.signedInAs, { email: this.email })}</span>
        <button part="button" class="link" @click=${() => this.#logout()}>${s.signOut}</button>
      </p>`;
    }
    const flow = this.flow;
    return html`<div class="row">
        <button
          part="button"
          aria-expanded=${flow ? 'true' : 'false'}
          @click=${() => (this.flow = flow ? undefined : { step: 'sign-in' })}
        >
          ${s.signIn}
        </button>
      </div>
      ${
        flow
          ? html`<section part="panel" class="panel flow" aria-labelledby="va-heading">
              ${
                flow.step === 'sign-in'
                  ? this.#signIn.renderSignIn(s, {})
                  : this.#signIn.renderCheckEmail(s, flow.email, () => (this.flow = { step: 'sign-in' }))
              }
            </section>`
          : nothing
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'visitor-session': VisitorSession;
  }
}
