// Runs in the fake Stripe Checkout of an open session: Pay and Cancel complete the session through the
// development API, whose address the page derives from its own path (so it keeps a public URL's path
// prefix), then go where the answer says. Emitted as text into the page (see ../scripts.ts).
import type { ClientStrings } from '../scripts.js';

declare const T: ClientStrings<'checkout'>;

/** What `POST /_mock/api/checkout/{id}/complete` answers, as far as this page reads it. */
interface Answer {
  redirectTo?: string;
  error?: string;
  message?: string;
}

const buttons = document.querySelectorAll<HTMLButtonElement>('button[data-outcome]');
const status = document.getElementById('status')!;
for (const button of buttons) {
  button.addEventListener('click', async () => {
    for (const b of buttons) b.disabled = true;
    status.className = 'status';
    status.textContent = T.processing;
    try {
      const res = await fetch(location.pathname.replace('/_mock/checkout/', '/_mock/api/checkout/') + '/complete', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ outcome: button.dataset.outcome }),
      });
      const data = (await res.json().catch(() => ({}))) as Answer;
      if (res.ok) return location.assign(data.redirectTo!);
      status.className = 'status error';
      status.textContent = data.message || T.failed;
      if (data.error === 'already_entitled') {
        // Already owned: nothing to pay, so the one way on is back to the page (as a cancel, which buys nothing).
        const back = document.getElementById('cancel') as HTMLButtonElement;
        status.className = 'status';
        document.getElementById('pay')!.hidden = true;
        back.textContent = T.backToPage;
        back.classList.add('primary');
        back.disabled = false;
      } else if (data.error !== 'checkout_session_closed') for (const b of buttons) b.disabled = false;
    } catch {
      status.className = 'status error';
      status.textContent = T.networkTryAgain;
      for (const b of buttons) b.disabled = false;
    }
  });
}
