// The small pages for people that say something went wrong: a fault the mock injected into a page route,
// and a problem such as an unknown checkout session.
import { html, htmlPage, TOP_BAR } from './shell.js';

/**
 * The page a person gets when the mock injects a fault into a page route (the magic-link landing): what
 * happened, the request ID for support, and a link that loads the same address again.
 */
export function faultPage(status: number, title: string, text: string, requestId: string, again: string): Response {
  return htmlPage(
    status,
    title,
    html`${TOP_BAR}<main class="narrow"><div class="card"><h1>${title}</h1><p class="muted">${text}</p>
<a class="button primary block" href="${again}">Try again</a>
<p class="muted small reference">Reference: <span class="mono">${requestId}</span></p></div></main>`,
  );
}

/** A small HTML error page (unknown checkout session and such). */
export function problemPage(status: number, title: string, text: string): Response {
  return htmlPage(
    status,
    title,
    html`${TOP_BAR}<main class="narrow"><div class="card"><h1>${title}</h1><p class="muted">${text}</p></div></main>`,
  );
}
