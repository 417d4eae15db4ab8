import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { isInAppBrowser } from '../user-agent.js';
import { fill, formatWait } from '../strings.js';
import type { Strings } from '../strings.js';
import type { LinkNotice } from '../errors.js';
import type { SignInController } from './controller.js';

/** What the email form says around its field. */
export interface SignInFormOptions {
  /** The heading (the page's title on a gate, "Sign in" elsewhere); none inside a titled card. */
  heading?: string | undefined;
  /** What comes between the heading and the field: a price, "Sign in to read — free"… */
  lead?: TemplateResult | typeof nothing;
  /** The email to fill in (a new link for an expired one). */
  email?: string | undefined;
  /** Why a link from an email could not be used. */
  notice?: LinkNotice | undefined;
  /** The one primary button: "Buy for $19.00", "Email me a sign-in link"… */
  submit: string;
  /** The quiet line under the button: what happens next. */
  after: string;
}

/**
 * The email form: one field, one primary button, and what happens next under it. An expired or
 * used link shows its notice above the same form, with the email filled in.
 */
export function signInForm(c: SignInController, s: Strings, o: SignInFormOptions): TemplateResult {
  const invalid = c.emailError !== '';
  const throttled = !invalid && c.formError === 'rate_limited';
  const down = invalid || throttled ? '' : passing(c.formError, s);
  const email = o.email ?? '';
  return html`<div part="state state-sign-in" class="stack">
    ${o.heading ? html`<h2 id="va-heading" part="heading" tabindex="-1" data-focus>${o.heading}</h2>` : nothing}
    ${o.lead ?? nothing}
    ${
      o.notice
        ? html`<p part="notice" class="notice error" role="alert">
            ${o.notice === 'expired' ? s.linkExpired : o.notice === 'used' ? s.linkUsed : s.linkInvalid}
          </p>`
        : nothing
    }
    <form
      part="form"
      novalidate
      @submit=${(e: SubmitEvent) => {
        e.preventDefault();
        void c.submitEmail(e.currentTarget as HTMLFormElement);
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
          spellcheck="false"
          autocapitalize="off"
          required
          .value=${email}
          aria-invalid=${invalid ? 'true' : 'false'}
          aria-describedby=${invalid || throttled || down ? 'va-email-error' : nothing}
          data-focus-field
        />
        ${
          invalid || throttled
            ? html`<p id="va-email-error" class="error" part="field-error">
                ${
                  invalid
                    ? s.emailInvalid
                    : fill(s.errorRateLimited, {
                        wait: formatWait(c.cooldownSeconds(email || c.submitted), s),
                      })
                }
              </p>`
            : down
              ? html`<p id="va-email-error" class="error" part="field-error" role="alert">${down}</p>`
              : nothing
        }
      </div>
      <div class="sr-only" aria-hidden="true">
        <label for="va-website">${s.honeypotLabel}</label>
        <input id="va-website" name="website" type="text" tabindex="-1" autocomplete="off" />
      </div>
      <button part="button button-primary" class="primary" type="submit" ?disabled=${c.busy}>
        ${c.busy ? s.sending : o.submit}
      </button>
    </form>
    <p class="muted after">${o.after}</p>
  </div>`;
}

/** What to say when a request could not be made just now (the visitor tries again), or ''. */
function passing(error: string, s: Strings): string {
  return error === 'unavailable' ? s.errorUnavailable : error === 'network' ? s.errorNetwork : '';
}

/**
 * A string with its `{email}` placeholder filled (as text, never HTML; in bold with `bold`). A line
 * too short for the whole address breaks it before its `@` or a dot (`<wbr>`, which a copy leaves
 * out), never inside a word unless one part alone is wider than the line.
 */
export function withEmail(template: string, email: string, bold?: boolean): TemplateResult {
  const [before = '', after = ''] = template.split('{email}');
  const parts = email.split(/(?=[@.])/).map((part, i) => (i ? html`<wbr />${part}` : part));
  return html`${before}<span class=${bold ? 'email' : ''}>${parts}</span>${after}`;
}

/**
 * "Check your email": what was sent where, what happens next, the code field, then resend (with
 * its cooldown) and "use another email" as quiet text buttons.
 */
export function checkEmail(
  c: SignInController,
  s: Strings,
  o: { email: string; next: string; onChangeEmail: () => void },
): TemplateResult {
  const left = c.cooldownSeconds(o.email);
  const inApp = isInAppBrowser(globalThis.navigator?.userAgent ?? '');
  return html`<div part="state state-check-email" class="stack">
    <h2 id="va-heading" part="heading" tabindex="-1" data-focus>${s.checkEmailHeading}</h2>
    <p>${withEmail(s.checkEmailBody, o.email, true)}</p>
    <p>${o.next}</p>
    ${inApp ? html`<p part="notice in-app-hint" class="notice">${s.inAppBrowser}</p>` : nothing}
    ${
      c.wait.expired
        ? html`<p part="notice waiting" class="notice">${s.waitingStopped}</p>`
        : html`<p class="muted" part="waiting"><span class="spinner" aria-hidden="true"></span>${s.waiting}</p>`
    }
    <form
      part="form code-form"
      novalidate
      @submit=${(e: SubmitEvent) => {
        e.preventDefault();
        const value = new FormData(e.currentTarget as HTMLFormElement).get('code');
        c.submitCode(o.email, String(value ?? '').replace(/\D/g, ''));
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
          aria-invalid=${c.codeError === 'wrong' ? 'true' : 'false'}
          aria-describedby=${c.codeError ? 'va-code-hint va-code-error' : 'va-code-hint'}
          @input=${(e: InputEvent) => {
            const input = e.currentTarget as HTMLInputElement;
            const digits = input.value.replace(/\D/g, '').slice(0, 6);
            if (digits !== input.value) input.value = digits;
            if (digits.length === 6) c.submitCode(o.email, digits);
          }}
        />
        ${
          c.codeError
            ? html`<p
                id="va-code-error"
                class="error"
                part="field-error"
                role=${c.codeError === 'wrong' ? nothing : 'alert'}
              >
                ${c.codeError === 'wrong' ? s.codeWrong : passing(c.codeError, s)}
              </p>`
            : nothing
        }
      </div>
      <button part="button button-primary" class="primary" type="submit" ?disabled=${c.busy}>${s.verifyCode}</button>
    </form>
    <div class="actions">
      <button part="button resend-button" class="link" ?disabled=${c.busy || left > 0} @click=${() => c.send(o.email)}>
        ${s.resend}
      </button>
      <button part="button" class="link" @click=${o.onChangeEmail}>${s.useAnotherEmail}</button>
    </div>
    ${
      passing(c.formError, s)
        ? html`<p class="error" part="field-error" role="alert">${passing(c.formError, s)}</p>`
        : left > 0
          ? html`<p class="muted after" part="cooldown">${fill(s.resendIn, { wait: formatWait(left, s) })}</p>`
          : nothing
    }
  </div>`;
}
