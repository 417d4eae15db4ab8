// The states of `<visitor-access-list>` for `npm run screenshots` (scripts/screenshots.mjs): [name, how to get
// there, options?]. `go` gets { page, context, scheme, width } and leaves the page in the state; the
// screenshot is the whole page. The helpers come from the stage (./stage.mjs).

/** @param {Awaited<ReturnType<typeof import('./stage.mjs').startStage>>} stage */
export function visitorAccessListStates({ api, json, dev, signIn, buy, openList }) {
  return [
    [
      'visitor-access-list-signed-out',
      async ({ page, scheme }) => {
        await openList(page, scheme);
        await page.waitForSelector('visitor-access-list >> [part~=empty]');
      },
    ],
    [
      'visitor-access-list-empty',
      async ({ page, context, scheme }) => {
        await signIn(context);
        await openList(page, scheme);
        await page.waitForSelector('visitor-access-list >> [part~=empty]');
      },
    ],
    [
      'visitor-access-list-items',
      async ({ page, context, scheme }) => {
        await signIn(context);
        await context.request.post(`${api}/v2/public/pages/gharart/members-lounge/access-check`, {
          headers: json,
          data: {},
        });
        await buy(context, 'masterclass');
        const { visitor } = await (await context.request.get(`${api}/v2/visitor/me`)).json();
        await dev('/stripe-refund', { handle: 'gharart', pageSlug: 'masterclass', visitorId: visitor.id });
        await buy(context, 'winter-bundle');
        await openList(page, scheme);
        await page.waitForSelector('visitor-access-list >> tbody tr');
      },
    ],
    [
      'visitor-access-list-error',
      async ({ page, scheme }) => {
        await page.route('**/_edge/visitor/access', (route) =>
          route.fulfill({
            status: 503,
            contentType: 'application/json',
            headers: { 'x-request-id': 'req_3Fv8sPq1Zt' },
            body: '{"error":"service_unavailable","message":"x","requestId":"req_3Fv8sPq1Zt"}',
          }),
        );
        await openList(page, scheme);
        await page.waitForSelector('visitor-access-list >> [part~=error]');
      },
    ],
  ];
}
