import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { isInAppBrowser } from '../user-agent.js';
import { fill, formatWait } from '../strings.js';
import type { Strings } from '../strings.js';
import type { SignInController } from './controller.js';
import { passing, withEmail } from './templates.js';

// "Check your email" and the 6-digit code form: a state that follows a link request, so the
// script-tag bundles load it after the first usable paint (decision 0153).

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
