// The states of the mock's own pages (their look belongs to the mock) for `npm run screenshots` (scripts/screenshots.mjs): [name, how to get
// there, options?]. `go` gets { page, context, scheme, width } and leaves the page in the state; the
// screenshot is the whole page. The helpers come from the stage (./stage.mjs).

/** @param {Awaited<ReturnType<typeof import('./stage.mjs').startStage>>} stage */
export function mockPageStates({ api, siteUrl, json, dev, email, latest, signIn }) {
  return [
    [
      'mock-mailbox',
      async ({ page }) => {
        const address = email('maria.fernandez');
        await fetch(`${api}/v2/visitor/auth/magic-link`, {
          method: 'POST',
          headers: json,
          body: JSON.stringify({ email: address, returnTo: `${siteUrl}/masterclass` }),
        });
        await page.goto(`${api}/_mock/mailbox?to=${encodeURIComponent(address)}`);
      },
    ],
    [
      'mock-mailbox-message',
      async ({ page }) => {
        const address = email('maria.fernandez');
        await fetch(`${api}/v2/visitor/auth/magic-link`, {
          method: 'POST',
          headers: json,
          body: JSON.stringify({ email: address, returnTo: `${siteUrl}/masterclass` }),
        });
        const { id } = await latest(address);
        // A page of its own for one message, when the mock has one; else the message in the list.
        const response = await page.goto(`${api}/_mock/mailbox/${encodeURIComponent(id)}`);
        if (!response || response.status() >= 400)
          await page.goto(`${api}/_mock/mailbox?to=${encodeURIComponent(address)}`);
      },
    ],
    [
      'mock-landing',
      async ({ page }) => {
        const address = email('maria');
        await fetch(`${api}/v2/visitor/auth/magic-link`, {
          method: 'POST',
          headers: json,
          body: JSON.stringify({ email: address, returnTo: `${siteUrl}/masterclass` }),
        });
        await page.goto((await latest(address)).link);
      },
    ],
    [
      'mock-landing-expired',
      async ({ page }) => {
        const address = email('maria');
        await fetch(`${api}/v2/visitor/auth/magic-link`, {
          method: 'POST',
          headers: json,
          body: JSON.stringify({ email: address }),
        });
        const { link } = await latest(address);
        await dev('/clock', { advanceMs: 16 * 60_000 });
        try {
          await page.goto(link);
        } finally {
          await dev('/clock', { advanceMs: -16 * 60_000 });
        }
      },
    ],
    [
      'mock-landing-used',
      async ({ page }) => {
        const address = email('maria');
        await fetch(`${api}/v2/visitor/auth/magic-link`, {
          method: 'POST',
          headers: json,
          body: JSON.stringify({ email: address }),
        });
        const { link, token } = await latest(address);
        await fetch(`${api}/v2/visitor/auth/verify`, {
          method: 'POST',
          headers: json,
          body: JSON.stringify({ token }),
        });
        await page.goto(link);
      },
    ],
    [
      'mock-checkout',
      async ({ page, context }) => {
        await signIn(context);
        const r = await context.request.post(`${api}/v2/public/pages/gharart/masterclass/checkout`, {
          headers: json,
          data: { successUrl: siteUrl, cancelUrl: siteUrl },
        });
        await page.goto((await r.json()).url);
      },
    ],
  ];
}
