import { normaliseEmail } from '@visitor-access/contract/lite';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { VisitorAccessClient } from '../client.js';
import { cooldownLeft, lastEmail, startCooldown } from '../cooldown.js';
import { isEmail } from '../email.js';
import { codeOf, describeFailure, linkNoticeOf } from '../errors.js';
import type { Failure, LinkNotice } from '../errors.js';
import { flow } from '../flow.js';
import type { Flow } from '../flow.js';
import { answer } from '../shapes.js';
import { timing } from '../timing.js';
import { cleanUrl, signInReturnUrl } from '../url-state.js';
import { SignInWait } from './wait.js';

/** What an element hosting the sign-in flow provides. */
export interface SignInHost extends ReactiveControllerHost, HTMLElement {
  readonly apiClient: VisitorAccessClient | undefined;
}

/** What the flow tells its host. */
export interface SignInCallbacks {
  /** A link was sent (or the honeypot caught a bot, which is told the same: `bot` then). */
  sent(email: string, bot?: boolean): void;
  /** The visitor signed in here, with the code typed in this element. */
  signedIn(): void;
  /** The visitor signed in somewhere else: the link opened in another tab, or another element. */
  signedInElsewhere(): void;
  /** A code that can no longer be used. */
  linkProblem(notice: LinkNotice, email: string): void;
  /** Anything else. */
  failed(failure: Failure): void;
  /** Where the emailed link leads back to (this page, without markers, by default). */
  returnTo?(): string;
}

/**
 * The sign-in flow shared by `<paywall-gate>`, `<visitor-session>` and `<group-buy-card>`: the email
 * form with its honeypot, the magic-link request, the 6-digit code, the resend cooldown shared
 * across tabs, and (through `wait`) the wait for a sign-in completed elsewhere. Its requests are
 * flows (`flow.ts`); what it renders is in `templates.ts`.
 */
export class SignInController implements ReactiveController {
  /** `invalid` when the email field holds no usable address. */
  emailError: '' | 'invalid' = '';
  /**
   * `rate_limited` when the server asked to wait before another link; `unavailable` or `network` when
   * the link could not be sent just now (after the SDK's retries): said next to the button, with what
   * the visitor typed kept, so that sending again is one click.
   */
  formError: '' | 'rate_limited' | 'unavailable' | 'network' = '';
  /** `wrong` after a code the server refused; `unavailable` or `network` when it could not be checked. */
  codeError: '' | 'wrong' | 'unavailable' | 'network' = '';
  /** The last email submitted (for the throttle countdown). */
  submitted = '';
  /** The wait for a sign-in elsewhere. */
  readonly wait: SignInWait;

  #sending = false;
  #verifying = false;
  #ticker: ReturnType<typeof setInterval> | undefined;
  readonly #host: SignInHost;
  readonly #callbacks: SignInCallbacks;
  readonly #onStorage = () => this.#host.requestUpdate();

  readonly #send: Flow<readonly [string, string]>;
  readonly #verify: Flow<readonly [string, string]>;

  constructor(host: SignInHost, callbacks: SignInCallbacks) {
    this.#host = host;
    this.#callbacks = callbacks;
    this.wait = new SignInWait(host, () => callbacks.signedInElsewhere());
    host.addController(this);
    this.#send = flow(
      host,
      ([email, returnTo], signal) =>
        answer(this.#client().auth.requestMagicLink({ email, returnTo }, { signal }), 'sent:boolean'),
      (_, [email]) => {
        this.#sending = false;
        startCooldown(email, timing.resendCooldownMs);
        lastEmail.set(email);
        // A new link lives 15 minutes from now: the wait for it starts over.
        this.wait.stop();
        callbacks.sent(email);
      },
      (error, [email]) => {
        this.#sending = false;
        const failure = describeFailure(error);
        if (failure.kind === 'rate_limited') {
          startCooldown(email, (failure.retryAfter ?? 60) * 1000);
          this.formError = 'rate_limited';
        } else if (codeOf(error) === 'invalid_request') {
          this.emailError = 'invalid';
        } else if (failure.kind === 'unavailable' || failure.kind === 'network') {
          this.formError = failure.kind;
        } else {
          callbacks.failed(failure);
        }
      },
    );
    // A verify is a write: it is never aborted halfway (flow hands its signal to reads only).
    this.#verify = flow(
      host,
      ([email, code]) => this.#client().auth.verify({ email, code }),
      () => {
        this.#verifying = false;
        callbacks.signedIn();
      },
      (error, [email]) => {
        this.#verifying = false;
        const reading = linkNoticeOf(codeOf(error), 'code');
        if (reading === 'wrong') {
          this.codeError = 'wrong';
          this.wait.start(email);
        } else if (reading) callbacks.linkProblem(reading, email);
        else {
          const failure = describeFailure(error);
          // A passing failure: the code (and the link) still work, so the visitor stays here to try again.
          if (failure.kind === 'unavailable' || failure.kind === 'network') {
            this.codeError = failure.kind;
            this.wait.start(email);
          } else callbacks.failed(failure);
        }
      },
    );
  }

  #client(): VisitorAccessClient {
    const client = this.#host.apiClient;
    if (!client) throw new Error('no API base');
    return client;
  }

  /** Whether a link request or a code check is in flight. */
  get busy(): boolean {
    return this.#sending || this.#verifying;
  }

  hostConnected(): void {
    addEventListener('storage', this.#onStorage);
  }

  hostDisconnected(): void {
    removeEventListener('storage', this.#onStorage);
    clearInterval(this.#ticker);
    this.#ticker = undefined;
    this.#sending = this.#verifying = false;
  }

  /** Seconds left before a new link may be sent to `email` (shared by every tab); ticks the host. */
  cooldownSeconds(email: string): number {
    const left = Math.ceil(cooldownLeft(email) / 1000);
    if (left > 0 && !this.#ticker) {
      this.#ticker = setInterval(() => {
        this.#host.requestUpdate();
        if (cooldownLeft(email) <= 0) {
          clearInterval(this.#ticker);
          this.#ticker = undefined;
        }
      }, 1000);
    }
    return left;
  }

  /** Handles the email form: validation, honeypot, cooldown, request. */
  async submitEmail(form: HTMLFormElement): Promise<void> {
    const data = new FormData(form);
    const email = normaliseEmail(String(data.get('email') ?? ''));
    this.formError = '';
    if (!isEmail(email)) {
      this.emailError = 'invalid';
      this.#host.requestUpdate();
      await this.#host.updateComplete;
      form.querySelector<HTMLInputElement>('input[name=email]')?.focus();
      return;
    }
    this.emailError = '';
    this.submitted = email;
    // Bots fill every field; people never see this one. Tell the bot what a person would see.
    if (String(data.get('website') ?? '') !== '') return this.#callbacks.sent(email, true);
    // A link went to this address moments ago (maybe from another tab): wait for that one.
    if (cooldownLeft(email) > 0) return this.#callbacks.sent(email);
    this.send(email);
  }

  /** Sends a link (first time or again), unless one is on its way or the cooldown runs. */
  send(email: string): void {
    if (!this.#host.apiClient || this.busy || cooldownLeft(email) > 0) return;
    this.#sending = true;
    this.formError = '';
    this.#host.requestUpdate();
    void this.#send.run([email, signInReturnUrl(this.#callbacks.returnTo?.() ?? cleanUrl())]);
  }

  /** Checks a 6-digit code. */
  submitCode(email: string, code: string): void {
    if (!this.#host.apiClient || this.busy || !/^\d{6}$/.test(code)) return;
    this.#verifying = true;
    this.codeError = '';
    // No poll may overtake the verify and report the same sign-in as one made elsewhere.
    this.wait.stop();
    this.#host.requestUpdate();
    void this.#verify.run([email, code]);
  }
}
