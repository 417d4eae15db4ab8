import { LitElement } from 'lit';
import type { PropertyDeclarations, PropertyValues } from 'lit';
import type { SessionEvent } from '@visitor-access/sdk/lite';
import { onAccessChange } from './access-channel.js';
import type { AccessMessage } from './access-channel.js';
import { onDefaultApiBaseChange, sharedClient } from './client.js';
import type { VisitorAccessClient } from './client.js';
import type { AnalyticsTarget } from './analytics.js';
import { unwatchHostColours, watchHostColours } from './host-colours.js';
import { VaErrorEvent } from './events.js';
import { setupMessage } from './setup.js';
import type { SetupProblem } from './setup.js';
import { setupProblemOf } from './client.js';
import { timing } from './timing.js';
import { languageOf, languageReady } from './locale.js';
import { onStringsChange, resolveIn, sharedStrings } from './strings.js';
import type { Strings } from './strings.js';

/** The colour schemes an element can be told to use instead of the host page's. */
export type Theme = 'light' | 'dark' | 'auto';

/**
 * What every element shares: `api-base`, `locale`, `theme`, `strings`, `client`; one SDK client
 * per API base; re-rendering when the string registry changes; and the three things that make an
 * element look again: the client in use becoming known or changing (`load`), another element or
 * tab saying that access changed, and the tab coming back to the front (`refresh`).
 */
export abstract class ClientElement extends LitElement {
  // Declared here rather than with decorators: the bundle then carries no decorator helper.
  static override properties: PropertyDeclarations = {
    apiBase: { attribute: 'api-base' },
    locale: {},
    theme: { reflect: true },
    strings: { attribute: false },
    client: { attribute: false },
    analytics: {},
    setupProblem: { state: true, attribute: false },
  };

  /** The API origin, e.g. `https://api.example.com`. Defaults to the script tag's `data-api-base`. */
  apiBase: string | undefined;
  /** Language of the strings and of dates and prices (BCP 47). Defaults to the nearest `lang`. */
  locale: string | undefined;
  /**
   * Colour scheme: by default the host page's (`color-scheme` on the page; none declared: the
   * background the element sits on, light or dark). `light` or `dark` forces one; `auto` follows
   * the visitor's system setting.
   */
  theme: Theme | undefined;
  /** Overrides for any visible string (see `defaultStrings`). */
  strings: Partial<Strings> | undefined;
  /** An SDK client to use instead of the shared one for `api-base`. */
  client: VisitorAccessClient | undefined;
  /**
   * `dataLayer` pushes the funnel events (`va-analytics`) to `window.dataLayer`; `none` does not.
   * Defaults to the script tag's `data-analytics`, else `none`. The DOM event is always fired.
   */
  analytics: AnalyticsTarget | undefined;

  /**
   * Why the element cannot start: no API address after `timing.setupGraceMs`, or one that is not an
   * address. Cleared as soon as a usable one is set.
   */
  protected setupProblem: SetupProblem | undefined;

  #cleanups: Array<() => void> = [];
  #setupTimer: ReturnType<typeof setTimeout> | undefined;
  #sessionCleanup: (() => void) | undefined;
  #subscribedTo: VisitorAccessClient | undefined;

  /** The client in use: the `client` property or the page's shared client for `api-base`. */
  get apiClient(): VisitorAccessClient | undefined {
    return this.client ?? sharedClient(this.apiBase);
  }

  protected get s(): Strings {
    return resolveIn(this.english, this.lang_, this.strings);
  }

  /**
   * The English strings this element shows: the shared ones, and an element's own (the list's, the
   * group buy's) where it has some. Only these are in a bundle of this element alone.
   * @internal
   */
  protected get english(): Partial<Strings> {
    return sharedStrings;
  }

  protected get lang_(): string {
    return languageOf(this, this.locale);
  }

  // A page in another shipped language: nothing is painted until that language has arrived (or
  // failed to: English), so no visitor sees English first (decision 0110). Arabic and Hebrew
  // lay out right to left: `dir` on what the shadow root shows, set in the same task as the render.
  protected override async scheduleUpdate(): Promise<void> {
    await languageReady(this.lang_);
    void super.scheduleUpdate();
    for (const child of this.renderRoot.children)
      (child as HTMLElement).dir = /^(ar|he)\b/.test(this.lang_) ? 'rtl' : '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#cleanups.push(
      onStringsChange(() => this.requestUpdate()),
      onDefaultApiBaseChange(() => this.#subscribe()),
      onAccessChange((message) => this.accessChanged(message)),
    );
    document.addEventListener('visibilitychange', this.#onVisible);
    // Before the first render: a dark host never sees a flash of the light palette.
    watchHostColours(this);
    // Moved in the DOM (disconnected, then connected again): start over.
    if (this.hasUpdated) this.#subscribe();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const cleanup of this.#cleanups.splice(0)) cleanup();
    document.removeEventListener('visibilitychange', this.#onVisible);
    unwatchHostColours(this);
    this.#sessionCleanup?.();
    this.#sessionCleanup = undefined;
    this.#subscribedTo = undefined;
    clearTimeout(this.#setupTimer);
    this.#setupTimer = undefined;
  }

  // A tab coming back to the front looks again, quietly: a refund or a sign-out may have happened.
  readonly #onVisible = () => {
    if (!document.hidden && this.#subscribedTo) this.refresh();
  };

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.hasUpdated && changed.has('theme')) watchHostColours(this);
    // Idempotent: subscribes on the first update and whenever the client in use changes.
    this.#subscribe();
  }

  #subscribe(): void {
    const client = this.apiClient;
    if (!client) return this.#watchSetup();
    clearTimeout(this.#setupTimer);
    this.#setupTimer = undefined;
    this.setupProblem = undefined;
    if (!this.isConnected || client === this.#subscribedTo) return;
    this.#sessionCleanup?.();
    this.#subscribedTo = client;
    let replay = true;
    this.#sessionCleanup = client.onSessionChange((event) => this.sessionChanged(event, replay));
    replay = false;
    this.load();
  }

  /** No client: an address that is not one is said at once; none at all after a short grace. */
  #watchSetup(): void {
    if (!this.isConnected) return;
    const problem = setupProblemOf(this.apiBase);
    if (problem.value !== undefined) {
      if (problem.value !== this.setupProblem?.value || problem.attribute !== this.setupProblem.attribute) {
        this.#misconfigure(problem);
      }
    } else if (!this.setupProblem && !this.#setupTimer) {
      this.#setupTimer = setTimeout(() => {
        this.#setupTimer = undefined;
        if (!this.apiClient && this.isConnected) this.#misconfigure(setupProblemOf(this.apiBase));
      }, timing.setupGraceMs);
    }
  }

  #misconfigure(problem: SetupProblem): void {
    this.setupProblem = problem;
    console.warn(`<${this.localName}>: ${setupMessage(this.s, problem)}`);
    this.misconfigured(problem);
  }

  /**
   * The element cannot start (see `setupProblem`). By default it says so with a `va-error`
   * (`not_configured`); each element shows `setupError` in its place.
   */
  protected misconfigured(problem: SetupProblem): void {
    this.dispatchEvent(new VaErrorEvent({ code: 'not_configured', message: setupMessage(this.s, problem) }));
  }

  /** Whether the element has a client and is on the page (`load` has run). */
  protected get started(): boolean {
    return this.#subscribedTo !== undefined;
  }

  /**
   * Called with the SDK's session events; `replay` is true for the first call, which repeats the
   * state the client already knew.
   */
  protected sessionChanged(_event: SessionEvent, _replay: boolean): void {}

  /** Another element or tab says access changed. By default, looks again. */
  protected accessChanged(_message: AccessMessage & { source?: object }): void {
    if (this.#subscribedTo) this.refresh();
  }

  /** Looks again without a loading state. By default, `load()`. */
  protected refresh(): void {
    this.load();
  }

  /** Loads what the element shows; called when the client in use is known or changes. */
  protected abstract load(): void;
}
