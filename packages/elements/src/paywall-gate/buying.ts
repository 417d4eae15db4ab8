import type { ReactiveControllerHost } from 'lit';
import { broadcastAccessChange } from '../internal/access-channel.js';
import { transactionId } from '../internal/analytics.js';
import type { Track } from '../internal/analytics.js';
import type { VisitorAccessClient } from '../internal/client.js';
import { codeOf, describeFailure } from '../internal/errors.js';
import { VaErrorEvent } from '../internal/events.js';
import type { Failure } from '../internal/errors.js';
import { flow } from '../internal/flow.js';
import { normaliseEmail } from '../internal/intent.js';
import { majorUnits } from '../internal/money.js';
import { awaitPayment, startCheckout } from '../internal/purchase.js';
import { answer } from '../internal/shapes.js';
import type { GateEvent, GateState, PageInfo } from './paywall-gate-machine.js';

/** The gate, as buying sees it. */
export interface BuyingHost extends ReactiveControllerHost, HTMLElement {
  readonly apiClient: VisitorAccessClient | undefined;
  readonly handle: string;
  readonly page: string;
  readonly gateState: GateState;
  navigate(url: string): void;
}

/** What buying tells the gate. */
export interface BuyingCallbacks {
  send(event: GateEvent): void;
  fail(failure: Failure): void;
  track(event: Omit<Track, 'handle' | 'page'>): void;
  /** The signed-in visitor's address, learnt on the way to checkout. */
  signedInAs(email: string): void;
  /** Back from checkout, the payment has not landed within the poll (a `va-error` follows). */
  stalled(failure: Failure): void;
}

/** `value` and `currency` of a page with a price. */
export function valueOf(page: PageInfo | undefined): Pick<Track, 'value' | 'currency'> {
  return page?.price !== undefined && page.currency
    ? { value: majorUnits(page.price, page.currency), currency: page.currency }
    : {};
}

/**
 * The gate's way to checkout and back: checkout for the visitor who asked (decision 0121), and the
 * return from it, polled until the payment lands; `purchase` counted once, after the return (0120).
 */
export class GateBuying {
  /** The `transaction_id` of the checkout this page came back from. */
  #transaction: Promise<string | undefined> | undefined;
  readonly #checkout;
  readonly #buyAsAsker;
  readonly #payment;

  constructor(host: BuyingHost, callbacks: BuyingCallbacks) {
    this.#checkout = flow(
      host,
      () => startCheckout(host.apiClient!, host.handle, host.page),
      ({ url }) => {
        const state = host.gateState;
        callbacks.track({ event: 'begin_checkout', ...('page' in state ? valueOf(state.page) : {}) });
        host.navigate(url);
      },
      (error) => {
        const code = codeOf(error);
        if (code === 'already_entitled' || code === 'visitor_unauthorized') callbacks.send({ type: 'CHECK' });
        else callbacks.fail(describeFailure(error));
      },
    );
    // A sign-in that "Buy for …" asked for: checkout only if the account signed in now is the one
    // that asked (same address). A link someone else sent signs in as them: ask first (decision 0121).
    this.#buyAsAsker = flow(
      host,
      async ([asked]: readonly [asked: string | undefined]) => ({
        asked,
        email: (await answer(host.apiClient!.auth.me(), 'visitor.email:string')).visitor.email,
      }),
      ({ asked, email }) => {
        callbacks.signedInAs(email);
        if (asked && normaliseEmail(email) === asked) void this.#checkout.run([]);
        else callbacks.send({ type: 'HOLD', other: asked === undefined ? undefined : email });
      },
      () => callbacks.send({ type: 'HOLD' }),
    );
    // Back from checkout: re-checks with a bounded poll until the payment lands.
    this.#payment = flow(
      host,
      async (_: readonly [], signal) => {
        const result = await awaitPayment(host.apiClient!, host.handle, host.page, signal);
        return { result, transaction: result?.hasAccess ? await this.#transaction?.catch(() => undefined) : undefined };
      },
      ({ result, transaction }) => {
        if (result) {
          if (result.hasAccess) {
            broadcastAccessChange({ handle: host.handle, page: host.page }, host);
            if (this.#transaction)
              callbacks.track({ event: 'purchase', ...valueOf(result.page), transaction_id: transaction });
            this.#transaction = undefined;
          }
          return callbacks.send({ type: 'ACCESS', ...result });
        }
        const message = 'Payment not confirmed yet';
        callbacks.send({ type: 'STALLED' });
        callbacks.stalled({ kind: 'payment_pending', code: 'payment_pending', message });
        host.dispatchEvent(
          new VaErrorEvent({ code: 'payment_pending', message, requestId: host.apiClient?.lastRequestId }),
        );
      },
    );
  }

  /** "Buy for …" pressed, or carried over from a sign-in (`asked`: the address that asked). */
  buy(carried: boolean, asked: string | undefined): void {
    if (carried) void this.#buyAsAsker.run([asked]);
    else void this.#checkout.run([]);
  }

  /** Back from a completed checkout: the one moment a purchase is counted (decision 0120). */
  returned(sessionId: string | undefined): void {
    this.#transaction = sessionId ? transactionId(sessionId) : Promise.resolve(undefined);
    this.confirm();
  }

  /** Looks (again) whether the payment has landed. */
  confirm(): void {
    void this.#payment.run([]);
  }
}
