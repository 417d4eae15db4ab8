import { LitElement, html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { broadcastAccessChange, onAccessChange } from '../internal/access-channel.js';
import { onDefaultApiBaseChange, sharedClient } from '../internal/client.js';
import type { VisitorAccessClient } from '../internal/client.js';
import { lastEmail } from '../internal/cooldown.js';
import { formatPrice, languageOf } from '../internal/env.js';
import { codeOf, describeFailure } from '../internal/errors.js';
import type { Failure } from '../internal/errors.js';
import { VaAccessGrantedEvent, VaErrorEvent, VaStateChangeEvent } from '../internal/events.js';
import { sanitizeHtml } from '../internal/sanitize.js';
import { answer, read } from '../internal/shapes.js';
import { SignInController } from '../internal/sign-in.js';
import { fill, onStringsChange, resolveStrings } from '../internal/strings.js';
import type { Strings } from '../internal/strings.js';
import { baseStyles } from '../internal/styles.js';
import { timing } from '../internal/timing.js';
import { cleanUrl, takeUrlState } from '../internal/url-state.js';
import { initialState, transition } from './paywall-gate-machine.js';
import type { GateEvent, GateState, LinkNotice } from './paywall-gate-machine.js';
import { gateStyles } from './paywall-gate.styles.js';

// One verify per token per page, however many gates read it from the address bar.
const verifications = new Map<string, Promise<unknown>>();

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Shows its content only to visitors with access to a page, and walks everyone else through
 * sign-in (magic link or 6-digit code) and checkout.
 *
 * @summary Gate content behind sign-in or a purchase.
 *
 * @slot - The protected content (soft mode: it is in the page source; use `src` for content that must not be).
 * @slot preview - A public teaser shown above the gate while the visitor has no access.
 *
 * @event va-state-change - The gate changed state. `detail: { state, previous }`.
 * @event va-access-granted - The visitor has access; the content is shown. `detail: { reason, page }`.
 * @event va-error - An error is shown. `detail: { code, message, requestId }`.
 *
 * @csspart panel - The box around every state but `granted`.
 * @csspart state - The container of the current state (also `state-<name>`, e.g. `state-sign-in`).
 * @csspart heading - The heading of the current state.
 * @csspart form - A form (email or code).
 * @csspart label - A form label.
 * @csspart input - A text field.
 * @csspart code-input - The 6-digit code field.
 * @csspart field-error - A field's error message.
 * @csspart button - Every button (also `button-primary`, `button-secondary`).
 * @csspart resend-button - The "send a new link" button.
 * @csspart cooldown - The resend countdown.
 * @csspart notice - A notice (expired link, cancelled checkout, in-app browser hint…).
 * @csspart price - The formatted price.
 * @csspart session - The "signed in as … / sign out" line.
 * @csspart error - The error message.
 * @csspart support-code - The request ID shown for support.
 * @csspart report - The "report a problem" area.
 * @csspart report-result - "Report sent. Reference: rep_…".
 * @csspart waiting - The "waiting for you to open the link" line.
 * @csspart in-app-hint - The hint shown inside in-app browsers.
 * @csspart code-form - The 6-digit code form.
 * @csspart content - The wrapper of the granted content.
 *
 * @cssproperty --va-color-text - Text colour.
 * @cssproperty --va-color-muted - Secondary text colour.
 * @cssproperty --va-color-surface - Panel background.
 * @cssproperty --va-color-border - Borders.
 * @cssproperty --va-color-accent - Buttons, links, focus rings.
 * @cssproperty --va-color-on-accent - Text on accent buttons.
 * @cssproperty --va-color-danger - Error text.
 * @cssproperty --va-color-success - Success text.
 * @cssproperty --va-radius - Corner radius.
 * @cssproperty --va-space - Base spacing.
 * @cssproperty --va-font-family - Font family.
 * @cssproperty --va-font-size - Base font size.
 *
 * @example
 * ```html
 * <paywall-gate handle="gharart" page="masterclass" api-base="https://api.example.com">
 *   <p>Paid content</p>
 * </paywall-gate>
 * ```
 */
export class PaywallGate extends LitElement {
  static override styles = [baseStyles, gateStyles];

  /** The creator's handle. */
  @property() handle = '';
  /** The page slug. */
  @property() page = '';
  /** The API origin, e.g. `https://api.example.com`. Defaults to the script tag's `data-api-base`. */
  @property({ attribute: 'api-base' }) apiBase: string | undefined;
  /** URL of the protected content, fetched with credentials only once access is granted. */
  @property() src: string | undefined;
  /** Language of the strings and of price formatting (BCP 47). Defaults to the nearest `lang`. */
  @property() locale: string | undefined;
  /** Overrides for any visible string (see `defaultStrings`). */
  @property({ attribute: false }) strings: Partial<Strings> | undefined;
  /** An SDK client to use instead of the shared one for `api-base`. */
  @property({ attribute: false }) client: VisitorAccessClient | undefined;
  /** How the gate leaves for checkout; replace it in single-page apps or tests. */
  @property({ attribute: false }) navigate: (url: string) => void = (url) => location.assign(url);

  /** The current state, also reflected to the `state` attribute for styling. */
  @state() gateState: GateState = initialState;
  @state() private visitorEmail: string | undefined;
  @state() private failure: Failure | undefined;
  @state() private busy = false;
  @state() private report: 'sending' | 'failed' | { id: string } | undefined;
  @state() private contentStatus: 'loading' | 'ready' | 'failed' | undefined;
  @state() private announcement = '';

  readonly #signIn = new SignInController(this, {
    sent: (email) => this.#send({ type: 'LINK_SENT', email }),
    signedIn: () => {
      if (this.gateState.name === 'sign-in' || this.gateState.name === 'check-email') this.#afterVerify();
    },
    linkProblem: (notice, email) => this.#send({ type: 'LINK_PROBLEM', notice, email }),
    failed: (failure) => this.#fail(failure),
  });
  #seq = 0;
  #started = false;
  #moveFocus = false;
  #contentNode: HTMLElement | undefined;
  #cleanups: Array<() => void> = [];
  #sessionCleanup: (() => void) | undefined;

  /** The client in use: the `client` property or the page's shared client for `api-base`. */
  get apiClient(): VisitorAccessClient | undefined {
    return this.client ?? sharedClient(this.apiBase);
  }

  private get s(): Strings {
    return resolveStrings(languageOf(this, this.locale), this.strings);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#cleanups.push(
      onStringsChange(() => this.requestUpdate()),
      onDefaultApiBaseChange(() => this.#start()),
      onAccessChange((message) => {
        if (message.source !== this && (message.handle === this.handle || message.handle === '*')) void this.recheck();
      }),
    );
    this.addEventListener('focusin', this.#onFocusIn);
    document.addEventListener('visibilitychange', this.#onVisible);
    // Moved in the DOM (disconnected, then connected again): start over with a fresh check.
    if (this.hasUpdated) this.#start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const cleanup of this.#cleanups.splice(0)) cleanup();
    this.#sessionCleanup?.();
    this.#sessionCleanup = undefined;
    this.#started = false;
    this.removeEventListener('focusin', this.#onFocusIn);
    document.removeEventListener('visibilitychange', this.#onVisible);
    this.#seq++;
  }

  // A tab coming back to the front re-checks quietly: a refund or a sign-out may have happened.
  readonly #onVisible = () => {
    if (!document.hidden && this.#started) void this.recheck();
  };

  readonly #onFocusIn = () => {
    this.#moveFocus = true;
  };

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('handle') || changed.has('page') || changed.has('apiBase') || changed.has('client')) {
      if (this.#started) {
        this.#started = false;
        this.#seq++;
      }
      this.#start();
    }
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
  #focusPending = false;

  protected override firstUpdated(): void {
    if (!this.apiClient) {
      console.warn(
        '<paywall-gate>: no API base yet. Set api-base, or data-api-base on the visitor-access.js script tag.',
      );
    }
  }

  /** Starts the flow once handle, page and a client are known. */
  #start(): void {
    const client = this.apiClient;
    if (this.#started || !this.isConnected || !this.handle || !this.page || !client) return;
    this.#started = true;
    let replaying = true;
    this.#sessionCleanup?.();
    this.#sessionCleanup = client.onSessionChange((event) => {
      this.visitorEmail =
        event.state === 'signed_in' && typeof event.visitor.email === 'string' ? event.visitor.email : undefined;
      if (replaying) return;
      const name = this.gateState.name;
      if (event.state === 'signed_out' && (name === 'granted' || name === 'purchase' || name === 'returning')) {
        void this.recheck();
      } else if (event.state === 'signed_in' && name === 'sign-in') {
        void this.recheck();
      }
    });
    replaying = false;

    const url = takeUrlState();
    const checkout = url.checkout;
    if (url.token) {
      void this.#verifyToken(url.token);
    } else if (checkout && (!checkout.gate || checkout.gate === `${this.handle}/${this.page}`)) {
      if (checkout.outcome === 'success') this.#confirmPayment();
      else this.#send({ type: 'CANCELLED' });
    } else {
      this.#send({ type: 'CHECK' });
    }
  }

  /** Feeds an event to the state machine and performs what the new state needs. */
  #send(event: GateEvent): void {
    const previous = this.gateState;
    const next = transition(previous, event);
    if (next === previous) return;
    this.gateState = next;
    this.#focusPending = true;
    if (previous.name === 'check-email' && next.name !== 'check-email') this.#signIn.stopWaiting();
    if (previous.name === 'granted' && next.name !== 'granted') {
      this.#removeContent();
      // Access was lost here (refund, sign-out): tell the other tabs.
      broadcastAccessChange({ handle: this.handle, page: this.page }, this);
    }
    if (next.name !== 'error') {
      this.failure = undefined;
      this.report = undefined;
    }
    this.#announce(next);
    if (next.name !== previous.name) {
      this.dispatchEvent(new VaStateChangeEvent({ state: next.name, previous: previous.name }));
    }
    switch (next.name) {
      case 'checking':
        void this.#runCheck();
        break;
      case 'check-email':
        this.#signIn.startWaiting(next.email);
        break;
      case 'granted':
        if (previous.name !== 'granted') {
          this.dispatchEvent(new VaAccessGrantedEvent({ reason: next.reason, page: next.page }));
          void this.#loadContent();
        }
        if (next.reason === 'entitled') void this.#learnVisitor();
        break;
      case 'purchase':
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
      'sign-in': s.signInHeading,
      'check-email': s.checkEmailHeading,
      verifying: s.verifyingHeading,
      purchase: next.name === 'purchase' ? fill(s.purchaseHeading, { title: next.page.title }) : '',
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

  /** The access check, read defensively (decision 0036): a malformed answer throws. */
  async #access(client: VisitorAccessClient) {
    return answer(
      client.pages.checkAccess(this.handle, this.page),
      'hasAccess:boolean reason:string page.handle:string page.slug:string page.title:string page.mode:string page.price?:number page.currency?:string',
    );
  }

  /** One access check; its answer moves the machine (ignored if a newer run started). */
  async #runCheck(): Promise<void> {
    const client = this.apiClient;
    if (!client) return;
    const run = ++this.#seq;
    try {
      const result = await this.#access(client);
      if (run !== this.#seq) return;
      this.#send({ type: 'ACCESS', ...result });
    } catch (error) {
      if (run !== this.#seq) return;
      const failure = describeFailure(error);
      if (failure.code === 'invalid_request') failure.kind = 'page_not_found';
      this.#fail(failure);
    }
  }

  /** Re-checks in the background (another tab, a session change): no "checking" flash. */
  private async recheck(): Promise<void> {
    const name = this.gateState.name;
    if (name === 'verifying' || name === 'returning' || name === 'checking') return;
    const client = this.apiClient;
    if (!client) return;
    const run = ++this.#seq;
    try {
      const result = await this.#access(client);
      if (run !== this.#seq) return;
      const current = this.gateState;
      if (current.name === 'granted' && result.hasAccess) {
        // Still entitled: a "signed out" seen meanwhile came from a stale request (e.g. a poll
        // answered just before sign-in). Learn the visitor again for the signed-in line.
        if (result.reason === 'entitled' && !this.visitorEmail) void this.#learnVisitor();
        return;
      }
      this.#send({ type: 'ACCESS', ...result });
    } catch {
      // A background re-check that fails leaves the visitor where they are.
    }
  }

  #afterVerify(): void {
    broadcastAccessChange({ handle: this.handle }, this);
    this.#send({ type: 'VERIFIED' });
  }

  async #verifyToken(token: string): Promise<void> {
    const client = this.apiClient;
    if (!client) return;
    this.#send({ type: 'VERIFY' });
    let verification = verifications.get(token);
    if (!verification) {
      verification = client.auth.verify({ token });
      verifications.set(token, verification);
    }
    try {
      await verification;
      this.#afterVerify();
    } catch (error) {
      const code = codeOf(error);
      const notice: LinkNotice | undefined =
        code === 'expired_magic_link'
          ? 'expired'
          : code === 'used_magic_link'
            ? 'used'
            : code === 'invalid_magic_link' || code === 'invalid_request'
              ? 'invalid'
              : undefined;
      if (!notice) return this.#fail(describeFailure(error));
      // The most common "used" link is one opened again after signing in: a visitor who is
      // already signed in goes on to the page instead of being asked to sign in again.
      const run = ++this.#seq;
      try {
        const result = await this.#access(client);
        if (run !== this.#seq) return;
        if (result.reason !== 'visitor_auth_required') return this.#send({ type: 'ACCESS', ...result });
      } catch {
        if (run !== this.#seq) return;
      }
      this.#send({ type: 'LINK_PROBLEM', notice, email: lastEmail.get() });
    }
  }

  /** Back from checkout: re-check with a bounded poll until the payment lands. */
  #confirmPayment(): void {
    this.#send({ type: 'RETURNED' });
    void this.#pollPayment();
  }

  async #pollPayment(): Promise<void> {
    const client = this.apiClient;
    if (!client) return;
    const run = ++this.#seq;
    for (const delay of [0, ...timing.returnDelaysMs]) {
      if (delay) await sleep(delay);
      if (run !== this.#seq) return;
      try {
        const result = await this.#access(client);
        if (run !== this.#seq) return;
        if (result.hasAccess || result.reason !== 'purchase_required') {
          if (result.hasAccess) broadcastAccessChange({ handle: this.handle, page: this.page }, this);
          this.#send({ type: 'ACCESS', ...result });
          return;
        }
      } catch {
        // Keep trying within the bound: the network may blink while the payment settles.
      }
    }
    if (run === this.#seq) {
      this.failure = { kind: 'payment_pending', code: 'payment_pending', message: 'payment not confirmed' };
      this.#send({ type: 'STALLED' });
      this.dispatchEvent(
        new VaErrorEvent({
          code: 'payment_pending',
          message: 'Payment not confirmed yet',
          requestId: this.#supportCode(),
        }),
      );
    }
  }

  async #buy(): Promise<void> {
    const client = this.apiClient;
    if (!client || this.busy) return;
    this.busy = true;
    const back = new URL(cleanUrl());
    back.searchParams.set('va_gate', `${this.handle}/${this.page}`);
    try {
      // Only ever leave for an http(s) page, whatever the server said.
      const { url } = await answer(
        client.pages.checkout(this.handle, this.page, { successUrl: back.href, cancelUrl: back.href }),
        'url:url',
      );
      this.navigate(url);
    } catch (error) {
      const code = codeOf(error);
      if (code === 'already_entitled' || code === 'visitor_unauthorized') this.#send({ type: 'CHECK' });
      else this.#fail(describeFailure(error));
    } finally {
      this.busy = false;
    }
  }

  async #logout(): Promise<void> {
    const client = this.apiClient;
    if (!client) return;
    try {
      await client.auth.logout();
    } catch {
      // Logout is idempotent; whatever happened, re-check what this visitor can see now.
    }
    this.visitorEmail = undefined;
    broadcastAccessChange({ handle: this.handle }, this);
    this.#moveFocus = true;
    this.#send({ type: 'CHECK' });
  }

  async #learnVisitor(): Promise<void> {
    if (this.visitorEmail) return;
    try {
      this.visitorEmail = (await answer(this.apiClient!.auth.me(), 'visitor.email:string')).visitor.email;
    } catch {
      // Not signed in, or offline: simply no signed-in line.
    }
  }

  #supportCode(): string | undefined {
    return this.failure?.requestId ?? this.apiClient?.lastRequestId;
  }

  async #sendReport(): Promise<void> {
    const client = this.apiClient;
    if (!client || this.report === 'sending') return;
    this.report = 'sending';
    const state = this.gateState;
    const kind = state.name === 'error' ? state.kind : state.name;
    try {
      const requestId = this.#supportCode();
      const reply = await client.support.report({
        summary: `paywall-gate: ${kind} on ${this.handle}/${this.page}`,
        details: [
          `State: ${state.name}`,
          `Error: ${this.failure?.code ?? kind} — ${this.failure?.message ?? ''}`,
          `Handle: ${this.handle}`,
          `Page: ${this.page}`,
          `URL: ${cleanUrl()}`,
          `User agent: ${navigator.userAgent}`,
        ].join('\n'),
        handle: this.handle,
        ...(requestId ? { requestId } : {}),
      });
      this.report = { id: read(reply, 'reportId:string').reportId };
    } catch {
      this.report = 'failed';
    }
  }

  async #loadContent(): Promise<void> {
    if (!this.src) return;
    const src = new URL(this.src, location.href).href;
    const run = this.#seq;
    this.contentStatus = 'loading';
    try {
      const response = await fetch(src, { credentials: 'include', headers: { accept: 'text/html, text/plain' } });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const type = response.headers.get('content-type') ?? '';
      const body = await response.text();
      if (run !== this.#seq || this.gateState.name !== 'granted') return;
      this.#removeContent();
      const node = document.createElement('div');
      node.setAttribute('data-va-content', '');
      if (type.includes('text/html')) node.append(sanitizeHtml(body, src));
      else node.textContent = body;
      this.append(node);
      this.#contentNode = node;
      this.contentStatus = 'ready';
    } catch (error) {
      if (run !== this.#seq) return;
      this.contentStatus = 'failed';
      this.dispatchEvent(new VaErrorEvent({ code: 'content_unavailable', message: String(error) }));
    }
  }

  #removeContent(): void {
    this.#contentNode?.remove();
    this.#contentNode = undefined;
    this.contentStatus = undefined;
  }

  protected override render(): TemplateResult {
    const state = this.gateState;
    const live = html`<div class="sr-only" role="status" aria-live="polite" aria-atomic="true">
      ${this.announcement}
    </div>`;
    if (state.name === 'granted') {
      return html`${live}${this.#renderSession()}
        <div part="content" aria-busy=${this.contentStatus === 'loading' ? 'true' : 'false'}>
          ${
            this.contentStatus === 'loading'
              ? html`<p class="muted"><span class="spinner" aria-hidden="true"></span>${this.s.contentLoading}</p>`
              : nothing
          }
          ${
            this.contentStatus === 'failed'
              ? html`<p class="error" part="error">${this.s.errorNetwork}</p>
                  <button part="button" @click=${() => this.#loadContent()}>${this.s.retry}</button>`
              : nothing
          }
          <slot></slot>
        </div>`;
    }
    return html`${live}<slot name="preview"></slot>
      <section part="panel" class="panel" aria-labelledby="va-heading">${this.#renderState(state)}</section>`;
  }

  #renderSession(): TemplateResult | typeof nothing {
    if (!this.visitorEmail) return nothing;
    return html`<p part="session" class="session">
      <span>${fill(this.s.signedInAs, { email: this.visitorEmail })}</span>
      <button part="button" class="link" @click=${() => this.#logout()}>${this.s.signOut}</button>
    </p>`;
  }

  #renderState(state: GateState): TemplateResult {
    const s = this.s;
    switch (state.name) {
      case 'checking':
      case 'verifying':
        return html`<div part="state state-${state.name}">
          <h2 id="va-heading" part="heading" tabindex="-1" data-focus>
            <span class="spinner" aria-hidden="true"></span
            >${state.name === 'checking' ? s.checking : s.verifyingHeading}
          </h2>
        </div>`;
      case 'sign-in':
        return this.#signIn.renderSignIn(s, { email: state.email, notice: state.notice });
      case 'check-email':
        return this.#signIn.renderCheckEmail(s, state.email, () => {
          this.#moveFocus = true;
          this.#send({ type: 'CHANGE_EMAIL' });
        });
      case 'purchase': {
        const { page } = state;
        const price =
          page.price !== undefined && page.currency
            ? formatPrice(page.price, page.currency, languageOf(this, this.locale))
            : '';
        return html`<div part="state state-purchase">
          ${this.#renderSession()}
          <h2 id="va-heading" part="heading" tabindex="-1" data-focus>
            ${fill(s.purchaseHeading, { title: page.title })}
          </h2>
          ${state.cancelled ? html`<p part="notice" class="notice">${s.checkoutCancelled}</p>` : nothing}
          ${price ? html`<p part="price" class="price">${price}</p>` : nothing}
          <p class="muted">${s.purchaseBody}</p>
          <div class="actions">
            <button part="button button-primary" ?disabled=${this.busy} @click=${() => this.#buy()}>
              ${this.busy ? s.redirecting : fill(s.buy, { price })}
            </button>
          </div>
        </div>`;
      }
      case 'returning':
        return html`<div part="state state-returning">
          ${this.#renderSession()}
          <h2 id="va-heading" part="heading" tabindex="-1" data-focus>
            ${state.stalled ? nothing : html`<span class="spinner" aria-hidden="true"></span>`}${s.returningHeading}
          </h2>
          ${
            state.stalled
              ? html`<p part="error" class="error" role="alert">${s.paymentPending}</p>
                  ${this.#renderSupport()}
                  <div class="actions">
                    <button part="button button-primary" @click=${() => this.#confirmPayment()}>${s.checkAgain}</button>
                  </div>`
              : html`<p class="muted">${s.returningBody}</p>`
          }
        </div>`;
      case 'error':
        return this.#renderError(state);
      default:
        return html``;
    }
  }

  #renderError(state: Extract<GateState, { name: 'error' }>): TemplateResult {
    const s = this.s;
    const messages: Record<string, string> = {
      network: s.errorNetwork,
      page_not_found: s.errorNotFound,
      connect_not_configured: s.errorConnect,
      cookies_blocked: s.errorCookies,
      rate_limited: fill(s.errorRateLimited, { seconds: state.retryAfter ?? 60 }),
    };
    const retryable = state.kind !== 'page_not_found' && state.kind !== 'connect_not_configured';
    return html`<div part="state state-error">
      <h2 id="va-heading" part="heading" tabindex="-1" data-focus>${s.errorHeading}</h2>
      <p part="error" class="error">${messages[state.kind] ?? s.errorGeneric}</p>
      ${this.#renderSupport()}
      ${
        retryable
          ? html`<div class="actions">
              <button part="button button-primary" @click=${() => this.#send({ type: 'CHECK' })}>${s.retry}</button>
            </div>`
          : nothing
      }
    </div>`;
  }

  #renderSupport(): TemplateResult {
    const s = this.s;
    const code = this.#supportCode();
    const report = this.report;
    return html`<div part="report" class="report">
      ${code ? html`<p class="muted" part="support-code">${fill(s.supportCode, { code })}</p>` : nothing}
      ${
        report && typeof report === 'object'
          ? html`<p role="status" part="report-result">${fill(s.reportSent, { id: report.id })}</p>`
          : html`<button
                part="button button-secondary"
                class="link"
                ?disabled=${report === 'sending'}
                @click=${() => this.#sendReport()}
              >
                ${report === 'sending' ? s.reportSending : s.reportProblem}
              </button>
              ${report === 'failed' ? html`<p class="error" role="alert">${s.reportFailed}</p>` : nothing}`
      }
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'paywall-gate': PaywallGate;
  }
}
