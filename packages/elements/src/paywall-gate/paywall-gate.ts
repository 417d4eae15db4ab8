import { html, nothing } from 'lit';
import type { PropertyDeclarations, PropertyValues, TemplateResult } from 'lit';
import type { SessionEvent } from '@visitor-access/sdk/lite';
import { broadcastAccessChange } from '../internal/access-channel.js';
import { track } from '../internal/analytics.js';
import type { Track } from '../internal/analytics.js';
import type { AccessMessage } from '../internal/access-channel.js';
import { ClientElement } from '../internal/client-element.js';
import { lastEmail } from '../internal/cooldown.js';
import { formatPrice } from '../internal/format.js';
import { describeFailure } from '../internal/errors.js';
import type { Failure } from '../internal/errors.js';
import { VaAccessGrantedEvent, VaErrorEvent, VaStateChangeEvent } from '../internal/events.js';
import { flow } from '../internal/flow.js';
import { buyIntent } from '../internal/intent.js';
import { checkAccess, takeOrCheckAccess } from '../internal/purchase.js';
import { laterStates } from '../internal/later.js';
import type { Later } from '../internal/later-load.js';
import { setupMessage } from '../internal/setup.js';
import type { SetupProblem } from '../internal/setup.js';
import { answer } from '../internal/shapes.js';
import { SignInController } from '../internal/sign-in/controller.js';
import { sharedStrings } from '../internal/strings.js';
import type { Strings } from '../internal/strings.js';
import { baseStyles } from '../internal/styles.js';
import { buyUrl, cleanUrl, takeUrlState } from '../internal/url-state.js';
import { initialState, transition } from './paywall-gate-machine.js';
import type { GateEvent, GateState, PageInfo } from './paywall-gate-machine.js';
import { gateStyles } from './paywall-gate.styles.js';
import type { GateBuying } from './buying.js';
import { verifyLink } from './link.js';
import { GateContent } from './content.js';
import { announcement, checkingState, grantedState, signInState } from './first-states.js';
import { GateLater, problemOf } from './later-view.js';

/**
 * Shows its content only to visitors with access to a page. Everyone else sees the page's title
 * and price (or "free") with one email field and one button: "Buy for $19.00" signs the visitor in
 * and goes on to checkout without a second click.
 *
 * @summary Gate content behind sign-in or a purchase.
 *
 * @slot - The protected content. Inline content is in the page source: use `src` for content that must stay on the server until access is confirmed, or a `<template>` child (cosmetic: never shown before access, but readable in the source).
 * @slot preview - A public teaser shown above the gate while the visitor has no access.
 *
 * @event va-state-change - The gate changed state. `detail: { state, previous }`.
 * @event va-access-granted - The visitor has access; the content is shown. `detail: { reason, page }`.
 * @event va-error - An error is shown. `detail: { code, message, requestId }`.
 * @event va-analytics - A funnel event: `paywall_view`, `email_submitted`, `login`, `begin_checkout`, `purchase`, `access_granted`. `detail: { event, handle, page, method?, value?, currency?, transaction_id? }`; also pushed to `window.dataLayer` with `analytics="dataLayer"`.
 *
 * @csspart panel - The box around every state but `granted`.
 * @csspart state - The container of the current state (also `state-<name>`, e.g. `state-sign-in`).
 * @csspart heading - The heading of the current state (the page's title where there is one).
 * @csspart price - The formatted price.
 * @csspart lead - "Sign in to read — free".
 * @csspart form - A form (email or code).
 * @csspart label - A form label.
 * @csspart input - A text field.
 * @csspart code-input - The 6-digit code field.
 * @csspart field-error - A field's error message.
 * @csspart button - Every button (also `button-primary`, `button-secondary`).
 * @csspart resend-button - The "send a new link" button.
 * @csspart cooldown - The resend countdown.
 * @csspart notice - A notice (expired link, cancelled checkout, in-app browser hint…).
 * @csspart session - The "signed in as … / sign out" line (left out when the page has a `<visitor-session>`).
 * @csspart error - The error message.
 * @csspart support-code - The request ID shown for support.
 * @csspart report - The "report a problem" area.
 * @csspart report-button - The "Report a problem" button.
 * @csspart report-result - "Report sent. Reference: rep_…".
 * @csspart waiting - The "waiting for you to open the link" line.
 * @csspart in-app-hint - The hint shown inside in-app browsers.
 * @csspart code-form - The 6-digit code form.
 * @csspart content - The wrapper of the granted content.
 *
 * @cssproperty --va-color-text - Text colour.
 * @cssproperty --va-color-muted - Secondary text colour.
 * @cssproperty --va-color-surface - Panel background.
 * @cssproperty --va-color-field - Text field background.
 * @cssproperty --va-color-border - Borders.
 * @cssproperty --va-color-accent - Buttons, links, focus rings.
 * @cssproperty --va-color-on-accent - Text on accent buttons.
 * @cssproperty --va-color-danger - Error text.
 * @cssproperty --va-color-success - Success text.
 * @cssproperty --va-radius - Corner radius.
 * @cssproperty --va-space - Base spacing.
 * @cssproperty --va-font-family - Font family (the page's by default).
 * @cssproperty --va-font-size - Base font size (the page's by default).
 *
 * @example
 * ```html
 * <paywall-gate handle="gharart" page="masterclass" src="/content/masterclass.html"></paywall-gate>
 * ```
 */
export class PaywallGate extends ClientElement {
  static override styles = [baseStyles, gateStyles];

  // Declared here rather than with decorators: the bundle then carries no decorator helper.
  static override properties: PropertyDeclarations = {
    handle: {},
    page: {},
    src: {},
    navigate: { attribute: false },
    gateState: { state: true, attribute: false },
    visitorEmail: { state: true, attribute: false },
    failure: { state: true, attribute: false },
    announcement: { state: true, attribute: false },
  };

  /** The creator's handle. */
  handle = '';
  /** The page slug. */
  page = '';
  /** URL of the protected content, fetched with credentials only once access is granted. */
  src: string | undefined;
  /** How the gate leaves for checkout; replace it in single-page apps or tests. */
  navigate: (url: string) => void = (url) => location.assign(url);

  /** The current state, also reflected to the `state` attribute for styling. */
  gateState: GateState = initialState;
  private visitorEmail: string | undefined;
  private failure: Failure | undefined;
  private announcement = '';

  /** A sign-in token read from the address bar, used only after the visitor's click. */
  #token: string | undefined;
  #moveFocus = false;
  #focusPending = false;

  /** How this tab just signed in, until the next access check says whether the session stuck. */
  #login: 'link' | 'code' | undefined;

  readonly #signIn = new SignInController(this, {
    sent: (email, bot) => {
      if (!bot) this.#track({ event: 'email_submitted' });
      if (this.#paid) buyIntent.set(this.#gate, email);
      this.#send({ type: 'LINK_SENT', email });
    },
    returnTo: () => (this.#paid ? buyUrl(this.#gate) : cleanUrl()),
    signedIn: () => {
      this.#login = 'code';
      this.#signedInHere();
    },
    signedInElsewhere: () => this.refresh(),
    linkProblem: (notice, email) => this.#send({ type: 'LINK_PROBLEM', notice, email }),
    failed: (failure) => this.#fail(failure),
  });

  /**
   * @internal How the gate gets its later states: statically in the npm build, with the SDK's chunk
   * in the script-tag build (decision 0153). Tests hold them back here.
   */
  later: Later = laterStates;
  readonly #later = new GateLater(
    this,
    () => ({
      s: this.s,
      signIn: this.#signIn,
      paid: this.#paid,
      visitorEmail: this.visitorEmail,
      apiClient: this.apiClient,
      setupProblem: this.setupProblem,
      send: (event) => this.#send(event),
      price: (page) => this.#price(page),
      changeEmail: () => {
        this.#moveFocus = true;
        this.#send({ type: 'CHANGE_EMAIL' });
      },
      confirmPayment: () => this.#confirmPayment(),
      logout: () => void this.#logout(),
    }),
    () => problemOf(this.gateState, this.failure, this.handle, this.page, this.#supportCode()),
  );

  /** Checkout and the return from it, with the later states (every step of it needs the SDK). */
  #buying: GateBuying | undefined;
  #buy(step: (buying: GateBuying) => void): void {
    this.later.load().then(
      (later) =>
        step(
          (this.#buying ??= new later.GateBuying(this, {
            send: (event) => this.#send(event),
            fail: (failure) => this.#fail(failure),
            track: (event) => this.#track(event),
            signedInAs: (email) => (this.visitorEmail = email),
            stalled: (failure) => (this.failure = failure),
          })),
        ),
      (error: unknown) => this.#fail(describeFailure(error)),
    );
  }

  /** The protected content, once access is granted. */
  readonly #content = new GateContent(this, () => this.gateState.name === 'granted');

  /** The access check; `quiet` ones run in the background and change nothing on failure. */
  readonly #check = flow(
    this,
    ([quiet]: readonly [quiet: boolean], signal) =>
      (quiet ? checkAccess : takeOrCheckAccess)(this.apiClient!, this.handle, this.page, signal),
    (result, [quiet]) => {
      if (quiet && this.gateState.name === 'granted' && result.hasAccess) {
        // Still entitled: a "signed out" seen meanwhile came from a stale request.
        if (result.reason === 'entitled') void this.#learnVisitor();
        return;
      }
      // Signed in already: a link in the address bar is not needed (opened again after signing in).
      if (result.reason !== 'visitor_auth_required') this.#token = undefined;
      // A sign-in counts once the session is seen to stick (a dropped cookie is no login).
      if (!quiet && this.#login) {
        if (result.reason !== 'visitor_auth_required') this.#track({ event: 'login', method: this.#login });
        this.#login = undefined;
      }
      this.#send({ type: 'ACCESS', ...result });
    },
    (error, [quiet]) => {
      if (quiet) return; // a background re-check that fails leaves the visitor where they are
      const failure = describeFailure(error);
      if (failure.code === 'invalid_request') failure.kind = 'page_not_found';
      this.#fail(failure);
    },
  );

  /** The sign-in link from the address bar, after the visitor's click. */
  readonly #verify = verifyLink(this, {
    signedIn: () => {
      this.#login = 'link';
      this.#signedInHere();
    },
    linkProblem: (notice) => this.#send({ type: 'LINK_PROBLEM', notice, email: lastEmail.get() }),
    failed: (failure) => this.#fail(failure),
  });

  #track(event: Omit<Track, 'handle' | 'page'>): void {
    track(this, { ...event, handle: this.handle, page: this.page });
  }

  /** The English strings: the first states' until the later states have arrived with theirs. */
  protected override get english(): Partial<Strings> {
    return this.#later.english ?? sharedStrings;
  }

  get #gate(): string {
    return `${this.handle}/${this.page}`;
  }

  /** Whether the page is for sale (the sign-in form then says "Buy for …"). */
  get #paid(): boolean {
    const state = this.gateState;
    return 'page' in state && state.page?.mode === 'PAID';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('focusin', this.#onFocusIn);
    addEventListener('pageshow', this.#onPageShow);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('focusin', this.#onFocusIn);
    removeEventListener('pageshow', this.#onPageShow);
  }

  readonly #onFocusIn = () => {
    this.#moveFocus = true;
  };

  // Back from checkout with the browser's back button: the page comes out of the back-forward
  // cache as it was left ("Taking you to checkout…"). Look again.
  readonly #onPageShow = (event: PageTransitionEvent) => {
    if (event.persisted && this.started) this.#send({ type: 'CHECK' });
  };

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.hasUpdated && (changed.has('handle') || changed.has('page'))) this.load();
    if (changed.has('gateState' as keyof PaywallGate)) this.setAttribute('state', this.gateState.name);
  }

  protected override updated(): void {
    if (this.#moveFocus && this.#focusPending) {
      this.#focusPending = false;
      const target =
        this.shadowRoot?.querySelector<HTMLElement>('[data-focus-field]') ??
        this.shadowRoot?.querySelector<HTMLElement>('[data-focus]');
      target?.focus();
    }
  }

  /** No usable API address: the error state says what to fix (decision 0122). */
  protected override misconfigured(problem: SetupProblem): void {
    this.#fail({ kind: 'not_configured', code: 'not_configured', message: setupMessage(this.s, problem) });
  }

  /** Starts the flow once handle, page and a client are known: reads the address bar, then checks. */
  protected load(): void {
    if (!this.handle || !this.page || !this.apiClient || !this.isConnected) return;
    this.visitorEmail = undefined;
    const url = takeUrlState();
    const checkout = url.checkout;
    this.#token = url.token;
    if (url.token) {
      this.#send({ type: 'CHECK', link: true });
    } else if (checkout && (!checkout.gate || checkout.gate === this.#gate)) {
      if (checkout.outcome === 'success') {
        this.#send({ type: 'RETURNED' });
        this.#buy((buying) => buying.returned(checkout.sessionId));
      } else this.#send({ type: 'CANCELLED' });
    } else {
      // Arrived from the sign-in link "Buy for …" asked for, in the browser that asked: checkout next.
      const buy = url.buy === this.#gate && buyIntent.has(this.#gate);
      if (url.signedIn) this.#login = 'link';
      // Back from a sign-in link's landing page, which verified it: still signed out then means the
      // cookie was not kept, and the visitor is told why instead of being asked to sign in again.
      this.#send(url.signedIn ? { type: 'VERIFIED', buy } : { type: 'CHECK', buy });
    }
  }

  /** Re-checks in the background (another tab, a session change): no "checking" flash. */
  protected override refresh(): void {
    const name = this.gateState.name;
    if (!this.started || name === 'verifying' || name === 'returning' || name === 'checking') return;
    void this.#check.run([true]);
  }

  protected override accessChanged(message: AccessMessage & { source?: object }): void {
    if (message.source !== this && (message.handle === this.handle || message.handle === '*')) this.refresh();
  }

  protected override sessionChanged(event: SessionEvent, replay: boolean): void {
    this.visitorEmail =
      event.state === 'signed_in' && typeof event.visitor.email === 'string' ? event.visitor.email : undefined;
    // A code being checked here reports its own sign-in (which may go on to checkout).
    if (replay || this.#signIn.busy) return;
    const name = this.gateState.name;
    if (event.state === 'signed_out' && (name === 'granted' || name === 'purchase' || name === 'returning')) {
      this.refresh();
    } else if (event.state === 'signed_in' && (name === 'sign-in' || name === 'confirm-link')) {
      this.refresh();
    }
  }

  /** Feeds an event to the state machine and performs what the new state needs. */
  #send(event: GateEvent): void {
    const previous = this.gateState;
    const next = transition(previous, event);
    if (next === previous) return;
    this.gateState = next;
    this.#focusPending = true;
    if (previous.name === 'check-email' && next.name !== 'check-email') this.#signIn.wait.stop();
    if (previous.name === 'granted' && next.name !== 'granted') {
      this.#content.remove();
      // Access was lost here (refund, sign-out): tell the other tabs.
      broadcastAccessChange({ handle: this.handle, page: this.page }, this);
    }
    if (next.name !== 'error') this.failure = undefined;
    if (next.name !== previous.name) this.#later.reset();
    this.announcement = announcement(this.s, next);
    if (next.name !== previous.name) {
      this.dispatchEvent(new VaStateChangeEvent({ state: next.name, previous: previous.name }));
    }
    switch (next.name) {
      case 'checking':
        void this.#check.run([false]);
        // The first price formatter of a page is slow to make (tens of milliseconds on a phone):
        // make it while the check is on the wire, not after, when the visitor is waiting for the form.
        if (previous === initialState) setTimeout(() => formatPrice(0, 'USD', this.lang_));
        break;
      case 'check-email':
        this.#signIn.wait.start(next.email);
        break;
      case 'verifying':
        if (this.#token) void this.#verify.run([this.#token]);
        this.#token = undefined;
        break;
      case 'sign-in':
        this.#track({ event: 'paywall_view' });
        break;
      case 'granted':
        if (previous.name !== 'granted') {
          if (next.reason === 'entitled') this.#track({ event: 'access_granted' });
          this.dispatchEvent(new VaAccessGrantedEvent({ reason: next.reason, page: next.page }));
          this.#loadContent();
        }
        if (next.reason === 'entitled') void this.#learnVisitor();
        break;
      case 'purchase':
        this.#track({ event: 'paywall_view' });
        if (next.buying) {
          // One sign-in opens at most one checkout session: this tab takes the intent.
          const asked = buyIntent.take(this.#gate);
          this.#buy((buying) => buying.buy(!!next.carried, asked));
        }
        void this.#learnVisitor();
        break;
      case 'error': {
        const f = this.failure ?? { code: next.kind, message: next.kind };
        this.dispatchEvent(new VaErrorEvent({ code: f.code, message: f.message, requestId: this.#supportCode() }));
        break;
      }
    }
  }

  #fail(failure: Failure): void {
    this.failure = failure;
    this.#send({ type: 'FAIL', kind: failure.kind, code: failure.code, retryAfter: failure.retryAfter });
  }

  /** A sign-in completed in this gate (code typed, or the link's "Continue" clicked). */
  #signedInHere(): void {
    broadcastAccessChange({ handle: this.handle }, this);
    this.#send({ type: 'VERIFIED', buy: buyIntent.has(this.#gate) });
  }

  #confirmPayment(): void {
    this.#send({ type: 'RETURNED' });
    this.#buy((buying) => buying.confirm());
  }

  async #logout(): Promise<void> {
    try {
      await this.apiClient?.auth.logout();
    } catch {
      // Logout is idempotent; whatever happened, re-check what this visitor can see now.
    }
    this.visitorEmail = undefined;
    broadcastAccessChange({ handle: this.handle }, this);
    this.#moveFocus = true;
    this.#send({ type: 'CHECK' });
  }

  async #learnVisitor(): Promise<void> {
    const client = this.apiClient;
    if (this.visitorEmail || !client) return;
    try {
      // Only asked when the access check says the visitor is signed in: never a 401.
      this.visitorEmail = (await answer(client.auth.me(), 'visitor.email:string')).visitor.email;
    } catch {
      // Offline, or an answer we cannot read: simply no signed-in line.
    }
  }

  #supportCode(): string | undefined {
    return this.failure?.requestId ?? this.apiClient?.lastRequestId;
  }

  /** Shows the granted content: `src` is fetched; a `<template>` child is copied out. */
  #loadContent(): void {
    this.#content.load(this.src && new URL(this.src, location.href).href);
  }

  #price(page: PageInfo | undefined): string {
    return page?.price !== undefined && page.currency ? formatPrice(page.price, page.currency, this.lang_) : '';
  }

  protected override render(): TemplateResult {
    const state = this.gateState;
    const live = html`<div class="sr-only" role="status" aria-live="polite" aria-atomic="true">
      ${this.announcement}
    </div>`;
    if (state.name === 'granted') {
      return html`${live}${this.#later.session(true)}
      ${grantedState(this.s, this.#content.status, () => this.#loadContent())}`;
    }
    // While the first check runs, nothing shows for a moment: an entitled visitor goes straight
    // from nothing to the content, never through a flash of a panel or the preview.
    const quiet = state.name === 'checking' || state.name === 'verifying';
    return html`${live}${quiet ? nothing : html`<slot name="preview"></slot>`}
      <section part="panel" class="panel ${quiet ? 'delayed' : ''}" aria-labelledby="va-heading">
        ${this.#renderState(state)}
      </section>`;
  }

  #renderState(state: GateState): TemplateResult {
    const s = this.s;
    switch (state.name) {
      case 'checking':
      case 'verifying':
        return checkingState(s, state);
      case 'sign-in':
        return signInState(this.#signIn, s, state, this.#price(state.page));
      case 'granted':
        return html``;
      default:
        return this.#later.render(state, s, () => this.#renderState(initialState));
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'paywall-gate': PaywallGate;
  }
}
