// The mock's front page (`/`): where the mailbox and the development API are, and the pages it serves.
import type { PageRecord } from '../records.js';
import { formatMoney, html, htmlPage, TOP_BAR } from './shell.js';

const MODE_LABEL: Record<PageRecord['mode'], string> = {
  PUBLIC: 'Public',
  FREE_WITH_LOGIN: 'Free with sign-in',
  PAID: 'Paid',
};

/** The mock's front page: where the mailbox and the development API are, and the pages it serves. */
export function indexPage(pages: Iterable<PageRecord>, baseUrl: string): Response {
  const tile = (path: string, name: string, what: string) =>
    html`<a class="card tile" href="${path}"><strong>${name}</strong><span class="muted small">${what}</span></a>`;
  const rows = [...pages].map(
    (p) =>
      html`<li><div class="row"><strong>${p.title}</strong><span class="muted small">${MODE_LABEL[p.mode] ?? p.mode}${
        p.price !== undefined ? ` · ${formatMoney(p.price, p.currency ?? 'USD')}` : ''
      }${p.published ? '' : html` · <span class="badge">unpublished</span>`}</span></div><code class="muted">${p.handle}/${p.slug}</code></li>`,
  );
  return htmlPage(
    200,
    'Visitor Access mock',
    html`${TOP_BAR}<main>
<h1>Visitor Access mock</h1>
<p class="muted">Running at <span class="mono">${baseUrl}</span>. The API lives under <code>/v2</code> and <code>/_edge</code>; docs/mock.md has every route.</p>
<div class="tiles">${tile('/_mock/mailbox', 'Mailbox', 'Every email sent, with its links and codes')}${tile(
      '/_mock/api/requests',
      'Request log',
      'The latest requests with their IDs (JSON)',
    )}${tile('/_mock/api/clock', 'Clock', 'The mock’s time (JSON)')}</div>
<h2>Pages</h2>
<ul class="pages card">${rows.length ? rows : html`<li class="muted">No pages.</li>`}</ul>
</main>`,
  );
}
