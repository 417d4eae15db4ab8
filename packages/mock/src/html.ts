// Plain, fast HTML for people: the index, the mailbox, the magic-link landing and the fake Stripe Checkout.
// Every string that came from a request or the store goes through `escapeHtml`. The pages take the
// elements' visual language (the tokens of packages/elements/src/internal/styles.ts, copied: the mock
// must not load the elements at runtime) and follow the visitor's OS colour scheme, since they are
// whole pages rather than parts of a host page.
import { english, fillText } from './locales/index.js';
import type { PageLocale, PageStrings } from './locales/index.js';
import { randomToken } from './crypto.js';
import type { CheckoutSessionRecord, MessageRecord, PageRecord } from './records.js';

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

// The one stylesheet of every page. Colours, radius, spacing and buttons are the elements' tokens; the
// page background, the field border (3:1 against the surface, for WCAG 1.4.11) and the test-mode note
// are the mock's own. `overflow-wrap: anywhere` on the body lets long links and addresses break
// anywhere rather than widen the page on a phone.
const STYLE = `
:root {
  color-scheme: light dark;
  --fg: #1c1d21; --muted: #5b5f6b; --surface: #ffffff; --page: #f4f5f8; --border: #d5d7de;
  --field: #868b98; --accent: #3b4ee0; --on-accent: #ffffff; --danger: #b42318; --success: #067647;
  --tint: #eef0fd; --warn-bg: #fff4e0; --warn-fg: #7a4100; --warn-border: #f0c987;
  --radius: 10px; --radius-sm: 6px; --space: 1rem;
  --mono: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
}
@media (prefers-color-scheme: dark) {
  :root {
    --fg: #eceef3; --muted: #a9aebb; --surface: #17181c; --page: #0e0f12; --border: #3a3d46;
    --field: #737887; --accent: #8f9cff; --on-accent: #0d0f1a; --danger: #ff8a80; --success: #6ee7a8;
    --tint: #1f2238; --warn-bg: #2e2210; --warn-fg: #ffcf87; --warn-border: #6b4d1c;
  }
}
* { box-sizing: border-box; }
[hidden] { display: none !important; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0; min-height: 100vh; background: var(--page); color: var(--fg);
  font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; font-size: 1rem; line-height: 1.5;
  overflow-wrap: anywhere;
}
a { color: var(--accent); text-underline-offset: 0.15em; }
:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
h1 { font-size: 1.5rem; line-height: 1.25; margin: 0 0 0.5rem; letter-spacing: -0.01em; }
h2 { font-size: 1.125rem; line-height: 1.3; margin: 0 0 0.5rem; }
p { margin: 0 0 0.75rem; }
code, .mono { font-family: var(--mono); font-size: 0.92em; }
.muted { color: var(--muted); }
.small { font-size: 0.875rem; }
.error { color: var(--danger); }
.ok { color: var(--success); }
.top {
  display: flex; align-items: center; padding: 0.75rem 1rem; background: var(--surface); border-bottom: 1px solid var(--border);
}
.brand { display: inline-flex; align-items: center; gap: 0.5rem; font-weight: 700; color: var(--fg); text-decoration: none; }
.brand::before {
  content: ''; width: 1.25rem; height: 1.25rem; border-radius: var(--radius-sm); flex: none;
  background: linear-gradient(135deg, var(--accent), var(--success));
}
.badge {
  display: inline-block; padding: 0.05rem 0.5rem; border-radius: 999px; font-size: 0.75rem; font-weight: 700;
  letter-spacing: 0.04em; text-transform: uppercase; background: var(--tint); color: var(--fg); white-space: nowrap;
}
.badge.warn { background: var(--warn-bg); color: var(--warn-fg); border: 1px solid var(--warn-border); }
main { width: 100%; max-width: 44rem; margin: 0 auto; padding: 2rem 1rem 3rem; }
main.narrow { max-width: 28rem; }
@media (min-width: 48rem) { main.narrow { padding-top: 4rem; } }
main.checkout { max-width: 60rem; }
.card { background: var(--surface); border: 1px solid var(--border); border-radius: var(--radius); padding: 1.5rem; }
.card > :last-child { margin-bottom: 0; }
@media (max-width: 30rem) { .card { padding: 1.25rem 1rem; } }
.footnote { margin: 1rem 0.25rem 0; }
label { display: block; font-weight: 600; margin-bottom: 0.25rem; }
input {
  width: 100%; font: inherit; padding: 0.6em 0.75em; color: var(--fg); background: var(--surface);
  border: 1px solid var(--field); border-radius: var(--radius-sm); min-height: 2.75rem;
}
.field { margin-bottom: var(--space); }
.button {
  display: inline-flex; align-items: center; justify-content: center; gap: 0.5em; min-height: 2.75rem;
  padding: 0.6em 1.1em; border-radius: var(--radius-sm); border: 1px solid var(--field);
  background: var(--surface); color: var(--fg); font: inherit; font-weight: 600; line-height: 1.25;
  text-align: center; text-decoration: none; cursor: pointer; transition: filter 0.15s ease;
}
.button:hover { filter: brightness(0.96); }
.button.primary { background: var(--accent); border-color: var(--accent); color: var(--on-accent); }
.button.primary:hover { filter: brightness(1.08); }
.button[disabled] { cursor: not-allowed; opacity: 0.6; }
.button.block { display: flex; width: 100%; }
.stack > * + * { margin-top: 0.75rem; }
@media (prefers-reduced-motion: reduce) { .button { transition: none; } }
.identity { display: flex; align-items: center; gap: 0.75rem; margin: 1rem 0 1.25rem; }
.avatar {
  flex: none; display: inline-grid; place-items: center; width: 2.5rem; height: 2.5rem; border-radius: 50%;
  background: var(--tint); color: var(--fg); font-weight: 700; text-transform: uppercase;
}
.identity strong { display: block; }
.status { margin: 0.75rem 0 0; min-height: 1.5em; }
.status:empty { display: none; }
#next { margin: 0.75rem 0 0; }
#again { margin-top: 1rem; }
.note {
  background: var(--warn-bg); color: var(--warn-fg); border: 1px solid var(--warn-border);
  border-radius: var(--radius-sm); padding: 0.75rem 1rem;
}
/* Mailbox */
.heading { display: flex; align-items: center; justify-content: space-between; gap: 0.5rem 1rem; flex-wrap: wrap; }
.heading h1 { margin: 0; }
.filter { display: flex; gap: 0.5rem; flex-wrap: wrap; align-items: flex-end; margin: 1.25rem 0; }
.filter .field { flex: 1 1 14rem; margin: 0; }
.inbox { list-style: none; margin: 0; padding: 0; background: var(--surface); border: 1px solid var(--border); border-radius: var(--radius); }
.inbox > li + li { border-top: 1px solid var(--border); }
.inbox summary {
  display: grid; grid-template-columns: minmax(0, 1fr) auto; gap: 0.125rem 0.75rem; align-items: baseline;
  padding: 0.875rem 2.75rem 0.875rem 1rem; cursor: pointer; list-style: none; position: relative;
}
.inbox summary::-webkit-details-marker { display: none; }
.inbox summary::after {
  content: ''; position: absolute; right: 1.125rem; top: 1.25rem; width: 0.5rem; height: 0.5rem;
  border: solid var(--muted); border-width: 0 2px 2px 0; transform: rotate(45deg);
}
.inbox details[open] > summary::after { transform: rotate(225deg); top: 1.5rem; }
.inbox details[open] > summary { background: var(--tint); }
.inbox li:first-child summary { border-radius: var(--radius) var(--radius) 0 0; }
.inbox summary:focus-visible { outline-offset: -2px; }
.inbox .to { grid-column: 1 / -1; font-weight: 600; } /* <wbr> before the @: a long address breaks there on a phone */
.inbox .subject { color: var(--muted); }
.inbox .when { color: var(--muted); font-size: 0.875rem; white-space: nowrap; }
.message { padding: 1rem 1rem 1.25rem; border-top: 1px solid var(--border); }
.code-box { display: flex; align-items: center; flex-wrap: wrap; gap: 0.5rem 1rem; margin: 1rem 0; }
.code-box .label { color: var(--muted); font-size: 0.875rem; flex-basis: 100%; }
.code {
  font-family: var(--mono); font-size: 1.75rem; font-weight: 700; letter-spacing: 0.2em;
  font-variant-numeric: tabular-nums; user-select: all; -webkit-user-select: all;
}
.text { margin-top: 1.25rem; padding-top: 1rem; border-top: 1px dashed var(--border); font-size: 0.9375rem; }
.text .label { color: var(--muted); font-size: 0.875rem; margin-bottom: 0.5rem; }
.empty { text-align: center; padding: 2rem 1rem; }
/* Checkout */
.checkout-grid { display: grid; gap: 1.5rem; }
@media (min-width: 48rem) {
  .checkout-grid { grid-template-columns: minmax(0, 1fr) minmax(0, 24rem); gap: 3rem; align-items: start; }
  main.checkout { padding-top: 3rem; }
}
.merchant { display: flex; align-items: center; gap: 0.625rem; font-weight: 600; margin-bottom: 1.25rem; }
.merchant .avatar { width: 2rem; height: 2rem; font-size: 0.875rem; }
.amount { font-size: 2.25rem; font-weight: 700; line-height: 1.2; margin: 0.25rem 0 1.5rem; font-variant-numeric: tabular-nums; }
.lines { margin: 0; border-top: 1px solid var(--border); }
.lines div { display: flex; justify-content: space-between; gap: 1rem; padding: 0.75rem 0; border-bottom: 1px solid var(--border); }
.lines dt { min-width: 0; }
.lines dd { margin: 0; font-variant-numeric: tabular-nums; white-space: nowrap; }
.lines .total { font-weight: 700; border-bottom: none; }
.reference { margin: 0.75rem 0 0; }
/* Index */
.tiles { display: grid; grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr)); gap: 0.75rem; margin: 1.25rem 0 2rem; }
.tile { display: block; color: var(--fg); text-decoration: none; padding: 1rem 1.25rem; }
.tile strong { display: block; color: var(--accent); }
.tile:hover { border-color: var(--accent); }
.pages { list-style: none; margin: 0; padding: 0; }
.pages.card { padding: 0; }
.pages li { padding: 0.75rem 1rem; }
.pages li + li { border-top: 1px solid var(--border); }
.pages .row { display: flex; flex-wrap: wrap; gap: 0.25rem 0.75rem; align-items: baseline; justify-content: space-between; }
`;

/** An HTML response with a strict CSP; `script` (if any) runs with a per-response nonce. */
export function htmlPage(
  status: number,
  title: string,
  bodyHtml: string,
  script?: string,
  locale: PageLocale = english,
): Response {
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
<html lang="${locale.lang}" dir="${locale.dir}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark"><meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
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

/** Strings a page script shows, as a script constant `T` (JSON, safe inside <script>). */
function scriptStrings(t: PageStrings, keys: Array<keyof PageStrings>): string {
  const picked = Object.fromEntries(keys.map((k) => [k, t[k]]));
  return `const T = ${JSON.stringify(picked).replace(/</g, '\\u003c')};`;
}

/** The bar on top of every page; its name leads to the mock's front page. */
const TOP_BAR =
  '<header class="top"><a class="brand" href="/">Visitor Access <span class="badge">mock</span></a></header>';

/** An http(s) URL as it may go into `href`, or undefined (nothing else is ever made a link). */
function safeHref(url: string | null | undefined): string | undefined {
  if (!url || !URL.canParse(url)) return undefined;
  const protocol = new URL(url).protocol;
  return protocol === 'http:' || protocol === 'https:' ? url : undefined;
}

const initial = (text: string) => escapeHtml((/[\p{L}\p{N}]/u.exec(text)?.[0] ?? '?').toUpperCase());

// Shared by the landing pages: asks for a new link by POSTing the magic-link route.
// In a block of its own: the landing's script has its own `T` before it.
const requestFormScript = (t: PageStrings) => `{
${scriptStrings(t, ['sending', 'checkEmail', 'failedTryAgain', 'networkTryAgain'])}
const form = document.getElementById('request-link');
if (form) form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const out = document.getElementById('request-status');
  const submit = form.querySelector('button[type=submit]');
  const body = { email: form.elements.email.value };
  if (form.dataset.returnTo) body.returnTo = form.dataset.returnTo;
  out.className = 'status'; out.textContent = T.sending; submit.disabled = true;
  try {
    const res = await fetch(form.dataset.api + '/v2/visitor/auth/magic-link', { method: 'POST', credentials: 'include',
      headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const data = await res.json().catch(() => ({}));
    out.className = res.ok ? 'status ok' : 'status error';
    out.textContent = res.ok ? T.checkEmail : (data.message || T.failedTryAgain);
  } catch { out.className = 'status error'; out.textContent = T.networkTryAgain; }
  submit.disabled = false;
});
}`;

function requestForm(email: string, returnTo: string | undefined, api: string, t: PageStrings): string {
  return `<form id="request-link" data-return-to="${escapeHtml(returnTo ?? '')}" data-api="${escapeHtml(api)}">
<div class="field"><label for="request-email">${escapeHtml(t.email)}</label>
<input id="request-email" type="email" name="email" required autocomplete="email" spellcheck="false" value="${escapeHtml(email)}"></div>
<button type="submit" class="button primary block">${escapeHtml(t.newLink)}</button>
<p id="request-status" class="status" role="status" aria-live="polite"></p>
</form>`;
}

/** Where returnTo leads, as a person reads it (the host, or the host and path when short). */
function destination(returnTo: string | undefined): string | undefined {
  if (!returnTo || !URL.canParse(returnTo)) return undefined;
  return new URL(returnTo).host;
}

/**
 * The landing page of a valid link: one Continue button; nothing happens until it is clicked. `api` is
 * the path prefix the API is reached under from the visitor's browser (`/api` behind a site's proxy, ``
 * when the mock is served at its root): the page's own calls go there.
 */
export function landingValidPage(
  token: string,
  email: string,
  returnTo: string | undefined,
  api = '',
  locale: PageLocale = english,
): Response {
  const { t } = locale;
  const goesTo = destination(returnTo);
  const body = `${TOP_BAR}<main class="narrow">
<div class="card">
<h1>${escapeHtml(t.signIn)}</h1>
<div class="identity"><span class="avatar" aria-hidden="true">${initial(email)}</span>
<div><span id="as" class="muted small">${escapeHtml(t.signingInAs)}</span><strong>${escapeHtml(email)}</strong></div></div>
<button id="continue" class="button primary block" data-token="${escapeHtml(token)}" data-return-to="${escapeHtml(returnTo ?? '')}" data-api="${escapeHtml(api)}">${escapeHtml(t.continue)}</button>
<p id="status" class="status" role="status" aria-live="polite"></p>
<p id="next" class="muted small">${
    goesTo
      ? escapeHtml(t.continueBack).replace('{destination}', `<strong>${escapeHtml(goesTo)}</strong>`)
      : escapeHtml(t.continueNoBack)
  }</p>
<div id="again" hidden>${requestForm(email, returnTo, api, t)}</div>
</div>
<p class="footnote muted small">${escapeHtml(t.scannerNote)}</p>
</main>`;
  // The click verifies once, however often it is sent: one Idempotency-Key per page, so a retry of an
  // answer that was lost (a timeout, a dropped connection) replays it and still signs in. Passing
  // trouble (429, 5xx, no answer) is retried twice, as the SDK does, and then leaves Continue to click
  // again; only a link that cannot work any more turns into the form for a new one.
  const script = `
${scriptStrings(t, ['signingIn', 'notNow', 'networkLinkWorks', 'signedIn', 'signedInAs', 'closeTab', 'linkFailed'])}
const button = document.getElementById('continue');
const status = document.getElementById('status');
const next = document.getElementById('next');
const bytes = crypto.getRandomValues(new Uint8Array(16));
const key = 'landing-' + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
async function verify() {
  let last;
  for (let attempt = 0; attempt < 3; attempt++) {
    if (attempt) await wait(300 * 2 ** (attempt - 1));
    try {
      const res = await fetch(button.dataset.api + '/v2/visitor/auth/verify', { method: 'POST', credentials: 'include',
        headers: { 'content-type': 'application/json', 'idempotency-key': key },
        body: JSON.stringify({ token: button.dataset.token }) });
      const data = await res.json().catch(() => ({}));
      last = { res, data };
      if (res.status !== 429 && res.status < 500) return last;
    } catch { last = undefined; }
  }
  return last;
}
button.addEventListener('click', async () => {
  button.disabled = true;
  status.className = 'status'; status.textContent = T.signingIn;
  const answer = await verify();
  if (!answer || answer.res.status === 429 || answer.res.status >= 500) {
    status.className = 'status error';
    status.textContent = answer
      ? T.notNow
      : T.networkLinkWorks;
    button.disabled = false;
    return;
  }
  const { res, data } = answer;
  if (res.ok) {
    status.className = 'status ok';
    status.textContent = T.signedIn;
    document.getElementById('as').textContent = T.signedInAs;
    if (button.dataset.returnTo) location.assign(button.dataset.returnTo);
    else { button.hidden = true; next.textContent = T.closeTab; }
    return;
  }
  status.className = 'status error';
  status.textContent = data.message || T.linkFailed;
  // One primary action at a time: the request form replaces Continue.
  button.hidden = true; next.hidden = true;
  document.getElementById('again').hidden = false;
});
${requestFormScript(t)}`;
  return htmlPage(200, t.signIn, body, script, locale);
}

/** The landing page of an expired, used or unknown link, with a form to ask for a new one (`api`: as above). */
export function landingProblemPage(
  state: 'expired' | 'used' | 'invalid',
  email: string,
  returnTo: string | undefined,
  api = '',
  locale: PageLocale = english,
): Response {
  const { t } = locale;
  const text: [string, string] = {
    expired: [t.expiredHeading, t.expiredText],
    used: [t.usedHeading, t.usedText],
    invalid: [t.invalidHeading, t.invalidText],
  }[state] as [string, string];
  const body = `${TOP_BAR}<main class="narrow"><div class="card">
<h1>${escapeHtml(text[0])}</h1><p class="muted">${escapeHtml(text[1])}</p>
${requestForm(email, returnTo, api, t)}
</div></main>`;
  return htmlPage(401, text[0], body, requestFormScript(t), locale);
}

/** A price in minor units, formatted in its currency (the way the elements format it). */
function formatMoney(minor: number, currency: string, lang = 'en'): string {
  try {
    const format = new Intl.NumberFormat(lang, { style: 'currency', currency: currency.toUpperCase() });
    return format.format(minor / 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2));
  } catch {
    return `${(minor / 100).toFixed(2)} ${currency.toUpperCase()}`;
  }
}

/** `2026-12-03 14:03:27 UTC`: the server's rendering; the page script shows it in local time. */
const utc = (ms: number) => `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} UTC`;

/** The text of an email as paragraphs, with its http(s) addresses as links. */
function emailText(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((para) => {
      let html = '';
      let last = 0;
      for (const match of para.matchAll(/https?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)]/g)) {
        html += escapeHtml(para.slice(last, match.index));
        const href = safeHref(match[0]);
        html += href ? `<a href="${escapeHtml(href)}">${escapeHtml(match[0])}</a>` : escapeHtml(match[0]);
        last = match.index + match[0].length;
      }
      html += escapeHtml(para.slice(last));
      return `<p>${html.replace(/\n/g, '<br>')}</p>`;
    })
    .join('');
}

function messageItem(m: MessageRecord, open: boolean, t: PageStrings): string {
  const href = safeHref(m.link);
  const label = escapeHtml(m.token ? t.openSignInLink : t.openLink);
  const codeId = `code-${escapeHtml(m.id)}`;
  const sent = new Date(m.sentAt).toISOString();
  return `<li><details${open ? ' open' : ''}>
<summary><span class="to">${escapeHtml(m.to).replace('@', '<wbr>@')}</span><span class="subject">${escapeHtml(m.subject)}</span><time class="when" datetime="${sent}" data-local="short">${escapeHtml(utc(m.sentAt))}</time></summary>
<div class="message">
<p class="muted small">${escapeHtml(t.sent)} <time datetime="${sent}" data-local="long">${escapeHtml(utc(m.sentAt))}</time></p>
${href ? `<a class="button primary" href="${escapeHtml(href)}">${label}</a>` : ''}
${
  m.code
    ? `<div class="code-box"><span class="label" id="${codeId}-label">${escapeHtml(t.signInCode)}</span><span class="code" id="${codeId}" aria-labelledby="${codeId}-label ${codeId}">${escapeHtml(m.code)}</span><button type="button" class="button" data-copy="${codeId}" hidden>${escapeHtml(t.copyCode)}</button></div>`
    : ''
}
<div class="text"><p class="label">${escapeHtml(t.emailText)}</p>${emailText(m.text)}</div>
</div>
</details></li>`;
}

// Local times for the mailbox, and a Copy button for codes (clipboard, or selects the code when denied).
const mailboxScript = (t: PageStrings) => `
${scriptStrings(t, ['copied', 'selected', 'copyCode'])}
const lang = document.documentElement.lang;
const today = new Date().toDateString();
for (const t of document.querySelectorAll('time[data-local]')) {
  const d = new Date(t.dateTime);
  t.title = t.textContent;
  t.textContent = t.dataset.local === 'short' && d.toDateString() === today
    ? d.toLocaleTimeString(lang) : d.toLocaleString(lang, { dateStyle: 'medium', timeStyle: 'medium' });
}
for (const button of document.querySelectorAll('button[data-copy]')) {
  button.hidden = false;
  button.addEventListener('click', async () => {
    const code = document.getElementById(button.dataset.copy);
    try { await navigator.clipboard.writeText(code.textContent); button.textContent = T.copied; }
    catch { getSelection().selectAllChildren(code); button.textContent = T.selected; }
    setTimeout(() => { button.textContent = T.copyCode; }, 2000);
  });
}`;

/** The mailbox: every email, newest first; the newest is open, the others open with a click. */
export function mailboxPage(
  messages: MessageRecord[],
  filter: string | undefined,
  locale: PageLocale = english,
): Response {
  const { t } = locale;
  const self = `/_mock/mailbox${filter ? `?to=${encodeURIComponent(filter)}` : ''}`;
  const count = escapeHtml(
    new Intl.PluralRules(locale.lang).select(messages.length) === 'one' && messages.length === 1
      ? t.emailsOne
      : fillText(t.emails, { count: messages.length }),
  );
  const order = escapeHtml(messages.length > 1 ? t.newestFirst : '');
  const list = messages.length
    ? `<ol class="inbox" aria-label="${escapeHtml(t.emailsNewestFirst)}">${messages.map((m, i) => messageItem(m, i === 0, t)).join('\n')}</ol>`
    : `<div class="card empty"><h2>${escapeHtml(filter ? t.noEmailTo : t.noEmail)}</h2><p class="muted">${escapeHtml(t.noEmailText)}</p></div>`;
  const body = `${TOP_BAR}<main>
<div class="heading"><h1>${escapeHtml(t.mailbox)}</h1><a class="button" href="${escapeHtml(self)}">${escapeHtml(t.refresh)}</a></div>
<p class="muted">${
    filter
      ? `${escapeHtml(t.countTo)
          .replace('{count}', count)
          .replace('{email}', `<strong>${escapeHtml(filter)}</strong>`)
          .replace('{order}', order)} <a href="/_mock/mailbox">${escapeHtml(t.showAll)}</a>`
      : escapeHtml(t.countAll).replace('{count}', count).replace('{order}', order)
  }</p>
<form class="filter" method="get" action="/_mock/mailbox" role="search">
<div class="field"><label for="filter-to">${escapeHtml(t.onlyTo)}</label><input id="filter-to" type="email" name="to" spellcheck="false" placeholder="name@example.com" value="${escapeHtml(filter ?? '')}"></div>
<button class="button">${escapeHtml(t.filter)}</button>
</form>
${list}
</main>`;
  return htmlPage(
    200,
    `${t.mailbox} (${messages.length})`,
    body,
    messages.length ? mailboxScript(t) : undefined,
    locale,
  );
}

/** The fake Stripe Checkout: an order summary (creator, title, price) with Pay and Cancel. */
export function checkoutPage(session: CheckoutSessionRecord, locale: PageLocale = english): Response {
  const { t } = locale;
  const open = session.status === 'open';
  const price = escapeHtml(formatMoney(session.amount, session.currency, locale.lang));
  const back = safeHref(session.status === 'paid' ? session.successUrl : session.cancelUrl);
  const body = `${TOP_BAR}<main class="checkout"><div class="checkout-grid">
<section aria-label="${escapeHtml(t.orderSummary)}">
<p class="merchant"><span class="avatar" aria-hidden="true">${initial(session.handle)}</span>${escapeHtml(session.handle)} <span class="badge warn">${escapeHtml(t.testMode)}</span></p>
<h1>${escapeHtml(session.title)}</h1>
<p class="amount">${price}</p>
<dl class="lines">
<div><dt>${escapeHtml(session.title)}</dt><dd>${price}</dd></div>
<div class="total"><dt>${escapeHtml(t.totalDue)}</dt><dd>${price}</dd></div>
</dl>
</section>
<section class="card stack" aria-label="${escapeHtml(t.payment)}">
<p class="note"><strong>${escapeHtml(t.testModeCaps)}</strong> ${escapeHtml(t.testNote)}</p>
${
  open
    ? `<button id="pay" class="button primary block" data-outcome="paid">${escapeHtml(t.pay)}</button>
<button id="cancel" class="button block" data-outcome="cancelled">${escapeHtml(t.cancel)}</button>`
    : `<p><strong>${escapeHtml(fillText(t.alreadyClosed, { status: session.status }))}</strong></p>${
        back
          ? `<a class="button block" href="${escapeHtml(back)}">${escapeHtml(fillText(t.backTo, { host: new URL(back).host }))}</a>`
          : ''
      }`
}
<p id="status" class="status" role="status" aria-live="polite"></p>
<p class="muted small">${escapeHtml(t.session)} <span class="mono">${escapeHtml(session.id)}</span></p>
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

/**
 * The page a person gets when the mock injects a fault into a page route (the magic-link landing): what
 * happened, the request ID for support, and a link that loads the same address again.
 */
export function faultPage(status: number, title: string, text: string, requestId: string, again: string): Response {
  return htmlPage(
    status,
    title,
    `${TOP_BAR}<main class="narrow"><div class="card"><h1>${escapeHtml(title)}</h1><p class="muted">${escapeHtml(text)}</p>
<a class="button primary block" href="${escapeHtml(again)}">Try again</a>
<p class="muted small reference">Reference: <span class="mono">${escapeHtml(requestId)}</span></p></div></main>`,
  );
}

/** A small HTML error page (unknown checkout session and such). */
export function problemPage(status: number, title: string, text: string): Response {
  return htmlPage(
    status,
    title,
    `${TOP_BAR}<main class="narrow"><div class="card"><h1>${escapeHtml(title)}</h1><p class="muted">${escapeHtml(text)}</p></div></main>`,
  );
}

const MODE_LABEL: Record<PageRecord['mode'], string> = {
  PUBLIC: 'Public',
  FREE_WITH_LOGIN: 'Free with sign-in',
  PAID: 'Paid',
};

/** The mock's front page: where the mailbox and the development API are, and the pages it serves. */
export function indexPage(pages: Iterable<PageRecord>, baseUrl: string): Response {
  const tile = (path: string, name: string, what: string) =>
    `<a class="card tile" href="${escapeHtml(path)}"><strong>${escapeHtml(name)}</strong><span class="muted small">${escapeHtml(what)}</span></a>`;
  const rows = [...pages]
    .map(
      (p) =>
        `<li><div class="row"><strong>${escapeHtml(p.title)}</strong><span class="muted small">${
          MODE_LABEL[p.mode] ?? escapeHtml(p.mode)
        }${p.price !== undefined ? ` · ${escapeHtml(formatMoney(p.price, p.currency ?? 'USD'))}` : ''}${
          p.published ? '' : ' · <span class="badge">unpublished</span>'
        }</span></div><code class="muted">${escapeHtml(p.handle)}/${escapeHtml(p.slug)}</code></li>`,
    )
    .join('');
  return htmlPage(
    200,
    'Visitor Access mock',
    `${TOP_BAR}<main>
<h1>Visitor Access mock</h1>
<p class="muted">Running at <span class="mono">${escapeHtml(baseUrl)}</span>. The API lives under <code>/v2</code> and <code>/_edge</code>; docs/mock.md has every route.</p>
<div class="tiles">${tile('/_mock/mailbox', 'Mailbox', 'Every email sent, with its links and codes')}${tile(
      '/_mock/api/requests',
      'Request log',
      'The latest requests with their IDs (JSON)',
    )}${tile('/_mock/api/clock', 'Clock', 'The mock’s time (JSON)')}</div>
<h2>Pages</h2>
<ul class="pages card">${rows || '<li class="muted">No pages.</li>'}</ul>
</main>`,
  );
}
