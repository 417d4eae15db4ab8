import { html, nothing } from 'lit';
import type { PropertyDeclarations, PropertyValues, TemplateResult } from 'lit';
import type { SessionEvent } from '@visitor-access/sdk/lite';
import { broadcastAccessChange } from '../internal/access-channel.js';
import { majorUnits, track, transactionId } from '../internal/analytics.js';
import type { Track } from '../internal/analytics.js';
import type { AccessMessage } from '../internal/access-channel.js';
import { ClientElement } from '../internal/client-element.js';
import { lastEmail } from '../internal/cooldown.js';
import { formatPrice } from '../internal/env.js';
import { codeOf, describeFailure } from '../internal/errors.js';
import type { Failure } from '../internal/errors.js';
import { VaAccessGrantedEvent, VaErrorEvent, VaStateChangeEvent } from '../internal/events.js';
import { flow } from '../internal/flow.js';
import { buyIntent, normaliseEmail } from '../internal/intent.js';
import { awaitPayment, checkAccess, startCheckout, takeOrCheckAccess } from '../internal/purchase.js';
import { laterStates } from '../internal/later.js';
import type { Later } from '../internal/later-load.js';
import type { ReportController } from '../internal/report.js';
import { setupMessage } from '../internal/setup.js';
import type { SetupProblem } from '../internal/setup.js';
import { answer } from '../internal/shapes.js';
import { SignInController } from '../internal/sign-in/controller.js';
import { signInForm } from '../internal/sign-in/templates.js';
import { fill, sharedStrings } from '../internal/strings.js';
import type { Strings } from '../internal/strings.js';
import { baseStyles } from '../internal/styles.js';
import { buyUrl, cleanUrl, takeUrlState } from '../internal/url-state.js';
import { initialState, transition } from './paywall-gate-machine.js';
import type { GateEvent, GateState, LinkNotice, PageInfo } from './paywall-gate-machine.js';
import type { GateView } from './later-states.js';
import { gateStyles } from './paywall-gate.styles.js';

// One verify per token per page, however many gates were asked to use it.
const verifications = new Map<string, Promise<unknown>>();

const NOTICES: Record<string, LinkNotice> = {
  expired_magic_link: 'expired',
  used_magic_link: 'used',
  invalid_magic_link: 'invalid',
  invalid_request: 'invalid',
};

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
    contentStatus: { state: true, attribute: false },
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
  private contentStatus: 'loading' | 'ready' | 'failed' | undefined;
  private announcement = '';

  /** A sign-in token read from the address bar, used only after the visitor's click. */
  #token: string | undefined;
  #moveFocus = false;
  #focusPending = false;
  #contentNode: HTMLElement | undefined;

  /** How this tab just signed in, until the next access check says whether the session stuck. */
  #login: 'link' | 'code' | undefined;
  /** The `transaction_id` of the checkout this page came back from. */
  #transaction: Promise<string | undefined> | undefined;

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

  /** "Report a problem", made with the later states (decision 0153). */
  #report: ReportController | undefined;

  /**
   * @internal How the gate gets its later states: statically in the npm build, with the SDK's chunk
   * in the script-tag build (decision 0153). Tests hold them back here.
   */
  later: Later = laterStates;
  /** The later states did not arrive (their chunk failed to load): the network error says so. */
  #laterFailed = false;

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
  readonly #verify = flow(
    this,
    ([token]: readonly [string]) => {
      let verification = verifications.get(token);
      if (!verification) {
        verification = this.apiClient!.auth.verify({ token });
        verifications.set(token, verification);
      }
      return verification;
    },
    () => {
      this.#login = 'link';
      this.#signedInHere();
    },
    (error) => {
      const notice = NOTICES[codeOf(error) ?? ''];
      if (notice) this.#send({ type: 'LINK_PROBLEM', notice, email: lastEmail.get() });
      else this.#fail(describeFailure(error));
    },
  );

  /**
   * A sign-in that "Buy for …" asked for: checkout only if the account signed in now is the one
   * that asked (same address). A link someone else sent signs in as them: ask first (decision 0121).
   */
  readonly #buyAsAsker = flow(
    this,
    async ([asked]: readonly [asked: string | undefined]) => ({
      asked,
      email: (await answer(this.apiClient!.auth.me(), 'visitor.email:string')).visitor.email,
    }),
    ({ asked, email }) => {
      this.visitorEmail = email;
      if (asked && normaliseEmail(email) === asked) void this.#checkout.run([]);
      else this.#send({ type: 'HOLD', other: asked === undefined ? undefined : email });
    },
    () => this.#send({ type: 'HOLD' }),
  );

  readonly #checkout = flow(
    this,
    () => startCheckout(this.apiClient!, this.handle, this.page),
    ({ url }) => {
      const state = this.gateState;
      this.#track({ event: 'begin_checkout', ...('page' in state ? this.#value(state.page) : {}) });
      this.navigate(url);
    },
    (error) => {
      const code = codeOf(error);
      if (code === 'already_entitled' || code === 'visitor_unauthorized') this.#send({ type: 'CHECK' });
      else this.#fail(describeFailure(error));
    },
  );

  /** Back from checkout: re-checks with a bounded poll until the payment lands. */
  readonly #payment = flow(
    this,
    async (_: readonly [], signal) => {
      const result = await awaitPayment(this.apiClient!, this.handle, this.page, signal);
      return { result, transaction: result?.hasAccess ? await this.#transaction?.catch(() => undefined) : undefined };
    },
    ({ result, transaction }) => {
      if (result) {
        if (result.hasAccess) {
          broadcastAccessChange({ handle: this.handle, page: this.page }, this);
          if (this.#transaction)
            this.#track({ event: 'purchase', ...this.#value(result.page), transaction_id: transaction });
          this.#transaction = undefined;
        }
        return this.#send({ type: 'ACCESS', ...result });
      }
      const message = 'Payment not confirmed yet';
      this.#send({ type: 'STALLED' });
      this.failure = { kind: 'payment_pending', code: 'payment_pending', message };
      this.dispatchEvent(new VaErrorEvent({ code: 'payment_pending', message, requestId: this.#supportCode() }));
    },
  );

  /** The `src` content, fetched only once access is granted. */
  readonly #content = flow(
    this,
    async ([src]: readonly [string], signal) => {
      // The sanitizer is needed only here: the script-tag build loads it beside the content (0151).
      const [response, { sanitizeHtml }] = await Promise.all([
        fetch(src, { credentials: 'include', headers: { accept: 'text/html, text/plain' }, signal }),
        import('../internal/sanitize.js'),
      ]);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const html = (response.headers.get('content-type') ?? '').includes('text/html');
      return { html, body: await response.text(), sanitizeHtml };
    },
    ({ html, body, sanitizeHtml }, [src]) => {
      if (this.gateState.name !== 'granted') return;
      const node = document.createElement('div');
      if (html) node.append(sanitizeHtml(body, src));
      else node.textContent = body;
      this.#showContent(node);
    },
    (error) => {
      this.contentStatus = 'failed';
      this.dispatchEvent(new VaErrorEvent({ code: 'content_unavailable', message: String(error) }));
    },
  );

  #track(event: Omit<Track, 'handle' | 'page'>): void {
    track(this, { ...event, handle: this.handle, page: this.page });
  }

  /** `value` and `currency` of a page with a price. */
  #value(page: PageInfo | undefined): Pick<Track, 'value' | 'currency'> {
    return page?.price !== undefined && page.currency
      ? { value: majorUnits(page.price, page.currency), currency: page.currency }
      : {};
  }

  /** The English strings: the first states' until the later states have arrived with theirs. */
  protected override get english(): Partial<Strings> {
    return this.later.now()?.english ?? sharedStrings;
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
        // Back from a completed checkout: the one moment a purchase is counted (decision 0120).
        this.#transaction = checkout.sessionId ? transactionId(checkout.sessionId) : Promise.resolve(undefined);
        this.#confirmPayment();
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
      this.#content.abort();
      this.#removeContent();
      // Access was lost here (refund, sign-out): tell the other tabs.
      broadcastAccessChange({ handle: this.handle, page: this.page }, this);
    }
    if (next.name !== 'error') this.failure = undefined;
    if (next.name !== previous.name) this.#report?.reset();
    this.#announce(next);
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
          if (next.carried) void this.#buyAsAsker.run([asked]);
          else void this.#checkout.run([]);
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

  #announce(next: GateState): void {
    const s = this.s;
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
    this.announcement = text[next.name];
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
    void this.#payment.run([]);
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
    if (this.src) {
      this.contentStatus = 'loading';
      void this.#content.run([new URL(this.src, location.href).href]);
      return;
    }
    const template = [...this.children].find(
      (child): child is HTMLTemplateElement => child instanceof HTMLTemplateElement && !child.slot,
    );
    if (template) {
      const node = document.createElement('div');
      node.append(template.content.cloneNode(true));
      this.#showContent(node);
    }
  }

  #showContent(node: HTMLElement): void {
    this.#removeContent();
    node.setAttribute('data-va-content', '');
    this.append(node);
    this.#contentNode = node;
    this.contentStatus = 'ready';
  }

  #removeContent(): void {
    this.#contentNode?.remove();
    this.#contentNode = undefined;
    this.contentStatus = undefined;
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
      return html`${live}${this.later.now()?.sessionLine(this.#view(), true) ?? nothing}
        <div part="content" aria-busy=${this.contentStatus === 'loading' ? 'true' : 'false'}>
          ${
            this.contentStatus === 'loading'
              ? html`<p class="ui muted surface">
                  <span class="spinner" aria-hidden="true"></span>${this.s.contentLoading}
                </p>`
              : nothing
          }
          ${
            this.contentStatus === 'failed'
              ? html`<div class="ui surface">
                  <p class="error" part="error" role="alert">${this.s.contentFailed}</p>
                  <button part="button button-primary" class="primary" @click=${() => this.#loadContent()}>
                    ${this.s.retry}
                  </button>
                </div>`
              : nothing
          }
          <slot></slot>
        </div>`;
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
        return html`<div part="state state-${state.name}" class="reserve">
          <h2 id="va-heading" part="heading" class="quiet" tabindex="-1" data-focus>
            <span class="spinner" aria-hidden="true"></span
            >${state.name === 'verifying' || state.after === 'verify' ? s.verifyingHeading : s.checking}
          </h2>
          ${this.#placeholder(s)}
        </div>`;
      case 'sign-in': {
        const { page, notice } = state;
        const paid = page?.mode === 'PAID';
        const price = this.#price(page);
        return signInForm(this.#signIn, s, {
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
      case 'granted':
        return html``;
      default:
        return this.#renderLater(state);
    }
  }

  /** A state after the first, once its module has arrived (decision 0153). */
  #renderLater(state: GateState): TemplateResult {
    const later = this.later.now();
    if (later) return later.laterState(this.#view(), state);
    if (this.#laterFailed) {
      // Its chunk did not load: the network error, whose "Try again" loads it again.
      return html`<div part="state state-error" class="stack">
        <h2 id="va-heading" part="heading" tabindex="-1" data-focus>${this.s.errorHeading}</h2>
        <p part="error" class="alert">${this.s.errorNetwork}</p>
        <button part="button button-primary" class="primary" @click=${() => this.#retryLater()}>
          ${this.s.retry}
        </button>
      </div>`;
    }
    // Until it arrives, the check's panel (same size): nothing moves, nothing can be pressed twice.
    this.later.load().then(
      () => this.requestUpdate(),
      () => {
        this.#laterFailed = true;
        this.requestUpdate();
      },
    );
    return this.#renderState(initialState);
  }

  #retryLater(): void {
    this.#laterFailed = false;
    this.#moveFocus = true;
    if (this.gateState.name === 'error') this.#send({ type: 'CHECK' });
    else this.requestUpdate();
  }

  /** What the later states need of this gate. */
  #view(): GateView {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const gate = this;
    const later = this.later.now()!;
    return {
      s: this.s,
      signIn: this.#signIn,
      paid: this.#paid,
      get report() {
        return (gate.#report ??= new later.ReportController(gate, () => gate.apiClient, () => gate.#problem()));
      },
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
    };
  }

  /** What "Report a problem" sends about the state on screen. */
  #problem() {
    const state = this.gateState;
    const kind = state.name === 'error' ? state.kind : state.name === 'returning' ? 'payment_pending' : state.name;
    return {
      what: `paywall-gate: ${kind} on ${this.#gate}`,
      code: this.failure?.code ?? kind,
      message: this.failure?.message,
      handle: this.handle,
      lines: [`State: ${state.name}`, `Handle: ${this.handle}`, `Page: ${this.page}`],
      requestId: this.#supportCode(),
    };
  }

  /**
   * The space of the state that usually follows the check, a paid page's price and email form,
   * kept empty: the gate has its final size from its first frame (decision 0152).
   */
  #placeholder(s: Strings): TemplateResult {
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
}

declare global {
  interface HTMLElementTagNameMap {
    'paywall-gate': PaywallGate;
  }
}
