// Issue 18.7: a script tag without `data-api-base` (a typo, or a CMS that strips attributes) left
// "Checking your access…" spinning forever. The page as a creator writes it, with the real bundle:
// the gate says what to fix instead.
import { beforeEach, expect, it, vi } from 'vitest';
import { addScript, resetAll, waitFor } from '../test/helpers.js';

const SCRIPT = '/packages/elements/dist/paywall-gate.js';

beforeEach(resetAll);

it('dist/paywall-gate.js without data-api-base: the gate names the attribute to fix, not a spinner', async () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  document.body.innerHTML = '<paywall-gate handle="gharart" page="masterclass"></paywall-gate>';
  // A CMS kept the attribute but emptied it, or the author misspelt it.
  await addScript({ src: SCRIPT, 'data-api-bse': 'https://api.example.com' });
  const gate = document.querySelector('paywall-gate')!;
  await waitFor(() => gate.getAttribute('state') === 'error', 'the error state', 3000);
  const text = gate.shadowRoot!.textContent!.replace(/\s+/g, ' ');
  expect(text).toContain('This page’s paywall is not set up: it has no API address.');
  expect(text).toContain('add data-api-base="https://…" to the visitor-access script tag');
  expect(text).not.toContain('Checking your access');
  expect(warn).toHaveBeenCalledWith(expect.stringContaining('<paywall-gate>: This page’s paywall is not set up'));
  warn.mockRestore();
});
