import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { AccessCheckResponse, GroupBuy } from '@visitor-access/contract';
import { fill } from '../internal/strings.js';
import type { Strings } from '../internal/strings.js';

/** What the card knows: the group buy, and what this visitor can do with it. */
export interface View {
  buy: GroupBuy;
  signedIn: boolean;
  interested: boolean;
  /** The access check of the page an active group buy sells. */
  access?: AccessCheckResponse | undefined;
}

/** What the card is doing: a request of the visitor's in flight, or the return from checkout. */
export type Busy = 'interest' | 'withdraw' | 'buy' | 'confirming' | undefined;

/**
 * The card's actions for its state: "I'm interested" / withdraw while it collects interest, "Buy for
 * {price}" once active (or "You own this"), the spinner while a return from checkout is confirmed.
 */
export function actions(
  view: View,
  price: string,
  s: Strings,
  busy: Busy,
  on: { buy(): void; run(action: 'interest' | 'withdraw'): void },
): TemplateResult | typeof nothing {
  if (busy === 'confirming') {
    return html`<p class="muted"><span class="spinner" aria-hidden="true"></span>${s.returningHeading}</p>`;
  }
  if (view.buy.status === 'active') {
    if (!view.buy.pageSlug) return nothing;
    if (view.access?.hasAccess) return html`<p class="success" part="owned">${s.groupOwned}</p>`;
    return html`<button
      part="button button-primary"
      class="primary wide"
      ?disabled=${busy === 'buy'}
      @click=${() => on.buy()}
    >
      ${busy === 'buy' ? s.redirecting : price ? fill(s.buy, { price }) : s.buyNoPrice}
    </button>`;
  }
  if (view.interested) {
    return html`<p>${s.youAreInterested}</p>
      <button part="button" class="link" ?disabled=${!!busy} @click=${() => on.run('withdraw')}>${s.withdraw}</button>`;
  }
  return html`<button
    part="button button-primary"
    class="primary wide"
    ?disabled=${!!busy}
    @click=${() => on.run('interest')}
  >
    ${s.interested}
  </button>`;
}
