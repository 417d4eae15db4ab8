// The magic-link landing pages (`GET /_edge/visitor/access/t/{token}`): a valid link's page with one
// Continue button, and the page of an expired, used or unknown link with a form to ask for a new one.
import { english } from '../locales/index.js';
import type { PageLocale, PageStrings } from '../locales/index.js';
import { pageScript } from './scripts.js';
import { fillHtml, html, htmlPage, initial, TOP_BAR, type Html } from './shell.js';

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
  return htmlPage(200, t.signIn, body, pageScript(t, 'landing', 'request-form'), locale);
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
  return htmlPage(401, text[0], body, pageScript(t, 'request-form'), locale);
}
