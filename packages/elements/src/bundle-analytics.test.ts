// The script tag's data-analytics="dataLayer", as a creator writes it, with the real bundle: the
// funnel goes to window.dataLayer (Google Tag Manager reads it from there).
import { beforeEach, expect, it } from 'vitest';
import { addScript, apiBase, resetAll, uniquePage, waitFor } from '../test/helpers.js';

const SCRIPT = '/packages/elements/dist/visitor-access.js';

beforeEach(resetAll);

it('data-analytics="dataLayer" on the script tag pushes every element’s events to window.dataLayer', async () => {
  const w = window as typeof window & { dataLayer?: unknown[] };
  w.dataLayer = [{ 'gtm.start': 1 }];
  const slug = await uniquePage('FREE_WITH_LOGIN');
  document.body.innerHTML = `<paywall-gate handle="gharart" page="${slug}"></paywall-gate>`;
  const dispatched: unknown[] = [];
  document.addEventListener('va-analytics', (e) => dispatched.push(e.detail));
  await addScript({ src: SCRIPT, 'data-api-base': apiBase, 'data-analytics': 'dataLayer' });
  await waitFor(() => w.dataLayer!.length === 2, 'the paywall_view push');
  expect(w.dataLayer).toEqual([{ 'gtm.start': 1 }, { event: 'paywall_view', handle: 'gharart', page: slug }]);
  expect(dispatched).toEqual([{ event: 'paywall_view', handle: 'gharart', page: slug }]);
});
