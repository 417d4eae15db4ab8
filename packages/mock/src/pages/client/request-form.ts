// Runs in the landing pages (valid and problem links): asks for a new link by POSTing the magic-link route
// to the API under the page's `data-api` prefix. Emitted as text into the page (see ../scripts.ts).
import type { ClientStrings } from '../scripts.js';

declare const T: ClientStrings<'request-form'>;

/** What the API answers on an error (the contract's envelope), as far as this page reads it. */
interface Answer {
  message?: string;
}

const form = document.getElementById('request-link') as HTMLFormElement | null;
if (form)
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const out = document.getElementById('request-status')!;
    const submit = form.querySelector<HTMLButtonElement>('button[type=submit]')!;
    const body: { email: string; returnTo?: string } = {
      email: (form.elements.namedItem('email') as HTMLInputElement).value,
    };
    if (form.dataset.returnTo) body.returnTo = form.dataset.returnTo;
    out.className = 'status';
    out.textContent = T.sending;
    submit.disabled = true;
    try {
      const res = await fetch(form.dataset.api + '/v2/visitor/auth/magic-link', {
        method: 'POST',
        credentials: 'include',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      const data = (await res.json().catch(() => ({}))) as Answer;
      out.className = res.ok ? 'status ok' : 'status error';
      out.textContent = res.ok ? T.checkEmail : data.message || T.failedTryAgain;
    } catch {
      out.className = 'status error';
      out.textContent = T.networkTryAgain;
    }
    submit.disabled = false;
  });
