import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { VisitorAccessClient } from '../internal/client.js';
import { cookieMessage } from '../internal/messages.js';
import { ReportController } from '../internal/report.js';
import { GateBuying } from './buying.js';
import { setupMessage } from '../internal/setup.js';
import type { SetupProblem } from '../internal/setup.js';
import { checkEmail } from '../internal/sign-in/check-email.js';
import { withEmail } from '../internal/sign-in/templates.js';
import type { SignInController } from '../internal/sign-in/controller.js';
import { fill, formatWait } from '../internal/strings.js';
import { signInStrings } from '../internal/strings-later.js';
import type { Strings } from '../internal/strings.js';
import type { GateEvent, GateState, PageInfo } from './paywall-gate-machine.js';

// The gate's later states (decision 0153): what a gate shows after its first usable state (the
// check, the email form with its price, the content). The script-tag bundles load this module with
// the SDK, after the first usable paint (`internal/later-lazy.ts`); the npm build imports it.

/** What the later states need of their gate. */
export interface GateView {
  readonly s: Strings;
  readonly signIn: SignInController;
  /** The page is for sale. */
  readonly paid: boolean;
  readonly report: ReportController;
  readonly visitorEmail: string | undefined;
  readonly apiClient: VisitorAccessClient | undefined;
  readonly setupProblem: SetupProblem | undefined;
  send(event: GateEvent): void;
  price(page: PageInfo | undefined): string;
  /** "Use another email": back to the form, focus on its field. */
  changeEmail(): void;
  /** "Check again" after a checkout whose payment has not landed yet. */
  confirmPayment(): void;
  logout(): void;
}

/** "Signed in as … · Sign out", unless the page shows it already in a `<visitor-session>`. */
export function sessionLine(view: GateView, granted: boolean): TemplateResult | typeof nothing {
  if (!view.visitorEmail || document.querySelector('visitor-session')) return nothing;
  return html`<p part="session" class="session ${granted ? 'surface' : ''}">
    <span>${withEmail(view.s.signedInAs, view.visitorEmail)}</span>
    <button part="button" class="link" @click=${() => view.logout()}>${view.s.signOut}</button>
  </p>`;
}

/** The states after the first: check-email, confirm-link, purchase, returning and error. */
export function laterState(view: GateView, state: GateState): TemplateResult {
  const s = view.s;
  switch (state.name) {
    case 'check-email':
      return checkEmail(view.signIn, s, {
        email: state.email,
        next: view.paid ? s.checkEmailThenBuy : s.checkEmailThenRead,
        onChangeEmail: () => view.changeEmail(),
      });
    case 'confirm-link': {
      // Never "Continue as …": whose link this is is known only once it is used (issue 19).
      return html`<div part="state state-confirm-link" class="stack">
        <h2 id="va-heading" part="heading" tabindex="-1" data-focus>${s.confirmHeading}</h2>
        <p>${s.confirmBody}</p>
        <button part="button button-primary" class="primary" @click=${() => view.send({ type: 'CONFIRM' })}>
          ${s.continue}
        </button>
      </div>`;
    }
    case 'purchase': {
      const { page } = state;
      const price = view.price(page);
      return html`<div part="state state-purchase" class="stack">
        <h2 id="va-heading" part="heading" tabindex="-1" data-focus>${page.title}</h2>
        ${price ? html`<p part="price" class="price">${price}</p>` : nothing}
        <p class="muted">${s.purchaseBody}</p>
        ${state.cancelled ? html`<p part="notice" class="notice">${s.checkoutCancelled}</p>` : nothing}
        ${state.other ? html`<p part="notice" class="notice">${withEmail(s.otherAccount, state.other)}</p>` : nothing}
        <button
          part="button button-primary"
          class="primary"
          ?disabled=${state.buying}
          @click=${() => view.send({ type: 'BUY' })}
        >
          ${state.buying ? s.redirecting : price ? fill(s.buy, { price }) : s.buyNoPrice}
        </button>
        ${sessionLine(view, false)}
      </div>`;
    }
    case 'returning':
      return html`<div part="state state-returning" class="stack">
        <h2 id="va-heading" part="heading" tabindex="-1" data-focus>
          ${state.stalled ? s.paymentPendingHeading : html`<span class="spinner" aria-hidden="true"></span>${s.returningHeading}`}
        </h2>
        ${
          state.stalled
            ? html`<p part="error" class="alert" role="alert">${s.paymentPending}</p>
                <button part="button button-primary" class="primary" @click=${() => view.confirmPayment()}>
                  ${s.checkAgain}
                </button>
                ${view.report.render(s)}`
            : html`<p class="muted">${s.returningBody}</p>`
        }
      </div>`;
    case 'error':
      return errorState(view, state);
    default:
      return html``;
  }
}

function errorState(view: GateView, state: Extract<GateState, { name: 'error' }>): TemplateResult {
  const s = view.s;
  const messages: Record<string, string> = {
    network: s.errorNetwork,
    unavailable: s.errorUnavailable,
    page_not_found: s.errorNotFound,
    connect_not_configured: s.errorConnect,
    rate_limited: fill(s.errorRateLimited, { wait: formatWait(state.retryAfter ?? 60, s) }),
  };
  let message = messages[state.kind] ?? s.errorGeneric;
  if (state.kind === 'cookies_blocked') message = cookieMessage(s, view.apiClient);
  const setup = state.kind === 'not_configured' ? view.setupProblem : undefined;
  if (setup) message = setupMessage(s, setup);
  const retryable = state.kind !== 'page_not_found' && state.kind !== 'connect_not_configured' && !setup;
  return html`<div part="state state-error" class="stack">
    <h2 id="va-heading" part="heading" tabindex="-1" data-focus>
      ${state.kind === 'cookies_blocked' ? s.errorCookiesHeading : setup ? s.setupHeading : s.errorHeading}
    </h2>
    <p part="error" class="alert">${message}</p>
    ${
      retryable
        ? html`<button part="button button-primary" class="primary" @click=${() => view.send({ type: 'CHECK' })}>
            ${s.retry}
          </button>`
        : nothing
    }
    ${setup ? nothing : view.report.render(s)}
  </div>`;
}

/** The gate's later states, as the gate takes them (one object: no module namespace in the chunk). */
export const later = { laterState, sessionLine, ReportController, GateBuying, english: signInStrings };
