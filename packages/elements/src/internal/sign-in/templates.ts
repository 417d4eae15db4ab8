import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
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
export function passing(error: string, s: Strings): string {
  return error === 'unavailable' ? s.errorUnavailable : error === 'network' ? s.errorNetwork : '';
}

/**
 * A string with its `{email}` placeholder filled (as text, never HTML; in bold with `bold`). A line
 * too short for the whole address breaks it before its `@` or a dot of its domain (of its name too,
 * when the name is over 20 characters) (`<wbr>`, which a copy leaves out), never inside a word
 * unless one part alone is wider than the line.
 */
export function withEmail(template: string, email: string, bold?: boolean): TemplateResult {
  const [before = '', after = ''] = template.split('{email}');
  // Before the `@` and each dot of the domain; before the dots of the name only when the name is
  // long (a line ending in "maria" reads as another person; a 30-letter name may not fit a line).
  const at = Math.max(0, email.lastIndexOf('@'));
  const name = email.slice(0, at);
  const parts = [...(name.length > 20 ? name.split(/(?=\.)/) : [name]), ...email.slice(at).split(/(?=\.)/)]
    .filter(Boolean)
    .map((part, i) => (i ? html`<wbr />${part}` : part));
  return html`${before}<span class=${bold ? 'email' : ''}>${parts}</span>${after}`;
}
