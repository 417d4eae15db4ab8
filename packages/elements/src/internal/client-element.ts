import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { onAccessChange } from './access-channel.js';
import { onDefaultApiBaseChange, sharedClient } from './client.js';
import type { VisitorAccessClient } from './client.js';
import { languageOf } from './env.js';
import { onStringsChange, resolveStrings } from './strings.js';
import type { Strings } from './strings.js';

/**
 * What every element shares: `api-base`, `locale`, `strings`, `client`, and re-rendering when the
 * string registry changes. Subclasses implement `load()`, called when the client is known and
 * again on every session or access change.
 */
export abstract class ClientElement extends LitElement {
  /** The API origin, e.g. `https://api.example.com`. Defaults to the script tag's `data-api-base`. */
  @property({ attribute: 'api-base' }) apiBase: string | undefined;
  /** Language of the strings and of dates and prices (BCP 47). Defaults to the nearest `lang`. */
  @property() locale: string | undefined;
  /** Overrides for any visible string (see `defaultStrings`). */
  @property({ attribute: false }) strings: Partial<Strings> | undefined;
  /** An SDK client to use instead of the shared one for `api-base`. */
  @property({ attribute: false }) client: VisitorAccessClient | undefined;

  #cleanups: Array<() => void> = [];
  #sessionCleanup: (() => void) | undefined;
  #subscribedTo: VisitorAccessClient | undefined;

  /** The client in use. */
  get apiClient(): VisitorAccessClient | undefined {
    return this.client ?? sharedClient(this.apiBase);
  }

  protected get s(): Strings {
    return resolveStrings(languageOf(this, this.locale), this.strings);
  }

  protected get lang_(): string {
    return languageOf(this, this.locale);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#subscribedTo = undefined; // re-subscribe on the next update after a move in the DOM
    this.#cleanups.push(
      onStringsChange(() => this.requestUpdate()),
      onDefaultApiBaseChange(() => this.#subscribe()),
      onAccessChange(() => void this.load()),
    );
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const cleanup of this.#cleanups.splice(0)) cleanup();
    this.#sessionCleanup?.();
    this.#sessionCleanup = undefined;
    this.#subscribedTo = undefined;
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    // Idempotent: subscribes on the first update and whenever the client in use changes.
    void changed;
    this.#subscribe();
  }

  #subscribe(): void {
    const client = this.apiClient;
    if (!client || !this.isConnected || client === this.#subscribedTo) return;
    this.#sessionCleanup?.();
    this.#subscribedTo = client;
    this.#sessionCleanup = client.onSessionChange((event) => this.sessionChanged(event));
    void this.load();
  }

  /** Called with the SDK's session events (the first one replays the current state). */
  protected sessionChanged(_event: { state: string; visitor?: { email: string } }): void {}

  /** Loads what the element shows. */
  protected abstract load(): Promise<void>;
}
