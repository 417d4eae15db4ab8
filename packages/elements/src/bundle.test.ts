// The script-tag bundle, as a creator's page loads it: no import, one <script> (async, and twice).
import { beforeEach, describe, expect, it } from 'vitest';
import { addScript, apiBase, resetAll, waitFor } from '../test/helpers.js';

const BUNDLE = '/packages/elements/dist/visitor-access.js';

beforeEach(resetAll);

describe('dist/visitor-access.js', () => {
  it('registers every element, takes data-api-base from its tag, and survives being loaded twice (async)', async () => {
    const errors: unknown[] = [];
    const onError = (e: ErrorEvent) => errors.push(e.error ?? e.message);
    window.addEventListener('error', onError);
    document.body.innerHTML = `<paywall-gate handle="gharart" page="welcome"><p class="secret">Welcome content</p></paywall-gate>`;
    await addScript({ src: BUNDLE, async: '', 'data-api-base': apiBase });
    await addScript({ src: `${BUNDLE}?again`, async: '', 'data-api-base': apiBase });
    // The script is a loader: its first chunk defines the elements (decision 0151).
    for (const tag of ['paywall-gate', 'visitor-session', 'visitor-access-list', 'group-buy-card']) {
      await waitFor(() => customElements.get(tag), tag);
    }
    window.removeEventListener('error', onError);
    const gate = document.querySelector('paywall-gate')!;
    await waitFor(() => gate.getAttribute('state') === 'granted', 'the gate to grant the public page');
    expect(gate.querySelector('.secret')!.assignedSlot).not.toBeNull();
    expect(errors).toEqual([]);
  });
});
