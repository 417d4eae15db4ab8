// The magic-link landing pages (`GET /_edge/visitor/access/t/{token}`): a valid link's page with one
// Continue button, and the page of an expired, used or unknown link with a form to ask for a new one.
import { english } from '../locales/index.js';
import type { PageLocale, PageStrings } from '../locales/index.js';
import { fillHtml, html, htmlPage, initial, scriptStrings, TOP_BAR, type Html } from './shell.js';

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

function requestForm(email: string, returnTo: string | undefined, api: string, t: PageStrings): Html {
  return html`<form id="request-link" data-return-to="${returnTo ?? ''}" data-api="${api}">
<div class="field"><label for="request-email">${t.email}</label>
<input id="request-email" type="email" name="email" required autocomplete="email" spellcheck="false" value="${email}"></div>
<button type="submit" class="button primary block">${t.newLink}</button>
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
  const body = html`${TOP_BAR}<main class="narrow">
<div class="card">
<h1>${t.signIn}</h1>
<div class="identity"><span class="avatar" aria-hidden="true">${initial(email)}</span>
<div><span id="as" class="muted small">${t.signingInAs}</span><strong>${email}</strong></div></div>
<button id="continue" class="button primary block" data-token="${token}" data-return-to="${returnTo ?? ''}" data-api="${api}">${t.continue}</button>
<p id="status" class="status" role="status" aria-live="polite"></p>
<p id="next" class="muted small">${
    goesTo ? fillHtml(t.continueBack, { destination: html`<strong>${goesTo}</strong>` }) : t.continueNoBack
  }</p>
<div id="again" hidden>${requestForm(email, returnTo, api, t)}</div>
</div>
<p class="footnote muted small">${t.scannerNote}</p>
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
  const body = html`${TOP_BAR}<main class="narrow"><div class="card">
<h1>${text[0]}</h1><p class="muted">${text[1]}</p>
${requestForm(email, returnTo, api, t)}
</div></main>`;
  return htmlPage(401, text[0], body, requestFormScript(t), locale);
}
