// The fake Stripe Checkout (`/_mock/checkout/{id}`): an order summary (creator, title, price) with Pay
// and Cancel, which complete the session through the development API.
import { english, fillText } from '../locales/index.js';
import type { PageLocale } from '../locales/index.js';
import type { CheckoutSessionRecord } from '../records.js';
import { pageScript } from './scripts.js';
import { formatMoney, html, htmlPage, initial, safeHref, TOP_BAR } from './shell.js';

/** The fake Stripe Checkout: an order summary (creator, title, price) with Pay and Cancel. */
export function checkoutPage(session: CheckoutSessionRecord, locale: PageLocale = english): Response {
  const { t } = locale;
  const open = session.status === 'open';
  const price = formatMoney(session.amount, session.currency, locale.lang);
  const back = safeHref(session.status === 'paid' ? session.successUrl : session.cancelUrl);
  const body = html`${TOP_BAR}<main class="checkout"><div class="checkout-grid">
<section aria-label="${t.orderSummary}">
<p class="merchant"><span class="avatar" aria-hidden="true">${initial(session.handle)}</span>${session.handle} <span class="badge warn">${t.testMode}</span></p>
<h1>${session.title}</h1>
<p class="amount">${price}</p>
<dl class="lines">
<div><dt>${session.title}</dt><dd>${price}</dd></div>
<div class="total"><dt>${t.totalDue}</dt><dd>${price}</dd></div>
</dl>
</section>
<section class="card stack" aria-label="${t.payment}">
<p class="note"><strong>${t.testModeCaps}</strong> ${t.testNote}</p>
${
  open
    ? html`<button id="pay" class="button primary block" data-outcome="paid">${t.pay}</button>
<button id="cancel" class="button block" data-outcome="cancelled">${t.cancel}</button>`
    : html`<p><strong>${fillText(t.alreadyClosed, { status: session.status })}</strong></p>${
        back ? html`<a class="button block" href="${back}">${fillText(t.backTo, { host: new URL(back).host })}</a>` : ''
      }`
}
<p id="status" class="status" role="status" aria-live="polite"></p>
<p class="muted small">${t.session} <span class="mono">${session.id}</span></p>
</section>
</div></main>`;
  return htmlPage(
    200,
    fillText(t.payTitle, { title: session.title }),
    body,
    open ? pageScript(t, 'checkout') : undefined,
    locale,
  );
}
