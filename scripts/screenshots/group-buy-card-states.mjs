// The states of `<group-buy-card>` for `npm run screenshots` (scripts/screenshots.mjs): [name, how to get
// there, options?]. `go` gets { page, context, scheme, width } and leaves the page in the state; the
// screenshot is the whole page. The helpers come from the stage (./stage.mjs).

/** @param {Awaited<ReturnType<typeof import('./stage.mjs').startStage>>} stage */
export function groupBuyCardStates({ signIn, buy, interest, openCard }) {
  return [
    [
      'group-buy-card-collecting',
      async ({ page, scheme }) => {
        await openCard(page, scheme, 'spring-bundle');
        await page.waitForSelector('group-buy-card >> [part~=status]');
      },
    ],
    [
      'group-buy-card-sign-in',
      async ({ page, scheme }) => {
        await openCard(page, scheme, 'spring-bundle');
        await page.click('group-buy-card >> button:has-text("interested")');
        await page.waitForSelector('group-buy-card >> input[name=email]');
      },
    ],
    [
      'group-buy-card-interested',
      async ({ page, context, scheme }) => {
        await signIn(context);
        await interest(context, 'summer-bundle');
        await openCard(page, scheme, 'summer-bundle');
        await page.waitForSelector('group-buy-card >> text=You’re in');
      },
    ],
    [
      'group-buy-card-target-reached',
      async ({ page, scheme }) => {
        await openCard(page, scheme, 'autumn-bundle');
        await page.waitForSelector('group-buy-card >> text=Target reached');
      },
    ],
    [
      'group-buy-card-live',
      async ({ page, context, scheme }) => {
        await signIn(context);
        await openCard(page, scheme, 'winter-bundle');
        await page.waitForSelector('group-buy-card >> button:has-text("Buy for")');
      },
    ],
    [
      'group-buy-card-live-sign-in',
      async ({ page, scheme }) => {
        await openCard(page, scheme, 'winter-bundle');
        await page.click('group-buy-card >> button:has-text("Buy for")');
        await page.waitForSelector('group-buy-card >> input[name=email]');
      },
    ],
    [
      'group-buy-card-owned',
      async ({ page, context, scheme }) => {
        await signIn(context);
        await buy(context, 'winter-bundle');
        await openCard(page, scheme, 'winter-bundle');
        await page.waitForSelector('group-buy-card >> text=You bought this');
      },
    ],
    [
      'group-buy-card-error',
      async ({ page, scheme }) => {
        await page.route('**/group-buys/gharart/spring-bundle', (route) =>
          route.fulfill({
            status: 503,
            contentType: 'application/json',
            headers: { 'x-request-id': 'req_9Kd2mWq4Rx' },
            body: '{"error":"service_unavailable","message":"x","requestId":"req_9Kd2mWq4Rx"}',
          }),
        );
        await openCard(page, scheme, 'spring-bundle');
        await page.waitForSelector('group-buy-card >> [part~=error]');
      },
    ],
  ];
}
