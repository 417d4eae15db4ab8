// Runs in the mailbox: times in the reader's local time, and a Copy button for codes (the clipboard, or
// the code selected when the clipboard is denied). Emitted as text into the page (see ../scripts.ts).
import type { ClientStrings } from '../scripts.js';

declare const T: ClientStrings<'mailbox'>;

const lang = document.documentElement.lang;
const today = new Date().toDateString();
for (const t of document.querySelectorAll<HTMLTimeElement>('time[data-local]')) {
  const d = new Date(t.dateTime);
  t.title = t.textContent ?? '';
  t.textContent =
    t.dataset.local === 'short' && d.toDateString() === today
      ? d.toLocaleTimeString(lang)
      : d.toLocaleString(lang, { dateStyle: 'medium', timeStyle: 'medium' });
}
for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
  button.hidden = false;
  button.addEventListener('click', async () => {
    const code = document.getElementById(button.dataset.copy!)!;
    try {
      await navigator.clipboard.writeText(code.textContent ?? '');
      button.textContent = T.copied;
    } catch {
      getSelection()?.selectAllChildren(code);
      button.textContent = T.selected;
    }
    setTimeout(() => {
      button.textContent = T.copyCode;
    }, 2000);
  });
}
