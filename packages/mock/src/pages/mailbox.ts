// The mailbox (`/_mock/mailbox`): every email the mock sent, newest first, with its links and codes.
import { english, fillText } from '../locales/index.js';
import type { PageLocale, PageStrings } from '../locales/index.js';
import type { MessageRecord } from '../records.js';
import { pageScript } from './scripts.js';
import { fillHtml, html, htmlPage, safeHref, TOP_BAR, type Html } from './shell.js';

/** `2026-12-03 14:03:27 UTC`: the server's rendering; the page script shows it in local time. */
const utc = (ms: number) => `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} UTC`;

/** The text of an email as paragraphs, with its http(s) addresses as links. */
function emailText(text: string): Html[] {
  return text.split(/\n{2,}/).map((para) => {
    const parts: Array<string | Html> = [];
    let last = 0;
    for (const match of para.matchAll(/https?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)]/g)) {
      parts.push(para.slice(last, match.index));
      const href = safeHref(match[0]);
      parts.push(href ? html`<a href="${href}">${match[0]}</a>` : match[0]);
      last = match.index + match[0].length;
    }
    parts.push(para.slice(last));
    // Line breaks inside a paragraph stay: each text part is split on them.
    return html`<p>${parts.map((part) => (typeof part === 'string' ? lines(part) : part))}</p>`;
  });
}

/** Text with its line breaks as `<br>`. */
const lines = (text: string): Html[] => text.split('\n').map((line, i) => (i ? html`<br>${line}` : html`${line}`));

/** An address with a `<wbr>` before its @: a long one breaks there on a phone. */
function address(to: string): Html {
  const at = to.indexOf('@');
  return at < 0 ? html`${to}` : html`${to.slice(0, at)}<wbr>${to.slice(at)}`;
}

function messageItem(m: MessageRecord, open: boolean, t: PageStrings): Html {
  const href = safeHref(m.link);
  const label = m.token ? t.openSignInLink : t.openLink;
  const codeId = `code-${m.id}`;
  const sent = new Date(m.sentAt).toISOString();
  return html`<li><details${open ? html` open` : ''}>
<summary><span class="to">${address(m.to)}</span><span class="subject">${m.subject}</span><time class="when" datetime="${sent}" data-local="short">${utc(m.sentAt)}</time></summary>
<div class="message">
<p class="muted small">${t.sent} <time datetime="${sent}" data-local="long">${utc(m.sentAt)}</time></p>
${href ? html`<a class="button primary" href="${href}">${label}</a>` : ''}
${
  m.code
    ? html`<div class="code-box"><span class="label" id="${codeId}-label">${t.signInCode}</span><span class="code" id="${codeId}" aria-labelledby="${codeId}-label ${codeId}">${m.code}</span><button type="button" class="button" data-copy="${codeId}" hidden>${t.copyCode}</button></div>`
    : ''
}
<div class="text"><p class="label">${t.emailText}</p>${emailText(m.text)}</div>
</div>
</details></li>`;
}

/** The mailbox: every email, newest first; the newest is open, the others open with a click. */
export function mailboxPage(
  messages: MessageRecord[],
  filter: string | undefined,
  locale: PageLocale = english,
): Response {
  const { t } = locale;
  const self = `/_mock/mailbox${filter ? `?to=${encodeURIComponent(filter)}` : ''}`;
  const count =
    new Intl.PluralRules(locale.lang).select(messages.length) === 'one' && messages.length === 1
      ? t.emailsOne
      : fillText(t.emails, { count: messages.length });
  const order = messages.length > 1 ? t.newestFirst : '';
  const list = messages.length
    ? html`<ol class="inbox" aria-label="${t.emailsNewestFirst}">${messages.map((m, i) => [i ? '\n' : '', messageItem(m, i === 0, t)])}</ol>`
    : html`<div class="card empty"><h2>${filter ? t.noEmailTo : t.noEmail}</h2><p class="muted">${t.noEmailText}</p></div>`;
  const body = html`${TOP_BAR}<main>
<div class="heading"><h1>${t.mailbox}</h1><a class="button" href="${self}">${t.refresh}</a></div>
<p class="muted">${
    filter
      ? html`${fillHtml(t.countTo, { count, email: html`<strong>${filter}</strong>`, order })} <a href="/_mock/mailbox">${t.showAll}</a>`
      : fillHtml(t.countAll, { count, order })
  }</p>
<form class="filter" method="get" action="/_mock/mailbox" role="search">
<div class="field"><label for="filter-to">${t.onlyTo}</label><input id="filter-to" type="email" name="to" spellcheck="false" placeholder="name@example.com" value="${filter ?? ''}"></div>
<button class="button">${t.filter}</button>
</form>
${list}
</main>`;
  return htmlPage(
    200,
    `${t.mailbox} (${messages.length})`,
    body,
    messages.length ? pageScript(t, 'mailbox') : undefined,
    locale,
  );
}
