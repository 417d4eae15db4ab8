import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { lastEmail } from '../internal/cooldown.js';
import type { SignInController } from '../internal/sign-in/controller.js';
import { signInForm } from '../internal/sign-in/templates.js';
import { fill } from '../internal/strings.js';
import type { Strings } from '../internal/strings.js';
import type { ContentStatus } from './content.js';
import type { GateState } from './paywall-gate-machine.js';

// What a gate shows before its later states have arrived (decision 0153): the check (with the
// space of the form that follows), the email form of a signed-out visitor with its price, the
// granted content, and the network error when the later states could not be loaded.

/** The check: its line over an invisible copy of the paid form, so nothing moves (decision 0152). */
export function checkingState(
  s: Strings,
  state: Extract<GateState, { name: 'checking' | 'verifying' }>,
): TemplateResult {
  return html`<div part="state state-${state.name}" class="reserve">
    <h2 id="va-heading" part="heading" class="quiet" tabindex="-1" data-focus>
      <span class="spinner" aria-hidden="true"></span
      >${state.name === 'verifying' || state.after === 'verify' ? s.verifyingHeading : s.checking}
    </h2>
    ${placeholder(s)}
  </div>`;
}

/**
 * The space of the state that usually follows the check, a paid page's price and email form,
 * kept empty: the gate has its final size from its first frame (decision 0152).
 */
function placeholder(s: Strings): TemplateResult {
  return html`<div class="stack placeholder" aria-hidden="true" inert>
    <h2>&nbsp;</h2>
    <p class="price">&nbsp;</p>
    <p class="muted">${s.purchaseBody}</p>
    <form>
      <div class="field"><label>${s.emailLabel}</label><input tabindex="-1" /></div>
      <button class="primary" tabindex="-1">&nbsp;</button>
    </form>
    <p class="muted after">${s.buyIntro}</p>
  </div>`;
}

/** The email form: "Buy for $19.00" on a paid page, a sign-in link on a free one. */
export function signInState(
  signIn: SignInController,
  s: Strings,
  state: Extract<GateState, { name: 'sign-in' }>,
  price: string,
): TemplateResult {
  const { page, notice } = state;
  const paid = page?.mode === 'PAID';
  return signInForm(signIn, s, {
    heading: page?.title ?? s.signInHeading,
    lead: paid
      ? html`${price ? html`<p part="price" class="price">${price}</p>` : nothing}
          <p class="muted">${s.purchaseBody}</p>`
      : page
        ? html`<p part="lead" class="lead">${s.readFree}</p>`
        : nothing,
    email: state.email ?? (notice ? lastEmail.get() : undefined),
    notice,
    submit: notice ? s.resend : paid ? (price ? fill(s.buy, { price }) : s.buyNoPrice) : s.sendLink,
    after: paid ? s.buyIntro : s.signInIntro,
  });
}

/** The granted content (the default slot), with its loading line or its failure and "Try again". */
export function grantedState(s: Strings, status: ContentStatus, retry: () => void): TemplateResult {
  return html`<div part="content" aria-busy=${status === 'loading' ? 'true' : 'false'}>
    ${
      status === 'loading'
        ? html`<p class="ui muted surface"><span class="spinner" aria-hidden="true"></span>${s.contentLoading}</p>`
        : nothing
    }
    ${
      status === 'failed'
        ? html`<div class="ui surface">
            <p class="error" part="error" role="alert">${s.contentFailed}</p>
            <button part="button button-primary" class="primary" @click=${retry}>${s.retry}</button>
          </div>`
        : nothing
    }
    <slot></slot>
  </div>`;
}

/** The later states' chunk did not load: the network error, whose "Try again" loads it again. */
export function laterFailed(s: Strings, retry: () => void): TemplateResult {
  return html`<div part="state state-error" class="stack">
    <h2 id="va-heading" part="heading" tabindex="-1" data-focus>${s.errorHeading}</h2>
    <p part="error" class="alert">${s.errorNetwork}</p>
    <button part="button button-primary" class="primary" @click=${retry}>${s.retry}</button>
  </div>`;
}

/** What the live region says when the gate enters a state. */
export function announcement(s: Strings, next: GateState): string {
  const text: Record<GateState['name'], string> = {
    checking: s.checking,
    'sign-in': 'page' in next && next.page ? next.page.title : s.signInHeading,
    'check-email': s.checkEmailHeading,
    'confirm-link': s.confirmHeading,
    verifying: s.verifyingHeading,
    purchase:
      next.name === 'purchase'
        ? next.buying
          ? s.redirecting
          : next.other
            ? fill(s.otherAccount, { email: next.other })
            : next.page.title
        : '',
    returning: s.returningHeading,
    granted: s.grantedAnnouncement,
    error: s.errorHeading,
  };
  return text[next.name];
}
