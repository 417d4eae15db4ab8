// Plain, fast HTML for people: the magic-link landing, the mailbox and the fake Stripe Checkout.
// Every string that came from a request or the store goes through `escapeHtml`.
import { randomToken } from './crypto.js';
import type { CheckoutSessionRecord, MessageRecord } from './records.js';

/**
 * Escapes text for HTML element content and double-quoted attributes.
 *
 * @example
 * ```ts
 * escapeHtml('<b>"hi"</b>'); // '&lt;b&gt;&quot;hi&quot;&lt;/b&gt;'
 * ```
 */
export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}

const STYLE = `
  :root { color-scheme: light dark; font-family: system-ui, sans-serif; line-height: 1.5; }
  body { max-width: 40rem; margin: 2rem auto; padding: 0 1rem; }
  button, input { font: inherit; padding: .5rem .9rem; border-radius: .4rem; }
  button { cursor: pointer; border: 1px solid currentColor; }
  button.primary { background: #2f5bea; color: #fff; border-color: #2f5bea; }
  .muted { opacity: .75; } .error { color: #b3261e; } .ok { color: #1e7b34; }
  article { border: 1px solid #8884; border-radius: .5rem; padding: .75rem 1rem; margin: .75rem 0; }
  pre { white-space: pre-wrap; word-break: break-all; }
  code { font-size: 1.1em; }
`;

/** An HTML response with a strict CSP; `script` (if any) runs with a per-response nonce. */
export function htmlPage(status: number, title: string, bodyHtml: string, script?: string): Response {
  const nonce = randomToken(16);
  const csp = [
    "default-src 'none'",
    `style-src 'unsafe-inline'`,
    script ? `script-src 'nonce-${nonce}'` : "script-src 'none'",
    "connect-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body>${bodyHtml}${script ? `<script nonce="${nonce}">${script}</script>` : ''}</body></html>`;
  return new Response(html, {
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': csp,
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
    },
  });
}

// Shared by the landing page: asks for a new link by POSTing the magic-link route.
const REQUEST_FORM_SCRIPT = `
const form = document.getElementById('request-link');
if (form) form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const out = document.getElementById('request-status');
  const body = { email: form.elements.email.value };
  if (form.dataset.returnTo) body.returnTo = form.dataset.returnTo;
  out.textContent = 'Sending…';
  try {
    const res = await fetch('/v2/visitor/auth/magic-link', { method: 'POST', credentials: 'include',
      headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const data = await res.json().catch(() => ({}));
    out.className = res.ok ? 'ok' : 'error';
    out.textContent = res.ok ? 'Check your email for a new sign-in link.' : (data.message || 'That did not work. Try again.');
  } catch { out.className = 'error'; out.textContent = 'Network error. Try again.'; }
});`;

function requestForm(email: string, returnTo: string | undefined): string {
  return `<form id="request-link" data-return-to="${escapeHtml(returnTo ?? '')}">
  <p><label>Email <input type="email" name="email" required autocomplete="email" value="${escapeHtml(email)}"></label></p>
  <p><button type="submit" class="primary">Email me a new link</button></p>
  <p id="request-status" role="status" aria-live="polite"></p>
</form>`;
}

/** The landing page of a valid link: one Continue button; nothing happens until it is clicked. */
export function landingValidPage(token: string, email: string, returnTo: string | undefined): Response {
  const body = `<main>
<h1>Sign in</h1>
<p>Continue to sign in as <strong>${escapeHtml(email)}</strong>.</p>
<p><button id="continue" class="primary" data-token="${escapeHtml(token)}" data-return-to="${escapeHtml(returnTo ?? '')}">Continue</button></p>
<p id="status" role="status" aria-live="polite"></p>
<div id="again" hidden>${requestForm(email, returnTo)}</div>
</main>`;
  const script = `
const button = document.getElementById('continue');
const status = document.getElementById('status');
button.addEventListener('click', async () => {
  button.disabled = true;
  status.className = ''; status.textContent = 'Signing in…';
  try {
    const res = await fetch('/v2/visitor/auth/verify', { method: 'POST', credentials: 'include',
      headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: button.dataset.token }) });
    const data = await res.json().catch(() => ({}));
    if (res.ok) {
      status.className = 'ok';
      status.textContent = 'You are signed in.';
      if (button.dataset.returnTo) location.assign(button.dataset.returnTo);
      return;
    }
    status.className = 'error';
    status.textContent = data.message || 'This link did not work.';
    document.getElementById('again').hidden = false;
  } catch { status.className = 'error'; status.textContent = 'Network error. Try again.'; button.disabled = false; }
});
${REQUEST_FORM_SCRIPT}`;
  return htmlPage(200, 'Sign in', body, script);
}

/** The landing page of an expired, used or unknown link, with a form to ask for a new one. */
export function landingProblemPage(
  state: 'expired' | 'used' | 'invalid',
  email: string,
  returnTo: string | undefined,
): Response {
  const text: [string, string] = {
    expired: ['This link has expired', 'Sign-in links last 15 minutes. Ask for a new one below.'],
    used: ['This link was already used', 'Each sign-in link works once. If that was not you, ask for a new one below.'],
    invalid: ['This link is not valid', 'It may be incomplete or mistyped. Ask for a new one below.'],
  }[state] as [string, string];
  const body = `<main><h1>${escapeHtml(text[0])}</h1><p>${escapeHtml(text[1])}</p>${requestForm(email, returnTo)}</main>`;
  return htmlPage(401, text[0], body, REQUEST_FORM_SCRIPT);
}

const formatMoney = (amount: number, currency: string) => {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).format(amount / 100);
  } catch {
    return `${amount} ${currency}`;
  }
};

/** The mailbox: every email, newest first, with its links clickable. */
export function mailboxPage(messages: MessageRecord[], filter: string | undefined): Response {
  const items = messages
    .map(
      (m) => `<article>
<h2>${escapeHtml(m.subject)}</h2>
<p class="muted">To <strong>${escapeHtml(m.to)}</strong> · ${escapeHtml(new Date(m.sentAt).toISOString())}</p>
${m.link ? `<p><a href="${escapeHtml(m.link)}">${escapeHtml(m.link.length > 90 ? `${m.link.slice(0, 90)}…` : m.link)}</a></p>` : ''}
${m.code ? `<p>Code: <code>${escapeHtml(m.code)}</code></p>` : ''}
<details><summary>Full text</summary><pre>${escapeHtml(m.text)}</pre></details>
</article>`,
    )
    .join('\n');
  const body = `<main><h1>Mailbox</h1>
<p class="muted">Every email the mock has sent, newest first.${filter ? ` Showing mail to <strong>${escapeHtml(filter)}</strong> · <a href="/_mock/mailbox">show all</a>.` : ''}</p>
<form method="get" action="/_mock/mailbox"><label>Only to <input type="email" name="to" value="${escapeHtml(filter ?? '')}"></label> <button>Filter</button></form>
${items || '<p>No email yet. Request a magic link to see one here.</p>'}
</main>`;
  return htmlPage(200, `Mailbox (${messages.length})`, body);
}

/** The fake Stripe Checkout: the page title and price, with Pay and Cancel. */
export function checkoutPage(session: CheckoutSessionRecord): Response {
  const open = session.status === 'open';
  const body = `<main>
<p class="muted">Test mode · fake Stripe Checkout</p>
<h1>${escapeHtml(session.title)}</h1>
<p style="font-size:1.5rem"><strong>${escapeHtml(formatMoney(session.amount, session.currency))}</strong></p>
<p class="muted">${escapeHtml(session.handle)} / ${escapeHtml(session.slug)} · session ${escapeHtml(session.id)}</p>
${
  open
    ? `<p><button id="pay" class="primary" data-outcome="paid">Pay</button> <button id="cancel" data-outcome="cancelled">Cancel</button></p>`
    : `<p>This checkout is already ${escapeHtml(session.status)}.</p>`
}
<p id="status" role="status" aria-live="polite"></p>
</main>`;
  const script = open
    ? `
for (const button of document.querySelectorAll('button[data-outcome]')) {
  button.addEventListener('click', async () => {
    for (const b of document.querySelectorAll('button')) b.disabled = true;
    const status = document.getElementById('status');
    status.textContent = 'Processing…';
    const res = await fetch(location.pathname.replace('/_mock/checkout/', '/_mock/api/checkout/') + '/complete', {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ outcome: button.dataset.outcome }) });
    const data = await res.json().catch(() => ({}));
    if (res.ok) location.assign(data.redirectTo);
    else { status.className = 'error'; status.textContent = data.message || 'That did not work.'; }
  });
}`
    : undefined;
  return htmlPage(200, `Pay ${session.title}`, body, script);
}

/** A small HTML error page (unknown checkout session and such). */
export function problemPage(status: number, title: string, text: string): Response {
  return htmlPage(status, title, `<main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p></main>`);
}
