import { html, nothing } from 'lit';
import type { PropertyDeclarations, PropertyValues, TemplateResult } from 'lit';
import type { GroupBuy } from '@visitor-access/contract';
import type { SessionEvent } from '@visitor-access/sdk/lite';
import { broadcastAccessChange } from '../internal/access-channel.js';
import { track, transactionId } from '../internal/analytics.js';
import { majorUnits } from '../internal/money.js';
import type { Track } from '../internal/analytics.js';
import type { AccessMessage } from '../internal/access-channel.js';
import { ClientElement } from '../internal/client-element.js';
import { failureMessage } from '../internal/messages.js';
import { formatPrice } from '../internal/format.js';
import { codeOf, describeFailure } from '../internal/errors.js';
import type { Failure } from '../internal/errors.js';
import { VaErrorEvent } from '../internal/events.js';
import { flow } from '../internal/flow.js';
import { buyIntent, normaliseEmail } from '../internal/intent.js';
import { awaitPayment, checkAccess, startCheckout } from '../internal/purchase.js';
import { ReportController } from '../internal/report.js';
import { answer } from '../internal/shapes.js';
import { SignInController } from '../internal/sign-in/controller.js';
import { fill, groupBuyStrings } from '../internal/strings.js';
import { signInStrings } from '../internal/strings-later.js';
import type { Strings } from '../internal/strings.js';
import { setupError } from '../internal/setup.js';
import { baseStyles } from '../internal/styles.js';
import { buyUrl, cleanUrl, takeUrlState } from '../internal/url-state.js';
import { cardStyles } from './group-buy-card.styles.js';
import { actions } from './actions.js';
import type { Busy, View } from './actions.js';
import { signInFlow } from './sign-in-flow.js';
import type { Flow } from './sign-in-flow.js';

// The fill's width is set through the CSSOM (`.style`), not a `style` attribute, which a strict
// Content-Security-Policy without 'unsafe-inline' would block.

const BUY_SPEC =
  'title:string targetQuantity:number interestCount:number status:string price?:number currency?:string pageSlug?:string';

// What `s` falls back to: the shared strings and this element's own (decision 0090).
const english: Partial<Strings> = { ...signInStrings, ...groupBuyStrings };

/**
 * A group buy: title, price, progress toward the target and "I'm interested" / "withdraw". Once
 * the creator activates it, the card offers "Buy for {price}" through the checkout of the page the
 * group buy sells (`pageSlug`). Visitors who are not signed in go through the same magic-link flow
 * first; their interest is recorded, or checkout opens, as soon as they are signed in.
 *
 * @summary Collect interest in a group buy, then sell it.
 *
 * @event va-error - Something failed. `detail: { code, message, requestId }`.
 * @event va-analytics - A funnel event: `paywall_view`, `email_submitted`, `login`, `group_buy_interest`, `begin_checkout`, `purchase`, `access_granted`. `detail: { event, handle, group_buy, page?, method?, value?, currency?, transaction_id? }`.
 *
 * @csspart panel - The card.
 * @csspart heading - The title.
 * @csspart price - The price.
 * @csspart progress - The progress bar track (`progress-fill` is its fill).
 * @csspart progress-fill - The progress bar fill.
 * @csspart progress-label - "2 of 3 interested".
 * @csspart status - The group buy's status.
 * @csspart button - Every button (also `button-primary`).
 * @csspart error - An error message.
 * @csspart report - The "report a problem" area.
 * @csspart support-code - The request ID shown for support.
 * @csspart report-result - "Report sent. Reference: rep_…".
 *
 * @cssproperty --va-progress-color - The progress bar fill (defaults to the accent colour).
 * @cssproperty --va-color-accent - Buttons, links, focus rings.
 *
 * @example
 * ```html
 * <group-buy-card handle="gharart" slug="spring-bundle" api-base="https://api.example.com"></group-buy-card>
 * ```
 */
export class GroupBuyCard extends ClientElement {
  /** @internal */
  protected override get english(): Partial<Strings> {
    return english;
  }

  static override styles = [baseStyles, cardStyles];

  // Declared here rather than with decorators: the bundle then carries no decorator helper.
  static override properties: PropertyDeclarations = {
    handle: {},
    slug: {},
    navigate: { attribute: false },
    view: { state: true, attribute: false },
    failure: { state: true, attribute: false },
    flow: { state: true, attribute: false },
    busy: { state: true, attribute: false },
  };

  /** The creator's handle. */
  handle = '';
  /** The group buy's slug. */
  slug = '';
  /** How the card leaves for checkout; replace it in single-page apps or tests. */
  navigate: (url: string) => void = (url) => location.assign(url);

  private view: View | undefined;
  private failure: Failure | undefined;
  private flow: Flow | undefined;
  private busy: Busy;
  /** Checkout should open once the next load says the visitor can buy (they asked, then signed in). */
  #buyNext = false;
  /** This card just signed the visitor in: a 401 next means the cookie was dropped. */
  #justSignedIn = false;
  /** How this card just signed the visitor in, until a request shows that the session stuck. */
  #login: 'code' | 'link' | undefined;
  /** The `transaction_id` of the checkout this page came back from. */
  #transaction: Promise<string | undefined> | undefined;

  readonly #signIn = new SignInController(this, {
    sent: (email, bot) => {
      if (!bot) this.#track({ event: 'email_submitted' });
      const intent = this.flow?.intent ?? 'interest';
      if (intent === 'buy') buyIntent.set(this.#gate, email);
      this.flow = { step: 'check-email', intent, email };
      this.#signIn.wait.start(email);
    },
    returnTo: () => (this.flow?.intent === 'buy' ? buyUrl(this.#gate) : cleanUrl()),
    signedIn: () => this.#signedIn(true),
    signedInElsewhere: () => this.#signedIn(false),
    linkProblem: (notice, email) =>
      (this.flow = { step: 'sign-in', intent: this.flow?.intent ?? 'interest', notice, email }),
    failed: (f) => this.#fail(f),
  });

  readonly #report = new ReportController(
    this,
    () => this.apiClient,
    () => ({
      what: `group-buy-card: ${this.failure?.code ?? 'error'} on ${this.handle}/${this.slug}`,
      code: this.failure?.code ?? 'unknown',
      message: this.failure?.message,
      handle: this.handle,
      lines: [`Group buy: ${this.slug}`],
      requestId: this.failure?.requestId ?? this.apiClient?.lastRequestId,
    }),
  );

  readonly #load = flow(
    this,
    async (_: readonly [], signal): Promise<View> => {
      const client = this.apiClient!;
      const buy = await answer(client.groupBuys.get(this.handle, this.slug, { signal }), BUY_SPEC);
      if (buy.status === 'active' && buy.pageSlug) {
        const access = await checkAccess(client, this.handle, buy.pageSlug, signal);
        return { buy, access, signedIn: access.reason !== 'visitor_auth_required', interested: false };
      }
      // Asked only of a signed-in visitor (the edge route says who, with a 200 for everyone).
      const signedIn =
        client.session.state === 'signed_in' ||
        typeof (await answer(client.edge.access({ signal }), 'items:array')).visitor?.email === 'string';
      let interested = false;
      if (signedIn) {
        try {
          const mine = await answer(
            client.groupBuys.myInterest(this.handle, this.slug, { signal }),
            'interested:boolean',
          );
          interested = mine.interested;
        } catch (error) {
          if (signal.aborted) throw error;
          // Unknown: the button offers the interest again, which changes nothing if it is recorded.
        }
      }
      return { buy, signedIn, interested };
    },
    (view) => {
      this.view = view;
      this.failure = undefined;
      if (view.signedIn) this.flow = undefined;
      const url = this.#url;
      this.#url = undefined;
      // A sign-in counts once a request sees the session (a dropped cookie is no login).
      if (url?.signedIn) this.#login ??= 'link';
      if (view.signedIn) this.#loggedIn();
      this.#login = undefined;
      if (view.access?.reason === 'purchase_required' && this.#buyNext) this.#buy(true);
      else if (url) this.#afterLoad(url);
      this.#buyNext = false;
      this.#justSignedIn = false;
      // The offer shown (not while a return from checkout is confirmed), or the page it sold unlocked.
      if (view.access?.hasAccess) {
        if (view.access.reason === 'entitled') this.#track({ event: 'access_granted' });
      } else if (this.busy !== 'confirming') this.#track({ event: 'paywall_view' });
    },
    (error) => this.#fail(describeFailure(error)),
  );

  readonly #act = flow(
    this,
    async ([action, asked]: readonly [action: 'interest' | 'withdraw' | 'buy', asked?: string | undefined]): Promise<
      { url: string } | { held: true } | { interested: boolean; interestCount: number; status?: GroupBuy['status'] }
    > => {
      const client = this.apiClient!;
      if (action === 'buy') {
        if (asked !== undefined) {
          // Carried on from a sign-in: only for the account that asked to buy (decision 0121).
          const { email } = (await answer(client.auth.me(), 'visitor.email:string')).visitor;
          if (!asked || normaliseEmail(email) !== asked) return { held: true };
        }
        const { url } = await startCheckout(client, this.handle, this.view!.buy.pageSlug!);
        return { url };
      }
      if (action === 'interest') {
        const r = await answer(
          client.groupBuys.expressInterest(this.handle, this.slug),
          'interestCount:number status:string',
        );
        return { interested: true, interestCount: r.interestCount, status: r.status };
      }
      const r = await answer(client.groupBuys.withdrawInterest(this.handle, this.slug), 'interestCount:number');
      return { interested: false, interestCount: r.interestCount };
    },
    (result) => {
      this.#loggedIn();
      if ('url' in result) {
        this.#track({ event: 'begin_checkout', ...this.#value() });
        return this.navigate(result.url);
      }
      this.busy = undefined;
      if ('held' in result) return;
      const view = this.view;
      if (result.interested) this.#track({ event: 'group_buy_interest' });
      if (view) {
        const { interestCount, status = view.buy.status } = result;
        this.view = {
          ...view,
          buy: { ...view.buy, interestCount, status },
          interested: result.interested,
          signedIn: true,
        };
      }
      broadcastAccessChange({ handle: this.handle }, this);
    },
    (error, [action]) => {
      this.busy = undefined;
      this.#login = undefined;
      const code = codeOf(error);
      if (code === 'visitor_unauthorized') {
        if (this.#justSignedIn) {
          this.#justSignedIn = false;
          return this.#fail({
            kind: 'cookies_blocked',
            code: 'cookies_blocked',
            message: 'The session cookie was not kept',
          });
        }
        if (action === 'withdraw') return this.load();
        this.flow = { step: 'sign-in', intent: action === 'buy' ? 'buy' : 'interest' };
      } else if (code === 'already_entitled') {
        this.load();
      } else this.#fail(describeFailure(error));
    },
  );

  /** Back from checkout: confirms the payment with a bounded poll of the page's access check. */
  readonly #payment = flow(
    this,
    ([pageSlug]: readonly [string], signal) => awaitPayment(this.apiClient!, this.handle, pageSlug, signal),
    (result) => {
      this.busy = undefined;
      if (result?.hasAccess) {
        broadcastAccessChange({ handle: this.handle }, this);
        void this.#purchased();
      }
      this.load();
    },
  );

  /** Reports the purchase this page came back from, once its payment is confirmed (decision 0113). */
  async #purchased(): Promise<void> {
    const transaction = this.#transaction;
    this.#transaction = undefined;
    if (transaction)
      this.#track({ event: 'purchase', ...this.#value(), transaction_id: await transaction.catch(() => undefined) });
  }

  #loggedIn(): void {
    if (this.#login) this.#track({ event: 'login', method: this.#login });
    this.#login = undefined;
  }

  /** Every event of the card names its group buy, and the page it sells when it has one (0113). */
  #track(event: Omit<Track, 'handle' | 'page' | 'group_buy'>): void {
    track(this, { ...event, handle: this.handle, group_buy: this.slug, page: this.view?.buy.pageSlug });
  }

  /** `value` and `currency` of what checkout charges. */
  #value(): Pick<Track, 'value' | 'currency'> {
    const [price, currency] = this.#cost();
    return price !== undefined && currency ? { value: majorUnits(price, currency), currency } : {};
  }

  /** What checkout charges, in minor units, and in which currency: the page's price, else the group buy's. */
  #cost(): [price?: number, currency?: string] {
    const view = this.view;
    const page = view?.access?.page;
    return [page?.price ?? view?.buy.price, page?.currency ?? view?.buy.currency];
  }

  get #gate(): string {
    return `${this.handle}/${this.view?.buy.pageSlug ?? this.slug}`;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.hasUpdated && (changed.has('handle') || changed.has('slug'))) this.load();
    if (this.flow?.step !== 'check-email') this.#signIn.wait.stop();
  }

  protected override sessionChanged(event: SessionEvent, replay: boolean): void {
    if (!replay && event.state === 'signed_out' && this.view) this.load();
  }

  protected override accessChanged(message: AccessMessage & { source?: object }): void {
    if (message.source !== this && (message.handle === this.handle || message.handle === '*')) this.refresh();
  }

  protected override refresh(): void {
    if (!this.busy && !this.flow) this.load();
  }

  protected load(): void {
    if (!this.apiClient || !this.handle || !this.slug) return;
    // The address bar is read now (its markers are gone a moment later); the group buy says later
    // which page it sells, and so whether they are this card's.
    this.#url ??= takeUrlState();
    void this.#load.run([]);
  }
  #url: ReturnType<typeof takeUrlState> | undefined;

  /** Applies the address bar's markers once the card knows its page. */
  #afterLoad(url: ReturnType<typeof takeUrlState>): void {
    const slug = this.view?.buy.pageSlug;
    if (!slug) return;
    const gate = `${this.handle}/${slug}`;
    if (url.checkout?.gate === gate && url.checkout.outcome === 'success') {
      // Back from a completed checkout: the one moment a purchase is counted (decision 0120).
      const session = url.checkout.sessionId;
      this.#transaction = session ? transactionId(session) : Promise.resolve(undefined);
      if (this.view?.access?.hasAccess) void this.#purchased();
      else {
        this.busy = 'confirming';
        void this.#payment.run([slug]);
      }
    } else if (url.buy === gate && this.view?.access?.reason === 'purchase_required' && buyIntent.has(gate)) {
      // Arrived from the sign-in link "Buy for …" asked for, in the browser that asked.
      this.#buy(true);
    }
  }

  #signedIn(here: boolean): void {
    const intent = this.flow?.intent;
    this.flow = undefined;
    this.#justSignedIn = here;
    if (here) this.#login = 'code';
    if (here) broadcastAccessChange({ handle: this.handle }, this);
    if (this.view) this.view = { ...this.view, signedIn: true };
    if (intent === 'interest') return this.#run('interest');
    // Buying: only the tab that completed the sign-in goes on to checkout; others just show "Buy".
    this.#buyNext = here && intent === 'buy';
    this.load();
  }

  #fail(failure: Failure): void {
    failure.requestId ??= this.apiClient?.lastRequestId;
    this.failure = failure;
    this.#report.reset();
    this.dispatchEvent(
      new VaErrorEvent({ code: failure.code, message: failure.message, requestId: failure.requestId }),
    );
  }

  #run(action: 'interest' | 'withdraw'): void {
    if (this.busy) return;
    if (action === 'interest' && this.view && !this.view.signedIn) {
      this.flow = { step: 'sign-in', intent: 'interest' };
      return;
    }
    this.busy = action;
    this.failure = undefined;
    void this.#act.run([action]);
  }

  /** Opens checkout; `fromIntent` when a sign-in carries on a "Buy" pressed before it. */
  #buy(fromIntent = false): void {
    if (this.busy === 'buy' || !this.view?.buy.pageSlug) return;
    if (!this.view.signedIn) {
      this.flow = { step: 'sign-in', intent: 'buy' };
      return;
    }
    // One sign-in opens at most one checkout session: this tab takes the intent.
    const asked = buyIntent.take(this.#gate);
    this.busy = 'buy';
    this.failure = undefined;
    void this.#act.run(['buy', fromIntent ? (asked ?? '') : undefined]);
  }

  #changeEmail(): void {
    const flow = this.flow!;
    this.flow = { step: 'sign-in', intent: flow.intent, email: 'email' in flow ? flow.email : undefined };
  }

  #price(): string {
    const [price, currency] = this.#cost();
    return price !== undefined && currency ? formatPrice(price, currency, this.lang_) : '';
  }

  protected override render(): TemplateResult {
    const s = this.s;
    if (this.setupProblem) return setupError(s, this.setupProblem);
    const view = this.view;
    const failure = this.failure;
    if (!view) {
      return html`<section part="panel" class="panel" aria-busy=${failure ? 'false' : 'true'}>
        ${
          failure
            ? html`<p part="error" class="alert" role="alert">
                  ${failure.code === 'group_buy_not_found' ? s.groupNotFound : failureMessage(s, failure, this.apiClient)}
                </p>
                ${
                  failure.code === 'group_buy_not_found'
                    ? nothing
                    : html`<button part="button button-primary" class="primary" @click=${() => this.load()}>
                        ${s.retry}
                      </button>`
                }
                ${this.#report.render(s)}`
            : // Over an invisible copy of the card it becomes, so the page does not move (decision 0152).
              html`<div class="reserve">
                <p class="muted"><span class="spinner" aria-hidden="true"></span>${s.checking}</p>
                <div class="stack placeholder" aria-hidden="true" inert>
                  <h2>&nbsp;</h2>
                  <p class="price">&nbsp;</p>
                  <div class="bar"></div>
                  <p class="muted">&nbsp;</p>
                  <p class="status">&nbsp;</p>
                  <button class="primary" tabindex="-1">&nbsp;</button>
                </div>
              </div>`
        }
      </section>`;
    }
    const { buy } = view;
    const price = this.#price();
    const active = buy.status === 'active';
    const pct = Math.min(100, Math.round((buy.interestCount / buy.targetQuantity) * 100));
    const label = fill(s.groupProgress, { count: buy.interestCount, target: buy.targetQuantity });
    const status = active ? s.groupActive : buy.status === 'target_reached' ? s.groupTargetReached : s.groupCollecting;
    return html`<section part="panel" class="panel" aria-labelledby="va-gb-heading">
      <div class="stack">
        <h2 id="va-gb-heading" part="heading">${buy.title}</h2>
        ${price ? html`<p part="price" class="price">${price}</p>` : nothing}
        ${
          active
            ? nothing
            : html`<div
                  part="progress"
                  class="bar"
                  role="progressbar"
                  aria-label=${label}
                  aria-valuemin="0"
                  aria-valuemax=${buy.targetQuantity}
                  aria-valuenow=${Math.min(buy.interestCount, buy.targetQuantity)}
                >
                  <div part="progress-fill" class="fill" .style=${`width:${pct}%`}></div>
                </div>
                <p part="progress-label" class="muted">${label}</p>`
        }
        <p part="status" class="status" role="status">${status}</p>
        ${
          this.flow
            ? signInFlow(this.#signIn, this.s, this.flow, price, () => this.#changeEmail())
            : actions(view, price, this.s, this.busy, {
                buy: () => this.#buy(),
                run: (action) => this.#run(action),
              })
        }
        ${
          failure
            ? html`<p part="error" class="alert" role="alert">${failureMessage(s, failure, this.apiClient)}</p>
                ${this.#report.render(s)}`
            : nothing
        }
      </div>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'group-buy-card': GroupBuyCard;
  }
}
