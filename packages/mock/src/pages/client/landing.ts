// Runs in the landing page of a valid link: Continue verifies the token, then goes to `returnTo` (or says
// the tab can be closed). Emitted as text into the page (see ../scripts.ts).
//
// The click verifies once, however often it is sent: one Idempotency-Key per page, so a retry of an answer
// that was lost (a timeout, a dropped connection) replays it and still signs in. Passing trouble (429,
// 5xx, no answer) is retried twice, as the SDK does, and then leaves Continue to click again; only a link
// that cannot work any more turns into the form for a new one.
import type { ClientStrings } from '../scripts.js';

declare const T: ClientStrings<'landing'>;

/** What the API answers on an error (the contract's envelope), as far as this page reads it. */
interface Answer {
  message?: string;
}

const button = document.getElementById('continue') as HTMLButtonElement;
const status = document.getElementById('status')!;
const next = document.getElementById('next')!;
const bytes = crypto.getRandomValues(new Uint8Array(16));
const key = 'landing-' + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function verify(): Promise<{ res: Response; data: Answer } | undefined> {
  let last;
  for (let attempt = 0; attempt < 3; attempt++) {
    if (attempt) await wait(300 * 2 ** (attempt - 1));
    try {
      const res = await fetch(button.dataset.api + '/v2/visitor/auth/verify', {
        method: 'POST',
        credentials: 'include',
        headers: { 'content-type': 'application/json', 'idempotency-key': key },
        body: JSON.stringify({ token: button.dataset.token }),
      });
      const data = (await res.json().catch(() => ({}))) as Answer;
      last = { res, data };
      if (res.status !== 429 && res.status < 500) return last;
    } catch {
      last = undefined;
    }
  }
  return last;
}

button.addEventListener('click', async () => {
  button.disabled = true;
  status.className = 'status';
  status.textContent = T.signingIn;
  const answer = await verify();
  if (!answer || answer.res.status === 429 || answer.res.status >= 500) {
    status.className = 'status error';
    status.textContent = answer ? T.notNow : T.networkLinkWorks;
    button.disabled = false;
    return;
  }
  const { res, data } = answer;
  if (res.ok) {
    status.className = 'status ok';
    status.textContent = T.signedIn;
    document.getElementById('as')!.textContent = T.signedInAs;
    if (button.dataset.returnTo) location.assign(button.dataset.returnTo);
    else {
      button.hidden = true;
      next.textContent = T.closeTab;
    }
    return;
  }
  status.className = 'status error';
  status.textContent = data.message || T.linkFailed;
  // One primary action at a time: the request form replaces Continue.
  button.hidden = true;
  next.hidden = true;
  document.getElementById('again')!.hidden = false;
});
