import { html, nothing } from 'lit';
import type { ReactiveController, ReactiveControllerHost, TemplateResult } from 'lit';
import type { VisitorAccessClient } from './client.js';
import { cooldownLeft, lastEmail, startCooldown } from './cooldown.js';
import { isEmail, isInAppBrowser } from './env.js';
import { codeOf, describeFailure } from './errors.js';
import type { Failure } from './errors.js';
import { answer } from './shapes.js';
import type { LinkNotice } from '../paywall-gate/paywall-gate-machine.js';
import { fill } from './strings.js';
import type { Strings } from './strings.js';
import { cleanUrl } from './url-state.js';
import { timing } from './timing.js';

/** What an element hosting the sign-in flow provides. */
export interface SignInHost extends ReactiveControllerHost, HTMLElement {
  readonly apiClient: VisitorAccessClient | undefined;
}

/** What the flow tells its host. */
export interface SignInCallbacks {
  /** A link was sent (or the honeypot caught a bot, which is told the same). */
  sent(email: string): void;
  /** The visitor is signed in (code accepted here, or the link opened in another tab). */
  signedIn(): void;
  /** A code that can no longer be used. */
  linkProblem(notice: LinkNotice, email: string): void;
  /** Anything else. */
  failed(failure: Failure): void;
}

/**
 * The sign-in flow shared by `<paywall-gate>` and `<group-buy-card>`: email form with honeypot,
 * magic-link request, 6-digit code, resend cooldown shared across tabs, and the wait for a sign-in
 * completed elsewhere (session events + a `me` poll with backoff, paused while hidden).
 */
export class SignInController implements ReactiveController {
  #emailError = '';
  #formError = '';
  #codeError = '';
  #busy = false;
  /** The wait for a sign-in elsewhere gave up (after `timing.pollForMs`, the life of a link). */
  #waitExpired = false;
  /** The last email submitted in the form (for the throttle countdown). */
  #submitted = '';
  #ticker: ReturnType<typeof setInterval> | undefined;
  #pollTimer: ReturnType<typeof setTimeout> | undefined;
  #waitingFor: string | undefined;
  #unsubscribe: (() => void) | undefined;
  readonly #onStorage = () => this.#host.requestUpdate();
  readonly #onVisibility = () => {
    if (this.#waitingFor && !document.hidden && !this.#pollTimer) this.#schedulePoll(0);
  };

  readonly #host: SignInHost;
  readonly #callbacks: SignInCallbacks;

  constructor(host: SignInHost, callbacks: SignInCallbacks) {
    this.#host = host;
    this.#callbacks = callbacks;
    host.addController(this);
  }

  hostConnected(): void {
    addEventListener('storage', this.#onStorage);
    document.addEventListener('visibilitychange', this.#onVisibility);
  }

  hostDisconnected(): void {
    removeEventListener('storage', this.#onStorage);
    document.removeEventListener('visibilitychange', this.#onVisibility);
    this.stopWaiting();
    clearInterval(this.#ticker);
    this.#ticker = undefined;
  }

  /** Seconds left before a new link may be sent to `email` (shared by every tab). */
  #cooldownSeconds(email: string): number {
    const left = Math.ceil(cooldownLeft(email) / 1000);
    if (left > 0 && !this.#ticker) {
      this.#ticker = setInterval(() => {
        this.#host.requestUpdate();
        if (cooldownLeft(email) <= 0) {
          clearInterval(this.#ticker);
          this.#ticker = undefined;
        }
      }, 1000);
    }
    return left;
  }

  /** Handles the email form: validation, honeypot, request. */
  async #submitEmail(form: HTMLFormElement): Promise<void> {
    const data = new FormData(form);
    const email = String(data.get('email') ?? '')
      .trim()
      .toLowerCase();
    this.#formError = '';
    if (!isEmail(email)) {
      this.#emailError = 'invalid';
      this.#host.requestUpdate();
      await this.#host.updateComplete;
      form.querySelector<HTMLInputElement>('input[name=email]')?.focus();
      return;
    }
    this.#emailError = '';
    this.#submitted = email;
    // Bots fill every field; people never see this one. Tell the bot what a person would see.
    if (String(data.get('website') ?? '') !== '') return this.#callbacks.sent(email);
    // A link went to this address moments ago (maybe from another tab): wait for that one.
    if (cooldownLeft(email) > 0) return this.#callbacks.sent(email);
    await this.#send(email);
  }

  /** Sends a link (first time or resend); honours and records the cooldown. */
  async #send(email: string): Promise<void> {
    const client = this.#host.apiClient;
    if (!client || this.#busy || cooldownLeft(email) > 0) return;
    this.#busy = true;
    this.#host.requestUpdate();
    try {
      await client.auth.requestMagicLink({ email, returnTo: cleanUrl() });
      startCooldown(email, timing.resendCooldownMs);
      lastEmail.set(email);
      // A new link lives 15 minutes from now: the wait for it starts over.
      this.stopWaiting();
      this.#callbacks.sent(email);
    } catch (error) {
      const failure = describeFailure(error);
      if (failure.kind === 'rate_limited') {
        startCooldown(email, (failure.retryAfter ?? 60) * 1000);
        this.#formError = 'rate_limited';
      } else if (codeOf(error) === 'invalid_request') {
        this.#emailError = 'invalid';
      } else {
        this.#callbacks.failed(failure);
      }
    } finally {
      this.#busy = false;
      this.#host.requestUpdate();
    }
  }

  /** Verifies a 6-digit code. */
  async #submitCode(email: string, code: string): Promise<void> {
    const client = this.#host.apiClient;
    if (!client || this.#busy || !/^\d{6}$/.test(code)) return;
    this.#busy = true;
    this.#codeError = '';
    // No poll may overtake the verify: its late "not signed in" answer would look like a sign-out.
    this.stopWaiting();
    this.#host.requestUpdate();
    try {
      await client.auth.verify({ email, code });
      this.stopWaiting();
      this.#callbacks.signedIn();
    } catch (error) {
      const code = codeOf(error);
      if (code === 'expired_magic_link') this.#callbacks.linkProblem('expired', email);
      else if (code === 'used_magic_link') this.#callbacks.linkProblem('used', email);
      else if (code === 'invalid_magic_link' || code === 'invalid_request') {
        this.#codeError = 'wrong';
        this.startWaiting(email);
      } else this.#callbacks.failed(describeFailure(error));
    } finally {
      this.#busy = false;
      this.#host.requestUpdate();
    }
  }

  /** Starts waiting for the sign-in to complete elsewhere. Idempotent. */
  startWaiting(email: string): void {
    const client = this.#host.apiClient;
    if (!client || this.#waitingFor === email) return;
    this.stopWaiting();
    this.#waitExpired = false;
    this.#waitingFor = email;
    const started = Date.now();
    let delay = timing.pollStartMs;
    let replaying = true;
    this.#unsubscribe = client.onSessionChange((event) => {
      if (!replaying && event.state === 'signed_in' && this.#waitingFor) this.#done();
    });
    replaying = false;
    this.#poll = async () => {
      this.#pollTimer = undefined;
      if (!this.#waitingFor) return;
      if (Date.now() - started > timing.pollForMs) {
        // The link has expired by now: stop asking the server and say what to do instead.
        this.stopWaiting();
        this.#waitExpired = true;
        this.#host.requestUpdate();
        return;
      }
      if (document.hidden) return; // resumed by visibilitychange
      try {
        // Any 200 is not a sign-in: only an answer that names the visitor (decision 0036).
        await answer(client.auth.me(), 'visitor.email:string');
        if (this.#waitingFor) this.#done();
        return;
      } catch {
        // Not signed in yet (or offline): try again later.
      }
      delay = Math.min(delay * 1.5, timing.pollMaxMs);
      this.#schedulePoll(delay);
    };
    this.#schedulePoll(delay);
  }

  #poll: (() => Promise<void>) | undefined;

  #schedulePoll(ms: number): void {
    if (!this.#waitingFor || !this.#poll) return;
    clearTimeout(this.#pollTimer);
    this.#pollTimer = setTimeout(() => void this.#poll?.(), ms);
  }

  #done(): void {
    this.stopWaiting();
    this.#callbacks.signedIn();
  }

  stopWaiting(): void {
    this.#waitingFor = undefined;
    clearTimeout(this.#pollTimer);
    this.#pollTimer = undefined;
    this.#poll = undefined;
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  /** The email form. */
  renderSignIn(
    s: Strings,
    options: { email?: string | undefined; notice?: LinkNotice | undefined; headingLevel?: 'h2' | 'h3' },
  ): TemplateResult {
    const notice = options.notice;
    const email = options.email;
    const left = email ? this.#cooldownSeconds(email) : 0;
    return html`
      <div part="state state-sign-in">
        <h2 id="va-heading" part="heading" tabindex="-1" data-focus>${s.signInHeading}</h2>
        ${
          notice
            ? html`<p part="notice" class="error" role="alert">
                ${notice === 'expired' ? s.linkExpired : notice === 'used' ? s.linkUsed : s.linkInvalid}
              </p>`
            : html`<p class="muted">${s.signInIntro}</p>`
        }
        ${
          notice && email
            ? html`<div class="actions">
                <button
                  part="button button-primary"
                  ?disabled=${this.#busy || left > 0}
                  @click=${() => this.#send(email)}
                >
                  ${fill(s.sendNewLinkTo, { email })}
                </button>
                ${left > 0 ? html`<span class="muted" part="cooldown">${fill(s.resendIn, { seconds: left })}</span>` : nothing}
              </div>`
            : nothing
        }
        <form
          part="form"
          novalidate
          @submit=${(e: SubmitEvent) => {
            e.preventDefault();
            void this.#submitEmail(e.currentTarget as HTMLFormElement);
          }}
        >
          <div class="field">
            <label part="label" for="va-email">${s.emailLabel}</label>
            <input
              part="input"
              id="va-email"
              name="email"
              type="email"
              autocomplete="email"
              inputmode="email"
              required
              .value=${notice ? '' : (email ?? '')}
              aria-invalid=${this.#emailError ? 'true' : 'false'}
              aria-describedby=${this.#emailError || this.#formError ? 'va-email-error' : nothing}
              data-focus-field
            />
            ${
              this.#emailError || this.#formError
                ? html`<p id="va-email-error" class="error" part="field-error">
                    ${
                      this.#emailError
                        ? s.emailInvalid
                        : fill(s.errorRateLimited, { seconds: this.#cooldownSeconds(email ?? this.#submitted) })
                    }
                  </p>`
                : nothing
            }
          </div>
          <div class="sr-only" aria-hidden="true">
            <label for="va-website">${s.honeypotLabel}</label>
            <input id="va-website" name="website" type="text" tabindex="-1" autocomplete="off" />
          </div>
          <button part="button button-primary" type="submit" ?disabled=${this.#busy}>
            ${this.#busy ? s.sending : s.sendLink}
          </button>
        </form>
      </div>
    `;
  }

  /** "Check your email": code field, resend with cooldown, another email, in-app hint. */
  renderCheckEmail(s: Strings, email: string, onChangeEmail: () => void): TemplateResult {
    const left = this.#cooldownSeconds(email);
    const inApp = isInAppBrowser(globalThis.navigator?.userAgent ?? '');
    return html`
      <div part="state state-check-email">
        <h2 id="va-heading" part="heading" tabindex="-1" data-focus>${s.checkEmailHeading}</h2>
        <p>${fill(s.checkEmailBody, { email })}</p>
        ${inApp ? html`<p part="notice in-app-hint" class="notice">${s.inAppBrowser}</p>` : nothing}
        ${
          this.#waitExpired
            ? html`<p part="notice waiting" class="notice">${s.waitingStopped}</p>`
            : html`<p class="muted" part="waiting"><span class="spinner" aria-hidden="true"></span>${s.waiting}</p>`
        }
        <form
          part="form code-form"
          novalidate
          @submit=${(e: SubmitEvent) => {
            e.preventDefault();
            const value = new FormData(e.currentTarget as HTMLFormElement).get('code');
            void this.#submitCode(email, String(value ?? '').replace(/\D/g, ''));
          }}
        >
          <div class="field">
            <label part="label" for="va-code">${s.codeLabel}</label>
            <p class="muted" id="va-code-hint">${s.codeHint}</p>
            <input
              part="input code-input"
              id="va-code"
              name="code"
              type="text"
              inputmode="numeric"
              autocomplete="one-time-code"
              pattern="[0-9]{6}"
              maxlength="6"
              aria-invalid=${this.#codeError ? 'true' : 'false'}
              aria-describedby=${this.#codeError ? 'va-code-hint va-code-error' : 'va-code-hint'}
              @input=${(e: InputEvent) => {
                const input = e.currentTarget as HTMLInputElement;
                const digits = input.value.replace(/\D/g, '').slice(0, 6);
                if (digits !== input.value) input.value = digits;
                if (digits.length === 6) void this.#submitCode(email, digits);
              }}
            />
            ${this.#codeError ? html`<p id="va-code-error" class="error" part="field-error">${s.codeWrong}</p>` : nothing}
          </div>
          <button part="button button-secondary" type="submit" ?disabled=${this.#busy}>${s.verifyCode}</button>
        </form>
        <div class="actions">
          <button
            part="button resend-button"
            class="link"
            ?disabled=${this.#busy || left > 0}
            @click=${() => this.#send(email)}
          >
            ${s.resend}
          </button>
          ${left > 0 ? html`<span class="muted" part="cooldown">${fill(s.resendIn, { seconds: left })}</span>` : nothing}
          <button part="button" class="link" @click=${onChangeEmail}>${s.useAnotherEmail}</button>
        </div>
      </div>
    `;
  }
}
