// The <paywall-gate>-only script, as a creator's page loads it: one <script> after the gates it
// serves (defer), no import. It defines only the gate, and the access check it starts before
// defining it is the gate's one and only check. The script is a loader that imports its chunks
// from beside itself (decision 0151): also under a nonce-only CSP, and when loaded twice.
import { beforeEach, describe, expect, it } from 'vitest';
import { addScript, apiBase, dev, resetAll, uniquePage, waitFor } from '../test/helpers.js';

const SCRIPT = '/packages/elements/dist/paywall-gate.js';

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
    await waitFor(() => customElements.get('paywall-gate'), 'the first chunk to define the gate');
    window.removeEventListener('error', onError);

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

  it('loads under a nonce-only CSP: the chunks the script imports carry its nonce', async () => {
    const paid = await uniquePage('PAID', { price: 1900, currency: 'USD' });
    const frame = document.createElement('iframe');
    const violations: string[] = [];
    frame.srcdoc = `<!doctype html><html lang="en"><head>
      <meta http-equiv="Content-Security-Policy" content="script-src 'nonce-n0nce'; object-src 'none'; base-uri 'none'">
      <script nonce="n0nce">
        addEventListener('securitypolicyviolation', (e) => parent.postMessage({ csp: e.blockedURI || e.violatedDirective }, '*'));
        // The test server (Vite) wraps every dynamic import in a call to its runner, which lives in the parent.
        window.__vitest_browser_runner__ = parent.__vitest_browser_runner__;
      </script>
      <script nonce="n0nce" src="${location.origin}${SCRIPT}" data-api-base="${apiBase}" defer></script>
      </head><body><paywall-gate handle="gharart" page="${paid}"></paywall-gate></body></html>`;
    const onMessage = (e: MessageEvent) => e.data?.csp && violations.push(e.data.csp);
    addEventListener('message', onMessage);
    document.body.replaceChildren(frame);
    try {
      const gate = await waitFor(
        () => frame.contentDocument?.querySelector('paywall-gate[state=sign-in]'),
        'the gate to draw its form inside the CSP page',
      );
      expect(gate.shadowRoot!.textContent).toContain('Buy for $19.00');
      // The SDK's chunk comes after the first usable paint, under the same nonce.
      await waitFor(
        () =>
          frame
            .contentWindow!.performance.getEntriesByType('resource')
            .some((e) => e.name.includes('paywall-gate.sdk.js')),
        `the SDK chunk to load (CSP violations: ${violations.join(', ') || 'none'})`,
      );
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(violations).toEqual([]);
    } finally {
      removeEventListener('message', onMessage);
    }
  });

  it("is a small loader whose first chunk carries none of the other elements' strings (decisions 0090, 0151)", async () => {
    // (Without the source map a dev server may add.)
    const loader = (await (await fetch(SCRIPT)).text()).split('//# sourceMappingURL')[0]!;
    expect(loader.length).toBeLessThan(2000);
    expect(loader).toContain('paywall-gate.first.js');
    const text = await (await fetch(SCRIPT.replace('.js', '.first.js'))).text();
    expect(text).toContain('Email me a sign-in link');
    for (const other of ['Nothing here yet. Pages you sign in to', 'Collecting interest', 'Withdraw my interest']) {
      expect(text, other).not.toContain(other);
    }
  });
});
