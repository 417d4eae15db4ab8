// The script-tag bundle on a Japanese page (decision 0110): it fetches dist/locales/ja.js from
// beside itself before the gate's first paint, and the gate speaks Japanese; an English page beside
// it fetches nothing more.
import { beforeEach, describe, expect, it } from 'vitest';
import { addScript, apiBase, resetAll, waitFor } from '../../test/helpers.js';

const SCRIPT = '/packages/elements/dist/paywall-gate.js';

beforeEach(resetAll);

describe('dist/paywall-gate.js on a Japanese page', () => {
  it('loads locales/ja.js from beside the script, and no English is painted', async () => {
    document.body.innerHTML = `
      <div lang="ja"><paywall-gate handle="gharart" page="members-lounge"></paywall-gate></div>
      <div lang="en"><paywall-gate handle="gharart" page="members-lounge"></paywall-gate></div>`;
    const [ja, en] = [...document.querySelectorAll('paywall-gate')] as HTMLElement[];
    await addScript({ src: SCRIPT, 'data-api-base': apiBase });
    // The script is a loader: the elements are defined when its first chunk has run (decision 0151),
    // and their first paint waits for the language (0110), so watching from here sees every paint.
    await customElements.whenDefined('paywall-gate');
    const painted: string[] = [];
    new MutationObserver(() => painted.push(ja!.shadowRoot!.textContent ?? '')).observe(ja!.shadowRoot!, {
      childList: true,
      subtree: true,
      characterData: true,
    });
    await waitFor(() => ja!.getAttribute('state') === 'sign-in', 'the Japanese gate');
    await waitFor(() => en!.getAttribute('state') === 'sign-in', 'the English gate');
    expect(ja!.shadowRoot!.textContent).toContain('メールアドレス');
    expect(painted.filter((t) => /Email address|Sign in/.test(t))).toEqual([]);
    expect(en!.shadowRoot!.textContent).toContain('Email address');
    const languages = performance
      .getEntriesByType('resource')
      .map((e) => new URL(e.name).pathname)
      .filter((p) => /\/locales\/[\w-]+\.js$/.test(p));
    expect(languages).toEqual(['/packages/elements/dist/locales/ja.js']);
  });
});
