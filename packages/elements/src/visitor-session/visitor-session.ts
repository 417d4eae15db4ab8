import { html, nothing } from 'lit';
import type { PropertyDeclarations, PropertyValues, TemplateResult } from 'lit';
import type { SessionEvent } from '@visitor-access/sdk/lite';
import { broadcastAccessChange } from '../internal/access-channel.js';
import { ClientElement } from '../internal/client-element.js';
import { cookieMessage } from '../internal/messages.js';
import { describeFailure } from '../internal/errors.js';
import { VaErrorEvent } from '../internal/events.js';
import { flow } from '../internal/flow.js';
import { answer } from '../internal/shapes.js';
import { SignInController } from '../internal/sign-in/controller.js';
import type { LinkNotice } from '../internal/errors.js';
import { checkEmail } from '../internal/sign-in/check-email.js';
import { signInForm, withEmail } from '../internal/sign-in/templates.js';
import type { Strings } from '../internal/strings.js';
import { signInStrings } from '../internal/strings-later.js';
import { setupMessage } from '../internal/setup.js';
import { baseStyles } from '../internal/styles.js';
import { sessionStyles } from './visitor-session.styles.js';

type Flow =
  | { step: 'sign-in'; notice?: LinkNotice | undefined; email?: string | undefined }
  | { step: 'check-email'; email: string }
  | { step: 'cookies' };

/**
 * The visitor's session for a site header: "Signed in as … · Sign out", or a "Sign in" button that
 * opens the same magic-link flow as `<paywall-gate>` in a small dialog. When the API cannot be reached it says so
 * (with "Try again") rather than offering a sign-in to someone who may be signed in. A
 * `<paywall-gate>` on the same page leaves its own "Signed in as" line out.
 *
 * @summary Signed-in email and sign-out, or sign-in.
 *
 * @event va-error - Loading or signing in failed. `detail: { code, message, requestId }`.
 *
 * @csspart session - The signed-in line.
 * @csspart email - The signed-in email.
 * @csspart button - Every button.
 * @csspart panel - The sign-in dialog.
 * @csspart close-button - The dialog's close button.
 * @csspart heading - The heading of the sign-in flow.
 * @csspart form - A form of the sign-in flow.
 * @csspart input - A text field of the sign-in flow.
 * @csspart error - "Account unavailable" (the API cannot be reached), or a sign-in error.
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

  // Declared here rather than with decorators: the bundle then carries no decorator helper.
  static override properties: PropertyDeclarations = {
    view: { state: true, attribute: false },
    flow: { state: true, attribute: false },
  };

  private view: 'unknown' | 'signed-out' | 'error' | { email: string } = 'unknown';
  private flow: Flow | undefined;
  /** This element just signed the visitor in: still signed out next means the cookie was dropped. */
  #justSignedIn = false;

  readonly #signIn = new SignInController(this, {
    sent: (email) => {
      this.flow = { step: 'check-email', email };
      this.#signIn.wait.start(email);
    },
    signedIn: () => {
      this.#justSignedIn = true;
      broadcastAccessChange({ handle: '*' }, this);
      this.load();
    },
    signedInElsewhere: () => this.load(),
    linkProblem: (notice, email) => (this.flow = { step: 'sign-in', notice, email }),
    failed: (f) => {
      this.flow = { step: 'sign-in' };
      this.dispatchEvent(new VaErrorEvent({ code: f.code, message: f.message, requestId: f.requestId }));
    },
  });

  // Who is signed in, from the edge route: 200 with `visitor: null` for a signed-out visitor, so a
  // page load never logs a 401.
  readonly #who = flow(
    this,
    (_: readonly [], signal) => answer(this.apiClient!.edge.access({ signal }), 'items:array'),
    ({ visitor }) => {
      const email = typeof visitor?.email === 'string' ? visitor.email : undefined;
      if (!email && this.#justSignedIn) {
        this.flow = { step: 'cookies' };
        this.dispatchEvent(new VaErrorEvent({ code: 'cookies_blocked', message: 'The session cookie was not kept' }));
      } else if (email) {
        this.flow = undefined;
      }
      this.#justSignedIn = false;
      this.view = email ? { email } : 'signed-out';
    },
    (error) => {
      this.#justSignedIn = false;
      this.view = 'error';
      const f = describeFailure(error);
      this.dispatchEvent(
        new VaErrorEvent({ code: f.code, message: f.message, requestId: f.requestId ?? this.apiClient?.lastRequestId }),
      );
    },
  );

  /** Signing in and the session: the first states' strings and the later ones (decision 0153). */
  protected override get english(): Partial<Strings> {
    return signInStrings;
  }

  protected override sessionChanged(event: SessionEvent, replay: boolean): void {
    if (event.state === 'signed_in') {
      const email = event.visitor.email;
      if (typeof email !== 'string') return;
      this.view = { email };
      this.flow = undefined;
    } else if (event.state === 'signed_out' && !replay) {
      this.view = 'signed-out';
    }
  }

  protected load(): void {
    if (this.apiClient) void this.#who.run([]);
  }

  async #logout(): Promise<void> {
    try {
      await this.apiClient?.auth.logout();
    } catch {
      // idempotent
    }
    this.view = 'signed-out';
    broadcastAccessChange({ handle: '*' }, this);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.flow?.step !== 'check-email') this.#signIn.wait.stop();
  }

  protected override updated(): void {
    // The flow lives in a modal dialog: it never pushes the page's header around, and on a phone
    // it takes the screen's width instead of overflowing it.
    const dialog = this.shadowRoot?.querySelector('dialog');
    if (!dialog) return;
    if (this.flow && !dialog.open) {
      dialog.showModal();
      this.#focusNext = true;
    } else if (!this.flow && dialog.open) {
      dialog.close();
    }
    if (this.#focusNext) {
      this.#focusNext = false;
      this.shadowRoot?.querySelector<HTMLElement>('dialog [data-focus-field], dialog input')?.focus();
    }
  }
  #focusNext = false;

  protected override render(): TemplateResult | typeof nothing {
    const s = this.s;
    // In a header: one short line; the whole sentence is for screen readers and the console.
    if (this.setupProblem) {
      return html`<p class="row surface" role="alert">
        <span part="error" class="error">${s.setupHeading}</span>
        <span class="sr-only">${setupMessage(s, this.setupProblem)}</span>
      </p>`;
    }
    const view = this.view;
    if (view === 'unknown') return nothing;
    if (typeof view === 'object') {
      return html`<p part="session" class="row surface">
        <span part="email">${withEmail(s.signedInAs, view.email)}</span>
        <button part="button" class="link" @click=${() => this.#logout()}>${s.signOut}</button>
      </p>`;
    }
    if (view === 'error') {
      return html`<p class="row surface">
        <span part="error" class="error">${s.sessionUnavailable}</span>
        <button part="button" class="link" @click=${() => this.load()}>${s.retry}</button>
      </p>`;
    }
    const flow = this.flow;
    return html`<div class="row">
        <button part="button" class="compact" aria-haspopup="dialog" @click=${() => (this.flow = { step: 'sign-in' })}>
          ${s.signIn}
        </button>
      </div>
      <dialog part="panel" class="panel" aria-labelledby="va-heading" @close=${() => (this.flow = undefined)}>
        ${
          flow
            ? html`<button
                  part="button close-button"
                  class="link close"
                  aria-label=${s.close}
                  @click=${() => (this.flow = undefined)}
                >
                  ×
                </button>
                ${this.#renderFlow(flow)}`
            : nothing
        }
      </dialog>`;
  }

  #renderFlow(flow: Flow): TemplateResult {
    const s = this.s;
    if (flow.step === 'cookies') {
      return html`<h2 id="va-heading" part="heading">${s.errorCookiesHeading}</h2>
        <p part="error" class="error">${cookieMessage(s, this.apiClient)}</p>`;
    }
    if (flow.step === 'check-email') {
      return checkEmail(this.#signIn, s, {
        email: flow.email,
        next: s.checkEmailThenSignIn,
        onChangeEmail: () => (this.flow = { step: 'sign-in', email: flow.email }),
      });
    }
    return signInForm(this.#signIn, s, {
      heading: s.signInHeading,
      email: flow.email,
      notice: flow.notice,
      submit: flow.notice ? s.resend : s.sendLink,
      after: s.signInIntro,
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'visitor-session': VisitorSession;
  }
}
