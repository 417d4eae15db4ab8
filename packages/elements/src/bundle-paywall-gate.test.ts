// The <paywall-gate>-only script, as a creator's page loads it: one <script> after the gates it
// serves (defer), no import. It defines only the gate, and the access check it starts before
// defining it is the gate's one and only check.
import { beforeEach, describe, expect, it } from 'vitest';
import { apiBase, dev, resetAll, uniquePage, waitFor } from '../test/helpers.js';

const SCRIPT = '/packages/elements/dist/paywall-gate.js';

function addScript(attrs: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    for (const [k, v] of Object.entries(attrs)) script.setAttribute(k, v);
    script.onload = () => resolve();
    script.onerror = () =>
      reject(new Error(`${SCRIPT} did not load: run \`npm run build -w @visitor-access/elements\` first`));
    document.head.append(script);
  });
}

async function accessChecks(slug: string): Promise<number> {
  const log = await dev<{ requests: Array<{ method: string; path: string }> }>('/requests?limit=200');
  return log.requests.filter((r) => r.method === 'POST' && r.path.includes(`/pages/gharart/${slug}/access-check`))
    .length;
}

beforeEach(resetAll);

describe('dist/paywall-gate.js', () => {
  it('defines only <paywall-gate>, which draws the sign-in after the one access check the script started', async () => {
    const errors: unknown[] = [];
    const onError = (e: ErrorEvent) => errors.push(e.error ?? e.message);
    window.addEventListener('error', onError);
    const paid = await uniquePage('PAID', { price: 1900, currency: 'USD' });
    const free = await uniquePage('PUBLIC');
    document.body.innerHTML = `
      <paywall-gate handle="gharart" page="${paid}"></paywall-gate>
      <paywall-gate handle="gharart" page="${free}"><p class="secret">Public content</p></paywall-gate>`;
    await addScript({ src: SCRIPT, 'data-api-base': apiBase });
    await addScript({ src: `${SCRIPT}?again`, 'data-api-base': apiBase });
    window.removeEventListener('error', onError);

    expect(customElements.get('paywall-gate')).toBeDefined();
    for (const tag of ['visitor-session', 'visitor-access-list', 'group-buy-card']) {
      expect(customElements.get(tag), tag).toBeUndefined();
    }
    const [gate, open] = [...document.querySelectorAll('paywall-gate')] as HTMLElement[];
    await waitFor(() => gate!.getAttribute('state') === 'sign-in', 'the paid gate to ask for an email');
    const field = gate!.shadowRoot!.querySelector<HTMLInputElement>('input[type=email]');
    expect(field?.disabled).toBe(false);
    expect(gate!.shadowRoot!.textContent).toContain('Buy for $19.00');
    await waitFor(() => open!.getAttribute('state') === 'granted', 'the public gate to show its content');
    expect(open!.querySelector('.secret')!.assignedSlot).not.toBeNull();
    // Started by the script, taken by the gate: one request per gate, even with the script loaded twice.
    expect(await accessChecks(paid)).toBe(1);
    expect(await accessChecks(free)).toBe(1);
    expect(errors).toEqual([]);
  });

  it("carries none of the other elements' strings (decision 0090)", async () => {
    const text = await (await fetch(SCRIPT)).text();
    expect(text).toContain('Email me a sign-in link');
    for (const other of ['Nothing here yet. Pages you sign in to', 'Collecting interest', 'Withdraw my interest']) {
      expect(text, other).not.toContain(other);
    }
  });
});
