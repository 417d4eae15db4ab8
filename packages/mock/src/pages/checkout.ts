// The fake Stripe Checkout (`/_mock/checkout/{id}`): an order summary (creator, title, price) with Pay
// and Cancel, which complete the session through the development API.
import { english, fillText } from '../locales/index.js';
import type { PageLocale } from '../locales/index.js';
import type { CheckoutSessionRecord } from '../records.js';
import { formatMoney, html, htmlPage, initial, safeHref, scriptStrings, TOP_BAR } from './shell.js';

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
  const script = open
    ? `
${scriptStrings(t, ['processing', 'failed', 'backToPage', 'networkTryAgain'])}
const buttons = document.querySelectorAll('button[data-outcome]');
const status = document.getElementById('status');
for (const button of buttons) {
  button.addEventListener('click', async () => {
    for (const b of buttons) b.disabled = true;
    status.className = 'status'; status.textContent = T.processing;
    try {
      const res = await fetch(location.pathname.replace('/_mock/checkout/', '/_mock/api/checkout/') + '/complete', {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ outcome: button.dataset.outcome }) });
      const data = await res.json().catch(() => ({}));
      if (res.ok) return location.assign(data.redirectTo);
      status.className = 'status error'; status.textContent = data.message || T.failed;
      if (data.error === 'already_entitled') {
        // Already owned: nothing to pay, so the one way on is back to the page (as a cancel, which buys nothing).
        const back = document.getElementById('cancel');
        status.className = 'status';
        document.getElementById('pay').hidden = true;
        back.textContent = T.backToPage; back.classList.add('primary'); back.disabled = false;
      }
      else if (data.error !== 'checkout_session_closed') for (const b of buttons) b.disabled = false;
    } catch {
      status.className = 'status error'; status.textContent = T.networkTryAgain;
      for (const b of buttons) b.disabled = false;
    }
  });
}`
    : undefined;
  return htmlPage(200, fillText(t.payTitle, { title: session.title }), body, script, locale);
}
